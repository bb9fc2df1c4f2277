"""``POST /api/v1/costs``: the calculator of ``/costs/`` behind JSON.

The question goes through the page's own form (``pages/forms.CostForm``: the same checks and
messages, field by field) and the page's own arithmetic (``pages/calculator.estimate``), so
the API and the page cannot give different numbers for the same question.
"""

from __future__ import annotations

from follicle.knowledge.bundle import Knowledge
from follicle.web.api.schemas import CostEstimate, CostQuestion, CostYear, Span
from follicle.web.pages import calculator
from follicle.web.pages.forms import CostForm


def _span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(low=pair[0], high=pair[1])


def cost_estimate(
    question: CostQuestion, knowledge: Knowledge
) -> CostEstimate | list[tuple[str, str]]:
    """The estimate, or (field, message) for every problem with the question.

    A treatment with no prices starts from the treatment's own numbers (the page's "choose a
    treatment"); a treatment with prices is the page's form after adjusting them."""
    data = {k: str(v) for k, v in question.model_dump(exclude_none=True).items()}
    if question.treatment is not None and (
        question.price_low is not None or question.price_high is not None
    ):
        data["loaded"] = question.treatment
    form = CostForm(data)
    if not form.is_valid():
        return [
            (field, str(message)) for field, messages in form.errors.items() for message in messages
        ]
    found = calculator.estimate(
        form.cleaned_data, knowledge, starts_from_treatment=form.starts_from_treatment()
    )
    if isinstance(found, calculator.Gap):
        return CostEstimate(
            name=found.name, treatment=None, rows=[], notes=[], unknown=found.reason
        )
    return CostEstimate(
        name=found.name,
        treatment=found.treatment.id if found.treatment is not None else None,
        rows=[
            CostYear(year=row.year, that_year=_span(row.that_year), so_far=_span(row.so_far))
            for row in found.rows
        ],
        notes=list(found.notes),
    )
