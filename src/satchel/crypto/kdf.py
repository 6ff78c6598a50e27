"""Argon2id key derivation: the parameters, their calibration at creation, and the derivation.

Parameters are chosen once, when a vault is created, so that one derivation takes about
0.5–1 s on the user's machine and never uses less than 64 MiB; they are then stored in the
keyslots header and read back on every unlock. This module never stores, logs or returns a
secret outside a `SecretBytes`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from satchel.crypto.secret import SecretBytes, scrub_freed_heap

__all__ = [
    "KEY_LENGTH",
    "MIN_MEMORY_KIB",
    "SALT_LENGTH",
    "Calibration",
    "KdfParams",
    "calibrate",
    "derive_key",
    "measure",
    "params_for_new_vault",
]

KEY_LENGTH = 32
SALT_LENGTH = 16

MIN_MEMORY_KIB = 64 * 1024
"""The floor of DESIGN §4: below 64 MiB a GPU farm guesses passphrases too cheaply."""

PREFERRED_MEMORY_KIB = 256 * 1024
"""Tried first; calibration steps down towards the floor only on a slow machine."""

TARGET_SECONDS = 0.75
LOW_SECONDS = 0.5
HIGH_SECONDS = 1.0

# Bounds for parameters read back from a keyslots file. They stop a damaged or hostile
# header from making unlock allocate many GiB or spin for hours before failing.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 1024
_MAX_LANES = 64


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over it, and parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        if not 1 <= self.lanes <= _MAX_LANES:
            raise ValueError(f"Argon2id lanes out of range: {self.lanes}")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise ValueError(f"Argon2id iterations out of range: {self.iterations}")
        # Argon2 itself needs at least 8 KiB per lane.
        if not 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError(f"Argon2id memory out of range: {self.memory_kib} KiB")

    def describe(self) -> str:
        return f"Argon2id m={self.memory_kib // 1024} MiB, t={self.iterations}, p={self.lanes}"


@dataclass(frozen=True, slots=True)
class Calibration:
    params: KdfParams
    seconds: float
    """How long one derivation with `params` took during calibration."""


def derive_key(
    secret: bytes | bytearray | memoryview, salt: bytes, params: KdfParams
) -> SecretBytes:
    """Argon2id(secret, salt, params) → 32 bytes, written straight into a SecretBytes."""
    if len(salt) != SALT_LENGTH:
        raise ValueError(f"Argon2id salt must be {SALT_LENGTH} bytes")
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    key = SecretBytes(KEY_LENGTH)
    derive_into = getattr(kdf, "derive_into", None)
    try:
        if derive_into is not None:
            # cryptography ≥ 47 writes into our buffer: no immutable copy of the key exists.
            derive_into(secret, key.writable())
        else:
            key.writable()[:] = kdf.derive(bytes(secret))
    finally:
        # The derivation leaves a copy of `secret` in a heap block it freed unzeroed.
        scrub_freed_heap()
    return key


def measure(
    params: KdfParams, *, repeats: int = 2, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Seconds one derivation with `params` takes here: the fastest of `repeats` runs.

    The fastest, because on a shared or busy machine every disturbance only adds time;
    the first run in a process also pays for mapping fresh memory, which later ones do not.
    """
    salt = os.urandom(SALT_LENGTH)
    best = float("inf")
    for _ in range(repeats):
        start = clock()
        derive_key(b"satchel calibration", salt, params).wipe()
        best = min(best, clock() - start)
    return best


def calibrate(
    *,
    lanes: int | None = None,
    timer: Callable[[KdfParams], float] = measure,
) -> Calibration:
    """Pick parameters so that one derivation takes about 0.75 s here, never under 64 MiB.

    Memory is the defence that costs an attacker most, so it is fixed first (256 MiB,
    stepping down to the 64 MiB floor only if even one pass is too slow), then passes are
    added until the time lands in the 0.5–1 s window.
    """
    if lanes is None:
        lanes = max(1, min(4, os.cpu_count() or 1))
    memory = PREFERRED_MEMORY_KIB
    params = KdfParams(memory, 1, lanes)
    seconds = timer(params)
    while seconds > HIGH_SECONDS and memory > MIN_MEMORY_KIB:
        memory //= 2
        params = KdfParams(memory, 1, lanes)
        seconds = timer(params)
    # Time grows about linearly with passes; a few corrections absorb the fixed overhead
    # of allocating memory and the noise of a shared machine.
    for _ in range(4):
        if LOW_SECONDS <= seconds <= HIGH_SECONDS:
            break
        if seconds > HIGH_SECONDS and params.iterations == 1:
            break  # the floor: slower than wished, but never weaker than 64 MiB × 1 pass
        per_pass = seconds / params.iterations
        iterations = max(1, min(_MAX_ITERATIONS, round(TARGET_SECONDS / per_pass)))
        if iterations == params.iterations:
            break
        params = KdfParams(memory, iterations, lanes)
        seconds = timer(params)
    return Calibration(params, seconds)


def params_for_new_vault() -> KdfParams:
    """The parameters of a vault created now, on this machine: calibrated here."""
    return calibrate().params
