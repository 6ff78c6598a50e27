"""Proof 11 in CI: 100 SIGKILLs of real `satchel` commands leave no inconsistent vault.

The short mode of tools/proof/crash.py (the long mode, 1,000 kills, is
`make proof-long` or `python -m tools.proof.crash --long`). Each kill is checked there:
both secrets open the vault, integrity and cipher integrity hold, the keyslots file is
whole, no journal or temp file outlives the open, the search index matches the records,
and every operation is all or nothing.
"""

from __future__ import annotations

import pytest
from tools.proof import crash


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_hundred_kills_leave_every_vault_consistent() -> None:
    figures = crash.run(long=False)
    print(figures)
    assert figures["kills (SIGKILL while the command ran)"] >= 100
    for name in crash.OPERATIONS:
        assert figures[f"kills during {name}"] >= 100 // len(crash.OPERATIONS)
    # The kills reached the writes, not only start-up.
    assert figures["kills that left a journal"] > 0
    assert figures["inconsistent vaults"] == 0
