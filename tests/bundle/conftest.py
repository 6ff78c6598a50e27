"""Fixtures for bundle tests: fixed sender/receiver identities (no vault needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from satchel.crypto.identity import Identity


@pytest.fixture(scope="session")
def anna() -> Identity:
    return Identity.generate("Anna Fictional")


@pytest.fixture(scope="session")
def boris() -> Identity:
    return Identity.generate("Boris Fictional")


@pytest.fixture(scope="session")
def clara() -> Identity:
    return Identity.generate("Clara Fictional")
