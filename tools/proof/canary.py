"""Proof 13, no plaintext and no traces: a whole GUI session with canaries, then a search for them.

The real client (tests/gui/traceless_session.py: the production classes over a real vault)
runs in a child process whose HOME, XDG folders, TMPDIR and XDG_RUNTIME_DIR point into a
sandbox folder. Distinctive canary strings, new on every run, are typed through the forms:
a case and a person (name, phone, notes), a PDF and an image whose contents and file names
carry canaries, added through the file dialog and viewed, a search, a contact copied, a lock
and an unlock, a bundle exported and a colleague's bundle (canaries inside) imported, the
passphrase changed to a canary and a duress passphrase set to another, and quitting.

Then every file under the sandbox (the vault folder, home, config, cache, data, state,
temp, runtime) and every file that appeared in /dev/shm during the session is searched, by
name and by content, for every canary in UTF-8, UTF-16 (both byte orders) and base64 (all
three alignments): the gate is 0 hits. Qt's settings (QtProject.conf) and the recent-files
list (recently-used.xbel) are searched like every other file, and their presence reported.
The user's own originals and the colleague's bundle lie outside the sandbox, as they would on
a real machine, and are not searched.

After the lock, while the unlock screen is up, the live process's memory is scanned for the
canaries (tools/proof/memscan.py) in UTF-8 and UTF-16: a figure, not a gate (the threat model
says what a live, locked session protects). The session driver itself holds every canary to
type it; a control string it holds the same way but never types says how many copies are the
driver's own.

Run: python -m tools.proof.canary (about a minute; tests/proof/test_canary.py runs it in CI).
There is no separate long mode: the session is the same either way.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tools.proof.memscan import scan, text_forms

TITLE = "No plaintext and no traces (canaries)"

ROOT = Path(__file__).resolve().parents[2]
SESSION = ROOT / "tests" / "gui" / "traceless_session.py"
SHM = Path("/dev/shm")


# -- canaries and their encodings -----------------------------------------------------------


def make_canaries() -> dict[str, str]:
    """Fresh strings no file on this machine holds by chance (a random tag per run)."""
    tag = secrets.token_hex(5)
    digits = "".join(secrets.choice("0123456789") for _ in range(9))
    return {
        "case_title": f"Extradition of Canary Qz{tag}a",
        "case_summary": f"Hearing notes Qz{tag}b: the client fears return.",
        "person_name": f"Канарейкина Qz{tag}c",
        "phone": f"+7 9{digits}",
        "person_notes": f"Lives with her sister, address Qz{tag}d",
        "pdf_text": f"Decision of the court Qz{tag}e",
        "image_text": f"Photo caption Qz{tag}f",
        "pdf_name": f"decision-Qz{tag}g.pdf",
        "image_name": f"photo-Qz{tag}h.png",
        "folder": f"client-Qz{tag}i",
        "new_passphrase": f"orchid Qz{tag}j harbour",
        "duress_passphrase": f"granite Qz{tag}k meadow",
        "incoming_title": f"Asylum appeal Qz{tag}l",
        "incoming_note": f"Colleague's note Qz{tag}m",
        "search": f"Qz{tag}a",
        "control": f"Control string Qz{tag}z never typed",
    }


def _tokens(canaries: dict[str, str]) -> dict[str, str]:
    """What is searched for: the distinctive part of each canary (a part of it leaking is a
    leak too), and the Cyrillic name and phone number whole."""
    out = {}
    for key, value in canaries.items():
        if key in ("search", "control"):
            continue
        if key == "phone":
            out[key] = value
            continue
        token = next(w for w in value.replace(".", " ").replace("-", " ").split() if "Qz" in w)
        out[key] = token
    out["person_name (Cyrillic)"] = canaries["person_name"].split()[0] + " "
    return out


_TYPED_AFTER_LOCK = frozenset(
    {"new_passphrase", "duress_passphrase", "incoming_title", "incoming_note"}
)


def base64_forms(data: bytes) -> list[bytes]:
    """`data` as it reads inside any base64 text, whatever its offset there.

    Base64 codes 3 bytes as 4 characters, so bytes preceded by 0, 1 or 2 others encode
    differently; for each alignment, the characters that depend on `data` alone.
    """
    forms = []
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + data)
        start = 4 if shift else 0
        end = (shift + len(data)) // 3 * 4
        if end - start >= 8:
            forms.append(encoded[start:end])
    return forms


def needles(tokens: dict[str, str]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for key, token in tokens.items():
        out[f"{key} (UTF-8)"] = token.encode("utf-8")
        out[f"{key} (UTF-16LE)"] = token.encode("utf-16-le")
        out[f"{key} (UTF-16BE)"] = token.encode("utf-16-be")
        for i, form in enumerate(base64_forms(token.encode("utf-8"))):
            out[f"{key} (base64 {i})"] = form
    return out


# -- the user's own files (outside the sandbox) --------------------------------------------------


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF that shows `text` (ASCII), with a hand-written cross-reference table."""
    content = b"BT /F1 18 Tf 40 700 Td (" + text.encode("ascii") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def png_with_text(text: str, width: int = 32, height: int = 24) -> bytes:
    """A small PNG whose tEXt chunk carries `text` (metadata a thumbnailer would read)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\0" + bytes((40, 120, 200)) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"tEXt", b"Comment\0" + text.encode("latin-1"))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def colleague_bundle(base: Path, canaries: dict[str, str]) -> tuple[Path, str]:
    """A bundle from a colleague's vault (outside the sandbox) whose case carries canaries."""
    from satchel.bundle.export import export_bundle, generate_passphrase
    from satchel.core.vault import Vault
    from satchel.crypto.kdf import KdfParams

    fast = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # a throw-away vault
    vault, _code = Vault.create(base / "colleague", "colleague passphrase 7", kdf_params=fast)
    try:
        case = vault.cases.create(canaries["incoming_title"])
        vault.notes.create(case_id=case.id, body=canaries["incoming_note"])
        passphrase = generate_passphrase()
        path = base / "inbox" / "from-colleague.satchel"
        path.parent.mkdir()
        export_bundle(vault, [case.id], path, passphrase=passphrase)
    finally:
        vault.close()
    return path, passphrase


