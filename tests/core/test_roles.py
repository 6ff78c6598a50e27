"""Roles: who a person is in a case."""

from __future__ import annotations

import pytest

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.model import Case, Person, RoleKind
from satchel.errors import InvalidInput


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Extradition of Yerlan Abenov")


@pytest.fixture
def person(db: Database) -> Person:
    return db.people.create(["Yerlan Abenov"])


def test_role_links_a_person_to_a_case(db: Database, case: Case, person: Person) -> None:
    role = db.roles.create(case.id, person.id, "client", note="Since the arrest")
    assert db.roles.get(role.id) == role
    assert role.kind is RoleKind.CLIENT
    assert db.roles.list(case_id=case.id) == [role]
    assert db.roles.list(person_id=person.id) == [role]
    assert db.roles.count(kind="judge") == 0


def test_role_accepts_short_id_prefixes(db: Database, case: Case, person: Person) -> None:
    role = db.roles.create(case.id[:8], person.id[:8], RoleKind.RELATIVE)
    assert (role.case_id, role.person_id) == (case.id, person.id)


@pytest.mark.parametrize(
    ("which", "field"), [("case", "case_id"), ("person", "person_id"), ("kind", "kind")]
)
def test_role_for_unknown_case_person_or_kind_is_refused(
    db: Database, case: Case, person: Person, which: str, field: str
) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    args = {
        "case_id": missing if which == "case" else case.id,
        "person_id": missing if which == "person" else person.id,
        "kind": "bystander" if which == "kind" else "client",
    }
    with pytest.raises(InvalidInput) as err:
        db.roles.create(**args)
    assert err.value.field == field
    assert db.roles.count() == 0


def test_the_same_role_twice_is_refused_but_another_kind_is_fine(
    db: Database, case: Case, person: Person
) -> None:
    db.roles.create(case.id, person.id, "client")
    with pytest.raises(InvalidInput, match="already"):
        db.roles.create(case.id, person.id, "client")
    db.roles.create(case.id, person.id, "relative")
    assert db.roles.count(case_id=case.id) == 2


def test_role_update_delete_and_audit(db: Database, case: Case, person: Person) -> None:
    role = db.roles.create(case.id, person.id, "witness")
    changed = db.roles.update(role, kind="client", note="Became our client")
    assert changed.versions == ((db.vault_id, 2),)
    db.roles.delete(role.id)
    assert db.roles.count() == 0
    assert [a.action for a in db.audit.list(record_id=role.id)] == ["delete", "update", "create"]


def test_role_round_trips_and_imports_as_given(db: Database, case: Case, person: Person) -> None:
    role = db.roles.create(case.id, person.id, "interpreter")
    data = to_dict(role)
    assert from_dict("role", data) == role
    db.roles.delete(role.id)
    db.roles.put_raw(data)
    assert db.roles.get_raw(role.id) == data
    assert db.roles.all_ids_for_case(case.id) == [role.id]
