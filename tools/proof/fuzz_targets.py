"""The fuzz targets of proof 12: each parser of outside data, driven as Satchel drives it.

A target is a name, its seed inputs, and `setup(workdir)`, which builds whatever the parser
needs (a vault, a Qt application, keys) and returns the function that takes one input.
That function returns quietly when the input is read or refused the documented way, and
raises anything else: libFuzzer (through atheris) counts that as a crash and keeps the input.

What counts as the documented refusal, per target (a SatchelError is the one clear message:
the command line prints it as one line with its exit status, the client in words from
error_words, whose test holds every code):
- bundle layers (age, tar, manifest, import): BundleRejected, or another SatchelError; a
  refused import must also leave the vault as it was, every table and file (else a partial
  write), and what an accepted one brought must read back;
- colleague cards: InvalidInput (the CardError the card parser raises, as the GUI and the CLI
  receive it);
- keyslots: VaultDamaged (or, for a slot that does not open, no slot found);
- dates and numbers (CLI and forms): InvalidInput;
- command lines: InvalidInput, or argparse's usage error (exit 64);
- Markdown notes: nothing at all may go wrong; the note is shown, piece by piece;
- PDFs: `PdfiumError` when the document is opened (the viewer says "could not be opened");
  once open, every page must render;
- images: a null image (the viewer says "could not be read"); SVG is never rendered.

Nothing here imports Satchel at module level: the child process imports Satchel inside
atheris's instrumentation, so its code reports coverage to the fuzzer.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "bundle" / "vectors"
CCTV = ROOT / "tests" / "bundle" / "cctv" / "testdata"
# The identity most CCTV vectors are encrypted to, and their passphrase (both published
# test values of the C2SP age vectors).
CCTV_IDENTITY = "AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6"
CCTV_PASSPHRASE = "password"

OneInput = Callable[[bytes], None]


class PartialWrite(AssertionError):
    """A refused input changed the vault: the one failure worse than a crash."""


@dataclass(frozen=True)
class Target:
    name: str
    what: str
    setup: Callable[[Path], OneInput]
    seeds: Callable[[Path], Iterable[bytes]]
    max_len: int
    timeout_s: int = 20
    writes: bool = False  # partial writes are measured
    dictionary: tuple[bytes, ...] = field(default=())
    # The modules whose coverage guides the fuzzer. Instrumented Python runs several times
    # slower, so a target whose input passes through much code that is not a parser (the
    # import writing to a vault, folding names for search) instruments the parsers only.
    instrument: tuple[str, ...] = ("satchel",)
    # How slow its inputs are, roughly (1 fast, 3 slowest): the long run starts the slowest
    # first, so that its two jobs end close together.
    cost: int = 1


# -- shared material ---------------------------------------------------------------------------


def _keys() -> dict[str, Any]:
    return json.loads((VECTORS / "keys.json").read_text(encoding="utf-8"))


def _identity(who: str) -> Any:
    from satchel.crypto.identity import Identity

    k = _keys()[who]
    return Identity.from_secrets(k["name"], k["age_secret"], bytes.fromhex(k["signing_seed"]))


def cctv_bodies() -> Iterator[tuple[str, bytes]]:
    """The age files of the CCTV vectors (the part after the header of each vector file)."""
    for path in sorted(CCTV.iterdir()):
        head, _sep, body = path.read_bytes().partition(b"\n\n")
        if b"compressed: zlib" in head:
            body = zlib.decompress(body)
        yield path.name, body


def _scrypt_bundle(plain: bytes, passphrase: str, log_n: int) -> bytes:
    """An age scrypt file with a small work factor, so mutants of it stay cheap to try.

    Satchel writes work factor 16 (64 MiB per try): a seed like that would make every input
    a tenth of a second; the parser under test is the same whatever the factor.
    """
    import hmac
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    from satchel.bundle.format import agefile, spec

    file_key = secrets.token_bytes(16)
    salt = secrets.token_bytes(16)
    wrapped = ChaCha20Poly1305(agefile._scrypt_key(passphrase, salt, log_n)).encrypt(
        b"\0" * 12, file_key, None
    )
    header = (
        spec.AGE_MAGIC
        + b"-> scrypt "
        + agefile._b64(salt)
        + b" %d\n" % log_n
        + agefile._b64(wrapped)
        + b"\n---"
    )
    mac = hmac.new(agefile._hkdf(file_key, b"", b"header"), header, "sha256").digest()
    nonce = secrets.token_bytes(16)
    aead = ChaCha20Poly1305(agefile._hkdf(file_key, nonce, b"payload"))
    chunks = [plain[i : i + 65536] for i in range(0, len(plain), 65536)] or [b""]
    body = b"".join(
        aead.encrypt(agefile._nonce(i, i == len(chunks) - 1), c, None) for i, c in enumerate(chunks)
    )
    return header + b" " + agefile._b64(mac) + b"\n" + nonce + body


# -- age ---------------------------------------------------------------------------------------


class Forged(AssertionError):
    """An input the reader accepted though nobody holding a key made it."""


def _age_setup(work: Path) -> OneInput:
    import pyrage

    from satchel.bundle.format import agefile
    from satchel.errors import SatchelError

    identities = [
        _identity("receiver").age_identity,
        pyrage.x25519.Identity.from_str(CCTV_IDENTITY),
    ]

    def plaintext(data: bytes) -> str | None:
        got = hashlib.sha256()
        try:
            agefile.decrypt_stream(
                io.BytesIO(data), got.update, identities=identities, passphrase=CCTV_PASSPHRASE
            )
        except SatchelError:
            return None
        return got.hexdigest()

    # age authenticates every chunk and the end: whatever a mutant decrypts to, it must be
    # one of the plaintexts that the seeds' makers encrypted.
    known = {p for seed in _age_seeds(work) if (p := plaintext(seed)) is not None}

    def one(data: bytes) -> None:
        got = plaintext(data)
        if got is not None and got not in known:
            raise Forged("an age file decrypted to a plaintext nobody encrypted")

    return one


def _age_seeds(_work: Path) -> Iterator[bytes]:
    yield (VECTORS / "v1-small.satchel").read_bytes()
    yield _scrypt_bundle((VECTORS / "v1-small.tar").read_bytes(), CCTV_PASSPHRASE, 2)
    for name, body in cctv_bodies():
        # Vectors over the work-factor cap are refused before any work: still good seeds.
        if "armor" not in name:
            yield body


# -- tar and manifest ----------------------------------------------------------------------


def _tar_setup(work: Path) -> OneInput:
    from satchel.bundle.format.reader import inspect_tar
    from satchel.errors import SatchelError

    signers = {inspect_tar(seed).sender for seed in list(_tar_seeds(work))[:1]}

    def one(data: bytes) -> None:
        try:
            manifest = inspect_tar(data)
        except SatchelError:
            return
        # Accepted: only bytes nothing depends on may have changed (a header's mtime), and
        # the signature still names the one key that signed a seed.
        if manifest.sender not in signers:
            raise Forged("a tar stream was accepted with a signature nobody made")

    return one


def _tar_seeds(_work: Path) -> Iterator[bytes]:
    yield (VECTORS / "v1-small.tar").read_bytes()
    for path in sorted((VECTORS / "bad").glob("*.tar")):
        yield path.read_bytes()


def _manifest_setup(_work: Path) -> OneInput:
    from satchel.bundle.format.reader import parse_manifest
    from satchel.errors import SatchelError

    def one(data: bytes) -> None:
        try:
            manifest = parse_manifest(data)
        except SatchelError:
            return
        # What the import preview shows of an accepted manifest must be computable.
        _ = (manifest.sha256, manifest.document_bytes, manifest.sender.fingerprint_text)

    return one


def _manifest_seeds(_work: Path) -> Iterator[bytes]:
    yield (VECTORS / "v1-small.manifest.json").read_bytes()
    raw = json.loads((VECTORS / "v1-small.manifest.json").read_bytes())
    raw["recipients"] = {"mode": "passphrase", "list": []}
    yield json.dumps(raw).encode()


_JSON_WORDS = (
    b'"kind"',
    b'"record"',
    b'"case"',
    b'"person"',
    b'"role"',
    b'"event"',
    b'"document"',
    b'"note"',
    b'"versions"',
    b'"origin_vault"',
    b'"deadline"',
    b'"offset_days"',
    b'"lead_days"',
    b'"day_order"',
    b'"date"',
    b'"names"',
    b'"unit"',
    b'"months"',
    b'"working_days"',
    b'"rule"',
    b'"computed_from"',
    b'"body"',
    b'"format"',
    b'"markdown"',
    b"1e308",
    b"-1",
    b"9007199254740993",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b'"\\ud800"',
    b'"2025-08-14"',
    b'"2025-08"',
    b'"before 2025"',
    b'"2025-08-14T10:30:00+00:00"',
)


# -- records: a signed bundle around hostile records, imported into a real vault ------------------


class _SignedBundles:
    """Bundles signed by `sender` for `receiver` whose records.jsonl is any bytes, as is.

    The manifest says what the lines claim (their kinds and cases), so the reader gets as far
    as the records themselves: the layer whose checks a signed insider can reach. What does
    not depend on the records (the sender's and the recipients' entries, their age keys) is
    worked out once; each input costs a manifest, a signature and an age encryption.
    """

    def __init__(self, sender: Any, receiver: Any, vault_id: str) -> None:
        from satchel.bundle.format.writer import BundleWriter

        writer = BundleWriter(
            sender,
            vault_id,
            recipients=[receiver.public()],
            cases=[],
            documents=False,
            notes=True,
            created_at=None,
        )
        _raw, self._template = writer.manifest(lambda: iter(()), [])
        self._sender = sender
        self._keys = [p.recipient() for p in writer.age_recipients()]

    def bundle(self, records: bytes) -> bytes:
        from satchel.bundle.format import agefile, spec
        from satchel.bundle.format.writer import canonical_json, tar_header

        counts = dict.fromkeys(spec.KINDS, 0)
        cases: list[str] = []
        documents = False
        for line in records.split(b"\n"):
            try:
                item = json.loads(line)
                kind = item["kind"]
                counts[kind] += 1
                if kind == "case" and len(cases) < 100:
                    cases.append(str(item["record"]["id"]))
                documents |= kind == "document"
            except Exception:  # a line the reader will refuse: count nothing
                continue
        data = dict(self._template)
        data["contents"] = {
            **self._template["contents"],
            "cases": sorted(set(cases)),
            "counts": counts,
            "documents": documents,
        }
        data["members"] = [
            {
                "name": spec.RECORDS_NAME,
                "size": len(records),
                "sha256": hashlib.sha256(records).hexdigest(),
            }
        ]
        manifest = canonical_json(data)
        signature = self._sender.sign(manifest)

        def pad(n: int) -> bytes:
            return b"\0" * (-n % spec.BLOCK)

        tar = b"".join(
            (
                tar_header(spec.MANIFEST_NAME, len(manifest), 0),
                manifest + pad(len(manifest)),
                tar_header(spec.SIGNATURE_NAME, 64, 0),
                signature + pad(64),
                tar_header(spec.RECORDS_NAME, len(records), 0),
                records + pad(len(records)),
                spec.END_OF_ARCHIVE,
            )
        )
        out = io.BytesIO()
        agefile.encrypt_stream(iter([tar]), out, recipients=self._keys)
        return out.getvalue()


def _signed_bundle(sender: Any, receiver: Any, vault_id: str, records: bytes) -> bytes:
    """One bundle signed by `sender` for `receiver` whose records.jsonl is `records`, as is."""
    return _SignedBundles(sender, receiver, vault_id).bundle(records)


def read_back(vault: Any) -> int:
    """Read every record of every kind as the stores do (the model's checks included)."""
    from satchel.bundle.merge import record_stores

    return sum(len(store.list()) for store in record_stores(vault).values())


class VaultTables:
    """A digest of everything a refused import must leave as it was, at the storage level.

    Every table of the database (the search index's own tables included; a virtual table is
    covered by the tables that hold it), its row count and every value of every row, and
    every file of the vault folder by name and size (all but the database and its journal,
    covered by the tables). Stronger than reading the records back: a write the stores never
    read (an audit line, a conflict's column, an index entry) changes it too. One statement
    reads it all (`quote()` spells every value, blobs included), built once: an import does
    not change the schema.
    """

    def __init__(self, vault: Any) -> None:
        conn = vault.connection
        self._vault = vault
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            ).fetchall()
        ]
        parts = []
        for name in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")').fetchall()]
            row = " || ',' || ".join(f'quote("{c}")' for c in columns)
            parts.append(
                f"(SELECT '{name} ' || count(*) || char(10) || "
                f"coalesce(group_concat({row}, char(10)), '') FROM \"{name}\")"
            )
        self._sql = "SELECT " + " || char(30) || ".join(parts)

    def __call__(self) -> str:
        h = hashlib.sha256(self._vault.connection.execute(self._sql).fetchone()[0].encode())
        for entry in sorted(os.scandir(self._vault.path), key=lambda e: e.name):
            if not entry.name.startswith("vault.db"):
                h.update(b"%s %d\n" % (entry.name.encode(), entry.stat().st_size))
        return h.hexdigest()


