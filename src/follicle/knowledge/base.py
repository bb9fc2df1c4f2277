"""Shared building blocks of the knowledge schemas.

Every model is frozen (the loaded knowledge is shared by every request and must not change under
them) and forbids unknown keys (a misspelt key in a YAML file is an error, not a silent default).
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

#: Ids of things inside the knowledge data and of the contract: ``snake_case`` ASCII.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]

#: Reference ids read like a short citation: ``kaufman-1998``, ``fda-exosome-notification-2019``.
RefId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*[a-z0-9]$")]

#: Prose written in our own words; never empty, no stray whitespace at the ends.
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

Citations = Annotated[tuple[RefId, ...], Field(min_length=1)]


class Strict(BaseModel):
    """Base of every knowledge model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Sourced(Strict):
    """Anything that states a fact: it names its sources and says whether it was verified.

    ``verified`` is ``False`` when the fact could not be confirmed in the text of a source we
    can name (the ``[U]`` items of the evidence notes); pages show such facts as unverified.

    ``reports`` says the statement only relays what others say rather than stating a clinical
    fact: ``clinic_claims`` (what clinics or sellers say; pages and results show it as "What
    clinics say") or ``prices`` (a price named in a fact). Only such statements, and costs, may
    rest on news, commercial or forum sources alone; the checker enforces it.
    """

    citations: Citations
    verified: bool = True
    verification_note: Text | None = None
    reports: Literal["clinic_claims", "prices"] | None = None


class SourcedText(Sourced):
    """A sentence or two of fact, in our own words, with its sources."""

    text: Text


class IntRange(Strict):
    """An inclusive range of whole numbers, e.g. three to six sessions."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")
        return self
