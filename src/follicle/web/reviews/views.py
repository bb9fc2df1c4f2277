"""Asking for a review (people) and reviewing (clinicians). Views load the object, check that
this user may see it, call one action and respond; every read of a case is audited."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from follicle.knowledge import default_knowledge
from follicle.web import session_markers as markers
from follicle.web.accounts.models import Role, User
from follicle.web.accounts.permissions import clinician_required, person_required
from follicle.web.assessment.actions import answers_of
from follicle.web.assessment.presenters import answer_words
from follicle.web.audit.context import audit_context
from follicle.web.errors import ExplainedRefusal
from follicle.web.form_status import form_status
from follicle.web.pdf import pdf_response, render_pdf
from follicle.web.reviews import actions, queue
from follicle.web.reviews.forms import (
    AnswerForm,
    MessageForm,
    PlanForm,
    RequestReviewForm,
    SendForm,
    start_from,
)
from follicle.web.reviews.models import CLOSED, Case, Plan, ReviewRequest, Status
from follicle.web.reviews.presenters import plan_sheet


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


# --- People ---------------------------------------------------------------------------------


@require_POST
def request_review(request: HttpRequest) -> HttpResponse:
    """From the result page. A signed-in person's request is kept on the server at once; for
    someone not signed in, the note and key wait in this session until sign-up, which keeps
    the request on the server with the new account (``actions.sign_up_to_send``)."""
    form = RequestReviewForm(request.POST)
    if not form.is_valid():
        return redirect("assessment:result")
    if not request.user.is_authenticated:
        markers.keep_pending_review(
            request.session,
            note=form.cleaned_data["note"],
            key=str(form.cleaned_data["idempotency_key"]),
        )
        return redirect(f"{reverse('accounts:signup')}?next={reverse('reviews:confirm')}")
    if _user(request).role != Role.PERSON:
        raise PermissionDenied("Only the person who answered can ask for a review.")
    try:
        actions.hold_request(
            audit=audit_context(request),
            person=_user(request),
            answers=answers_of(request.session),
            note=form.cleaned_data["note"],
            idempotency_key=form.cleaned_data["idempotency_key"],
            knowledge=default_knowledge(),
        )
    except actions.ReviewError as error:
        messages.error(request, str(error))
        return redirect("assessment:start")
    markers.forget_pending_review(request.session)  # an older one from before signing in
    return redirect("reviews:confirm")


@dataclass(frozen=True, slots=True)
class Waiting:
    """A request waiting to be sent, wherever it is kept: on the server (``held``) or, for a
    person who signed in to an account they already had, in this browser's session."""

    key: str
    note: str
    since: datetime | None
    held: ReviewRequest | None
    answers: dict[str, Any]


def _waiting(request: HttpRequest) -> Waiting | None:
    """This browser's unsent request first (it is the newest), else the server's (a read)."""
    pending = markers.pending_review(request.session)
    answers = answers_of(request.session)
    if pending and answers:
        return Waiting(pending["key"], pending["note"], None, None, answers)
    held = actions.waiting_request(_user(request))
    if held is None:
        return None
    return Waiting(str(held.idempotency_key), held.note, held.created_at, held, held.answers)


