"""Every change to a case, each atomic and audited in the same transaction.

Concurrency: claiming and deciding are compare-and-set UPDATEs ("set in_review where it is
still submitted"), which are atomic on SQLite and PostgreSQL alike, so of two clinicians who
claim the same case at the same moment exactly one succeeds, and a plan is issued once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from follicle.engine import AssessmentResult, run
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.contract import STATUSES
from follicle.web.accounts.actions import sign_up
from follicle.web.accounts.models import User
from follicle.web.audit.actions import record, record_each
from follicle.web.audit.context import AuditContext
from follicle.web.reviews import queue
from follicle.web.reviews.hashing import plan_hash
from follicle.web.reviews.models import (
    CLOSED,
    Case,
    Message,
    MessageKind,
    Plan,
    ReviewRequest,
    Status,
)
from follicle.web.reviews.terms import current_terms


class ReviewError(Exception):
    """A change that cannot be made; the message says why in plain words."""


class AlreadyClaimed(ReviewError):
    pass


class NotYours(ReviewError):
    pass


@dataclass(frozen=True, slots=True)
class Decision:
    """A clinician's decision on one option of the engine's draft."""

    treatment: str
    status: str
    order: int
    reason: str


class PlanInvalid(ReviewError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _lapse() -> Any:
    return queue.lapse_cutoff()


def _notify(person: User, subject: str, body_lead: str, audit: AuditContext, case: Case) -> None:
    """An email that says something changed, with a link; never health details."""
    link = audit.absolute(reverse("reviews:my_case", args=[case.id]))
    transaction.on_commit(
        lambda: send_mail(
            subject, f"{body_lead}\n\nSign in to read it: {link}\n", None, [person.email]
        )
    )


def _send_receipt(person: User, case: Case, audit: AuditContext) -> None:
    """The receipt for a sent request: reference, who reviews, how soon, the price and what
    happens next. Like every email here it holds no health detail (no answers, note, condition
    or treatment), as mail passes through hands the person does not choose."""
    terms = current_terms()
    link = audit.absolute(reverse("reviews:my_case", args=[case.id]))
    demo = "\nThese are demo terms: this is not a real clinic and nothing is charged.\n"
    body = (
        f"We have your request for a clinician's review. Your reference is {case.reference}.\n\n"
        f"Who reviews: a clinician of {terms.clinic}, practising under the rules of "
        f"{terms.jurisdiction}.\n"
        f"When: usually within {terms.turnaround}.\n"
        f"Price: {terms.fee}.\n"
        f"{demo if terms.demo else ''}\n"
        "What happens next: a clinician reads your answers and either signs a plan for you, "
        "asks you a question, or suggests you are seen in person. We email you when that "
        "happens; the email will not contain any health details.\n\n"
        f"Sign in to see your request: {link}\n"
    )
    transaction.on_commit(
        lambda: send_mail(
            f"We received your review request {case.reference}", body, None, [person.email]
        )
    )


def request_review(
    *,
    audit: AuditContext,
    person: User,
    answers: dict[str, Any],
    note: str,
    idempotency_key: uuid.UUID,
    knowledge: Knowledge,
    case_id: uuid.UUID | None = None,
) -> Case:
    """Store a case for review; the same key (double click, retry, back button) gives the same
    case. A new case sends the person a receipt. ``case_id``: the id of the waiting request it
    comes from (see :func:`send_request`), so both have one audit history."""
    existing = Case.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.person_id != person.pk:
            raise NotYours("This request belongs to someone else.")
        return existing
    result = run(answers, knowledge)
    if not isinstance(result, AssessmentResult):
        raise ReviewError("The answers are incomplete; finish the assessment first.")
    try:
        with transaction.atomic():
            case = Case.objects.create(
                id=case_id or uuid.uuid4(),
                person=person,
                idempotency_key=idempotency_key,
                answers=answers,
                result=result.to_dict(),
                engine_version=result.engine_version,
                knowledge_version=result.knowledge_version,
                note=note.strip(),
                status=Status.SUBMITTED,
                priority=0 if result.red_flags else 1,
                submitted_at=timezone.now(),
            )
            record(action="case.submitted", actor=person, case_id=case.id, audit=audit)
            _send_receipt(person, case, audit)
    except IntegrityError:
        case = Case.objects.get(idempotency_key=idempotency_key)
        if case.person_id != person.pk:
            raise NotYours("This request belongs to someone else.") from None
    return case


# --- Waiting requests: asked for, not sent yet ----------------------------------------------


class NothingWaiting(ReviewError):
    pass


NOTHING_WAITING = "There is nothing waiting to be sent. Take the assessment first."


def waiting_request(person: User) -> ReviewRequest | None:
    """The person's request waiting to be sent, if it has not expired (a read)."""
    return ReviewRequest.objects.waiting().filter(person=person).first()


