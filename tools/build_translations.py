"""Compile every `src/satchel/resources/translations/*_ru.ts` into the `.qm` next to it.

The Makefile runs this before the client, the tests and the screenshots. Each part of the
client keeps its own `.ts` (one file per module family); the client installs one
QTranslator per `.qm` it finds. Uses `pyside6-lrelease` from the virtual environment.
Exits non-zero, naming the file, if a translation does not compile.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from satchel.i18n import compile_ts, lrelease_path, translations_dir  # noqa: E402


def main() -> int:
    tool = lrelease_path()
    if tool is None:
        print("build_translations: pyside6-lrelease not found", file=sys.stderr)
        return 1
    sources = sorted(translations_dir().glob("*_ru.ts"))
    if not sources:
        print("build_translations: no .ts files found", file=sys.stderr)
        return 1
    for ts in sources:
        try:
            qm = compile_ts(ts, tool)
        except Exception as exc:  # one line naming the file, whatever the tool said
            print(f"build_translations: {ts.name}: {exc}", file=sys.stderr)
            return 1
        print(f"{ts.relative_to(ROOT)} -> {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
