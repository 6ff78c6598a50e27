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


def test_deletions_beyond_the_reader_budget_are_refused() -> None:
    # An import holds every tombstone until the end: their case ids and vector entries
    # together are capped (spec.MAX_TOMBSTONE_ENTRIES), each tombstone within its line limit.
    import uuid

    from satchel.bundle.format import spec

    records = [r for r in sample_records(None) if r[0] == "case"]
    per = 700  # 700 case ids + 700 vector entries: under 64 KiB a line
    for n in range(spec.MAX_TOMBSTONE_ENTRIES // (2 * per) + 1):
        ids = [str(uuid.UUID(int=n * 10_000 + i, version=4)) for i in range(per)]
        records.append(("tombstone", {
            "id": str(uuid.UUID(int=10**9 + n, version=4)), "record_kind": "person",
            "origin_vault": ids[0], "cases": ids, "versions": [[v, 1] for v in ids],
            "deleted_at": "2026-02-20T16:45:00.000000+00:00",
        }))  # fmt: skip
    tar = make_tar(Identity.generate("Anna Fictional"), records)
    with pytest.raises(BundleRejected) as info:
        inspect_tar(tar)
    assert "deletions are larger" in info.value.reason
