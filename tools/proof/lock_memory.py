"""Proof: after a lock, the client's memory holds neither the master key nor a passphrase.

The attack this answers dumped a running Satchel after a lock and found the master key twice
as hex (the text of the key statement handed to SQLCipher) and the typed passphrase once, in
3 of 3 runs. Here a real client (the production Session, tools/proof/lock_memory_client.py)
runs in a child process; a passphrase is typed into its unlock screen one key at a time; the
parent, which created the vault and unwraps the master key from the keyslots itself, locks
the client with Ctrl+Shift+L and reads the child's whole memory (tools/proof/memscan.py) for
every form of every secret: the key raw, as hex, HEX and base64; each passphrase and the
recovery code as UTF-8 and UTF-16. One session goes through four locks:

1. a new vault made in the creation wizard (typed twice, strength meter running), lock at
   the recovery-code page;
2. unlock with the passphrase, lock;
3. unlock, change the passphrase in Security settings (the dialog left open), lock;
4. unlock with the recovery code, lock.

The figure that counts is the hits after each lock: 0. The raw key *while unlocked* is
counted too, to show the scanner does see what is there (the SecretBytes holding the key).

    python -m tools.proof.lock_memory [--long]

Short mode: one session, fast Argon2id (the cost parameters do not change which copies of a
secret exist). Long mode: five sessions with parameters calibrated on this machine.
"""

from __future__ import annotations

import argparse
import os
import secrets
import selectors
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from tools.proof.memscan import key_forms, scan, text_forms

from satchel.core.slots import kek_for, read_keyslots
from satchel.core.vault import Vault
from satchel.crypto.kdf import KdfParams, params_for_new_vault

TITLE = "Key and passphrase out of memory after a lock"

_CLIENT = Path(__file__).with_name("lock_memory_client.py")
_FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
_STEPS = (
    "after creating a vault in the wizard and lock",
    "after unlock and lock",
    "after a passphrase change and lock",
    "after a recovery-code unlock and lock",
)
_LATIN = ("violet", "tractor", "lantern", "ocean", "meadow")
_CYRILLIC = ("тропа", "берег", "ключ", "гроза", "ветер")


def _passphrase() -> str:
    """A fictional passphrase mixing scripts, so UTF-8 and UTF-16 both differ from ASCII."""
    words = [secrets.choice(_LATIN), secrets.choice(_CYRILLIC), secrets.choice(_LATIN)]
    return " ".join(words) + f" {secrets.randbelow(10**6):06d}"


