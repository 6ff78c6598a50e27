"""The chronology report laid out and painted in a child process (the child's side).

Qt lays out a QTextDocument in one long C++ call that keeps Python's GIL: in a worker
THREAD of the client, a 1,000-event report starved the GUI thread for seconds (no shortcut,
no `satchel lock` answered). In a child PROCESS the client keeps its own GIL, and Cancel or
a lock ends the work by killing the child. `satchel.report.out_of_process` is the parent's
side: it starts this module, hands it the request and reads the answer.

The child is given only what it renders, never a key: the report's data already read from
the vault, its options, its language and the page. It writes nothing to disk: the PDF is
built in memory and sent back on the pipe, the parent points HOME, TMPDIR and the XDG
folders at an empty private folder it removes, and the child keeps no settings.

The protocol, on the child's stdin and stdout (pipes; never a file, never a socket):

- in: one pickled `Request` (written by the parent, which is the same program; the parent
  never unpickles anything the child sends);
- out: lines `progress <phase> <done> <total>`, then `pdf <size>` and the PDF's bytes; or
  `error <code>` when the report could not be made.

Started as `python -m satchel.report.render_child`, or as the frozen executable with the
hidden argument `CHILD_ARGUMENT` (`satchel.__main__` hands it here).
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

__all__ = ["CHILD_ARGUMENT", "MAX_LINE", "Request", "main"]

# The argument that makes the frozen executable run this child instead of the program.
CHILD_ARGUMENT = "--satchel-report-render-child"
# The longest line the parent reads from the child (a longer one is a broken child).
MAX_LINE = 200
# Progress lines at most this often (seconds); the last of each phase always goes.
_PROGRESS_EVERY = 0.02


@dataclass(frozen=True, slots=True)
class Request:
    """What the child renders: everything the report shows, and how."""

    data: object  # satchel.report.chronology.ReportData
    options: object  # satchel.report.chronology.ReportOptions, its language resolved
    generated: datetime
    page: tuple[float, float, float, float, float, float] | None  # PagePoints, or A4


def _render(request: Request, out: BinaryIO) -> bytes:
    from PySide6.QtGui import QGuiApplication

    from satchel.report.chronology import ReportData, ReportOptions, render_chronology_pdf

    data, options = request.data, request.options
    if not isinstance(data, ReportData) or not isinstance(options, ReportOptions):
        raise TypeError("not a report request")
    app = QGuiApplication.instance() or QGuiApplication(["satchel-report"])
    last = [0.0]

    def progress(phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= _PROGRESS_EVERY or done == total:
            last[0] = now
            out.write(f"progress {phase} {done} {total}\n".encode("ascii"))
            out.flush()

    pdf = render_chronology_pdf(
        data, options=options, generated=request.generated, progress=progress, page=request.page
    )
    del app
    return pdf


def main() -> int:
    """Read one request on stdin, write progress and the PDF on stdout; 0 when written."""
    out = sys.stdout.buffer
    # Anything else that writes to stdout (a library's print) would break the protocol.
    sys.stdout = sys.stderr
    try:
        # Written by the parent, the same program, on a pipe only it holds.
        request = pickle.load(sys.stdin.buffer)  # noqa: S301
        if not isinstance(request, Request):
            raise TypeError("not a report request")
        pdf = _render(request, out)
    except Exception as exc:
        from satchel.errors import SatchelError

        code = exc.code if isinstance(exc, SatchelError) and exc.code else "report_child_failed"
        try:
            out.write(f"error {code}\n".encode("ascii", "replace"))
            out.flush()
        except OSError:
            pass  # the parent went away (a cancel): nobody to tell
        return 1
    try:
        out.write(f"pdf {len(pdf)}\n".encode("ascii"))
        out.write(pdf)
        out.flush()
    except OSError:
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Through the module's own name: the request unpickles as
    # `satchel.report.render_child.Request`, which `__main__.Request` would not be.
    from satchel.report.render_child import main as child_main

    sys.exit(child_main())
