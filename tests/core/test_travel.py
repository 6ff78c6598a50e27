"""Travel mode: what leaves, that nothing of it stays (pages, free pages, files), that it
comes back identical, and that an interruption at any step leaves one whole vault."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from tests.core.raw_pages import decrypted_pages, found_in
from tests.kdf import FAST_KDF

from satchel.bundle.merge import record_stores
from satchel.bundle.travel import restore_travel, rewrite_pending, start_travel, travel_since
from satchel.core.exchange_files import FileState
from satchel.core.vault import Vault
from satchel.crypto.identity import Identity
from satchel.errors import FileProblem, InvalidInput, SatchelError, WrongPassphrase

PASS = "Quiet harbour lanterns 7"
# Distinctive, fictional canaries: titles, names, note and event texts that must vanish.
CANARIES = [
    "Zephyrine Quillfeather estate",
    "Brassmoor Tannery v. Ulvik",
    "Ottoline Marchbanks-Vey",
    "Фердинанд Грюнвальд-Осокин",
    "ledger under the Brassmoor mill",
    "Quillfeather hearing in Pellworth",
    "Ulvik witness statement text",
]
KEPT = "Harbourside lease renewal"


def _fill(vault: Vault) -> dict[str, str]:
    left1 = vault.cases.create(CANARIES[0])
    left2 = vault.cases.create(CANARIES[1])
    kept = vault.cases.create(KEPT)
    ottoline = vault.people.create([CANARIES[2]])
    ferdinand = vault.people.create([CANARIES[3]])
    shared = vault.people.create(["Maren Holt-Aske"])
    vault.roles.create(left1.id, ottoline.id, "client")
    vault.roles.create(left2.id, ferdinand.id, "client")
    vault.roles.create(left2.id, shared.id, "relative")
    vault.roles.create(kept.id, shared.id, "client")
    vault.notes.create(left1.id, "The " + CANARIES[4] + " is the key")
    vault.notes.create(kept.id, "Lease runs to March")
    ev = vault.events.create(left1.id, CANARIES[5], "hearing", date="2026-11-02")
    vault.events.update(ev, title=CANARIES[5] + " (moved)")
    vault.documents.add(
        __import__("io").BytesIO(CANARIES[6].encode()), case_id=left2.id, filename="stmt.txt"
    )
    # A person's own document (outside any case) travels in no bundle: its person stays.
    kept_person = vault.people.create(["Ilse Brandvold"])
    vault.roles.create(left2.id, kept_person.id, "witness")
    vault.documents.add(
        __import__("io").BytesIO(b"passport scan"),
        case_id=None,
        person_id=kept_person.id,
        filename="passport.txt",
    )
    # Deleted earlier (into the trash, with a tombstone): must not survive either.
    gone_event = vault.events.create(left2.id, "Trashed " + CANARIES[1] + " memo", "other")
    vault.events.delete(gone_event.id)
    gone_doc = vault.documents.add(
        __import__("io").BytesIO(b"Trashed " + CANARIES[0].encode()),
        case_id=left1.id,
        filename="old.txt",
    )
    vault.documents.delete(gone_doc.id)
    # The client remembers the last opened case; a purge must not leave its id behind.
    vault.settings.set("client.last_case", left1.id)
    # A draft kept at lock (core/drafts.py) of a new event typed about a left-behind client.
    vault.settings.set("draft/0001", {"form": "event", "title": "Call " + CANARIES[2]})
    # Shared with a colleague (bundle/shares.py), and a bundle of it in the exchange folder:
    # the shares of left-behind cases and the folder's memory of them go; the kept one stays.
    card = Identity.generate("Ragna Fictional").public()
    colleague = vault.colleagues.create(card.name, card.age_recipient, card.signing_key)
    for cid in (left1.id, kept.id):
        share, _new = vault.shares.add(cid, colleague.id)
        vault.shares.remember(share.id, {cid: vault.cases.get(cid).versions})
    vault.exchange_files.put("satchel-0123.satchel", "out", 10, 1, FileState.SENT,
                             colleague_id=colleague.id, cases=[left1.id])  # fmt: skip
    return {"left1": left1.id, "left2": left2.id, "kept": kept.id, "shared": shared.id}


def _records(vault: Vault) -> dict[str, dict]:
    out = {}
    for kind, store in record_stores(vault).items():
        for rid in [r.id for r in store.list(limit=None)] if kind != "role" else []:
            out[rid] = store.get_raw(rid)
    for rid in [r[0] for r in vault.connection.execute("SELECT id FROM roles")]:
        out[rid] = vault.roles.get_raw(rid)
    return out


def _key(vault: Vault) -> bytes:
    return bytes(vault._key.view())


def _folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def vault(tmp_path: Path):
    v, code = Vault.create(tmp_path / "vault", PASS, kdf_params=FAST_KDF)
    v.old_code = code  # type: ignore[attr-defined]
    yield v
    v.close()


def test_leaving_two_cases_leaves_no_trace_and_restore_brings_them_back(vault, tmp_path):
    ids = _fill(vault)
    before = _records(vault)
    folder = vault.path
    # The scan sees the canaries before: the page route and the words are right.
    pages = b"".join(decrypted_pages(folder / "vault.db", _key(vault)))
    assert found_in(pages, CANARIES) == CANARIES

    out = tmp_path / "away" / "trip.satchel"
    out.parent.mkdir()
    result = start_travel(vault, PASS, [ids["kept"]], out, today=date(2026, 12, 3))
    # The bundle holds every person its cases name (the shared one stays here too).
    assert result.counts["case"] == 2 and result.counts["person"] == 4
    assert out.is_file()

    # Every page of the unlocked database, free pages included, and every file's raw bytes.
    pages = decrypted_pages(folder / "vault.db", _key(vault))
    assert found_in(b"".join(pages), CANARIES) == []
    assert found_in(_folder_bytes(folder), CANARIES) == []
    for rid in (ids["left1"], ids["left2"]):
        assert not found_in(b"".join(pages), [rid])
    assert sorted(p.name for p in folder.iterdir()) == [
        "aux.db",
        "keyslots",
        "vault.db",
        "vault.lock",
    ]
    # What stays: the carried case and the person it shares; what the vault says: a trip.
    assert [c.title for c in vault.cases.list()] == [KEPT]
    assert sorted(p.primary_name for p in vault.people.list()) == [
        "Ilse Brandvold",
        "Maren Holt-Aske",
    ]
    assert vault.search.search("Quillfeather") == [] and vault.search.search("Brassmoor") == []
    assert travel_since(vault) == date(2026, 12, 3)
    assert vault.settings.get("client.last_case") is None
    for table in ("trash", "tombstones", "tombstone_cases", "exchange_files"):
        assert vault.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert [s.case_id for s in vault.shares.list()] == [ids["kept"]]
    assert vault.connection.execute("SELECT count(*) FROM share_known").fetchone()[0] == 1
    assert vault.check_integrity() == []

    # The passphrase still opens it; the old recovery code does not; the new one does.
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, vault.old_code)
    Vault.unlock(folder, result.recovery_code).close()
    reopened = Vault.unlock(folder, PASS)
    try:
        restore_travel(reopened, out)
        assert _records(reopened) == before  # ids, fields, versions, times
        assert travel_since(reopened) is None
        assert reopened.events.get(
            next(i for i, r in before.items() if r.get("title", "").startswith(CANARIES[5]))
        ).title.endswith("(moved)")
    finally:
        reopened.close()


def test_the_vault_reads_on_the_new_key_while_the_old_file_is_erased(vault, tmp_path):
    # The vault is closed from the commit until it opens the new file: a window in which
    # the client's own reads fail. Only renames happen in it; the old file, which may be
    # large, is erased after the vault is open again.
    ids = _fill(vault)
    seen: list[tuple[list[str], list[bytes]]] = []

    def at(step: str) -> None:
        if step == "promoted":
            old = [p.read_bytes() for p in vault.path.glob(".satchel-tmp-*")]
            seen.append(([c.title for c in vault.cases.list()], old))

    start_travel(vault, PASS, [ids["kept"]], tmp_path / "trip.satchel", checkpoint=at)
    ((titles, old),) = seen
    assert titles == [KEPT]
    # The old database was still there, whole, when the vault already read the new one...
    assert old and max(len(b) for b in old) >= (vault.path / "vault.db").stat().st_size // 2
    # ...and is gone once the trip has started: nothing of it in the folder.
    assert not list(vault.path.glob(".satchel-tmp-*"))
    assert found_in(_folder_bytes(vault.path), CANARIES) == []


def test_refusals_change_nothing(vault, tmp_path):
    ids = _fill(vault)
    with pytest.raises(FileProblem):
        start_travel(vault, PASS, [ids["kept"]], vault.path / "trip.satchel")
    with pytest.raises(WrongPassphrase):
        start_travel(vault, "not the passphrase", [ids["kept"]], tmp_path / "t.satchel")
    with pytest.raises(InvalidInput):
        start_travel(vault, PASS, [ids["kept"], ids["left1"], ids["left2"]], tmp_path / "t.satchel")
    assert not (tmp_path / "t.satchel").exists()
    assert len(vault.cases.list()) == 3


STEPS = [
    "bundle", "proven", "purged", "exported", "staged", "committed", "promoted", "finished"
]  # fmt: skip

_KILLER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from tests.kdf import FAST_KDF
    from satchel.core.vault import Vault
    from satchel.bundle.travel import start_travel
    v = Vault.unlock({folder!r}, {pw!r})
    kept = [c.id for c in v.cases.list() if c.title == {kept!r}]
    def stop(step):
        if step == {step!r}:
            os._exit(9)
    start_travel(v, {pw!r}, kept, {out!r}, checkpoint=stop)
    os._exit(0)
    """
)


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_leaves_one_whole_vault(tmp_path, step):
    v, code = Vault.create(tmp_path / "vault", PASS, kdf_params=FAST_KDF)
    _fill(v)
    v.close()
    out = tmp_path / "trip.satchel"
    script = _KILLER.format(
        root=str(Path(__file__).parents[2]),
        folder=str(tmp_path / "vault"),
        pw=PASS,
        kept=KEPT,
        out=str(out),
        step=step,
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()
    v = Vault.unlock(tmp_path / "vault", PASS)
    try:
        titles = sorted(c.title for c in v.cases.list())
        # Before the purge: the old vault, whole. After it: the carried case only, under
        # the old key until the new keyslots commit (then start finishes it), else the new.
        if step in ("bundle", "proven"):
            assert titles == sorted([CANARIES[0], CANARIES[1], KEPT])
        else:
            assert titles == [KEPT]
            assert rewrite_pending(v) == (step in ("purged", "exported", "staged"))
        assert v.check_integrity() == []
        names = sorted(p.name for p in (tmp_path / "vault").iterdir())
        assert names == ["aux.db", "keyslots", "vault.db", "vault.lock"]
        if titles == [KEPT] and rewrite_pending(v):
            # Killed after the purge, before the new key: running start again finishes it.
            assert step in ("purged", "exported", "staged")
            done = start_travel(v, PASS, [], tmp_path / "unused.satchel")
            assert done.bundle is None and not (tmp_path / "unused.satchel").exists()
            assert not rewrite_pending(v) and travel_since(v) is not None
            v.close()
            with pytest.raises(WrongPassphrase):
                Vault.unlock(tmp_path / "vault", code)
            v = Vault.unlock(tmp_path / "vault", done.recovery_code)
        if titles == [KEPT]:
            # Removed only after the bundle was proven: it brings them back.
            restore_travel(v, out)
            assert len(v.cases.list()) == 3
    finally:
        v.close()


def test_the_duress_passphrase_and_its_decoy_follow_the_new_key(vault, tmp_path):
    from satchel.core.duress import DuressMode

    ids = _fill(vault)
    vault.set_duress(PASS, "Grey gulls over Pellworth", DuressMode.DECOY, None)
    with vault.decoy() as decoy:
        decoy.cases.create("Decoy lease dispute")
    out = tmp_path / "trip.satchel"
    with pytest.raises(InvalidInput):  # asked for, before anything is written
        start_travel(vault, PASS, [ids["kept"]], out)
    assert not out.exists()
    start_travel(vault, PASS, [ids["kept"]], out, duress_passphrase="Grey gulls over Pellworth")
    assert vault.has_editable_decoy()
    vault.close()
    decoy = Vault.unlock(vault.path, "Grey gulls over Pellworth")
    try:
        assert [c.title for c in decoy.cases.list()] == ["Decoy lease dispute"]
        # A decoy session cannot travel (it cannot reseal the real slots): refused first.
        with pytest.raises(SatchelError):
            start_travel(decoy, "Grey gulls over Pellworth", [], tmp_path / "d.satchel")
        assert not (tmp_path / "d.satchel").exists()
        assert [c.title for c in decoy.cases.list()] == ["Decoy lease dispute"]
    finally:
        decoy.close()
    assert (vault.path / "aux.db").stat().st_size == 4 * 1024 * 1024
    real = Vault.unlock(vault.path, PASS)
    try:
        assert [c.title for c in real.cases.list()] == [KEPT]
    finally:
        real.close()


DURESS = "Grey gulls over Pellworth"

# Killed right after the n-th rename of a file the rewrite stages or moves into place: the
# staged vault.db.next and aux.db.next, the keyslots (the commit), the old files stepping
# aside, vault.db.next and aux.db.next taking their names.
_RENAME_KILLER = textwrap.dedent(
    """
    import json, os, sys
    sys.path.insert(0, {root!r})
    from satchel.core.vault import Vault
    from satchel.bundle.travel import start_travel
    v = Vault.unlock({folder!r}, {pw!r})
    kept = [c.id for c in v.cases.list() if c.title == {kept!r}]
    real, seen = os.replace, []
    def replace(src, dst):
        real(src, dst)
        if os.path.dirname(os.fspath(dst)) == {folder!r}:
            seen.append(os.path.basename(os.fspath(dst)))
            if len(seen) == {n}:
                os._exit(9)
    os.replace = replace
    start_travel(v, {pw!r}, kept, {out!r}, duress_passphrase={duress!r})
    print(json.dumps(seen))
    os._exit(0)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("owner_first", [True, False])
def test_a_kill_at_any_rename_keeps_the_vault_and_its_decoy(tmp_path, owner_first):
    from satchel.core.duress import DuressMode

    folder = tmp_path / "vault"
    v, _code = Vault.create(folder, PASS, kdf_params=FAST_KDF)
    _fill(v)
    v.set_duress(PASS, DURESS, DuressMode.DECOY, None)
    with v.decoy() as decoy:
        decoy.cases.create("Decoy lease dispute")
    v.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(folder, pristine)

    def run(n: int) -> subprocess.CompletedProcess[bytes]:
        script = _RENAME_KILLER.format(
            root=str(Path(__file__).parents[2]), folder=str(folder), pw=PASS, kept=KEPT,
            out=str(tmp_path / f"trip-{n}.satchel"), duress=DURESS, n=n,
        )  # fmt: skip
        return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)

    # How many renames a whole trip makes here (the count a kill can land after).
    whole = run(0)
    assert whole.returncode == 0, whole.stderr.decode()
    renames = len(json.loads(whole.stdout.decode().strip().splitlines()[-1]))
    assert renames >= 6
    for n in range(1, renames + 1):
        shutil.rmtree(folder)
        shutil.copytree(pristine, folder)
        proc = run(n)
        assert proc.returncode == 9, (n, proc.stderr.decode())
        order = ("real", "decoy") if owner_first else ("decoy", "real")
        for who in order:
            opened = Vault.unlock(folder, PASS if who == "real" else DURESS)
            try:
                titles = sorted(c.title for c in opened.cases.list())
                if who == "decoy":
                    assert titles == ["Decoy lease dispute"], (n, who)
                else:
                    assert KEPT in titles, (n, who)
            finally:
                opened.close()
        assert sorted(p.name for p in folder.iterdir()) == [
            "aux.db", "keyslots", "vault.db", "vault.lock"
        ], n  # fmt: skip


def test_a_panic_wipe_after_an_interrupted_rewrite_leaves_nothing(tmp_path):
    from satchel.core.erase import wipe_vault

    v, _code = Vault.create(tmp_path / "vault", PASS, kdf_params=FAST_KDF)
    _fill(v)
    v.close()
    script = _KILLER.format(
        root=str(Path(__file__).parents[2]),
        folder=str(tmp_path / "vault"),
        pw=PASS,
        kept=KEPT,
        out=str(tmp_path / "trip.satchel"),
        step="staged",
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()
    assert (tmp_path / "vault" / "vault.db.next").exists()
    wipe_vault(tmp_path / "vault")
    assert not (tmp_path / "vault").exists()