class _Client:
    def __init__(self, vault: Path, env: Mapping[str, str]) -> None:
        self.proc = subprocess.Popen(  # noqa: S603 (our own interpreter and script)
            [sys.executable, str(_CLIENT), str(vault)],
            env=dict(env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if os.environ.get("SATCHEL_PROOF_DEBUG") else subprocess.DEVNULL,
            text=True,
        )
        self.expect("ready")

    def ask(self, command: str, answer: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        self.expect(answer)

    def expect(self, answer: str, timeout_s: float = 120.0) -> None:
        assert self.proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout_s):
                raise TimeoutError(f"the client did not say {answer!r}")
        line = self.proc.stdout.readline().strip()
        if line != answer:
            raise RuntimeError(f"the client said {line!r}, not {answer!r}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            try:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.close()
                self.proc.wait(20)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(10)


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var, sub in (
        ("HOME", "home"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(mode=0o700, exist_ok=True)
        env[var] = str(home / sub)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("SATCHEL_VAULT", None)
    return env


def _master_key(vault: Path, passphrase: str) -> bytes:
    """The key, unwrapped here from the keyslots as an attacker's check would."""
    keyslots = read_keyslots(vault)
    with kek_for(keyslots, passphrase) as kek:
        opened = keyslots.open(kek)
        assert opened is not None
        with opened.content.key as key:
            return bytes(key.view())


def _wizard_session(root: Path, passphrase: str, fast: bool) -> dict[str, int]:
    """A vault created in the wizard (so at its recovery-code page), then locked."""
    folder = root / "wizard-vault"
    secret = root / "wizard-passphrase"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    client = _Client(folder, _environment(root))
    try:
        code_file = root / "wizard-code"
        cost = "fast" if fast else "calibrated"
        client.ask(f"create {secret} {code_file} {cost}", "created")
        key = _master_key(folder, passphrase)
        code = code_file.read_text(encoding="ascii")
        client.ask("lock", "locked")
        return scan(
            client.proc.pid,
            {
                **key_forms("master key", key),
                **text_forms("passphrase", passphrase),
                **text_forms("recovery code shown", code),
                "recovery code shown (compact)": code.replace("-", "").encode("ascii"),
            },
        )
    finally:
        client.stop()


def one_session(params: KdfParams) -> tuple[int, list[dict[str, int]]]:
    """Raw-key hits while unlocked, and the hits per form after each of the four locks."""
    with tempfile.TemporaryDirectory(prefix="satchel-lock-memory-") as tmp:
        root = Path(tmp)
        folder = root / "vault"
        first, second = _passphrase(), _passphrase()
        vault, code = Vault.create(folder, first, kdf_params=params)
        with vault:
            vault.cases.create(title="Fictional case for the memory proof")
        key = _master_key(folder, first)
        files = {}
        for name, text in (("first", first), ("second", second), ("code", code)):
            files[name] = root / name
            files[name].write_text(text + "\n", encoding="utf-8")
        compact = code.replace("-", "")
        needles = {
            **key_forms("master key", key),
            **text_forms("first passphrase", first),
            **text_forms("new passphrase", second),
            **text_forms("recovery code", code),
            "recovery code (compact)": compact.encode("ascii"),
        }
        after: list[dict[str, int]] = [_wizard_session(root, first, fast=params == _FAST_KDF)]
        client = _Client(folder, _environment(root))
        try:
            client.ask(f"unlock {files['first']}", "unlocked")
            unlocked = scan(client.proc.pid, {"raw": key})["raw"]
            client.ask("lock", "locked")
            after.append(scan(client.proc.pid, needles))
            client.ask(f"unlock {files['first']}", "unlocked")
            client.ask(f"change {files['first']} {files['second']}", "changed")
            client.ask("lock", "locked")
            after.append(scan(client.proc.pid, needles))
            client.ask(f"recovery {files['code']}", "unlocked")
            client.ask("lock", "locked")
            after.append(scan(client.proc.pid, needles))
        finally:
            client.stop()
        return unlocked, after


def run(long: bool = False) -> dict[str, object]:
    """The figures: hits per secret form after each lock, summed over the sessions."""
    sessions = 5 if long else 1
    params = params_for_new_vault() if long else _FAST_KDF
    unlocked = 0
    totals: list[dict[str, int]] = []
    dirty_sessions = 0
    for _ in range(sessions):
        seen, after = one_session(params)
        unlocked += seen
        if any(any(counts.values()) for counts in after):
            dirty_sessions += 1
        if not totals:
            totals = [dict.fromkeys(counts, 0) for counts in after]
        for total, counts in zip(totals, after, strict=True):
            for label, n in counts.items():
                total[label] += n
    figures: dict[str, object] = {
        "sessions": sessions,
        "Argon2id": params.describe(),
        "master key (raw) hits while unlocked (the scanner sees it)": unlocked,
    }
    for step, total in zip(_STEPS, totals, strict=True):
        for label, n in total.items():
            figures[f"{step}: {label}"] = n
    figures["hits after a lock, all forms"] = sum(sum(t.values()) for t in totals)
    figures["sessions with any hit after a lock"] = dirty_sessions
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=TITLE)
    parser.add_argument("--long", action="store_true", help="five sessions, calibrated Argon2id")
    args = parser.parse_args()
    for name, value in run(long=args.long).items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