# -- the sandbox and the session ------------------------------------------------------------------


def sandbox(base: Path) -> dict[str, Path]:
    home = base / "home"
    dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local/share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local/state",
        "XDG_RUNTIME_DIR": base / "run",
        "TMPDIR": base / "tmp",
    }
    for p in dirs.values():
        p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return dirs


def run_session(
    base: Path,
    dirs: dict[str, Path],
    config: dict[str, object],
    memory_needles: dict[str, bytes],
    while_locked: Callable[[], object],
) -> tuple[dict[str, object], dict[str, int], object]:
    """Run the session; while it is locked, scan its memory and call `while_locked`.

    Returns the session's report, the memory counts and what `while_locked` returned.
    """
    path = base / "session.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SATCHEL_V"))}
    env.update({k: str(v) for k, v in dirs.items()})
    env["QT_QPA_PLATFORM"] = "offscreen"
    child = subprocess.Popen(
        [sys.executable, str(SESSION), str(path)],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    counts: dict[str, int] = {}
    during: object = None
    lines = []
    try:
        for line in child.stdout:
            lines.append(line)
            if line.startswith('{"locked"'):
                counts = scan(json.loads(line)["locked"], memory_needles)
                during = while_locked()
                child.stdin.write("go\n")
                child.stdin.flush()
                break
        lines += child.stdout.readlines()
        child.wait(timeout=300)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    errors = child.stderr.read() if child.stderr else ""
    if child.returncode != 0 or not counts:
        raise RuntimeError(f"the session failed ({child.returncode}):\n{''.join(lines)}{errors}")
    return json.loads(lines[-1]), counts, during


# -- the search on disk ---------------------------------------------------------------------------


def _files(roots: list[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_file() or root.is_symlink():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                yield Path(dirpath, name)


def search_disk(roots: list[Path], wanted: dict[str, bytes]) -> dict[str, object]:
    hits: list[str] = []
    files = size = 0
    seen: set[Path] = set()
    for path in _files(roots):
        if path in seen:
            continue
        seen.add(path)
        name = os.fsencode(path)
        hits += [f"{path} (name: {label})" for label, n in wanted.items() if n in name]
        if path.is_symlink() or not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:  # a socket or a file gone since listed
            continue
        files += 1
        size += len(data)
        hits += [f"{path} ({label})" for label, n in wanted.items() if n in data]
    return {"hits": hits, "files": files, "bytes": size}


def shm_entries() -> set[Path]:
    return set(SHM.iterdir()) if SHM.is_dir() else set()


# -- the proof part -------------------------------------------------------------------------------


def run(long: bool = False) -> dict[str, object]:
    """The figures of proof 13 (the same session in either mode)."""
    del long
    canaries = make_canaries()
    tokens = _tokens(canaries)
    disk_needles = needles(tokens)
    # In memory, the canaries typed before the lock; those typed after it (the new
    # passphrases) or still in the colleague's bundle are held by the driver alone yet.
    typed = {k: v for k, v in tokens.items() if k not in _TYPED_AFTER_LOCK}
    memory_needles: dict[str, bytes] = {}
    for key, token in typed.items():
        memory_needles.update(text_forms(key, token))
    control = canaries["control"].split()[2]
    memory_needles.update(text_forms("control", control))

    with tempfile.TemporaryDirectory(prefix="satchel-canary-") as tmp:
        base = Path(tmp)
        dirs = sandbox(base)
        originals = base / "originals" / canaries["folder"]
        originals.mkdir(parents=True)
        pdf = originals / canaries["pdf_name"]
        pdf.write_bytes(minimal_pdf(canaries["pdf_text"]))
        image = originals / canaries["image_name"]
        image.write_bytes(png_with_text(canaries["image_text"]))
        incoming, incoming_passphrase = colleague_bundle(base, canaries)
        config = {
            "canaries": canaries,
            "pdf": str(pdf),
            "image": str(image),
            "bundle": str(dirs["HOME"] / "Outbox" / "handover.satchel"),
            "incoming": str(incoming),
            "incoming_passphrase": incoming_passphrase,
            "hold_after_lock": True,
            "program_folder": None,
        }
        (dirs["HOME"] / "Outbox").mkdir()
        shm_before = shm_entries()

        def search_now() -> dict[str, object]:
            return search_disk(
                sorted(set(dirs.values())) + sorted(shm_entries() - shm_before), disk_needles
            )

        report, counts, locked = run_session(base, dirs, config, memory_needles, search_now)
        shm_new = sorted(shm_entries() - shm_before)
        roots = sorted(set(dirs.values())) + shm_new
        found = search_disk(roots, disk_needles)
        assert isinstance(locked, dict)
        hits = [f"while locked: {h}" for h in locked["hits"]] + list(found["hits"])
        home = dirs["HOME"]
        listed = [
            home / ".config" / "QtProject.conf",
            home / ".local" / "share" / "recently-used.xbel",
        ]
        lists_present = sum(p.exists() for p in listed)
        vault_folder = Path(str(report.get("vault", "")))

    present = [k for k in typed if counts.get(f"{k} (UTF-8)", 0) + counts.get(f"{k} (UTF-16)", 0)]
    canary_copies = sum(v for k, v in counts.items() if not k.startswith("control"))
    for hit in hits:
        sys.stderr.write(f"canary on disk: {hit}\n")
    return {
        "canary strings": len(tokens),
        "encodings searched": "UTF-8, UTF-16LE, UTF-16BE, base64 (3 alignments)",
        "session: cases after import": report.get("cases_after_import", 0),
        "session: documents added and viewed": report.get("documents_viewed", 0),
        "session: search hits": report.get("search_hits", 0),
        "session: passphrase changed, duress set": bool(
            report.get("passphrase_changed") and report.get("duress_set")
        ),
        "vault folder inside the sandbox": vault_folder.is_relative_to(base),
        "folders searched (sandbox and new in /dev/shm)": len(roots),
        "files searched (after quitting)": found["files"],
        "bytes searched (after quitting)": found["bytes"],
        "files searched (while locked)": locked["files"],
        "Qt settings and recent-files lists present": lists_present,
        "canary hits on disk": len(hits),
        "memory after lock: canaries present": f"{len(present)} of {len(typed)}",
        "memory after lock: canary copies": canary_copies,
        "memory after lock: copies of the driver's control string": counts.get("control (UTF-8)", 0)
        + counts.get("control (UTF-16)", 0),
    }


def main() -> int:
    for key, value in run(long="--long" in sys.argv[1:]).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
