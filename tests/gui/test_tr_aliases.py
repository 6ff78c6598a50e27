"""Every string asked for through a `_tr`/`plural` alias has a Russian translation.

lupdate finds `tr()` and `QCoreApplication.translate()` calls (tests/gui/test_i18n.py); it
does not see the short aliases the timeline, the agenda and the report use, so this test
scans every Qt-facing module for them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import satchel

SRC = Path(satchel.__file__).resolve().parent
MODULES = [
    *sorted((SRC / "gui").rglob("*.py")),
    *sorted((SRC / "report").rglob("*.py")),
    SRC / "labels.py",
]
TRANSLATIONS = sorted((SRC / "resources" / "translations").glob("*_ru.ts"))

# _tr("Context", "text" ...) and plural("Context", "text", n): the two ways these modules
# ask for a translation (adjacent string literals are joined, as Python does).
_CALL = re.compile(r'(?:_tr|plural)\(\s*"(\w+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def used_strings() -> set[tuple[str, str]]:
    found = set()
    for module in MODULES:
        for m in _CALL.finditer(module.read_text(encoding="utf-8")):
            text = "".join(_LITERAL.findall(m.group(2))).replace("\\n", "\n")
            found.add((m.group(1), text))
    return found


def translated_strings() -> set[tuple[str, str]]:
    out = set()
    for context in (c for ts in TRANSLATIONS for c in ET.parse(ts).getroot().iter("context")):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if all(forms) and translation.get("type") != "unfinished":
                out.add((name, message.findtext("source")))
    return out


def test_every_aliased_string_is_translated_to_russian():
    used = used_strings()
    assert len(used) > 80  # the scan found the calls
    missing = sorted(used - translated_strings())
    assert missing == []
