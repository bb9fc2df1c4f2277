"""Proven, cheap options before unproven, expensive ones; each step opens only when it should.

Sources: evidence notes section 6 (first line, then second line via a clinician, adjuncts
alongside), ldom-consensus-2024 (oral minoxidil when topical fails or is impractical), gupta-2022
(dutasteride after finasteride), curekey-exosomes (cheaper, better-tested options first).
"""

from __future__ import annotations

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, conditions, option


def test_second_line_does_not_open_for_a_condition_first_line_does_not_treat(
    knowledge: Knowledge,
) -> None:
    """Traction alopecia: oral minoxidil is not offered just because minoxidil on the scalp
    treats pattern loss only (source: billero-miteva-2018; ldom-consensus-2024)."""
    result = assess(
        knowledge,
        answers(WOMAN, pattern="edges", hair_practices=["tight_hairstyles"], family_history="no"),
    )
    assert conditions(result).get("androgenetic_alopecia") is None
    assert option(result, "oral_minoxidil").status == "not_now"


def test_declining_tablets_does_not_open_every_second_line_option(knowledge: Knowledge) -> None:
    """Source: gupta-2022: second-line options follow their own first-line drug."""
    result = assess(knowledge, answers(MAN, open_to=["topicals"]))
    assert option(result, "topical_minoxidil").status == "recommended"
    assert (
        option(result, "oral_minoxidil").status == "not_now"
    )  # topical minoxidil is still available
    assert (
        option(result, "topical_finasteride").status == "consider"
    )  # the tablet-free form of finasteride
    assert option(result, "topical_minoxidil").rank < option(result, "topical_finasteride").rank


def test_an_add_on_waits_when_there_is_nothing_to_add_it_to(knowledge: Knowledge) -> None:
    """Source: dhurat-2013 and english-2022 (microneedling helps alongside minoxidil)."""
    result = assess(knowledge, answers(MAN, open_to=["home_devices"]))
    laser = option(result, "low_level_laser")
    assert laser.status == "not_now"
    assert any("only helps alongside" in r for r in laser.reasons)


def test_an_add_on_is_worth_discussing_alongside_current_treatment(knowledge: Knowledge) -> None:
    """Source: evidence notes 6 (adjuncts alongside first-line treatment)."""
    result = assess(
        knowledge, answers(MAN, open_to=["home_devices"], current_treatments={"finasteride": 10})
    )
    assert option(result, "low_level_laser").status == "consider"


def test_first_line_is_only_worth_discussing_when_pattern_loss_is_merely_possible(
    knowledge: Knowledge,
) -> None:
    """Source: phillips-2017: shedding after an illness is a different story."""
    result = assess(
        knowledge,
        answers(
            MAN,
            pattern="diffuse",
            shedding="more_than_usual",
            duration_months=3,
            triggers=["illness_or_fever"],
            family_history="no",
        ),
    )
    assert conditions(result)["telogen_effluvium"] == "likely"
    assert conditions(result)["androgenetic_alopecia"] == "possible"
    assert option(result, "finasteride").status == "consider"
    assert option(result, "topical_minoxidil").status == "consider"


def test_a_second_line_option_in_use_says_so(knowledge: Knowledge) -> None:
    """Source: contract (current_treatments)."""
    dutasteride = option(
        assess(knowledge, answers(MAN, current_treatments={"dutasteride": 4})), "dutasteride"
    )
    assert dutasteride.status == "consider"
    assert any("already use it" in r for r in dutasteride.reasons)


def test_open_to_nothing_for_now_is_accepted(knowledge: Knowledge) -> None:
    """Someone not ready for any treatment gets every option explained, none pushed."""
    result = assess(knowledge, answers(MAN, open_to=["none"]))
    assert all(o.status in ("not_now", "avoid") for o in result.options)
