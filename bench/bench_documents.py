"""Document benchmark: a large file into the vault and back out, with time and peak memory.

Creates a vault (test key-derivation parameters: the KDF is not what is measured), writes
a source file of --size MiB, then times:
- intake (`documents.add`: read, SHA-256, encrypt into the database in one transaction),
- export (`documents.export_copy`: decrypt, verify the SHA-256, write, fsync, rename),
- a full streamed verification read (`documents.verify`),
- deletion (secure_delete overwrites the freed pages).

For each it prints wall time, throughput and the process's peak RSS so far, plus the
peak of Python allocations (tracemalloc) during the step. Nothing is asserted; the target
(issue 3) is that a 1 GiB file goes in and out with peak memory well under 200 MB.

    python bench/bench_documents.py [--size MIB] [--dir FOLDER] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from make_vault import BENCH_KDF

from satchel.core.documents import CHUNK_SIZE
from satchel.core.vault import Vault

T = TypeVar("T")
MIB = 1024 * 1024


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MIB if sys.platform == "darwin" else 1024)


@contextmanager
def measured(label: str, size: int, trace: bool) -> Iterator[None]:
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        traced = ""
        if trace:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            traced = f"   python peak {peak / MIB:7.1f} MiB"
        rate = size / MIB / elapsed if elapsed > 0 else float("inf")
        print(
            f"{label:<10} {elapsed:8.2f} s {rate:9.1f} MiB/s   "
            f"peak RSS so far {peak_rss_mib():7.1f} MiB{traced}",
            flush=True,
        )


def write_source(path: Path, size: int) -> str:
    """A file of `size` bytes that does not compress to nothing; returns its SHA-256."""
    digest = hashlib.sha256()
    block = bytearray(os.urandom(CHUNK_SIZE))
    written = 0
    with path.open("wb") as f:
        while written < size:
            # Vary every block cheaply so no two chunks are equal.
            block[:8] = written.to_bytes(8, "big")
            part = memoryview(block)[: min(CHUNK_SIZE, size - written)]
            f.write(part)
            digest.update(part)
            written += len(part)
    return digest.hexdigest()


def run(size: int, folder: Path, trace: bool) -> None:
    source = folder / "source.bin"
    print(f"Writing a {size / MIB:.0f} MiB source file in {folder} ...", flush=True)
    expected = write_source(source, size)
    vault, _recovery = Vault.create(folder / "vault", "benchmark passphrase", kdf_params=BENCH_KDF)
    try:
        print(f"peak RSS before intake: {peak_rss_mib():.1f} MiB", flush=True)
        case = vault.cases.create("Benchmark case")
        with measured("intake", size, trace):
            doc = vault.documents.add(source, case_id=case.id, filename="large-scan.pdf")
        assert doc.sha256 == expected, "intake recorded the wrong SHA-256"
        out = folder / "exported.bin"
        with measured("export", size, trace):
            vault.documents.export_copy(doc.id, out)
        with measured("verify", size, trace):
            vault.documents.verify(doc.id)
        db_size = (folder / "vault" / "vault.db").stat().st_size
        print(f"vault.db  {db_size / MIB:9.1f} MiB for a {size / MIB:.0f} MiB document")
        with measured("delete", size, trace):
            vault.documents.delete(doc.id)
    finally:
        vault.close()
    if out.stat().st_size != size:
        raise SystemExit("exported copy has the wrong size")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1024, metavar="MIB", help="file size (1024)")
    parser.add_argument(
        "--dir", type=Path, default=None, help="work folder on a real disk (default: a temp dir)"
    )
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip tracing Python allocations"
    )
    args = parser.parse_args(argv)
    size = args.size * MIB
    folder = Path(tempfile.mkdtemp(prefix="satchel-bench-docs-", dir=args.dir))
    try:
        run(size, folder, trace=not args.no_tracemalloc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
