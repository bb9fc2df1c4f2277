"""Look-alikes of pattern hair loss are examined before any plan: hair pulling, eyebrow loss,
a receding hairline in a woman, crown-centred scarring (CCCA), and hair loss with fever, rash or
joint pain.

Sources: phillips-2017, franklin-2011, mgh-trichotillomania-care (hair pulling: habit-reversal
training within CBT), nguyen-2022-madarosis (eyebrow and eyelash loss), statpearls-aga,
lyakhovitsky-2015, vano-galvan-2014 (female pattern loss keeps the front hairline; frontal
fibrosing alopecia), herskovitz-2016, ogunleye-2014 (CCCA), concha-werth-2018,
bi-2009-syphilis (lupus, syphilis).
"""

from __future__ import annotations

import pytest

from follicle.engine import AssessmentResult
from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, conditions, flags

PATTERN_LOSS_DRUGS = (
    "topical_minoxidil",
    "oral_minoxidil",
    "finasteride",
    "topical_finasteride",
    "dutasteride",
    "spironolactone",
)
POST_MENOPAUSE = {"age": 58, "pregnancy": "cannot_become_pregnant"}


def _no_plan(result: AssessmentResult) -> None:
    assert result.route == "in_person"
    assert all(o.status in ("not_now", "avoid") for o in result.options)


@pytest.mark.parametrize("base", [MAN, WOMAN])
def test_hair_pulling_gets_no_pattern_loss_drug_and_points_to_habit_reversal(
    knowledge: Knowledge, base: dict[str, object]
) -> None:
    """Source: phillips-2017 (treatment targets the urge); franklin-2011 (habit reversal)."""
    result = assess(knowledge, answers(base, hair_practices=["pulling_or_twisting_hair"]))
    assert conditions(result)["trichotillomania"] == "likely"
    assert "hair_pulling" in flags(result)
    assert "red_flag.hair_pulling" in result.trace
    _no_plan(result)
    assert not any(
        o.status in ("recommended", "consider")
        for o in result.options
        if o.treatment in PATTERN_LOSS_DRUGS
    )
    flag = next(f for f in result.red_flags if f.id == "hair_pulling")
    assert "habit-reversal" in flag.message and "CBT" in flag.message
    assert "hair_practices" in flag.triggered_by


def test_hair_pulling_is_examined_even_when_the_scalp_makes_it_less_likely(
    knowledge: Knowledge,
) -> None:
    """Source: phillips-2017: possible hair pulling still needs a clinician, not a drug plan."""
    result = assess(
        knowledge,
        answers(MAN, hair_practices=["pulling_or_twisting_hair"], scalp_symptoms=["scaling"]),
    )
    assert conditions(result)["trichotillomania"] == "possible"
    assert "hair_pulling" in flags(result)


@pytest.mark.parametrize(
    "pattern", ["crown", "diffuse", "widening_part", "hairline", "hairline_and_crown"]
)
def test_eyebrow_or_eyelash_loss_is_examined_whatever_the_pattern(
    knowledge: Knowledge, pattern: str
) -> None:
    """Source: nguyen-2022-madarosis (alopecia areata, hormone problems, frontal fibrosing
    alopecia; can be the first sign of illness elsewhere)."""
    result = assess(
        knowledge, answers(MAN, pattern=pattern, other_symptoms=["eyebrow_or_eyelash_loss"])
    )
    assert "eyebrow_or_eyelash_loss" in flags(result)
    assert "red_flag.eyebrow_or_eyelash_loss" in result.trace
    _no_plan(result)


@pytest.mark.parametrize("pattern", ["hairline", "hairline_and_crown"])
@pytest.mark.parametrize("life_stage", [POST_MENOPAUSE, {"age": 34}])
def test_a_woman_whose_front_hairline_recedes_is_examined_for_frontal_fibrosing_alopecia(
    knowledge: Knowledge, pattern: str, life_stage: dict[str, object]
) -> None:
    """Source: statpearls-aga (female pattern loss keeps the hairline); lyakhovitsky-2015."""
    result = assess(knowledge, answers(WOMAN, pattern=pattern, **life_stage))
    assert "receding_hairline_in_a_woman" in flags(result)
    assert conditions(result)["scarring_alopecia"] == "possible"
    _no_plan(result)
    assert "menopause" in next(
        f.message for f in result.red_flags if f.id == "receding_hairline_in_a_woman"
    )


def test_a_man_whose_hairline_recedes_still_gets_an_online_plan(knowledge: Knowledge) -> None:
    """Source: statpearls-aga (temple recession is the usual male pattern)."""
    result = assess(knowledge, answers(MAN, pattern="hairline"))
    assert result.route == "online_plan"
    assert "scarring_alopecia" not in conditions(result)


