"""The vault at rest: one folder, its files, and the unlocked `Vault` that owns them.

    vault.db    SQLCipher 4 database, keyed with a raw random 256-bit master key
    keyslots    the master key wrapped LUKS-style (satchel.crypto.keyslots), 704 bytes always
    aux.db      always present, always the same size: random filler, or the duress decoy
                (a second SQLCipher database with its own key) when a duress passphrase is set
    vault.lock  the single-instance lock, never written to

Nobody can tell from these files whether a duress passphrase or decoy exists: the keyslots
file has a fixed shape, and aux.db is either random bytes or a database that looks like
random bytes, of one fixed size at rest.

Rules this module keeps:
- Nothing is written before a keyslot has opened: a wrong passphrase changes no byte.
- The passphrase never keys the database; the master key lives in a SecretBytes that
  `close()` overwrites.
- Files are replaced atomically (temp file in the same folder, fsync, rename, fsync folder)
  so a crash leaves the old or the new version, never half of one.
- It never writes case data anywhere but inside the encrypted databases.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import uuid
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlite

from satchel.core import schema
from satchel.core.connection import SerializedConnection
from satchel.core.database import Database
from satchel.core.lockfile import LOCK_NAME, VaultLock
from satchel.crypto.kdf import KdfParams, params_for_new_vault
from satchel.crypto.keyslots import (
    SLOT_COUNT,
    Keyslots,
    OpenedSlot,
    SlotContent,
    SlotKind,
    SlotMap,
    SlotRole,
    is_recovery_code,
    new_recovery_code,
    random_free_slot,
    secret_input,
)
from satchel.crypto.secret import SecretBytes, wipe_buffer
from satchel.errors import (
    DiskFull,
    InvalidInput,
    SatchelError,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)

if TYPE_CHECKING:
    from satchel.core.audit import AuditLog
    from satchel.core.cases import CaseStore
    from satchel.core.colleagues import ColleagueStore
    from satchel.core.events import EventStore
    from satchel.core.notes import NoteStore
    from satchel.core.people import PersonStore
    from satchel.core.roles import RoleStore
    from satchel.core.settings import Settings

__all__ = [
    "AUX_NAME",
    "AUX_SIZE",
    "DB_NAME",
    "KEYSLOTS_NAME",
    "DecoyFiller",
    "DuressMode",
    "Vault",
    "wipe_vault",
]

DB_NAME = "vault.db"
AUX_NAME = "aux.db"
KEYSLOTS_NAME = "keyslots"

PAGE_SIZE = 4096
"""SQLCipher 4's default page size, set explicitly so the decoy size is exact."""

AUX_PAGES = 1024
AUX_SIZE = AUX_PAGES * PAGE_SIZE
"""aux.db at rest: 4 MiB, whether filler or decoy (a fresh decoy is padded to exactly this)."""

_TEMP_PREFIX = ".satchel-tmp-"
_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
_HEADER_OVERWRITE = 64 * 1024

DecoyFiller = Callable[["Vault"], None]
"""Fills a freshly created decoy vault with plausible, harmless content."""


class DuressMode(StrEnum):
    """What the duress passphrase does."""

    DECOY = "decoy"
    """Open the decoy vault; the real one stays intact."""
    WIPE = "wipe"
    """Crypto-erase the real vault first, then open the decoy (which then is the vault)."""


_ROLE_FOR_MODE = {DuressMode.DECOY: SlotRole.DURESS_DECOY, DuressMode.WIPE: SlotRole.DURESS_WIPE}


