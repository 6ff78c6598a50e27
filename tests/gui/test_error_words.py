"""Every error a user can meet has a code, a catalogue entry and a finished Russian text.

The codes are collected from the source itself (every call of an error class in src), so a
new `raise InvalidInput("...")` without a code, or with a code the catalogue lacks, fails
here. The command line (src/satchel/cli) stays English by design and is not collected.
"""

from __future__ import annotations

import ast
import inspect
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from satchel import error_words, errors, i18n
from satchel.core.dates import PartialDate
from satchel.crypto.identity import CardError, parse_card
from satchel.error_words import TEXTS, words
from satchel.errors import BundleRejected, InvalidInput, NotFound, WrongPassphrase
from satchel.gui.common.workers import user_message

PACKAGE = Path(errors.__file__).resolve().parent
ERROR_CLASSES = {
    name
    for name, obj in vars(errors).items()
    if inspect.isclass(obj) and issubclass(obj, errors.SatchelError)
} | {CardError.__name__}


def _raised() -> list[tuple[str, int, str | None, str | None]]:
    """(file, line, code, English template) of every error built in src outside the CLI."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ERROR_CLASSES
                and node.args
            ):
                continue
            kw = {k.arg: k.value for k in node.keywords}
            code = kw.get("code")
            template = node.args[0]
            out.append(
                (
                    str(path.relative_to(PACKAGE)),
                    node.lineno,
                    code.value if isinstance(code, ast.Constant) else None,
                    template.value if isinstance(template, ast.Constant) else None,
                )
            )
    return out


def _russian() -> dict[str, str]:
    found = {}
    for ts in i18n.source_translations_dir().glob("*_ru.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != "errors":
                continue
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "vanished"):
                    continue
                if translation.text:
                    found[message.findtext("source") or ""] = translation.text
    return found


def _fields(text: str) -> set[str]:
    return {
        f"{name}!{conv}:{spec}" for _, name, spec, conv in string.Formatter().parse(text) if name
    }


def test_every_error_raised_in_src_has_a_code_and_its_template_in_the_catalogue():
    raised = _raised()
    assert len(raised) > 250  # the collector sees the raises (not an empty walk)
    no_code = [f"{f}:{line}" for f, line, code, _ in raised if code is None]
    assert not no_code, "errors raised without a constant code=: " + ", ".join(no_code)
    unknown = [f"{f}:{line} {code}" for f, line, code, _ in raised if code not in TEXTS]
    assert not unknown, "codes missing from satchel/error_words.py: " + ", ".join(unknown)
    differs = [
        f"{f}:{line} {code}"
        for f, line, code, template in raised
        if template is not None and TEXTS[code] != template
    ]
    assert not differs, "catalogue text differs from the template raised: " + ", ".join(differs)


def test_every_catalogue_text_has_a_russian_translation_with_the_same_placeholders():
    russian = _russian()
    texts = [*TEXTS.values(), *error_words._PARAM_WORDS.values(), "Bundle rejected: {reason}"]
    missing = [t for t in texts if t not in russian]
    assert not missing, f"{len(missing)} error texts lack Russian:\n" + "\n".join(missing)
    broken = [t for t in texts if _fields(t) != _fields(russian[t])]
    assert not broken, "placeholders differ in Russian: " + "\n".join(broken)
    cyrillic = [t for t in texts if not re.search("[а-яё]", russian[t], re.IGNORECASE)]
    assert not cyrillic, "Russian text with no Russian in it: " + "\n".join(cyrillic)


def test_a_russian_user_reads_core_errors_in_russian(russian):
    with pytest.raises(InvalidInput) as bad_day:
        PartialDate.parse("31.02.2026")
    assert user_message(bad_day.value) == "Нет такого дня: 31.02.2026"
    assert bad_day.value.message == "No such day: 2026-02-31"  # the CLI's English text
    with pytest.raises(CardError) as card:
        parse_card("hello")
    assert words(InvalidInput.like(card.value, "card")).startswith("Карточка Satchel не найдена")
    assert user_message(WrongPassphrase()).startswith("Неверная парольная фраза")
    missing = NotFound(
        "No {label} with id {id_or_prefix}", code="no_id", label="person", id_or_prefix="7f3a"
    )
    assert user_message(missing) == "Нет записи «человек» с id 7f3a"


def test_a_refused_bundle_record_is_worded_with_its_reason(russian):
    reason = InvalidInput("A person needs a name", "names", code="person_needs_name")
    error = BundleRejected(
        "a {kind} record ({id}) is not valid: {detail}",
        code="bundle_record_not_valid",
        kind="person",
        id="7f3a",
        detail=reason,
    )
    assert (
        error.message
        == "Bundle rejected: a person record (7f3a) is not valid: A person needs a name"
    )
    assert user_message(error) == (
        "Пакет отклонён: запись «человек» (7f3a) недопустима: У человека должно быть имя"
    )


def test_english_interface_shows_the_core_text():
    with pytest.raises(InvalidInput) as bad:
        PartialDate.parse("2026-13")
    assert user_message(bad.value) == bad.value.message == "No such month: 13"


def test_every_vault_store_error_in_a_russian_form_is_russian(russian, vault):
    case = vault.cases.create("Extradition of K. Imaginary")
    with pytest.raises(InvalidInput) as closed:
        from datetime import date

        vault.cases.update(case.id, opened=date(2026, 3, 2), closed=date(2026, 3, 1))
    assert closed.value.field == "closed"
    assert user_message(closed.value) == "Дело не может быть закрыто раньше, чем открыто"
    with pytest.raises(InvalidInput) as empty:
        vault.people.create(names=[])
    assert user_message(empty.value) == "У человека должно быть имя"
