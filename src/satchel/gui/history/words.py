"""The audit log's record kinds, actions and actors in the interface language.

The core writes actions and kinds as stable English words ("delete", "event"); these
functions say them in the user's language. A summary line (the core's own words, naming
what changed) is shown as it is, as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["KINDS", "action_word", "actor_word", "kind_word"]

KINDS = ("case", "person", "role", "event", "note", "document", "colleague", "bundle")


def _tr(text: str) -> str:
    return QCoreApplication.translate("history", text)


def kind_word(kind: str) -> str:
    words = {
        "case": _tr("Case"),
        "person": _tr("Person"),
        "role": _tr("Role"),
        "event": _tr("Event"),
        "note": _tr("Note"),
        "document": _tr("Document"),
        "colleague": _tr("Colleague"),
        "bundle": _tr("Bundle"),
        "identity": _tr("Identity"),
        "vault": _tr("Vault"),
        "": _tr("Vault"),
    }
    return words.get(kind, kind)


def action_word(action: str) -> str:
    words = {
        "create": _tr("created"),
        "update": _tr("changed"),
        "delete": _tr("deleted (to the trash)"),
        "restore": _tr("restored from the trash"),
        "purge": _tr("deleted for good"),
        "import": _tr("received in a bundle"),
        "export": _tr("sent in a bundle"),
        "conflict": _tr("conflicting version received"),
        "resolve": _tr("conflict settled"),
        "undo": _tr("undone"),
        "migrate": _tr("updated by a new Satchel"),
        "unlock": _tr("unlocked"),
    }
    return words.get(action, action)


def actor_word(actor: str) -> str:
    """ "" is this vault's user; anyone else is a colleague named by their bundle."""
    return actor if actor else _tr("You")
