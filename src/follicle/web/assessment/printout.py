"""The unreviewed result as a PDF, marked "not reviewed" on every page, for a person to take to
their own doctor. Like the result page it reads the answers from the visitor's own session (no
personal data in the URL, nothing stored, nothing audited: there is no record yet), and it is
made from the same sheet and template as the signed plan (``reviews/presenters.plan_sheet``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from follicle.engine import AssessmentResult, run
from follicle.knowledge import default_knowledge
from follicle.web.assessment import actions, flow
from follicle.web.pdf import pdf_response, render_pdf
from follicle.web.reviews.presenters import plan_sheet


@require_GET
def result_pdf(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    answers = actions.answers_of(request.session)
    outcome = run(answers, knowledge)
    if not isinstance(outcome, AssessmentResult):
        pending = flow.first_incomplete_step(knowledge, answers)
        return redirect("assessment:step", step_id=(pending or flow.steps(knowledge)[0]).id)
    sheet = plan_sheet(knowledge, outcome.to_dict())
    html = render_to_string("follicle/reviews/plan_pdf.html", {"sheet": sheet}, request=request)
    return pdf_response(render_pdf(html), "follicle-result-not-reviewed.pdf")
