"""PRP, the more conservative in-office option, always ranks before exosomes.

Sources: curekey-exosomes (PRP has the longer record, larger literature and lower regulatory
uncertainty), fda-bk090008-gps-ii-2009, fda-exosome-notification-2019.
"""

from __future__ import annotations

from follicle.knowledge import Knowledge
from tests.engine.builders import EXOSOME_CANDIDATE, MAN, answers, assess, option


def test_prp_ranks_before_exosomes_for_a_new_patient(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes."""
    result = assess(knowledge, MAN)
    assert option(result, "prp").rank < option(result, "exosomes").rank


def test_prp_still_ranks_first_after_it_was_tried_without_benefit(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes (PRP first); exosomes move below PRP even when worth discussing."""
    result = assess(knowledge, EXOSOME_CANDIDATE)
    prp, exosomes = option(result, "prp"), option(result, "exosomes")
    assert prp.status == "not_now"  # tried before without benefit
    assert exosomes.status == "consider"
    assert prp.rank < exosomes.rank
    assert "rank.exosomes.after.prp" in result.trace


def test_prp_ranks_before_exosomes_when_both_are_worth_discussing(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes; contract (exosomes never recommended)."""
    result = assess(
        knowledge,
        answers(
            EXOSOME_CANDIDATE, tried_before={}, current_treatments={"finasteride": 12, "prp": 3}
        ),
    )
    prp, exosomes = option(result, "prp"), option(result, "exosomes")
    assert (prp.status, exosomes.status) == ("consider", "consider")
    assert prp.rank < exosomes.rank


def test_prp_is_worth_discussing_once_on_medical_treatment(knowledge: Knowledge) -> None:
    """Source: evidence notes 6 (PRP as an adjunct to ongoing therapy)."""
    result = assess(knowledge, answers(MAN, current_treatments={"finasteride": 6}))
    assert option(result, "prp").status == "consider"


def test_prp_waits_until_medical_treatment_has_started(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes (cheaper, better-tested options first)."""
    assert option(assess(knowledge, MAN), "prp").status == "not_now"


def test_exosomes_carry_their_fda_status(knowledge: Knowledge) -> None:
    """Source: fda-exosome-notification-2019."""
    exosomes = option(assess(knowledge, EXOSOME_CANDIDATE), "exosomes")
    assert exosomes.evidence.regulatory == "unapproved_with_fda_warnings"
    assert exosomes.evidence.certainty == "very_low"
    assert "fda-exosome-notification-2019" in exosomes.citations
