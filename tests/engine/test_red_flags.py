"""Red flags route to in-person care, and then no treatment is offered as if online applied.

Sources: NHS Lothian RefHelp (refer scarring, uncertain or extensive loss), the OTC minoxidil
label (do not use for sudden or patchy loss, under 18, unknown cause), the evidence notes'
red-flag list (section 3.3).
"""

from __future__ import annotations

from typing import Any

import pytest

from follicle.engine import AssessmentResult
from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, flags


def _assert_no_online_plan(result: AssessmentResult) -> None:
    assert result.route == "in_person"
    assert result.in_person is not None
    assert result.in_person.bring
    assert all(o.status in ("not_now", "avoid") for o in result.options)


def test_it_refers_patchy_loss(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label (do not use if sudden and/or patchy); aa-clinical-review-2011."""
    result = assess(knowledge, answers(MAN, pattern="patches", scale_stage=None))
    assert "sudden_or_patchy_loss" in flags(result)
    _assert_no_online_plan(result)
    flag = next(f for f in result.red_flags if f.id == "sudden_or_patchy_loss")
    assert flag.triggered_by == ("pattern",)
    assert "minoxidil-otc-label" in flag.citations


def test_it_refers_sudden_onset(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label; phillips-2017 (telogen effluvium is sudden and diffuse)."""
    result = assess(knowledge, answers(MAN, onset="sudden"))
    assert "sudden_or_patchy_loss" in flags(result)
    _assert_no_online_plan(result)


def test_it_refers_smooth_shiny_patches_as_scarring(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia (refer scarring alopecia); kang-2008."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["smooth_shiny_patches"]))
    assert "scarring_signs" in flags(result)
    assert next(f for f in result.red_flags if f.id == "scarring_signs").urgency == "soon"
    _assert_no_online_plan(result)


def test_it_refers_anyone_under_18(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label (not for under 18); michaels-2012-tinea (tinea is paediatric)."""
    result = assess(knowledge, answers(MAN, age=16))
    assert "under_18" in flags(result)
    _assert_no_online_plan(result)


def test_it_does_not_flag_an_adult_of_18(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label: the age limit is under 18, so 18 itself is an adult."""
    assert "under_18" not in flags(assess(knowledge, answers(MAN, age=18)))


def test_it_refers_signs_of_androgen_excess_in_women(knowledge: Knowledge) -> None:
    """Source: spritzer-2022 (acne, hirsutism and irregular periods signal hyperandrogenism)."""
    result = assess(
        knowledge,
        answers(WOMAN, other_symptoms=["irregular_periods", "acne_or_excess_hair_growth"]),
    )
    assert "androgen_excess_signs" in flags(result)
    _assert_no_online_plan(result)


def test_rapid_virilisation_is_urgent_and_comes_first(knowledge: Knowledge) -> None:
    """Source: evidence notes 3.3 item 4 (rapid virilisation is urgent; stored as unverified)."""
    result = assess(
        knowledge, answers(WOMAN, other_symptoms=["rapid_virilization", "fatigue_or_weight_change"])
    )
    assert result.red_flags[0].id == "rapid_virilization"
    assert result.red_flags[0].urgency == "urgent"
    assert result.in_person is not None and "days" in result.in_person.summary


def test_it_refers_systemic_symptoms(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia (check blood count, ferritin and thyroid in diffuse loss)."""
    result = assess(knowledge, answers(WOMAN, other_symptoms=["heavy_periods"]))
    assert "systemic_symptoms" in flags(result)


def test_it_refers_heavy_shedding_lasting_over_six_months_without_a_cause(
    knowledge: Knowledge,
) -> None:
    """Source: phillips-2017 (acute telogen effluvium settles within six months); minoxidil label."""
    result = assess(
        knowledge, answers(WOMAN, pattern="diffuse", shedding="more_than_usual", duration_months=8)
    )
    assert "prolonged_shedding" in flags(result)


def test_it_does_not_call_recent_shedding_with_a_known_trigger_prolonged(
    knowledge: Knowledge,
) -> None:
    """Source: phillips-2017: shedding after a trigger within six months is the expected course."""
    result = assess(
        knowledge,
        answers(
            WOMAN,
            pattern="diffuse",
            shedding="more_than_usual",
            duration_months=3,
            triggers=["surgery"],
        ),
    )
    assert "prolonged_shedding" not in flags(result)


def test_it_refers_pregnancy(knowledge: Knowledge) -> None:
    """Source: finasteride-label and minoxidil-otc-label (not for use in pregnancy)."""
    result = assess(knowledge, answers(WOMAN, pregnancy="pregnant_or_breastfeeding"))
    assert "pregnancy_or_breastfeeding" in flags(result)
    _assert_no_online_plan(result)


def test_a_plain_case_has_no_red_flag(knowledge: Knowledge) -> None:
    """Source: statpearls-aga: slow crown thinning in a man is the ordinary pattern."""
    result = assess(knowledge, MAN)
    assert result.red_flags == ()
    assert result.route == "online_plan"
    assert result.in_person is None


@pytest.mark.parametrize(
    ("changes", "triggered_by"),
    [
        ({"scalp_symptoms": ["burning_or_pain"]}, ("scalp_symptoms",)),
        ({"scalp_symptoms": ["redness", "itching"]}, ("scalp_symptoms",)),
        ({"pattern": "frontal_band"}, ("pattern",)),
        ({"medications": ["chemotherapy"]}, ("medications",)),
        ({"age": 15}, ("age",)),
    ],
)
def test_each_flag_names_exactly_the_answers_that_raised_it(
    knowledge: Knowledge,
    changes: dict[str, Any],
    triggered_by: tuple[str, ...],
) -> None:
    """Source: contract: triggered_by names the answers; the trace holds the flag's rule."""
    result = assess(knowledge, answers(MAN, **changes))
    assert [f.triggered_by for f in result.red_flags] == [triggered_by]
    assert f"red_flag.{result.red_flags[0].id}" in result.trace


def test_rapid_virilisation_is_urgent_for_anyone(knowledge: Knowledge) -> None:
    """Source: evidence notes 3.3 item 4; Follicle's safe reading applies it to men too."""
    result = assess(knowledge, answers(MAN, other_symptoms=["rapid_virilization"]))
    assert result.red_flags[0].id == "rapid_virilization"
    assert result.red_flags[0].urgency == "urgent"


@pytest.mark.parametrize(
    "mood",
    [{"conditions": ["depression"]}, {"medications": ["antidepressant_or_mood_stabilizer"]}],
)
def test_it_refers_low_mood_while_taking_finasteride(
    knowledge: Knowledge, mood: dict[str, list[str]]
) -> None:
    """Source: finasterideinfo-suicidality-2022 and fdanews-propecia-2022 (depression on the
    label since 2011, suicidal thoughts since 2022); evidence notes 3.3, item 9."""
    result = assess(knowledge, answers(MAN, current_treatments={"finasteride": 12}, **mood))
    assert "mood_change_on_finasteride" in flags(result)
    assert (
        next(f for f in result.red_flags if f.id == "mood_change_on_finasteride").urgency == "soon"
    )
    _assert_no_online_plan(result)


def test_depression_without_finasteride_is_not_a_red_flag(knowledge: Knowledge) -> None:
    """Source: the label warning is about finasteride; depression alone changes cautions, not
    the route."""
    result = assess(knowledge, answers(MAN, conditions=["depression"]))
    assert "mood_change_on_finasteride" not in flags(result)


# --- over-triggers softened (issue 9): routine urgency where the sources support it ----------


@pytest.mark.parametrize(
    ("changes", "flag"),
    [
        ({"conditions": ["pcos"]}, "known_pcos"),
        ({"other_symptoms": ["acne_or_excess_hair_growth"]}, "androgen_excess_signs"),
        (
            {"other_symptoms": ["irregular_periods"], "conditions": ["pcos"]},
            "androgen_excess_signs",
        ),
        ({"other_symptoms": ["fatigue_or_weight_change"]}, "systemic_symptoms"),
        ({"other_symptoms": ["heavy_periods"]}, "systemic_symptoms"),
    ],
)
def test_known_pcos_new_hormone_signs_and_tiredness_are_routine_through_your_own_doctor(
    knowledge: Knowledge, changes: dict[str, list[str]], flag: str
) -> None:
    """Sources: matheson-2019 (only fast onset or virilisation points to a tumour);
    nhs-lothian-alopecia, nice-qs47-hmb (blood tests in primary care)."""
    result = assess(knowledge, answers(WOMAN, **changes))
    assert [f.id for f in result.red_flags] == [flag]
    raised = result.red_flags[0]
    assert raised.urgency == "routine"
    assert "own doctor" in raised.message or "doctor who looks after" in raised.message
    assert result.in_person is not None
    assert "routine" in result.in_person.summary


def test_known_pcos_with_new_symptoms_raises_only_the_androgen_flag(knowledge: Knowledge) -> None:
    result = assess(
        knowledge, answers(WOMAN, conditions=["pcos"], other_symptoms=["irregular_periods"])
    )
    assert "known_pcos" not in flags(result)


def test_fast_virilisation_stays_urgent_beside_the_routine_flags(knowledge: Knowledge) -> None:
    """Source: endocrine-society-hirsutism (sudden or fast-spreading hair growth)."""
    result = assess(
        knowledge,
        answers(WOMAN, conditions=["pcos"], other_symptoms=["rapid_virilization", "heavy_periods"]),
    )
    assert result.red_flags[0].id == "rapid_virilization"
    assert result.red_flags[0].urgency == "urgent"
