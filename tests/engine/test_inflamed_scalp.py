"""An inflamed scalp is examined; a flaky scalp gets ketoconazole; neither escalates to a tablet.

Sources: nhs-lothian-alopecia (refer inflammatory scalp disease), kang-2008 (itch and
redness around the hairs in lichen planopilaris), clark-2015 (seborrhoeic dermatitis: scale,
itch, redness), nizoral-2pct-smpc-uk and nhs-dandruff (ketoconazole twice a week; see someone if
it has not settled in 4 weeks), minoxidil-otc-label (not on a sore or inflamed scalp).
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, conditions, flags, option


@pytest.mark.parametrize(
    "symptoms",
    [
        ["redness", "itching"],
        ["redness", "itching", "scaling"],
        ["redness", "burning_or_pain"],
        ["burning_or_pain"],
        ["pustules_or_crusting"],
        ["redness", "pustules_or_crusting"],
    ],
)
def test_it_refers_an_inflamed_or_sore_scalp(knowledge: Knowledge, symptoms: list[str]) -> None:
    """Source: nhs-lothian-alopecia; kang-2008."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=symptoms))
    assert "inflamed_scalp" in flags(result)
    assert "red_flag.inflamed_scalp" in result.trace
    assert result.route == "in_person"
    flag = next(f for f in result.red_flags if f.id == "inflamed_scalp")
    assert flag.urgency == "soon"
    assert flag.triggered_by == ("scalp_symptoms",)
    assert all(o.status in ("not_now", "avoid") for o in result.options)


@pytest.mark.parametrize(
    ("base", "symptoms"),
    [
        (MAN, ["redness", "scaling"]),
        (MAN, ["itching", "scaling"]),
        (MAN, ["scaling"]),
        (WOMAN, ["redness", "scaling"]),
    ],
)
def test_a_flaky_scalp_gets_an_online_plan_with_ketoconazole_in_its_place(
    knowledge: Knowledge, base: dict[str, object], symptoms: list[str]
) -> None:
    """Source: clark-2015; nizoral-2pct-smpc-uk (a first treatment for scalp seborrhoeic
    dermatitis, for women and men alike)."""
    result = assess(knowledge, answers(base, scalp_symptoms=symptoms))
    assert result.route == "online_plan"
    assert "seborrhoeic_dermatitis" in conditions(result)
    shampoo = option(result, "ketoconazole_shampoo")
    assert shampoo.status in ("recommended", "consider")
    assert any(
        r.startswith("option.ketoconazole_shampoo.first_choice.seborrhoeic_dermatitis")
        for r in shampoo.reason_rules
    )


def test_flaking_with_itching_or_redness_makes_seborrhoeic_dermatitis_likely_and_the_shampoo_recommended(
    knowledge: Knowledge,
) -> None:
    """Source: clark-2015 (scaling with itching or redness is the usual picture)."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["itching", "scaling"]))
    assert conditions(result)["seborrhoeic_dermatitis"] == "likely"
    assert option(result, "ketoconazole_shampoo").status == "recommended"


def test_the_flaky_scalp_caution_says_when_to_see_someone_and_is_no_scarring_alarm(
    knowledge: Knowledge,
) -> None:
    """Source: nizoral-2pct-smpc-uk and nhs-dandruff: see someone if not settled in 4 weeks."""
    weeks = "4 weeks"
    caution = next(
        c
        for c in knowledge.treatments["ketoconazole_shampoo"].cautions
        if c.id == "see_someone_if_the_scalp_does_not_settle"
    )
    assert weeks in caution.message
    result = assess(knowledge, answers(MAN, scalp_symptoms=["redness", "scaling"]))
    shampoo = option(result, "ketoconazole_shampoo")
    assert any(weeks in c for c in shampoo.cautions)
    assert result.red_flags == ()
    assert "option.ketoconazole_shampoo.caution.see_someone_if_the_scalp_does_not_settle" in (
        result.trace
    )


def test_without_a_flaky_scalp_the_shampoo_stays_an_add_on_for_men_only(
    knowledge: Knowledge,
) -> None:
    """Source: pierard-franchimont-1998 (one small study, in men)."""
    man = option(assess(knowledge, MAN), "ketoconazole_shampoo")
    assert man.tier == "adjunct"
    assert man.status == "consider"
    woman = option(assess(knowledge, WOMAN), "ketoconazole_shampoo")
    assert woman.status == "not_now"
    assert "option.ketoconazole_shampoo.suitability.sex" in woman.reason_rules


@pytest.mark.parametrize(
    ("base", "changes", "tablet"),
    [
        (MAN, {}, "oral_minoxidil"),
        (WOMAN, {"pregnancy": "cannot_become_pregnant"}, "spironolactone"),
    ],
)
def test_a_red_scalp_puts_minoxidil_on_hold_without_moving_on_to_a_tablet(
    knowledge: Knowledge, base: dict[str, object], changes: dict[str, object], tablet: str
) -> None:
    """Source: minoxidil-otc-label (not on a red scalp: wait for it to settle); issue 9: a local
    reason never makes a tablet the next step."""
    result = assess(knowledge, answers(base, scalp_symptoms=["redness"], **changes))
    assert result.route == "online_plan"
    topical = option(result, "topical_minoxidil")
    assert topical.status == "not_now"
    assert (
        "option.topical_minoxidil.contraindication.sore_or_inflamed_scalp" in topical.reason_rules
    )
    second = option(result, tablet)
    assert second.status == "not_now"
    assert f"option.{tablet}.tier.second_line.not_for_a_scalp_reason" in second.reason_rules


def test_declining_scalp_treatments_is_still_a_reason_to_discuss_a_tablet(
    knowledge: Knowledge,
) -> None:
    """Source: ldom-consensus-2024 (oral minoxidil when topical is impractical): a refusal is
    the person's choice, not the scalp's state, so it still counts."""
    result = assess(
        knowledge,
        answers(MAN, scalp_symptoms=["redness"], open_to=["pills", "home_devices"]),
    )
    assert option(result, "oral_minoxidil").status == "consider"


def test_a_red_scalp_alone_says_who_can_look_at_it(knowledge: Knowledge) -> None:
    """Source: minoxidil-otc-label; nhs-dandruff (see a GP if the scalp is red or swollen)."""
    result = assess(knowledge, answers(WOMAN, scalp_symptoms=["redness"]))
    factor = next(f for f in result.contributing_factors if f.id == "red_scalp")
    assert "pharmacist" in factor.message
    assert "factor.red_scalp" in result.trace
    itchy = assess(knowledge, answers(WOMAN, scalp_symptoms=["redness", "itching"]))
    assert "red_scalp" not in {f.id for f in itchy.contributing_factors}


@pytest.mark.parametrize("treatment", ["microneedling", "prp", "topical_finasteride"])
def test_a_red_scalp_puts_every_scalp_applied_option_on_hold(
    knowledge: Knowledge, treatment: str
) -> None:
    """Source: minoxidil-otc-label; microneedling and PRP contraindication lists (inflamed skin)."""
    person = answers(
        MAN,
        scalp_symptoms=["redness"],
        tried_before={"finasteride": "side_effects"},
        current_treatments={"oral_minoxidil": 8},
    )
    chosen = option(assess(knowledge, person), treatment)
    assert chosen.status == "not_now"
    assert f"option.{treatment}.contraindication.red_or_irritated_scalp" in chosen.reason_rules
