"""Template helpers for effects against placebo (issue 9), kept apart from the general tags.

Every sentence comes from :func:`follicle.knowledge.plain_effects.effect_sentence`, the one place
the numbers are put into words, so the treatment page, the comparison and the result page agree.
"""

from __future__ import annotations

from django import template

from follicle.knowledge.effects import Effect
from follicle.knowledge.plain_effects import (
    CI_EXPLAINED,
    NO_PLACEBO_TRIAL,
    NO_PLACEBO_TRIAL_EXPLAINED,
    NOT_ON_ITS_OWN,
    PLACEBO_EXPLAINED,
    effect_sentence,
    shows_interval,
)
from follicle.knowledge.treatments import Treatment

register = template.Library()

OUTCOME_LABELS = {
    "hair_count": "Hair count",
    "responders": "People who responded",
    "person_rated": "People's own rating",
    "investigator_rated": "Doctors' rating",
    "harm": "Side effects",
}
DURATION_LABELS = {
    "ongoing": "Ongoing: it works only while it is used",
    "course": "A course of sessions",
    "once": "Usually once",
    "not_known": "Not set by our sources",
}


@register.filter
def plain_effect(effect: Effect) -> str:
    return effect_sentence(effect)


@register.filter
def outcome_label(kind: str) -> str:
    return OUTCOME_LABELS.get(kind, kind)


@register.filter
def duration_label(kind: str) -> str:
    return DURATION_LABELS.get(kind, kind)


@register.filter
def needs_ci_note(treatment: Treatment | None) -> bool:
    return bool(treatment and treatment.effects and shows_interval(treatment.effects.outcomes))


@register.simple_tag
def placebo_explained() -> str:
    return PLACEBO_EXPLAINED


@register.simple_tag
def ci_explained() -> str:
    return CI_EXPLAINED


@register.simple_tag
def no_placebo_trial() -> str:
    return NO_PLACEBO_TRIAL


@register.simple_tag
def no_placebo_trial_explained() -> str:
    return NO_PLACEBO_TRIAL_EXPLAINED


@register.simple_tag
def not_on_its_own() -> str:
    return NOT_ON_ITS_OWN
