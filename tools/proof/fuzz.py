"""Proof 12, hostile input at scale: coverage-guided fuzzing of every parser of outside data.

The targets (tools/proof/fuzz_targets.py) are the bundle reader at its age, tar, manifest and
record layers (the last one importing signed hostile records into a real vault), colleague
cards and QR text, the keyslots file, dates and numbers as the CLI and the forms read them,
Markdown notes as the notes view renders them, and PDFs and images as the documents viewer
shows them. Each runs in its own process under atheris (libFuzzer for Python): coverage of
Satchel's own code guides the mutations, seeded with the bundle vectors, the CCTV age vectors
and small samples. Per target it counts:

- inputs: how many inputs were run (libFuzzer's executed units, seeds included);
- crashes: inputs that raised anything but the documented refusal, killed the process with a
  signal, or took it past the memory limit (2 GiB);
- hangs: inputs that took longer than the per-input timeout;
- peak memory: the largest resident set of the target's process (MiB, its VmHWM);
- partial writes (the import target): refused bundles that left the vault changed;
- inputs/s: libFuzzer's rate while fuzzing (its process start and set-up left out).

Every failing input is kept under `tests/proof/fuzz_crashers/<target>/` (`--keep`), where
tests/proof/test_fuzz.py replays it: a crasher becomes a regression test once its cause is
fixed.

Why atheris and not Hypothesis: atheris is libFuzzer itself (coverage feedback from Python
and from native code built with it, per-input timeouts, RSS limits, crash artifacts), and
its cp311 manylinux wheel installs from PyPI like any test dependency. Hypothesis stays for
the property tests (tests/bundle/test_fuzz.py mutates bundles structurally).

Short mode (CI, tests/proof/test_fuzz.py): a few hundred inputs per target, about a minute.
Long mode, the proof's figures (10^5 inputs per target, two targets at a time, the slowest
first; the import target bounds it: about 45 inputs/s on an idle core, some 40 minutes, and
hours on a loaded machine):

    python -m tools.proof.run --long --only fuzz     # runs it and records it in docs/proof.md
    python -m tools.proof.fuzz --long                # runs it and prints the figures

A long run under way can be looked at, and recorded as it stands (its figures then name the
targets still running): `python -m tools.proof.fuzz --snapshot /dev/shm/satchel-fuzz-XXXX
[--record]`.

One target alone: `python -m tools.proof.fuzz --target pdf --runs 20000 --keep`.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tools.proof.fuzz_targets import ROOT, TARGETS, PartialWrite, Target

TITLE = "Hostile input at scale (fuzzing)"

LONG_RUNS = 100_000
SHORT_RUNS = 300
# Short runs also stop after this long, whatever the count: CI's budget on a loaded machine.
SHORT_SECONDS = 15
RSS_LIMIT_MB = 2048
CRASHERS = ROOT / "tests" / "proof" / "fuzz_crashers"

_PARTIAL = "partial-write-"


@dataclass
class Outcome:
    target: str
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    peak_mib: float = 0.0
    partial_writes: int = 0
    seconds: float = 0.0
    rate: float = 0.0  # inputs per second while fuzzing (libFuzzer's exec/s)
    finished: bool = True
    started: bool = True
    detail: str = ""


# -- the child: one target under atheris -------------------------------------------------------


def _dictionary(path: Path, words: tuple[bytes, ...]) -> None:
    def quoted(word: bytes) -> str:
        return "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in word
        )

    path.write_text("".join(f'"{quoted(w)}"\n' for w in words), encoding="ascii")


def _left_out(target: Target) -> list[str]:
    """Satchel's modules outside `target.instrument`, for atheris to leave uninstrumented.

    atheris's `include` takes top-level packages only (`satchel.bundle.format` instruments
    all of `satchel`); its `exclude` takes exact module names. The modules are found on
    disk, since importing them here would import them uninstrumented.
    """
    src = ROOT / "src"
    names = []
    for path in sorted((src / "satchel").rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return [n for n in names if not any(n == p or n.startswith(p + ".") for p in target.instrument)]


def child(name: str, runs: int, seconds: int, work: Path) -> None:
    """Fuzz one target in this process (atheris exits the process when done)."""
    import atheris

    target = TARGETS[name]
    corpus = work / "corpus"
    artifacts = work / "artifacts"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    with atheris.instrument_imports(include=list(target.instrument), exclude=_left_out(target)):
        one = target.setup(work)
        for i, seed in enumerate(target.seeds(work)):
            (corpus / f"seed-{i:03d}").write_bytes(seed)

    def test_one_input(data: bytes) -> None:
        try:
            one(data)
        except PartialWrite:
            (artifacts / f"{_PARTIAL}{len(list(artifacts.iterdir()))}").write_bytes(data)
            raise

    argv = [
        sys.argv[0],
        f"-runs={runs}",
        f"-timeout={target.timeout_s}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-max_len={target.max_len}",
        f"-artifact_prefix={artifacts}/",
        "-print_final_stats=1",
        "-seed=1",
    ]
    if seconds:
        argv.append(f"-max_total_time={seconds}")
    if target.dictionary:
        _dictionary(work / "words.dict", target.dictionary)
        argv.append(f"-dict={work / 'words.dict'}")
    argv.append(str(corpus))
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


# -- the parent: run the children, read their figures -------------------------------------------


def fuzz_target(name: str, runs: int, seconds: int, base: Path, keep: bool = False) -> Outcome:
    work = base / name
    work.mkdir(parents=True, exist_ok=True)
    log = work / "log.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tools.proof.fuzz", "--child", name, "--runs", str(runs),
             "--seconds", str(seconds), "--work", str(work)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        peak_kib = 0
        while True:
            peak_kib = max(peak_kib, _high_water_kib(proc.pid))
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
    outcome = read_outcome(name, work, time.monotonic() - started, peak_kib, proc.returncode)
    if keep and outcome.detail:
        kept = CRASHERS / name
        kept.mkdir(parents=True, exist_ok=True)
        for p in _artifacts(work):
            if not p.name.startswith(_PARTIAL):
                shutil.copy(p, kept / p.name)
    return outcome


def _artifacts(work: Path) -> list[Path]:
    return sorted((work / "artifacts").iterdir()) if (work / "artifacts").is_dir() else []


def read_outcome(
    name: str, work: Path, seconds: float, peak_kib: int, returncode: int | None
) -> Outcome:
    """A target's figures from its folder: libFuzzer's log and the inputs it kept.

    `returncode` None: the target is still running (a snapshot of a long run); its inputs
    are those of its last progress line.
    """
    log = work / "log.txt"
    outcome = Outcome(name, seconds=seconds)
    outcome.peak_mib = round(peak_kib / 1024, 1)
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    executed = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    if executed:
        outcome.inputs = int(executed[-1])
    else:  # stopped before the final figures: the last progress line says how far it got
        progress = re.findall(r"^#(\d+)\s", text, re.MULTILINE)
        outcome.inputs = int(progress[-1]) if progress else 0
    # libFuzzer's own rate (the fuzzing alone, not the process start and set-up).
    rate = re.findall(r"stat::average_exec_per_sec:\s+(\d+)", text) or re.findall(
        r"^#\d+\s.*exec/s: (\d+)", text, re.MULTILINE
    )
    outcome.rate = float(rate[-1]) if rate else 0.0
    done = re.findall(r"Done (\d+) runs in (\d+) second", text)
    if done and int(done[-1][1]) == 0:
        outcome.rate = math.inf  # all of them within its first second
    outcome.finished = returncode is not None
    found = _artifacts(work)
    outcome.partial_writes = sum(p.name.startswith(_PARTIAL) for p in found)
    outcome.hangs = sum(p.name.startswith("timeout-") for p in found)
    outcome.crashes = sum(p.name.startswith(("crash-", "oom-", "leak-")) for p in found)
    outcome.crashes -= outcome.partial_writes  # the same input, counted as the worse failure
    if returncode not in (0, None) and not found:
        outcome.crashes += 1  # died without leaving its input: still a crash
    if outcome.crashes + outcome.hangs + outcome.partial_writes:
        outcome.detail = _failure_lines(text)
    return outcome


def snapshot(base: Path) -> list[Outcome]:
    """The figures of a long run under way in `base` (its temporary folder), as they stand.

    A target that has not started yet counts 0 inputs; one still running counts the inputs
    of its last progress line and its peak memory so far. Nothing is stopped.
    """
    running = _running_children(base)
    outcomes = []
    for name in TARGETS:
        work = base / name
        log = work / "log.txt"
        if not log.exists():
            outcomes.append(Outcome(name, finished=False, started=False))
            continue
        seconds = log.stat().st_mtime - _start_time(work)
        pid = running.get(name)
        peak = _high_water_kib(pid) if pid else 0
        if not pid:  # ended: libFuzzer's own peak (its rusage figure)
            peaks = re.findall(r"stat::peak_rss_mb:\s+(\d+)", log.read_text(errors="replace"))
            peak = int(peaks[-1]) * 1024 if peaks else 0
        code = None if pid else 0
        outcomes.append(read_outcome(name, work, seconds, peak, code))
    return outcomes


def _start_time(work: Path) -> float:
    """When a target's child started: its log's first write, or its first seed's."""
    seeds = sorted((work / "corpus").glob("seed-*"))
    return seeds[0].stat().st_mtime if seeds else (work / "log.txt").stat().st_mtime


