"""Scarring signs: refer soon, because lost follicles do not come back.

Sources: filbrandt-2013, ross-2007-lpp, lyakhovitsky-2015, nhs-lothian-alopecia.
"""

from __future__ import annotations

import pytest

from follicle.knowledge import Knowledge
from tests.engine.builders import MAN, WOMAN, answers, assess, conditions, flags


def test_a_receding_band_with_eyebrow_loss_points_to_frontal_fibrosing_alopecia(
    knowledge: Knowledge,
) -> None:
    """Source: lyakhovitsky-2015."""
    result = assess(
        knowledge,
        answers(
            WOMAN,
            age=61,
            pregnancy="cannot_become_pregnant",
            pattern="frontal_band",
            other_symptoms=["eyebrow_or_eyelash_loss"],
        ),
    )
    assert conditions(result)["scarring_alopecia"] == "likely"
    assert "scarring_signs" in flags(result)


@pytest.mark.parametrize(
    "symptoms",
    [
        ["burning_or_pain"],
        ["pustules_or_crusting"],
        ["redness", "scaling"],
        ["smooth_shiny_patches"],
    ],
)
def test_inflammatory_scalp_signs_raise_the_scarring_flag(
    knowledge: Knowledge, symptoms: list[str]
) -> None:
    """Source: ross-2007-lpp (itch, burning, pain, redness and scale around follicles)."""
    assert "scarring_signs" in flags(assess(knowledge, answers(MAN, scalp_symptoms=symptoms)))


def test_redness_alone_is_not_treated_as_scarring(knowledge: Knowledge) -> None:
    """Source: ross-2007-lpp describes redness with scale; redness alone is common and unspecific."""
    assert "scarring_signs" not in flags(
        assess(knowledge, answers(MAN, scalp_symptoms=["redness"]))
    )


def test_the_scarring_advice_says_what_to_bring(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia (refer inflammatory scarring alopecia)."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["smooth_shiny_patches"]))
    assert result.in_person is not None
    assert any("Photos" in item for item in result.in_person.bring)