class _Undo(Exception):
    """Ends the transaction an input ran in: its writes are rolled back after the check."""


def _import_setup(work: Path) -> OneInput:
    from satchel.bundle.merge import apply_import, plan_import
    from satchel.core.vault import Vault
    from satchel.crypto.kdf import KdfParams
    from satchel.errors import SatchelError

    folder = work / "vault"
    fast = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # a throw-away vault
    vault, _code = Vault.create(folder, "fuzzing passphrase not secret", kdf_params=fast)
    receiver = vault.identities.get("Boris Fictional")
    bundles = _SignedBundles(_identity("sender"), receiver, _keys()["sender"]["vault_id"])
    bundle_path = work / "incoming.satchel"  # rewritten for every input
    # The vault starts with what the seed bundles hold, so that inputs also meet records
    # that exist (changed, unchanged, conflicts) and not only new ones.
    accepted = 0
    for seed in _import_seeds(work):
        bundle_path.write_bytes(bundles.bundle(seed))
        try:
            apply_import(vault, plan_import(vault, bundle_path), consent=True)
        except SatchelError:
            continue
        accepted += 1
    if not accepted:
        raise AssertionError("no seed bundle imports: the fuzzer would meet an empty vault")
    tables = VaultTables(vault)
    start = tables()

    def one(data: bytes) -> None:
        # Each input is imported inside a transaction of its own that is rolled back after
        # the check, so every input meets the same vault (as libFuzzer wants: the same input,
        # the same path) and none pays for what the ones before it added. The import's own
        # transaction is then a savepoint: refused, it rolls back exactly what it wrote, and
        # anything it wrote outside that is still in the outer transaction, seen by the check.
        bundle_path.write_bytes(bundles.bundle(data))
        try:
            with vault.transaction():
                try:
                    preview = plan_import(vault, bundle_path)
                    apply_import(vault, preview, consent=True)
                except SatchelError:
                    if tables() != start:
                        raise PartialWrite("a refused import changed the vault") from None
                    raise _Undo from None
                # What an accepted bundle holds must be readable back, every record of it.
                read_back(vault)
                raise _Undo
        except _Undo:
            pass
        if vault.connection.in_transaction:
            raise AssertionError("the input's transaction is still open")

    return one


