"""Proof 12 in CI: a short coverage-guided run of every fuzz target, and every input that once
crashed one, replayed.

The long run (10^5 inputs per target) is `python -m tools.proof.fuzz --long`; this is the
same code with a few hundred inputs per target (tools/proof/fuzz.py says how it counts).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tools.proof import fuzz
from tools.proof.fuzz_targets import ROOT, TARGETS, PartialWrite

CRASHERS = Path(__file__).parent / "fuzz_crashers"

_REPLAY = """
import sys
from pathlib import Path
from tools.proof.fuzz_targets import TARGETS
target = TARGETS[sys.argv[1]]
one = target.setup(Path(sys.argv[2]))
for path in sys.argv[3:]:
    one(Path(path).read_bytes())
    print("replayed", Path(path).name, flush=True)
"""


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_every_target_survives_a_short_fuzzing_run() -> None:
    figures = fuzz.run(long=False)
    assert figures["targets"] == len(TARGETS)
    assert figures["crashes, all targets"] == 0, figures
    assert figures["hangs, all targets"] == 0, figures
    assert figures["partial writes, all targets"] == 0, figures
    for target in TARGETS.values():
        assert figures[f"{target.what}: inputs"] > 0, target.name


def _crashers() -> list[tuple[str, list[Path]]]:
    found = []
    for folder in sorted(CRASHERS.iterdir()) if CRASHERS.is_dir() else []:
        if folder.name in TARGETS and any(folder.iterdir()):
            found.append((folder.name, sorted(folder.iterdir())))
    return found


@pytest.mark.parametrize(("target", "inputs"), _crashers(), ids=[n for n, _ in _crashers()])
def test_every_input_that_once_crashed_a_target_is_now_handled(target, inputs, tmp_path) -> None:
    # In a child process: some of these once killed the process (a segmentation fault), and
    # a regression must fail this test, not end the test run.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", _REPLAY, target, str(tmp_path), *map(str, inputs)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("replayed") == len(inputs)


def test_the_import_target_catches_a_refused_import_that_wrote(tmp_path, monkeypatch) -> None:
    # The counter-proof of "partial writes: 0": an import that writes a line and is then
    # refused (as a half-guarded reader would) is reported as a partial write, and an
    # accepted import leaves the next input the same vault (each runs in a rolled-back
    # transaction), so the same refused input is caught every time.
    import satchel.bundle.merge as merge
    from satchel.errors import BundleRejected

    real = merge.apply_import
    armed = [False]

    def half_guarded(vault, preview, **kw):
        if not armed[0]:
            return real(vault, preview, **kw)
        vault.audit.log("import", "bundle", "half", "written before the refusal")
        raise BundleRejected("a record is not valid", code="bundle_record_not_valid_test")

    monkeypatch.setattr(merge, "apply_import", half_guarded)
    target = TARGETS["import"]
    one = target.setup(tmp_path)
    seeds = list(target.seeds(tmp_path))
    new_case = seeds[-1]
    for digit in b"5234":  # new ids for the rich seed's case, events and note
        new_case = new_case.replace(bytes([digit]) * 8, b"6" * 7 + bytes([digit]))
    one(new_case)  # accepted and imported for real
    one(b"not json\n")  # refused by the reader, before anything is written: nothing changed
    armed[0] = True
    for _ in range(2):
        with pytest.raises(PartialWrite):
            one(new_case)
    armed[0] = False
    one(new_case)  # the vault is as it was: imported again, the same way
