"""Bundle benchmark: export and import of a case of documents (256 MiB by default, 1 GiB with
`--size 1024`) and of a case with 50,000 events, against the standard `age` tool decrypting the
very same bundle file in the same run.

Two fresh vaults (test key-derivation parameters: unlocking is not what is measured) are
built in a scratch folder: Anna's holds the cases, Boris's is empty and knows Anna. Every
measured step runs in its own process, which reports its wall time and its own peak RSS
(`resource.getrusage(RUSAGE_SELF).ru_maxrss`), so one step's memory never colours another's:

- export: `export_bundle` to Boris (records hashed then written, documents streamed),
- import: `plan_import` (the preview the user confirms: manifest, signature, every record;
  document bodies are left to the import) then `apply_import` (one pass: decrypt, verify
  and write in one transaction), timed apart and together,
- age: `age -d` of the same bundle with Boris's age key, and `age -r` of a file of its size
  (skipped if `age` is absent),
- floor: writing the same number of bytes into a fresh SQLCipher database with the vault's
  settings (4 KiB pages, HMAC-SHA512, rollback journal, synchronous FULL), 1 MiB a row:
  what storing the bytes costs by itself, whatever the import does around it.

Targets (issue 14): import within 3x of `age -d` on the same file for documents, at least
20,000 records per second for events, peak memory at most 150 MB. Nothing is asserted;
figures are printed: preview, apply and total records per second, of wall time and per CPU
second (the second is what to compare on a loaded machine).

Measured 2026-12-03 on the shared 2-core machine, `--only events`, main then the
savepoint-free import back to back: import CPU 27.2 s (1,840 records per CPU second) ->
18.8 s (preview 5.8 s + apply 13.0 s, 2,661 per CPU second), peak RSS 111 -> 99 MiB; the
least of interleaved runs: preview 4.9 -> 3.5 s, apply 16.1 -> 12.0 s of CPU. See
docs/decisions.md ("Events import") for what is left and why 20,000/s is out of reach.

    python bench/bench_bundle.py [--quick | --size MIB --events N] [--only KIND] [--keep]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MIB = 1024 * 1024
PASSPHRASE = "bench passphrase for bundle vaults"
HERE = Path(__file__).resolve().parent


def cpu_seconds(who: int) -> float:
    """User and system CPU seconds of this process (all threads) or of its waited children:
    on a shared, loaded machine the wall time says more about the neighbours."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MIB if sys.platform == "darwin" else 1024)


