"""The exchange folder: a folder that Syncthing, Nextcloud, a network share or a USB stick
keeps in common with colleagues, where shared cases come and go as bundles.

One pass (`sync`) does three things. Outgoing: for each share (bundle/shares.py) with
changes, a bundle of them addressed to that colleague, under a random name that carries no
case data, written under a temporary name that sync engines ignore and then renamed, so no
engine ever carries half a file. Clean-up: this vault's own outgoing files once older than
the days the user chose (whether a colleague took one is not knowable from here), and the
memory of files that are gone. Incoming: every settled `*.satchel` file not examined yet.

Incoming is careful about what it reads:
- A file a sync engine may still be writing is never opened: Syncthing's temporary names
  (`.syncthing.*.tmp`, `~syncthing~*.tmp`), Nextcloud's (`.~*`, `*.part`), any dot-file or
  `~` file, anything not named `*.satchel`, and any file whose size or time changed between
  two looks some seconds apart (`Watch`).
- A file not encrypted to this vault stops at age's header (it cannot be opened anyway).
- A bundle from anyone but a verified colleague, or not signed for this vault, is read up to
  its signed manifest - who sent it, to whom - and no further: it waits in Imports for the
  user's consent.
- A verified colleague's bundle is verified whole and previewed; it is imported by itself
  only when the user turned that on and it holds no conflict, else it waits in Imports.
  An imported (or dismissed) bundle is removed from the folder.
Satchel runs no server and opens no socket: the engine moves the files, this module only
reads and writes a folder. Nothing here writes plaintext to disk.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from satchel.bundle.format import spec
from satchel.bundle.format.agefile import check_cancel
from satchel.bundle.format.reader import BundleReader, Manifest
from satchel.bundle.merge import (
    ImportPreview,
    ImportResult,
    SenderState,
    apply_import,
    plan_import,
    sender_status,
)
from satchel.bundle.shares import note_received, send_changes
from satchel.bundle.travel import travel_since
from satchel.core.codec import now
from satchel.core.exchange_files import ExchangeFile, FileState
from satchel.core.model import Verification
from satchel.errors import BundleRejected, FileProblem, InvalidInput, NotFound

if TYPE_CHECKING:
    from satchel.core.shares import Share
    from satchel.core.vault import Vault

__all__ = [
    "DEFAULT_KEEP_DAYS",
    "SETTLE_SECONDS",
    "ExchangeSettings",
    "SyncReport",
    "Watch",
    "dismiss",
    "exchange_settings",
    "import_waiting",
    "is_bundle_name",
    "note_imported",
    "outgoing_name",
    "preview_waiting",
    "set_auto_import",
    "set_exchange_folder",
    "set_keep_days",
    "sync",
    "sync_once",
    "waiting",
]

FOLDER_SETTING = "exchange/folder"
AUTO_IMPORT_SETTING = "exchange/auto_import"
KEEP_DAYS_SETTING = "exchange/keep_days"
DEFAULT_KEEP_DAYS = 14
MAX_KEEP_DAYS = 365
SETTLE_SECONDS = 3.0
"""How long a file's size and time must stay the same before it is read: sync engines write
in bursts a second or so apart (Syncthing's puller, a USB copy), never minutes."""

TEMP_PREFIX = "~syncthing~"
"""Outgoing files are written as `~syncthing~<name>.<random>.tmp` and then renamed. Syncthing
never scans a name with its temporary prefixes (fs.IsTemporary: `~syncthing~` and
`.syncthing.`, on every system), and Nextcloud's client leaves `~*.tmp` out of its sync
(sync-exclude.lst), so neither carries a file that is still being written."""


def is_bundle_name(name: str) -> bool:
    """A name worth looking at: `*.satchel`, and no engine's temporary or hidden file."""
    if not name.endswith(spec.FILE_SUFFIX) or len(name) > 255:
        return False
    # Dot-files: Syncthing's `.syncthing.*.tmp` (Unix), Nextcloud's `.~*` and `.*.part`,
    # anything hidden. `~` files: Syncthing's `~syncthing~*.tmp` (Windows), office locks.
    return not name.startswith((".", "~")) and "/" not in name and "\\" not in name


def outgoing_name() -> str:
    """`satchel-<32 random hex digits>.satchel`: no date, no case, no colleague in it."""
    return f"satchel-{secrets.token_hex(16)}{spec.FILE_SUFFIX}"


def _temp_name(name: str) -> str:
    return f"{TEMP_PREFIX}{name}.{secrets.token_hex(4)}.tmp"


# -- settings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExchangeSettings:
    folder: Path | None
    auto_import: bool
    keep_days: int


def exchange_settings(vault: Vault) -> ExchangeSettings:
    folder = vault.settings.get(FOLDER_SETTING)
    return ExchangeSettings(
        Path(folder) if isinstance(folder, str) and folder else None,
        vault.settings.get(AUTO_IMPORT_SETTING) is True,
        int(vault.settings.get(KEEP_DAYS_SETTING, DEFAULT_KEEP_DAYS)),
    )


def set_exchange_folder(vault: Vault, folder: str | os.PathLike[str] | None) -> Path | None:
    """Point the vault at an exchange folder (an existing one), or at none."""
    if folder is None or str(folder) == "":
        vault.settings.remove(FOLDER_SETTING)
        return None
    path = Path(folder).expanduser().absolute()
    if not path.is_dir():
        raise FileProblem(
            "{folder} is not a folder. Nothing was changed.",
            code="exchange_folder_not_folder",
            folder=path,
        )
    vault.settings.set(FOLDER_SETTING, str(path))
    return path


def set_auto_import(vault: Vault, on: bool) -> None:
    vault.settings.set(AUTO_IMPORT_SETTING, bool(on))


def set_keep_days(vault: Vault, days: int) -> None:
    if not 1 <= days <= MAX_KEEP_DAYS:
        raise InvalidInput(
            "Keep outgoing bundles between 1 and {max} days",
            "days",
            code="exchange_keep_days_range",
            max=MAX_KEEP_DAYS,
        )
    vault.settings.set(KEEP_DAYS_SETTING, days)


def _folder(vault: Vault) -> Path:
    folder = exchange_settings(vault).folder
    if folder is None:
        raise InvalidInput(
            "No exchange folder is set (satchel exchange folder PATH)",
            "folder",
            code="exchange_folder_not_set",
        )
    if not folder.is_dir():
        raise FileProblem(
            "The exchange folder {folder} is not there (is the drive connected?). Nothing was "
            "changed.",
            code="exchange_folder_missing",
            folder=folder,
        )
    return folder


# -- settled files --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    size: int
    mtime_ns: int


class Watch:
    """The folder as earlier looks saw it: a file is settled once its size and time stayed
    the same for `settle` seconds. Keep one Watch across passes (the client's timer); a
    single pass looks twice (`sync_once`)."""

    def __init__(
        self, settle: float = SETTLE_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.settle = settle
        self._clock = clock
        self._seen: dict[str, tuple[int, int, float]] = {}
        self.unsettled = 0

    def look(self, folder: Path, skip: frozenset[str] = frozenset()) -> list[Entry]:
        """The bundle files that have settled since an earlier look (`skip`: names not to
        look at, this vault's own outgoing files)."""
        at = self._clock()
        seen: dict[str, tuple[int, int, float]] = {}
        settled = []
        try:
            names = os.listdir(folder)
        except OSError as exc:
            raise FileProblem(
                "Cannot read the exchange folder {folder}: {reason}",
                code="exchange_folder_unreadable",
                folder=folder,
                reason=exc.strerror,
            ) from None
        for name in sorted(names):
            if name in skip or not is_bundle_name(name):
                continue
            try:
                st = os.lstat(folder / name)
            except OSError:
                continue  # gone meanwhile
            if not stat.S_ISREG(st.st_mode):
                continue  # a link or a folder is nothing an engine or Satchel wrote
            before = self._seen.get(name)
            if before is not None and before[:2] == (st.st_size, st.st_mtime_ns):
                since = before[2]
            else:
                since = at
            seen[name] = (st.st_size, st.st_mtime_ns, since)
            if before is not None and at - since >= self.settle:
                settled.append(Entry(name, st.st_size, st.st_mtime_ns))
        self._seen = seen
        self.unsettled = len(seen) - len(settled)
        return settled


# -- one pass -------------------------------------------------------------------------------


@dataclass
class SyncReport:
    sent: list[tuple[Share, str]] = field(default_factory=list)  # (share, file name)
    imported: list[tuple[str, ImportResult]] = field(default_factory=list)
    waiting: list[ExchangeFile] = field(default_factory=list)  # newly waiting in Imports
    rejected: list[ExchangeFile] = field(default_factory=list)
    not_sent: list[tuple[Share, str]] = field(default_factory=list)  # (share, why)
    removed: int = 0  # own outgoing files removed after their days
    unsettled: int = 0  # files still changing: looked at again next pass


class _HeaderOnly(Exception):
    """Stops a read after the signed manifest: nothing beyond it is decrypted."""

    def __init__(self, manifest: Manifest) -> None:
        super().__init__("header read")
        self.manifest = manifest


def _read_header(vault: Vault, path: Path) -> Manifest:
    identity = vault.identities.get()

    def stop(manifest: Manifest, _raw: bytes) -> None:
        raise _HeaderOnly(manifest)

    try:
        BundleReader(path, identity=identity).read(None, verify=stop)
    except _HeaderOnly as done:
        return done.manifest
    raise BundleRejected("the bundle has no manifest", code="bundle_no_manifest")


Cancel = Callable[[], bool]


def _never() -> bool:
    return False


def sync(vault: Vault, watch: Watch, cancel: Cancel | None = None) -> SyncReport:
    """One pass over the exchange folder: send, clean up, take in (see the module's doc).

    `cancel` (the client's lock) stops the pass between files and inside each bundle's
    writing or import, which then leaves nothing behind (Cancelled is raised)."""
    folder = _folder(vault)
    report = SyncReport()
    stop = cancel or _never
    _send(vault, folder, report, stop)
    _clean(vault, folder, report)
    _receive(vault, folder, watch, report, stop)
    return report


def sync_once(vault: Vault, settle: float = SETTLE_SECONDS) -> SyncReport:
    """A pass on its own (the CLI): look, wait `settle` seconds, then sync."""
    watch = Watch(settle)
    watch.look(_folder(vault))
    time.sleep(settle)
    return sync(vault, watch)


def _send(vault: Vault, folder: Path, report: SyncReport, cancel: Cancel) -> None:
    for share in vault.shares.list():
        check_cancel(cancel)
        colleague = vault.colleagues.find(share.colleague_id)
        if colleague is None:
            continue
        if colleague.verification is not Verification.VERIFIED:
            report.not_sent.append((share, "colleague_not_verified"))
            continue
        name = outgoing_name()
        try:
            result = send_changes(
                vault, share, folder / name, temp_name=_temp_name(name), cancel=cancel
            )
        except NotFound:
            report.not_sent.append((share, "case_gone"))
            continue
        if result is None:
            continue
        st = os.lstat(result.path)
        vault.exchange_files.put(
            name,
            "out",
            st.st_size,
            st.st_mtime_ns,
            FileState.SENT,
            colleague_id=colleague.id,
            cases=[share.case_id],
        )
        report.sent.append((share, name))


def _clean(vault: Vault, folder: Path, report: SyncReport) -> None:
    keep = timedelta(days=exchange_settings(vault).keep_days)
    moment = now()
    for row in vault.exchange_files.list():
        path = folder / row.name
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            # Taken by the colleague (their removal came back through the engine), or
            # removed by hand: nothing to remember. A waiting import is gone with it.
            vault.exchange_files.remove(row.name)
            continue
        except OSError:
            continue
        if row.direction == "out" and moment - row.seen_at > keep and stat.S_ISREG(st.st_mode):
            with contextlib.suppress(OSError):
                path.unlink()
                report.removed += 1
            vault.exchange_files.remove(row.name)


def _receive(vault: Vault, folder: Path, watch: Watch, report: SyncReport, cancel: Cancel) -> None:
    if vault.identities.find() is None:
        return  # no card was ever shown: nothing can be addressed to this vault
    settings = exchange_settings(vault)
    # During a trip nothing brings a case onto the laptop by itself: a colleague still
    # sharing a case left behind would otherwise carry it back across the border.
    on_trip = travel_since(vault) is not None
    ours = frozenset(f.name for f in vault.exchange_files.list(direction="out"))
    for entry in watch.look(folder, ours):
        row = vault.exchange_files.find(entry.name)
        if row is not None and (row.size, row.mtime_ns) == (entry.size, entry.mtime_ns):
            continue  # examined already, as it is now
        check_cancel(cancel)
        _examine(vault, folder, entry, settings.auto_import, report, cancel, on_trip)
    report.unsettled = watch.unsettled


def _examine(
    vault: Vault,
    folder: Path,
    entry: Entry,
    auto_import: bool,
    report: SyncReport,
    cancel: Cancel,
    on_trip: bool = False,
) -> None:
    path = folder / entry.name
    files = vault.exchange_files

    def keep(state: FileState, manifest: Manifest | None = None, **more: object) -> ExchangeFile:
        extra: dict[str, object] = {}
        if manifest is not None:
            extra = {
                "sender_name": manifest.sender.name,
                "sender_fingerprint": manifest.sender.fingerprint,
                "cases": list(manifest.cases),
            }
        extra.update(more)
        files.put(entry.name, "in", entry.size, entry.mtime_ns, state, **extra)  # type: ignore[arg-type]
        return files.get(entry.name)

    try:
        manifest = _read_header(vault, path)
    except BundleRejected as exc:
        if exc.code == "bundle_not_encrypted_vault_you":
            keep(FileState.NOT_FOR_US)
        else:
            report.rejected.append(keep(FileState.REJECTED, detail=exc.code or ""))
        return
    except (FileProblem, OSError):
        return  # gone or unreadable meanwhile: the next pass looks again
    status = sender_status(vault, manifest)
    colleague_id = status.colleague.id if status.colleague is not None else None
    if status.state is SenderState.SELF:
        keep(FileState.OWN, manifest)
        return
    own = vault.identities.get().public().fingerprint
    if status.state is not SenderState.VERIFIED or not manifest.addressed_to(own):
        report.waiting.append(
            keep(
                FileState.NEEDS_CONSENT,
                manifest,
                colleague_id=colleague_id,
                detail=status.state.value,
            )
        )
        return
    try:
        preview = plan_import(vault, path, cancel=cancel)
    except BundleRejected as exc:
        report.rejected.append(keep(FileState.REJECTED, manifest, detail=exc.code or ""))
        return
    except (FileProblem, OSError):
        return
    brings_a_case = on_trip and any(not vault.cases.exists(c) for c in manifest.cases)
    if preview.conflicts or not auto_import or brings_a_case:
        detail = "conflicts" if preview.conflicts else "travel" if brings_a_case else "review"
        report.waiting.append(
            keep(FileState.PENDING, manifest, colleague_id=colleague_id, detail=detail)
        )
        return
    try:
        result = _apply(vault, path, preview, consent=False, cancel=cancel)
    except BundleRejected as exc:
        report.rejected.append(keep(FileState.REJECTED, manifest, detail=exc.code or ""))
        return
    report.imported.append((entry.name, result))


def _apply(
    vault: Vault,
    path: Path,
    preview: ImportPreview,
    *,
    consent: bool,
    cancel: Cancel | None = None,
) -> ImportResult:
    with vault.transaction():
        result = apply_import(vault, preview, consent=consent, cancel=cancel)
        note_received(vault, preview, share_back=True)
        vault.exchange_files.remove(path.name)
    _remove(path)  # only once the import is committed
    return result


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # processed: its removal also tells the sender's engine


def note_imported(vault: Vault, preview: ImportPreview) -> None:
    """After the user imported `preview` by hand (the Imports page; call it once the import
    is committed): what the sender has, and, for a bundle that waited in the exchange
    folder, its removal from the folder."""
    folder = exchange_settings(vault).folder
    row = vault.exchange_files.find(preview.path.name)
    waited = folder is not None and row is not None and preview.path.parent == folder
    with vault.transaction():
        note_received(vault, preview, share_back=waited)
        if waited:
            vault.exchange_files.remove(preview.path.name)
    if waited:
        _remove(preview.path)


# -- Imports: the bundles that wait ---------------------------------------------------------


def waiting(vault: Vault) -> list[ExchangeFile]:
    """Bundles in the exchange folder waiting for the user: consent, or a review."""
    return vault.exchange_files.list(
        direction="in", states=(FileState.NEEDS_CONSENT, FileState.PENDING, FileState.REJECTED)
    )


def _waiting_file(vault: Vault, name: str) -> tuple[ExchangeFile, Path]:
    row = vault.exchange_files.get(name)
    if row.direction != "in" or row.state in (FileState.NOT_FOR_US, FileState.OWN):
        raise NotFound(
            "No bundle {name} in the exchange folder", code="no_exchange_bundle", name=name
        )
    return row, _folder(vault) / row.name


def preview_waiting(vault: Vault, name: str) -> ImportPreview:
    """Verify a waiting bundle whole and say what importing it would do. For a sender who
    is not a verified colleague this reads past the header: call it when the user asked."""
    _row, path = _waiting_file(vault, name)
    return plan_import(vault, path)


def import_waiting(vault: Vault, name: str, *, consent: bool = False) -> ImportResult:
    """Import a bundle that waits in Imports; `consent` accepts a sender who is not a
    verified colleague (or a bundle not signed for this vault), as `bundle import` does."""
    row, path = _waiting_file(vault, name)
    if row.state is FileState.NEEDS_CONSENT and not consent:
        # Refused before anything past the header is decrypted.
        raise InvalidInput(
            "The sender is not a verified colleague or the bundle was not sent to you; check "
            "the fingerprint, then accept it. Nothing was changed.",
            "consent",
            code="exchange_import_needs_consent",
        )
    preview = plan_import(vault, path)
    if preview.needs_consent and not consent:
        raise InvalidInput(
            "The sender is not a verified colleague or the bundle was not sent to you; check "
            "the fingerprint, then accept it. Nothing was changed.",
            "consent",
            code="exchange_import_needs_consent",
        )
    return _apply(vault, path, preview, consent=consent)


def dismiss(vault: Vault, name: str) -> None:
    """Remove a waiting bundle from the folder without importing it."""
    _row, path = _waiting_file(vault, name)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    vault.exchange_files.remove(name)
