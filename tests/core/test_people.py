"""People and organisations: names in several scripts, identity documents, contacts."""

from __future__ import annotations

import pytest

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.dates import PartialDate
from satchel.core.model import (
    Contact,
    ContactKind,
    IdentityDocument,
    PersonKind,
    PersonName,
    RoleKind,
    Script,
)
from satchel.errors import InvalidInput, NotFound


def test_person_with_aliases_documents_and_contacts_reads_back(db: Database) -> None:
    person = db.people.create(
        [
            PersonName("Журавлёва Ольга Петровна", Script.CYRILLIC, "passport", primary=True),
            PersonName("Zhuravleva Olga", Script.LATIN, "passport"),
            PersonName("Olga Zhuravlyova", Script.LATIN, "press"),
        ],
        birth_date=PartialDate(1984, 3),
        citizenships=["RU", "KZ", "RU"],
        documents=[
            IdentityDocument("passport", "75 1234567", "MVD", expires=PartialDate(2030, 1, 2))
        ],
        contacts=[Contact(ContactKind.SIGNAL, "+7 700 000 00 00", "private")],
        notes="Prefers Signal",
    )
    assert db.people.get(person.id) == person
    assert person.primary_name == "Журавлёва Ольга Петровна"
    assert person.citizenships == ("RU", "KZ")
    assert person.birth_date == PartialDate(1984, 3)  # only what is known: March 1984


def test_plain_strings_become_names_and_the_first_is_primary(db: Database) -> None:
    person = db.people.create(["Arman Dzhaksybekov", "Арман Джаксыбеков"])
    assert [n.primary for n in person.names] == [True, False]
    assert person.primary_name == "Arman Dzhaksybekov"


def test_renaming_with_plain_strings_keeps_the_first_as_primary(db: Database) -> None:
    person = db.people.create(["Dana Sultanova"])
    renamed = db.people.update(person, names=["Dana Sultan", "Дана Султан"])
    assert renamed.primary_name == "Dana Sultan"
    assert [n.text for n in renamed.names] == ["Dana Sultan", "Дана Султан"]


def test_organisation_is_a_person_of_another_kind(db: Database) -> None:
    ngo = db.people.create(["Kazakhstan Bureau for Human Rights"], kind="organisation")
    db.people.create(["Someone"])
    assert [p.id for p in db.people.list(kind=PersonKind.ORGANISATION)] == [ngo.id]
    assert db.people.count(kind="person") == 1


@pytest.mark.parametrize(
    "names",
    [
        [],
        ["   "],
        [PersonName("A", primary=True), PersonName("B", primary=True)],
    ],
)
def test_a_person_needs_names_with_one_primary(db: Database, names: list) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidInput) as err:
        db.people.create(names)
    assert err.value.field == "names"


def test_invalid_person_fields_are_refused(db: Database) -> None:
    with pytest.raises(InvalidInput):
        db.people.create(["A"], contacts=[Contact(ContactKind.EMAIL, " ")])
    with pytest.raises(InvalidInput):
        db.people.create(["A"], contacts=[Contact("pigeon", "x")])  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        db.people.create(
            ["A"],
            documents=[
                IdentityDocument(
                    "passport", "1", issued=PartialDate(2020), expires=PartialDate(2019)
                )
            ],
        )
    with pytest.raises(InvalidInput):
        db.people.create(["A"], birth_date="14/03/1984")  # slashes: day or month first?
    assert db.people.count() == 0


def test_any_name_matches_a_substring_in_any_case(db: Database) -> None:
    olga = db.people.create(["Olga Zhuravleva", PersonName("Журавлёва Ольга", Script.CYRILLIC)])
    db.people.create(["Arman Dzhaksybekov"])
    assert [p.id for p in db.people.list(text="ЖУРАВЛЁВА")] == [olga.id]
    assert [p.id for p in db.people.list(text="zhurav")] == [olga.id]
    assert db.people.count(text="nobody") == 0


def test_people_list_by_primary_name_in_pages(db: Database) -> None:
    for name in ["Yerlan", "aliya", "Бахыт", "Dana"]:
        db.people.create([name])
    assert [p.primary_name for p in db.people.list()] == ["aliya", "Dana", "Yerlan", "Бахыт"]
    assert [p.primary_name for p in db.people.list(limit=2, offset=1)] == ["Dana", "Yerlan"]


def test_every_name_and_alias_is_searchable(db: Database) -> None:
    olga = db.people.create(["Olga Zhuravleva", PersonName("Журавлёва Ольга", Script.CYRILLIC)])
    for query in ("Журавлёва", "Zhuravleva", "Zhuravlyova"):
        assert [h.record_id for h in db.search.search(query, kinds=["person"])] == [olga.id], query
    db.people.update(olga, names=[PersonName("Olga Ivanova", primary=True)])
    assert db.search.search("Zhuravleva", kinds=["person"]) == []


def test_cases_of_a_person_with_their_roles(db: Database) -> None:
    person = db.people.create(["Timur Akhmetov"])
    a = db.cases.create("B: extradition")
    b = db.cases.create("A: asylum")
    db.roles.create(a.id, person.id, "client")
    db.roles.create(b.id, person.id, RoleKind.WITNESS)
    found = [(c.title, kind) for c, kind in db.people.cases_of(person.id)]
    assert found == [("A: asylum", RoleKind.WITNESS), ("B: extradition", RoleKind.CLIENT)]


def test_update_bumps_version_and_delete_removes_roles(db: Database) -> None:
    person = db.people.create(["Dana"])
    case = db.cases.create("Case")
    db.roles.create(case.id, person.id, "client")
    renamed = db.people.update(person, notes="New phone")
    assert renamed.versions == ((db.vault_id, 2),)
    db.people.delete(person.id)
    with pytest.raises(NotFound, match="No person"):
        db.people.get(person.id)
    assert db.roles.count(case_id=case.id) == 0
    actions = [a.action for a in db.audit.list(record_id=person.id, newest_first=False)]
    assert actions == ["create", "update", "delete"]


def test_person_round_trips_through_its_dict_form(db: Database) -> None:
    person = db.people.create(
        [PersonName("Ахметов Тимур", Script.CYRILLIC, "court")],
        birth_date="1990-07-02",
        documents=[IdentityDocument("passport", "N123", "KZ", PartialDate(2019, 5, 1))],
        contacts=[Contact(ContactKind.TELEGRAM, "@example", "")],
    )
    data = to_dict(person)
    assert data["names"][0] == {
        "text": "Ахметов Тимур",
        "script": "cyrillic",
        "source": "court",
        "primary": True,
    }
    assert data["birth_date"] == "1990-07-02"
    assert from_dict("person", data) == person


def test_primary_names_reads_the_primary_spelling_of_each_person(db: Database) -> None:
    anna = db.people.create(
        [PersonName("Anna Vymyshlennaya"), PersonName("Анна Вымышленная", primary=True)]
    )
    solo = db.people.create(["Timur Akhmetov"])
    names = db.people.primary_names([anna.id, solo.id, anna.id, "no-such-person"])
    assert names == {anna.id: "Анна Вымышленная", solo.id: "Timur Akhmetov"}