def _records_of_tar(tar: bytes) -> bytes:
    from satchel.bundle.format import spec

    offset = 0
    while offset + spec.BLOCK <= len(tar):
        header = tar[offset : offset + spec.BLOCK]
        name = header[:100].rstrip(b"\0").decode()
        size = int(header[124:135], 8)
        body = tar[offset + spec.BLOCK : offset + spec.BLOCK + size]
        if name == spec.RECORDS_NAME:
            return body
        offset += spec.BLOCK + size + (-size % spec.BLOCK)
    raise ValueError("no records.jsonl in the vector")


def _import_seeds(_work: Path) -> Iterator[bytes]:
    from satchel.bundle.format.writer import record_line

    base = _records_of_tar((VECTORS / "v1-small.tar").read_bytes())
    lines = [line + b"\n" for line in base.split(b"\n") if line]
    # Documents need their files: the import target carries none, so leave them out.
    no_docs = [line for line in lines if b'"kind":"document"' not in line]
    # As the vector holds them: whole records, as today's writer writes them.
    yield b"".join(no_docs)
    vault = _keys()["sender"]["vault_id"]
    case = "55555555-5555-4555-8555-555555555555"
    common = {
        "created_at": "2026-02-01T10:00:00.000000+00:00",
        "updated_at": "2026-02-01T10:00:00.000000+00:00",
        "origin_vault": vault,
        "versions": [[vault, 1]],
    }
    rich = [
        ("case", {**common, "id": case, "title": "Extradition of V. Imaginarova"}),
        (
            "event",
            {
                **common,
                "id": "22222222-2222-4222-8222-222222222222",
                "case_id": case,
                "title": "Decision",
                "event_type": "decision",
                "date": "2025-08-14",
            },
        ),
        (
            "event",
            {
                **common,
                "id": "33333333-3333-4333-8333-333333333333",
                "case_id": case,
                "title": "Appeal window",
                "event_type": "deadline",
                "date": "2025-08-24",
                "deadline": {
                    "status": "pending",
                    "computed_from": "22222222-2222-4222-8222-222222222222",
                    "offset_days": 10,
                    "lead_days": 3,
                },
            },
        ),
        (
            "note",
            {
                **common,
                "id": "44444444-4444-4444-8444-444444444444",
                "case_id": case,
                "written": "2026-02-01T10:00:00.000000+00:00",
                "author": "Anna Fictional",
                "format": "markdown",
                "body": "# Call the NGO\n- ask for the file",
            },
        ),
    ]
    yield b"".join(record_line(kind, record) for kind, record in rich)


