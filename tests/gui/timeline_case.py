"""A fictional extradition case with a date of every kind and precision, for the timeline,
agenda and report tests (imported by tests/gui/test_timeline*.py, test_agenda.py,
test_report.py and tests/cli/test_report_cli.py). Names and places are invented."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from satchel.core.dates import FuzzyDate
from satchel.core.model import (
    EventType,
    FactStatus,
    PersonName,
    Reference,
    RoleKind,
    Script,
)
from satchel.core.vault import Vault

TODAY = date(2025, 9, 10)
NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)


@dataclass
class DemoCase:
    case_id: str
    client_id: str
    judge_id: str
    ids: dict[str, str]  # short key -> event id


def build_case(vault: Vault) -> DemoCase:
    """One case whose events cover every date kind and precision, plus deadlines."""
    case = vault.cases.create(
        "Extradition of Dilnoza Karimova",
        references=(
            Reference("Court", "3/10-1187/2025"),
            Reference("Prosecutor", "PR-77/2025"),
        ),
        authority="Fictional District Court",
    )
    client = vault.people.create(
        names=(
            PersonName("Дилноза Каримова", Script.CYRILLIC, primary=True),
            PersonName("Dilnoza Karimova", Script.LATIN, source="passport"),
        )
    )
    judge = vault.people.create(names=(PersonName("Judge Orin Vale", primary=True),))
    vault.roles.create(case.id, client.id, RoleKind.CLIENT)
    vault.roles.create(case.id, judge.id, RoleKind.JUDGE)
    ev = vault.events

    def add(key: str, title: str, when: str, kind: EventType, **kw: object) -> None:
        ids[key] = ev.create(case.id, title, kind, date=FuzzyDate.parse(when), **kw).id

    ids: dict[str, str] = {}
    add("almaty", "Lived in Almaty", "2019/2022", EventType.TRAVEL, person_ids=(client.id,))
    add("home_case", "Criminal case opened at home", "2021", EventType.OTHER)
    add("left", "Left for Istanbul", "<2023-03", EventType.TRAVEL, person_ids=(client.id,))
    add(
        "interview",
        "Interview with the migration service",
        "~2025-07",
        EventType.MEETING,
        fact_status=FactStatus.DISPUTED_BY_OTHER,
    )
    add(
        "arrest",
        "Detained at the airport",
        "2025-08-14T10:30+03:00",
        EventType.ARREST,
        key_fact=True,
        person_ids=(client.id,),
        source="Detention record",
        source_quote="detained on arrival at 10:30",
    )
    add("request", "Extradition request received", "2025-08", EventType.EXTRADITION_REQUEST)
    add("custody", "Court ordered detention", "2025-08-16", EventType.DECISION)
    add(
        "hearing",
        "Hearing on extradition",
        "2025-09-01..2025-09-05",
        EventType.HEARING,
        person_ids=(judge.id,),
    )
    add("decision", "Extradition decision", "2025-09-02", EventType.DECISION, key_fact=True)
    add("asylum", "Asylum application filed", ">2025-09-03", EventType.ASYLUM_APPLICATION)
    add("witness", "Statement of a witness", "tbd", EventType.COMMUNICATION)
    ids["appeal"] = ev.create_deadline(
        case.id, "Appeal deadline", computed_from=ids["decision"], offset_days=10
    ).id  # 12 Sep 2025: 2 days left on TODAY
    ids["reply"] = ev.create_deadline(case.id, "Reply to the prosecutor", "2025-09-05").id
    ids["brief"] = ev.create_deadline(case.id, "Submit the written brief", "2025-09-20").id
    ids["later"] = ev.create_deadline(case.id, "ECHR communication", "2025-12-01").id
    return DemoCase(case.id, client.id, judge.id, ids)