def hold_request(
    *,
    audit: AuditContext,
    person: User,
    answers: dict[str, Any],
    note: str,
    idempotency_key: uuid.UUID,
    knowledge: Knowledge,
) -> ReviewRequest | None:
    """Keep a request on the server until the person sends it, from any device. A newer
    request replaces the person's older one; the same key again (a double click) changes
    nothing. None if a case with this key was already sent (nothing is left to hold)."""
    if not isinstance(run(answers, knowledge), AssessmentResult):
        raise ReviewError("The answers are incomplete; finish the assessment first.")
    with transaction.atomic():
        sent = Case.objects.filter(idempotency_key=idempotency_key).first()
        if sent is not None:
            if sent.person_id != person.pk:
                raise NotYours("This request belongs to someone else.")
            return None
        # Lock the person's row: their requests change one at a time (two devices, a double
        # click), so "one waiting request per person" never trips.
        User.objects.select_for_update().filter(pk=person.pk).first()
        same = ReviewRequest.objects.filter(idempotency_key=idempotency_key).first()
        if same is not None:
            if same.person_id != person.pk:
                raise NotYours("This request belongs to someone else.")
            return same
        replaced = list(ReviewRequest.objects.filter(person=person).values_list("id", flat=True))
        if replaced:
            ReviewRequest.objects.filter(id__in=replaced).delete()
            record_each(
                action="review_request.replaced", actor=person, case_ids=replaced, audit=audit
            )
        now = timezone.now()
        held = ReviewRequest.objects.create(
            person=person,
            idempotency_key=idempotency_key,
            answers=answers,
            note=note.strip(),
            created_at=now,
            expires_at=now + timedelta(days=settings.FOLLICLE_REVIEW_REQUEST_DAYS),
        )
        record(action="review_request.held", actor=person, case_id=held.id, audit=audit)
    return held


def sign_up_to_send(
    *,
    audit: AuditContext,
    email: str,
    password: str,
    answers: dict[str, Any],
    note: str,
    idempotency_key: uuid.UUID,
    knowledge: Knowledge,
) -> User | None:
    """Sign-up from the result page: the account and, with it, the waiting request, so that
    confirming the address and signing in anywhere finds the answers. As with any sign-up,
    an address that already has an account gets nothing new (see ``accounts.actions.sign_up``);
    its owner continues by signing in in this browser."""
    with transaction.atomic():
        person = sign_up(audit=audit, email=email, password=password)
        if person is not None:
            try:
                with transaction.atomic():
                    hold_request(
                        audit=audit.as_actor(person),
                        person=person,
                        answers=answers,
                        note=note,
                        idempotency_key=idempotency_key,
                        knowledge=knowledge,
                    )
            except ReviewError:
                pass  # unfinished answers, or a key already used: the account only
    return person


def send_request(
    *,
    audit: AuditContext,
    person: User,
    idempotency_key: uuid.UUID,
    knowledge: Knowledge,
    answers: dict[str, Any] | None = None,
    note: str = "",
) -> Case:
    """Send the request with this key for review: exactly one case, however many times and
    from however many devices it is pressed.

    The person's waiting request with this key is sent if there is one (and deleted: the case
    now holds the answers); otherwise ``answers`` and ``note`` (the answers in this browser's
    session, for a person who signed in to an existing account). A case already sent with this
    key is simply returned.
    """
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=person.pk).first()
        waiting = (
            ReviewRequest.objects.waiting()
            .filter(person=person, idempotency_key=idempotency_key)
            .first()
        )
        if waiting is None:
            sent = Case.objects.filter(idempotency_key=idempotency_key, person=person).first()
            if sent is not None:
                return sent
            if not answers:
                raise NothingWaiting(NOTHING_WAITING)
            return request_review(
                audit=audit,
                person=person,
                answers=answers,
                note=note,
                idempotency_key=idempotency_key,
                knowledge=knowledge,
            )
        case = request_review(
            audit=audit,
            person=person,
            answers=waiting.answers,
            note=waiting.note,
            idempotency_key=idempotency_key,
            knowledge=knowledge,
            case_id=waiting.id,
        )
        ReviewRequest.objects.filter(id=waiting.id).delete()
        record(action="review_request.sent", actor=person, case_id=waiting.id, audit=audit)
    return case


