"""Fixtures for the core stores: a fresh, keyed, migrated SQLCipher database per test.

Deliberately independent of `Vault` (keyslots, KDF): these tests are about storage.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from satchel.core import schema
from satchel.core.database import Database


def open_keyed(path: Path, key: bytes) -> sqlite.Connection:
    """A SQLCipher connection with a raw 256-bit key, as the vault opens it."""
    # Shared with worker threads, as the vault's connection is.
    conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


@pytest.fixture
def raw_key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.db"


@pytest.fixture
def conn(db_path: Path, raw_key: bytes) -> Iterator[sqlite.Connection]:
    connection = open_keyed(db_path, raw_key)
    yield connection
    connection.close()


@pytest.fixture
def vault_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def db(conn: sqlite.Connection, vault_id: str) -> Database:
    """The stores over a fresh database migrated to the latest schema."""
    schema.migrate(conn, lambda _version: None)
    return Database(conn, vault_id)