class Vault:
    """An unlocked vault: the open database, its master key and the folder lock.

    Get one from `Vault.create` or `Vault.unlock`; `close()` ends it. A vault opened with
    the duress passphrase is the decoy and behaves like any other vault.
    """

    def __init__(
        self,
        *,
        folder: Path,
        vault_id: bytes,
        key: SecretBytes,
        db_file: Path,
        lock: VaultLock | None,
        create: bool = False,
    ) -> None:
        """Open `db_file` with `key`, taking ownership of both `key` and `lock`.

        `create` allows `db_file` not to exist yet; otherwise a missing or empty database
        is damage, never a reason to start a new one.
        """
        self._folder = folder
        self._vault_id = str(uuid.UUID(bytes=vault_id))
        self._key = key
        self._db_file = db_file
        self._lock = lock
        self._closed = False
        try:
            # Every call into the driver takes its turn: the GUI thread and a background
            # export or import share this connection (see core/connection.py).
            self._conn = SerializedConnection(_connect(db_file, key, create=create))
            try:
                with _database_errors(db_file):
                    if not create and schema.current_version(self._conn) == 0:
                        # Every vault gets its schema when it is created; an empty one
                        # here was truncated or replaced, and migrating would hide that.
                        raise _damaged_db(db_file, "it holds no tables")
                    schema.migrate(self._conn, self._backup_before_migration)
                self._db = Database(self._conn, self._vault_id)
            except BaseException:
                self._conn.close()
                raise
        except BaseException:
            key.wipe()
            raise

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], passphrase: str, *, kdf_params: KdfParams | None = None
    ) -> tuple[Vault, str]:
        """A new, unlocked vault in `path`, and its recovery code (shown once, never stored)."""
        folder = Path(path)
        _check_new_passphrase(passphrase)
        _refuse_existing_vault(folder)
        with _disk_errors():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = VaultLock.acquire(folder)
        try:
            # Again under the lock: another process may have created a vault here since
            # the first check, and the clean-up below would otherwise remove its files.
            _refuse_existing_vault(folder)
        except BaseException:
            lock.release()
            raise
        key = SecretBytes.random(32)
        vault: Vault | None = None
        try:
            params = kdf_params or params_for_new_vault()
            vault_id = uuid.uuid4().bytes
            keyslots = Keyslots.fresh(vault_id, params)
            code = new_recovery_code()
            p = random_free_slot(set())
            r = random_free_slot({p})
            slot_map = SlotMap(passphrase=p, recovery=r)
            with _kek(keyslots, passphrase) as kek_p, _kek(keyslots, code) as kek_r:
                keyslots = keyslots.seal(
                    p, kek_p, SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, key, slot_map)
                ).seal(r, kek_r, SlotContent(SlotRole.NORMAL, SlotKind.RECOVERY, key, slot_map))
            with _disk_errors():
                _write_random_file(folder / AUX_NAME, AUX_SIZE)
            vault = cls(
                folder=folder,
                vault_id=vault_id,
                key=key,
                db_file=folder / DB_NAME,
                lock=lock,
                create=True,
            )
            # Every vault gets its identity (age and signing keys) at creation, so a
            # colleague can be sent a card at once; the name can be changed later.
            from satchel.core.identities import IdentityStore

            IdentityStore(vault.db).get()
            # The keyslots file goes last: until it exists there is no vault here.
            with _disk_errors():
                _write_atomically(folder / KEYSLOTS_NAME, keyslots.to_bytes())
        except BaseException:
            key.wipe()
            if vault is not None:
                vault.close()
            # Leave the folder as it was, so that trying again (after freeing disk space,
            # say) is not refused as "a vault already exists". Still holding the lock:
            # vault.lock is removed too, and a process that took the lock in between would
            # hold it on a file that no longer guards the folder.
            try:
                _discard_partial_vault(folder)
            finally:
                lock.release()
            raise
        return vault, code

    @classmethod
    def unlock(cls, path: str | os.PathLike[str], secret: str) -> Vault:
        """Open the vault at `path` with its passphrase or recovery code.

        Raises VaultNotFound, VaultInUse, VaultDamaged or WrongPassphrase. A duress
        passphrase opens the decoy (after crypto-erasing the real vault if it was set to).
        """
        folder = Path(path)
        if not (folder / KEYSLOTS_NAME).is_file():
            raise VaultNotFound(
                "No vault at {folder}: the folder or its keyslots file does not exist.",
                code="no_vault_folder_keyslots_file",
                folder=folder,
            )
        lock = VaultLock.acquire(folder)
        try:
            keyslots = _read_keyslots(folder)
            with _kek(keyslots, secret) as kek:
                opened = keyslots.open(kek)
                if opened is None:
                    raise WrongPassphrase()
                db_name = DB_NAME
                try:
                    # A slot opened: from here on writing is allowed (never before).
                    _sweep_temp_files(folder)
                    if opened.content.role is SlotRole.NORMAL:
                        if not (folder / AUX_NAME).exists():
                            # aux.db belongs to the fixed shape of every vault folder.
                            with _disk_errors():
                                _write_random_file(folder / AUX_NAME, AUX_SIZE)
                    elif opened.content.role is SlotRole.DURESS_WIPE:
                        _erase_behind_decoy(folder, keyslots, opened, kek)
                    elif opened.content.role is SlotRole.DURESS_DECOY:
                        if (folder / AUX_NAME).exists():
                            db_name = AUX_NAME
                        elif _opens_with(folder / DB_NAME, opened.content.key):
                            # An erase interrupted after the decoy moved into place
                            # leaves a decoy slot, no aux.db and the decoy in vault.db:
                            # finish that erase.
                            _finish_erase(folder, keyslots, opened, kek)
                        else:
                            # vault.db is still the real vault (decoy mode, aux.db lost
                            # some other way): erasing its slots would destroy it.
                            raise (_damaged_db(folder / AUX_NAME, "the file is missing"))
                except BaseException:
                    opened.content.key.wipe()
                    raise
            return cls(
                folder=folder,
                vault_id=keyslots.vault_id,
                key=opened.content.key,
                db_file=folder / db_name,
                lock=lock,
            )
        except BaseException:
            lock.release()
            raise

    # -- the open vault --------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._folder

    @property
    def vault_id(self) -> str:
        """This vault's UUID: the `origin_vault` of every record it creates."""
        return self._vault_id

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def connection(self) -> sqlite.Connection:
        self._require_open()
        return self._conn

    @property
    def db(self) -> Database:
        self._require_open()
        return self._db

    @property
    def cases(self) -> CaseStore:
        return self.db.cases

    @property
    def people(self) -> PersonStore:
        return self.db.people

    @property
    def roles(self) -> RoleStore:
        return self.db.roles

    @property
    def events(self) -> EventStore:
        return self.db.events

    @property
    def documents(self) -> Any:
        return self.db.documents

    @property
    def notes(self) -> NoteStore:
        return self.db.notes

    @property
    def colleagues(self) -> ColleagueStore:
        return self.db.colleagues

    @property
    def audit(self) -> AuditLog:
        return self.db.audit

    @property
    def search(self) -> Any:
        return self.db.search

    @property
    def settings(self) -> Settings:
        return self.db.settings

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One SQL transaction; nested calls are savepoints."""
        with self.db.transaction():
            yield

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """One transaction for mass writes, with search updates deferred to its end."""
        with self.db.bulk():
            yield

    def check_integrity(self) -> list[str]:
        """Every page's HMAC and SQLite's structure checks; an empty list means healthy.

        Unlock checks only what it reads, to stay fast on a large vault; this reads all.
        """
        conn = self.connection
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        try:
            problems += [str(r[0]) for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        except sqlite.DatabaseError as exc:
            # A page that fails its HMAC cannot be read at all, so the check itself fails.
            problems.append(str(exc))
        return problems

    def close(self) -> None:
        """Close the database, overwrite the master key, release the lock. Idempotent."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._conn.in_transaction:
                self._conn.rollback()
            self._conn.close()
        finally:
            self._key.wipe()
            if self._lock is not None:
                self._lock.release()

    def wipe(self) -> None:
        """Panic wipe: close, then crypto-erase the whole vault folder."""
        self.close()
        wipe_vault(self._folder)

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Vault {self._folder} {state}>"

    # -- secrets: passphrase, recovery code, duress ----------------------------------------

    def change_passphrase(self, current: str, new: str) -> None:
        """Rewrap the passphrase slot for `new`; the database is not re-encrypted.

        `current` may be the passphrase or, when it was forgotten, the recovery code. The
        recovery slot never knows about a duress slot set after it, so a reset through the
        recovery code also removes any duress passphrase (and turns aux.db back to filler)
        rather than leave a slot behind that nobody can manage.
        """
        _check_new_passphrase(new)
        with self._authenticate(current) as (keyslots, opened, _kek_current):
            content = opened.content
            if content.kind is SlotKind.RECOVERY:
                target = content.slot_map.passphrase
                if target is None:
                    raise VaultDamaged(
                        "The recovery slot does not name a passphrase slot.",
                        code="recovery_slot_does_not_name",
                    )
                slot_map = SlotMap(passphrase=target, recovery=opened.index)
                keep = {target, opened.index}
                keyslots = keyslots.with_filler(*(i for i in range(SLOT_COUNT) if i not in keep))
                drop_decoy = True
            else:
                target, slot_map, drop_decoy = opened.index, content.slot_map, False
            with _kek(keyslots, new) as kek_new:
                _refuse_if_opens_other_slot(keyslots, kek_new, target)
                keyslots = keyslots.seal(
                    target,
                    kek_new,
                    SlotContent(content.role, SlotKind.PASSPHRASE, self._key, slot_map),
                )
            self._write_keyslots(keyslots)
            if drop_decoy:
                with _disk_errors():
                    _write_random_file(self._folder / AUX_NAME, AUX_SIZE)

    def regenerate_recovery_code(self, current_passphrase: str) -> str:
        """A new recovery code (returned once, never stored); the old one stops working."""
        with self._authenticate_owner(current_passphrase) as (keyslots, opened, kek_p):
            slot_map = opened.content.slot_map
            r = slot_map.recovery
            if r is None:
                r = random_free_slot(slot_map.used() | {opened.index})
            new_map = SlotMap(passphrase=opened.index, recovery=r, duress=slot_map.duress)
            code = new_recovery_code()
            with _kek(keyslots, code) as kek_r:
                keyslots = keyslots.seal(
                    r,
                    kek_r,
                    SlotContent(
                        SlotRole.NORMAL,
                        SlotKind.RECOVERY,
                        self._key,
                        SlotMap(passphrase=opened.index, recovery=r),
                    ),
                )
            keyslots = keyslots.seal(
                opened.index,
                kek_p,
                SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, self._key, new_map),
            )
            self._write_keyslots(keyslots)
        return code

    def set_duress(
        self,
        current_passphrase: str,
        duress_passphrase: str,
        mode: DuressMode,
        decoy_filler: DecoyFiller | None,
    ) -> None:
        """Set (or replace) the duress passphrase and build a fresh decoy vault in aux.db."""
        _check_new_passphrase(duress_passphrase)
        mode = DuressMode(mode)
        with self._authenticate_owner(current_passphrase) as (keyslots, opened, kek_p):
            slot_map = opened.content.slot_map
            d = slot_map.duress
            if d is None:
                d = random_free_slot(slot_map.used() | {opened.index})
            with _kek(keyslots, duress_passphrase) as kek_d:
                _refuse_if_opens_other_slot(keyslots, kek_d, d)
                decoy_key, decoy_file = _build_decoy(self._folder, keyslots.vault_id, decoy_filler)
                try:
                    keyslots = keyslots.seal(
                        d,
                        kek_d,
                        SlotContent(
                            _ROLE_FOR_MODE[mode],
                            SlotKind.PASSPHRASE,
                            decoy_key,
                            SlotMap(passphrase=d),
                        ),
                    )
                    keyslots = keyslots.seal(
                        opened.index,
                        kek_p,
                        SlotContent(
                            SlotRole.NORMAL,
                            SlotKind.PASSPHRASE,
                            self._key,
                            SlotMap(opened.index, slot_map.recovery, d),
                        ),
                    )
                    # The decoy goes in first: a crash before the keyslots are written
                    # leaves a database no slot opens, which is exactly what filler is.
                    with _disk_errors():
                        os.replace(decoy_file, self._folder / AUX_NAME)
                        _fsync_dir(self._folder)
                finally:
                    decoy_key.wipe()
                    _remove_quietly(decoy_file)
            self._write_keyslots(keyslots)

    def clear_duress(self, current_passphrase: str) -> None:
        """Remove the duress passphrase; aux.db goes back to random filler."""
        with self._authenticate_owner(current_passphrase) as (keyslots, opened, kek_p):
            slot_map = opened.content.slot_map
            if slot_map.duress is not None:
                keyslots = keyslots.with_filler(slot_map.duress).seal(
                    opened.index,
                    kek_p,
                    SlotContent(
                        SlotRole.NORMAL,
                        SlotKind.PASSPHRASE,
                        self._key,
                        SlotMap(opened.index, slot_map.recovery, None),
                    ),
                )
                self._write_keyslots(keyslots)
            with _disk_errors():
                _write_random_file(self._folder / AUX_NAME, AUX_SIZE)

    def has_duress(self, current_passphrase: str) -> bool:
        """Whether a duress passphrase is set; only the real passphrase can ask."""
        with self._authenticate(current_passphrase) as (_keyslots, opened, _kek):
            if opened.content.kind is not SlotKind.PASSPHRASE:
                raise WrongPassphrase(
                    "Enter the passphrase, not the recovery code. Nothing was changed.",
                    code="enter_passphrase_not_recovery_code",
                )
            # A decoy session answers like a vault that never had a duress passphrase.
            if opened.content.role is not SlotRole.NORMAL:
                return False
            return opened.content.slot_map.duress is not None

    # -- internals -------------------------------------------------------------------------

    def _require_open(self) -> None:
        if self._closed:
            raise VaultLocked(
                "The vault is locked. Unlock it to continue.", code="vault_locked_unlock_continue"
            )

    @contextlib.contextmanager
    def _authenticate(self, secret: str) -> Iterator[tuple[Keyslots, OpenedSlot, SecretBytes]]:
        """Re-read the keyslots and open the slot `secret` belongs to, for this vault's key.

        Every change to the secrets asks for the current one again: an unlocked laptop left
        for a minute must not be enough to change the passphrase or plant a duress slot.
        """
        self._require_open()
        keyslots = _read_keyslots(self._folder)
        with _kek(keyslots, secret) as kek:
            opened = keyslots.open(kek)
            if opened is None:
                raise WrongPassphrase()
            try:
                # The duress passphrase opens a slot too, but not for this database.
                if not opened.content.key.equals(self._key):
                    raise WrongPassphrase()
                yield keyslots, opened, kek
            finally:
                opened.content.key.wipe()

    @contextlib.contextmanager
    def _authenticate_owner(
        self, passphrase: str
    ) -> Iterator[tuple[Keyslots, OpenedSlot, SecretBytes]]:
        """As `_authenticate`, for changes that need the real vault's passphrase slot."""
        with self._authenticate(passphrase) as (keyslots, opened, kek):
            if opened.content.kind is not SlotKind.PASSPHRASE:
                raise WrongPassphrase(
                    "Enter the passphrase, not the recovery code. Nothing was changed.",
                    code="enter_passphrase_not_recovery_code",
                )
            if opened.content.role is not SlotRole.NORMAL:
                # The decoy cannot see the real vault's slots, so it could overwrite them.
                raise SatchelError(
                    "This setting cannot be changed for this vault.",
                    code="setting_cannot_changed_vault",
                )
            yield keyslots, opened, kek

    def _write_keyslots(self, keyslots: Keyslots) -> None:
        with _disk_errors():
            _replace_then_erase_old(self._folder / KEYSLOTS_NAME, keyslots.to_bytes())

    def _backup_before_migration(self, version: int) -> None:
        """Copy both databases to `<name>.bak-v<version>` before a schema migration.

        The copies stay encrypted. The other database is copied too so that the set of
        files looks the same whichever of the two was migrated; an existing copy is kept,
        because it is the older and therefore the one worth having.
        """
        with _disk_errors():
            for name in (DB_NAME, AUX_NAME):
                source = self._folder / name
                target = self._folder / f"{name}.bak-v{version}"
                if source.exists() and not target.exists():
                    _copy_atomically(source, target)


