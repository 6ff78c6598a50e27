"""Every string the timeline, the agenda and the report show has a Russian translation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import satchel

SRC = Path(satchel.__file__).resolve().parent
MODULES = [*sorted((SRC / "gui" / "timeline").glob("*.py")), SRC / "gui" / "agenda_page.py"]
MODULES.append(SRC / "gui" / "report.py")
TS = SRC / "resources" / "translations" / "timeline_ru.ts"

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
    root = ET.parse(TS).getroot()
    out = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if all(forms) and translation.get("type") != "unfinished":
                out.add((name, message.findtext("source")))
    return out


def test_every_timeline_agenda_and_report_string_is_translated_to_russian():
    used = used_strings()
    assert len(used) > 80  # the scan found the calls
    missing = sorted(used - translated_strings())
    assert missing == []
