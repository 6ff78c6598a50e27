"""Vault, the entry point: create, unlock, close, the stores, and changes to its secrets.

The folder's files are described in core/folder.py; the steps are each in a module of
their own: opening the keyed database (core/sqlcipher.py), the single-instance lock
(core/lockfile.py), the keyslots file (core/slots.py, satchel.crypto.keyslots), duress
(core/duress.py), crypto-erase (core/erase.py) and atomic writes (core/atomic.py).

Rules this module keeps:
- Nothing is written before a keyslot has opened: a wrong passphrase changes no byte.
- The passphrase never keys the database; the master key lives in a SecretBytes that
  `close()` overwrites.
- Every file is replaced atomically (core/atomic.py), so a crash leaves the old or the new
  version, never half of one.
- It never writes case data anywhere but inside the encrypted databases.

The module is long because it is the only holder of the master key: every operation that
needs the key (secrets, duress, the decoy's key, read-only media) is a method here, and
each step it takes is delegated to the modules above.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from satchel.core import schema
from satchel.core.atomic import (
    TEMP_PREFIX,
    copy_atomically,
    disk_errors,
    fsync_dir,
    remove_quietly,
    replace_then_erase_old,
    write_atomically,
    write_random_file,
)
from satchel.core.audit import AuditLog
from satchel.core.cases import CaseStore
from satchel.core.colleagues import ColleagueStore
from satchel.core.conflicts import ConflictStore
from satchel.core.connection import SerializedConnection
from satchel.core.database import Database
from satchel.core.deletion import Trash
from satchel.core.documents import DocumentStore
from satchel.core.duress import (
    DECOY_SETTING,
    ROLE_FOR_MODE,
    DuressMode,
    after_session,
    erase_behind_decoy,
    finish_erase,
    pad_database,
    renew_aux,
)
from satchel.core.duress import decoy_key as derive_decoy_key
from satchel.core.erase import discard_partial_vault, sweep_temp_files, wipe_vault
from satchel.core.events import EventStore
from satchel.core.exchange_files import ExchangeFileStore
from satchel.core.folder import AUX_NAME, AUX_PAGES, AUX_SIZE, DB_NAME, KEYSLOTS_NAME, PAGE_SIZE
from satchel.core.identities import IdentityStore
from satchel.core.lockfile import VaultLock
from satchel.core.media import lock_unless_read_only, mtime_ns, read_only_database
from satchel.core.notes import NoteStore
from satchel.core.people import PersonStore
from satchel.core.rekey import NEXT_SUFFIX
from satchel.core.rekey import erase as erase_rewritten
from satchel.core.rekey import promote as promote_rewrite
from satchel.core.rekey import settle as settle_rewrite
from satchel.core.roles import RoleStore
from satchel.core.search import SearchIndex
from satchel.core.settings import Settings
from satchel.core.shares import ShareStore
from satchel.core.slots import (
    check_new_passphrase,
    kek_for,
    read_keyslots,
    refuse_existing_vault,
    refuse_if_opens_other_slot,
)
from satchel.core.sqlcipher import (
    connect,
    damaged_db,
    database_errors,
    key_attached,
    opens_with,
)
from satchel.core.sqlcipher import rekey as rekey_database
from satchel.crypto.kdf import KdfParams, params_for_new_vault
from satchel.crypto.keyslots import (
    SLOT_COUNT,
    Keyslots,
    OpenedSlot,
    SlotContent,
    SlotKind,
    SlotMap,
    SlotRole,
    TypedSecret,
    new_recovery_code,
    random_free_slot,
)
from satchel.crypto.secret import SecretBytes
from satchel.errors import (
    DecoyNotAvailable,
    InvalidInput,
    ReadOnlyMedia,
    SatchelError,
    VaultDamaged,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)

__all__ = ["DecoyFiller", "Vault"]

DecoyFiller = Callable[["Vault"], object]
"""Fills a freshly created decoy vault with plausible, harmless content (any result is ignored)."""


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
        read_only: bool = False,
    ) -> None:
        """Open `db_file` with `key`, taking ownership of both `key` and `lock`.

        `create` allows `db_file` not to exist yet; otherwise a missing or empty database
        is damage, never a reason to start a new one. `read_only` opens a vault on
        read-only media: it can be read, and every change raises ReadOnlyMedia.
        """
        self._folder = folder
        self._vault_id = str(uuid.UUID(bytes=vault_id))
        self._key = key
        self._db_file = db_file
        self._lock = lock
        self._read_only = read_only
        self._closed = False
        # Whether this session wrote to its database shows in the file's time at close.
        self._mtime_at_open = mtime_ns(db_file)
        try:
            # Every call into the driver takes its turn: the GUI thread and a background
            # export or import share this connection (see core/connection.py).
            self._conn = SerializedConnection(
                connect(db_file, key, create=create, read_only=read_only)
            )
            try:
                with database_errors(db_file):
                    version = 0 if create else schema.current_version(self._conn)
                    if not create and version == 0:
                        # Every vault gets its schema when it is created; an empty one
                        # here was truncated or replaced, and migrating would hide that.
                        raise damaged_db(db_file, "it holds no tables")
                    if read_only and version < schema.LATEST_VERSION:
                        raise ReadOnlyMedia(
                            "This vault is on read-only media and needs an update by this "
                            "version of Satchel, which cannot be written there. Copy the "
                            "vault folder to a writable disk to open it; nothing was changed.",
                            code="read_only_media_needs_update",
                        )
                    schema.migrate(self._conn, self._backup_before_migration)
                    if db_file.name == AUX_NAME:
                        # The decoy never outgrows the fixed size of aux.db (filler's size):
                        # a write past it fails as on a full disk and is rolled back.
                        self._conn.execute(f"PRAGMA max_page_count = {AUX_PAGES}")
                    # Opening reads the settings (and may refold the search index): a
                    # damaged page there is damage, said as such, not SQLite's words.
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
        cls,
        path: str | os.PathLike[str],
        passphrase: TypedSecret,
        *,
        kdf_params: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """A new, unlocked vault in `path`, and its recovery code (shown once, never stored)."""
        folder = Path(path)
        check_new_passphrase(passphrase)
        refuse_existing_vault(folder)
        with disk_errors():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = VaultLock.acquire(folder)
        try:
            # Again under the lock: another process may have created a vault here since
            # the first check, and the clean-up below would otherwise remove its files.
            refuse_existing_vault(folder)
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
            with kek_for(keyslots, passphrase) as kek_p, kek_for(keyslots, code) as kek_r:
                keyslots = keyslots.seal(
                    p, kek_p, SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, key, slot_map)
                ).seal(r, kek_r, SlotContent(SlotRole.NORMAL, SlotKind.RECOVERY, key, slot_map))
            with disk_errors():
                write_random_file(folder / AUX_NAME, AUX_SIZE)
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
            vault.identities.get()
            # The keyslots file goes last: until it exists there is no vault here.
            with disk_errors():
                write_atomically(folder / KEYSLOTS_NAME, keyslots.to_bytes())
        except BaseException:
            key.wipe()
            if vault is not None:
                vault.close()
            # Leave the folder as it was, so that trying again (after freeing disk space,
            # say) is not refused as "a vault already exists". Still holding the lock:
            # vault.lock is removed too, and a process that took the lock in between would
            # hold it on a file that no longer guards the folder.
            try:
                discard_partial_vault(folder)
            finally:
                lock.release()
            raise
        # aux.db is renewed after the keyslots, as after every change to them (see
        # core/duress.py). The vault exists already: a full disk here only leaves the
        # filler older, so it is not an error.
        with contextlib.suppress(OSError, SatchelError):
            renew_aux(folder)
        return vault, code

    @classmethod
    def unlock(cls, path: str | os.PathLike[str], secret: TypedSecret) -> Vault:
        """Open the vault at `path` with its passphrase or recovery code.

        Raises VaultNotFound, VaultInUse, VaultDamaged or WrongPassphrase. A duress
        passphrase opens the decoy (after crypto-erasing the real vault if it was set to).
        A vault on read-only media opens read-only (see `read_only`): without the lock,
        which cannot be created there (and nothing else can write there either), and
        with nothing erased, swept or rewritten; a duress passphrase opens the decoy.
        """
        folder = Path(path)
        if not (folder / KEYSLOTS_NAME).is_file():
            raise VaultNotFound(
                "No vault at {folder}: the folder or its keyslots file does not exist.",
                code="no_vault_folder_keyslots_file",
                folder=folder,
            )
        lock, read_only = lock_unless_read_only(folder)
        try:
            keyslots = read_keyslots(folder)
            with kek_for(keyslots, secret) as kek:
                opened = keyslots.open(kek)
                if opened is None:
                    raise WrongPassphrase()
                db_name = DB_NAME
                try:
                    if read_only:
                        db_name = read_only_database(folder, opened)
                        return cls(
                            folder=folder,
                            vault_id=keyslots.vault_id,
                            key=opened.content.key,
                            db_file=folder / db_name,
                            lock=None,
                            read_only=True,
                        )
                    # A slot opened: from here on writing is allowed (never before).
                    sweep_temp_files(folder)
                    # A rewrite under a new key (travel mode) interrupted by a crash is
                    # finished or undone now, by which file this slot's key opens.
                    settle_rewrite(folder, opened.content.key)
                    if opened.content.role is SlotRole.NORMAL:
                        if not (folder / AUX_NAME).exists():
                            # aux.db belongs to the fixed shape of every vault folder.
                            with disk_errors():
                                write_random_file(folder / AUX_NAME, AUX_SIZE)
                    elif opened.content.role is SlotRole.DURESS_WIPE:
                        erase_behind_decoy(folder, keyslots, opened, kek)
                    elif opened.content.role is SlotRole.DURESS_DECOY:
                        if (folder / AUX_NAME).exists():
                            db_name = AUX_NAME
                        elif opens_with(folder / DB_NAME, opened.content.key):
                            # An erase interrupted after the decoy moved into place
                            # leaves a decoy slot, no aux.db and the decoy in vault.db:
                            # finish that erase.
                            finish_erase(folder, keyslots, opened, kek)
                        else:
                            # vault.db is still the real vault (decoy mode, aux.db lost
                            # some other way): erasing its slots would destroy it.
                            raise damaged_db(folder / AUX_NAME, "the file is missing")
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
            if lock is not None:
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
    def read_only(self) -> bool:
        """Whether the vault is on read-only media and open for reading only."""
        return self._read_only

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
    def documents(self) -> DocumentStore:
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
    def search(self) -> SearchIndex:
        return self.db.search

    @property
    def settings(self) -> Settings:
        return self.db.settings

    @property
    def identities(self) -> IdentityStore:
        """This vault's own identity (age and signing keys)."""
        return self.db.identities

    @property
    def conflicts(self) -> ConflictStore:
        """Incoming versions kept for review because both sides changed a record."""
        return self.db.conflicts

    @property
    def shares(self) -> ShareStore:
        """Cases shared with colleagues, and what each colleague is known to have."""
        return self.db.shares

    @property
    def exchange_files(self) -> ExchangeFileStore:
        """The exchange folder's files this vault wrote or looked at."""
        return self.db.exchange_files

    @property
    def trash(self) -> Trash:
        """Deleted records waiting to be restored or emptied, and deletions' tombstones."""
        return self.db.trash

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One SQL transaction; nested calls are savepoints."""
        with self.db.transaction():
            yield

    @contextlib.contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """One SQL transaction for a writer that undoes all of it on any error (an import):
        nested calls join it instead of opening savepoints."""
        with self.db.all_or_nothing():
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
            if (
                self._lock is not None
                and not self._read_only
                and mtime_ns(self._db_file) != self._mtime_at_open
            ):
                after_session(self._folder, self._db_file)
        finally:
            self._key.wipe()
            if self._lock is not None:
                self._lock.release()

    def wipe(self) -> None:
        """Panic wipe: close, then crypto-erase the whole vault folder."""
        if self._read_only:
            raise ReadOnlyMedia(
                "This vault is on read-only media; it cannot be erased there. Destroy the "
                "medium itself.",
                code="read_only_media_cannot_erase",
            )
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

    def change_passphrase(self, current: TypedSecret, new: TypedSecret) -> None:
        """Rewrap the passphrase slot for `new`; the database is not re-encrypted.

        `current` may be the passphrase or, when it was forgotten, the recovery code. The
        recovery slot never knows about a duress slot set after it, so a reset through the
        recovery code also removes any duress passphrase (and turns aux.db back to filler)
        rather than leave a slot behind that nobody can manage.
        """
        check_new_passphrase(new)
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
            with kek_for(keyslots, new) as kek_new:
                refuse_if_opens_other_slot(keyslots, kek_new, target)
                keyslots = keyslots.seal(
                    target,
                    kek_new,
                    SlotContent(content.role, SlotKind.PASSPHRASE, self._key, slot_map),
                )
            self._write_keyslots(keyslots, new_filler=drop_decoy)

    def regenerate_recovery_code(self, current_passphrase: TypedSecret) -> str:
        """A new recovery code (returned once, never stored); the old one stops working."""
        with self._authenticate_owner(current_passphrase) as (keyslots, opened, kek_p):
            slot_map = opened.content.slot_map
            r = slot_map.recovery
            if r is None:
                r = random_free_slot(slot_map.used() | {opened.index})
            new_map = SlotMap(passphrase=opened.index, recovery=r, duress=slot_map.duress)
            code = new_recovery_code()
            with kek_for(keyslots, code) as kek_r:
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
        current_passphrase: TypedSecret,
        duress_passphrase: TypedSecret,
        mode: DuressMode,
        decoy_filler: DecoyFiller | None,
    ) -> None:
        """Set (or replace) the duress passphrase and build a fresh decoy vault in aux.db."""
        check_new_passphrase(duress_passphrase)
        mode = DuressMode(mode)
        with self._authenticate_owner(current_passphrase) as (keyslots, opened, kek_p):
            slot_map = opened.content.slot_map
            d = slot_map.duress
            if d is None:
                d = random_free_slot(slot_map.used() | {opened.index})
            with kek_for(keyslots, duress_passphrase) as kek_d:
                refuse_if_opens_other_slot(keyslots, kek_d, d)
                # The decoy's key comes from the master key and a new salt (see
                # core/duress.py): this vault can open its decoy later, no key is stored.
                salt = secrets.token_bytes(16)
                decoy_key, decoy_file = _build_decoy(
                    self._folder, keyslots.vault_id, decoy_filler, derive_decoy_key(self._key, salt)
                )
                try:
                    keyslots = keyslots.seal(
                        d,
                        kek_d,
                        SlotContent(
                            ROLE_FOR_MODE[mode],
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
                    with disk_errors():
                        os.replace(decoy_file, self._folder / AUX_NAME)
                        fsync_dir(self._folder)
                finally:
                    decoy_key.wipe()
                    remove_quietly(decoy_file)
            self.settings.set(DECOY_SETTING, {"salt": salt.hex()}, audited=False)
            self._write_keyslots(keyslots)

    def clear_duress(self, current_passphrase: TypedSecret) -> None:
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
            else:
                # Rewritten all the same: clearing must leave the traces that setting does.
                keyslots = keyslots.seal(opened.index, kek_p, opened.content)
            # The decoy's salt goes before the keyslots, as setting writes it: vault.db,
            # then keyslots, then aux.db, the order any change of the secrets leaves.
            if self.settings.get(DECOY_SETTING) is not None:
                self.settings.remove(DECOY_SETTING)
            self._write_keyslots(keyslots, new_filler=True)

    def has_editable_decoy(self) -> bool:
        """Whether this session can open a decoy: the real vault of a duress set by this
        version (a decoy session, and a vault without duress, answer no)."""
        return self._decoy_salt() is not None and (self._folder / AUX_NAME).is_file()

    def decoy_key(self) -> SecretBytes:
        """The key of this vault's decoy (owned by the caller), checked against aux.db.

        Raises DecoyNotAvailable when there is none this session can open: no duress set,
        a decoy session, or a decoy made by a version of Satchel that kept no way back.
        """
        salt = self._decoy_salt()
        if salt is None or not (self._folder / AUX_NAME).is_file():
            raise DecoyNotAvailable()
        key = derive_decoy_key(self._key, salt)
        if not opens_with(self._folder / AUX_NAME, key):
            key.wipe()
            raise DecoyNotAvailable()
        return key

    @contextlib.contextmanager
    def decoy(self) -> Iterator[Vault]:
        """The decoy, open beside this session (which holds the folder's lock)."""
        self._require_open()
        key = self.decoy_key()
        decoy = Vault(
            folder=self._folder,
            vault_id=uuid.UUID(self._vault_id).bytes,
            key=key,
            db_file=self._folder / AUX_NAME,
            lock=None,
        )
        try:
            yield decoy
        finally:
            decoy.close()

    @classmethod
    def open_decoy(cls, path: str | os.PathLike[str], key: SecretBytes) -> Vault:
        """Open a vault's decoy with `decoy_key()`'s key (taking it), after the real
        session closed: the owner looks at and edits what the duress passphrase shows."""
        folder = Path(path)
        lock = VaultLock.acquire(folder)
        try:
            keyslots = read_keyslots(folder)
            if not (folder / AUX_NAME).is_file() or not opens_with(folder / AUX_NAME, key):
                raise DecoyNotAvailable()
            return cls(
                folder=folder,
                vault_id=keyslots.vault_id,
                key=key,
                db_file=folder / AUX_NAME,
                lock=lock,
            )
        except BaseException:
            key.wipe()
            lock.release()
            raise

    @property
    def is_decoy_file(self) -> bool:
        """Whether this session works on aux.db (the decoy opened by its owner or under duress)."""
        return self._db_file.name == AUX_NAME

    def _decoy_salt(self) -> bytes | None:
        value = self.settings.get(DECOY_SETTING)
        if not isinstance(value, dict):
            return None
        try:
            salt = bytes.fromhex(str(value.get("salt", "")))
        except ValueError:
            return None
        return salt or None

    def has_duress(self, current_passphrase: TypedSecret) -> bool:
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

    def check_owner_passphrase(self, passphrase: TypedSecret) -> None:
        """Raise as `rewrite_under_new_key` would for this passphrase; change nothing.

        For a caller that must know before it writes or removes anything (travel mode).
        """
        with self._authenticate_owner(passphrase):
            pass

    def rewrite_under_new_key(
        self,
        passphrase: TypedSecret,
        duress_passphrase: TypedSecret | None = None,
        *,
        fresh_settings: dict[str, object] | None = None,
        checkpoint: Callable[[str], None] | None = None,
    ) -> str:
        """Copy the database into a fresh file under a new master key; erase the old one.

        Returns the new recovery code (the old one no longer opens anything). The
        passphrase stays; a duress passphrase, when one is set, must be given so its slot
        and the decoy follow the new key. Crash-safe at every step (core/rekey.py): the old
        vault stays whole until the new keyslots replace the old ones, and the next unlock
        finishes or undoes what an interruption left. `fresh_settings` are written into
        the new database only (a caller marks there what the old one must not say yet).
        `checkpoint(step)` is called between the steps (tests interrupt there).
        """
        step = checkpoint or (lambda _name: None)
        with contextlib.ExitStack() as stack:
            keyslots, opened, kek_p = stack.enter_context(self._authenticate_owner(passphrase))
            slot_map = opened.content.slot_map
            kek_d: SecretBytes | None = None
            duress_role: SlotRole | None = None
            salt = self._decoy_salt()
            if slot_map.duress is not None:
                if duress_passphrase is None:
                    raise InvalidInput(
                        "This vault has a duress passphrase: give it too, so that it keeps "
                        "opening the decoy. Nothing was changed.",
                        field="duress_passphrase",
                        code="rewrite_needs_duress_passphrase",
                    )
                kek_d = stack.enter_context(kek_for(keyslots, duress_passphrase))
                found = keyslots.open(kek_d)
                if found is None or found.index != slot_map.duress:
                    if found is not None:
                        found.content.key.wipe()
                    raise WrongPassphrase(
                        "That is not this vault's duress passphrase. Nothing was changed.",
                        code="wrong_duress_passphrase",
                    )
                duress_role = found.content.role
                old_decoy = stack.enter_context(found.content.key)
            new_key = SecretBytes.random(32)
            stack.callback(new_key.wipe)
            folder = self._folder
            db_next = folder / f"{DB_NAME}{NEXT_SUFFIX}"
            aux_next = folder / f"{AUX_NAME}{NEXT_SUFFIX}"
            temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
            try:
                with disk_errors(), database_errors(temp):
                    self._export_to(temp, new_key, fresh_settings or {})
                step("exported")
                # vault.db.next before aux.db.next (and promote moves them in that order):
                # so an aux.db.next alone is only ever left after the commit (rekey.settle).
                with disk_errors():
                    os.replace(temp, db_next)
                    fsync_dir(folder)
                new_decoy: SecretBytes | None = None
                if kek_d is not None and salt is not None:
                    new_decoy = stack.enter_context(derive_decoy_key(new_key, salt))
                    aux_temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
                    try:
                        with disk_errors():
                            copy_atomically(folder / AUX_NAME, aux_temp)
                        conn = connect(aux_temp, old_decoy, create=False)
                        try:
                            rekey_database(conn, aux_temp, new_decoy)
                        finally:
                            conn.close()
                        with disk_errors():
                            _fsync_file(aux_temp)
                            os.replace(aux_temp, aux_next)
                    finally:
                        remove_quietly(aux_temp)
                    with disk_errors():
                        fsync_dir(folder)
                step("staged")
            except BaseException:
                remove_quietly(temp)
                for path in (db_next, aux_next):
                    remove_quietly(path)
                raise
            p, r, d = opened.index, slot_map.recovery, slot_map.duress
            if r is None:
                r = random_free_slot(slot_map.used() | {p})
            code = new_recovery_code()
            with kek_for(keyslots, code) as kek_r:
                keyslots = keyslots.seal(
                    r,
                    kek_r,
                    SlotContent(SlotRole.NORMAL, SlotKind.RECOVERY, new_key, SlotMap(p, r)),
                )
            keyslots = keyslots.seal(
                p,
                kek_p,
                SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, new_key, SlotMap(p, r, d)),
            )
            if d is not None and kek_d is not None and new_decoy is not None and duress_role:
                keyslots = keyslots.seal(
                    d, kek_d, SlotContent(duress_role, SlotKind.PASSPHRASE, new_decoy, SlotMap(d))
                )
            # The old connection goes before the commit: nothing may write the old file now.
            # Until the reopen below the vault cannot be read (another thread asking gets
            # an error), so only renames happen in between; the old file is erased after.
            self._conn.close()
            try:
                self._write_keyslots(keyslots)  # the commit point
                step("committed")
                aside = promote_rewrite(folder)
            except BaseException:
                # Settle by what the keyslots file now says, as the next unlock would.
                with contextlib.suppress(Exception):
                    now_open = read_keyslots(folder).open(kek_p)
                    if now_open is not None:
                        with now_open.content.key as current:
                            settle_rewrite(folder, current)
                raise
            finally:
                self._reopen(new_key.copy())
            step("promoted")
            # The new recovery code must reach its owner even if the disk fails here: what
            # is not erased now is erased whole by the next unlock, before anything else.
            with contextlib.suppress(SatchelError, OSError):
                erase_rewritten(aside)
            step("finished")
        return code

    def _export_to(self, target: Path, key: SecretBytes, settings: dict[str, object]) -> None:
        """The live content of this database (no free page, no journal) into a new file."""
        with contextlib.suppress(FileExistsError):
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = self._conn
        version = schema.current_version(conn)
        # Attached with the main key, then keyed with its own before anything reads it (the
        # file is empty): the key never becomes SQL text (see core/sqlcipher.py).
        conn.execute("ATTACH DATABASE ? AS fresh", (str(target),))
        try:
            key_attached(conn.raw, self._db_file, "fresh", key)
            conn.execute(f"PRAGMA fresh.cipher_page_size = {PAGE_SIZE}")
            conn.execute("SELECT sqlcipher_export('fresh')").fetchall()
            conn.execute(f"PRAGMA fresh.user_version = {int(version)}")
            for name, value in settings.items():
                conn.execute(
                    "INSERT INTO fresh.settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(value, ensure_ascii=False)),
                )
        finally:
            conn.execute("DETACH DATABASE fresh")
        _fsync_file(target)

    def _reopen(self, key: SecretBytes) -> None:
        """Open vault.db again under `key` (taken), after a rewrite swapped the files."""
        db_file = self._folder / DB_NAME
        if not opens_with(db_file, key):
            # The rewrite failed before its commit: the old key still opens the old file.
            key.wipe()
            key = self._key.copy()
        self._key.wipe()
        self._key = key
        self._conn = SerializedConnection(connect(db_file, key, create=False))
        self._db = Database(self._conn, self._vault_id)

    # -- internals -------------------------------------------------------------------------

    def _require_open(self) -> None:
        if self._closed:
            raise VaultLocked(
                "The vault is locked. Unlock it to continue.", code="vault_locked_unlock_continue"
            )

    @contextlib.contextmanager
    def _authenticate(
        self, secret: TypedSecret
    ) -> Iterator[tuple[Keyslots, OpenedSlot, SecretBytes]]:
        """Re-read the keyslots and open the slot `secret` belongs to, for this vault's key.

        Every change to the secrets asks for the current one again: an unlocked laptop left
        for a minute must not be enough to change the passphrase or plant a duress slot.
        """
        self._require_open()
        if self._read_only:
            raise ReadOnlyMedia()
        keyslots = read_keyslots(self._folder)
        with kek_for(keyslots, secret) as kek:
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
        self, passphrase: TypedSecret
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

    def _write_keyslots(self, keyslots: Keyslots, *, new_filler: bool = False) -> None:
        """Replace the keyslots, then aux.db (with fresh filler, or a copy of itself).

        aux.db is renewed after every change to the keyslots, duress or not, so that the
        folder's times show the same pattern either way (see core/duress.py).
        """
        with disk_errors():
            replace_then_erase_old(self._folder / KEYSLOTS_NAME, keyslots.to_bytes())
            if new_filler:
                write_random_file(self._folder / AUX_NAME, AUX_SIZE)
        if not new_filler:
            renew_aux(self._folder)

    def _backup_before_migration(self, version: int) -> None:
        """Copy both databases to `<name>.bak-v<version>` before a schema migration.

        The copies stay encrypted. The other database is copied too so that the set of
        files looks the same whichever of the two was migrated; an existing copy is kept,
        because it is the older and therefore the one worth having.
        """
        with disk_errors():
            for name in (DB_NAME, AUX_NAME):
                source = self._folder / name
                target = self._folder / f"{name}.bak-v{version}"
                if source.exists() and not target.exists():
                    copy_atomically(source, target)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- the decoy ------------------------------------------------------------------------------


def _build_decoy(
    folder: Path, vault_id: bytes, decoy_filler: DecoyFiller | None, key: SecretBytes
) -> tuple[SecretBytes, Path]:
    """A new decoy database under a temporary name, filled and padded to AUX_SIZE.

    Takes `key` and returns it (owned by the caller) with the file, which the caller moves
    into place.
    """
    temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
    try:
        decoy = Vault(
            folder=folder, vault_id=vault_id, key=key.copy(), db_file=temp, lock=None, create=True
        )
        try:
            if decoy_filler is not None:
                decoy_filler(decoy)
            pad_database(decoy.connection, AUX_PAGES)
        finally:
            decoy.close()
        size = temp.stat().st_size
        if size != AUX_SIZE:
            raise RuntimeError(f"the decoy database is {size} bytes, not {AUX_SIZE}")
    except BaseException:
        key.wipe()
        remove_quietly(temp)
        raise
    return key, temp
