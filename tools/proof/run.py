"""`make proof`: run the proof parts and write docs/proof.md with their figures and the machine.

A part is a module `tools/proof/<part>.py` with `TITLE: str` and
`run(long: bool = False) -> dict[str, object]` returning its figures in order (name to
int, float, bool or str); `python -m tools.proof.<part> [--long]` prints them alone. This
runner imports every part asked for, runs it in the mode asked for, prints the figures as
they come, keeps them in docs/proof-figures.json and writes the report from that file.
A listed part that is missing is an error, never a silently shorter report. CI does not run
this: it runs each part's short mode as a pytest test that asserts the part's gates
(tests/proof/).

The report has two halves. The short mode, what CI checks, comes from `make proof`, which
runs every part. The long mode (1,000 kills, 10^5 inputs per fuzz target, five sessions at
the real key derivation, a whole 4 GiB document) takes hours, so it is run part by part and
each part keeps the date, the load and the machine of its last long run; parts without a
long mode (their short run is the whole proof) appear in the short half only. A part never
run in a mode says so. A long fuzz run can be recorded while still under way
(`python -m tools.proof.fuzz --snapshot DIR --record`): its figures then name the targets
still running.

    python -m tools.proof.run                   # every part, short mode (`make proof`)
    python -m tools.proof.run --long            # the long modes (`make proof-long`)
    python -m tools.proof.run --long --only crash [--minutes 60]
    python -m tools.proof.run --render          # rewrite the report from the kept figures
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import json
import os
import platform
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "docs" / "proof.md"
FIGURES = ROOT / "docs" / "proof-figures.json"

# In report order; `make proof` runs them all.
PARTS = ["crash", "fuzz", "canary", "lock_memory", "exhaustion", "cctv"]
# The parts whose long mode is more than their short one.
LONG_PARTS = ["crash", "fuzz", "lock_memory", "exhaustion"]
MODES = {
    "short": "Short mode: what CI checks (`make proof`)",
    "long": "Long mode: the proof at scale (`make proof-long`)",
}
# What the report says of the long mode's scale, per part.
LONG_SCALE = {
    "crash": "1,000 SIGKILLs (`python -m tools.proof.run --long --only crash`)",
    "fuzz": "10^5 inputs per target (`python -m tools.proof.run --long --only fuzz`)",
    "lock_memory": "five sessions at the real key derivation "
    "(`python -m tools.proof.run --long --only lock_memory`)",
    "exhaustion": "more amounts of free room, and the whole 4 GiB document taken into a vault "
    "on the real disk (`python -m tools.proof.run --long --only exhaustion`)",
}


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


def load_figures(path: Path = FIGURES) -> dict[str, dict[str, dict]]:
    """The kept figures: mode to part to {title, date, load, seconds, machine, figures}."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        kept = {}
    return {mode: dict(kept.get(mode, {})) for mode in MODES}


def save_figures(kept: dict[str, dict[str, dict]], path: Path = FIGURES) -> None:
    path.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def entry(module: ModuleType, info: dict[str, str], seconds: float, figures: dict) -> dict:
    """What is kept of one part's run."""
    return {
        "title": module.TITLE,
        "date": info["date (UTC)"],
        "load": info["load average at start"],
        "seconds": round(seconds),
        "machine": info,
        "figures": figures,
    }


_SAME_MACHINE = ("CPU", "cores", "memory", "kernel", "Python")

# The figures the summary shows, in order: (part, figure, how the summary names it).
HEADLINES = [
    ("crash", "kills (SIGKILL while the command ran)", "SIGKILLs during writes"),
    ("crash", "kills asked for", "SIGKILLs asked for (fewer done: stopped by its time budget)"),
    ("crash", "inconsistent vaults", "inconsistent vaults after them"),
    ("fuzz", "fewest inputs of a target", "fuzzing: inputs of the least-run target"),
    ("fuzz", "inputs, all targets", "fuzzing: inputs, all targets"),
    ("fuzz", "crashes, all targets", "fuzzing: crashes"),
    ("fuzz", "hangs, all targets", "fuzzing: hangs"),
    ("fuzz", "partial writes, all targets", "fuzzing: partial writes"),
    ("fuzz", "still running when these figures were taken", "fuzzing: targets still running"),
    ("canary", "canary hits on disk", "canary hits on disk after a session"),
    (
        "canary",
        "memory after lock: canary copies",
        "canary copies in memory after a lock (a figure, not a gate)",
    ),
    ("lock_memory", "hits after a lock, all forms", "key or passphrase in memory after a lock"),
    ("exhaustion", "inconsistent vaults or unclear messages", "full disk etc.: bad outcomes"),
    ("cctv", "passed", "age CCTV vectors passed"),
    ("cctv", "vectors", "age CCTV vectors"),
]


def _summary(kept: dict[str, dict[str, dict]]) -> list[str]:
    lines = [
        "## Summary",
        "",
        "| figure | short mode (CI) | long mode |",
        "|---|---|---|",
    ]
    for part, key, label in HEADLINES:
        cells = []
        for mode in MODES:
            got = kept[mode].get(part)
            if got is None:
                cells.append(
                    "not run" if mode == "short" or part in LONG_PARTS else "(no long mode)"
                )
            else:
                cells.append(_cell(got["figures"].get(key, "—")))
        if any(c not in ("—", "not run", "(no long mode)") for c in cells):
            lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    return [*lines, ""]


