"""'Start a new version' opens the editor from the signed plan, not from the engine's draft:
every status, place, reason, instruction and follow-up the clinician signed is there, so
signing again without retyping keeps them."""

from __future__ import annotations

from typing import Any

from follicle.web.audit.models import AuditEvent
from follicle.web.reviews.forms import PlanForm
from follicle.web.reviews.models import Case, Plan
from tests.cases import plan_post
from tests.personas import Persona

CHANGES = {
    # Topical minoxidil first, finasteride second and "not now": both need a reason.
    "order_topical_minoxidil": "1",
    "reason_topical_minoxidil": "Prefers something on the scalp first.",
    "order_finasteride": "2",
    "status_finasteride": "not_now",
    "reason_finasteride": "Wants to wait until after trying for a child.",
    "status_low_level_laser": "avoid",
    "reason_low_level_laser": "Photosensitising medicine.",
    "instructions": "Apply twice a day; photos every month.",
    "follow_up": "Review photos in 6 months.",
    "keep_order": "on",  # "not now" and "avoid" above "consider", on purpose
}


def _signed_first_version(case: Case, clinician: Persona) -> Plan:
    assert clinician.client.post(f"/clinic/cases/{case.id}/claim/").status_code == 302
    response = clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case, **CHANGES))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Plan.objects.get(case=case, version=1)


def _as_shown(form: PlanForm) -> dict[str, Any]:
    """What the editor posts when the clinician changes nothing."""
    return {name: form[name].value() for name in form.fields}


def test_a_new_version_starts_from_the_signed_plan(case_of_a: Case, clinician: Persona) -> None:
    first = _signed_first_version(case_of_a, clinician)
    assert clinician.client.post(f"/clinic/cases/{case_of_a.id}/reopen/").status_code == 302
    response = clinician.client.get(f"/clinic/cases/{case_of_a.id}/")
    form = response.context["plan_form"]
    shown = _as_shown(form)
    for option in first.options:
        t = option["treatment"]
        assert shown[f"status_{t}"] == option["status"], t
        assert int(shown[f"order_{t}"]) == option["order"], t
        assert shown[f"reason_{t}"] == option["reason"], t
    assert shown["instructions"] == "Apply twice a day; photos every month."
    assert shown["follow_up"] == "Review photos in 6 months."
    page = response.content.decode()
    assert "This new version starts from version 1" in page
    assert "Wants to wait until after trying for a child." in page
    assert "Review photos in 6 months." in page
    # the editor lists the options in the signed order
    assert [row["option"]["treatment"] for row in form.rows()][:3] == [
        "topical_minoxidil",
        "finasteride",
        "low_level_laser",
    ]


def test_signing_the_new_version_unchanged_keeps_every_decision(
    case_of_a: Case, clinician: Persona
) -> None:
    first = _signed_first_version(case_of_a, clinician)
    clinician.client.post(f"/clinic/cases/{case_of_a.id}/reopen/")
    form = clinician.client.get(f"/clinic/cases/{case_of_a.id}/").context["plan_form"]
    case_of_a.refresh_from_db()
    posted = {**_as_shown(form), "case_version": str(case_of_a.version), "keep_order": "on"}
    response = clinician.client.post(f"/clinic/cases/{case_of_a.id}/", posted)
    assert response.status_code == 302, response.content.decode()[:2000]
    second = Plan.objects.get(case=case_of_a, version=2)
    assert second.options == first.options
    assert (second.instructions, second.follow_up) == (first.instructions, first.follow_up)


def test_starting_a_new_version_is_audited_with_the_plan_it_starts_from(
    case_of_a: Case, clinician: Persona
) -> None:
    _signed_first_version(case_of_a, clinician)
    clinician.client.post(f"/clinic/cases/{case_of_a.id}/reopen/")
    event = AuditEvent.objects.get(action="case.reopened", case_id=case_of_a.id)
    assert event.actor_id == clinician.user.pk
    assert event.detail == {"from_plan_version": 1}


def test_a_first_review_starts_from_the_engines_draft(case_of_a: Case, clinician: Persona) -> None:
    clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/")
    form = clinician.client.get(f"/clinic/cases/{case_of_a.id}/").context["plan_form"]
    shown = _as_shown(form)
    for option in case_of_a.result["options"]:
        t = option["treatment"]
        assert shown[f"status_{t}"] == option["status"]
        assert int(shown[f"order_{t}"]) == option["rank"]
        assert not shown[f"reason_{t}"]
