"""English and Russian: translated labels, locale dates and numbers, and complete .ts files."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from satchel import i18n
from satchel.app_settings import app_settings
from satchel.core.dates import FuzzyDate
from satchel.gui.app import Session
from satchel.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
RU_TS = ROOT / "resources" / "translations" / "satchel_ru.ts"


def _build_translations():
    """tools/build_translations.py as a module: the test uses the very lupdate call of
    `make ts` (same sources, same aliases for `_tr` and `plural`)."""
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "tools" /
                                                  "build_translations.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nav(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_russian_interface_translates_navigation_toolbar_and_pages(qtbot, vault, russian):
    window = MainWindow(vault)
    qtbot.addWidget(window)
    assert _nav(window) == [
        "Дела",
        "Люди",
        "Сроки и заседания",
        "Коллеги",
        "Импорт",
        "Корзина",
        "Журнал изменений",
    ]
    assert window.lock_action.text() == "Заблокировать"
    assert window.search_edit.placeholderText() == "Искать везде (Ctrl+K)"
    assert window.cases_page.model.headerData(0, Qt.Orientation.Horizontal) == "Название"


def test_language_switch_rebuilds_the_window_on_the_same_case_and_is_remembered(
    qtbot, vault, vault_dir, settings
):
    case = vault.cases.create("Deportation of T. Imaginary")
    session = Session(vault_dir)
    session._on_unlocked(vault, vault_dir)
    qtbot.addWidget(session.main_window)
    session.main_window.open_record("case", case.id)
    i18n.save_language("ru")
    session.switch_language("ru")
    window = session.main_window
    qtbot.addWidget(window)
    assert _nav(window) == [
        "Дела",
        "Люди",
        "Сроки и заседания",
        "Коллеги",
        "Импорт",
        "Корзина",
        "Журнал изменений",
    ]
    assert window.current_page_key() == "case"
    assert window.case_view.case_id == case.id
    assert not vault.closed  # a language switch is not a lock
    assert app_settings().value("ui/language") == "ru"
    assert i18n.saved_language() == "ru"
    window.lock()


def test_dates_and_numbers_follow_the_interface_language(russian):
    assert i18n.format_fuzzy(FuzzyDate.parse("2025-08")) == "авг. 2025"
    assert i18n.format_fuzzy(FuzzyDate.parse("~2025-08-14")) == "около 14 авг. 2025"
    assert i18n.format_number(12345).replace("\xa0", " ") == "12 345"
    i18n.install_translations("en")
    assert i18n.format_fuzzy(FuzzyDate.parse("2025-08")) == "Aug 2025"
    assert i18n.format_number(12345) == "12,345"


def test_missing_qm_is_compiled_from_its_ts_at_start_up(tmp_path, monkeypatch):
    if i18n.lrelease_path() is None:
        pytest.skip("pyside6-lrelease is not installed")
    sources, package = tmp_path / "resources", tmp_path / "package"
    sources.mkdir()
    shutil.copy(RU_TS, sources / "satchel_ru.ts")
    monkeypatch.setattr(i18n, "source_translations_dir", lambda: sources)
    monkeypatch.setattr(i18n, "translations_dir", lambda: package)
    loaded = i18n.install_translations("ru")
    assert loaded == [package / "satchel_ru.qm"]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Lock") == "Заблокировать"


def test_one_translation_file_per_language_in_the_package_and_in_the_sources():
    assert sorted(p.name for p in (ROOT / "resources" / "translations").iterdir()) == [
        "satchel_ru.ts"
    ]
    assert sorted(p.name for p in i18n.translations_dir().glob("*.qm")) == ["satchel_ru.qm"]


def test_timeline_is_one_russian_term_everywhere(russian):
    """ "Timeline" was translated two ways when the .ts files were split by history."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("CaseView", "Timeline") == "Шкала времени"
    assert QCoreApplication.translate("Timeline", "Timeline") == "Шкала времени"
    assert QCoreApplication.translate("Timeline", "All cases timeline") == (
        QCoreApplication.translate("Agenda", "All cases timeline")
    )
    # Counted forms reached through `plural` survive `make ts` (lupdate sees the alias).
    assert QCoreApplication.translate("Agenda", "overdue by %n day(s)", "", 3) == (
        "просрочено на 3 дня"
    )


def _messages(ts: Path) -> list[tuple[str, str, str | None]]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            text = None
            if done and translation is not None:
                forms = [f.text for f in translation.iter("numerusform")]
                text = (forms[0] if forms else translation.text) or None
            out.append((name, message.findtext("source") or "", text))
    return out


def test_every_string_in_the_client_has_a_russian_translation(tmp_path):
    """Runs lupdate as `make ts` does over every module that imports Qt; every string found
    (tr, translate, `_tr`, `plural`) must be translated in resources/translations/
    satchel_ru.ts. Keeps every module of the client honest."""
    tool = _build_translations()
    try:
        tool.qt_tool("lupdate")
    except tool.BuildError:
        pytest.skip("pyside6-lupdate is not installed")
    extracted = tmp_path / "extracted_ru.ts"
    tool.run_lupdate(extracted, drop_obsolete=False)
    found = _messages(extracted)
    assert len(found) > 700  # the scan reached the whole client, `_tr` and `plural` too
    translated = {(ctx, src) for ctx, src, text in _messages(RU_TS) if text}
    missing = sorted(f"{ctx}: {src!r}" for ctx, src, _ in found if (ctx, src) not in translated)
    assert not missing, f"{len(missing)} strings lack a Russian translation:\n" + "\n".join(
        missing[:200]
    )


def test_sizes_follow_the_interface_language(russian):
    assert i18n.format_size(2_400_000) == "2,4 МБ"
    assert i18n.format_size(21) == "21 Б"
    i18n.install_translations("en")
    assert i18n.format_size(2_400_000) == "2.4 MB"
