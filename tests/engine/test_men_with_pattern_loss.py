"""Men with gradual pattern loss: finasteride and topical minoxidil first.

Sources: kaufman-1998 and olsen-2002 (pivotal trials), adil-godwin-2017 (meta-analysis),
gupta-2022 (network meta-analysis: dutasteride after finasteride), evidence notes section 6.
"""

from __future__ import annotations

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, answers, assess, conditions, option


def test_it_recommends_finasteride_and_topical_minoxidil_first(knowledge: Knowledge) -> None:
    """Source: kaufman-1998; olsen-2002; adil-godwin-2017."""
    result = assess(knowledge, MAN)
    top_two = {o.treatment for o in result.options[:2]}
    assert top_two == {"finasteride", "topical_minoxidil"}
    assert all(o.status == "recommended" for o in result.options[:2])
    assert "kaufman-1998" in option(result, "finasteride").citations


def test_it_names_pattern_hair_loss_as_likely_with_reasons(knowledge: Knowledge) -> None:
    """Source: statpearls-aga (temples and crown in men)."""
    result = assess(knowledge, MAN)
    assert conditions(result)["androgenetic_alopecia"] == "likely"
    assert result.likely_conditions[0].id == "androgenetic_alopecia"
    assert result.likely_conditions[0].reasons


def test_it_respects_a_man_who_will_not_take_pills(knowledge: Knowledge) -> None:
    """Source: evidence notes 6: topical minoxidil stays first line on its own."""
    result = assess(knowledge, answers(MAN, open_to=["topicals"]))
    assert option(result, "finasteride").status == "not_now"
    assert option(result, "topical_minoxidil").status == "recommended"
    assert any("tablets" in r for r in option(result, "finasteride").reasons)


def test_dutasteride_is_worth_discussing_after_finasteride_side_effects(
    knowledge: Knowledge,
) -> None:
    """Source: gupta-2022 (dutasteride is the most effective); evidence notes 6 (off-label, via a clinician)."""
    result = assess(knowledge, answers(MAN, tried_before={"finasteride": "side_effects"}))
    assert option(result, "finasteride").status == "not_now"
    assert option(result, "dutasteride").status == "consider"


def test_second_line_options_wait_while_first_line_is_untried(knowledge: Knowledge) -> None:
    """Source: ldom-consensus-2024 (oral minoxidil when topical fails or is impractical)."""
    result = assess(knowledge, MAN)
    assert option(result, "oral_minoxidil").status == "not_now"
    assert option(result, "dutasteride").status == "not_now"


def test_oral_minoxidil_is_worth_discussing_when_topical_minoxidil_was_not_tolerated(
    knowledge: Knowledge,
) -> None:
    """Source: ldom-consensus-2024 (oral minoxidil when topical fails or is impractical)."""
    result = assess(knowledge, answers(MAN, tried_before={"topical_minoxidil": "side_effects"}))
    assert option(result, "topical_minoxidil").status == "not_now"
    assert option(result, "oral_minoxidil").status == "consider"
    assert (
        "option.oral_minoxidil.tier.second_line.first_line_unavailable"
        in option(result, "oral_minoxidil").reason_rules
    )


def test_finasteride_with_a_history_of_depression_needs_a_clinicians_view(
    knowledge: Knowledge,
) -> None:
    """Source: fdanews-propecia-2022 (suicidal thoughts added to the label)."""
    result = assess(knowledge, answers(MAN, conditions=["depression"]))
    finasteride = option(result, "finasteride")
    assert finasteride.status == "consider"
    assert finasteride.cautions


def test_an_older_man_still_gets_finasteride_first(knowledge: Knowledge) -> None:
    """Source: whiting-2003 (benefit in men aged 41 to 60)."""
    result = assess(knowledge, answers(MAN, age=52))
    assert option(result, "finasteride").status == "recommended"


def test_adjuncts_come_after_first_line_and_are_never_recommended(knowledge: Knowledge) -> None:
    """Source: dhurat-2013 (microneedling with minoxidil); avci-2014; pierard-franchimont-1998."""
    result = assess(knowledge, MAN)
    first = max(option(result, t).rank for t in ("finasteride", "topical_minoxidil"))
    for adjunct in ("microneedling", "low_level_laser", "ketoconazole_shampoo"):
        assert option(result, adjunct).status != "recommended"
        assert option(result, adjunct).rank > first


def test_current_treatment_is_acknowledged(knowledge: Knowledge) -> None:
    """Source: contract (current_treatments); the reason says what the person already does."""
    result = assess(knowledge, answers(MAN, current_treatments={"finasteride": 8}))
    assert any("8 months" in r for r in option(result, "finasteride").reasons)
