"""Crash consistency at scale: real `satchel` processes killed with SIGKILL at random moments.

Each trial copies a prepared vault folder, starts one `satchel` command on it as a child
process (the command line, exactly as a user runs it), sends SIGKILL after a random delay
and then looks at what is left the way the next user would: the vault must open with its
passphrase and with its recovery code, pass SQLite's `integrity_check` and SQLCipher's
`cipher_integrity_check`, have a whole keyslots file, leave no journal or temp file after
the open, hold exactly what the records hold in its search index, and show each operation
all or nothing. The operations:

- bulk:     `satchel demo --cases N` into an existing vault (hundreds of records, one
            transaction)
- import:   `satchel bundle import --yes` of a signed bundle from a known colleague
- passwd:   `satchel passwd` (exactly one of the old and new passphrases opens it after)
- duress:   `satchel duress set` (the real passphrase opens the real vault; the duress one
            opens a whole decoy or nothing)
- intake:   `satchel doc add` of a several-MiB file (the document is whole or absent)
- migrate:  `satchel case list` on a vault written at an older schema (its records all
            there, at the old or the new schema)

The delay is random up to the operation's own duration, measured on this machine first:
three kills in four are timed from the moment the command takes the vault's lock (before
that nothing is written, and start-up time varies with the machine's load), uniformly up
to the rest of its run; one in four from its start. The figures say how many kills left a
journal or a temp file (a write was in flight). Vaults use the fast test
KDF (tests/kdf.py), as every test does, so that one trial takes about a second.

`python -m tools.proof.crash` runs the short mode (100 kills, what CI asserts in
tests/proof/test_crash.py); `--long` runs 1,000. A failed trial keeps its folder and names
it in the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

TITLE = "Crash consistency: SIGKILL during writes"

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "quiet harbour 1987"
NEW_PASSPHRASE = "lantern over the bay 55"
DURESS = "sunny meadow picnic"
SHORT_KILLS = 100
LONG_KILLS = 1000
OPERATIONS = ("bulk", "import", "passwd", "duress", "intake", "migrate")
DOCUMENT_SIZE = 6 * 1024 * 1024
OLD_SCHEMA = 3
OLD_EVENTS = 3000


# -- the prepared vaults -------------------------------------------------------------------


@dataclass
class Counts:
    """What a vault holds, by table (the all-or-nothing yardstick)."""

    rows: dict[str, int]

    @classmethod
    def of(cls, conn: object) -> Counts:
        tables = ("cases", "people", "roles", "events", "notes", "documents", "colleagues")
        return cls({t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables})  # type: ignore[attr-defined]


@dataclass
class Fixture:
    """A prepared vault folder and what each operation leaves in it when it completes."""

    folder: Path
    recovery: str
    before: Counts
    after: Counts | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _cli(argv: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "satchel", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=_child_env(),
        timeout=600,
        check=True,
    )


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SATCHEL_VAULT", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _new_vault(folder: Path) -> str:
    from tests.kdf import FAST_KDF

    from satchel.core.vault import Vault

    vault, code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    vault.close()
    return code


def _counts(folder: Path, secret: str = PASSPHRASE) -> Counts:
    from satchel.core.vault import Vault

    with Vault.unlock(folder, secret) as vault:
        return Counts.of(vault.connection)


def prepare(work: Path) -> dict[str, Fixture]:
    """Every template vault the operations start from, built once per run."""
    from satchel.core.vault import Vault
    from satchel.sample.demo import fill_demo

    fixtures: dict[str, Fixture] = {}
    pw = work / "pass"
    pw.write_text(PASSPHRASE + "\n")

    base = work / "base"
    code = _new_vault(base)
    with Vault.unlock(base, PASSPHRASE) as vault:
        fill_demo(vault, cases=2, seed=3)
    _cli(["--vault", str(base), "--passphrase-file", str(pw), "identity", "rename", "Ada Field"])

    # A colleague's vault and the bundle it sends to `base`.
    sender = work / "sender"
    _new_vault(sender)
    with Vault.unlock(sender, PASSPHRASE) as vault:
        fill_demo(vault, cases=6, seed=11)
        sent_cases = [c.id for c in vault.cases.list()]
    g = ["--passphrase-file", str(pw)]
    _cli(["--vault", str(sender), *g, "identity", "rename", "Bo Rill"])
    card_s = _cli(["--vault", str(sender), *g, "identity", "card"]).stdout
    card_b = _cli(["--vault", str(base), *g, "identity", "card"]).stdout
    _cli(["--vault", str(base), *g, "colleague", "add", "--text", card_s])
    with Vault.unlock(base, PASSPHRASE) as vault:
        (colleague,) = vault.colleagues.list()
    _cli(["--vault", str(base), *g, "colleague", "verify", colleague.id, "--yes"])
    _cli(["--vault", str(sender), *g, "colleague", "add", "--text", card_b])
    bundle = work / "cases.satchel"
    case_args = [a for cid in sent_cases for a in ("--case", cid)]
    _cli(
        [
            "--vault",
            str(sender),
            *g,
            "bundle",
            "export",
            *case_args,
            "--to",
            "Ada Field",
            "-o",
            str(bundle),
        ]
    )
    before = _counts(base)
    case_id = _first_case(base)
    document = work / "statement.pdf"
    document.write_bytes(b"%PDF-1.4\n" + random.Random(5).randbytes(DOCUMENT_SIZE))
    common = {
        "bundle": bundle,
        "sent_cases": sent_cases,
        "case_id": case_id,
        "document": document,
        "sha256": hashlib.sha256(document.read_bytes()).hexdigest(),
    }
    for name in ("bulk", "import", "passwd", "duress", "intake"):
        fixtures[name] = Fixture(base, code, before, extra=common)

    old = work / "old"
    old_code = _old_schema_vault(old)
    # Counted on a copy: opening the template itself would migrate it.
    shutil.copytree(old, work / "old-counted", ignore=shutil.ignore_patterns("vault.lock"))
    fixtures["migrate"] = Fixture(old, old_code, _counts(work / "old-counted"))
    shutil.rmtree(work / "old-counted")
    return fixtures


def _first_case(folder: Path) -> str:
    from satchel.core.vault import Vault

    with Vault.unlock(folder, PASSPHRASE) as vault:
        return vault.cases.list()[0].id


def _old_schema_vault(folder: Path) -> str:
    """A vault as Satchel at schema 3 left it: cases, and events in their old form."""
    from tests.kdf import FAST_KDF

    from satchel.core import schema
    from satchel.core.audit import AuditLog
    from satchel.core.vault import Vault

    shipped = schema.migrations()
    saved = schema.migrations, schema.LATEST_VERSION
    schema.migrations = lambda: shipped[:OLD_SCHEMA]  # type: ignore[assignment]
    schema.LATEST_VERSION = OLD_SCHEMA
    # Today's audit lines have columns (actor, case_id) the old schema lacks: the old vault
    # is written without them, as the old code wrote nothing the harness checks there.
    saved_log = AuditLog.log
    AuditLog.log = lambda *_a, **_k: None  # type: ignore[method-assign,assignment]
    try:
        vault, code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
        with vault:
            conn = vault.connection
            vid = vault.vault_id
            rng = random.Random(17)
            case = vault.cases.create("Extradition of Ivo Lantern", jurisdiction="Fictionland")
            rows = []
            for i in range(OLD_EVENTS):
                kind = rng.choice(("decision", "deadline", "hearing", "appeal"))
                status = "pending" if kind in ("deadline", "appeal") else None
                rows.append(
                    (
                        f"00000000-0000-4000-8000-{i:012d}",
                        vid,
                        f'[["{vid}", 1]]',
                        case.id,
                        kind,
                        f"Step {i} of the file",
                        f"2026-{1 + i % 12:02d}-10",
                        status,
                    )
                )
            with vault.transaction():
                conn.executemany(
                    "INSERT INTO events (id, created_at, updated_at, origin_vault, versions, "
                    "case_id, event_type, title, date_text, precision, sort_undated, sort_lo, "
                    "sort_hi, sort_rank, day_order, description, key_fact, source, "
                    "source_quote, fact_status, deadline_status, lead_days, computed_from, "
                    "offset_days, text_fold) VALUES (?, '2026-11-01T00:00:00.000000+00:00', "
                    "'2026-11-01T00:00:00.000000+00:00', ?, ?, ?, ?, ?, ?, 'day', 0, 0, 0, 0, "
                    "0, '', 0, '', '', 'undisputed', ?, NULL, NULL, NULL, '')",
                    rows,
                )
                vault.search.index_many(_event_entry(r[0], case.id, r[5]) for r in rows)
    finally:
        schema.migrations, schema.LATEST_VERSION = saved  # type: ignore[assignment]
        AuditLog.log = saved_log  # type: ignore[method-assign]
    return code


def _event_entry(event_id: str, case_id: str, title: str) -> object:
    from satchel.core.search import SearchEntry

    return SearchEntry("event", event_id, case_id, title, "", ())


# -- the operations ------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    name: str
    argv: Callable[[Path, Fixture, Path], list[str]]
    stdin: str


def _global(folder: Path, pw: Path) -> list[str]:
    return ["--vault", str(folder), "--passphrase-file", str(pw)]


OPS = {
    "bulk": Operation(
        "bulk", lambda f, fx, pw: [*_global(f, pw), "demo", "--cases", "4", "--seed", "21"], ""
    ),
    "import": Operation(
        "import",
        lambda f, fx, pw: [*_global(f, pw), "bundle", "import", str(fx.extra["bundle"]), "--yes"],
        "",
    ),
    "passwd": Operation(
        "passwd",
        lambda f, fx, pw: ["--vault", str(f), "--passphrase-file", "-", "passwd"],
        f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n",
    ),
    "duress": Operation(
        "duress",
        lambda f, fx, pw: ["--vault", str(f), "--passphrase-file", "-", "duress", "set"],
        f"{PASSPHRASE}\n{DURESS}\n",
    ),
    "intake": Operation(
        "intake",
        lambda f, fx, pw: [
            *_global(f, pw),
            "doc",
            "add",
            str(fx.extra["case_id"]),
            str(fx.extra["document"]),
        ],
        "",
    ),
    "migrate": Operation("migrate", lambda f, fx, pw: [*_global(f, pw), "case", "list"], ""),
}


# -- one trial -----------------------------------------------------------------------------


@dataclass
class Trial:
    operation: str
    delay: float
    exit: int | None = None  # None: killed; else the command ended before the kill
    journal_left: bool = False
    temp_left: bool = False
    outcome: str = ""  # "before" / "after": which side of the operation the vault shows
    problems: list[str] = field(default_factory=list)


def run_trial(
    op: Operation, fixture: Fixture, work: Path, delay: float, pw: Path, *, after_lock: bool
) -> Trial:
    """Start `op` on a copy of the fixture, SIGKILL it `delay` seconds after it starts (or
    after it takes the vault's lock, with `after_lock`), and check what is left."""
    folder = work / "vault"
    shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    trial = Trial(op.name, delay)
    proc = subprocess.Popen(
        [sys.executable, "-m", "satchel", *op.argv(folder, fixture, pw)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_child_env(),
    )
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.write(op.stdin.encode())
        proc.stdin.close()
    try:
        if after_lock:
            # The lock file (left out of the copy) appears when the command opens the vault.
            while not (folder / "vault.lock").exists() and proc.poll() is None:
                time.sleep(0.002)
        proc.wait(timeout=delay)
        trial.exit = proc.returncode
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    names = {p.name for p in folder.iterdir()}
    trial.journal_left = any(n.endswith("-journal") for n in names)
    trial.temp_left = any(n.startswith(".satchel-tmp-") for n in names)
    try:
        check(op.name, folder, fixture, trial)
    except Exception as exc:  # anything unexpected is an inconsistency to look at
        trial.problems.append(f"check raised {type(exc).__name__}: {exc}")
    if trial.exit not in (None, 0):
        trial.problems.append(f"the command failed on its own with exit {trial.exit}")
    return trial


def check(name: str, folder: Path, fixture: Fixture, trial: Trial) -> None:
    """Everything the next user of `folder` must find; appends to trial.problems."""
    from satchel.core.folder import AUX_NAME, AUX_SIZE, KEYSLOTS_NAME
    from satchel.core.slots import read_keyslots
    from satchel.core.vault import Vault
    from satchel.errors import WrongPassphrase

    problems = trial.problems
    keyslots_size = (fixture.folder / KEYSLOTS_NAME).stat().st_size
    if (folder / KEYSLOTS_NAME).stat().st_size != keyslots_size:
        problems.append("keyslots file changed size")
    read_keyslots(folder)  # raises if it does not parse

    real = PASSPHRASE
    if name == "passwd":
        opens = [s for s in (PASSPHRASE, NEW_PASSPHRASE) if _opens(folder, s)]
        if len(opens) != 1:
            problems.append(f"{len(opens)} of the old and new passphrases open the vault")
            return
        real = opens[0]
        trial.outcome = "after" if real == NEW_PASSPHRASE else "before"

    with Vault.unlock(folder, real) as vault:
        conn = vault.connection
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        cipher = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        if cipher:
            problems.append(f"cipher_integrity_check: {cipher[:3]}")
        left = sorted(
            p.name
            for p in folder.iterdir()
            if p.name.endswith("-journal") or p.name.startswith(".satchel-tmp-")
        )
        if left:
            problems.append(f"left after the open: {left}")
        problems.extend(search_mismatches(vault))
        counts = Counts.of(conn)
        if name == "migrate":
            from satchel.core import schema

            if schema.current_version(conn) != schema.LATEST_VERSION:
                problems.append("the old vault was not brought to the latest schema")
        _all_or_nothing(name, vault, counts, fixture, trial)

    with Vault.unlock(folder, fixture.recovery):
        pass
    if (folder / AUX_NAME).stat().st_size != AUX_SIZE:
        problems.append(f"aux.db is {(folder / AUX_NAME).stat().st_size} bytes")
    if name == "duress":
        try:
            with Vault.unlock(folder, DURESS) as decoy:
                if Counts.of(decoy.connection).rows["cases"] == 0:
                    problems.append("the duress passphrase opens an empty decoy")
                bad = decoy.check_integrity()
                if bad:
                    problems.append(f"decoy integrity: {bad[:3]}")
            trial.outcome = "after"
        except WrongPassphrase:
            trial.outcome = "before"


def _opens(folder: Path, secret: str) -> bool:
    from satchel.core.vault import Vault
    from satchel.errors import WrongPassphrase

    try:
        Vault.unlock(folder, secret).close()
    except WrongPassphrase:
        return False
    return True


def _all_or_nothing(
    name: str, vault: object, counts: Counts, fixture: Fixture, trial: Trial
) -> None:
    problems = trial.problems
    if name in ("passwd", "duress", "migrate"):
        if counts != fixture.before:
            problems.append(f"records changed: {counts.rows} != {fixture.before.rows}")
        return
    if counts == fixture.before:
        trial.outcome = "before"
    elif fixture.after is not None and counts == fixture.after:
        trial.outcome = "after"
    else:
        problems.append(
            f"half an operation: {counts.rows} (before {fixture.before.rows}, "
            f"after {fixture.after.rows if fixture.after else '?'})"
        )
        return
    if name == "import":
        present = {c.id for c in vault.cases.list(limit=None)}  # type: ignore[attr-defined]
        sent = set(fixture.extra["sent_cases"])  # type: ignore[call-overload]
        if (sent & present) not in (set(), sent):
            problems.append("some of the bundle's cases are in, others not")
    if name == "intake" and trial.outcome == "after":
        docs = vault.documents.list(case_id=fixture.extra["case_id"])  # type: ignore[attr-defined]
        new = [d for d in docs if d.filename == Path(str(fixture.extra["document"])).name]
        digest = hashlib.sha256()
        with vault.documents.open(new[0].id) as stream:  # type: ignore[attr-defined]
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != fixture.extra["sha256"]:
            problems.append("the added document does not read back as the file")


KINDS = {
    "case": "cases",
    "person": "people",
    "event": "events",
    "note": "notes",
    "document": "documents",
}


def search_mismatches(vault: object) -> list[str]:
    """The search index holds an entry for exactly the records there are, and finds them."""
    conn = vault.connection  # type: ignore[attr-defined]
    found = []
    for kind, table in KINDS.items():
        records = {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
        entries = {
            r[0]
            for r in conn.execute("SELECT record_id FROM search_entries WHERE kind = ?", (kind,))
        }
        if records != entries:
            found.append(f"search holds {len(entries)} {kind} entries for {len(records)} records")
    try:
        conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    except Exception as exc:
        found.append(f"search index integrity: {exc}")
    for case in vault.cases.list(limit=20):  # type: ignore[attr-defined]
        hits = vault.search.search(case.title, kinds="case", limit=50)  # type: ignore[attr-defined]
        if case.id not in {h.record_id for h in hits}:
            found.append(f"search does not find the case {case.title!r}")
    return found


# -- the run -------------------------------------------------------------------------------


def _calibrate(work: Path, fixtures: dict[str, Fixture], pw: Path) -> dict[str, float]:
    """Each operation run to its end once: its duration here, and what it leaves.

    Also the time from taking the vault's lock (the lock file appears) to the end.
    """
    durations = {}
    for name in OPERATIONS:
        op, fixture = OPS[name], fixtures[name]
        folder = work / f"calibrate-{name}"
        shutil.copytree(fixture.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "satchel", *op.argv(folder, fixture, pw)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_child_env(),
        )
        assert proc.stdin is not None
        proc.stdin.write(op.stdin.encode())
        proc.stdin.close()
        while not (folder / "vault.lock").exists() and proc.poll() is None:
            time.sleep(0.002)
        locked = time.monotonic()
        if proc.wait(timeout=600) != 0:
            raise RuntimeError(f"{name} failed on an untouched vault (exit {proc.returncode})")
        durations[name] = time.monotonic() - started
        durations[f"{name} after the lock"] = time.monotonic() - locked
        if name in ("bulk", "import", "intake"):
            fixtures[name] = Fixture(
                fixture.folder, fixture.recovery, fixture.before, _counts(folder), fixture.extra
            )
        shutil.rmtree(folder)
    return durations


def run(
    long: bool = False,
    *,
    kills: int | None = None,
    workers: int | None = None,
    seed: int | None = None,
    keep: Path | None = None,
    budget_s: float | None = None,
) -> dict[str, object]:
    """Run the kills; the figures in the order the report shows them.

    `budget_s` stops starting trials after that many seconds (the trials under way end and
    are counted): a long run that must end by a set time reports how far it got, and the
    figures say it stopped short. Progress goes to stderr every ten trials.
    """
    total = kills if kills is not None else (LONG_KILLS if long else SHORT_KILLS)
    workers = workers or max(2, os.cpu_count() or 2)
    seed = seed if seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="satchel-crash-") as tmp:
        work = Path(tmp)
        pw = work / "pass"
        fixtures = prepare(work)
        durations = _calibrate(work, fixtures, pw)

        def draw(name: str) -> tuple[float, bool]:
            # Kills before the command has even opened the vault prove little: three in
            # four are timed from the moment it takes the vault's lock, one in four from
            # its start.
            if rng.random() < 0.25:
                return rng.uniform(0, durations[name]), False
            return rng.uniform(0, durations[f"{name} after the lock"]), True

        failed_dir = keep or Path(tempfile.gettempdir()) / "satchel-crash-failures"
        lock = threading.Lock()
        failures: list[str] = []
        numbers = itertools.count()

        done: list[Trial] = []

        def one(name: str, when: tuple[float, bool]) -> Trial | None:
            if budget_s is not None and time.monotonic() - started > budget_s:
                return None  # out of time: not run, not counted
            i = next(numbers)
            place = work / f"trial-{i}"
            place.mkdir()
            delay, after_lock = when
            trial = run_trial(OPS[name], fixtures[name], place, delay, pw, after_lock=after_lock)
            if trial.problems:
                with lock:
                    failed_dir.mkdir(parents=True, exist_ok=True)
                    kept = failed_dir / f"{seed}-{i}-{name}"
                    shutil.rmtree(kept, ignore_errors=True)
                    shutil.copytree(place / "vault", kept)
                    failures.append(f"{kept}: {'; '.join(trial.problems)}")
            shutil.rmtree(place, ignore_errors=True)
            with lock:
                done.append(trial)
                if len(done) % 10 == 0:
                    killed_so_far = sum(t.exit is None for t in done)
                    print(
                        f"crash: {len(done)} trials, {killed_so_far} kills, "
                        f"{sum(bool(t.problems) for t in done)} inconsistent, "
                        f"{(time.monotonic() - started) / 60:.1f} min",
                        file=sys.stderr,
                        flush=True,
                    )
            return trial

        # Each operation gets its share of the kills; a command that ended before its kill
        # is checked too, and another trial of the same operation runs in its place.
        share = {
            name: total // len(OPERATIONS) + (i < total % len(OPERATIONS))
            for i, name in enumerate(OPERATIONS)
        }
        trials: list[Trial] = []
        with ThreadPoolExecutor(workers) as pool:
            while True:
                killed_by = Counter(t.operation for t in trials if t.exit is None)
                batch = [n for n in OPERATIONS for _ in range(share[n] - killed_by[n])]
                if not batch:
                    break
                rng.shuffle(batch)
                whens = [draw(name) for name in batch]
                ran = [t for t in pool.map(one, batch, whens) if t is not None]
                trials += ran
                if len(ran) < len(batch):
                    break  # the time budget ran out
    killed = [t for t in trials if t.exit is None]
    by_op = Counter(t.operation for t in killed)
    figures: dict[str, object] = {
        "mode": "long" if long else "short",
        "seed": str(seed),
        "kills (SIGKILL while the command ran)": len(killed),
        # Said only when the time budget stopped the run short of what was asked.
        **({"kills asked for": total} if len(killed) < total else {}),
        "commands that ended before their kill (checked too)": len(trials) - len(killed),
        **{f"kills during {name}": by_op[name] for name in OPERATIONS},
        "kills that left a journal": sum(t.journal_left for t in killed),
        "kills that left a temp file": sum(t.temp_left for t in killed),
        "vaults showing the operation done": sum(t.outcome == "after" for t in trials),
        "vaults showing it not begun": sum(t.outcome == "before" for t in trials),
        "inconsistent vaults": sum(bool(t.problems) for t in trials),
        "wall time (s)": round(time.monotonic() - started, 1),
        "parallel workers": workers,
        **{
            f"{name} takes (s, uninterrupted{'' if 'lock' in name else ', from start'})": round(
                durations[name], 2
            )
            for name in durations
        },
    }
    for f in failures:
        print("INCONSISTENT:", f, file=sys.stderr)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=TITLE)
    parser.add_argument("--long", action="store_true", help=f"{LONG_KILLS} kills")
    parser.add_argument("--kills", type=int, help="how many trials (overrides the mode)")
    parser.add_argument("--workers", type=int, help="parallel trials (default: CPU count)")
    parser.add_argument("--seed", type=int, help="random seed (default: a fresh one)")
    parser.add_argument(
        "--minutes", type=float, help="start no trial after this long (the figures say so)"
    )
    args = parser.parse_args(argv)
    budget = args.minutes * 60 if args.minutes else None
    figures = run(
        args.long, kills=args.kills, workers=args.workers, seed=args.seed, budget_s=budget
    )
    for name, value in figures.items():
        print(f"{name}: {value}")
    return 1 if figures["inconsistent vaults"] else 0


if __name__ == "__main__":
    sys.exit(main())