def record_request_read(*, audit: AuditContext, held: ReviewRequest, what: str) -> None:
    """Audit a read of a waiting request (its answers and note are health data)."""
    record(action=f"review_request.viewed.{what}", audit=audit, case_id=held.id)


def purge_expired_requests(*, audit: AuditContext) -> int:
    """Delete the requests past their time (``FOLLICLE_REVIEW_REQUEST_DAYS``), each recorded;
    the number deleted. Run daily (``manage.py purge_review_requests``)."""
    with transaction.atomic():
        expired = list(
            ReviewRequest.objects.select_for_update()
            .filter(expires_at__lte=timezone.now())
            .values_list("id", flat=True)
        )
        if expired:
            ReviewRequest.objects.filter(id__in=expired).delete()
            record_each(action="review_request.expired", case_ids=expired, audit=audit)
    return len(expired)


def claim(*, audit: AuditContext, case_id: uuid.UUID, clinician: User) -> None:
    """Take a case from the queue. Exactly one of several simultaneous claims succeeds.

    A claim that lapsed is not released by anyone: the case simply reads as waiting (see
    :func:`claimable`) until someone claims it here. Taking over a colleague's lapsed claim is
    recorded with whose claim it was; the update requires that very claim, so the record is
    exact even when several clinicians try at once.
    """
    with transaction.atomic():
        taken_over: int | None = None
        updated = (
            Case.objects.filter(id=case_id)
            .filter(Q(status=Status.SUBMITTED) | Q(status=Status.IN_REVIEW, claimed_by=clinician))
            .update(
                status=Status.IN_REVIEW,
                claimed_by=clinician,
                claimed_at=timezone.now(),
                version=F("version") + 1,
            )
        )
        if not updated:
            holder = (
                Case.objects.filter(id=case_id, status=Status.IN_REVIEW, claimed_at__lt=_lapse())
                .values_list("claimed_by_id", flat=True)
                .first()
            )
            if holder is not None:
                updated = Case.objects.filter(
                    id=case_id, status=Status.IN_REVIEW, claimed_at__lt=_lapse(), claimed_by=holder
                ).update(
                    claimed_by=clinician,
                    claimed_at=timezone.now(),
                    version=F("version") + 1,
                )
                taken_over = holder
        if not updated:
            raise AlreadyClaimed(
                "Another clinician is reviewing this case, or it is already decided."
            )
        record(
            action="case.claimed",
            actor=clinician,
            case_id=case_id,
            audit=audit,
            detail={"lapsed_claim_of": taken_over} if taken_over is not None else None,
        )


def release(*, audit: AuditContext, case_id: uuid.UUID, clinician: User) -> None:
    with transaction.atomic():
        updated = Case.objects.filter(
            id=case_id,
            status__in=[Status.IN_REVIEW, Status.NEEDS_INFORMATION],
            claimed_by=clinician,
        ).update(
            status=Status.SUBMITTED, claimed_by=None, claimed_at=None, version=F("version") + 1
        )
        if not updated:
            raise NotYours("You are not reviewing this case.")
        record(action="case.released", actor=clinician, case_id=case_id, audit=audit)


def _mine_in_review(case_id: uuid.UUID, clinician: User, case_version: int | None) -> Any:
    """The case, if this clinician may decide it now.

    With the version the clinician's form was made from, the case must still be at that
    version: then nothing happened since they read it (a lapsed claim released or taken by a
    colleague bumps the version), so the decision is safe even if the claim's time ran out.
    Without a version, the claim itself must be live.
    """
    cases = Case.objects.filter(id=case_id, status=Status.IN_REVIEW, claimed_by=clinician)
    if case_version is None:
        return cases.filter(claimed_at__gte=_lapse())
    return cases.filter(version=case_version)


