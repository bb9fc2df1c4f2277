"""A case another clinician has says so plainly: who, since when, and the way back to the queue.

Still a refusal (403), and nothing of the person's answers, note or result reaches the
clinician who was refused.
"""

from __future__ import annotations

from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import User
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Status
from tests.cases import sign_draft
from tests.personas import TEST_AUDIT, Persona, make_clinician


def _health_data(case: Case) -> list[str]:
    """Words on the review page that come from the person's answers, note or result."""
    names = {t.id: t.name for t in default_knowledge().treatments.values()}
    return [
        case.note,
        *(names[o["treatment"]] for o in case.result["options"]),
        *(c["name"] for c in case.result.get("likely_conditions", [])),
    ]


def _assert_plainly_refused(page: str, case: Case, *, holder: str) -> None:
    assert "Another clinician has this case" in page
    assert holder in page
    assert 'href="/clinic/"' in page
    assert "a different kind of account" not in page  # not the generic 403 page
    for words in _health_data(case):
        assert words not in page, words


def test_it_names_the_clinician_reviewing_the_case_and_since_when(
    case_of_a: Case, clinician: Persona, other_clinician: Persona
) -> None:
    actions.claim(audit=TEST_AUDIT, case_id=case_of_a.id, clinician=clinician.user)
    case_of_a.refresh_from_db()
    response = other_clinician.client.get(f"/clinic/cases/{case_of_a.id}/")
    assert response.status_code == 403
    page = response.content.decode()
    _assert_plainly_refused(page, case_of_a, holder="Dr Ada Lovelace")
    assert "has been reviewing this case since" in page
    assert case_of_a.claimed_at is not None
    assert f'datetime="{case_of_a.claimed_at.isoformat()}"' in page


def test_it_says_so_when_a_colleague_claims_the_case_first_and_changes_nothing(
    case_of_a: Case, clinician: Persona, other_clinician: Persona
) -> None:
    """The second of two clinicians who press Claim on the same waiting case."""
    assert clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/").status_code == 302
    case_of_a.refresh_from_db()
    before = (case_of_a.status, case_of_a.version, case_of_a.claimed_by_id)
    response = other_clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/")
    assert response.status_code == 403
    _assert_plainly_refused(response.content.decode(), case_of_a, holder="Dr Ada Lovelace")
    case_of_a.refresh_from_db()
    assert (case_of_a.status, case_of_a.version, case_of_a.claimed_by_id) == before


def test_a_case_a_colleague_decided_says_when(
    case_of_a: Case, clinician: Persona, other_clinician: Persona
) -> None:
    actions.claim(audit=TEST_AUDIT, case_id=case_of_a.id, clinician=clinician.user)
    sign_draft(case_of_a, clinician.user)
    case_of_a.refresh_from_db()
    assert case_of_a.status == Status.PLAN_ISSUED
    response = other_clinician.client.get(f"/clinic/cases/{case_of_a.id}/")
    assert response.status_code == 403
    page = response.content.decode()
    _assert_plainly_refused(page, case_of_a, holder="Dr Ada Lovelace")
    assert "decided this case on" in page


def test_a_clinician_without_a_name_is_another_clinician(
    case_of_a: Case, other_clinician: Persona
) -> None:
    nameless = make_clinician("nameless@example.org", name="")
    actions.claim(audit=TEST_AUDIT, case_id=case_of_a.id, clinician=nameless)
    response = other_clinician.client.get(f"/clinic/cases/{case_of_a.id}/")
    assert response.status_code == 403
    _assert_plainly_refused(
        response.content.decode(),
        case_of_a,
        holder="Another clinician has been reviewing this case since",
    )
    assert str(User.objects.get(pk=nameless.pk)) not in response.content.decode()


def test_other_refusals_keep_the_general_page(case_of_a: Case, person_b: Persona) -> None:
    response = person_b.client.get(f"/clinic/cases/{case_of_a.id}/")
    assert response.status_code == 403
    assert "a different kind of account" in response.content.decode()
