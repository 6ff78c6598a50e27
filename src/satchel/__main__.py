"""The `satchel` program: the command line, which opens the desktop client without a command.

This is the one place where the two front ends meet: `satchel.cli` never imports
`satchel.gui` (an import contract checks it), so the client is handed to the command line
here, and imported only when it is about to be shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from satchel.cli.main import main as cli_main
from satchel.report.render_child import CHILD_ARGUMENT

if TYPE_CHECKING:
    from satchel.crypto.kdf import KdfParams

__all__ = ["main"]


def _run_client(path: Path | None, bundle: Path | None = None) -> int:
    from satchel.gui import app

    return int(app.run(path, bundle) or 0)


def main(argv: Sequence[str] | None = None, *, kdf_params: KdfParams | None = None) -> int:
    """Run `satchel` with `argv` (default: the process's arguments).

    `kdf_params`: the Argon2id parameters of a vault this run creates; None (the console
    script) calibrates them here. See `satchel.cli.main.main`.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args == [CHILD_ARGUMENT]:
        # The frozen executable started as the report's child process (hidden: not a
        # command; see satchel.report.render_child).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from satchel.report.render_child import main as render_child

        return render_child()
    return cli_main(argv, open_client=_run_client, kdf_params=kdf_params)


if __name__ == "__main__":
    sys.exit(main())
