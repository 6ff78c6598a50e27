"""age's own test vectors (C2SP CCTV, tests/bundle/cctv/) through Satchel's age reading path.

The vectors and what passing means are in tools/proof/cctv.py (the proof report counts them
from there); here every one must pass.
"""

from __future__ import annotations

from tools.proof.cctv import failures


def test_every_cctv_age_vector_gives_the_expected_result(capsys) -> None:  # type: ignore[no-untyped-def]
    total, failed = failures()
    assert total == 143
    with capsys.disabled():
        print(f"\nCCTV age vectors: {total - len(failed)} passed of {total}")
    assert failed == {}