@person_required
def confirm(request: HttpRequest) -> HttpResponse:
    """Check and send: the waiting request goes to a clinician. The form names the request by
    its key, so pressing "Send" twice, or on two devices, makes one case."""
    person = _user(request)
    if request.method == "POST":
        form = SendForm(request.POST)
        if not form.is_valid():
            messages.info(request, actions.NOTHING_WAITING)
            return redirect("reviews:my_cases")
        if not person.email_verified:
            return redirect("accounts:check_email")
        key = form.cleaned_data["idempotency_key"]
        waiting = _waiting(request)
        here = waiting is not None and waiting.held is None and waiting.key == str(key)
        try:
            case = actions.send_request(
                audit=audit_context(request),
                person=person,
                idempotency_key=key,
                knowledge=default_knowledge(),
                answers=waiting.answers if here and waiting else None,
                note=waiting.note if here and waiting else "",
            )
        except actions.NothingWaiting as error:
            messages.info(request, str(error))
            return redirect("reviews:my_cases")
        except actions.ReviewError as error:
            messages.error(request, str(error))
            return redirect("assessment:start")
        if here:
            markers.forget_pending_review(request.session)
        messages.success(request, f"Your answers are sent. Your reference is {case.reference}.")
        return redirect("reviews:my_case", case_id=case.id)
    waiting = _waiting(request)
    if waiting is None:
        messages.info(request, actions.NOTHING_WAITING)
        return redirect("reviews:my_cases")
    if not person.email_verified:
        return redirect("accounts:check_email")
    if waiting.held is not None:
        actions.record_request_read(audit=audit_context(request), held=waiting.held, what="send")
    return render(
        request,
        "follicle/reviews/confirm.html",
        {
            "waiting": waiting,
            "answers": _answer_rows(waiting.answers),
            "form": SendForm(initial={"idempotency_key": waiting.key}),
            "request_days": settings.FOLLICLE_REVIEW_REQUEST_DAYS,
        },
    )


@require_GET
@person_required
def my_cases(request: HttpRequest) -> HttpResponse:
    person = _user(request)
    cases = list(Case.objects.filter(person=person).order_by("-submitted_at"))
    waiting = _waiting(request)
    audit = audit_context(request)
    actions.record_reads(audit=audit, case_ids=[c.id for c in cases], what="list")
    if waiting is not None and waiting.held is not None:
        actions.record_request_read(audit=audit, held=waiting.held, what="list")
    return render(
        request,
        "follicle/reviews/my_cases.html",
        {"cases": cases, "waiting": waiting, "verified": person.email_verified},
    )


def _own_case(request: HttpRequest, case_id: uuid.UUID) -> Case:
    """The person's own case, or not found (another person's case is never acknowledged)."""
    case = Case.objects.filter(id=case_id, person=_user(request)).first()
    if case is None:
        raise Http404("No such case")
    return case


@person_required
def my_case(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _own_case(request, case_id)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.answer_question(
                audit=audit_context(request),
                case=case,
                person=_user(request),
                text=form.cleaned_data["text"],
            )
        except actions.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, "Your answer was sent. The case is back in the clinicians' queue."
            )
        return redirect("reviews:my_case", case_id=case.id)
    actions.record_read(audit=audit_context(request), case_id=case.id, what="person")
    plan = case.plans.select_related("signed_by").last()
    return render(
        request,
        "follicle/reviews/my_case.html",
        {
            "case": case,
            "plan": plan,
            "sheet": plan_sheet(default_knowledge(), case.result, plan=plan) if plan else None,
            "pdf_url": reverse("reviews:plan_pdf", kwargs={"case_id": case.id}) if plan else None,
            "messages_list": case.messages.all(),
            "form": form,
        },
        status=form_status(form),
    )


