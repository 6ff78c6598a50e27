"""The chronology report: a PDF made with Qt, read back with pdftotext, in English and Russian."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from timeline_case import NOW, DemoCase, build_case

from satchel.core.vault import Vault
from satchel.gui.common.report_actions import export_chronology_pdf, print_chronology
from satchel.report.chronology import load_report_data, render_chronology_pdf, suggested_file_name

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    return build_case(vault)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    # -raw keeps the order the report was painted in: row after row of the table.
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # No normalising: the report paints no ligature glyphs, so the text is exactly as typed.
    return " ".join(out.split())


def positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, [n for n, i in zip(needles, found, strict=True) if i < 0]
    return found


CHRONOLOGICAL_TITLES = [
    "Lived in Almaty",
    "Criminal case opened at home",
    "Left for Istanbul",
    "Interview with the migration service",
    "Extradition request received",
    "Detained at the airport",
    "Court ordered detention",
    "Hearing on extradition",
    "Extradition decision",
    "Asylum application filed",
    "Reply to the prosecutor",
    "Appeal deadline",
    "Submit the written brief",
    "ECHR communication",
    "Statement of a witness",
]


def test_english_report_lists_events_in_order_with_honest_dates(qapp, vault, demo, tmp_path):
    pdf = render_chronology_pdf(load_report_data(vault, demo.case_id), generated=NOW)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    found = positions(text, CHRONOLOGICAL_TITLES)
    assert found == sorted(found)
    for honest in (
        "2019 – 2022",
        "before Mar 2023",
        "c. Jul 2025",
        "Aug 2025",
        "14 Aug 2025, 10:30 UTC+3",
        "between 1 Sep 2025 and 5 Sep 2025",
        "after 3 Sep 2025",
        "TBD",
    ):
        assert honest in text, honest
    # Month precision is never pinned to the first of the month.
    assert "1 Aug 2025" not in text
    assert "Extradition of Dilnoza Karimova" in text
    assert "3/10-1187/2025" in text
    assert "Confidential" in text
    assert "Page 1 of 1" in text
    assert "Дилноза Каримова — Client" in text
    assert "Detention record" in text and "detained on arrival at 10:30" in text


def test_russian_report_speaks_russian(qapp, russian, vault, demo, tmp_path):
    text = pdf_text(
        render_chronology_pdf(load_report_data(vault, demo.case_id), generated=NOW), tmp_path
    )
    found = positions(text, CHRONOLOGICAL_TITLES)
    assert found == sorted(found)
    for honest in (
        "до марта 2023",
        "авг. 2025",
        "14 авг. 2025, 10:30 UTC+3",
        "в промежутке с 1 сент. 2025 по 5 сент. 2025",
        "после 3 сент. 2025",
        "дата не определена",
    ):
        assert honest in text, honest
    for label in ("Хронология", "Конфиденциально", "Страница 1 из ", "Участники и их роли"):
        assert label in text, label


def test_a_selection_reports_only_the_chosen_events(qapp, vault, demo, tmp_path):
    chosen = [demo.ids["appeal"], demo.ids["arrest"]]
    text = pdf_text(
        render_chronology_pdf(load_report_data(vault, demo.case_id, chosen), generated=NOW),
        tmp_path,
    )
    assert "2 of 15 events" in text
    found = positions(text, ["Detained at the airport", "Appeal deadline"])
    assert found == sorted(found)
    assert "Lived in Almaty" not in text


def test_markup_in_vault_text_is_printed_literally(qapp, vault, demo, tmp_path):
    vault.events.update(demo.ids["arrest"], title="<b>Detained</b> & <i>held</i>")
    text = pdf_text(
        render_chronology_pdf(load_report_data(vault, demo.case_id), generated=NOW), tmp_path
    )
    assert "<b>Detained</b> & <i>held</i>" in text


def test_long_chronologies_run_over_numbered_pages(qapp, vault, demo, tmp_path):
    for i in range(120):
        vault.events.create(
            demo.case_id, f"Letter number {i:03d}", "communication", date="2024-05-01"
        )
    text = pdf_text(
        render_chronology_pdf(load_report_data(vault, demo.case_id), generated=NOW), tmp_path
    )
    pages = [int(p) for p in re.findall(r"Page \d+ of (\d+)", text)]
    assert len(pages) > 2 and set(pages) == {len(pages)}
    assert positions(text, ["Letter number 000", "Letter number 119"])


def _finished(qtbot, run):  # type: ignore[no-untyped-def]
    """The report made in its worker: what `done` gave."""
    assert run is not None
    qtbot.waitUntil(lambda: run.finished, timeout=60000)
    return run.result


def test_export_writes_only_the_chosen_file_with_a_name_free_of_case_data(
    qtbot, vault, demo, tmp_path
):
    target = tmp_path / "out" / "handover"
    target.parent.mkdir()
    run = export_chronology_pdf(None, vault, demo.case_id, path=str(target), confirm=False)
    written = _finished(qtbot, run)
    assert written == target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in target.parent.iterdir()) == ["handover.pdf"]
    name = suggested_file_name(NOW)
    assert name.startswith("chronology-2025-09-") and name.endswith(".pdf")
    assert "Karimova" not in name


def test_printing_pages_the_same_report(qtbot, vault, demo, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert _finished(qtbot, print_chronology(None, vault, demo.case_id, printer=printer, ask=False))
    text = pdf_text(out.read_bytes(), tmp_path)
    found = positions(text, CHRONOLOGICAL_TITLES)
    assert found == sorted(found)
    assert "Page 1 of 1" in text


LIGATURE_TITLES = [
    "The court finds the request unfounded",
    "Official filing of the affidavit",
    "Effective offer of flight details",
    "Суд признал ходатайство «необоснованным»",
    'Witness said "fine" and left',
    "Ёлкин:ffi, ffl, fi, fl",
]


def test_report_text_is_real_text_each_title_exactly_as_typed(qapp, vault, tmp_path):
    """No ligature glyph (ﬁ, ﬂ, ﬃ) in the PDF: pdftotext, without any normalising, gives
    back every title as it was typed, so it can be searched and quoted."""
    from satchel.core.dates import FuzzyDate

    case = vault.cases.create("Extradition of F. Fictional")
    for n, title in enumerate(LIGATURE_TITLES):
        vault.events.create(case.id, title, date=FuzzyDate.parse(f"2026-03-{n + 1:02d}"))
    pdf = render_chronology_pdf(load_report_data(vault, case.id), generated=NOW)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert not re.search("[\ufb00-\ufb06]", raw), "a ligature glyph in the PDF's text"
    text = " ".join(raw.split())
    for title in LIGATURE_TITLES:
        assert title in text


def _report_text(vault, case_id, tmp_path, options, layout=False) -> str:
    from satchel.report.chronology import ReportOptions  # noqa: F401 (documents the type)

    pdf = render_chronology_pdf(load_report_data(vault, case_id), generated=NOW, options=options)
    path = tmp_path / "options.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return out if layout else " ".join(out.split())


def test_a_report_for_filing_leaves_out_internal_assessments(qapp, vault, demo, tmp_path):
    from satchel.report.chronology import ReportOptions

    full = _report_text(vault, demo.case_id, tmp_path, ReportOptions())
    assert "Status" in full and "Key fact" in full and "Disputed by the other side" in full
    filing = _report_text(vault, demo.case_id, tmp_path, ReportOptions(for_filing=True))
    for internal in ("Status", "Key fact", "Disputed by the other side", "Undisputed"):
        assert internal not in filing
    assert "Extradition decision" in filing  # the facts themselves stay


def test_columns_are_chosen_and_quotes_carry_no_quotation_marks(qapp, vault, demo, tmp_path):
    from satchel.report.chronology import ReportOptions

    text = _report_text(vault, demo.case_id, tmp_path, ReportOptions(columns=("date", "event")))
    assert "Extradition decision" in text
    assert "Source and quote" not in text and "detained on arrival" not in text
    full = _report_text(vault, demo.case_id, tmp_path, ReportOptions())
    assert "detained on arrival at 10:30" in full
    assert "“detained" not in full and '"detained' not in full


def test_exhibit_list_names_each_linked_document_with_its_sha256(qapp, vault, tmp_path):
    import hashlib
    import io

    from satchel.report.chronology import ReportOptions

    case = vault.cases.create("Extradition of F. Fictional")
    scan = b"fictional decision scan"
    doc = vault.documents.add(io.BytesIO(scan), case_id=case.id, filename="decision.pdf")
    vault.events.create(case.id, "Decision served", document_ids=(doc.id,))
    vault.events.create(case.id, "Appeal lodged")
    text = _report_text(vault, case.id, tmp_path, ReportOptions(exhibits=True))
    assert "Exhibit 1. decision.pdf" in text
    assert hashlib.sha256(scan).hexdigest() in text.replace(" ", "")
    assert "Exhibits: 1" in text
    assert "Exhibit 1" not in _report_text(vault, case.id, tmp_path, ReportOptions())


def test_a_russian_report_from_an_english_interface(qapp, vault, demo, tmp_path):
    from satchel import i18n
    from satchel.report.chronology import ReportOptions

    assert i18n.current_language() == "en"
    text = _report_text(vault, demo.case_id, tmp_path, ReportOptions(language="ru"))
    assert "Хронология" in text and "Дата" in text
    assert "Chronology" not in text
    assert "Extradition decision" in text  # what the lawyer typed is not translated
    assert i18n.current_language() == "en"  # the interface did not change
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Report", "Date") == "Date"


def test_no_table_row_is_split_across_pages(qapp, vault, tmp_path):
    """Rows of 25 lines each: pdftotext -layout, page by page, finds every line of a row
    on the page where the row begins."""
    from satchel.core.dates import FuzzyDate
    from satchel.report.chronology import ReportOptions

    case = vault.cases.create("Extradition of F. Fictional")
    for i in range(12):
        lines = "\n".join(f"row{i:02d} line{j:02d} of the statement" for j in range(25))
        vault.events.create(
            case.id, f"Hearing {i:02d}", date=FuzzyDate.parse(f"2026-03-{i + 1:02d}"),
            description=lines,
        )  # fmt: skip
    text = _report_text(vault, case.id, tmp_path, ReportOptions(), layout=True)
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 3
    for i in range(12):
        holding = [n for n, page in enumerate(pages) if f"row{i:02d} line" in page]
        assert len(holding) == 1, f"row {i + 1} is split over pages {holding}"
        assert f"Hearing {i:02d}" in pages[holding[0]]
    # Every part of the table starts with its header row again.
    assert all("Event" in page for page in pages)