# -- colleague cards and QR text -------------------------------------------------------------


def _card_setup(_work: Path) -> OneInput:
    from satchel.bundle.colleagues import validate_card_text
    from satchel.errors import SatchelError

    def one(data: bytes) -> None:
        # Pasted text, a QR code's text and a card file all arrive as text: a file is
        # decoded strictly (userfiles.decode_text refuses the rest), pasted text can hold
        # anything, lone surrogates included.
        text = data.decode("utf-8", errors="surrogateescape")
        try:
            card = validate_card_text(text)
        except (SatchelError, UnicodeDecodeError):
            return
        # What the colleagues page shows of an accepted card.
        _ = (card.fingerprint_text, card.card())

    return one


def _card_seeds(_work: Path) -> Iterator[bytes]:
    card = _identity("sender").public().card().encode()
    yield card
    yield b"Hello,\r\nhere is my card:\r\n\r\n" + card.replace(b"\n", b"\r\n") + b"\r\nBest\r\n"
    yield card.replace(b"Anna Fictional", "Анна Вымышленная".encode())


# -- the keyslots file -----------------------------------------------------------------------


def _keyslots_setup(_work: Path) -> OneInput:
    from satchel.crypto.keyslots import HEADER_SIZE, Keyslots
    from satchel.crypto.secret import SecretBytes
    from satchel.errors import VaultDamaged

    kek = SecretBytes(32)
    kek.writable()[:] = hashlib.sha256(b"fuzz kek").digest()
    body_size = HEADER_SIZE - 32

    def one(data: bytes) -> None:
        # Half the inputs get a correct header checksum, so the fields behind it are tried
        # too (the checksum is not a secret: anyone can recompute it).
        if data[:1] == b"\x01" and len(data) > HEADER_SIZE:
            data = data[1:]
            body = data[:body_size]
            data = body + hashlib.sha256(body).digest() + data[HEADER_SIZE:]
        try:
            slots = Keyslots.parse(data)
        except VaultDamaged:
            return
        opened = slots.open(kek)
        if opened is not None:
            opened.content.key.wipe()
        _ = (slots.vault_id, slots.header.params.describe(), slots.to_bytes())

    return one