# -- the database connection --------------------------------------------------------------


def _connect(db_file: Path, key: SecretBytes, *, create: bool) -> sqlite.Connection:
    """Open and key `db_file`; VaultDamaged if it is missing, empty or the key fails."""
    if not create:
        try:
            size = db_file.stat().st_size
        except FileNotFoundError:
            raise _damaged_db(db_file, "the file is missing") from None
        if size == 0:
            # SQLite would happily treat an empty file as a new, empty database.
            raise _damaged_db(db_file, "the file is empty")
    else:
        # Owner-only from the first byte; SQLite gives its journal the database's mode.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # check_same_thread off: the GUI runs long work in worker threads and serialises access
    # itself; SQLite is built thread-safe.
    conn = sqlite.connect(str(db_file), isolation_level=None, check_same_thread=False)
    try:
        # The key must be the first statement. SQLite cannot bind parameters in a PRAGMA,
        # so the hex text exists briefly as an immutable str (see crypto/secret.py).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # SQLCipher logs to stderr by default; Satchel reports failures itself, as one line.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # SQLCipher's memory security (zeroing and mlock()ing every buffer it frees) stays
        # OFF: measured here it made bulk loads ~5x and FTS searches 4-7x slower, far past
        # the 1.5x budget for encryption, while the plaintext it would guard also lives in
        # Python strings and Qt widgets that nothing can wipe. Memory of an unlocked session
        # is outside the threat model (docs/threat-model.md); the master key itself is in a
        # SecretBytes buffer that is overwritten on close.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        # Reading the schema is what makes SQLCipher decrypt and authenticate page 1.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        # Temp tables and sort spills stay in memory, never in an unencrypted temp file.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        # Rollback journal, not WAL: SQLCipher encrypts both, but WAL keeps -wal and -shm
        # files beside the open database for the whole session, which would show which of
        # vault.db and aux.db is in use; a rollback journal exists only during a write.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        # Freed pages are overwritten (inside the encryption), so deleted records do not
        # linger in the file for whoever later learns the key.
        conn.execute("PRAGMA secure_delete = ON")
    except sqlite.DatabaseError as exc:
        conn.close()
        raise _damaged_db(db_file, str(exc)) from None
    return conn


