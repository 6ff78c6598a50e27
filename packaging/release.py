"""Sum and sign a release folder: SHA256SUMS and a detached Ed25519 signature of it.

    python packaging/release.py RELEASE_DIR [--key KEY.pem]
    python packaging/release.py --new-key KEY.pem     # make a signing key (once, offline)

The key is an Ed25519 private key in PEM (PKCS#8, unencrypted: keep it on an offline
medium), given with --key or SATCHEL_RELEASE_KEY at release time. Without one, a throw-away
key is made for this build only, and the public key file says so in its name: a local
build is then checkable for integrity but proves nothing about who built it.

Writes into RELEASE_DIR:
  SHA256SUMS            `sha256sum` format, one line per file, sorted by name
  SHA256SUMS.sig        the raw 64-byte Ed25519 signature of SHA256SUMS
  satchel-release.pub   the public key (PEM), or satchel-THROWAWAY-key.pub for a local build

Verify with standard tools only (OpenSSL 3 and coreutils), in the release folder:

  openssl pkeyutl -verify -pubin -inkey satchel-release.pub -rawin \
      -in SHA256SUMS -sigfile SHA256SUMS.sig
  sha256sum -c SHA256SUMS

The public key to trust comes from elsewhere (the project page, a colleague), never only
from the folder being verified.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
PUBLIC = "satchel-release.pub"
THROWAWAY_PUBLIC = "satchel-THROWAWAY-key.pub"
_OWN = {SUMS, SIGNATURE, PUBLIC, THROWAWAY_PUBLIC}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"release: {path} is not an Ed25519 private key")
    return key


def public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign_release(folder: Path, key: Ed25519PrivateKey | None) -> Path:
    """Write the sums, the signature and the public key; returns the public key's path."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _OWN)
    if not files:
        raise SystemExit(f"release: nothing to sign in {folder}")
    for name in _OWN:
        (folder / name).unlink(missing_ok=True)
    sums = "".join(f"{sha256(p)}  {p.name}\n" for p in files).encode("ascii")
    (folder / SUMS).write_bytes(sums)
    throwaway = key is None
    signer = key or Ed25519PrivateKey.generate()
    (folder / SIGNATURE).write_bytes(signer.sign(sums))
    public = folder / (THROWAWAY_PUBLIC if throwaway else PUBLIC)
    public.write_bytes(public_pem(signer))
    return public


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--key", type=Path, default=os.environ.get("SATCHEL_RELEASE_KEY"))
    parser.add_argument("--new-key", type=Path, metavar="KEY.pem")
    args = parser.parse_args(argv)
    if args.new_key is not None:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(args.new_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        args.new_key.with_suffix(".pub").write_bytes(public_pem(key))
        print(f"release: key in {args.new_key}, public key in {args.new_key.with_suffix('.pub')}")
        return 0
    if args.folder is None:
        parser.error("a release folder is needed")
    key = load_key(Path(args.key)) if args.key else None
    public = sign_release(args.folder, key)
    print(f"release: {args.folder / SUMS} signed; public key {public.name}")
    if key is None:
        print(
            "release: signed with a THROW-AWAY key (no SATCHEL_RELEASE_KEY): fine for a local "
            "build, not for publishing",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
