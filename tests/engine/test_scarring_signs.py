"""Scarring signs: refer soon, because lost follicles do not come back.

Sources: filbrandt-2013, kang-2008, lyakhovitsky-2015, nhs-lothian-alopecia.
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
    "changes",
    [{"scalp_symptoms": ["smooth_shiny_patches"]}, {"pattern": "frontal_band"}],
)
def test_signs_that_suggest_scarring_raise_the_scarring_flag(
    knowledge: Knowledge, changes: dict[str, object]
) -> None:
    """Source: kang-2008 (loss of follicle openings); lyakhovitsky-2015 (band)."""
    result = assess(knowledge, answers(MAN, **changes))
    assert "scarring_signs" in flags(result)
    assert "red_flag.scarring_signs" in result.trace
    assert result.route == "in_person"


@pytest.mark.parametrize(
    "symptoms",
    [
        ["burning_or_pain"],
        ["pustules_or_crusting"],
        ["redness", "itching"],
        ["redness", "scaling"],
        ["itching", "scaling"],
        ["redness"],
    ],
)
def test_inflammation_and_flaking_are_not_worded_as_scarring(
    knowledge: Knowledge, symptoms: list[str]
) -> None:
    """Source: issue 9 and the clinical audit: keep "scarring destroys follicles" for the signs
    that suggest scarring; an inflamed or flaky scalp is worded for what it most likely is."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=symptoms))
    assert "scarring_signs" not in flags(result)
    assert not any("for good" in f.message for f in result.red_flags)


def test_the_scarring_advice_says_what_to_bring(knowledge: Knowledge) -> None:
    """Source: nhs-lothian-alopecia (refer inflammatory scarring alopecia)."""
    result = assess(knowledge, answers(MAN, scalp_symptoms=["smooth_shiny_patches"]))
    assert result.in_person is not None
    assert any("Photos" in item for item in result.in_person.bring)
