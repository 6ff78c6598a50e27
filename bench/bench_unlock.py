"""Unlock benchmark: key derivation versus everything else, and timing uniformity.

Prints medians (and worst) over N runs of:
- a full unlock, split into the Argon2id derivation and the rest (reading the keyslots,
  trying all 8 slots, opening and checking the database, migrations, building the stores);
- unlock by passphrase, by recovery code and by duress passphrase, on a vault with and
  without a duress slot: these should agree within noise, since every unlock does one
  derivation and tries every slot;
- opening the keyslots alone with the matching slot at each of the 8 positions.

Nothing here is asserted: figures depend on the machine. Target (issue 3): the part after
key derivation ≤ 200 ms on the 2,000-case benchmark vault (pass it with --vault).

    python bench/bench_unlock.py [--runs N] [--fast-kdf] [--vault DIR --passphrase-file F]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from make_vault import BENCH_KDF

from satchel.core.duress import DuressMode
from satchel.core.folder import KEYSLOTS_NAME
from satchel.core.vault import Vault
from satchel.crypto.kdf import KdfParams, calibrate
from satchel.crypto.keyslots import (
    SLOT_COUNT,
    Keyslots,
    SlotContent,
    SlotKind,
    SlotMap,
    SlotRole,
    secret_input,
)
from satchel.crypto.secret import SecretBytes
from satchel.errors import WrongPassphrase

PASSPHRASE = "benchmark passphrase"
DURESS = "benchmark duress words"


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _summary(samples: list[float]) -> str:
    return (
        f"median {statistics.median(samples) * 1000:8.1f} ms   worst {max(samples) * 1000:8.1f} ms"
    )


def _split_unlock(folder: Path, secret: str, runs: int) -> tuple[list[float], list[float]]:
    """Full unlock times and, separately, the derivation times measured inside them."""
    totals: list[float] = []
    derivations: list[float] = []
    original = Keyslots.derive_kek

    def timed_derive(self: Keyslots, material: bytes | bytearray | memoryview) -> SecretBytes:
        start = time.perf_counter()
        try:
            return original(self, material)
        finally:
            derivations.append(time.perf_counter() - start)

    Keyslots.derive_kek = timed_derive  # type: ignore[method-assign]
    try:
        for _ in range(runs):
            start = time.perf_counter()
            vault = Vault.unlock(folder, secret)
            totals.append(time.perf_counter() - start)
            vault.close()
    finally:
        Keyslots.derive_kek = original  # type: ignore[method-assign]
    return totals, derivations


_COLD_SCRIPT = """
import sys, time
from satchel.core.vault import Vault
from satchel.crypto.keyslots import Keyslots
original = Keyslots.derive_kek
spent = []
def timed(self, material):
    start = time.perf_counter()
    try:
        return original(self, material)
    finally:
        spent.append(time.perf_counter() - start)