def test_crown_thinning_with_itch_and_coily_hair_in_a_woman_makes_ccca_likely(
    knowledge: Knowledge,
) -> None:
    """Source: herskovitz-2016, ogunleye-2014 (crown-centred, itch or tenderness, mostly women
    of African descent; hair texture and styling raise its weight)."""
    result = assess(
        knowledge,
        answers(
            WOMAN,
            pattern="crown",
            scalp_symptoms=["itching"],
            hair_texture="coily",
            hair_practices=["tight_hairstyles"],
        ),
    )
    assert conditions(result)["central_centrifugal_cicatricial_alopecia"] == "likely"
    assert "possible_central_scarring" in flags(result)
    assert "red_flag.possible_central_scarring" in result.trace
    flag = next(f for f in result.red_flags if f.id == "possible_central_scarring")
    assert {"pattern", "scalp_symptoms", "hair_texture"} <= set(flag.triggered_by)
    _no_plan(result)


@pytest.mark.parametrize(
    "changes",
    [
        {"pattern": "crown", "scalp_symptoms": ["itching"]},
        {"pattern": "crown", "scalp_symptoms": ["itching", "scaling"]},
        {"pattern": "widening_part", "scalp_symptoms": ["itching"], "hair_texture": "coily"},
    ],
)
def test_crown_centred_thinning_with_itch_is_examined_even_without_the_texture_answer(
    knowledge: Knowledge, changes: dict[str, object]
) -> None:
    """Source: herskovitz-2016 (itch or tenderness; early CCCA can look like pattern loss)."""
    result = assess(knowledge, answers(WOMAN, **changes))
    assert conditions(result)["central_centrifugal_cicatricial_alopecia"] == "possible"
    assert "possible_central_scarring" in flags(result)


def test_a_wider_parting_with_a_flaky_itchy_scalp_is_read_as_seborrhoeic_dermatitis(
    knowledge: Knowledge,
) -> None:
    """Source: clark-2015; statpearls-aga (a wider parting is the usual female pattern)."""
    result = assess(knowledge, answers(WOMAN, scalp_symptoms=["itching", "scaling"]))
    assert "central_centrifugal_cicatricial_alopecia" not in conditions(result)
    assert result.route == "online_plan"


def test_coily_hair_alone_does_not_raise_ccca(knowledge: Knowledge) -> None:
    """Source: herskovitz-2016: texture raises the weight of the picture, it is not the picture."""
    result = assess(knowledge, answers(WOMAN, pattern="crown", hair_texture="coily"))
    assert "central_centrifugal_cicatricial_alopecia" not in conditions(result)
    assert result.route == "online_plan"


def test_coily_hair_raises_ccca_in_a_man_with_an_itchy_crown(knowledge: Knowledge) -> None:
    """Source: ogunleye-2014 (mostly but not only women): each risk factor counts once."""
    coily = assess(knowledge, answers(MAN, scalp_symptoms=["itching"], hair_texture="coily"))
    assert conditions(coily)["central_centrifugal_cicatricial_alopecia"] == "possible"
    assert "possible_central_scarring" in flags(coily)
    styled = assess(
        knowledge,
        answers(
            MAN,
            scalp_symptoms=["itching"],
            hair_texture="coily",
            hair_practices=["tight_hairstyles"],
        ),
    )
    assert conditions(styled)["central_centrifugal_cicatricial_alopecia"] == "likely"


def test_a_man_with_an_itchy_flaky_crown_and_no_risk_factor_is_read_as_seborrhoeic_dermatitis(
    knowledge: Knowledge,
) -> None:
    """Source: clark-2015; ogunleye-2014 (CCCA mostly affects women of African descent)."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["itching", "scaling"]))
    assert "central_centrifugal_cicatricial_alopecia" not in conditions(result)
    assert result.route == "online_plan"


@pytest.mark.parametrize("base", [MAN, WOMAN])
def test_fever_rash_or_joint_pain_with_hair_loss_is_examined(
    knowledge: Knowledge, base: dict[str, object]
) -> None:
    """Source: concha-werth-2018 (lupus); bi-2009-syphilis (secondary syphilis)."""
    result = assess(knowledge, answers(base, other_symptoms=["fever_rash_or_joint_pain"]))
    assert "fever_rash_or_joint_pain" in flags(result)
    flag = next(f for f in result.red_flags if f.id == "fever_rash_or_joint_pain")
    assert flag.urgency == "soon"
    assert flag.triggered_by == ("other_symptoms",)
    _no_plan(result)
