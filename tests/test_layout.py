"""The architecture as rules a test can break: layers, cycles, file sizes, no test switches."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import satchel

PACKAGE = Path(satchel.__file__).resolve().parent
ROOT = PACKAGE.parent.parent
LONG = 800  # lines; a longer module says at its top why it is long


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold():
    """The layer rules and the no-cycles rule of pyproject.toml (import-linter)."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [str(lint), "--no-logo", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_long_module_says_why_at_its_top(path: Path):
    lines = path.read_text(encoding="utf-8").count("\n")
    if lines <= LONG:
        return
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "long" in doc.lower() or "length" in doc.lower(), (
        f"{path.name} has {lines} lines: split it, or say at its top why it is long"
    )


def test_production_code_reads_no_test_switch():
    hits = [
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if "SATCHEL_TEST_" in p.read_text(encoding="utf-8")
    ]
    assert hits == []


def test_the_client_is_split_by_feature():
    features = {p.name for p in (PACKAGE / "gui").iterdir() if (p / "__init__.py").exists()}
    assert {
        "common",
        "lock",
        "unlock",
        "cases",
        "people",
        "chronology",
        "documents",
        "notes",
        "exchange",
        "timeline",
    } <= features
    loose = sorted(p.name for p in (PACKAGE / "gui").glob("*.py") if p.name != "__init__.py")
    # The session's own modules: start-up, the window, and the offer of drafts after unlock
    # (it reopens forms of every feature, so it sits above them, beside the window).
    assert loose == ["app.py", "draft_offer.py", "main_window.py"]