def _running_children(base: Path) -> dict[str, int]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--child" in argv and b"--work" in argv:
            work = Path(os.fsdecode(argv[argv.index(b"--work") + 1]))
            if work.parent == base:
                found[work.name] = int(entry.name)
    return found


def _high_water_kib(pid: int) -> int:
    """The process's peak resident set so far (VmHWM), 0 once it is gone.

    Not getrusage's ru_maxrss: a child's starts at the size of the process that forked it
    (a test run of 750 MB would be every target's "peak"), while VmHWM belongs to the
    memory the target's own program mapped after exec. Sampled five times a second, it
    can miss only a peak reached in the last moments before the process ends.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _failure_lines(text: str) -> str:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "Uncaught Python exception" in line or "ERROR: libFuzzer" in line:
            return "\n".join(lines[i : i + 30])
    return "\n".join(lines[-30:])


def fuzz_all(
    runs: int, seconds: int, names: list[str] | None = None, jobs: int = 2, keep: bool = False
) -> list[Outcome]:
    names = names or list(TARGETS)
    results: dict[str, Outcome] = {}
    # Memory-backed where there is such a folder: the import target rewrites a bundle file
    # and a vault for every input.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(prefix="satchel-fuzz-", dir=shm) as tmp:
        # The slowest targets first, so that two jobs end close together.
        pending = sorted(names, key=lambda n: -TARGETS[n].cost)
        lock = threading.Lock()

        def worker() -> None:
            while True:
                with lock:
                    if not pending:
                        return
                    name = pending.pop(0)
                results[name] = fuzz_target(name, runs, seconds, Path(tmp), keep)

        threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return [results[n] for n in names]


def figures(outcomes: list[Outcome]) -> dict[str, object]:
    out: dict[str, object] = {"targets": len(outcomes)}
    for o in outcomes:
        what = TARGETS[o.target].what
        out[f"{what}: inputs"] = o.inputs
        out[f"{what}: crashes"] = o.crashes
        out[f"{what}: hangs"] = o.hangs
        out[f"{what}: peak memory (MiB)"] = o.peak_mib
        out[f"{what}: inputs/s"] = "all in under 1 s" if math.isinf(o.rate) else o.rate
        if TARGETS[o.target].writes:
            out[f"{what}: partial writes"] = o.partial_writes
    out["inputs, all targets"] = sum(o.inputs for o in outcomes)
    out["crashes, all targets"] = sum(o.crashes for o in outcomes)
    out["hangs, all targets"] = sum(o.hangs for o in outcomes)
    out["partial writes, all targets"] = sum(o.partial_writes for o in outcomes)
    out["fewest inputs of a target"] = min(o.inputs for o in outcomes)
    running = [o.target for o in outcomes if o.started and not o.finished]
    waiting = [o.target for o in outcomes if not o.started]
    if running:
        out["still running when these figures were taken"] = ", ".join(running)
    if waiting:
        out["not started when these figures were taken"] = ", ".join(waiting)
    return out


def run(long: bool = False) -> dict[str, object]:
    """The figures of proof 12: short in CI, 10^5 inputs per target in the long mode."""
    if long:
        outcomes = fuzz_all(LONG_RUNS, 0, keep=True)
    else:
        outcomes = fuzz_all(SHORT_RUNS, SHORT_SECONDS)
    for o in outcomes:
        if o.detail:
            sys.stderr.write(f"--- {o.target} ---\n{o.detail}\n")
    return figures(outcomes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.proof.fuzz", description=TITLE)
    parser.add_argument("--long", action="store_true", help="10^5 inputs per target")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS))
    parser.add_argument("--runs", type=int, help="inputs per target")
    parser.add_argument("--seconds", type=int, default=0, help="stop each target after this")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep failing inputs as tests")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--snapshot",
        type=Path,
        metavar="DIR",
        help="the figures of a long run under way in DIR (/dev/shm/satchel-fuzz-*), as they stand",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="with --snapshot: keep them as the long mode's fuzz figures in docs/proof.md",
    )
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.runs, args.seconds, args.work)
        return 0
    if args.snapshot:
        return _snapshot(args.snapshot, args.record)
    if args.target or args.runs:
        runs = args.runs or (LONG_RUNS if args.long else SHORT_RUNS)
        outcomes = fuzz_all(runs, args.seconds, args.target, args.jobs, args.keep)
        for o in outcomes:
            if o.detail:
                sys.stderr.write(f"--- {o.target} ---\n{o.detail}\n")
        result = figures(outcomes)
    else:
        result = run(long=args.long)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


def _snapshot(base: Path, record: bool) -> int:
    import datetime as dt

    from tools.proof import run as report

    outcomes = snapshot(base)
    begun = min(_start_time(w) for w in base.iterdir() if (w / "log.txt").exists())
    started = dt.datetime.fromtimestamp(begun, dt.UTC)
    result: dict[str, object] = {
        "long run started (UTC)": started.strftime("%Y-%m-%d %H:%M"),
        "figures taken (UTC)": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
        **figures(outcomes),
    }
    for o in outcomes:
        if o.detail:
            sys.stderr.write(f"--- {o.target} ---\n{o.detail}\n")
    for key, value in result.items():
        print(f"{key}: {value}")
    if record:
        seconds = time.time() - begun
        report.record("long", "fuzz", sys.modules[__name__], seconds, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
