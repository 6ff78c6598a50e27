"""Where document bytes could live: what storing them costs in each place, against `age -d`.

Issue 14 asks an import of documents to take at most 3x `age -d` on the same bundle. The
import already stores within about 1.3x of what storing the bytes alone costs in the vault
(bench_bundle.py, "SQLCipher" line), so the target depends on where the bytes live. This
bench times, in one run and on the same bytes (made before any clock starts), storing
--size MiB 1 MiB at a time in one transaction, synchronous as the vault is:

- vault:        the vault's own settings (satchel.core.sqlcipher.connect: 4 KiB pages,
                AES-256-CBC with HMAC-SHA512 per page), which is where documents live now;
- 64k-sha512:   SQLCipher with 64 KiB pages (a vault format change: fewer, larger pages);
- 64k-sha256:   the same with HMAC-SHA256 per page (a further format change);
- gcm-sqlite:   each 1 MiB sealed with AES-256-GCM in Python (key from the vault), the
                ciphertext in a plain SQLite file with 64 KiB pages: documents out of
                SQLCipher, still one file and one transaction;
- gcm-file:     the same ciphertext appended to a plain file, then fsync: documents as
                files beside the database;

and `age -d` of an age file of the same size to /dev/null (skipped without `age`). It
prints seconds, CPU seconds and the ratio to `age -d` of each. An import also decrypts the
bundle and hashes every byte (about 1x `age -d` together, partly on a second core), so a
store must take well under 2x `age -d` for an import to be within 3x. What each place
would cost in privacy and safety is in docs/decisions.md ("Documents import").

    python bench/bench_document_store.py [--size MIB] [--dir FOLDER]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _chunks(size_mib: int) -> list[bytes]:
    # Eight distinct random chunks used in turn: every stored byte is encrypted anyway.
    return [os.urandom(MIB) for _ in range(min(8, size_mib))]


def _remove(path: Path) -> None:
    for suffix in ("", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def store_vault(path: Path, chunks: list[bytes], count: int) -> None:
    from satchel.core.sqlcipher import connect
    from satchel.crypto.secret import SecretBytes

    key = SecretBytes.random(32)
    conn = connect(path, key, create=True)
    try:
        _insert(conn, chunks, count)
    finally:
        conn.close()
        key.wipe()


def _sqlcipher(page_size: int, hmac: str) -> Callable[[Path, list[bytes], int], None]:
    def store(path: Path, chunks: list[bytes], count: int) -> None:
        import sqlcipher3

        conn = sqlcipher3.connect(str(path), isolation_level=None)
        try:
            conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
            conn.execute(f"PRAGMA cipher_page_size = {page_size}")
            conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA temp_store = MEMORY")
            _insert(conn, chunks, count)
        finally:
            conn.close()

    return store


def _insert(conn: object, chunks: list[bytes], count: int) -> None:
    execute = conn.execute  # type: ignore[attr-defined]
    execute("CREATE TABLE chunks (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    execute("BEGIN IMMEDIATE")
    for seq in range(count):
        execute("INSERT INTO chunks VALUES (?, ?)", (seq, chunks[seq % len(chunks)]))
    execute("COMMIT")


def _sealer() -> Callable[[int, bytes], bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    prefix = os.urandom(4)

    def seal(seq: int, chunk: bytes) -> bytes:
        nonce = prefix + seq.to_bytes(8, "big")
        return nonce + aead.encrypt(nonce, chunk, b"document id|" + seq.to_bytes(8, "big"))

    return seal


def store_gcm_sqlite(path: Path, chunks: list[bytes], count: int) -> None:
    seal = _sealer()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size = 65536")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE chunks (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        conn.execute("BEGIN IMMEDIATE")
        for seq in range(count):
            conn.execute(
                "INSERT INTO chunks VALUES (?, ?)", (seq, seal(seq, chunks[seq % len(chunks)]))
            )
        conn.execute("COMMIT")
    finally:
        conn.close()


def store_gcm_file(path: Path, chunks: list[bytes], count: int) -> None:
    seal = _sealer()
    with path.open("wb") as fh:
        for seq in range(count):
            fh.write(seal(seq, chunks[seq % len(chunks)]))
        fh.flush()
        os.fsync(fh.fileno())


STORES: dict[str, Callable[[Path, list[bytes], int], None]] = {
    "vault": store_vault,
    "64k-sha512": _sqlcipher(65536, "HMAC_SHA512"),
    "64k-sha256": _sqlcipher(65536, "HMAC_SHA256"),
    "gcm-sqlite": store_gcm_sqlite,
    "gcm-file": store_gcm_file,
}


def age_decrypt_seconds(folder: Path, size_mib: int) -> float | None:
    """Wall seconds of `age -d` on an age file of `size_mib` MiB, to /dev/null."""
    if shutil.which("age") is None or shutil.which("age-keygen") is None:
        return None
    key = folder / "age.key"
    subprocess.run(["age-keygen", "-o", str(key)], capture_output=True, check=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(key)], capture_output=True, text=True, check=True
    ).stdout.strip()
    plain, sealed = folder / "plain.bin", folder / "plain.age"
    chunks = _chunks(size_mib)
    with plain.open("wb") as fh:
        for seq in range(size_mib):
            fh.write(chunks[seq % len(chunks)])
    subprocess.run(["age", "-r", recipient, "-o", str(sealed), str(plain)], check=True)
    plain.unlink()
    try:
        start = time.perf_counter()
        subprocess.run(["age", "-d", "-i", str(key), "-o", os.devnull, str(sealed)], check=True)
        return time.perf_counter() - start
    finally:
        sealed.unlink()
        key.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256, help="MiB to store (default 256)")
    parser.add_argument("--quick", action="store_true", help="64 MiB")
    parser.add_argument("--dir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    size = 64 if args.quick else args.size
    folder = Path(tempfile.mkdtemp(prefix="docstore-", dir=args.dir))
    try:
        age = age_decrypt_seconds(folder, size)
        chunks = _chunks(size)
        print(f"{size} MiB, 1 MiB a row, one transaction, synchronous FULL")
        if age is None:
            print("  age -d         (age not installed: no ratio)")
        else:
            print(f"  age -d     {age:7.2f} s  {size / age:7.1f} MiB/s")
        for name, store in STORES.items():
            path = folder / f"{name}.db"
            _remove(path)
            cpu, start = cpu_seconds(), time.perf_counter()
            store(path, chunks, size)
            wall, used = time.perf_counter() - start, cpu_seconds() - cpu
            ratio = f"   store/age {wall / age:5.1f}x" if age else ""
            print(f"  {name:10s} {wall:7.2f} s  {size / wall:7.1f} MiB/s  CPU {used:6.2f} s{ratio}")
            _remove(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
