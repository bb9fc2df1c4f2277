"""The real knowledge data is complete, consistent and honest about what is unverified."""

from __future__ import annotations

from follicle.knowledge import Knowledge, check_knowledge, contract
from follicle.knowledge.loader import DEFAULT_ROOT
from follicle.knowledge.statements import walk
from follicle.knowledge.treatments import CostRange, GuidelineStatement


def test_the_real_data_has_no_problems() -> None:
    knowledge, problems = check_knowledge(DEFAULT_ROOT)
    assert problems == []
    assert knowledge is not None


def test_it_holds_every_treatment_and_condition_of_the_contract(knowledge: Knowledge) -> None:
    assert set(contract.TREATMENT_IDS) <= set(knowledge.treatments)
    assert set(contract.CONDITION_IDS) <= set(knowledge.conditions)
    assert set(contract.REQUIRED_RED_FLAG_IDS) <= set(knowledge.red_flags)


def test_rapid_virilisation_is_urgent(knowledge: Knowledge) -> None:
    assert knowledge.red_flags["rapid_virilization"].urgency == "urgent"


def test_every_citation_resolves_to_a_reference(knowledge: Knowledge) -> None:
    cited: set[str] = set()
    for entries in knowledge.kinds().values():
        for entry in entries.values():
            for path, value in walk(entry):
                if path.endswith("citations") and isinstance(value, tuple):
                    cited.update(value)
    assert cited, "nothing is cited"
    assert cited <= set(knowledge.references)


def test_every_cost_names_a_source_and_each_treatment_has_a_basis_or_says_why_not(
    knowledge: Knowledge,
) -> None:
    for treatment in knowledge.treatments.values():
        for _, value in walk(treatment):
            if isinstance(value, CostRange):
                assert value.citations, f"{treatment.id}: cost {value.id} has no source"
        assert treatment.basis_cost is not None or treatment.cost_gap


def test_the_seed_references_are_present(knowledge: Knowledge) -> None:
    for ref in (
        "avci-2014",
        "dhurat-2013",
        "pierard-franchimont-1998",
        "fda-exosome-notification-2019",
        "eucyt-warning-letter-2020",
        "kaufman-1998",
        "olsen-2002",
        "adil-godwin-2017",
        "gupta-2022",
        "ldom-consensus-2024",
        "queen-2025",
        "kanti-2018",
    ):
        assert ref in knowledge.references, ref


def test_edf_guideline_rows_are_stored_as_unverified(knowledge: Knowledge) -> None:
    """The EDF per-treatment table was never retrieved, so nothing may claim it as verified."""
    edf = [
        s
        for t in knowledge.treatments.values()
        for _, s in walk(t)
        if isinstance(s, GuidelineStatement) and s.source == "kanti-2018"
    ]
    assert edf, "expected EDF statements in the data"
    assert all(not s.verified for s in edf)


def test_exosomes_carry_the_facts_of_the_seed_article(knowledge: Knowledge) -> None:
    exosomes = knowledge.treatments["exosomes"]
    facts = {f.id: f.text for f in exosomes.facts}
    assert "30 to 150" in facts["vesicle_size"]
    assert {"topical_after_microneedling", "scalp_injection"} == {
        d.id for d in exosomes.delivery_modes
    }
    assert exosomes.protocol.session_minutes is not None
    assert (exosomes.protocol.session_minutes.min, exosomes.protocol.session_minutes.max) == (
        30,
        60,
    )
    assert exosomes.protocol.initial_sessions is not None
    assert (exosomes.protocol.initial_sessions.min, exosomes.protocol.initial_sessions.max) == (
        3,
        6,
    )
    assert exosomes.regulatory.us_status == "unapproved_with_fda_warnings"
    kinds = {(a.kind, a.date.year) for a in exosomes.regulatory.actions}
    assert ("safety_notification", 2019) in kinds
    assert any(
        kind in ("warning_letter", "untitled_letter") and year == 2020 for kind, year in kinds
    )
    assert exosomes.evidence.certainty == "very_low"
    assert exosomes.qualitative_costs, "the seed's price in words is kept"
    for fact in (
        "no_fda_approved_product",
        "manufacturing_varies",
        "cannot_verify_product",
        "evidence_weaknesses",
    ):
        assert fact in facts


def test_prp_carries_the_comparison_points(knowledge: Knowledge) -> None:
    prp_text = " ".join(f.text for f in knowledge.treatments["prp"].facts).lower()
    assert "own blood" in prp_text
    assert "longer" in prp_text


def test_every_contraindication_code_is_one_the_questionnaire_knows(knowledge: Knowledge) -> None:
    """The checker already proves this; here it is stated for the specification."""
    items = knowledge.items
    for treatment in knowledge.treatments.values():
        for rule in (*treatment.contraindications, *treatment.cautions):
            for name in rule.when.items():
                assert name in items


def test_version_is_a_sha256_hex_digest(knowledge: Knowledge) -> None:
    assert len(knowledge.version) == 64
    int(knowledge.version, 16)
