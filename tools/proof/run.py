"""`make proof`: run every proof part and write docs/proof.md with its figures and the machine.

A part is a module `tools/proof/<part>.py` with `TITLE: str` and
`run(long: bool = False) -> dict[str, object]` returning its figures in order (name to
int, float or str); `python -m tools.proof.<part> [--long]` prints them alone. This runner
imports every part named in PARTS, runs it in the mode asked for, prints the figures as
they come and writes one report. A listed part that is missing is an error, never a
silently shorter report. CI does not run this: it runs each part's short mode as a pytest
test that asserts the part's gates (tests/proof/).

    python -m tools.proof.run [--long] [--only crash,cctv] [--out docs/proof.md]

`--only` runs some parts and writes a report that names every listed part it left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "docs" / "proof.md"

# In report order. fuzz, canary and lock_memory are written by other work on issue 15.
PARTS = ["crash", "fuzz", "canary", "lock_memory", "exhaustion", "cctv"]


class MissingPart(RuntimeError):
    pass


def load_parts(names: list[str]) -> list[ModuleType]:
    """Import every named part; fail loudly, naming all that are missing or malformed."""
    modules, missing = [], []
    for name in names:
        try:
            module = importlib.import_module(f"tools.proof.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tools.proof.{name}":
                raise  # the part exists but something it imports does not
            missing.append(f"tools/proof/{name}.py does not exist")
            continue
        if not isinstance(getattr(module, "TITLE", None), str) or not callable(
            getattr(module, "run", None)
        ):
            missing.append(f"tools/proof/{name}.py lacks TITLE or run()")
            continue
        modules.append(module)
    if missing:
        raise MissingPart("proof parts missing: " + "; ".join(missing))
    return modules


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    info = {
        "date (UTC)": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "kernel": f"{platform.system()} {platform.release()}",
        "load average at start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "Python": platform.python_version(),
    }
    info.update(_library_versions())
    return info


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _library_versions() -> dict[str, str]:
    from importlib import metadata

    import PySide6.QtCore
    import sqlcipher3.dbapi2 as sqlite

    conn = sqlite.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()
    return {
        "Qt (PySide6)": f"{PySide6.QtCore.qVersion()} ({PySide6.__version__})",
        "SQLCipher": f"{cipher} (SQLite {sqlite.sqlite_version})",
        "pyrage": metadata.version("pyrage"),
        "cryptography": metadata.version("cryptography"),
    }


def render(
    info: dict[str, str], long: bool, sections: list[tuple[str, str, dict]], left_out: list[str]
) -> str:
    mode = "long" if long else "short"
    how = "`make proof-long`" if long else "`make proof`; `make proof-long` runs the long modes"
    lines = [
        "# Satchel: the proof figures",
        "",
        "Written by `make proof` (`tools/proof/run.py`); do not edit by hand. "
        f"This run: **{mode} mode** ({how}). "
        "What each part does and how it decides is in the docstring of its module under "
        "`tools/proof/`; CI runs the short modes as tests under `tests/proof/` that assert "
        "the gates.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
        f"| mode | {mode} |",
        "",
    ]
    if left_out:
        lines += [
            "**Not in this report:** "
            + ", ".join(f"`tools/proof/{n}.py`" for n in left_out)
            + " (run with `--only`; `make proof` runs every part and fails if one is missing).",
            "",
        ]
    for name, title, figures in sections:
        lines += [
            f"## {title}",
            "",
            f"`tools/proof/{name}.py`",
            "",
            "| figure | value |",
            "|---|---|",
        ]
        lines += [f"| {k} | {_cell(v)} |" for k, v in figures.items()]
        lines.append("")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the proof parts, write docs/proof.md")
    parser.add_argument("--long", action="store_true", help="the long modes")
    parser.add_argument("--only", help="comma-separated parts (the report names the others)")
    parser.add_argument("--out", type=Path, default=REPORT, help="the report to write")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else PARTS
    try:
        parts = load_parts(names)
    except MissingPart as exc:
        print(f"proof: {exc}", file=sys.stderr)
        return 2
    info = machine()
    for k, v in info.items():
        print(f"{k}: {v}")
    sections = []
    for name, module in zip(names, parts, strict=True):
        print(f"\n== {module.TITLE} ({name}, {'long' if args.long else 'short'} mode)", flush=True)
        started = time.monotonic()
        figures = module.run(long=args.long)
        for k, v in figures.items():
            print(f"{k}: {_cell(v)}", flush=True)
        print(f"({time.monotonic() - started:.0f} s)", flush=True)
        sections.append((name, module.TITLE, figures))
    left_out = [p for p in PARTS if p not in names]
    args.out.write_text(render(info, args.long, sections, left_out) + "\n", encoding="utf-8")
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
