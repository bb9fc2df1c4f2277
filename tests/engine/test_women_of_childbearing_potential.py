"""Women who are, or could become, pregnant: the drugs that can harm a fetus are ``avoid``.

Sources: fda-propecia-approval-1997 and finasteride-label (men only; risk to a male fetus),
the evidence notes section 4 (spironolactone needs reliable contraception; pregnancy is a
contraindication), ldom-consensus-2024 (pregnancy and breastfeeding contraindicate oral
minoxidil).
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import WOMAN, answers, assess, option

FETAL_RISK = ("finasteride", "topical_finasteride", "dutasteride", "spironolactone")


@pytest.mark.parametrize("pregnancy", ["could_become_pregnant", "planning_pregnancy"])
@pytest.mark.parametrize("treatment", FETAL_RISK)
def test_it_avoids_fetal_risk_drugs_for_anyone_who_could_become_pregnant(
    knowledge: Knowledge, pregnancy: str, treatment: str
) -> None:
    """Source: finasteride-label; fda-propecia-approval-1997; evidence notes section 4."""
    result = assess(knowledge, answers(WOMAN, pregnancy=pregnancy))
    assert option(result, treatment).status == "avoid"


def test_it_recommends_topical_minoxidil_first_for_female_pattern_loss(
    knowledge: Knowledge,
) -> None:
    """Source: adil-godwin-2017 (2% minoxidil beats placebo in women); lucky-2004."""
    result = assess(knowledge, WOMAN)
    minoxidil = option(result, "topical_minoxidil")
    assert minoxidil.status == "recommended"
    assert minoxidil.rank == 1
    assert {"adil-godwin-2017", "lucky-2004"} & set(minoxidil.citations)


def test_finasteride_is_not_offered_to_a_woman_who_cannot_become_pregnant(
    knowledge: Knowledge,
) -> None:
    """Source: finasteride-label: indicated for men only, not for women."""
    result = assess(knowledge, answers(WOMAN, pregnancy="cannot_become_pregnant", age=58))
    assert option(result, "finasteride").status == "not_now"


def test_spironolactone_is_second_line_for_a_woman_not_at_risk_of_pregnancy(
    knowledge: Knowledge,
) -> None:
    """Source: evidence notes 6 (antiandrogens go through a clinician); kanti-2018 (unverified)."""
    result = assess(knowledge, answers(WOMAN, pregnancy="cannot_become_pregnant", age=55))
    spiro = option(result, "spironolactone")
    assert spiro.tier == "second_line"
    assert spiro.status == "not_now"


def test_spironolactone_becomes_worth_discussing_when_topical_minoxidil_failed(
    knowledge: Knowledge,
) -> None:
    """Source: evidence notes 6: second-line options follow when first-line treatment fails."""
    result = assess(
        knowledge,
        answers(
            WOMAN,
            pregnancy="cannot_become_pregnant",
            age=55,
            tried_before={"topical_minoxidil": "no_benefit"},
        ),
    )
    assert option(result, "spironolactone").status == "consider"
    assert option(result, "oral_minoxidil").status == "consider"


def test_a_man_only_first_line_drug_does_not_open_second_line_for_women(
    knowledge: Knowledge,
) -> None:
    """Source: finasteride-label (men only): its absence for women is not a first-line failure."""
    result = assess(knowledge, answers(WOMAN, pregnancy="cannot_become_pregnant", age=55))
    assert option(result, "oral_minoxidil").status == "not_now"


def test_oral_minoxidil_is_avoided_while_breastfeeding(knowledge: Knowledge) -> None:
    """Source: ldom-consensus-2024 (pregnancy and breastfeeding are contraindications)."""
    result = assess(knowledge, answers(WOMAN, pregnancy="pregnant_or_breastfeeding"))
    assert option(result, "oral_minoxidil").status == "avoid"
