"""Thousands of mutated bundles: the reader refuses them with BundleRejected, never crashes.

Mutations are applied both to the decrypted tar (so they reach the tar, manifest and record
parsers, which age's authentication would otherwise shield) and to the encrypted file.
"""

from __future__ import annotations

import io

import pytest
from formatkit import make_bundle, make_tar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satchel.bundle.format.reader import BundleReader, inspect_tar
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected

_SENDER = Identity.generate("Anna Fictional")
_RECEIVER = Identity.generate("Boris Fictional")
_TAR = make_tar(_SENDER)
_BUNDLE = make_bundle(_SENDER, [_RECEIVER.public()])

_edit = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, 10**9), st.integers(1, 600)),
    st.tuples(st.just("zero"), st.integers(0, 10**9), st.integers(1, 1024)),
)


def _mutate(data: bytes, edits: list[tuple[str, int, int]]) -> bytes:
    buf = bytearray(data)
    for op, where, arg in edits:
        if not buf:
            break
        at = where % len(buf)
        if op == "flip":
            buf[at] ^= arg
        elif op == "cut":
            del buf[at:]
        elif op == "insert":
            buf.insert(at, arg)
        elif op == "delete":
            del buf[at : at + arg]
        else:
            buf[at : at + arg] = bytes(len(buf[at : at + arg]))
    return bytes(buf)


@pytest.mark.timeout(600)
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_edit, min_size=1, max_size=4))
def test_mutated_inner_tar_is_refused_or_read_never_crashes(edits) -> None:
    mutated = _mutate(_TAR, edits)
    try:
        manifest = inspect_tar(mutated)
    except BundleRejected:
        return
    # Accepted: only bytes nothing depends on may have changed (e.g. a header's mtime).
    assert manifest.sender == _SENDER.public()


@pytest.mark.timeout(600)
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_edit, min_size=1, max_size=3))
def test_mutated_encrypted_bundle_is_always_refused(edits) -> None:
    mutated = _mutate(_BUNDLE, edits)
    if mutated == _BUNDLE:
        return
    with pytest.raises(BundleRejected):
        BundleReader(io.BytesIO(mutated), identity=_RECEIVER).read()
