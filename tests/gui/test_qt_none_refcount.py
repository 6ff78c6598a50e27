"""Regression guard: a void Qt call must not drop a reference to None.

PySide6 6.12.0 on CPython 3.11 returns None from void methods without taking a reference;
after a few thousand calls the interpreter aborts with "Fatal Python error: none_dealloc".
pyproject.toml keeps Python 3.11 below 6.12; this test fails if a broken pairing comes back.
On Python 3.12+ None is immortal (its count is fixed), so there the test only proves that
the process survives the same workload.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

CALLS = 20_000


def test_void_qt_calls_leave_the_reference_count_of_none_unchanged(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    set_enabled = widget.setEnabled  # bound once: the loop itself creates no new objects
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        set_enabled(True)
    after = sys.getrefcount(None)
    if sys.version_info < (3, 12):
        # A leak or a missing reference would move the count by about CALLS.
        assert abs(after - before) < 100, f"None refcount moved by {after - before}"
    assert widget.isEnabled()  # still alive and answering after CALLS void calls
