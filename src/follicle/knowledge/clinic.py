"""Schema of ``clinic_questions.yaml``: what to ask a clinic that offers an in-office
regenerative treatment (exosomes, PRP), and how to report a problem to the FDA.

People are sold these treatments in a clinic, often on the spot. A short list of questions,
each saying why it matters and whether a source advises it or it is Follicle's own advice, lets
them weigh an offer before they pay; the reporting steps tell them what to do if it goes wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Self

from pydantic import Field, model_validator

from follicle.knowledge.base import Id, RefId, Sourced, SourcedText, Strict, Text

#: ``source``: a cited source itself advises asking or checking this (FDA's IND advice).
#: ``follicle``: Follicle's own advice; the reason given for it may still cite sources.
Basis = Literal["source", "follicle"]


class ClinicQuestion(Sourced):
    """One question to ask, for the treatments it concerns, with why it matters: a statement
    like any other (its ``why`` rests on its citations), so the checker needs no special case.
    """

    id: Id
    treatments: tuple[Id, ...] = Field(min_length=1)
    question: Text
    why: Text
    basis: Basis
    #: Sources for ``why`` (and, when ``basis`` is ``source``, for the advice itself). Unlike
    #: other statements it may be empty: a question of Follicle's own may have no source.
    citations: tuple[RefId, ...] = ()

    @model_validator(mode="after")
    def _sourced_advice_cites(self) -> Self:
        if self.basis == "source" and not self.citations:
            raise ValueError("a question a source advises must cite that source")
        return self


class ClinicQuestions(Strict):
    """The questions, and the steps for reporting a problem (MedWatch)."""

    intro: Text
    questions: tuple[ClinicQuestion, ...] = Field(min_length=1)
    report_title: Text
    report: tuple[SourcedText, ...] = Field(min_length=1)

    def for_treatments(self, treatment_ids: Iterable[str]) -> tuple[ClinicQuestion, ...]:
        """The questions that concern any of these treatments, in the file's order."""
        wanted = set(treatment_ids)
        return tuple(q for q in self.questions if wanted.intersection(q.treatments))

    @property
    def treatment_ids(self) -> frozenset[str]:
        """Every treatment some question concerns: where pages show the questions."""
        return frozenset(t for q in self.questions for t in q.treatments)
