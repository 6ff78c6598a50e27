"""`make proof`'s runner: a listed part that is missing fails the run; the report names the
machine and every figure, keeps the short mode CI checks beside the last long-mode figures
with their dates, and says so of a part never run in a mode."""

from __future__ import annotations

import pytest
from tools.proof import run


def test_a_missing_part_fails_loudly_and_names_itself() -> None:
    with pytest.raises(run.MissingPart, match=r"tools/proof/no_such_part\.py does not exist"):
        run.load_parts(["cctv", "no_such_part"])


def _kept(info: dict[str, str]) -> dict[str, dict[str, dict]]:
    kept = run.load_figures(run.ROOT / "no-such-figures.json")  # none kept yet
    module = run.load_parts(["cctv"])[0]
    kept["short"]["cctv"] = run.entry(module, info, 4.2, {"passed": 143, "of": 143})
    long_info = dict(info, **{"date (UTC)": "2026-01-02 03:04"})
    kept["long"]["crash"] = run.entry(
        run.load_parts(["crash"])[0], long_info, 3600, {"kills": 1000, "inconsistent": 0}
    )
    return kept


def test_the_report_holds_the_machine_and_the_figures_of_both_modes() -> None:
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
        "load average at start",
    ):
        assert info[key]
    text = run.render(_kept(info))
    summary = text.split("## Summary")[1].split("## Short mode")[0]
    assert "| age CCTV vectors passed | 143 | (no long mode) |" in summary
    assert "| SIGKILLs during writes | not run | not run |" not in summary  # only figures held
    short, long = text.split("## Long mode")
    assert f"| CPU | {info['CPU']} |" in short
    assert "| passed | 143 |" in short
    assert f"Measured {info['date (UTC)']} UTC" in short
    # The long-mode figures keep their own date, apart from the short mode's.
    assert "| kills | 1,000 |" in long and "Measured 2026-01-02 03:04 UTC" in long
    assert "| kills | 1,000 |" not in short
    # A part never run in a mode is named, not silently absent.
    assert "`tools/proof/fuzz.py`: **not run in the short mode yet.**" in short
    assert "`tools/proof/fuzz.py`: **not run in the long mode yet.**" in long
    for name in run.PARTS:
        assert f"`tools/proof/{name}.py`" in short
    for name in run.LONG_PARTS:
        assert f"`tools/proof/{name}.py`" in long


def test_a_run_keeps_the_figures_it_did_not_make(tmp_path) -> None:
    kept_file = tmp_path / "figures.json"
    run.save_figures(_kept(run.machine()), kept_file)
    out = tmp_path / "proof.md"
    assert run.main(["--only", "cctv", "--out", str(out), "--figures", str(kept_file)]) == 0
    kept = run.load_figures(kept_file)
    assert kept["long"]["crash"]["figures"]["kills"] == 1000  # another run's, kept
    assert kept["short"]["cctv"]["figures"]["passed"] == 143  # this run's
    assert kept["short"]["cctv"]["figures"]["failed"] == 0
    assert "| kills | 1,000 |" in out.read_text(encoding="utf-8")


def test_a_part_without_a_long_mode_is_refused_in_the_long_mode(tmp_path, capsys) -> None:
    assert run.main(["--long", "--only", "cctv", "--figures", str(tmp_path / "f.json")]) == 2
    assert "no long mode in cctv" in capsys.readouterr().err


def test_every_part_on_this_branch_has_the_interface() -> None:
    for module in run.load_parts(run.PARTS):
        assert isinstance(module.TITLE, str) and callable(module.run)
