"""Contraindications in the data make an option ``avoid`` for the people they concern.

Sources: ldom-consensus-2024 (oral minoxidil: heart conditions, pregnancy; hypotension and
kidney disease are precautions), prp-contraindications-tressless-2017 and prp-clinic-risks-newroots
(PRP: bleeding disorders, blood thinners; unverified), microneedling-contraindications-spa-page
(keloids, isotretinoin; unverified). A contraindication that only has to wait (the scalp's state
today, another team's decision) gives ``not_now`` instead: see test_inflamed_scalp.py and
test_spironolactone_screening.py.
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, answers, assess, option


def test_oral_minoxidil_is_avoided_with_heart_disease(knowledge: Knowledge) -> None:
    """Source: ldom-consensus-2024; the coarse code is read safely as any heart condition."""
    result = assess(knowledge, answers(MAN, conditions=["heart_disease"]))
    assert option(result, "oral_minoxidil").status == "avoid"
    assert "ldom-consensus-2024" in option(result, "oral_minoxidil").citations


def test_oral_minoxidil_is_avoided_with_low_blood_pressure(knowledge: Knowledge) -> None:
    """Source: ldom-consensus-2024 lists hypotension as a precaution; the brief asks for avoid
    (Follicle's safer reading, stored as unverified)."""
    result = assess(
        knowledge,
        answers(
            MAN, conditions=["low_blood_pressure"], tried_before={"topical_minoxidil": "no_benefit"}
        ),
    )
    oral = option(result, "oral_minoxidil")
    assert oral.status == "avoid"
    assert "option.oral_minoxidil.contraindication.low_blood_pressure" in oral.reason_rules


def test_topical_minoxidil_with_heart_disease_needs_a_clinician_first(knowledge: Knowledge) -> None:
    """Source: minoxidil-label-heart-summary (ask a doctor before use if you have heart disease)."""
    topical = option(
        assess(knowledge, answers(MAN, conditions=["heart_disease"])), "topical_minoxidil"
    )
    assert topical.status == "consider"
    assert any("heart disease" in c for c in topical.cautions)


def test_topical_minoxidil_is_avoided_in_pregnancy(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label (may be harmful in pregnancy or breastfeeding)."""
    from tests.engine.builders import WOMAN

    result = assess(knowledge, answers(WOMAN, pregnancy="pregnant_or_breastfeeding"))
    assert option(result, "topical_minoxidil").status == "avoid"


@pytest.mark.parametrize(
    ("changes", "treatment"),
    [
        ({"conditions": ["bleeding_disorder"]}, "prp"),
        ({"medications": ["anticoagulant"]}, "prp"),
        ({"conditions": ["keloid_scarring"]}, "microneedling"),
        ({"medications": ["isotretinoin_or_retinoid"]}, "microneedling"),
        ({"conditions": ["liver_disease"]}, "oral_minoxidil"),
    ],
)
def test_it_avoids_options_contraindicated_for_this_person(
    knowledge: Knowledge, changes: dict[str, list[str]], treatment: str
) -> None:
    """Sources: see the module docstring; each rule is a contraindication in the treatment's file."""
    result = assess(knowledge, answers(MAN, **changes))
    chosen = option(result, treatment)
    assert chosen.status == "avoid"
    assert any(
        rule.startswith(f"option.{treatment}.contraindication.") for rule in chosen.reason_rules
    )


def test_an_avoided_option_ranks_below_every_other(knowledge: Knowledge) -> None:
    """Source: contract (ranks best first; avoid is contraindicated)."""
    result = assess(knowledge, answers(MAN, medications=["anticoagulant"]))
    prp = option(result, "prp")
    assert all(o.rank < prp.rank for o in result.options if o.status != "avoid")


def test_an_unverified_contraindication_says_so_in_its_reason(knowledge: Knowledge) -> None:
    """Source: microneedling-contraindications-spa-page (keloids; stored as unverified): the
    caveat travels with the sentence to every surface that shows it."""
    from follicle.engine.wording import UNVERIFIED

    result = assess(knowledge, answers(MAN, conditions=["keloid_scarring"]))
    microneedling = option(result, "microneedling")
    assert microneedling.status == "avoid"
    assert any(UNVERIFIED in reason for reason in microneedling.reasons)
    finasteride = option(result, "finasteride")
    assert not any(UNVERIFIED in reason for reason in finasteride.reasons)


def test_a_caution_that_relays_clinic_claims_says_so_in_the_result(knowledge: Knowledge) -> None:
    """Source: microneedling-contraindications-spa-page (a spa's list, stored as a clinic claim):
    the result heads the caution as what clinics say and keeps it marked unverified."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["redness"]))
    cautions = option(result, "microneedling").cautions
    relayed = [c for c in cautions if "red or scaly scalp" in c]
    assert relayed and relayed[0].startswith("What clinics or sellers say:")
    assert relayed[0].endswith("(Unverified: we could not confirm this in a source we read.)")
