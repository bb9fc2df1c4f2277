"""The plan editor warns when an option's status and its place disagree ("Not now" above
"Recommended"), and lets the clinician reorder without JavaScript; nothing entered is lost."""

from __future__ import annotations

from typing import Any

import pytest

from follicle.web.reviews.models import Case, Plan
from tests.cases import plan_post
from tests.personas import Persona

NOT_NOW_FIRST = {
    "status_finasteride": "not_now",
    "reason_finasteride": "Wants to wait until after trying for a child.",
    "instructions": "Photos every month.",
}
FINASTERIDE = "Finasteride 1 mg tablets"
MINOXIDIL = "Topical minoxidil (solution or foam)"
WARNING = f"{FINASTERIDE}, marked Not now, stands above {MINOXIDIL}, marked Recommended."


def _claimed(case: Case, clinician: Persona) -> None:
    assert clinician.client.post(f"/clinic/cases/{case.id}/claim/").status_code == 302
    case.refresh_from_db()


def test_it_refuses_to_sign_a_not_now_above_a_recommended_and_says_which(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/", plan_post(case_of_a, **NOT_NOW_FIRST)
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert WARNING in page
    assert response.context["plan_form"].errors["keep_order"]
    assert not Plan.objects.filter(case=case_of_a).exists()
    # nothing entered is lost
    assert "Wants to wait until after trying for a child." in page
    assert "Photos every month." in page
    assert 'value="not_now" selected' in page


def test_the_clinician_may_keep_the_order_on_purpose(case_of_a: Case, clinician: Persona) -> None:
    _claimed(case_of_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, keep_order="on", **NOT_NOW_FIRST),
    )
    assert response.status_code == 302
    plan = Plan.objects.get(case=case_of_a)
    assert plan.options[0]["treatment"] == "finasteride"
    assert plan.options[0]["status"] == "not_now"


def test_put_in_status_order_moves_the_option_down_and_saves_nothing(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, arrange="status", **NOT_NOW_FIRST),
    )
    assert response.status_code == 200
    assert not Plan.objects.filter(case=case_of_a).exists()
    form = response.context["plan_form"]
    order = [row["option"]["treatment"] for row in form.rows()]
    statuses = [form[f"status_{t}"].value() for t in order]
    assert order[:4] == [
        "topical_minoxidil",
        "low_level_laser",
        "microneedling",
        "ketoconazole_shampoo",
    ]
    assert order[4] == "finasteride"  # the first of the "not now" options, as it was entered
    assert statuses == sorted(statuses, key=["recommended", "consider", "not_now", "avoid"].index)
    assert [int(form[f"order_{t}"].value()) for t in order] == list(range(1, len(order) + 1))
    assert form.order_warnings() == []
    page = response.content.decode()
    assert WARNING not in page
    assert "Wants to wait until after trying for a child." in page
    assert "Photos every month." in page


def test_places_typed_by_hand_are_shown_in_that_order_with_the_warning(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, arrange="places", order_exosomes="1", order_finasteride="12"),
    )
    assert response.status_code == 200
    assert not Plan.objects.filter(case=case_of_a).exists()
    form = response.context["plan_form"]
    order = [row["option"]["treatment"] for row in form.rows()]
    assert order[0] == "exosomes" and order[-1] == "finasteride"
    page = response.content.decode()
    assert f"marked Not now, stands above {MINOXIDIL}, marked Recommended." in page
    assert page.index('id="id_order_exosomes"') < page.index('id="id_order_finasteride"')


def test_a_place_that_is_not_a_number_is_refused_on_its_field(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, order_finasteride="first", **NOT_NOW_FIRST),
    )
    assert response.status_code == 422
    assert response.context["plan_form"].errors["order_finasteride"]
    assert 'value="first"' in response.content.decode()
    assert not Plan.objects.filter(case=case_of_a).exists()


def test_a_new_version_of_a_plan_signed_out_of_order_shows_the_warning_at_once(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, keep_order="on", **NOT_NOW_FIRST),
    )
    clinician.client.post(f"/clinic/cases/{case_of_a.id}/reopen/")
    page = clinician.client.get(f"/clinic/cases/{case_of_a.id}/").content.decode()
    assert WARNING in page


def test_the_action_itself_refuses_an_unconfirmed_order_that_disagrees(
    case_of_a: Case, clinician: Persona
) -> None:
    """Not only the page: any caller of issue_plan must say it keeps such an order."""
    from follicle.web.reviews import actions
    from tests.cases import draft_decisions
    from tests.personas import TEST_AUDIT

    _claimed(case_of_a, clinician)
    decisions = [
        actions.Decision(d.treatment, "not_now", d.order, "Waiting for blood tests.")
        if d.order == 1
        else d
        for d in draft_decisions(case_of_a)
    ]
    sign: dict[str, Any] = {
        "audit": TEST_AUDIT,
        "case_id": case_of_a.id,
        "clinician": clinician.user,
        "decisions": decisions,
        "instructions": "",
        "follow_up": "",
    }
    with pytest.raises(actions.PlanInvalid) as refused:
        actions.issue_plan(**sign)
    assert set(refused.value.errors) == {"keep_order"}
    assert actions.issue_plan(**sign, keep_order=True).options[0]["status"] == "not_now"


def test_out_of_status_order_names_the_best_option_below_each_misplaced_one() -> None:
    from follicle.web.reviews.actions import out_of_status_order

    assert out_of_status_order(["recommended", "consider", "not_now", "avoid"]) == []
    assert out_of_status_order(["consider", "recommended", "recommended"]) == [(0, 1)]
    assert out_of_status_order(["avoid", "not_now", "recommended"]) == [(0, 2), (1, 2)]


def test_options_that_only_moved_up_for_a_demoted_one_need_no_reason_of_their_own(
    case_of_a: Case, clinician: Persona
) -> None:
    """Demoting the first option and putting the plan in status order moves every other option
    up a place; only the demoted option's new status needs the clinician's reason."""
    _claimed(case_of_a, clinician)
    arranged = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, arrange="status", **NOT_NOW_FIRST),
    ).context["plan_form"]
    values = {
        n: arranged[n].value() for n in arranged.fields if arranged[n].value() not in (None, False)
    }
    response = clinician.client.post(f"/clinic/cases/{case_of_a.id}/", values)
    assert response.status_code == 302, response.context["plan_form"].errors
    plan = Plan.objects.get(case=case_of_a)
    assert plan.options[0]["treatment"] == "topical_minoxidil"
    assert next(o for o in plan.options if o["treatment"] == "finasteride")["status"] == "not_now"


def test_an_option_moved_by_hand_past_its_peers_still_needs_a_reason(
    case_of_a: Case, clinician: Persona
) -> None:
    _claimed(case_of_a, clinician)
    draft = {o["treatment"]: o["rank"] for o in case_of_a.result["options"]}
    second = next(t for t, rank in draft.items() if rank == 2)
    third = next(t for t, rank in draft.items() if rank == 3)
    response = clinician.client.post(
        f"/clinic/cases/{case_of_a.id}/",
        plan_post(case_of_a, **{f"order_{second}": "3", f"order_{third}": "2"}),
    )
    assert response.status_code == 422
    errors = response.context["plan_form"].errors
    assert f"reason_{second}" in errors and f"reason_{third}" in errors
    assert not Plan.objects.filter(case=case_of_a).exists()
