"""The runtime's shipped size against its budget (and the sizes of its parts)."""

from __future__ import annotations

from studio.export.runtime import MINIFIED_PATH, RUNTIME_PATH, SIZE_BUDGET_GZIP, SIZE_CEILING_GZIP, gzip_size


def rows() -> list[tuple[str, str]]:
    """Figures for the table: (what, value)."""
    source = RUNTIME_PATH.read_text(encoding="utf-8")
    shipped = MINIFIED_PATH.read_text(encoding="utf-8")
    gz = gzip_size(shipped)
    verdict = "within" if gz <= SIZE_BUDGET_GZIP else "OVER"
    return [
        ("guide-runtime.js (readable source)", f"{len(source.encode()):,} bytes"),
        ("guide-runtime.min.js (as shipped, JS + CSS)", f"{len(shipped.encode()):,} bytes"),
        (
            "shipped, gzip -9",
            f"{gz:,} bytes ({verdict} the bar of {SIZE_BUDGET_GZIP:,} B for the five kinds with hardening;"
            f" {'within' if gz <= SIZE_CEILING_GZIP else 'OVER'} the {SIZE_CEILING_GZIP:,} B for every kind)",
        ),
        ("for comparison (their docs)", "Driver.js ~8 KB (tours only), Shepherd ~17 KB, Intro.js ~22 KB"),
    ]
