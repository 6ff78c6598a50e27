"""Resource exhaustion: a full disk, a file size limit, read-only media, a broken keyslots file
and a 4 GiB document, each met by a real `satchel` command.

The disk is really full: each scenario mounts a small tmpfs (`mount -t tmpfs -o size=...`),
puts the vault (and the output) on it, fills what is left but for a few KiB to a few MiB
with another file, and runs the command. Injecting ENOSPC at the write layer was the other
way; it would need a shim under SQLite's own writes (an LD_PRELOAD or a custom VFS) and
would test the shim as much as Satchel, while a small file system fails exactly as a full
USB stick does. Mounting needs root (as here and in CI's container); without it the disk
scenarios are reported as not run, never as passed.

After every command the harness checks what the user is told and what is left:
- the command exits with the documented status and ONE line that says what happened
  (the disk is full / a file size limit / read-only media / the keyslots file), never
  "damaged" for a vault that is not;
- the vault folder is as it was: the same files with the same sizes (no journal, no temp
  file, no grown database), nothing half-written beside it (no partial bundle, backup);
- the vault opens, passes integrity_check and cipher_integrity_check and holds the same
  records;
- once there is room again, the same command succeeds.

The 4 GiB document is a sparse file. In the short mode it goes into a vault on a 96 MiB
disk (the intake must stream and stop cleanly when the disk fills, with bounded memory);
the long mode takes the whole of it into a vault on the real disk and checks the SHA-256
recorded against the file's.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.proof.crash import PASSPHRASE, Counts, Fixture, _child_env, prepare

TITLE = "Resource exhaustion: full disk, size limit, read-only media, broken keyslots, 4 GiB"

GiB = 1 << 30
MiB = 1 << 20
SHORT_ROOMS = (16 * 1024, 512 * 1024)
LONG_ROOMS = (0, 4 * 1024, 16 * 1024, 64 * 1024, 256 * 1024, 512 * 1024, MiB, 2 * MiB)


class CannotMount(Exception):
    pass


@contextlib.contextmanager
def small_disk(where: Path, size: int) -> Iterator[Path]:
    """A tmpfs of `size` bytes mounted at `where` for the duration."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CannotMount(done.stderr.strip() or f"mount exit {done.returncode}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True, check=True)


@contextlib.contextmanager
def read_only_view(folder: Path, where: Path) -> Iterator[Path]:
    """`folder` seen through a read-only bind mount (root writes through chmod)."""
    where.mkdir(parents=True, exist_ok=True)
    for step in (
        ["mount", "--bind", str(folder), str(where)],
        ["mount", "-o", "remount,bind,ro", str(where)],
    ):
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            subprocess.run(["umount", str(where)], capture_output=True, check=False)
            raise CannotMount(done.stderr.strip())
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True, check=True)


def fill(disk: Path, room: int) -> Path:
    """Fill `disk` with another file but for `room` bytes."""
    filler = disk / "other-files"
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as out:
        left = max(0, free - room)
        block = b"\0" * MiB
        while left > 0:
            try:
                left -= out.write(block[: min(left, MiB)])
            except OSError:
                break
    return filler


@dataclass
class Ran:
    exit: int
    stderr: str
    peak_rss: int  # bytes, the child's own


# The child reports its own peak: the kernel's ru_maxrss of a forked child also counts the
# pages of the parent it was forked from (a pytest process grown to 700 MB after a thousand
# tests made a 4 GiB intake look that big), while VmHWM belongs to the executed program alone.
_MEASURED = """
import atexit, os, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                with open(os.environ["SATCHEL_PROOF_PEAK"], "w") as out:
                    out.write(line.split()[1])

atexit.register(_peak)
sys.argv = ["satchel", *sys.argv[1:]]
runpy.run_module("satchel", run_name="__main__", alter_sys=True)
"""


def satchel(argv: list[str], *, stdin: str = "", fsize: int | None = None) -> Ran:
    """One `satchel` command as a child; its exit, stderr and peak memory."""

    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.RLIM_INFINITY))

    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        proc = subprocess.Popen(
            [sys.executable, "-c", _MEASURED, *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**_child_env(), "SATCHEL_PROOF_PEAK": str(peak_file)},
            preexec_fn=limit,  # only setrlimit, before exec
        )
        assert proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        proc.wait()
        err.seek(0)
        try:
            peak_kib = int(peak_file.read_text())
        except (OSError, ValueError):
            peak_kib = 0  # killed before its exit handlers ran: no figure
        return Ran(proc.returncode, err.read().decode(errors="replace"), peak_kib * 1024)


def state(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.name != "vault.lock"}


def vault_problems(folder: Path, before: Counts, secret: str = PASSPHRASE) -> list[str]:
    from satchel.core.vault import Vault

    found = []
    with Vault.unlock(folder, secret) as vault:
        conn = vault.connection
        if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
            found.append("integrity_check failed")
        if list(conn.execute("PRAGMA cipher_integrity_check")):
            found.append("cipher_integrity_check failed")
        if Counts.of(conn) != before:
            found.append("records changed")
    return found


@dataclass
class Outcome:
    scenario: str
    problems: list[str]
    said: str  # the line the user read