def _keyslots_seeds(work: Path) -> Iterator[bytes]:
    from satchel.crypto.kdf import KdfParams
    from satchel.crypto.keyslots import Keyslots

    fresh = Keyslots.fresh(b"\x11" * 16, KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4))
    yield fresh.to_bytes()
    yield b"\x01" + fresh.to_bytes()


# -- dates and numbers (CLI and forms) -------------------------------------------------------


def _dates_setup(_work: Path) -> OneInput:
    from satchel.cli import common
    from satchel.core import limits
    from satchel.core.dates import ENGLISH, FuzzyDate, PartialDate
    from satchel.errors import InvalidInput

    numbers = [
        common.whole_number(-limits.MAX_OFFSET_DAYS, limits.MAX_OFFSET_DAYS, "--days"),
        common.whole_number(0, limits.MAX_LEAD_DAYS, "--lead"),
        common.whole_number(-limits.MAX_DAY_ORDER, limits.MAX_DAY_ORDER, "--order"),
        common.whole_number(1, limits.MAX_LIST_LIMIT, "--limit"),
    ]
    words = ENGLISH

    def one(data: bytes) -> None:
        text = data.decode("utf-8", errors="surrogateescape")
        for parse in numbers:
            try:
                parse(text)
            except InvalidInput:
                pass
        for day in (common.parse_day, PartialDate.parse):
            try:
                day(text)
            except InvalidInput:
                pass
        try:
            when = FuzzyDate.parse(text)
        except InvalidInput:
            return
        # An accepted date is stored as its canonical text, sorted and shown: all three
        # must work, and reading the text back must give the same date.
        canonical = str(when)
        assert FuzzyDate.parse(canonical) == when, (text, canonical)
        when.sort_key()
        when.display(words)

    return one


