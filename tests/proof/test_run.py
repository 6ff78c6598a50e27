"""`make proof`'s runner: a listed part that is missing fails the run; the report names the
machine and every figure."""

from __future__ import annotations

import pytest
from tools.proof import run


def test_a_missing_part_fails_loudly_and_names_itself() -> None:
    with pytest.raises(run.MissingPart, match=r"tools/proof/no_such_part\.py does not exist"):
        run.load_parts(["cctv", "no_such_part"])


def test_the_report_holds_the_machine_and_the_figures() -> None:
    info = run.machine()
    for key in (
        "CPU",
        "cores",
        "memory",
        "kernel",
        "Python",
        "Qt (PySide6)",
        "SQLCipher",
        "pyrage",
        "date (UTC)",
    ):
        assert info[key]
    text = run.render(info, False, [("cctv", "vectors", {"passed": 143, "of": 143})], ["fuzz"])
    assert "| passed | 143 |" in text and "short mode" in text
    assert "`tools/proof/fuzz.py`" in text  # a part left out is named, not silently absent


def test_every_part_on_this_branch_has_the_interface() -> None:
    present = [p for p in run.PARTS if (run.ROOT / "tools" / "proof" / f"{p}.py").exists()]
    for module in run.load_parts(present):
        assert isinstance(module.TITLE, str) and callable(module.run)
