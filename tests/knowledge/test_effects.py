"""Effects against placebo: the model refuses numbers it cannot stand behind, the checker
requires the issue-9 sections, and one function words every result in plain language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from follicle.knowledge import Knowledge, check_knowledge
from follicle.knowledge.effects import Effect, PlaceboEvidence
from follicle.knowledge.plain_effects import amount, effect_sentence, shows_interval, worded

NUMBER_WORDS = ("odds ratio", "p =", "p<", "p <", "standardised mean", "SMD")


def _effect(**changes: Any) -> Effect:
    base: dict[str, Any] = {
        "id": "kept_hair",
        "outcome": "responders",
        "measure": "kept their hair",
        "population": "Men aged 18 to 41",
        "people": "men",
        "weeks": 104,
        "comparator": "placebo",
        "design": "randomized_trial",
        "treated": {"label": "drug", "percent": 83},
        "control": {"label": "placebo", "percent": 28},
        "certainty": "high",
        "certainty_reason": "Large trials.",
        "citations": ["kaufman-1998"],
    }
    base.update(changes)
    return Effect.model_validate(base)


def test_it_words_responders_per_100_with_the_time_frame_and_both_groups() -> None:
    text = effect_sentence(_effect())
    assert text == (
        "In a 2-year trial, about 83 in 100 men taking it kept their hair, "
        "against 28 in 100 on placebo. That is about 55 more in 100 (our arithmetic from the "
        "trial's own percentages)."
    )


def test_it_says_how_many_trials_were_pooled_and_calls_a_pilot_small_before_its_length() -> None:
    assert effect_sentence(_effect(studies=2)).startswith("In two 2-year trials, about 83 in 100")
    assert "(our arithmetic from the trials' own percentages)" in effect_sentence(
        _effect(studies=2)
    )
    pilot = _effect(design="pilot_study", weeks=16)
    assert effect_sentence(pilot).startswith("In a small 16-week pilot trial, ")


def test_it_moves_to_per_1000_when_small_shares_would_round_away() -> None:
    text = effect_sentence(
        _effect(
            outcome="harm",
            harm=True,
            weeks=52,
            treated={"label": "drug", "n": 945, "events": 36},
            control={"label": "placebo", "n": 934, "events": 20},
        )
    )
    assert "about 38 in 1,000 men" in text and "against 21 in 1,000" in text


def test_it_computes_the_difference_from_the_arms_and_names_what_they_hold() -> None:
    counted = _effect(
        treated={"label": "drug", "n": 200, "events": 120},
        control={"label": "placebo", "n": 100, "events": 45},
    )
    assert effect_sentence(counted).endswith(
        "That is about 15 more in 100 (our arithmetic from the trial's own counts)."
    )
    fewer = _effect(control={"label": "placebo", "percent": 90})
    assert "That is about 7 fewer in 100" in effect_sentence(fewer)
    same = _effect(control={"label": "placebo", "percent": 83})
    assert "our arithmetic" not in effect_sentence(same)


def test_it_refuses_a_difference_typed_beside_responder_arms() -> None:
    d = {"measure": "risk_difference", "value": 55, "unit": "in 100"}
    with pytest.raises(ValidationError, match="computed from the arms"):
        _effect(difference=d)


def test_the_writer_returns_exactly_the_numbers_it_computed() -> None:
    assert worded(_effect()).numbers == {"83", "28", "100", "55"}
    harm = _effect(
        outcome="harm",
        harm=True,
        treated={"label": "drug", "n": 945, "events": 36},
        control={"label": "placebo", "n": 934, "events": 20},
    )
    assert worded(harm).numbers == {"38", "21", "1000", "17"}


def test_it_refuses_an_interval_that_misses_its_estimate() -> None:
    d = {"measure": "mean_difference", "value": 50, "unit": "hairs", "ci_low": 1, "ci_high": 9}
    with pytest.raises(ValidationError, match="does not contain"):
        _effect(
            outcome="hair_count", treated=None, control=None, design="meta_analysis", difference=d
        )


def test_it_refuses_one_arm_alone_and_numbers_without_a_time_point() -> None:
    with pytest.raises(ValidationError, match="both arms"):
        _effect(control=None)
    with pytest.raises(ValidationError, match="time point"):
        _effect(weeks=None)


def test_it_words_a_pooled_mean_difference_with_its_interval() -> None:
    d = {
        "measure": "mean_difference",
        "value": 27.55,
        "unit": "hairs per square centimetre",
        "ci_low": 14.04,
        "ci_high": 41.06,
    }
    effect = _effect(
        outcome="hair_count",
        design="meta_analysis",
        studies=13,
        weeks=None,
        treated=None,
        control=None,
        difference=d,
    )
    text = effect_sentence(effect)
    assert text == (
        "Pooling 13 randomized trials, men taking it had about 28 more hairs per square "
        "centimetre than those on placebo (95% CI 14 to 41)."
    )
    assert shows_interval((effect,))
    assert not any(word in text for word in NUMBER_WORDS)
    assert worded(effect).numbers == {"28", "95", "14", "41"}


def test_interval_ends_are_formatted_like_the_estimate() -> None:
    d = {
        "measure": "mean_difference",
        "value": 1.61,
        "unit": "hairs",
        "ci_low": 0.52,
        "ci_high": 2.7,
    }
    effect = _effect(
        outcome="hair_count", treated=None, control=None, design="meta_analysis", difference=d
    )
    assert effect_sentence(effect).endswith(
        "about 1.6 more hairs than those on placebo (95% CI 0.5 to 2.7)."
    )


def test_it_says_when_no_interval_was_reported_and_keeps_small_means_exact() -> None:
    effect = _effect(
        outcome="hair_count",
        unit="hairs per square centimetre",
        weeks=48,
        comparator="vehicle",
        treated={"label": "5%", "mean_change": 18.6},
        control={"label": "vehicle", "mean_change": 3.9},
    )
    text = effect_sentence(effect)
    assert "a rise of about 19 hairs per square centimetre" in text
    assert (
        "against a rise of about 3.9 for those using the same product without the medicine" in text
    )
    assert "did not report a confidence interval" in text
    assert amount(1.5) == "1.5" and amount(27.55) == "28" and amount(2.0) == "2"


def test_a_treatment_cannot_claim_placebo_evidence_it_does_not_list() -> None:
    with pytest.raises(ValidationError, match="placebo-type outcome"):
        PlaceboEvidence(placebo_controlled=True, summary="x", citations=("kaufman-1998",))
    with pytest.raises(ValidationError, match="placebo comparator"):
        PlaceboEvidence(
            placebo_controlled=False, summary="x", citations=("a-b",), outcomes=(_effect(),)
        )


def test_every_real_treatment_has_the_sections_and_every_sentence_avoids_bare_statistics(
    knowledge: Knowledge,
) -> None:
    for t in knowledge.treatments.values():
        assert t.effects and t.on_stopping and t.time_to_judge and t.duration, t.id
        for e in t.effects.outcomes:
            text = effect_sentence(e)
            assert text and not any(word in text for word in NUMBER_WORDS), (t.id, text)
    stated_none = {
        t.id
        for t in knowledge.treatments.values()
        if t.effects is not None and not t.effects.placebo_controlled
    }
    assert {"hair_transplant", "oral_minoxidil"} <= stated_none


def test_the_checker_requires_the_sections_for_every_treatment(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    path = knowledge_copy / "treatments" / "spironolactone.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\nduration:", 1)[0] + "\n", encoding="utf-8")
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.file == "treatments/spironolactone.yaml" and p.field == "duration" for p in problems
    )
