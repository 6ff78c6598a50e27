"""One vault connection used by two threads at once, as the client does during an export."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.kdf import FAST_KDF

from satchel.core.connection import SerializedConnection
from satchel.core.vault import Vault

PASSPHRASE = "two threads one vault passphrase"


def test_vault_connection_is_serialised(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        assert isinstance(vault.connection, SerializedConnection)


def test_reads_on_one_thread_while_another_writes_never_corrupt_the_connection(
    tmp_path: Path,
) -> None:
    # Without serialisation Python's sqlite3 driver can crash the process here: its
    # statement cache is shared by both threads while each has released the GIL.
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        case = vault.cases.create("Detention review of R. Invented")
        errors: list[BaseException] = []
        stop = threading.Event()

        def reader() -> None:
            try:
                while not stop.is_set():
                    vault.cases.list()
                    vault.events.list(case_id=case.id, limit=50)
                    vault.search.search("Invented")
            except BaseException as exc:  # collected and re-raised in the test thread
                errors.append(exc)

        def writer() -> None:
            try:
                for n in range(300):
                    vault.events.create(case_id=case.id, event_type="hearing", title=f"Hearing {n}")
            except BaseException as exc:
                errors.append(exc)

        readers = [threading.Thread(target=reader) for _ in range(2)]
        for t in readers:
            t.start()
        w = threading.Thread(target=writer)
        w.start()
        w.join(120)
        stop.set()
        for t in readers:
            t.join(60)
        assert errors == []
        assert vault.events.count(case_id=case.id) == 300