def _dates_seeds(_work: Path) -> Iterator[bytes]:
    for text in (
        "2025-08-14",
        "2025-08",
        "2025",
        "2025-08-14T10:30:00+03:00",
        "2025-08-14T10:30",
        "~2025-08-14",
        "<2025-08",
        ">2025",
        "2025-08-01..2025-08-14",
        "2025-08-01/2025-09-30",
        "2025-05/2025-07T10:00+03:00",
        "TBD",
        "?",
        "today",
        "3650",
        "-800000",
        "1" + "0" * 30,
        " 12 ",
        "2025-08-14T10:30:61+00:00",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01",
    ):
        yield text.encode()


def _cli_setup(_work: Path) -> OneInput:
    import contextlib

    from satchel.cli.main import build_parser
    from satchel.errors import SatchelError

    parser = build_parser()
    sink = io.StringIO()

    def one(data: bytes) -> None:
        # A command line as the shell hands it over: arguments split at NULs, decoded the
        # way Python decodes argv (undecodable bytes become lone surrogates).
        argv = [os.fsdecode(a) for a in data.split(b"\0")]
        sink.seek(0)
        sink.truncate()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            try:
                parser.parse_args(argv)
            except SatchelError:
                return  # bad input (exit 8), before any vault is opened
            except SystemExit as exc:
                if exc.code not in (0, 64):  # --help/--version, or a usage error
                    raise

    return one


