"""Costs over time come from the price range and the protocol in the data.

Sources: price-survey-telehealth-pages (monthly drug prices), price-prp-pages (PRP per session,
course and maintenance), price-lllt-pages (one-off devices).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from follicle.engine.costs import project_cost
from follicle.knowledge import Knowledge, load_knowledge
from tests.engine.builders import EXOSOME_CANDIDATE, MAN, answers, assess, option


def test_a_monthly_price_is_twelve_months_a_year(knowledge: Knowledge) -> None:
    """Source: price-survey-telehealth-pages."""
    finasteride = knowledge.treatments["finasteride"]
    basis = finasteride.basis_cost
    assert basis is not None
    cost, _ = project_cost(finasteride)
    assert cost is not None and cost.first_year is not None and cost.five_years is not None
    assert (cost.first_year.low, cost.first_year.high) == (12 * basis.low, 12 * basis.high)
    assert (cost.five_years.low, cost.five_years.high) == (60 * basis.low, 60 * basis.high)


def test_prp_adds_maintenance_after_the_first_course(knowledge: Knowledge) -> None:
    """Source: price-prp-pages (initial sessions, then maintenance every few months)."""
    prp = knowledge.treatments["prp"]
    basis, course, interval = (
        prp.basis_cost,
        prp.protocol.initial_sessions,
        prp.protocol.maintenance_interval_months,
    )
    assert basis is not None and course is not None and interval is not None
    cost, _ = project_cost(prp)
    assert cost is not None and cost.first_year is not None and cost.five_years is not None
    assert cost.first_year.low == course.min * basis.low
    assert cost.first_year.high == course.max * basis.high
    per_year_low = round(12 / interval.max * basis.low)
    assert cost.five_years.low == cost.first_year.low + 4 * per_year_low
    assert cost.five_years.high > cost.first_year.high


def test_a_device_is_a_one_off_cost(knowledge: Knowledge) -> None:
    """Source: price-lllt-pages."""
    cost, _ = project_cost(knowledge.treatments["low_level_laser"])
    assert cost is not None
    assert cost.first_year == cost.five_years


def test_an_unknown_price_is_said_not_invented(knowledge: Knowledge) -> None:
    """Source: the evidence notes found no in-office microneedling price."""
    result = assess(knowledge, MAN)
    microneedling = option(result, "microneedling")
    assert microneedling.cost is None
    assert microneedling.cost_note


def test_every_option_shows_a_cost_or_says_why_not(knowledge: Knowledge) -> None:
    """Source: contract (costs for each option, so that when the math works is visible)."""
    for o in assess(knowledge, MAN).options:
        assert (o.cost is not None) != (o.cost_note is not None)
        if o.cost:
            assert o.cost.citations
            if o.cost.five_years is not None:
                assert o.cost.three_years is not None
                assert o.cost.first_year.low <= o.cost.three_years.low <= o.cost.five_years.low


def test_a_session_price_with_no_maintenance_interval_leaves_later_years_unknown(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """Source: exosomes protocol (clinics suggest top-ups, no standard interval): five years is
    not shown as the price of the first course alone. Exosomes have no numeric price basis any
    more (see below), so a copy of the data gives them one to exercise the rule."""
    edit(
        "treatments/exosomes.yaml",
        "cost_gap: >-\n",
        "cost_basis: session_myhairline\ncost_gap: >-\n",
    )
    knowledge = load_knowledge(knowledge_copy)
    exosomes = option(assess(knowledge, MAN), "exosomes")
    assert exosomes.cost is not None
    assert exosomes.cost.three_years is None and exosomes.cost.five_years is None
    assert any("Later years: unknown" in a for a in exosomes.cost.assumptions)
    prp = option(assess(knowledge, MAN), "prp")
    assert prp.cost is not None and prp.cost.five_years is not None  # PRP has an interval


def test_a_treatment_without_a_cost_basis_gets_no_estimate_and_says_why(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """The engine's rule, not the data's wording: with no ``cost_basis`` there is no estimate
    (advertised prices are never turned into one), and the option says why in the data's own
    ``cost_gap``. Exosomes show it in the real data; PRP, given a gap in a copy, follows."""
    edit(
        "treatments/prp.yaml",
        "cost_basis: session_500_2000\n",
        "cost_gap: No price here is firm enough to estimate from.\n",
    )
    knowledge = load_knowledge(knowledge_copy)
    for raw in (MAN, EXOSOME_CANDIDATE):
        result = assess(knowledge, raw)
        for treatment_id in ("exosomes", "prp"):
            treatment = knowledge.treatments[treatment_id]
            chosen = option(result, treatment_id)
            assert chosen.cost is None and treatment.cost_gap
            assert chosen.cost_note == treatment.cost_gap
            assert project_cost(treatment) == (None, treatment.cost_gap)


def test_a_small_budget_is_compared_with_the_first_year(knowledge: Knowledge) -> None:
    """Source: price-prp-pages: PRP's first year is far above a $20 monthly budget."""
    result = assess(
        knowledge, answers(MAN, monthly_budget_usd=20, current_treatments={"finasteride": 6})
    )
    prp = option(result, "prp")
    assert any("a month you said you could spend" in r for r in prp.reasons)
    assert prp.status == "consider"  # cost informs; it does not change safety or evidence
