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
- partial writes (the import target): refused bundles that left the vault changed.

Every failing input is kept under `tests/proof/fuzz_crashers/<target>/` (`--keep`), where
tests/proof/test_fuzz.py replays it: a crasher becomes a regression test once its cause is
fixed.

Why atheris and not Hypothesis: atheris is libFuzzer itself (coverage feedback from Python
and from native code built with it, per-input timeouts, RSS limits, crash artifacts), and
its cp311 manylinux wheel installs from PyPI like any test dependency. Hypothesis stays for
the property tests (tests/bundle/test_fuzz.py mutates bundles structurally).

Short mode (CI, tests/proof/test_fuzz.py): a few hundred inputs per target, about a minute.
Long mode, the proof's figures (10^5 inputs per target; a few hours on two cores):

    python -m tools.proof.fuzz --long

One target alone: `python -m tools.proof.fuzz --target pdf --runs 20000 --keep`.
"""

from __future__ import annotations

import argparse
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

from tools.proof.fuzz_targets import ROOT, TARGETS, PartialWrite

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
    detail: str = ""


# -- the child: one target under atheris -------------------------------------------------------


def _dictionary(path: Path, words: tuple[bytes, ...]) -> None:
    def quoted(word: bytes) -> str:
        return "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in word
        )

    path.write_text("".join(f'"{quoted(w)}"\n' for w in words), encoding="ascii")


def child(name: str, runs: int, seconds: int, work: Path) -> None:
    """Fuzz one target in this process (atheris exits the process when done)."""
    import atheris

    target = TARGETS[name]
    corpus = work / "corpus"
    artifacts = work / "artifacts"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    with atheris.instrument_imports(include=list(target.instrument)):
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
    outcome = Outcome(name, seconds=time.monotonic() - started)
    outcome.peak_mib = round(peak_kib / 1024, 1)
    text = log.read_text(encoding="utf-8", errors="replace")
    executed = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    if executed:
        outcome.inputs = int(executed[-1])
    else:  # stopped before the final figures: the last progress line says how far it got
        progress = re.findall(r"^#(\d+)\s", text, re.MULTILINE)
        outcome.inputs = int(progress[-1]) if progress else 0
    found = sorted((work / "artifacts").iterdir()) if (work / "artifacts").is_dir() else []
    outcome.partial_writes = sum(p.name.startswith(_PARTIAL) for p in found)
    outcome.hangs = sum(p.name.startswith("timeout-") for p in found)
    outcome.crashes = sum(p.name.startswith(("crash-", "oom-", "leak-")) for p in found)
    outcome.crashes -= outcome.partial_writes  # the same input, counted as the worse failure
    if proc.returncode != 0 and not found:
        outcome.crashes += 1  # died without leaving its input: still a crash
    failed = outcome.crashes + outcome.hangs + outcome.partial_writes
    if failed:
        outcome.detail = _failure_lines(text)
        if keep:
            kept = CRASHERS / name
            kept.mkdir(parents=True, exist_ok=True)
            for p in found:
                if not p.name.startswith(_PARTIAL):
                    shutil.copy(p, kept / p.name)
    return outcome


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
        pending = list(names)
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
        if TARGETS[o.target].writes:
            out[f"{what}: partial writes"] = o.partial_writes
    out["inputs, all targets"] = sum(o.inputs for o in outcomes)
    out["crashes, all targets"] = sum(o.crashes for o in outcomes)
    out["hangs, all targets"] = sum(o.hangs for o in outcomes)
    out["partial writes, all targets"] = sum(o.partial_writes for o in outcomes)
    out["fewest inputs of a target"] = min(o.inputs for o in outcomes)
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
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.runs, args.seconds, args.work)
        return 0
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


if __name__ == "__main__":
    sys.exit(main())