def _cli_seeds(_work: Path) -> Iterator[bytes]:
    for argv in (
        ["deadline", "add", "1a2b3c4d", "--title", "Appeal", "--days", "10", "--lead", "3"],
        ["deadline", "add", "1a2b3c4d", "--title", "Appeal", "--due", "2025-08-24"],
        ["event", "add", "1a2b3c4d", "--title", "Arrest", "--date", "~2025-08", "--order", "2"],
        ["case", "list", "--limit", "50"],
        ["case", "close", "1a2b3c4d", "--on", "2025-09-01"],
        ["search", "Emelianova", "--limit", "20"],
        ["audit", "--limit", "100"],
        ["person", "add", "--name", "Анна", "--born", "1980-05"],
        ["doc", "add", "1a2b3c4d", "file.pdf", "--received", "today"],
        ["--vault", "/tmp/v", "note", "add", "1a2b3c4d", "--text", "x"],
    ):
        yield b"\0".join(a.encode() for a in argv)


# -- Markdown notes ------------------------------------------------------------------------


def _qt_application() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _markdown_setup(_work: Path) -> OneInput:
    app = _qt_application()
    from PySide6.QtCore import QCoreApplication, QEvent

    from satchel.core.model import NoteFormat
    from satchel.gui.notes.panel import SafeNoteView

    view = SafeNoteView()
    view.resize(700, 500)
    keep = [app, view]

    def one(data: bytes) -> None:
        body = data.decode("utf-8", errors="replace")
        keep[1].show_note(body, NoteFormat.MARKDOWN)
        keep[1].finish_rendering()
        keep[1].document().documentLayout().documentSize()  # lay it out, as showing does
        keep[1].plain_text()
        # What the event loop does between two notes: run the queued piece timers and
        # delete the replaced document (deleteLater), else they pile up in the fuzzer.
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    return one


def _markdown_seeds(_work: Path) -> Iterator[bytes]:
    yield b"# Hearing\n\n- [ ] ask for the file\n- [x] call the NGO\n\n> quote\n"
    yield b"| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\n"
    yield b"```\ncode\n```\n\n~~~python\nx\n~~~\n"
    yield b"![pic](file:///etc/passwd) [link](https://example.org) <b>html</b>\n"
    yield b"1. one\n   1. nested\n      - deep\n\n***bold*** `code` ~~gone~~\n"
    yield b"> " * 300 + b"deep\n"
    yield b"- " * 200 + b"x\n"


# -- PDFs, as the documents viewer renders them ------------------------------------------------


def _pdf_setup(_work: Path) -> OneInput:
    _qt_application()
    import pypdfium2 as pdfium

    from satchel.gui.documents.viewer import render_fitted_page

    width_px = 776  # the viewer's width at 1366x768, less margins (what `_fit_scale` sees)

    def one(data: bytes) -> None:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return  # the viewer: "The PDF could not be opened"
        try:
            # The viewer's own page step: None is its "this page could not be shown".
            for index in range(min(len(pdf), 2)):
                render_fitted_page(pdf, index, None, width_px, 1.0)
        finally:
            pdf.close()

    return one


def _pdf_seeds(_work: Path) -> Iterator[bytes]:
    yield _minimal_pdf(b"BT /F1 18 Tf 40 700 Td (Decision of the court, fictional) Tj ET")
    yield _minimal_pdf(b"0 0 1 rg 10 10 200 300 re f 1 w 0 0 m 600 800 l S")
    yield _minimal_pdf(b"q 200 0 0 100 50 500 cm /Im1 Do Q")
    _qt_application()
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Решение суда (вымышленное)")
    painter.drawEllipse(50, 50, 400, 200)
    painter.end()
    yield bytes(buffer.data().data())


