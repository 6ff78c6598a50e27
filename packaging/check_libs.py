"""Check a frozen Linux build against the committed list of shared libraries it may hold.

    python packaging/check_libs.py ONEDIR [--allowlist packaging/linux/allowed-libs.txt]
    python packaging/check_libs.py ONEDIR --write   # after a deliberate change: rewrite it

Every ELF file in the build (libraries, Python extension modules, Qt plugins, the
executable) must be listed as `bundled <path>`; every library they need that the build does
not carry must be listed as `system <soname>` (taken from the user's system, and a
dependency of the .deb). A build host with extra system libraries (PyInstaller collects
whatever the host has that a binary links) therefore fails here, loudly, with the names,
instead of shipping them. Entries the build no longer has are reported too, so the list
stays exact. Needs `readelf` (binutils). Exit status 0 when the build matches, 1 if not.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

DEFAULT_ALLOWLIST = Path(__file__).resolve().parent / "linux" / "allowed-libs.txt"
_HEADER = """\
# Shared libraries of the Linux build (packaging/check_libs.py checks every build).
#   bundled PATH    an ELF file inside the onedir (relative to it)
#   system SONAME   a library the build needs from the user's system (a .deb dependency)
# Change this file only on purpose, in the same commit as the change that needs it, and
# say why in the commit message. `check_libs.py ONEDIR --write` rewrites it from a build.
"""


def is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    out = subprocess.run(  # noqa: S603
        ["readelf", "-d", str(path)],  # noqa: S607 (binutils on PATH)
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def scan(onedir: Path) -> tuple[set[str], set[str]]:
    """(bundled ELF paths, sonames needed from the system)."""
    bundled: set[str] = set()
    names: set[str] = set()  # every file or symlink name inside: what the loader can find
    wanted: set[str] = set()
    for path in sorted(onedir.rglob("*")):
        names.add(path.name)
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        bundled.add(path.relative_to(onedir).as_posix())
        wanted.update(needed(path))
    return bundled, wanted - names


def read_allowlist(path: Path) -> tuple[set[str], set[str]]:
    bundled, system = set(), set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, name = line.partition(" ")
        if kind == "bundled":
            bundled.add(name.strip())
        elif kind == "system":
            system.add(name.strip())
        else:
            raise SystemExit(f"check_libs: {path}:{number}: expected 'bundled' or 'system'")
    return bundled, system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("onedir", type=Path)
    parser.add_argument("--allowlist", type=Path, default=DEFAULT_ALLOWLIST)
    parser.add_argument("--write", action="store_true", help="rewrite the allowlist")
    args = parser.parse_args(argv)
    bundled, system = scan(args.onedir)
    if args.write:
        lines = [f"bundled {p}" for p in sorted(bundled)] + [f"system {s}" for s in sorted(system)]
        args.allowlist.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"check_libs: wrote {len(bundled)} bundled and {len(system)} system entries")
        return 0
    allowed_bundled, allowed_system = read_allowlist(args.allowlist)
    problems = [f"NOT ALLOWED in the build: {p}" for p in sorted(bundled - allowed_bundled)]
    problems += [f"NOT ALLOWED from the system: {s}" for s in sorted(system - allowed_system)]
    problems += [f"listed but not in the build: {p}" for p in sorted(allowed_bundled - bundled)]
    problems += [f"listed but not needed: system {s}" for s in sorted(allowed_system - system)]
    if problems:
        print(f"check_libs: {args.onedir} does not match {args.allowlist}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"check_libs: {len(bundled)} bundled ELF files and {len(system)} system libraries, "
          "all on the allowlist")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