def render(kept: dict[str, dict[str, dict]]) -> str:
    """The report, from the kept figures of both modes."""
    runs = [e for mode in MODES for e in kept[mode].values()]
    latest = max(runs, key=lambda e: e["date"])["machine"] if runs else machine()
    lines = [
        "# Satchel: the proof figures",
        "",
        "Written by `tools/proof/run.py` from `docs/proof-figures.json`; do not edit by hand. "
        "`make proof` runs every part in its short mode, the one CI checks "
        "(tests under `tests/proof/` assert the gates); `make proof-long` runs the long "
        "modes, which take hours, so each part below carries the date of its own run. What "
        "each part does and how it decides is in the docstring of its module under "
        "`tools/proof/`.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in latest.items() if k not in _PER_RUN),
        "",
        *_summary(kept),
    ]
    for mode, heading in MODES.items():
        names = PARTS if mode == "short" else LONG_PARTS
        lines += [f"## {heading}", ""]
        for name in names:
            got = kept[mode].get(name)
            title = got["title"] if got else _title(name)
            lines += [f"### {title}", ""]
            if mode == "long":
                lines += [f"Scale: {LONG_SCALE[name]}.", ""]
            if not got:
                lines += [f"`tools/proof/{name}.py`: **not run in the {mode} mode yet.**", ""]
                continue
            lines += [f"`tools/proof/{name}.py`, {mode} mode. {_measured(got, latest)}", ""]
            lines += ["| figure | value |", "|---|---|"]
            lines += [f"| {k} | {_cell(v)} |" for k, v in got["figures"].items()]
            lines.append("")
    return "\n".join(lines)


def _title(name: str) -> str:
    try:
        return str(importlib.import_module(f"tools.proof.{name}").TITLE)
    except (ImportError, AttributeError):
        return name


# Machine facts that belong to one run, not to the machine.
_PER_RUN = ("date (UTC)", "load average at start")


def _measured(got: dict, latest: dict[str, str]) -> str:
    text = (
        f"Measured {got['date']} UTC in {got['seconds']:,} s; "
        f"load average at its start {got['load']} (on {latest['cores']} cores)."
    )
    other = [k for k in _SAME_MACHINE if got["machine"].get(k) != latest.get(k)]
    if other:
        text += " On another machine: " + ", ".join(f"{k} {got['machine'][k]}" for k in other)
    return text


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def record(
    mode: str,
    name: str,
    module: ModuleType,
    seconds: float,
    figures: dict[str, object],
    info: dict[str, str] | None = None,
    figures_file: Path = FIGURES,
    out: Path = REPORT,
) -> None:
    """Keep one part's figures and rewrite the report.

    Part by part and read afresh: a long run stopped later still leaves the parts it
    finished, and two runs at once (a long part beside `make proof`) keep each other's.
    """
    kept = load_figures(figures_file)
    kept[mode][name] = entry(module, info or machine(), seconds, figures)
    save_figures(kept, figures_file)
    out.write_text(render(kept) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the proof parts, write docs/proof.md")
    parser.add_argument("--long", action="store_true", help="the long modes")
    parser.add_argument("--only", help="comma-separated parts (the others keep their figures)")
    parser.add_argument("--render", action="store_true", help="only rewrite the report")
    parser.add_argument(
        "--minutes",
        type=float,
        help="a time budget for the parts that take one (crash): they stop short and say so",
    )
    parser.add_argument("--out", type=Path, default=REPORT, help="the report to write")
    parser.add_argument("--figures", type=Path, default=FIGURES, help="the kept figures")
    args = parser.parse_args(argv)
    mode = "long" if args.long else "short"
    kept = load_figures(args.figures)
    if args.render:
        args.out.write_text(render(kept) + "\n", encoding="utf-8")
        print(f"Wrote {args.out}")
        return 0
    names = args.only.split(",") if args.only else (LONG_PARTS if args.long else PARTS)
    if args.long and (no_long := [n for n in names if n not in LONG_PARTS]):
        print(f"proof: no long mode in {', '.join(no_long)}", file=sys.stderr)
        return 2
    try:
        parts = load_parts(names)
    except MissingPart as exc:
        print(f"proof: {exc}", file=sys.stderr)
        return 2
    for name, module in zip(names, parts, strict=True):
        info = machine()
        if name == names[0]:
            for k, v in info.items():
                print(f"{k}: {v}")
        print(f"\n== {module.TITLE} ({name}, {mode} mode)", flush=True)
        started = time.monotonic()
        options = {}
        if args.minutes and "budget_s" in inspect.signature(module.run).parameters:
            options["budget_s"] = args.minutes * 60
        figures = module.run(long=args.long, **options)
        for k, v in figures.items():
            print(f"{k}: {_cell(v)}", flush=True)
        seconds = time.monotonic() - started
        print(f"({seconds:.0f} s)", flush=True)
        record(mode, name, module, seconds, figures, info, args.figures, args.out)
    print(f"\nWrote {args.out} and {args.figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