STALE = (
    "The case changed since you opened it, or your claim lapsed. Nothing was saved; "
    "reload the case, check what changed, and decide again."
)


def claim_is_live(case: Case) -> bool:
    return case.claimed_at is not None and case.claimed_at >= _lapse()


def claimable(case: Case) -> bool:
    """Anyone may claim it: waiting in the queue, or held by a claim that lapsed (the same test
    :func:`claim` makes in SQL)."""
    return case.status == Status.SUBMITTED or (
        case.status == Status.IN_REVIEW and not claim_is_live(case)
    )


def claim_until(case: Case) -> Any:
    """When the case's claim lapses (None if nobody holds it)."""
    if case.claimed_at is None:
        return None
    return case.claimed_at + timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES)


def keep_claim(*, audit: AuditContext, case_id: uuid.UUID, clinician: User) -> None:
    """ "Keep working on this": the clinician's claim runs for the full time again. A claim that
    lapsed but that nobody else took is simply renewed; the version does not change, because
    the case did not. Opening a case never renews its claim (a read writes nothing)."""
    with transaction.atomic():
        if not Case.objects.filter(
            id=case_id, status=Status.IN_REVIEW, claimed_by=clinician
        ).update(claimed_at=timezone.now()):
            raise NotYours("You are not reviewing this case.")
        record(action="case.claim_kept", actor=clinician, case_id=case_id, audit=audit)


def _differs(status: str, order: int, draft_option: dict[str, Any]) -> bool:
    """The clinician changed the engine's status or place for this option (the audit's count)."""
    return bool(status != draft_option["status"] or order != draft_option["rank"])


def status_rating(status: str) -> int:
    """A status's rank in status order, best first; an unknown status counts as the worst.
    The one key behind the order warning, 'Put in status order' and the reason rule."""
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def _status_order_places(
    draft: dict[str, dict[str, Any]], decisions: list[Decision]
) -> dict[str, int]:
    """Where each option stands when the draft is put in status order with the clinician's
    statuses (the draft's order kept within a status): what 'Put in status order' gives."""
    ranked = sorted(decisions, key=lambda d: (status_rating(d.status), draft[d.treatment]["rank"]))
    return {d.treatment: place for place, d in enumerate(ranked, start=1)}


def _needs_reason(decision: Decision, draft_option: dict[str, Any], status_place: int) -> bool:
    """The clinician decided something about this option: a new status, or a place that is
    neither the draft's nor the one status order gives. An option that only moved because
    another option's status changed (one demoted below it) needs no reason of its own."""
    if decision.status != draft_option["status"]:
        return True
    return decision.order not in (draft_option["rank"], status_place)


#: The error when options stand above better-rated ones and the clinician did not say they mean it.
OUT_OF_STATUS_ORDER = (
    "Some options stand above options with a better status (see the list above the table). "
    "Change their places, press 'Put in status order', or tick this box to sign the order as it is."
)


def out_of_status_order(statuses: list[str]) -> list[tuple[int, int]]:
    """Where status and place disagree, for statuses listed in the plan's order: ``(i, j)``
    when option ``i`` stands above option ``j`` though ``j``'s status is better ("Not now" above
    "Recommended"), one pair per such ``i``, with ``j`` the best-rated option below it.
    Unknown statuses count as the worst."""
    rating = [status_rating(s) for s in statuses]
    pairs = []
    for i, mine in enumerate(rating):
        better = [j for j in range(i + 1, len(rating)) if rating[j] < mine]
        if better:
            pairs.append((i, min(better, key=lambda j: (rating[j], j))))
    return pairs


