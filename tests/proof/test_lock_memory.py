"""After a lock, a real client's memory holds neither the master key nor any passphrase.

Runs the proof's short mode (tools/proof/lock_memory.py): real client processes, four locks
(after creating a vault in the wizard, after an unlock, after a passphrase change, after a
recovery-code unlock), every form of every secret searched for from outside the process.
"""

from __future__ import annotations

import sys

import pytest
from tools.proof import lock_memory


@pytest.mark.skipif(sys.platform != "linux", reason="reads another process's memory via /proc")
def test_a_lock_leaves_neither_key_nor_passphrase_in_memory() -> None:
    figures = lock_memory.run(long=False)
    # The scanner does see the key where it is (the SecretBytes of the unlocked vault)...
    assert figures["master key (raw) hits while unlocked (the scanner sees it)"] >= 1
    # ...and after each lock finds no form of any secret.
    after = {k: v for k, v in figures.items() if k.startswith("after ")}
    steps = {k.split(":")[0] for k in after}
    assert len(steps) == 4
    # Every lock was searched for the key as hex and for a passphrase as Qt keeps text.
    for step in steps:
        assert f"{step}: master key (hex)" in after
        assert any(k.startswith(step) and k.endswith("passphrase (UTF-16)") for k in after)
    assert {k: v for k, v in after.items() if v} == {}
    assert figures["hits after a lock, all forms"] == 0
