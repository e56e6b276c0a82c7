"""Fetch the real-release packages: ``python -m benchmarks.locators.real.setup``.

``npm pack`` each pinned version into the cache (outside git) and unpack it; already
unpacked versions are skipped. Needs npm and the registry.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile

from .corpus import CACHE, PACKAGES, SIBLINGS, folder


def fetch(spec: str) -> None:
    """Pack and unpack one package version unless it is already there."""
    target = folder(spec)
    if (target / "package.json").exists():
        return
    tgz_dir = CACHE / "tgz"
    tgz_dir.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(tgz_dir)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if out.returncode:
        sys.exit(f"npm pack {spec} failed: {out.stderr.strip().splitlines()[-1:]}")
    tgz = tgz_dir / out.stdout.strip().splitlines()[-1]
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(tgz) as tar:
        for member in tar.getmembers():
            member.name = member.name.split("/", 1)[-1] if "/" in member.name else ""
            if member.name and (member.isfile() or member.isdir()):
                tar.extract(member, target, filter="data")


def main() -> None:
    """Fetch every package the corpus needs."""
    for spec in PACKAGES + sorted(set(SIBLINGS.values())):
        print(f"{spec} …", flush=True)
        fetch(spec)
    print(f"ready in {CACHE / 'pkg'}")


if __name__ == "__main__":
    main()