def _opens_with(db_file: Path, key: SecretBytes) -> bool:
    """Whether `key` opens `db_file` (read only: keying and reading page 1 write nothing)."""
    try:
        conn = _connect(db_file, key, create=False)
    except VaultDamaged:
        return False
    conn.close()
    return True


def _damaged_db(db_file: Path, reason: str) -> VaultDamaged:
    return VaultDamaged(
        "The database file {name} in {folder} is damaged and cannot be opened ({reason}). "
        "Restore the vault folder from a backup.",
        code="database_file_damaged",
        name=db_file.name,
        folder=db_file.parent,
        reason=reason,
    )


@contextlib.contextmanager
def _database_errors(db_file: Path) -> Iterator[None]:
    """Map SQLite's full-disk and corruption errors to what a user can act on."""
    try:
        yield
    except sqlite.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull(
                "The disk is full; the vault was not changed. Free some space and try again.",
                code="disk_full_vault_not_changed",
            ) from exc
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise _damaged_db(db_file, str(exc)) from None
        raise


def _build_decoy(
    folder: Path, vault_id: bytes, decoy_filler: DecoyFiller | None
) -> tuple[SecretBytes, Path]:
    """A new decoy database under a temporary name, filled and padded to AUX_SIZE.

    Returns its key (owned by the caller) and its file, which the caller moves into place.
    """
    key = SecretBytes.random(32)
    temp = folder / f"{_TEMP_PREFIX}{secrets.token_hex(8)}"
    try:
        decoy = Vault(
            folder=folder, vault_id=vault_id, key=key.copy(), db_file=temp, lock=None, create=True
        )
        try:
            if decoy_filler is not None:
                decoy_filler(decoy)
            _pad_database(decoy.connection, AUX_PAGES)
        finally:
            decoy.close()
        size = temp.stat().st_size
        if size != AUX_SIZE:
            raise RuntimeError(f"the decoy database is {size} bytes, not {AUX_SIZE}")
    except BaseException:
        key.wipe()
        _remove_quietly(temp)
        raise
    return key, temp


