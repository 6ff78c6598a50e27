"""The chronology report rendered in a child process (the parent's side).

Qt's QTextDocument lays out and paginates in long C++ calls that keep Python's GIL, so a
report laid out in a worker thread still starved the client's GUI thread (seconds for a
thousand events, minutes for ten thousand: no shortcut, no `satchel lock` answered). The
client therefore hands the report's data to a child process
(`satchel.report.render_child`) that lays out and paints it with its own interpreter and
its own GIL; the window keeps painting and the lock keeps answering.

`ChildRender.render` runs in a worker thread of the client: it starts the child, writes the
request on its stdin, reads progress lines and then the PDF's bytes from its stdout, and
returns them; the caller writes the file (atomically) or prints it. `ChildRender.kill`,
from any thread (Cancel, a lock), kills the child at once; `render` then raises
`Cancelled`, and nothing was written.

What the child gets and may do:

- no key, no vault: only the data the report shows, already read, over a pipe (never a
  temporary file: the report is case data; never a socket);
- no place on disk of its own: HOME, TMPDIR and the XDG folders (and their Windows
  equivalents) point at an empty private folder made for the run and removed after it, no
  bytecode is written, and the child keeps no settings (see `render_child`);
- the parent unpickles nothing from the child: it reads short ASCII lines and raw PDF bytes
  whose size was announced, so a misbehaving child can at worst fail the report.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from satchel.errors import Cancelled, SatchelError
from satchel.report.chronology import PagePoints, Progress, ReportData, ReportOptions
from satchel.report.render_child import CHILD_ARGUMENT, MAX_LINE, Request

__all__ = ["ChildRender", "child_command", "child_environment"]

# The largest PDF the parent accepts from the child (a 10,000-event report is ~10 MB).
_MAX_PDF = 1 << 30
_PHASES = frozenset({"layout", "measure", "pages"})
# Variables pointed at the run's private folder: where a library could write a file.
_PRIVATE_DIRS = (
    "HOME",
    "TMPDIR",
    "TEMP",
    "TMP",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
    "APPDATA",
    "LOCALAPPDATA",
    "USERPROFILE",
)


def child_command() -> list[str]:
    """How to start the child: the frozen executable with a hidden argument, or this
    interpreter running the child's module (a virtual environment, a checkout)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARGUMENT]
    return [sys.executable, "-m", "satchel.report.render_child"]


def child_environment(private: Path) -> dict[str, str]:
    """The child's environment: the parent's, minus Satchel's own variables, with every
    folder a library could write to pointed at `private`, and Qt offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SATCHEL_")}
    for key in _PRIVATE_DIRS:
        env[key] = str(private)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


class ChildRender:
    """One report rendered in a child process; `kill()` ends it from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._killed = False
        self.pid: int | None = None  # the child's, once started (tests, the bench)
        # What the child left in its private folder before it was removed (tests: nothing).
        self.left_behind: list[str] = []

    def kill(self) -> None:
        """End the child now (Cancel, a lock); `render` then raises Cancelled."""
        with self._lock:
            self._killed = True
            process = self._process
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()

    @property
    def killed(self) -> bool:
        return self._killed

    def render(
        self,
        data: ReportData,
        options: ReportOptions,
        *,
        generated: datetime | None = None,
        page: PagePoints | None = None,
        progress: Progress | None = None,
    ) -> bytes:
        """The report as PDF bytes, laid out and painted by the child.

        `options.language` must be set (the child has no interface language). `progress`
        is told (phase, done, total) as the child reports it; it may raise Cancelled."""
        request = Request(data, options, generated or datetime.now(UTC), page)
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        # The child has it now: a long report's objects need not stay in this process for
        # the minutes the child takes (nor burden the garbage collector meanwhile).
        del request, data
        private = Path(tempfile.mkdtemp(prefix="satchel-report-"))
        try:
            return self._run(payload, private, progress)
        finally:
            with contextlib.suppress(OSError):
                self.left_behind = sorted(os.listdir(private))
            shutil.rmtree(private, ignore_errors=True)

    def _run(self, payload: bytes, private: Path, progress: Progress | None) -> bytes:
        with self._lock:
            if self._killed:
                raise Cancelled()
            try:
                # Our own program (this interpreter, or the frozen executable), no shell.
                process = subprocess.Popen(  # noqa: S603
                    child_command(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=child_environment(private),
                    cwd=private,
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
            except OSError as exc:
                raise SatchelError(
                    "The report's process could not be started: {value}. Nothing was written.",
                    code="report_child_not_started",
                    value=exc.strerror or exc,
                ) from None
            self._process, self.pid = process, process.pid
        try:
            return self._talk(process, payload, progress)
        finally:
            if process.poll() is None:
                with contextlib.suppress(OSError):
                    process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()

    def _talk(
        self, process: subprocess.Popen[bytes], payload: bytes, progress: Progress | None
    ) -> bytes:
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(payload)
            process.stdin.close()
        except OSError:
            self._fail_or_cancel()
        pdf = _read_answer(process.stdout, progress)
        process.wait()
        if self._killed:
            raise Cancelled()
        if pdf is None or process.returncode != 0:
            self._fail_or_cancel()
        assert pdf is not None
        return pdf

    def _fail_or_cancel(self) -> None:
        if self._killed:
            raise Cancelled()
        raise SatchelError(
            "The report could not be laid out (its process failed). Nothing was written.",
            code="report_child_failed",
        )


def _read_answer(stream: IO[bytes], progress: Progress | None) -> bytes | None:
    """Progress lines, then the PDF; None when the child failed, died or misbehaved."""
    while True:
        line = stream.readline(MAX_LINE)
        if not line.endswith(b"\n"):
            return None  # the end (the child died or was killed), or a line far too long
        try:
            word, *rest = line.decode("ascii").split()
        except (UnicodeDecodeError, ValueError):
            return None
        if word == "progress" and len(rest) == 3 and rest[0] in _PHASES:
            if rest[1].isdigit() and rest[2].isdigit() and progress is not None:
                progress(rest[0], int(rest[1]), int(rest[2]))
        elif word == "pdf" and len(rest) == 1 and rest[0].isdigit() and int(rest[0]) <= _MAX_PDF:
            return _read_exactly(stream, int(rest[0]))
        else:
            return None  # "error <code>", or anything the child should not have said


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    pdf = b"".join(chunks)
    return pdf if pdf.startswith(b"%PDF") else None
