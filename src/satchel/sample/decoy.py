"""The duress decoy: plausible, harmless case files for the vault a duress passphrase opens.

Nothing in it is sensitive; it writes only through the vault's stores and never imports Qt.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from satchel.core.model import (
    CaseType,
    Contact,
    ContactKind,
    EventType,
    PersonName,
    RiskLevel,
    RoleKind,
)
from satchel.core.names import script_of
from satchel.core.vault import Vault
from satchel.sample.demo import on_day, one_transaction

__all__ = ["fill_decoy"]


def fill_decoy(vault: Vault, *, today: date | None = None) -> dict[str, int]:
    """Plausible, harmless content for the vault a duress passphrase opens.

    A few ordinary civil matters of a small practice, with chronologies dated over the past
    months and a deadline, so that a quick look finds an ordinary, non-empty case file.
    Nothing in it is sensitive. Its records carry the time they were written (when the
    duress passphrase was set), as every record does: the stores never backdate.
    """
    today = today or date.today()
    counts = {"cases": 0, "people": 0, "events": 0, "notes": 0}
    matters = (
        (
            "Tenancy dispute: deposit not returned",
            CaseType.OTHER,
            "District Court, civil division",
            "Ирина Павловна Котова",
            "Irina Kotova",
            "landlord refuses to return the deposit",
            "Claim for the return of a rental deposit of 1,800 EUR",
        ),
        (
            "Consumer complaint: faulty washing machine",
            CaseType.OTHER,
            "Consumer Rights Office",
            "Sergei Polozov",
            "Сергей Полозов",
            "retailer refuses repair under warranty",
            "Complaint against the retailer; warranty repair refused twice",
        ),
        (
            "Employment: unpaid overtime",
            CaseType.OTHER,
            "Labour Inspectorate",
            "Марина Юдина",
            "Marina Yudina",
            "employer disputes overtime hours",
            "Claim for 46 hours of unpaid overtime, March–May",
        ),
    )
    with one_transaction(vault):
        for n, (title, case_type, authority, name, alias, about, summary) in enumerate(matters):
            opened = today - timedelta(days=70 + 25 * n)
            case = vault.cases.create(
                title,
                case_type=case_type,
                risk=RiskLevel.LOW,
                authority=authority,
                summary=summary,
                opened=opened,
                tags=("civil",),
            )
            counts["cases"] += 1
            script = script_of(name)
            other = script_of(alias)
            person = vault.people.create(
                [PersonName(name, script, primary=True), PersonName(alias, other)],
                contacts=(Contact(ContactKind.EMAIL, f"client{n + 1}@example.com"),),
            )
            counts["people"] += 1
            vault.roles.create(case.id, person.id, RoleKind.CLIENT)
            vault.events.create(
                case.id,
                "First consultation",
                EventType.MEETING,
                date=on_day(opened),
                person_ids=(person.id,),
                description=f"Client explains that the {about}.",
            )
            letter = vault.events.create(
                case.id,
                "Letter before action sent",
                EventType.FILING,
                date=on_day(opened + timedelta(days=12)),
            )
            vault.events.create_deadline(
                case.id,
                "Reply to the letter due",
                lead_days=2,
                computed_from=letter.id,
                offset_days=30 + 10 * n,
            )
            counts["events"] += 3
            vault.notes.create(
                case.id,
                f"Collect receipts and correspondence. Fee agreed: fixed, {150 + 50 * n} EUR.",
                author="",
                written=datetime.combine(opened, datetime.min.time(), tzinfo=UTC),
            )
            counts["notes"] += 1
    return counts