def _pad_database(conn: sqlite.Connection, pages: int) -> None:
    """Grow the database to exactly `pages` pages, then free the padding.

    Freed pages stay in the file (no auto-vacuum) and are zeroed inside the encryption by
    secure_delete, so the decoy has the same size as filler and leaks nothing.
    """
    count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    if count > pages:
        raise RuntimeError(f"the decoy content needs {count} pages, more than {pages}")
    conn.execute(f"PRAGMA max_page_count = {int(pages)}")
    conn.execute("CREATE TABLE satchel_padding (fill BLOB NOT NULL)")
    chunk = PAGE_SIZE * 64
    try:
        while count < pages and chunk >= 1:
            try:
                conn.execute("INSERT INTO satchel_padding (fill) VALUES (zeroblob(?))", (chunk,))
            except sqlite.OperationalError as exc:
                if "full" not in str(exc).lower():
                    raise
                # Hit the page limit: try a smaller piece to fill the last pages exactly.
                chunk //= 2
            count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.execute("DROP TABLE satchel_padding")
    if count != pages:
        raise RuntimeError(f"could not pad the decoy to {pages} pages (reached {count})")


# -- keyslot helpers ----------------------------------------------------------------------


@contextlib.contextmanager
def _kek(keyslots: Keyslots, text: str) -> Iterator[SecretBytes]:
    """The key-encryption key for a typed secret, wiped when the block ends."""
    material = secret_input(text)
    try:
        kek = keyslots.derive_kek(material)
    finally:
        wipe_buffer(material)
    with kek:
        yield kek


