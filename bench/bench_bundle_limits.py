"""Hostile-but-signed bundles at the reader's limits: peak memory and time of an import.

Any bundle Satchel accepts must import within 200 MB (issue 15). Two shapes sit at the edge
of what the limits allow (bundle/format/spec.py for the bundle, core/limits.py for each field):

- count: spec.MAX_RECORDS records, each small (one case, the rest events);
- text: records.jsonl as close to spec.MAX_RECORDS_BYTES as the limits allow, made of notes
  of core.limits.MAX_NOTE_BODY characters (Cyrillic: two UTF-8 bytes each) and events whose
  description and quote are at their field limits;
- tombstones (format v2): deletions of records the vault never had, which an import holds
  until the end: spec.MAX_TOMBSTONE_ENTRIES entries in long vectors, then small ones up to
  spec.MAX_RECORDS lines.

Each bundle is written by a sender nobody knows (a passphrase bundle, imported with
consent), then imported into a fresh vault in a child process that reports its own wall
time and peak RSS. Nothing is asserted; figures are printed.

    python bench/bench_bundle_limits.py [--only count|text] [--scale F]

`--scale 0.1` builds bundles of a tenth of the limits (a quick look; figures not at the edge).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PASSPHRASE = "bench passphrase for limit vaults"
BUNDLE_PASS = "orchid-lantern-pebble-harbor"
VAULT = "0a0a0a0a-0000-4000-8000-00000000000a"
CASE = "11111111-1111-4111-8111-111111111111"
STAMP = "2026-02-01T10:00:00.000000+00:00"


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _base(n: int) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=n + 1000, version=4)),
        "created_at": STAMP,
        "updated_at": STAMP,
        "origin_vault": VAULT,
        "versions": [[VAULT, 1]],
    }


def _records(shape: str, scale: float) -> tuple[dict[str, int], Any]:
    from satchel.bundle.format import spec
    from satchel.core import limits

    case = {**_base(0), "id": CASE, "title": "Extradition of N. Fictionova (bench)"}
    if shape == "tombstones":
        return _tombstones(case, scale)
    if shape == "count":
        events = int(spec.MAX_RECORDS * scale) - 1
        notes = 0
        per_event: dict[str, Any] = {}
    else:
        # Half the bytes in notes at their limit, half in events at theirs; under the cap.
        budget = int(spec.MAX_RECORDS_BYTES * scale * 0.95)
        note_bytes = limits.MAX_NOTE_BODY * 2  # Cyrillic: 2 bytes a character
        notes = budget // 2 // note_bytes
        quote = "ц" * limits.MAX_LONG_TEXT
        per_event = {"description": quote, "source_quote": quote}
        events = budget // 2 // (4 * limits.MAX_LONG_TEXT)
    body = ("Записка адвоката " * (limits.MAX_NOTE_BODY // 17 + 1))[: limits.MAX_NOTE_BODY]

    def gen() -> Iterator[tuple[str, Any]]:
        yield "case", case
        for n in range(events):
            yield "event", {
                **_base(n + 1), "case_id": CASE, "event_type": "hearing",
                "title": f"Hearing {n} in the appeal court", "date": "2025-08-14",
                **per_event,
            }  # fmt: skip
        for n in range(notes):
            yield "note", {
                **_base(events + n + 1), "case_id": CASE, "written": STAMP,
                "author": "Bench", "body": body,
            }  # fmt: skip

    return {"event": events, "note": notes}, gen


def _tombstones(case: dict[str, Any], scale: float) -> tuple[dict[str, int], Any]:
    from satchel.bundle.format import spec

    total = int(spec.MAX_RECORDS * scale) - 1
    wide = 900  # vector entries of a long tombstone (with its one case: under 64 KiB)
    long_ones = min(total, int(spec.MAX_TOMBSTONE_ENTRIES * scale) // (wide + 1))

    def gen() -> Iterator[tuple[str, Any]]:
        yield "case", case
        for n in range(total):
            width = wide if n < long_ones else 1
            yield "tombstone", {
                "id": str(uuid.UUID(int=n + 10**9, version=4)), "record_kind": "event",
                "origin_vault": VAULT, "cases": [CASE],
                "versions": [[str(uuid.UUID(int=n * 1000 + i, version=4)), 2]
                             for i in range(width)],
                "deleted_at": STAMP,
            }  # fmt: skip

    return {"event": 0, "note": 0, "tombstone": total}, gen


def step_build(out: Path, shape: str, scale: float) -> dict[str, object]:
    from satchel.bundle.format.writer import BundleWriter, seal_bundle
    from satchel.crypto.identity import Identity

    counts, gen = _records(shape, scale)
    writer = BundleWriter(
        Identity.generate("Mallory Bench"), VAULT, recipients=None, cases=[CASE],
        documents=False, notes=bool(counts["note"]),
        created_at=datetime(2026, 3, 1, tzinfo=UTC),
    )  # fmt: skip
    start = time.perf_counter()
    with out.open("wb") as fh:
        seal_bundle(fh, writer, gen, [], passphrase=BUNDLE_PASS)
    return {"seconds": time.perf_counter() - start, "bytes": out.stat().st_size, **counts}


def step_import(folder: Path, bundle: Path) -> dict[str, object]:
    from satchel.bundle.merge import apply_import, plan_import
    from satchel.core.vault import Vault

    vault, _code = Vault.create(folder, PASSPHRASE)
    try:
        start = time.perf_counter()
        preview = plan_import(vault, bundle, passphrase=BUNDLE_PASS)
        mid = time.perf_counter()
        result = apply_import(vault, preview, consent=True)
        end = time.perf_counter()
        return {"inspect": mid - start, "apply": end - mid, "added": result.added}
    finally:
        vault.close()


def run_step(*args: str) -> dict[str, Any]:
    env = {**os.environ, "SATCHEL_TEST_FAST_KDF": "1"}
    proc = subprocess.run(
        [sys.executable, __file__, "--step", *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"step {args[0]} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("count", "text", "tombstones"))
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the limits")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, *rest = args.step
        if name == "build":
            result = step_build(Path(rest[0]), rest[1], float(rest[2]))
        else:
            result = step_import(Path(rest[0]), Path(rest[1]))
        result["peak_rss_mib"] = peak_rss_mib()
        print(json.dumps(result))
        return 0

    (HERE / "out").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="limits-", dir=HERE / "out") as tmp:
        work = Path(tmp)
        for shape in ("count", "text", "tombstones") if args.only is None else (args.only,):
            bundle = work / f"{shape}.satchel"
            built = run_step("build", str(bundle), shape, str(args.scale))
            imp = run_step("import", str(work / f"vault-{shape}"), str(bundle))
            print(
                f"{shape:>5}: {built['event']:,} events + {built['note']:,} notes + "
                f"{built.get('tombstone', 0):,} tombstones, "
                f"bundle {built['bytes'] / 2**20:.0f} MiB; import {imp['inspect']:.1f} s "
                f"inspect + {imp['apply']:.1f} s apply, peak RSS {imp['peak_rss_mib']:.0f} MiB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
