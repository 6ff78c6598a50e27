"""Argon2id parameters: the bounds a header must respect, and calibration."""

from __future__ import annotations

import pytest
from tests.kdf import FAST_KDF

from satchel.crypto import kdf
from satchel.crypto.kdf import MIN_MEMORY_KIB, KdfParams, calibrate, derive_key


def test_same_secret_and_salt_give_the_same_key_and_another_salt_does_not() -> None:
    salt_a, salt_b = b"a" * 16, b"b" * 16
    with (
        derive_key(b"passphrase", salt_a, FAST_KDF) as one,
        derive_key(b"passphrase", salt_a, FAST_KDF) as two,
        derive_key(b"passphrase", salt_b, FAST_KDF) as other,
    ):
        assert one.equals(two)
        assert not one.equals(other)
        assert len(one) == 32


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(4, 1, 1), (8 * 1024, 0, 1), (8 * 1024, 1, 0), (8 * 1024 * 1024, 1, 1), (65536, 5000, 4)],
)
def test_absurd_parameters_are_refused(memory_kib: int, iterations: int, lanes: int) -> None:
    # A hostile keyslots header must not make unlock allocate gigabytes or spin for hours.
    with pytest.raises(ValueError):
        KdfParams(memory_kib, iterations, lanes)


def _fake_timer(seconds_per_pass_per_mib: float):
    calls: list[KdfParams] = []

    def timer(params: KdfParams) -> float:
        calls.append(params)
        return params.iterations * params.memory_kib / 1024 * seconds_per_pass_per_mib

    return timer, calls


def test_calibration_keeps_256_mib_and_adds_passes_on_a_fast_machine() -> None:
    timer, _calls = _fake_timer(0.1 / 256)  # 0.1 s per pass over 256 MiB
    result = calibrate(lanes=4, timer=timer)
    assert result.params.memory_kib == 256 * 1024
    assert result.params.lanes == 4
    assert result.params.iterations > 1
    assert kdf.LOW_SECONDS <= result.seconds <= kdf.HIGH_SECONDS


def test_calibration_on_a_slow_machine_never_goes_below_64_mib() -> None:
    timer, calls = _fake_timer(5.0 / 64)  # even 64 MiB × 1 pass takes 5 s
    result = calibrate(lanes=1, timer=timer)
    assert result.params == KdfParams(MIN_MEMORY_KIB, 1, 1)
    assert min(c.memory_kib for c in calls) == MIN_MEMORY_KIB


def test_calibration_steps_memory_down_before_giving_up_passes() -> None:
    timer, _calls = _fake_timer(2.0 / 256)  # 256 MiB × 1 pass = 2 s, 128 MiB = 1 s
    result = calibrate(lanes=2, timer=timer)
    assert MIN_MEMORY_KIB <= result.params.memory_kib < 256 * 1024
    assert kdf.LOW_SECONDS <= result.seconds <= kdf.HIGH_SECONDS


@pytest.mark.slow
def test_real_calibration_uses_at_least_64_mib_and_is_stored_in_the_vault(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from satchel.core.folder import KEYSLOTS_NAME
    from satchel.core.vault import Vault
    from satchel.crypto.keyslots import Keyslots

    # The test switch of old: any process with it set made an 8 MiB vault. Nothing reads it.
    monkeypatch.setenv("SATCHEL_TEST_FAST_KDF", "1")
    result = calibrate()
    with capsys.disabled():
        print(f"\ncalibrated: {result.params.describe()}, {result.seconds:.2f} s per derivation")
    assert result.params.memory_kib >= MIN_MEMORY_KIB
    assert result.seconds > 0

    vault, _code = Vault.create(tmp_path / "vault", "a real passphrase")
    vault.close()
    stored = Keyslots.parse((tmp_path / "vault" / KEYSLOTS_NAME).read_bytes()).header.params
    assert stored.memory_kib >= MIN_MEMORY_KIB
    assert stored != FAST_KDF
    with capsys.disabled():
        print(f"stored in the new vault: {stored.describe()}")
