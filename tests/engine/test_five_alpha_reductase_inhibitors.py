"""Mood and the 5-alpha-reductase inhibitors: oral and topical finasteride and dutasteride alike.

Sources: finasterideinfo-suicidality-2022 and fdanews-propecia-2022 (the tablet label's
depression and suicidality warnings), fda-topical-finasteride-alert-2025 (the same reports with
finasteride mixed for the scalp, and passing it to others), ema-prac-may-2025 and
ema-finasteride-dutasteride-referral (mood-change information for dutasteride).
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, answers, assess, flags, option

INHIBITORS = ("finasteride", "topical_finasteride", "dutasteride")
LOW_MOOD = ({"conditions": ["depression"]}, {"medications": ["antidepressant_or_mood_stabilizer"]})


@pytest.mark.parametrize("treatment", INHIBITORS)
@pytest.mark.parametrize("mood", LOW_MOOD)
def test_low_mood_while_using_any_of_them_is_seen_soon(
    knowledge: Knowledge, treatment: str, mood: dict[str, list[str]]
) -> None:
    result = assess(knowledge, answers(MAN, current_treatments={treatment: 4}, **mood))
    assert "mood_change_on_finasteride" in flags(result)
    flag = next(f for f in result.red_flags if f.id == "mood_change_on_finasteride")
    assert flag.urgency == "soon"
    assert "current_treatments" in flag.triggered_by
    assert result.route == "in_person"


@pytest.mark.parametrize("treatment", INHIBITORS)
def test_each_warns_everyone_about_mood_and_needs_a_clinician_after_depression(
    knowledge: Knowledge, treatment: str
) -> None:
    plain = assess(knowledge, MAN)
    assert f"option.{treatment}.caution.mood_for_everyone" in plain.trace
    assert f"option.{treatment}.caution.mood" not in plain.trace
    low = assess(knowledge, answers(MAN, conditions=["depression"]))
    assert f"option.{treatment}.caution.mood" in low.trace
    assert option(low, treatment).status != "recommended"


def test_the_scalp_form_cites_fdas_2025_alert_and_warns_about_passing_it_to_others(
    knowledge: Knowledge,
) -> None:
    topical = knowledge.treatments["topical_finasteride"]
    mood = next(c for c in topical.cautions if c.id == "mood")
    assert "fda-topical-finasteride-alert-2025" in mood.citations
    assert "no link" not in mood.message
    result = assess(knowledge, MAN)
    assert "option.topical_finasteride.caution.passing_it_to_others" in result.trace
    passing = option(result, "topical_finasteride")
    assert any("pregnant" in c and "touch" in c for c in passing.cautions)