def _minimal_pdf(content: bytes) -> bytes:
    """A small, valid PDF whose one page draws `content` (a hand-written cross-reference)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# -- images, as the documents viewer decodes them ------------------------------------------------


def _image_setup(work: Path) -> OneInput:
    _qt_application()
    from PySide6.QtCore import Qt

    from satchel.gui.documents.viewer import decode_image

    def one(data: bytes) -> None:
        image = decode_image(data)
        if image.isNull():
            return  # the viewer: "The image could not be read"
        # What `_render` does with it: fit to the viewer's width.
        if image.width() > 776:
            image.scaledToWidth(776, Qt.TransformationMode.SmoothTransformation)

    return one


def _image_seeds(work: Path) -> Iterator[bytes]:
    _qt_application()
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(24, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor(30, 90, 160, 200))
    painter = QPainter(image)
    painter.drawLine(0, 0, 23, 15)
    painter.end()
    for fmt in (b"PNG", b"JPEG", b"GIF", b"BMP", b"WEBP", b"TIFF"):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if image.save(buffer, fmt.decode()):
            yield bytes(buffer.data().data())
    yield (ROOT / "resources" / "icons" / "png" / "satchel-16.png").read_bytes()
    # SVG that names other files: the viewer must never render it, nor open what it names.
    # The named pipe would block any reader for good (the hang the per-input timeout catches).
    fifo = work / "pipe"
    if not fifo.exists():
        os.mkfifo(fifo)
    yield (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="10" height="10"><image xlink:href="file://%s" width="10" height="10"/>'
        b'<image href="%s" width="10" height="10"/></svg>' % (bytes(fifo), bytes(fifo))
    )
    yield b"\x89PNG\r\n\x1a\n<svg><image href='%s'/></svg>" % bytes(fifo)
    yield (ROOT / "resources" / "icons" / "satchel.svg").read_bytes()


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        # A passphrase bundle may ask for scrypt work factor 2^20 (spec.SCRYPT_LOG_N_MAX):
        # 1 GiB and seconds of work by design, so its timeout is well above that.
        Target(
            "age",
            "bundle, age layer (X25519 and scrypt)",
            _age_setup,
            _age_seeds,
            16384,
            timeout_s=180,
        ),
        Target("tar", "bundle, tar layer", _tar_setup, _tar_seeds, 16384, cost=2),
        Target(
            "manifest",
            "bundle, manifest",
            _manifest_setup,
            _manifest_seeds,
            8192,
            dictionary=_JSON_WORDS,
        ),
        Target(
            "import",
            "bundle, records into a vault",
            _import_setup,
            _import_seeds,
            8192,
            writes=True,
            cost=3,
            dictionary=_JSON_WORDS,
            instrument=(
                "satchel.bundle.format",
                "satchel.bundle.merge",
                "satchel.core.codec",
                "satchel.core.limits",
                "satchel.core.dates",
                "satchel.core.versions",
            ),
        ),
        Target("card", "colleague cards and QR text", _card_setup, _card_seeds, 2048),
        Target("keyslots", "keyslots file", _keyslots_setup, _keyslots_seeds, 2048),
        Target("dates", "dates and numbers (CLI, forms)", _dates_setup, _dates_seeds, 256),
        Target(
            "cli",
            "command lines (argparse and value types)",
            _cli_setup,
            _cli_seeds,
            1024,
            instrument=("satchel.cli", "satchel.core.dates", "satchel.core.limits"),
        ),
        Target("markdown", "Markdown notes", _markdown_setup, _markdown_seeds, 8192, cost=2),
        Target("pdf", "PDFs in the viewer", _pdf_setup, _pdf_seeds, 16384),
        Target("image", "images in the viewer (SVG off)", _image_setup, _image_seeds, 16384),
    )
}
