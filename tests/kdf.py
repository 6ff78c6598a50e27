"""Argon2id parameters for the vaults tests create: fast, and far too weak for a real vault.

Tests hand them to `Vault.create(kdf_params=...)`, `satchel.__main__.main(kdf_params=...)`
or the GUI's creation wizard; unlock reads them back from the vault's keyslots header, so
a later `satchel` process opens such a vault quickly too. Satchel itself never uses them
(`tests/crypto/test_kdf.py` checks the real, calibrated ones once).
"""

from __future__ import annotations

from satchel.crypto.kdf import KdfParams

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