def check_decisions(
    result: dict[str, Any], decisions: list[Decision], *, keep_order: bool = False
) -> dict[str, str]:
    """Field errors: every option once, known statuses, orders 1..n, a reason for every
    decision (:func:`_needs_reason`), and no option above a better-rated one unless the clinician keeps that order on purpose."""
    errors: dict[str, str] = {}
    draft = {o["treatment"]: o for o in result["options"]}
    given = {d.treatment: d for d in decisions}
    if set(given) != set(draft) or len(given) != len(decisions):
        errors["options"] = "Decide on every option of the draft exactly once."
        return errors
    orders = sorted(d.order for d in decisions)
    if orders != list(range(1, len(decisions) + 1)):
        errors["options"] = f"Number the options 1 to {len(decisions)}, each number once."
    status_places = _status_order_places(draft, decisions)
    for d in decisions:
        if d.status not in STATUSES:
            errors[f"status_{d.treatment}"] = "Choose recommended, consider, not now or avoid."
        if (
            _needs_reason(d, draft[d.treatment], status_places[d.treatment])
            and not d.reason.strip()
        ):
            errors[f"reason_{d.treatment}"] = (
                "Give a reason for changing the engine's draft for this option."
            )
    in_order = [d.status for d in sorted(decisions, key=lambda d: d.order)]
    if not keep_order and out_of_status_order(in_order):
        errors["keep_order"] = OUT_OF_STATUS_ORDER
    return errors


ALREADY_SIGNED = (
    "This case already has a signed plan, and it differs from what you sent. Nothing was "
    "saved; your changes are below. To change the plan, start a new version."
)


def is_signed_plan(
    plan: Plan, *, decisions: list[Decision], instructions: str, follow_up: str
) -> bool:
    """Whether a plan form says exactly what ``plan`` says: a second press of "Sign and issue"
    (a double submit) rather than a different decision."""
    sent = [
        (d.treatment, d.status, d.order, d.reason.strip())
        for d in sorted(decisions, key=lambda d: d.order)
    ]
    signed = [(o["treatment"], o["status"], o["order"], o["reason"]) for o in plan.options]
    return (
        sent == signed
        and instructions.strip() == plan.instructions
        and follow_up.strip() == plan.follow_up
    )


def issue_plan(
    *,
    audit: AuditContext,
    case_id: uuid.UUID,
    clinician: User,
    decisions: list[Decision],
    instructions: str,
    follow_up: str,
    case_version: int | None = None,
    keep_order: bool = False,
) -> Plan:
    """Sign and issue the plan. It is then immutable; a later change is a new version.
    ``keep_order``: the clinician means options to stand above better-rated ones."""
    case = Case.objects.select_related("person").get(id=case_id)
    errors = check_decisions(case.result, decisions, keep_order=keep_order)
    if errors:
        raise PlanInvalid(errors)
    draft = {o["treatment"]: o for o in case.result["options"]}
    options = [
        {
            "treatment": d.treatment,
            "status": d.status,
            "order": d.order,
            "engine_status": draft[d.treatment]["status"],
            "engine_rank": draft[d.treatment]["rank"],
            "reason": d.reason.strip(),
        }
        for d in sorted(decisions, key=lambda d: d.order)
    ]
    with transaction.atomic():
        now = timezone.now()
        if not _mine_in_review(case_id, clinician, case_version).update(
            status=Status.PLAN_ISSUED, closed_at=now, version=F("version") + 1
        ):
            raise NotYours(STALE)
        plan = Plan(
            case=case,
            version=Plan.objects.filter(case_id=case_id).count() + 1,
            options=options,
            instructions=instructions.strip(),
            follow_up=follow_up.strip(),
            signed_by=clinician,
            signed_at=now,
        )
        plan.content_hash = plan_hash(plan)
        plan.save()
        changed = sum(1 for d in decisions if _differs(d.status, d.order, draft[d.treatment]))
        record(
            action="plan.issued",
            actor=clinician,
            case_id=case_id,
            audit=audit,
            detail={
                "plan_version": plan.version,
                "content_hash": plan.content_hash,
                "options_changed": changed,
            },
        )
        _notify(
            case.person,
            "Your Follicle plan is ready",
            "A clinician has reviewed your answers and signed your plan.",
            audit,
            case,
        )
    return plan


