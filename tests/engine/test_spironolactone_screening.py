"""Spironolactone screening through the v2 codes: breast cancer, potassium, women's side effects.

Sources: bommareddy-2022, wei-2020, rozner-2019 (no raised breast cancer risk or recurrence
found, and no interaction with endocrine therapy, in limited observational evidence: a decision
for the cancer team, not a contraindication), aldactone-us-label and aldactone-canada-monograph
(high potassium rules it out; potassium-raising medicines need potassium checks),
aldactone-canada-adverse-reactions (irregular or absent periods, breast pain).
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import WOMAN, answers, assess, option

#: A woman for whom spironolactone is worth discussing: no pregnancy possible, and she does not
#: want scalp treatments (so the first-line topical is declined).
CANDIDATE = answers(
    WOMAN,
    age=52,
    pregnancy="cannot_become_pregnant",
    open_to=["pills", "home_devices"],
)


def test_the_candidate_is_offered_spironolactone_to_discuss(knowledge: Knowledge) -> None:
    assert option(assess(knowledge, CANDIDATE), "spironolactone").status == "consider"


@pytest.mark.parametrize(
    "changes",
    [{"conditions": ["breast_cancer"]}, {"medications": ["breast_cancer_hormone_therapy"]}],
)
def test_breast_cancer_or_its_hormone_treatment_waits_for_the_cancer_team(
    knowledge: Knowledge, changes: dict[str, list[str]]
) -> None:
    result = assess(knowledge, answers(CANDIDATE, **changes))
    spiro = option(result, "spironolactone")
    assert spiro.status == "not_now"
    assert "option.spironolactone.contraindication.breast_cancer" in spiro.reason_rules
    assert any("cancer team" in r for r in spiro.reasons)


def test_known_high_potassium_avoids_it(knowledge: Knowledge) -> None:
    result = assess(knowledge, answers(CANDIDATE, conditions=["high_potassium"]))
    spiro = option(result, "spironolactone")
    assert spiro.status == "avoid"
    assert "option.spironolactone.contraindication.high_potassium" in spiro.reason_rules


def test_a_potassium_raising_medicine_waits_for_a_potassium_test(knowledge: Knowledge) -> None:
    result = assess(knowledge, answers(CANDIDATE, medications=["potassium_raising"]))
    spiro = option(result, "spironolactone")
    assert spiro.status == "not_now"
    assert (
        "option.spironolactone.contraindication.potassium_raising_medicines" in spiro.reason_rules
    )
    assert any("potassium blood test" in r for r in spiro.reasons)


def test_its_side_effects_are_those_of_the_women_it_is_offered_to(knowledge: Knowledge) -> None:
    texts = " ".join(s.text for s in knowledge.treatments["spironolactone"].side_effects)
    assert "Periods" in texts and "Breasts" in texts
    assert "In men" not in texts
