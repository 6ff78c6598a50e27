"""Two (or three) lawyers with real vaults, for bundle exchange tests.

Vaults are created with the fast test KDF (tests/kdf.py).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from tests.kdf import FAST_KDF

from satchel.core.model import Colleague, Verification
from satchel.core.vault import Vault

PASSPHRASE = "correct horse battery staple 42"


@dataclass
class Lawyer:
    name: str
    folder: Path
    vault: Vault

    @property
    def card(self) -> str:
        return self.vault.identities.get().public().card()

    def reopen(self) -> None:
        self.vault.close()
        self.vault = Vault.unlock(self.folder, PASSPHRASE)

    def files_digest(self) -> str:
        """A hash of every file in the vault folder (close the vault first)."""
        h = hashlib.sha256()
        for path in sorted(self.folder.iterdir()):
            if path.is_file() and path.name != "vault.lock":
                h.update(path.name.encode() + b"\0" + path.read_bytes())
        return h.hexdigest()


def new_lawyer(tmp_path: Path, name: str) -> Lawyer:
    folder = tmp_path / name.split()[0].lower()
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    vault.identities.get(name)
    return Lawyer(name, folder, vault)


def named_lawyer(tmp_path: Path, name: str) -> Lawyer:
    """A lawyer whose card carries their name (a card is matched by name too, so several
    lawyers under the default name would be taken for one colleague whose key changed)."""
    lawyer = new_lawyer(tmp_path, name)
    lawyer.vault.identities.rename(name)
    return lawyer


def befriend(a: Lawyer, b: Lawyer, *, verified: bool = True) -> Colleague:
    """A learns B's card (and, when `verified`, compared fingerprints aloud)."""
    from satchel.bundle.colleagues import add_colleague_from_card, mark_verified

    colleague = add_colleague_from_card(a.vault, b.card).colleague
    if verified:
        colleague = mark_verified(a.vault, colleague.id)
        assert colleague.verification is Verification.VERIFIED
    return colleague


def sample_case(lawyer: Lawyer, *, document: bytes = b"%PDF-1.4 decision of the court\n"):
    v = lawyer.vault
    case = v.cases.create("Extradition of Ivan Fictionalov", jurisdiction="Fictionland")
    person = v.people.create(["Ivan Fictionalov", "Иван Фикционалов"])
    v.roles.create(case.id, person.id, "client")
    event = v.events.create(case.id, "Arrest at the airport", "arrest", person_ids=(person.id,))
    v.notes.create(case.id, "Call the NGO about the interpreter.", author=lawyer.name)
    doc = v.documents.add(io.BytesIO(document), case_id=case.id, filename="decision.pdf")
    return case, person, event, doc