def _refuse_if_opens_other_slot(keyslots: Keyslots, kek: SecretBytes, target: int) -> None:
    """A new secret must not already open another slot (unlock would pick either one)."""
    other = keyslots.open(kek)
    if other is None:
        return
    other.content.key.wipe()
    if other.index != target:
        raise InvalidInput(
            "Choose a different passphrase: this one is already in use for this vault.",
            field="passphrase",
            code="choose_different_passphrase_one_already",
        )


def _refuse_existing_vault(folder: Path) -> None:
    if any((folder / name).exists() for name in (KEYSLOTS_NAME, DB_NAME, AUX_NAME)):
        raise VaultExists(
            "There is already a vault at {folder}. Choose another folder; nothing was changed.",
            code="there_already_vault_choose_another",
            folder=folder,
        )


def _check_new_passphrase(passphrase: str) -> None:
    if not passphrase or not passphrase.strip():
        raise InvalidInput(
            "The passphrase cannot be empty.", field="passphrase", code="passphrase_cannot_empty"
        )
    if is_recovery_code(passphrase):
        # Unlock reads such text as a recovery code, so it could never be a passphrase.
        raise InvalidInput(
            "Choose a passphrase that does not look like a recovery code.",
            field="passphrase",
            code="choose_passphrase_does_not_look",
        )


