"""Proof 13 in CI: a whole GUI session typed with canaries leaves none of them on disk.

tools/proof/canary.py says what the session does and where it looks; this runs it once.
"""

from __future__ import annotations

import pytest
from tools.proof import canary


def test_base64_forms_find_the_canary_at_every_offset() -> None:
    token = b"Qz0123456789a"
    for prefix in (b"", b"x", b"xy", b"xyz", b"\xff\xfe"):
        encoded = canary.base64.b64encode(prefix + token + b"tail")
        assert any(form in encoded for form in canary.base64_forms(token)), prefix


def test_the_disk_search_finds_a_canary_in_any_of_its_forms(tmp_path) -> None:
    # The counter-proof: the same search that must find nothing after a session does find
    # a canary written in UTF-16, in base64, or in a file's name.
    wanted = canary.needles({"case": "Qz5ca1ab1e"})
    (tmp_path / "a.conf").write_bytes("x=Qz5ca1ab1e".encode("utf-16-le"))
    (tmp_path / "b.xbel").write_bytes(canary.base64.b64encode(b"yy Qz5ca1ab1e zz"))
    (tmp_path / "thumb-Qz5ca1ab1e.png").write_bytes(b"")
    (tmp_path / "clean.txt").write_bytes(b"nothing here")
    hits = canary.search_disk([tmp_path], wanted)["hits"]
    assert len({h.split(" (")[0] for h in hits}) == 3


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_a_whole_session_leaves_no_canary_on_disk() -> None:
    figures = canary.run()
    # The session did everything it says (else finding nothing would prove nothing).
    assert figures["session: documents added and viewed"] == 2
    assert figures["session: cases after import"] == 2
    assert figures["session: search hits"] >= 1
    assert figures["session: passphrase changed, duress set"] is True
    assert figures["vault folder inside the sandbox"] is True
    assert figures["files searched (after quitting)"] >= 4  # the vault's files at least
    assert figures["canary hits on disk"] == 0
