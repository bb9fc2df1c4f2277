"""Shedding after a trigger: telogen effluvium, what to check, and medicines.

Sources: phillips-2017 (telogen effluvium after illness, birth, surgery, diets, stress,
medicines), rebora-2019 (spread-out shedding without a bald patch), nhs-lothian-alopecia
(ferritin, blood count, thyroid), medication-hair-loss-2023 (drug-induced shedding; do not stop a drug on your own).
"""

from __future__ import annotations

from typing import Any

from follicle.knowledge import Knowledge
from tests.engine.builders import WOMAN, answers, assess, conditions


def _gradual_shedding(**changes: Any) -> dict[str, Any]:
    return answers(
        WOMAN, pattern="diffuse", shedding="more_than_usual", duration_months=3, **changes
    )


def test_shedding_after_an_operation_points_to_telogen_effluvium(knowledge: Knowledge) -> None:
    """Source: phillips-2017."""
    result = assess(knowledge, _gradual_shedding(triggers=["surgery"]))
    assert conditions(result)["telogen_effluvium"] == "likely"
    assert "recent_illness_or_surgery" in {f.id for f in result.contributing_factors}


def test_after_childbirth_it_suggests_iron_and_thyroid_checks(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia; phillips-2017."""
    result = assess(
        knowledge, _gradual_shedding(triggers=["childbirth"], pregnancy="cannot_become_pregnant")
    )
    factor = next(f for f in result.contributing_factors if f.id == "recent_childbirth")
    assert {"ferritin", "thyroid_function"} <= set(factor.suggested_checks)


def test_a_new_medicine_comes_with_the_prescriber_reminder(knowledge: Knowledge) -> None:
    """Source: medication-hair-loss-2023; evidence notes 3.3 item 7 (do not stop unilaterally)."""
    result = assess(
        knowledge, _gradual_shedding(triggers=["new_medication"], medications=["beta_blocker"])
    )
    factor = next(f for f in result.contributing_factors if f.id == "medication_started")
    assert "Never stop" in factor.message
    assert conditions(result)["drug_induced_hair_loss"] == "likely"


def test_low_iron_is_a_factor_with_a_ferritin_check(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia; phillips-2017 (iron deficiency triggers shedding)."""
    result = assess(
        knowledge, _gradual_shedding(triggers=["rapid_weight_loss"], conditions=["iron_deficiency"])
    )
    ids = {f.id for f in result.contributing_factors}
    assert {"iron_deficiency", "rapid_weight_loss"} <= ids
    assert (
        "ferritin"
        in next(
            f for f in result.contributing_factors if f.id == "iron_deficiency"
        ).suggested_checks
    )


def test_thyroid_disease_is_a_factor_and_supports_shedding(knowledge: Knowledge) -> None:
    """Source: phillips-2017 (thyroid disease causes diffuse loss)."""
    result = assess(
        knowledge, _gradual_shedding(triggers=["severe_stress"], conditions=["thyroid_disease"])
    )
    assert "thyroid_disease" in {f.id for f in result.contributing_factors}
    assert "telogen_effluvium" in conditions(result)


def test_tight_hairstyles_point_to_traction_alopecia(knowledge: Knowledge) -> None:
    """Source: billero-miteva-2018 (marginal loss from tight styles)."""
    result = assess(knowledge, answers(WOMAN, pattern="edges", hair_practices=["tight_hairstyles"]))
    assert conditions(result)["traction_alopecia"] == "likely"
    assert "tight_hairstyles" in {f.id for f in result.contributing_factors}