@require_GET
@person_required
def plan_pdf(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The signed plan as a PDF, from the same sheet and template as the page; audited as a
    read like the page. Not found until a plan is signed."""
    case = _own_case(request, case_id)
    plan = case.plans.select_related("signed_by").last()
    if plan is None:
        raise Http404("No signed plan yet")
    actions.record_read(audit=audit_context(request), case_id=case.id, what="plan_pdf")
    sheet = plan_sheet(default_knowledge(), case.result, plan=plan)
    html = render_to_string("follicle/reviews/plan_pdf.html", {"sheet": sheet}, request=request)
    return pdf_response(render_pdf(html), f"follicle-plan-version-{plan.version}.pdf")


def _plan_rows(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = {t.id: t.name for t in default_knowledge().treatments.values()}
    return [{**o, "name": names.get(o["treatment"], o["treatment"])} for o in options]


# --- Clinicians -----------------------------------------------------------------------------


@require_GET
@clinician_required
def queue_view(request: HttpRequest) -> HttpResponse:
    clinician = _user(request)
    page = queue.page(request.GET.get("after"))
    lapsed = queue.lapsed(clinician) if not request.GET.get("after") else []
    mine = Case.objects.filter(
        claimed_by=clinician, status__in=[Status.IN_REVIEW, Status.NEEDS_INFORMATION]
    ).order_by("priority", "submitted_at")
    actions.record_queue_view(
        audit=audit_context(request), case_ids=[c.id for c in [*lapsed, *page.rows]]
    )
    return render(
        request,
        "follicle/reviews/queue.html",
        {"page": page, "lapsed": lapsed, "mine": mine},
    )


def _visible_to(case: Case, clinician: User) -> bool:
    """A clinician sees cases anyone may claim (waiting, or held by a lapsed claim) and the cases
    they are or were working on."""
    if actions.claimable(case) or case.claimed_by_id == clinician.pk:
        return True
    return case.plans.filter(signed_by=clinician).exists()


def _taken(case: Case) -> ExplainedRefusal:
    """The refusal for a case another clinician has: who, in what way and since when, and the
    way back to the queue; nothing of the person's answers or result."""
    return ExplainedRefusal(
        "Another clinician is working on this case.",
        template="follicle/reviews/taken.html",
        context={
            "holder": case.claimed_by,
            "decided": case.status in CLOSED,
            "since": case.closed_at if case.status in CLOSED else case.claimed_at,
            "waiting_for_answer": case.status == Status.NEEDS_INFORMATION,
        },
    )


def _case_for_clinician(request: HttpRequest, case_id: uuid.UUID) -> Case:
    case = Case.objects.select_related("claimed_by").filter(id=case_id).first()
    if case is None:
        raise Http404("No such case")
    if not _visible_to(case, _user(request)):
        raise _taken(case)
    return case


def _draft(case: Case) -> list[dict[str, Any]]:
    treatments = default_knowledge().treatments
    return [
        {
            **o,
            "name": treatments[o["treatment"]].name
            if o["treatment"] in treatments
            else o["treatment"],
        }
        for o in case.result["options"]
    ]


def _render_review(
    request: HttpRequest,
    case: Case,
    *,
    plan_form: PlanForm | None = None,
    side: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The case page. Forms come back bound after an error so nothing the clinician typed is
    lost; each form carries the case version it was made from, so a decision taken on a stale
    page is refused rather than applied to a case that changed underneath it."""
    clinician = _user(request)
    mine = case.status == Status.IN_REVIEW and case.claimed_by_id == clinician.pk
    kept = bool(side) or plan_form is not None
    actions.record_read(audit=audit_context(request), case_id=case.id, what="clinician")
    draft = _draft(case)
    plans = list(case.plans.select_related("signed_by"))
    latest = plans[-1] if plans else None
    context = {
        "case": case,
        "result": case.result,
        "answers": _answer_rows(case.answers),
        "draft": draft,
        "plan_form": plan_form or PlanForm(options=draft, initial=start_from(latest)),
        "mine": mine,
        "claim_until": actions.claim_until(case) if mine else None,
        "claim_lapsed": mine and not actions.claim_is_live(case),
        "kept": kept and not mine,
        "claimable": actions.claimable(case) and not mine,
        "plans": [(p, _plan_rows(p.options)) for p in plans],
        "messages_list": case.messages.select_related("author"),
        "side": side or {},
    }
    return render(request, "follicle/reviews/review.html", context, status=status)


@clinician_required
def review(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case_for_clinician(request, case_id)
    if request.method != "POST":
        return _render_review(request, case)
    plan_form = PlanForm(request.POST, options=_draft(case))
    if request.POST.get("arrange") in ("status", "places"):
        # Show the editor again, in status order or in the places entered; nothing is saved.
        values = (
            plan_form.in_status_order()
            if request.POST["arrange"] == "status"
            else {name: plan_form[name].value() for name in plan_form.fields}
        )
        return _render_review(
            request, case, plan_form=PlanForm(options=_draft(case), initial=values)
        )
    if not plan_form.is_valid():
        return _render_review(request, case, plan_form=plan_form, status=422)
    try:
        actions.issue_plan(
            audit=audit_context(request),
            case_id=case.id,
            clinician=_user(request),
            decisions=plan_form.decisions(),
            instructions=plan_form.cleaned_data["instructions"],
            follow_up=plan_form.cleaned_data["follow_up"],
            case_version=plan_form.cleaned_data["case_version"],
            keep_order=plan_form.cleaned_data["keep_order"],
        )
    except actions.PlanInvalid as error:
        for field, message in error.errors.items():
            plan_form.add_error(field if field in plan_form.fields else None, message)
        return _render_review(request, case, plan_form=plan_form, status=422)
    except actions.ReviewError as error:
        case.refresh_from_db()
        signed = _signed_by_me(case, _user(request))
        if signed is not None and actions.is_signed_plan(
            signed,
            decisions=plan_form.decisions(),
            instructions=plan_form.cleaned_data["instructions"],
            follow_up=plan_form.cleaned_data["follow_up"],
        ):
            messages.info(request, "This plan was already signed and issued; here it is.")
            return redirect("reviews:review", case_id=case.id)
        plan_form.add_error(None, actions.ALREADY_SIGNED if signed is not None else str(error))
        return _render_review(request, case, plan_form=plan_form, status=409)
    messages.success(request, "The plan is signed and issued. The person has been told by email.")
    return redirect("reviews:review", case_id=case.id)


def _signed_by_me(case: Case, clinician: User) -> Plan | None:
    """The case's latest plan when it is issued and this clinician signed it, else None."""
    if case.status != Status.PLAN_ISSUED:
        return None
    plan = case.plans.order_by("-version").first()
    return plan if plan is not None and plan.signed_by_id == clinician.pk else None


def _answer_rows(answers: dict[str, Any]) -> list[tuple[str, str]]:
    knowledge = default_knowledge()
    return [
        (item.label, answer_words(item, answers[item.id], knowledge))
        for item in knowledge.questionnaire.items
        if item.id in answers
    ]


#: A case action a clinician triggers with one button (claim, release, reopen).
CaseAction = Callable[..., None]


def _act(
    request: HttpRequest,
    case_id: uuid.UUID,
    action: CaseAction,
    done: str,
    then: str | None = None,
) -> HttpResponse:
    """Authorise, run one case action; on success say so and go to ``then`` (default: the
    case), on refusal stay on the case."""
    _case_for_clinician(request, case_id)
    try:
        action(audit=audit_context(request), case_id=case_id, clinician=_user(request))
    except actions.ReviewError as error:
        messages.error(request, str(error))
        return redirect("reviews:review", case_id=case_id)
    messages.success(request, done)
    return redirect(then) if then else redirect("reviews:review", case_id=case_id)


@require_POST
@clinician_required
def claim(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _act(request, case_id, actions.claim, "The case is yours to review.")


@require_POST
@clinician_required
def keep(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """ "Keep working on this": the claim runs for the full time again."""
    return _act(request, case_id, actions.keep_claim, "You have the case for another while.")


@require_POST
@clinician_required
def release(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _act(
        request, case_id, actions.release, "The case is back in the queue.", then="reviews:queue"
    )


@require_POST
@clinician_required
def reply(request: HttpRequest, case_id: uuid.UUID, which: str) -> HttpResponse:
    """Refer or ask. On any refusal the page comes back with the text still in its box."""
    case = _case_for_clinician(request, case_id)
    reply = actions.REPLIES[which]
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            actions.reply(
                audit=audit_context(request),
                case_id=case_id,
                clinician=_user(request),
                reply=reply,
                text=form.cleaned_data["text"],
                case_version=form.cleaned_data["case_version"],
            )
        except actions.PlanInvalid as error:
            error_text, code = " ".join(error.errors.values()), 422
        except actions.ReviewError as error:
            error_text, code = str(error), 409
            case.refresh_from_db()  # it changed underneath the form: show it as it is now
        else:
            messages.success(request, reply.done)
            return redirect("reviews:review", case_id=case_id)
    else:
        error_text = " ".join(str(e) for errors in form.errors.values() for e in errors)
        code = 422
    side = {which: {"text": request.POST.get("text", ""), "error": error_text}}
    return _render_review(request, case, side=side, status=code)


@require_POST
@clinician_required
def reopen(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _act(
        request,
        case_id,
        actions.reopen,
        "A new version of the plan is open. The signed version stays as it was.",
    )