def _read_keyslots(folder: Path) -> Keyslots:
    path = folder / KEYSLOTS_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultNotFound(
            "No vault at {folder}: its keyslots file does not exist.",
            code="no_vault_keyslots_file_does",
            folder=folder,
        ) from None
    return Keyslots.parse(data)


def _erase_behind_decoy(
    folder: Path, keyslots: Keyslots, opened: OpenedSlot, kek: SecretBytes
) -> None:
    """Duress wipe: crypto-erase the real vault and make the decoy the vault.

    Steps, each safe to interrupt:
    1. keyslots := only the duress slot, now a plain decoy slot; the old file is first
       overwritten in place. From here the real master key exists nowhere on disk.
    2. vault.db and its journal and backups are overwritten at the head and removed.
    3. aux.db (the decoy) is renamed to vault.db.
    4. the slot becomes a normal passphrase slot and aux.db becomes fresh filler.
    After this the folder is an ordinary vault with one passphrase: nothing shows that a
    wipe happened. An interruption after step 3 is finished by the next unlock
    (`_finish_erase`); one before it leaves the real vault already erased and the duress
    passphrase opening the decoy from aux.db.
    """
    index, decoy_key = opened.index, opened.content.key
    decoy_only = keyslots.only(index).seal(
        index,
        kek,
        SlotContent(SlotRole.DURESS_DECOY, SlotKind.PASSPHRASE, decoy_key, SlotMap(index)),
    )
    with _disk_errors():
        _replace_erasing_old(folder / KEYSLOTS_NAME, decoy_only.to_bytes())
        for path in _database_files(folder, DB_NAME):
            _overwrite_and_unlink(path)
        _fsync_dir(folder)
        for path in _database_files(folder, AUX_NAME):
            if path.name != AUX_NAME:
                _overwrite_and_unlink(path)
        os.replace(folder / AUX_NAME, folder / DB_NAME)
        _fsync_dir(folder)
    _finish_erase(folder, decoy_only, opened, kek)


def _finish_erase(folder: Path, keyslots: Keyslots, opened: OpenedSlot, kek: SecretBytes) -> None:
    index = opened.index
    final = keyslots.only(index).seal(
        index,
        kek,
        SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, opened.content.key, SlotMap(index)),
    )
    with _disk_errors():
        # The replaced file marks the slot as a decoy: left in free blocks, it would show
        # whoever holds the duress passphrase that a wipe happened.
        _replace_then_erase_old(folder / KEYSLOTS_NAME, final.to_bytes())
        _write_random_file(folder / AUX_NAME, AUX_SIZE)


# -- crypto-erase -------------------------------------------------------------------------


def wipe_vault(path: str | os.PathLike[str]) -> None:
    """Crypto-erase the vault at `path` and remove its files.

    The keyslots file is overwritten in place with random bytes and synced before it is
    removed: without it the databases are random noise, even if the disk keeps old blocks
    of them. The database heads are overwritten too (best effort; a copy-on-write or
    flash-translating disk may keep old blocks, which is why the keyslots go first).
    Works on a vault another process holds open: a panic wipe must never be refused.
    """
    folder = Path(path)
    if not folder.is_dir() or not (
        (folder / KEYSLOTS_NAME).exists() or (folder / DB_NAME).exists()
    ):
        raise VaultNotFound(
            "No vault at {folder}: nothing to wipe.", code="no_vault_nothing_wipe", folder=folder
        )
    with _disk_errors():
        keyslots = folder / KEYSLOTS_NAME
        if keyslots.exists():
            _overwrite_and_unlink(keyslots, whole=True)
        _fsync_dir(folder)
        for name in (DB_NAME, AUX_NAME):
            for file in _database_files(folder, name):
                _overwrite_and_unlink(file)
        for stray in folder.glob(f"{_TEMP_PREFIX}*"):
            _overwrite_and_unlink(stray, whole=True)
        _remove_quietly(folder / LOCK_NAME)
        _fsync_dir(folder)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if empty: never remove files Satchel did not write


def _sweep_temp_files(folder: Path) -> None:
    """Erase temp files an interrupted write left behind (we hold the lock: none is live).

    One may be a keyslots file that never replaced the real one, or a half-built decoy;
    left lying there it would say that something was being changed.
    """
    with _disk_errors():
        for stray in folder.glob(f"{_TEMP_PREFIX}*"):
            _overwrite_and_unlink(stray, whole=True)


