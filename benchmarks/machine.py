"""Describe the machine a benchmark ran on, so figures are read in context."""

from __future__ import annotations

import os
import platform
import sqlite3


def cpu_model() -> str:
    """The CPU's marketing name, where the OS tells it."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float:
    """Physical memory in GiB (0 when unknown)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return 0.0


def describe() -> str:
    """One line: CPU, cores, memory, OS, Python and SQLite versions."""
    return (
        f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