def expect_refusal(ran: Ran, status: int, words: str) -> list[str]:
    found = []
    line = ran.stderr.strip()
    if ran.exit != status:
        found.append(f"exit {ran.exit}, not {status}")
    if ran.stderr.count("\n") != 1 or "Traceback" in ran.stderr:
        found.append("not one line")
    if words.lower() not in line.lower():
        found.append(f"does not say {words!r}")
    if "damaged" in line.lower():
        found.append("calls the vault damaged")
    return found


# -- the scenarios ------------------------------------------------------------------------


def disk_full(
    name: str,
    work: Path,
    fixture: Fixture,
    room: int,
    command: Callable[[Path, Path], list[str]],
    *,
    size: int = 32 * MiB,
) -> Outcome:
    """`command(vault, disk)` with the vault on a disk full but for `room` bytes."""
    disk = work / f"disk-{name}-{room}"
    with small_disk(disk, size):
        folder = disk / "vault"
        shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
        pw = disk.parent / "pass"
        filler = fill(disk, room)
        before = state(folder)
        ran = satchel(command(folder, pw))
        if ran.exit == 0:
            # There was room enough: the command did its work; nothing to prove here.
            return Outcome(f"{name} with {room:,} bytes free", [], "(it fitted)")
        problems = expect_refusal(ran, 9, "disk is full")
        if state(folder) != before:
            problems.append(f"the folder changed: {before} -> {state(folder)}")
        strays = sorted(p.name for p in disk.iterdir() if p.name not in ("vault", "other-files"))
        if strays:
            problems.append(f"left on the disk: {strays}")
        # Checked with room again: opening an old-schema vault migrates it, which needs room.
        filler.unlink()
        problems += vault_problems(folder, fixture.before)
        again = satchel(command(folder, pw))
        if again.exit != 0:
            problems.append(f"with room again it failed: {again.stderr.strip()}")
        return Outcome(f"{name} with {room:,} bytes free", problems, ran.stderr.strip())


def run(long: bool = False) -> dict[str, object]:
    started = time.monotonic()
    outcomes: list[Outcome] = []
    notes: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="satchel-exhaustion-") as tmp:
        work = Path(tmp)
        fixtures = prepare(work)
        (work / "pass").write_text(PASSPHRASE + "\n")
        base = fixtures["bulk"]
        extra = base.extra

        def g(folder: Path, pw: Path) -> list[str]:
            return ["--vault", str(folder), "--passphrase-file", str(pw)]

        commands: dict[str, tuple[Fixture, Callable[[Path, Path], list[str]]]] = {
            "export": (
                base,
                lambda f, pw: [
                    *g(f, pw),
                    "bundle",
                    "export",
                    "--case",
                    str(extra["case_id"]),
                    "--to",
                    "Bo Rill",
                    "-o",
                    str(f.parent / "out.satchel"),
                ],
            ),
            "import": (
                base,
                lambda f, pw: [*g(f, pw), "bundle", "import", str(extra["bundle"]), "--yes"],
            ),
            "intake": (
                base,
                lambda f, pw: [
                    *g(f, pw),
                    "doc",
                    "add",
                    str(extra["case_id"]),
                    str(extra["document"]),
                ],
            ),
            "migration": (fixtures["migrate"], lambda f, pw: [*g(f, pw), "case", "list"]),
        }
        try:
            for name, (fixture, command) in commands.items():
                for room in LONG_ROOMS if long else SHORT_ROOMS:
                    outcomes.append(disk_full(name, work, fixture, room, command))
            notes["full disk made by"] = "tmpfs mounted with size= (a real ENOSPC)"
        except CannotMount as exc:
            notes["full disk made by"] = f"NOT RUN: cannot mount a small file system ({exc})"
        outcomes.append(_size_limit(work, base))
        outcomes += _read_only(work, base)
        outcomes += _keyslots(work, base)
        outcomes.append(_huge_document(work, base, long, notes))
    bad = [o for o in outcomes if o.problems]
    for o in bad:
        print(f"PROBLEM: {o.scenario}: {'; '.join(o.problems)}", file=sys.stderr)
    figures: dict[str, object] = {"mode": "long" if long else "short", **notes}
    figures["scenarios run"] = len(outcomes)
    figures["inconsistent vaults or unclear messages"] = len(bad)
    for o in outcomes:
        figures[o.scenario] = ("ok" if not o.problems else "FAILED") + f": {o.said}"
    figures["wall time (s)"] = round(time.monotonic() - started, 1)
    return figures


def _size_limit(work: Path, fixture: Fixture) -> Outcome:
    """`ulimit -f` just above vault.db during a 6 MiB intake: named, not "damaged"."""
    folder = work / "limited"
    shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    before = state(folder)
    limit = (folder / "vault.db").stat().st_size + 256 * 1024
    argv = [
        "--vault",
        str(folder),
        "--passphrase-file",
        str(work / "pass"),
        "doc",
        "add",
        str(fixture.extra["case_id"]),
        str(fixture.extra["document"]),
    ]
    ran = satchel(argv, fsize=limit)
    problems = expect_refusal(ran, 9, "file size limit")
    if state(folder) != before:
        problems.append("the folder changed")
    problems += vault_problems(folder, fixture.before)
    return Outcome("intake under ulimit -f", problems, ran.stderr.strip())


