"""Constants and limits of the Satchel bundle format, versions 1 and 2 (docs/bundle-format.md).

Everything a reader checks against lives here, so the writer, the reader, the spec and the
tests agree on one set of numbers. This module holds data only; it never does I/O.
"""

from __future__ import annotations

import re
from typing import Final

FORMAT: Final = "satchel-bundle"
VERSION: Final = 2
"""The newest version this code reads and writes. A writer writes version 1 whenever the
bundle carries no tombstone (nothing else differs), so older readers still read it."""
VERSIONS_READ: Final = (1, 2)
FILE_SUFFIX: Final = ".satchel"

# Inner tar members, in the only order a reader accepts.
MANIFEST_NAME: Final = "manifest.json"
SIGNATURE_NAME: Final = "manifest.sig"
RECORDS_NAME: Final = "records.jsonl"
FILES_PREFIX: Final = "files/"
FILE_NAME_RE: Final = re.compile(r"^files/[0-9a-f]{64}$")

# Record kinds in the order records.jsonl lists them: referenced records come first, so a
# reader can apply them line by line.
KINDS: Final = ("case", "person", "role", "event", "document", "note")

# Version 2 adds one line kind after every record: a signed deletion (docs, section 6a).
TOMBSTONE: Final = "tombstone"
TOMBSTONE_KEYS: Final = frozenset(
    {"id", "record_kind", "origin_vault", "cases", "versions", "deleted_at"}
)
MAX_TOMBSTONE_LINE_BYTES: Final = 64 * 1024
MAX_TOMBSTONE_CASES: Final = 1000
# An import holds a bundle's tombstones until every record is in (a case's deletion must
# see the case as the bundle leaves it), so their total size is bounded on its own: within
# the 128 MiB of records.jsonl, a million case ids or vector entries parsed into Python
# would pass the 200 MB an import may take.
MAX_TOMBSTONE_ENTRIES: Final = 200_000
DELETED_AT_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$")


def line_kinds(version: int) -> tuple[str, ...]:
    """The kinds records.jsonl may hold in a bundle of `version`, in their order."""
    return KINDS if version == 1 else (*KINDS, TOMBSTONE)


# -- tar (POSIX ustar, regular files only) ----------------------------------------------------
BLOCK: Final = 512
END_OF_ARCHIVE: Final = b"\0" * (2 * BLOCK)
TAR_MODE: Final = b"0000644\0"
TAR_ZERO_ID: Final = b"0000000\0"
TAR_MAGIC: Final = b"ustar\x00"
TAR_VERSION: Final = b"00"
TAR_REGULAR: Final = b"0"
MAX_USTAR_SIZE: Final = 8**11 - 1  # 11 octal digits

# -- limits (a reader refuses anything larger before reading it) -----------------------------
# Chosen so that any bundle a reader accepts imports within 200 MB and a few minutes: an
# attack with records inside the per-record limits but a million of them (511 MB, 131 s), or
# with huge strings (1.4 GB), showed the old ones (2 GiB, 10**6 records, 16 MiB a line) did
# not. Each field of a record is bounded too (core/limits.py, checked at preview). A lawyer's
# real handover - a few cases of some thousands of events - is far below all of them.
MAX_MANIFEST_BYTES: Final = 16 * 1024 * 1024
SIGNATURE_BYTES: Final = 64
MAX_RECORDS_BYTES: Final = 128 * 1024**2
MAX_RECORD_LINE_BYTES: Final = 8 * 1024 * 1024
MAX_RECORDS: Final = 100_000
MAX_FILES: Final = 100_000
MAX_FILE_BYTES: Final = MAX_USTAR_SIZE
MAX_CASES: Final = 10_000
MAX_RECIPIENTS: Final = 100

# -- the outer age layer ---------------------------------------------------------------------
AGE_MAGIC: Final = b"age-encryption.org/v1\n"
# scrypt work factor (log2 N) this implementation writes, and the most it accepts. The
# passphrase is generated with >= 128 bits of entropy, so the work factor is not what keeps
# it safe; 2**16 costs 64 MiB and a fraction of a second. `age -p` writes 18 (256 MiB) and
# rage calibrates to about a second (19-20 on a fast machine, up to 1 GiB); a reader
# accepts up to 20 and refuses more, which could exhaust memory or take minutes.
SCRYPT_LOG_N_WRITE: Final = 16
SCRYPT_LOG_N_MAX: Final = 20

# -- the manifest ----------------------------------------------------------------------------
MANIFEST_KEYS: Final = frozenset(
    {"format", "version", "created_at", "sender", "recipients", "contents", "members"}
)
SENDER_KEYS: Final = frozenset({"name", "vault_id", "age_recipient", "signing_key", "fingerprint"})
RECIPIENTS_KEYS: Final = frozenset({"mode", "list"})
RECIPIENT_KEYS: Final = frozenset({"name", "fingerprint"})
CONTENTS_KEYS: Final = frozenset({"cases", "counts", "documents", "notes"})
MEMBER_KEYS: Final = frozenset({"name", "size", "sha256"})
MODE_KEYS: Final = "keys"
MODE_PASSPHRASE: Final = "passphrase"  # noqa: S105 (a mode name, not a secret)
CREATED_AT_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
UUID_RE: Final = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA256_RE: Final = re.compile(r"^[0-9a-f]{64}$")
FINGERPRINT_RE: Final = re.compile(r"^[0-9]{60}$")

# How much plaintext is handed to the tar/age layers at a time.
CHUNK: Final = 1024 * 1024
