"""Reports from the command line: `satchel report chronology --case ID -o FILE.pdf`.

The report is the same one the desktop client makes (`satchel.report.chronology`), built with
Qt's PDF writer, so the command needs Qt's GUI module but no display: it selects Qt's
offscreen platform when there is none. The PDF is written only to the file named, via
a temporary file in the same folder, never over an existing file without --force; a
line on stderr reminds that it is not encrypted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from satchel.cli.common import Subcommands, add_command, atomic_output, open_vault, subcommands
from satchel.errors import InvalidInput

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "report", "reports: a case's chronology as PDF")
    sub = subcommands(p)
    c = add_command(sub, "chronology", "write a case's chronology as a PDF (not encrypted)")
    c.add_argument("--case", dest="case_id", required=True, metavar="CASE", help="the case")
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    c.add_argument(
        "--event",
        action="append",
        default=None,
        metavar="EVENT",
        help="only this event (repeat for several); default: every event of the case",
    )
    c.add_argument(
        "--lang", choices=("en", "ru"), default="en", help="language of the report (default en)"
    )
    c.add_argument("--force", action="store_true", help="replace FILE if it exists")
    c.set_defaults(func=cmd_report_chronology)


def _qt_application(language: str) -> QCoreApplication:
    """A QGuiApplication for the PDF writer (offscreen without a display), in `language`."""
    # A report needs fonts, not a screen: offscreen works with or without a display and
    # keeps a command from touching the user's display session.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from satchel.i18n import install_translations

    app = QCoreApplication.instance()
    if app is None:
        app = QGuiApplication(["satchel"])
    install_translations(language)
    return app


def cmd_report_chronology(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise InvalidInput(f"The report is a PDF: name the file *.pdf, not {output.name}", "output")
    app = _qt_application(args.lang)
    from satchel.report.chronology import load_report_data, render_chronology_pdf

    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        event_ids = (
            [vault.events.resolve(e) for e in args.event] if args.event is not None else None
        )
        data = load_report_data(vault, case_id, event_ids)
        pdf = render_chronology_pdf(data)
    with atomic_output(output, force=args.force) as out:
        out.write(pdf)
    del app
    sys.stderr.write(
        f"satchel: wrote {output} ({len(data.events)} events). It is NOT encrypted: "
        "keep it on an encrypted disk and delete it when done.\n"
    )
    return 0