def _read_only(work: Path, fixture: Fixture) -> list[Outcome]:
    folder = work / "stick"
    shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    before = state(folder)
    g = ["--passphrase-file", str(work / "pass")]
    try:
        with read_only_view(folder, work / "ro") as ro:
            listed = satchel(["--vault", str(ro), *g, "case", "list"])
            added = satchel(["--vault", str(ro), *g, "case", "add", "Orlov v. Fictionstate"])
    except CannotMount as exc:
        return [Outcome("read-only vault folder", [], f"NOT RUN: cannot mount ({exc})")]
    problems = [] if listed.exit == 0 else [f"listing failed: {listed.stderr.strip()}"]
    problems += expect_refusal(added, 13, "read-only")
    if state(folder) != before:
        problems.append("the folder changed")
    return [
        Outcome("read-only vault folder: list, then add a case", problems, added.stderr.strip())
    ]


def _keyslots(work: Path, fixture: Fixture) -> list[Outcome]:
    out = []
    for name, damage, status, words in (
        ("keyslots file missing", lambda p: p.unlink(), 3, "keyslots"),
        (
            "keyslots file truncated to half",
            lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
            5,
            "keyslots",
        ),
    ):
        folder = work / name.replace(" ", "-")
        shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
        damage(folder / "keyslots")
        db = hashlib.sha256((folder / "vault.db").read_bytes()).hexdigest()
        before = state(folder)
        ran = satchel(
            ["--vault", str(folder), "--passphrase-file", str(work / "pass"), "case", "list"]
        )
        problems = [p for p in expect_refusal(ran, status, words) if "damaged" not in p]
        if (
            state(folder) != before
            or hashlib.sha256((folder / "vault.db").read_bytes()).hexdigest() != db
        ):
            problems.append("the folder changed")
        out.append(Outcome(name, problems, ran.stderr.strip()))
    return out


def _huge_document(work: Path, fixture: Fixture, long: bool, notes: dict[str, object]) -> Outcome:
    """A 4 GiB sparse document: streamed in bounded memory; taken whole (long) or stopped
    cleanly by a full 96 MiB disk (short)."""
    huge = work / "exhibit-4gib.bin"
    with huge.open("wb") as f:
        f.write(b"%PDF-1.4\n" + os.urandom(MiB))
        f.seek(4 * GiB - MiB)
        f.write(os.urandom(MiB))
    case_id = str(fixture.extra["case_id"])
    if not long:
        try:
            with small_disk(work / "disk-huge", 96 * MiB) as disk:
                folder = disk / "vault"
                shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
                before = state(folder)
                ran = satchel(
                    [
                        "--vault",
                        str(folder),
                        "--passphrase-file",
                        str(work / "pass"),
                        "doc",
                        "add",
                        case_id,
                        str(huge),
                    ]
                )
                problems = expect_refusal(ran, 9, "disk is full")
                if state(folder) != before:
                    problems.append(f"the folder changed: {before} -> {state(folder)}")
                problems += vault_problems(folder, fixture.before)
        except CannotMount as exc:
            return Outcome("4 GiB document", [], f"NOT RUN: cannot mount ({exc})")
        notes["4 GiB intake: peak memory of the command (MiB)"] = round(ran.peak_rss / MiB, 1)
        return Outcome("4 GiB document onto a 96 MiB disk", problems, ran.stderr.strip())
    folder = work / "huge-vault"
    shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    started = time.monotonic()
    ran = satchel(
        [
            "--vault",
            str(folder),
            "--passphrase-file",
            str(work / "pass"),
            "doc",
            "add",
            case_id,
            str(huge),
        ]
    )
    notes["4 GiB intake: time (s)"] = round(time.monotonic() - started, 1)
    notes["4 GiB intake: peak memory of the command (MiB)"] = round(ran.peak_rss / MiB, 1)
    problems = [] if ran.exit == 0 else [f"exit {ran.exit}: {ran.stderr.strip()}"]
    if not problems:
        from satchel.core.vault import Vault

        digest = hashlib.sha256()
        with huge.open("rb") as f:
            for block in iter(lambda: f.read(8 * MiB), b""):
                digest.update(block)
        with Vault.unlock(folder, PASSPHRASE) as vault:
            docs = [d for d in vault.documents.list(case_id=case_id) if d.filename == huge.name]
            if len(docs) != 1 or docs[0].sha256 != digest.hexdigest():
                problems.append("the stored document is not the file")
            if vault.check_integrity():
                problems.append("integrity check failed")
    return Outcome("4 GiB document taken whole", problems, "(taken)" if not problems else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=TITLE)
    parser.add_argument("--long", action="store_true", help="more rooms; the whole 4 GiB")
    args = parser.parse_args(argv)
    figures = run(args.long)
    for name, value in figures.items():
        print(f"{name}: {value}")
    return 1 if figures["inconsistent vaults or unclear messages"] else 0


if __name__ == "__main__":
    sys.exit(main())