def _discard_partial_vault(folder: Path) -> None:
    """Remove what a failed `Vault.create` wrote; it checked none of it existed before."""
    for name in (DB_NAME, AUX_NAME):
        for path in _database_files(folder, name):
            _remove_quietly(path)
    for stray in folder.glob(f"{_TEMP_PREFIX}*"):
        _remove_quietly(stray)
    # The caller still holds the lock; Windows refuses to remove an open file, and a
    # leftover vault.lock is harmless there.
    with contextlib.suppress(OSError):
        (folder / LOCK_NAME).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _database_files(folder: Path, name: str) -> list[Path]:
    """A database and everything SQLite or Satchel keeps beside it."""
    candidates = [folder / name, *(folder / f"{name}{suffix}" for suffix in _SIDE_SUFFIXES)]
    candidates += sorted(folder.glob(f"{name}.bak-v*"))
    return [path for path in candidates if path.exists()]


# -- files --------------------------------------------------------------------------------


@contextlib.contextmanager
def _disk_errors() -> Iterator[None]:
    """Report a full disk as DiskFull; other OS errors pass through unchanged."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise DiskFull(
                "The disk is full; the vault was not changed. Free some space and try again.",
                code="disk_full_vault_not_changed",
            ) from exc
        raise


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: temp file, fsync, rename, fsync the folder."""
    temp = path.with_name(f"{_TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(path.parent)


def _copy_atomically(source: Path, target: Path) -> None:
    """Copy a file (streamed: a vault with documents can be gigabytes) and make it durable."""
    temp = target.with_name(f"{_TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with open(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(target.parent)


def _write_random_file(path: Path, size: int) -> None:
    _write_atomically(path, secrets.token_bytes(size))


def _replace_erasing_old(path: Path, data: bytes) -> None:
    """As `_write_atomically`, but the old file's bytes are overwritten in place first."""
    temp = path.with_name(f"{_TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        _write_atomically(temp, data)
        if path.exists():
            _overwrite_even_read_only(path, whole=True)
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(path.parent)


def _replace_then_erase_old(path: Path, data: bytes) -> None:
    """As `_write_atomically`, then overwrite the replaced file's bytes where they lie.

    A rename alone leaves the old keyslots in free disk blocks, where the old passphrase
    (changed because it leaked) or the old recovery code would still unwrap the master key,
    and a later panic wipe would not reach them. The old bytes are overwritten only once
    the new file is durable, so a crash at any point leaves a keyslots file that opens; and
    only if no other name links to them (a hard-linked backup copy is the user's to keep).
    """
    old_fd: int | None = None
    if os.name != "nt":  # Windows refuses to rename over a file that is open
        flags = os.O_RDWR | getattr(os, "O_CLOEXEC", 0)
        with contextlib.suppress(FileNotFoundError):
            try:
                old_fd = os.open(path, flags)
            except PermissionError:
                # Read-only, as restored from a backup: still erase it. A file we cannot
                # make writable (not ours) is replaced all the same, just not erased.
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
                    old_fd = os.open(path, flags)
    try:
        _write_atomically(path, data)
        if old_fd is not None and os.fstat(old_fd).st_nlink == 0:
            size = os.fstat(old_fd).st_size
            view = memoryview(secrets.token_bytes(size))
            offset = 0
            while offset < size:
                offset += os.pwrite(old_fd, view[offset:], offset)
            os.fsync(old_fd)
    finally:
        if old_fd is not None:
            os.close(old_fd)


def _overwrite(path: Path, *, whole: bool = False) -> None:
    """Overwrite a file's head (or all of it) with random bytes and sync, in place."""
    size = path.stat().st_size
    length = size if whole else min(size, _HEADER_OVERWRITE)
    with open(path, "r+b", buffering=0) as fh:
        fh.write(secrets.token_bytes(length))
        os.fsync(fh.fileno())


def _overwrite_even_read_only(path: Path, *, whole: bool = False) -> None:
    """`_overwrite`, making a read-only file writable first.

    A file restored read-only from a backup can still be removed or renamed over, which
    would leave its bytes on the disk; it must be overwritten all the same.
    """
    try:
        _overwrite(path, whole=whole)
    except PermissionError:
        os.chmod(path, 0o600)
        _overwrite(path, whole=whole)


def _overwrite_and_unlink(path: Path, *, whole: bool = False) -> None:
    try:
        _overwrite_even_read_only(path, whole=whole)
    except FileNotFoundError:
        return
    except PermissionError:
        pass  # e.g. a file Windows keeps open; removing it still matters
    path.unlink(missing_ok=True)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open a folder for fsync, and needs not."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
