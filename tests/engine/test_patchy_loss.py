"""Patchy loss: alopecia areata, fungal infection or hair pulling, all seen in person.

Sources: aa-clinical-review-2011 (patches on normal skin, nail pitting, eyebrows), michaels-2012-tinea
and white-tinea-capitis (childhood scaly patches; tablets needed), phillips-2017 (trichotillomania).
"""

from __future__ import annotations

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, conditions


def test_patches_with_nail_pitting_point_to_alopecia_areata(knowledge: Knowledge) -> None:
    """Source: aa-clinical-review-2011."""
    result = assess(
        knowledge,
        answers(WOMAN, pattern="patches", onset="sudden", other_symptoms=["nail_pitting"]),
    )
    assert result.likely_conditions[0].id == "alopecia_areata"
    assert result.likely_conditions[0].likelihood == "likely"
    assert result.route == "in_person"


def test_a_child_with_scaly_patches_points_to_tinea_capitis(knowledge: Knowledge) -> None:
    """Source: michaels-2012-tinea; white-tinea-capitis."""
    result = assess(
        knowledge, answers(MAN, age=9, pattern="patches", scalp_symptoms=["scaling", "itching"])
    )
    assert conditions(result)["tinea_capitis"] == "likely"
    assert {"under_18", "sudden_or_patchy_loss"} <= {f.id for f in result.red_flags}


def test_scale_makes_alopecia_areata_only_possible(knowledge: Knowledge) -> None:
    """Source: aa-clinical-review-2011 (normal skin in the patches)."""
    result = assess(knowledge, answers(MAN, pattern="patches", scalp_symptoms=["scaling"]))
    assert conditions(result)["alopecia_areata"] == "possible"


def test_hair_pulling_points_to_trichotillomania(knowledge: Knowledge) -> None:
    """Source: phillips-2017."""
    result = assess(
        knowledge, answers(WOMAN, pattern="patches", hair_practices=["pulling_or_twisting_hair"])
    )
    assert conditions(result)["trichotillomania"] == "likely"
    transplant = next(o for o in result.options if o.treatment == "hair_transplant")
    assert transplant.status == "avoid"
    assert (
        "option.hair_transplant.contraindication.transplant_hair_pulling" in transplant.reason_rules
    )
