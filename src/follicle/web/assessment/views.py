"""The assessment pages: one step per page, check your answers, the result.

Views are thin: load the knowledge and the session's answers, call one action or the engine,
render. Skip logic and validation live in :mod:`follicle.web.assessment.flow` and the engine.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from follicle.engine import AssessmentResult, run
from follicle.knowledge import default_knowledge
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Step
from follicle.web.assessment import actions, flow
from follicle.web.assessment.presenters import check_rows, result_page
from follicle.web.assessment.questions import error_links, questions_for


@require_http_methods(["GET"])
def start(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    answers = actions.answers_of(request.session)
    pending = flow.first_incomplete_step(knowledge, answers)
    if pending is None:
        return redirect("assessment:check")
    return redirect("assessment:step", step_id=pending.id)


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, step_id: str) -> HttpResponse:
    knowledge = default_knowledge()
    current = flow.step_by_id(knowledge, step_id)
    if current is None:
        raise Http404("No such step")
    returning = request.GET.get("return") == "check"
    if request.method == "POST":
        outcome = actions.save_step(
            session=request.session, knowledge=knowledge, step=current, get=request.POST.getlist
        )
        if not outcome.errors:
            return redirect(_next_url(knowledge, current.id, returning))
        answers, entered, errors = outcome.answers, outcome.entered, outcome.errors
        status = 422
    else:
        answers = actions.answers_of(request.session)
        entered, errors, status = answers, {}, 200
    steps = flow.steps(knowledge)
    index = [s.id for s in steps].index(current.id)
    questions = questions_for(knowledge, current, answers, entered, errors)
    context = {
        "step": current,
        "questions": questions,
        "errors": errors,
        "error_links": error_links(questions, errors),
        "progress": flow.progress(knowledge, answers, current),
        "back_url": _back_url(steps, index, returning),
        "returning": returning,
        # said on the page from the setting itself, so the promise cannot drift from it
        "kept_hours": settings.SESSION_COOKIE_AGE // 3600,
    }
    return render(request, "follicle/assessment/step.html", context, status=status)


def _back_url(steps: tuple[Step, ...], index: int, returning: bool) -> str:
    if returning:
        return reverse("assessment:check")
    if index == 0:
        return reverse("pages:home")
    return reverse("assessment:step", kwargs={"step_id": steps[index - 1].id})


def _next_url(knowledge: Knowledge, step_id: str, returning: bool) -> str:
    ids = [s.id for s in flow.steps(knowledge)]
    if returning or step_id == ids[-1]:
        return reverse("assessment:check")
    return reverse("assessment:step", kwargs={"step_id": ids[ids.index(step_id) + 1]})


@require_http_methods(["GET"])
def check(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    answers = actions.answers_of(request.session)
    pending = flow.first_incomplete_step(knowledge, answers)
    if pending is not None:
        return redirect("assessment:step", step_id=pending.id)
    last = flow.steps(knowledge)[-1]
    return render(
        request,
        "follicle/assessment/check.html",
        {"sections": check_rows(knowledge, answers), "back_step": last},
    )


@require_http_methods(["GET"])
def result(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    answers = actions.answers_of(request.session)
    outcome = run(answers, knowledge)
    if not isinstance(outcome, AssessmentResult):
        pending = flow.first_incomplete_step(knowledge, answers)
        return redirect("assessment:step", step_id=(pending or flow.steps(knowledge)[0]).id)
    context = {
        **result_page(knowledge, outcome, answers),
        "review_key": actions.review_key_of(request.session),
    }
    return render(request, "follicle/assessment/result.html", context)


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    actions.clear_answers(session=request.session)
    return redirect("assessment:start")
