"""Screenshots of the trash, undo, history and the audit log at 1366×768, English and Russian.

    .venv/bin/python tools/screenshots_trash.py [OUT]

Runs offscreen on throwaway demo vaults of fictional data in a temporary folder (its own
settings too), so it never touches the user's vaults. A colleague's vault sends one change
in a bundle, so the history and the audit log show a change made by someone else. Output:
`OUT/<lang>-NN-<screen>.png` (default `screenshots/trash`). A person looks at these:
nothing clipped, nothing untranslated.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TMP = Path(tempfile.mkdtemp(prefix="satchel-screenshots-trash-"))
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                   ("XDG_CACHE_HOME", "cache")):  # fmt: skip
    (_TMP / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_TMP / _sub)
os.environ.pop("SATCHEL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.bundle.colleagues import add_colleague_from_card, mark_verified  # noqa: E402
from satchel.bundle.export import export_bundle  # noqa: E402
from satchel.bundle.merge import apply_import, plan_import  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.crypto.kdf import KdfParams  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.history.dialog import HistoryDialog  # noqa: E402
from satchel.gui.main_window import MainWindow  # noqa: E402
from satchel.sample.demo import fill_demo  # noqa: E402

PASSPHRASE = "screenshot demo passphrase 7"  # noqa: S105 (throwaway demo vaults)
SIZE = (1366, 768)
# Throwaway vaults: the minimum Argon2id cost, so the tool starts at once (never for real use).
FAST = KdfParams(memory_kib=64 * 1024, iterations=1, lanes=1)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots" / "trash"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    mine, _ = Vault.create(_TMP / "mine", PASSPHRASE, kdf_params=FAST)
    theirs, _ = Vault.create(_TMP / "theirs", PASSPHRASE, kdf_params=FAST)
    taken: list[Path] = []
    try:
        mine.identities.rename("Aigerim Sadykova")
        theirs.identities.rename("Nino Beridze")
        for a, b in ((mine, theirs), (theirs, mine)):
            card = b.identities.get().public().card()
            mark_verified(a, add_colleague_from_card(a, card).colleague.id)
        fill_demo(theirs, cases=3, seed=11)
        case = max(theirs.cases.list(), key=lambda c: theirs.events.count(case_id=c.id))
        to_me = theirs.colleagues.list()[0]
        first = export_bundle(theirs, [case.id], _TMP / "1.satchel", to=[to_me]).path
        apply_import(mine, plan_import(mine, first))
        events = theirs.events.list(case_id=case.id)
        theirs.events.update(events[0].id, title=events[0].title + " (confirmed by the consul)")
        second = export_bundle(theirs, [case.id], _TMP / "2.satchel", to=[to_me]).path
        apply_import(mine, plan_import(mine, second))
        fill_demo(mine, cases=4, seed=7)
        # Things deleted: an event, a note, a person, a whole case.
        mine.events.update(events[1].id, description="Checked against the court's file")
        mine.events.delete(events[2].id)
        notes = mine.notes.list(case_id=case.id)
        if notes:
            mine.notes.delete(notes[0].id)
        other = [c for c in mine.cases.list() if c.id != case.id]
        mine.cases.delete(other[0].id)
        lonely = [p for p in mine.people.list() if not mine.roles.count(person_id=p.id)]
        if lonely:
            mine.people.delete(lonely[0].id)

        for language in ("en", "ru"):
            i18n.install_translations(language)
            window = MainWindow(mine, _TMP / "mine")
            window.resize(*SIZE)
            window.show()
            n = 0

            def shoot(widget: QWidget, name: str, lang: str = language) -> None:
                nonlocal n
                settle(app)
                n += 1
                path = out / f"{lang}-{n:02d}-{name}.png"
                widget.grab().save(str(path))
                taken.append(path)

            window.open_record("case", case.id)
            view = window.case_view
            view.show_tab(view.CHRONOLOGY)
            settle(app)
            chronology = view.chronology
            victim = chronology.model.event_at(chronology.proxy.mapToSource(
                chronology.proxy.index(3, 0)).row())  # fmt: skip
            chronology.select_event(victim.id)
            chronology.delete_selected()
            shoot(window, "deleted-with-undo-offer")
            window.undo_last()
            shoot(window, "undone")
            window.show_page("trash")
            shoot(window, "trash")
            trash = window.page("trash")
            trash.tree.setCurrentItem(trash.tree.topLevelItem(0))
            trash.restore_selected()
            shoot(window, "trash-restored")
            mine.events.delete(victim.id)
            window.show_page("audit")
            shoot(window, "audit-log")
            audit = window.page("audit")
            audit.who_combo.setCurrentIndex(audit.who_combo.findData("Nino Beridze"))
            shoot(window, "audit-log-colleague")
            audit.who_combo.setCurrentIndex(0)
            history = HistoryDialog(mine, events[0].id, events[0].title, window)
            history.show()
            shoot(history, "history-of-an-event")
            history.close()
            window.close_without_lock()
            window.deleteLater()
            settle(app)
    finally:
        mine.close()
        theirs.close()
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
