"""Commands on people and organisations: person add, list, show.

A person's names come in several scripts and spellings; the primary name is the one given
first, and every `--alias` is searchable too (so `Yemelyanova` finds `Емельянова`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from satchel.cli.common import (
    Subcommands,
    add_command,
    choice_of,
    emit_json,
    field_lines,
    open_vault,
    parse_partial,
    plain,
    print_table,
    short_id,
    subcommands,
    whole_number,
)
from satchel.cli.trash_cmds import add_delete_command
from satchel.core.codec import to_dict
from satchel.core.limits import MAX_LIST_LIMIT
from satchel.core.model import (
    Contact,
    ContactKind,
    IdentityDocument,
    Person,
    PersonKind,
    PersonName,
    Script,
)
from satchel.core.names import script_of
from satchel.errors import InvalidInput

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "person", "people and organisations: add, list, show")
    sub = subcommands(p)

    a = add_command(sub, "add", "add a person or an organisation")
    a.add_argument("name", help="the primary name, in any script")
    a.add_argument(
        "--source", default="", help="where the primary spelling comes from (e.g. passport)"
    )
    a.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="NAME[:SCRIPT[:SOURCE]]",
        help="another spelling, e.g. 'Yemelyanova Anna:latin:court' (repeatable; the script "
        "is guessed when left out)",
    )
    a.add_argument(
        "--contact",
        action="append",
        default=[],
        metavar="KIND:VALUE[:LABEL]",
        help=f"a contact channel; KIND is one of {', '.join(k.value for k in ContactKind)} "
        "(repeatable)",
    )
    a.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="KIND:NUMBER",
        help="an identity document, e.g. 'passport:75 1234567' (repeatable)",
    )
    a.add_argument(
        "--born", metavar="DATE", help="date of birth: 02.03.1987, 1987-03-02, 'March 1987', 1987"
    )
    a.add_argument("--citizenship", action="append", default=[], help="a citizenship (repeatable)")
    a.add_argument("--org", action="store_true", help="an organisation, not a person")
    a.add_argument("--notes", default="", help="free notes")
    a.add_argument("--json", action="store_true", help="print the new person as JSON")
    a.set_defaults(func=cmd_person_add)

    ls = add_command(sub, "list", "list people by name")
    ls.add_argument("--text", help="only people with a name containing this")
    ls.add_argument(
        "--limit", type=whole_number(1, MAX_LIST_LIMIT, "--limit"), default=None, metavar="N"
    )
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_person_list)

    s = add_command(sub, "show", "show a person with every name and the cases they are in")
    s.add_argument("person_id", metavar="PERSON")
    s.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    s.set_defaults(func=cmd_person_show)
    add_delete_command(sub, "person", "a person with their roles (events keep their place)")


def _alias(text: str) -> PersonName:
    parts = text.split(":")
    name = parts[0].strip()
    if not name:
        raise InvalidInput(f"An alias needs a name: {text!r}", "alias")
    script = choice_of(Script, parts[1], "script") if len(parts) > 1 and parts[1] else None
    source = ":".join(parts[2:]).strip()
    return PersonName(name, script or script_of(name), source)


def _contact(text: str) -> Contact:
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[1].strip():
        raise InvalidInput(f"A contact is KIND:VALUE[:LABEL], not {text!r}", "contact")
    label = parts[2].strip() if len(parts) > 2 else ""
    return Contact(choice_of(ContactKind, parts[0], "contact kind"), parts[1].strip(), label)


def _document(text: str) -> IdentityDocument:
    kind, sep, number = text.partition(":")
    if not sep or not kind.strip() or not number.strip():
        raise InvalidInput(f"A document is KIND:NUMBER, not {text!r}", "doc")
    return IdentityDocument(kind.strip(), number.strip())


def cmd_person_add(args: argparse.Namespace) -> int:
    names = [PersonName(args.name.strip(), script_of(args.name), args.source, primary=True)]
    names += [_alias(a) for a in args.alias]
    fields: dict[str, Any] = {
        "kind": PersonKind.ORGANISATION if args.org else PersonKind.PERSON,
        "contacts": tuple(_contact(c) for c in args.contact),
        "documents": tuple(_document(d) for d in args.doc),
        "citizenships": tuple(c.strip() for c in args.citizenship if c.strip()),
        "notes": args.notes,
    }
    if args.born:
        fields["birth_date"] = parse_partial(args.born)
    with open_vault(args) as vault:
        person = vault.people.create(names, **fields)
    if args.json:
        emit_json(to_dict(person))
    else:
        sys.stdout.write(f"{person.id}\n")
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        people = vault.people.list(text=args.text, limit=args.limit)
    if args.json:
        emit_json([to_dict(p) for p in people])
        return 0

    def aliases(p: Person) -> str:
        return "; ".join(n.text for n in p.names if not n.primary)

    print_table(
        ["ID", "KIND", "NAME", "ALSO"],
        [[short_id(p.id), p.kind.value, p.primary_name, aliases(p)] for p in people],
    )
    return 0


def cmd_person_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        person = vault.people.get(args.person_id)
        cases = vault.people.cases_of(person.id)
    if args.json:
        emit_json(
            {
                "person": to_dict(person),
                "cases": [
                    {"case_id": c.id, "title": c.title, "role": kind.value} for c, kind in cases
                ],
            }
        )
        return 0
    names = []
    for n in person.names:
        detail = ", ".join(x for x in (n.script.value, n.source) if x)
        names.append(f"{n.text} ({detail})" + (" [primary]" if n.primary else ""))
    field_lines(
        [
            ("Name", person.primary_name),
            ("Id", person.id),
            ("Kind", person.kind.value),
            ("Names", "\n".join(names)),
            ("Born", person.birth_date.iso() if person.birth_date else ""),
            ("Citizenship", ", ".join(person.citizenships)),
            ("Documents", "\n".join(f"{d.kind}: {d.number}" for d in person.documents)),
            (
                "Contacts",
                "\n".join(
                    f"{c.kind.value}: {c.value}" + (f" ({c.label})" if c.label else "")
                    for c in person.contacts
                ),
            ),
            ("Notes", person.notes),
        ]
    )
    if cases:
        sys.stdout.write("\nCases:\n")
        for case, kind in cases:
            sys.stdout.write(f"  {short_id(case.id)}  {kind.value:<16} {plain(case.title)}\n")
    return 0
