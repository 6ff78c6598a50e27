"""Run every benchmark in bench/ (each bench_*.py, in name order) and print all figures.

Each benchmark runs in its own process, so one's caches, memory peak or crash never colour
another's figures; its output is passed through as it comes. The large synthetic vault is
built (or found in the bench/out/ cache) first, and its location is handed to every
benchmark in the environment:

    SATCHEL_BENCH_VAULT             the vault folder (2,000 cases; 200 with --quick)
    SATCHEL_BENCH_PASSPHRASE_FILE   a file holding its passphrase on the first line

A benchmark that lists `--vault` and `--passphrase-file` in its --help also gets them on
its command line. `--quick` is passed on to every benchmark that lists it, for a run of a few
minutes; without it the whole run is meant to stay around ten minutes on a 2-core machine
(plus the one-time vault build). Benchmarks print figures and never assert; a benchmark
that fails is reported and the others still run.

    python bench/run.py [--quick] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_vault import FULL, QUICK, ensure_vault, passphrase_file  # noqa: E402


def options_of(script: Path) -> str:
    """A benchmark's own --help text, to see which of the shared options it offers."""
    proc = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    )
    return proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller vault and workloads")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="only these, e.g. --only core unlock"
    )
    args = parser.parse_args(argv)

    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        wanted = {f"bench_{n.removeprefix('bench_').removesuffix('.py')}.py" for n in args.only}
        scripts = [s for s in scripts if s.name in wanted]
    vault = ensure_vault(QUICK if args.quick else FULL)
    env = {
        **os.environ,
        "SATCHEL_BENCH_VAULT": str(vault),
        "SATCHEL_BENCH_PASSPHRASE_FILE": str(passphrase_file()),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    failed = []
    started = time.perf_counter()
    for script in scripts:
        command = [sys.executable, str(script)]
        offered = options_of(script)
        if args.quick and "--quick" in offered:
            command.append("--quick")
        if "--vault" in offered and "--passphrase-file" in offered:
            command += ["--vault", env["SATCHEL_BENCH_VAULT"]]
            command += ["--passphrase-file", env["SATCHEL_BENCH_PASSPHRASE_FILE"]]
        print(f"\n=== {script.stem} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.run(command, env=env, check=False).returncode
        took = time.perf_counter() - start
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"--- {script.stem}: {status} in {took:.0f} s", flush=True)
        if code != 0:
            failed.append(script.stem)
    print(f"\n{len(scripts)} benchmarks in {time.perf_counter() - started:.0f} s", end="")
    print(f"; failed: {', '.join(failed)}" if failed else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