def reopen(*, audit: AuditContext, case_id: uuid.UUID, clinician: User) -> None:
    """Start a new version of an issued plan (the signed one stays as it was). The editor then
    starts from the latest signed plan (``forms.start_from``), recorded as ``from_plan_version``."""
    signed_by_them = Plan.objects.filter(case=OuterRef("pk"), signed_by=clinician)
    with transaction.atomic():
        # The status test sits on the case row itself (not behind a join), so PostgreSQL
        # re-checks it after waiting for a concurrent reopen: exactly one of two wins.
        if not Case.objects.filter(
            Exists(signed_by_them), id=case_id, status=Status.PLAN_ISSUED
        ).update(
            status=Status.IN_REVIEW,
            claimed_by=clinician,
            claimed_at=timezone.now(),
            closed_at=None,
            version=F("version") + 1,
        ):
            raise NotYours("Only the clinician who signed the plan can start a new version.")
        latest = Plan.objects.filter(case_id=case_id).order_by("-version").first()
        record(
            action="case.reopened",
            actor=clinician,
            case_id=case_id,
            audit=audit,
            detail={"from_plan_version": latest.version if latest is not None else None},
        )


@dataclass(frozen=True, slots=True)
class Reply:
    """A decision that answers the person in words: a referral or a question."""

    status: Status
    kind: MessageKind
    action: str
    subject: str
    empty: str  # what to say when the clinician wrote nothing
    done: str  # what to tell the clinician once it is sent


REFERRAL = Reply(
    status=Status.REFERRED_IN_PERSON,
    kind=MessageKind.REFERRAL,
    action="case.referred_in_person",
    subject="A clinician has replied about your review",
    empty="Say why the person should be seen in person and by whom.",
    done="The person has been told to see a clinician in person.",
)
QUESTION = Reply(
    status=Status.NEEDS_INFORMATION,
    kind=MessageKind.QUESTION,
    action="case.question_asked",
    subject="A clinician has a question for you",
    empty="Write the question you want to ask.",
    done="Your question was sent. The case returns to the queue when the person answers.",
)
REPLIES = {"refer": REFERRAL, "ask": QUESTION}


def reply(
    *,
    audit: AuditContext,
    case_id: uuid.UUID,
    clinician: User,
    reply: Reply,
    text: str,
    case_version: int | None = None,
) -> None:
    """Move a claimed case to the reply's status, leave the person the message, audit it, and
    tell them by email (which says only that there is news: no clinical detail)."""
    if not text.strip():
        raise PlanInvalid({"text": reply.empty})
    with transaction.atomic():
        now = timezone.now()
        closing = {"closed_at": now} if reply.status in CLOSED else {}
        if not _mine_in_review(case_id, clinician, case_version).update(
            status=reply.status, version=F("version") + 1, **closing
        ):
            raise NotYours(STALE)
        case = Case.objects.select_related("person").get(id=case_id)
        Message.objects.create(
            case=case, author=clinician, kind=reply.kind, text=text.strip(), created_at=now
        )
        record(action=reply.action, actor=clinician, case_id=case_id, audit=audit)
        _notify(
            case.person,
            reply.subject,
            "There is news about the answers you sent for review.",
            audit,
            case,
        )


def answer_question(*, audit: AuditContext, case: Case, person: User, text: str) -> None:
    """The person's answer returns the case to the queue."""
    with transaction.atomic():
        if not Case.objects.filter(
            id=case.id, person=person, status=Status.NEEDS_INFORMATION
        ).update(
            status=Status.SUBMITTED,
            claimed_by=None,
            claimed_at=None,
            version=F("version") + 1,
        ):
            raise ReviewError("There is no open question on this case.")
        Message.objects.create(
            case=case,
            author=person,
            kind=MessageKind.ANSWER,
            text=text.strip(),
            created_at=timezone.now(),
        )
        record(action="case.question_answered", actor=person, case_id=case.id, audit=audit)


def record_read(*, audit: AuditContext, case_id: uuid.UUID, what: str) -> None:
    """Audit a read of a person's record (who, when, from where; not what it says)."""
    record(action=f"case.viewed.{what}", audit=audit, case_id=case_id)


def record_reads(*, audit: AuditContext, case_ids: list[uuid.UUID], what: str) -> None:
    """Audit reads of several records at once (a person's list of cases): one event per case,
    written together, so the page costs the same few queries however many cases it lists."""
    record_each(action=f"case.viewed.{what}", audit=audit, case_ids=case_ids)


def record_queue_view(*, audit: AuditContext, case_ids: list[uuid.UUID]) -> None:
    """Audit which waiting cases a clinician was shown (ids only)."""
    record(
        action="queue.viewed",
        audit=audit,
        detail={"cases": [str(c) for c in case_ids]},
    )
