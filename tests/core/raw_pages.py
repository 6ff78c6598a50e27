"""Every page of a SQLCipher 4 file decrypted from its raw bytes, free pages included.

The SQLCipher here is built without `sqlite_dbpage`, and `sqlcipher_export` or any SQL
route only reads live pages. So the file is read as bytes and each page decrypted as
SQLCipher 4 writes it with a raw 256-bit key (which it uses as the AES key directly):
page size 4096, per page a reserve of 80 bytes at its end (16-byte IV, 64-byte HMAC),
AES-256-CBC over the rest; page 1 starts with the 16-byte salt, kept in clear. HMACs are
not checked: the point is to see every byte the key can reveal, not to validate.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    data = path.read_bytes()
    assert len(data) % PAGE == 0, f"{path} is not whole pages"
    pages = []
    for n in range(len(data) // PAGE):
        page = data[n * PAGE : (n + 1) * PAGE]
        start = 16 if n == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(dec.update(page[start : PAGE - RESERVE]) + dec.finalize())
    # The route works only if page 1 decrypts to SQLite's header fields and the schema.
    assert pages[0][:2] == PAGE.to_bytes(2, "big"), "page 1 did not decrypt: wrong route/key"
    return pages


def forms(word: str) -> list[bytes]:
    """How a text can lie in a page: UTF-8 and UTF-16 in either byte order."""
    return [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")]


def found_in(blob: bytes, words: list[str]) -> list[str]:
    return [w for w in words if any(f in blob for f in forms(w))]
