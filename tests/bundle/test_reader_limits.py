"""The reader answers every malformed bundle with one BundleRejected, never a crash.

Python refuses to turn numbers of more than 4,300 digits into ints (a guard against
quadratic parsing); a bundle holding one must be refused like any other bad input.
"""

from __future__ import annotations

import sys

import pytest
from formatkit import make_tar, sample_records

from satchel.bundle.format.reader import inspect_tar
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected


def test_a_number_too_long_to_read_is_refused_plainly() -> None:
    records = sample_records()
    kind, first = records[0]
    huge = 10**5000
    records[0] = (kind, first | {"versions": [[first["origin_vault"], huge]]})
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # only to write the hostile bundle
    try:
        tar = make_tar(Identity.generate("Anna Fictional"), records)
    finally:
        sys.set_int_max_str_digits(limit)
    with pytest.raises(BundleRejected) as info:
        inspect_tar(tar)
    assert "record 1" in info.value.reason
