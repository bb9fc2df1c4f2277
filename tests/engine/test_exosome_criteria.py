"""Exosomes: ``consider`` only when all six criteria hold; one reason per unmet criterion.

Sources: the assessment contract's six criteria, which come from curekey-exosomes (the seed
article: stable treatment, accepts preliminary evidence, regulation discussed, realistic
expectations, PRP first), fda-exosome-notification-2019 (no approved product) and queen-2025.
"""

from __future__ import annotations

from typing import Any

import pytest

from follicle.engine import AssessmentResult
from follicle.knowledge import Knowledge
from tests.engine.builders import EXOSOME_CANDIDATE, WOMAN, answers, assess, option


def _unmet(result: AssessmentResult) -> set[str]:
    return {c.id for c in result.exosome_criteria if not c.met}


def test_all_six_criteria_met_means_consider_never_recommended(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes; contract."""
    result = assess(knowledge, EXOSOME_CANDIDATE)
    assert _unmet(result) == set()
    assert option(result, "exosomes").status == "consider"


@pytest.mark.parametrize(
    ("changes", "criterion"),
    [
        ({"current_treatments": {"finasteride": 5}}, "stable_evidence_based_treatment"),
        ({"current_treatments": {"ketoconazole_shampoo": 24}}, "stable_evidence_based_treatment"),
        ({"accepts_preliminary_evidence": False}, "accepts_experimental"),
        (
            {
                "open_to": ["pills", "topicals", "in_office_procedures"],
                "accepts_preliminary_evidence": None,
                "discussed_regulation_with_clinician": None,
            },
            "accepts_experimental",
        ),
        ({"discussed_regulation_with_clinician": False}, "discussed_regulation"),
        ({"expectation": "full_regrowth"}, "realistic_expectations"),
        ({"expectation": "unsure"}, "realistic_expectations"),
        ({"tried_before": {}}, "prp_tried_first"),
        ({"scalp_symptoms": ["smooth_shiny_patches"]}, "no_red_flag"),
    ],
)
def test_each_unmet_criterion_alone_makes_it_not_now_with_its_own_reason(
    knowledge: Knowledge,
    changes: dict[str, Any],
    criterion: str,
) -> None:
    """Source: contract, exosome criteria 1 to 6."""
    result = assess(knowledge, answers(EXOSOME_CANDIDATE, **changes))
    unmet = _unmet(result)
    assert criterion in unmet
    exosomes = option(result, "exosomes")
    assert exosomes.status == "not_now"
    reason = next(c.reason for c in result.exosome_criteria if c.id == criterion)
    assert reason in exosomes.reasons
    if criterion == "accepts_experimental" and "open_to" in changes:
        assert unmet == {"accepts_experimental", "discussed_regulation"}
    else:
        assert unmet == {criterion}, unmet


def test_prp_currently_in_use_counts_as_tried(knowledge: Knowledge) -> None:
    """Source: contract criterion 5 (prp in tried_before or current_treatments)."""
    result = assess(
        knowledge,
        answers(
            EXOSOME_CANDIDATE, tried_before={}, current_treatments={"finasteride": 12, "prp": 4}
        ),
    )
    assert "prp_tried_first" not in _unmet(result)


def test_spironolactone_counts_as_stable_treatment_only_for_women(knowledge: Knowledge) -> None:
    """Source: contract criterion 1 ((women) spironolactone)."""
    woman = answers(
        WOMAN,
        pregnancy="cannot_become_pregnant",
        age=56,
        current_treatments={"spironolactone": 7},
        tried_before={"prp": "no_benefit"},
        open_to=["pills", "in_office_procedures", "experimental_treatments"],
        accepts_preliminary_evidence=True,
        discussed_regulation_with_clinician=True,
    )
    assert "stable_evidence_based_treatment" not in _unmet(assess(knowledge, woman))
    man = answers(EXOSOME_CANDIDATE, current_treatments={"spironolactone": 7})
    assert "stable_evidence_based_treatment" in _unmet(assess(knowledge, man))


def test_someone_new_to_treatment_gets_every_unmet_reason(knowledge: Knowledge) -> None:
    """Source: curekey-exosomes: rarely the right first move for untreated pattern loss."""
    result = assess(knowledge, answers(EXOSOME_CANDIDATE, current_treatments={}, tried_before={}))
    exosomes = option(result, "exosomes")
    assert exosomes.status == "not_now"
    assert len([r for r in exosomes.reason_rules if r.startswith("exosomes.criterion.")]) == 2