class _RandomStream(io.RawIOBase):
    """`size` pseudo-random bytes, produced as read (a document that never sits in memory)."""

    def __init__(self, size: int, seed: int) -> None:
        super().__init__()
        self._left = size
        self._block = (seed.to_bytes(8, "big") * (MIB // 8))[:MIB]
        self._block = bytes(b ^ (i * 131 + seed) & 0xFF for i, b in enumerate(self._block[:4096]))
        self._block = self._block * (MIB // 4096)
        self._n = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(b), self._left, len(self._block))
        if n <= 0:
            return 0
        # Vary each chunk so no two chunks of a document are identical.
        self._n += 1
        head = self._n.to_bytes(8, "big")
        chunk = head + self._block[8:n] if n > 8 else self._block[:n]
        b[:n] = chunk[:n]
        self._left -= n
        return n


def _vault(folder: Path):
    from satchel.core.vault import Vault

    return Vault.unlock(folder, PASSPHRASE)


# -- steps, each run in a child process --------------------------------------------------------


def step_setup(work: Path, doc_mib: int, events: int) -> dict[str, object]:
    from make_vault import BENCH_KDF

    from satchel.bundle.colleagues import add_colleague_from_card
    from satchel.core.vault import Vault

    # Every later step's unlock reads these tiny parameters back from the vault.
    anna, _ = Vault.create(work / "anna", PASSPHRASE, kdf_params=BENCH_KDF)
    boris, _ = Vault.create(work / "boris", PASSPHRASE, kdf_params=BENCH_KDF)
    try:
        anna.identities.get("Anna Bench")
        boris.identities.get("Boris Bench")
        add_colleague_from_card(anna, boris.identities.get().public().card())
        add_colleague_from_card(boris, anna.identities.get().public().card())
        docs_case = anna.cases.create("Documents case (bench)")
        per_doc = 128
        left = doc_mib
        i = 0
        while left > 0:
            size = min(per_doc, left) * MIB
            anna.documents.add(
                _RandomStream(size, i), case_id=docs_case.id, filename=f"scan-{i}.pdf"
            )
            left -= per_doc
            i += 1
        events_case = anna.cases.create("Events case (bench)")
        with anna.bulk():
            for n in range(events):
                anna.events.create(
                    events_case.id, f"Hearing {n}", "hearing",
                    date=f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    description="Fictional hearing in the appeal court. " * 3,
                )  # fmt: skip
        return {"docs_case": docs_case.id, "events_case": events_case.id}
    finally:
        anna.close()
        boris.close()


def step_export(work: Path, case_id: str, out: Path) -> dict[str, object]:
    from satchel.bundle.export import export_bundle

    vault = _vault(work / "anna")
    try:
        start = time.perf_counter()
        export_bundle(vault, [case_id], out, to=vault.colleagues.list())
        return {"seconds": time.perf_counter() - start, "bytes": out.stat().st_size}
    finally:
        vault.close()


def step_import(work: Path, bundle: Path) -> dict[str, object]:
    from satchel.bundle.merge import apply_import, plan_import

    vault = _vault(work / "boris")
    try:
        cpu = cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        preview = plan_import(vault, bundle)
        mid = time.perf_counter()
        cpu_mid = cpu_seconds(resource.RUSAGE_SELF)
        result = apply_import(vault, preview, consent=True)
        end = time.perf_counter()
        cpu_end = cpu_seconds(resource.RUSAGE_SELF)
        return {
            "cpu": cpu_end - cpu,
            "inspect_cpu": cpu_mid - cpu,
            "apply_cpu": cpu_end - cpu_mid,
            "inspect": mid - start,
            "apply": end - mid,
            "seconds": end - start,
            "records": sum(preview.manifest.counts.values()),
            "written": result.added + result.updated,
        }
    finally:
        vault.close()


def step_age_key(work: Path, out: Path) -> dict[str, object]:
    """Boris's age secret key into a 0600 file in the scratch folder, for `age -d`."""
    vault = _vault(work / "boris")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(vault.identities.get().age_secret_key() + "\n")
        return {}
    finally:
        vault.close()


def step_floor(work: Path, size: int) -> dict[str, object]:
    """Seconds to store `size` bytes in a fresh SQLCipher database, 1 MiB per row."""
    from satchel.core.sqlcipher import connect
    from satchel.crypto.secret import SecretBytes

    key = SecretBytes(32)
    key.writable()[:] = os.urandom(32)
    db_file = work / "floor.db"
    conn = connect(db_file, key, create=True)
    try:
        conn.execute("CREATE TABLE chunks (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        # The bytes are made before the clock starts (a few chunks, used in turn: what is
        # stored is encrypted either way), so that only storing them is timed.
        stream = _RandomStream(8 * MIB, 7)
        chunks = [stream.read(MIB) for _ in range(8)]
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for seq in range(-(-size // MIB)):
            chunk = chunks[seq % len(chunks)]
            conn.execute("INSERT INTO chunks VALUES (?, ?)", (seq, chunk[: size - seq * MIB]))
        conn.execute("COMMIT")
        return {"seconds": time.perf_counter() - start}
    finally:
        conn.close()
        key.wipe()
        db_file.unlink(missing_ok=True)


def run_step(*args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, __file__, "--step", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"step {args[0]} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def age_times(work: Path, bundle: Path) -> tuple[float, float, float] | None:
    """Seconds for `age -r` to encrypt a file of the size of `bundle` to one key, and for
    `age -d` to decrypt `bundle` itself (Boris's key): wall and CPU."""
    if shutil.which("age") is None or shutil.which("age-keygen") is None:
        return None
    key = work / "boris.agekey"
    run_step("age-key", str(work), str(key))
    try:
        start, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_CHILDREN)
        subprocess.run(["age", "-d", "-i", str(key), "-o", os.devnull, str(bundle)], check=True)
        dec = time.perf_counter() - start
        dec_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu
    finally:
        key.unlink(missing_ok=True)
    key = work / "age.key"
    key.unlink(missing_ok=True)
    subprocess.run(["age-keygen", "-o", str(key)], capture_output=True, check=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(key)], capture_output=True, text=True, check=True
    ).stdout.strip()
    plain = work / "plain.bin"
    with plain.open("wb") as fh:
        stream = _RandomStream(bundle.stat().st_size, 99)
        while chunk := stream.read(MIB):
            fh.write(chunk)
    sealed = work / "plain.age"
    start = time.perf_counter()
    subprocess.run(["age", "-r", recipient, "-o", str(sealed), str(plain)], check=True)
    enc = time.perf_counter() - start
    plain.unlink()
    sealed.unlink()
    key.unlink()
    return enc, dec, dec_cpu


def report(
    label: str,
    size: int,
    export: dict,
    imp: dict,
    age: tuple[float, float, float] | None,
    floor: dict | None,
) -> None:
    mib = size / MIB
    records = int(imp["records"])
    print(f"\n{label}: bundle {mib:.1f} MiB, {records:,} records")
    print(f"  export        {export['seconds']:7.2f} s  {mib / export['seconds']:7.1f} MiB/s"
          f"  peak RSS {export['peak_rss_mib']:.0f} MiB")  # fmt: skip
    many = records >= 1000

    def rates(seconds: float, cpu: float) -> str:
        # Records per second of wall time, and per CPU second (this process, every thread):
        # on a shared machine the second says more about the import itself.
        if not many:
            return ""
        return f"  {records / seconds:8,.0f} records/s ({records / cpu:,.0f} per CPU s)"

    print(f"  preview       {imp['inspect']:7.2f} s  {mib / imp['inspect']:7.1f} MiB/s"
          f"{rates(imp['inspect'], imp['inspect_cpu'])}")  # fmt: skip
    print(f"  apply         {imp['apply']:7.2f} s  {mib / imp['apply']:7.1f} MiB/s"
          f"{rates(imp['apply'], imp['apply_cpu'])}")  # fmt: skip
    print(f"  import total  {imp['seconds']:7.2f} s  {mib / imp['seconds']:7.1f} MiB/s"
          f"{rates(imp['seconds'], imp['cpu'])}"
          f"  peak RSS {imp['peak_rss_mib']:.0f} MiB")  # fmt: skip
    print(f"  import CPU    {imp['cpu']:7.2f} s (preview {imp['inspect_cpu']:.2f} s, apply "
          f"{imp['apply_cpu']:.2f} s; every thread)")  # fmt: skip
    if floor is not None:
        print(f"  SQLCipher     {floor['seconds']:7.2f} s  {mib / floor['seconds']:7.1f} MiB/s"
              f"   (storing these bytes alone; import/floor "
              f"{imp['seconds'] / floor['seconds']:.1f}x)")  # fmt: skip
    if age is None:
        print("  age CLI       not installed; comparison skipped")
        return
    enc, dec, dec_cpu = age
    print(f"  age -d        {dec:7.2f} s  {mib / dec:7.1f} MiB/s   import/age: "
          f"{imp['seconds'] / dec:.1f}x (apply alone {imp['apply'] / dec:.1f}x)")  # fmt: skip
    print(f"  age -d CPU    {dec_cpu:7.2f} s                import/age in CPU time: "
          f"{imp['cpu'] / max(dec_cpu, 1e-6):.1f}x")  # fmt: skip
    print(f"  age -r        {enc:7.2f} s  {mib / enc:7.1f} MiB/s   export/age: "
          f"{export['seconds'] / enc:.1f}x")  # fmt: skip
    if floor is not None:
        print(f"  SQLCipher/age {floor['seconds'] / dec:7.1f}x  (the least any import storing "
              "documents in the vault can reach here)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="128 MiB and 5,000 events")
    parser.add_argument("--size", type=int, help="MiB of documents (default 256; 1024: 1 GiB)")
    parser.add_argument("--events", type=int, help="number of events (default 50,000)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument(
        "--only", choices=("documents", "events"), help="run only one of the two scenarios"
    )
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, *rest = args.step
        if name == "setup":
            result = step_setup(Path(rest[0]), int(rest[1]), int(rest[2]))
        elif name == "export":
            result = step_export(Path(rest[0]), rest[1], Path(rest[2]))
        elif name == "age-key":
            result = step_age_key(Path(rest[0]), Path(rest[1]))
        elif name == "floor":
            result = step_floor(Path(rest[0]), int(rest[1]))
        else:
            result = step_import(Path(rest[0]), Path(rest[1]))
        result["peak_rss_mib"] = peak_rss_mib()
        result.setdefault("cpu", cpu_seconds(resource.RUSAGE_SELF))
        print(json.dumps(result))
        return 0

    doc_mib, events = (128, 5_000) if args.quick else (256, 50_000)
    doc_mib = doc_mib if args.size is None else args.size
    events = events if args.events is None else args.events
    if args.only == "documents":
        events = 0
    elif args.only == "events":
        doc_mib = 0
    (HERE / "out").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bundle-", dir=HERE / "out"))
    try:
        start = time.perf_counter()
        ids = run_step("setup", str(work), str(doc_mib), str(events))
        print(f"set-up: {doc_mib} MiB of documents and {events:,} events in "
              f"{time.perf_counter() - start:.0f} s")  # fmt: skip
        scenarios = [
            (f"{doc_mib} MiB of documents", ids["docs_case"], doc_mib, True),
            (f"{events:,} events", ids["events_case"], events, False),
        ]
        for label, case_id, amount, with_floor in scenarios:
            if not amount:
                continue
            bundle = work / f"{case_id}.satchel"
            exp = run_step("export", str(work), str(case_id), str(bundle))
            imp = run_step("import", str(work), str(bundle))
            size = bundle.stat().st_size
            floor = run_step("floor", str(work), str(size)) if with_floor else None
            report(label, size, exp, imp, age_times(work, bundle), floor)
            bundle.unlink()
        print(
            "\ntargets (issue 14): documents import/age <= 3x, events >= 20,000 records/s, "
            "peak RSS <= 150 MB"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