Keyslots.derive_kek = timed
start = time.perf_counter()
Vault.unlock(sys.argv[1], sys.argv[2]).close()
print(time.perf_counter() - start, spent[0])
"""


def bench_cold(folder: Path, secret: str, runs: int) -> None:
    """Unlock as the first thing a fresh process does, which is what a user waits for.

    Argon2id's memory is then freshly mapped and faulted in; in a warm process the
    allocator hands back pages it already has, so repeated unlocks look faster.
    """
    totals: list[float] = []
    derivations: list[float] = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", _COLD_SCRIPT, str(folder), secret],
            capture_output=True,
            text=True,
            check=True,
        )
        total, derivation = (float(x) for x in result.stdout.split())
        totals.append(total)
        derivations.append(derivation)
    rest = [t - d for t, d in zip(totals, derivations, strict=True)]
    print(f"  {'fresh process, passphrase':<31} total {_summary(totals)}")
    print(f"  {'':<31} KDF {_summary(derivations)}")
    print(f"  {'':<31} after KDF {_summary(rest)}")


def bench_existing(folder: Path, passphrase: str, runs: int) -> None:
    totals, derivations = _split_unlock(folder, passphrase, runs)
    rest = [t - d for t, d in zip(totals, derivations, strict=True)]
    print(f"vault {folder}")
    print(f"  unlock total              {_summary(totals)}")
    print(f"  key derivation            {_summary(derivations)}")
    print(f"  everything else           {_summary(rest)}   (target ≤ 200 ms)")


def bench_uniformity(params: KdfParams, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="satchel-bench-") as tmp:
        plain_dir, duress_dir = Path(tmp) / "plain", Path(tmp) / "duress"
        vault, plain_code = Vault.create(plain_dir, PASSPHRASE, kdf_params=params)
        vault.close()
        vault, duress_code = Vault.create(duress_dir, PASSPHRASE, kdf_params=params)
        vault.set_duress(PASSPHRASE, DURESS, DuressMode.DECOY, None)
        vault.close()

        print(f"\nunlock by secret ({params.describe()}, {runs} runs each, warm process)")
        cases = [
            ("no duress, passphrase", plain_dir, PASSPHRASE),
            ("no duress, recovery code", plain_dir, plain_code),
            ("duress set, passphrase", duress_dir, PASSPHRASE),
            ("duress set, recovery code", duress_dir, duress_code),
            ("duress set, duress passphrase", duress_dir, DURESS),
        ]
        for label, folder, secret in cases:
            totals, derivations = _split_unlock(folder, secret, runs)
            rest = [t - d for t, d in zip(totals, derivations, strict=True)]
            print(f"  {label:<31} total {_summary(totals)}")
            print(f"  {'':<31} after KDF {_summary(rest)}")

        wrong: list[float] = []
        for _ in range(runs):
            start = time.perf_counter()
            try:
                Vault.unlock(plain_dir, "not the passphrase").close()
            except WrongPassphrase:
                pass
            wrong.append(time.perf_counter() - start)
        print(f"  {'wrong passphrase':<31} total {_summary(wrong)}")
        bench_cold(plain_dir, PASSPHRASE, runs)

        keyslots = Keyslots.parse((plain_dir / KEYSLOTS_NAME).read_bytes())
        bench_slot_positions(keyslots, runs * 20)


def bench_slot_positions(template: Keyslots, runs: int) -> None:
    """Trying the slots with the match at each position: the only position-dependent step."""
    print(f"\nopening the keyslots with the matching slot at each position ({runs} runs)")
    key = SecretBytes.random(32)
    with template.derive_kek(secret_input(PASSPHRASE)) as kek:
        for index in range(SLOT_COUNT):
            content = SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, key, SlotMap(index))
            keyslots = template.only(index).seal(index, kek, content)

            def open_once(keyslots: Keyslots = keyslots) -> None:
                opened = keyslots.open(kek)
                assert opened is not None
                opened.content.key.wipe()

            samples = [_timed(open_once) for _ in range(runs)]
            print(f"  slot {index}  {_summary(samples)}")
        none = [_timed(lambda: template.only(0).open(kek)) for _ in range(runs)]
        print(f"  no match {_summary(none)}")
    key.wipe()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--fast-kdf", action="store_true", help="tiny Argon2id parameters (to check the rest)"
    )
    parser.add_argument("--vault", type=Path, help="also measure this existing vault")
    parser.add_argument("--passphrase-file", type=Path, help="its passphrase (first line)")
    args = parser.parse_args(argv)

    if args.fast_kdf:
        params = BENCH_KDF
    else:
        calibration = calibrate()
        params = calibration.params
        print(f"calibrated {params.describe()}: {calibration.seconds * 1000:.0f} ms per derivation")
    bench_uniformity(params, args.runs)

    if args.vault is not None:
        if args.passphrase_file is None:
            parser.error("--vault needs --passphrase-file")
        passphrase = args.passphrase_file.read_text(encoding="utf-8").splitlines()[0]
        print()
        bench_existing(args.vault, passphrase, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
