"""Every change to an account: sign-up, email verification, clinicians and their devices."""

from __future__ import annotations

import secrets
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks import task

from follicle.web.accounts.models import EnrolmentCode, Role, User, UserSession
from follicle.web.accounts.tokens import email_verification_token
from follicle.web.audit import security
from follicle.web.audit.actions import record
from follicle.web.audit.context import AuditContext


class EmailTaken(Exception):
    """An account with this email address already exists."""


def verification_link(audit: AuditContext, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_verification_token.make_token(user)
    return audit.absolute(reverse("accounts:verify", args=[uid, token]))


@transaction.atomic
def sign_up(*, audit: AuditContext, email: str, password: str) -> User | None:
    """A person's account, and an email with the link that proves the address is theirs.

    If the address already has an account, nothing is created and None is returned; the owner
    gets an email saying someone tried. The caller shows the same page either way, so sign-up
    cannot be used to learn who has an account (and a password is hashed either way, so the
    two paths take about as long).
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)
        record(action="account.signup_for_existing_address", audit=audit)
        login_url = audit.absolute(reverse("accounts:login"))
        reset_url = audit.absolute(reverse("accounts:password_reset"))
        transaction.on_commit(
            lambda: send_mail(
                "Someone tried to create a Follicle account with your address",
                "Someone, perhaps you, tried to create a new Follicle account with this email "
                "address. You already have one, so nothing was changed.\n\n"
                "If you were asking for a clinician's review, sign in in the browser where you "
                "answered the questions, and send your answers from there.\n\n"
                f"To sign in: {login_url}\nIf you forgot your password: {reset_url}\n\n"
                "If this was not you, you can ignore this email.",
                None,
                [existing.email],
            )
        )
        return None
    user = User.objects.create_user(email=email, password=password, role=Role.PERSON)
    record(action="account.created", actor=user, audit=audit)
    link = verification_link(audit, user)
    transaction.on_commit(
        lambda: send_mail(
            "Confirm your email address for Follicle",
            f"Open this link to confirm your email address and send your answers for review:\n\n{link}\n\n"
            "If you did not ask for this, you can ignore this email.",
            None,
            [user.email],
        )
    )
    return user


@transaction.atomic
def verify_email(*, audit: AuditContext, user: User) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        record(action="account.email_verified", actor=user, audit=audit)


@transaction.atomic
def request_password_reset(*, audit: AuditContext, email: str) -> None:
    """Queue the reset email for ``email``, whether or not it has an account.

    No account is looked up here: the request records one event (without the address) and
    enqueues one task, the same for every address, so neither its answer, its database work nor
    its time says whether the address has an account. The worker looks the address up and
    sends the email (:func:`send_password_reset`). With the database task backend the task's
    row commits with the event.
    """
    record(action="account.password_reset_requested", audit=audit)
    email_password_reset.enqueue(
        email=email, origin=audit.origin, address=audit.address, request_id=audit.request_id
    )


@transaction.atomic
def send_password_reset(*, audit: AuditContext, email: str) -> int:
    """Email a reset link to each active account with this address (any case) and a usable
    password, recording each by user id; an unknown address gets nothing. How many were sent."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    scheme, _, domain = audit.origin.partition("://")
    sent = 0
    for user in form.get_users(form.cleaned_data["email"]):
        context = {
            "email": user.email,
            "domain": domain,
            "site_name": "Follicle",
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": scheme or "https",
        }
        form.send_mail(
            "follicle/accounts/password_reset_subject.txt",
            "follicle/accounts/password_reset_email.txt",
            context,
            None,
            user.email,
        )
        record(action="account.password_reset_sent", audit=audit, detail={"user_id": user.pk})
        sent += 1
    return sent


@task()
def email_password_reset(*, email: str, origin: str, address: str | None, request_id: str) -> int:
    """The background task behind :func:`request_password_reset` (run by the task worker in
    production; at once in development and tests)."""
    audit = AuditContext(actor=None, address=address, request_id=request_id, origin=origin)
    return send_password_reset(audit=audit, email=email)


@transaction.atomic
def reset_password(*, audit: AuditContext, user: User, password: str) -> None:
    """The new password from a reset link (already validated by the form). The account's
    sessions elsewhere end with it: Django signs out every session whose password hash is
    now stale."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record(action="account.password_reset", actor=user, audit=audit)


@transaction.atomic
def create_clinician(
    *,
    audit: AuditContext,
    email: str,
    password: str,
    display_name: str,
    profession: str = "",
    registration_body: str = "",
    registration_number: str = "",
) -> User:
    """A clinician account. The clinician must add a second factor before seeing any case."""
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken(email)
    user = User.objects.create_user(
        email=email,
        password=password,
        role=Role.CLINICIAN,
        display_name=display_name,
        profession=profession.strip(),
        registration_body=registration_body.strip(),
        registration_number=registration_number.strip(),
        email_verified_at=timezone.now(),
    )
    record(action="account.clinician_created", audit=audit, detail={"user_id": user.pk})
    return user


#: What a clinician's profile holds: shown with their name on every plan they sign.
PROFILE_FIELDS = ("display_name", "profession", "registration_body", "registration_number")


@transaction.atomic
def update_clinician_profile(
    *,
    audit: AuditContext,
    user: User,
    display_name: str,
    profession: str,
    registration_body: str,
    registration_number: str,
) -> list[str]:
    """Save a clinician's name, profession and registration; the names of the fields that
    changed are audited (not their values) and returned."""
    given = {
        "display_name": display_name.strip(),
        "profession": profession.strip(),
        "registration_body": registration_body.strip(),
        "registration_number": registration_number.strip(),
    }
    changed = [name for name in PROFILE_FIELDS if getattr(user, name) != given[name]]
    if changed:
        for name in changed:
            setattr(user, name, given[name])
        user.save(update_fields=changed)
        record(
            action="account.profile_updated", actor=user, audit=audit, detail={"fields": changed}
        )
    return changed


#: How long a set-up code lasts: long enough to reach the clinician by phone or in person.
ENROLMENT_CODE_HOURS = 72
#: Wrong set-up codes allowed before the code stops working (an administrator issues another).
MAX_CODE_FAILURES = 5
#: Letters and digits a person cannot confuse when reading a code aloud (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _digest(code: str) -> str:
    """A keyed hash of the code. The code is random (about 59 bits), so a fast keyed hash is
    as safe as a password hash here, and guessing costs the server nothing much."""
    normalised = "".join(c for c in code.upper() if c.isalnum())
    return salted_hmac("follicle.accounts.enrolment_code", normalised).hexdigest()


def setup_code_instructions(code: str) -> str:
    """What the operator reads after issuing a code (both commands print it)."""
    return (
        f"one-time set-up code: {code}\n"
        "Give it to the clinician in person or by phone, not in the message with the password. "
        f"With it they add an authenticator app at their next sign-in. It expires in "
        f"{ENROLMENT_CODE_HOURS} hours; `follicle setupcode --email ...` issues a new one."
    )


# Every function below locks the account's EnrolmentCode row first and its TOTPDevice rows
# second, so two of them never deadlock, and a device deleted by one cannot be saved back by
# another (django-otp's verify_token saves the whole device).


def _locked_code(user: User) -> EnrolmentCode | None:
    return EnrolmentCode.objects.select_for_update().filter(user=user).first()


def issue_enrolment_code(*, audit: AuditContext, user: User) -> str:
    """A new one-time set-up code for ``user`` (see :func:`reissue_enrolment_code`)."""
    return reissue_enrolment_code(audit=audit, user=user)[0]


@transaction.atomic
def reissue_enrolment_code(*, audit: AuditContext, user: User) -> tuple[str, int]:
    """A new one-time set-up code for ``user``, replacing any earlier one, and how many
    confirmed authenticators were removed.

    Every authenticator the account has is removed: a new code is what an administrator issues
    for a new clinician or for one who lost their phone, and either way the next sign-in must
    set up an app with this code. The code is grouped in fours for reading aloud.
    """
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    _locked_code(user)
    devices = list(TOTPDevice.objects.select_for_update().filter(user=user))
    TOTPDevice.objects.filter(pk__in=[d.pk for d in devices]).delete()
    EnrolmentCode.objects.update_or_create(
        user=user,
        defaults={
            "code_hash": _digest(raw),
            "expires_at": timezone.now() + timedelta(hours=ENROLMENT_CODE_HOURS),
            "device": None,
            "failures": 0,
        },
    )
    removed = sum(d.confirmed for d in devices)
    record(
        action="account.enrolment_code_issued",
        audit=audit,
        detail={"user_id": user.pk, "authenticators_removed": removed},
    )
    return "-".join(raw[n : n + 4] for n in range(0, len(raw), 4)), removed


class Enrolment(Enum):
    """What happened to a step of setting up an authenticator app."""

    ACCEPTED = "accepted"
    NO_CODE = "no_code"  # none issued, expired, or replaced since step one
    WRONG_CODE = "wrong_code"
    LOCKED = "locked"  # too many wrong codes: this one no longer works
    WRONG_TOKEN = "wrong_token"  # noqa: S105 - an outcome name, not a secret
    ALREADY_CONFIRMED = "already_confirmed"  # a second submit of a finished set-up


def _refused(audit: AuditContext, user: User, outcome: Enrolment) -> Enrolment:
    record(
        action="account.enrolment_refused",
        actor=user,
        audit=audit,
        detail={"reason": outcome.value},
    )
    return outcome


@transaction.atomic
def accept_enrolment_code(
    *, audit: AuditContext, user: User, code: str
) -> tuple[Enrolment, TOTPDevice | None]:
    """Step one: the set-up code. If it is right, a new authenticator device is made and bound
    to this code, and only then may its secret be shown. The code is used up in step two."""
    issued = _locked_code(user)
    if issued is None or issued.expires_at <= timezone.now():
        return _refused(audit, user, Enrolment.NO_CODE), None
    if not constant_time_compare(_digest(code), issued.code_hash):
        issued.failures += 1
        if issued.failures >= MAX_CODE_FAILURES:
            issued.delete()
            return _refused(audit, user, Enrolment.LOCKED), None
        issued.save(update_fields=["failures"])
        return _refused(audit, user, Enrolment.WRONG_CODE), None
    # Any earlier unconfirmed device goes: its secret may have been shown to someone else.
    TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    issued.device = device
    issued.save(update_fields=["device"])
    record(action="account.enrolment_code_accepted", actor=user, audit=audit)
    return Enrolment.ACCEPTED, device


def enrolment_in_progress(*, user: User, device_id: int) -> TOTPDevice | None:
    """The device being set up, while its set-up code is live and still bound to it; otherwise
    None. A read only: showing a page changes nothing (see :func:`abandon_enrolment`)."""
    issued = EnrolmentCode.objects.filter(user=user).first()
    if issued is not None and issued.device_id == device_id and issued.expires_at > timezone.now():
        return TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    return None


@transaction.atomic
def abandon_enrolment(*, audit: AuditContext, user: User, device_id: int) -> None:
    """Remove a half-made device whose set-up can no longer finish (its code expired or was
    replaced), when the clinician next submits the set-up page."""
    issued = _locked_code(user)
    if issued is not None and issued.device_id == device_id and issued.expires_at > timezone.now():
        return  # still live: nothing to abandon
    removed, _ = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).delete()
    if removed:
        record(action="account.enrolment_abandoned", actor=user, audit=audit)


@transaction.atomic
def confirm_totp(
    *, audit: AuditContext, user: User, device_id: int, token: str
) -> tuple[Enrolment, TOTPDevice | None]:
    """Step two: the app's current code. Confirms the device and uses up the set-up code,
    which must still be live and bound to this very device (an administrator may have
    withdrawn or replaced it since step one)."""
    issued = _locked_code(user)
    device = TOTPDevice.objects.select_for_update().filter(pk=device_id, user=user).first()
    if device is not None and device.confirmed:
        return Enrolment.ALREADY_CONFIRMED, None
    if (
        device is None
        or issued is None
        or issued.device_id != device.pk
        or issued.expires_at <= timezone.now()
    ):
        if device is not None:  # its set-up can no longer finish
            device.delete()
        return _refused(audit, user, Enrolment.NO_CODE), None
    if not device.verify_token(token):
        return _refused(audit, user, Enrolment.WRONG_TOKEN), None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    issued.delete()
    record(action="account.second_factor_added", actor=user, audit=audit)
    return Enrolment.ACCEPTED, device


@transaction.atomic
def verify_second_factor(*, audit: AuditContext, user: User, token: str) -> TOTPDevice | None:
    """The confirmed authenticator if ``token`` is its current code (each sign-in)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    passed = device is not None and device.verify_token(token)
    security.second_factor(audit=audit, user=user, passed=passed, entry="site")
    return device if passed else None


# --- A signed-in person's own account: password, sessions, authenticator app ------------------


def _end_sessions_except(user: User, keep_session_key: str | None) -> int:
    return UserSession.objects.filter(user=user).exclude(session_key=keep_session_key).delete()[0]


@transaction.atomic
def change_password(
    *, audit: AuditContext, user: User, password: str, keep_session_key: str | None
) -> int:
    """A new password chosen while signed in (the form has checked the current one). Every other
    session of the account ends; the one given stays (the view keeps it signed in). Returns how
    many sessions ended."""
    user.set_password(password)
    user.save(update_fields=["password"])
    ended = _end_sessions_except(user, keep_session_key)
    record(
        action="account.password_changed", actor=user, audit=audit, detail={"sessions_ended": ended}
    )
    return ended


@transaction.atomic
def end_other_sessions(*, audit: AuditContext, user: User, keep_session_key: str | None) -> int:
    """ "Sign out everywhere else": every session of the account but this one ends."""
    ended = _end_sessions_except(user, keep_session_key)
    record(
        action="account.other_sessions_ended",
        actor=user,
        audit=audit,
        detail={"sessions_ended": ended},
    )
    return ended


# --- A person's own authenticator app (self-service; clinicians use set-up codes) --------------


@transaction.atomic
def start_own_authenticator(*, audit: AuditContext, user: User) -> TOTPDevice | None:
    """A person turning on an authenticator app: a new device, unconfirmed until the app's first
    code (an earlier unconfirmed one goes: its secret was shown already). None if the account
    already has a confirmed one. No set-up code: the person is signed in as themselves, and a
    device only counts once confirmed."""
    devices = list(TOTPDevice.objects.select_for_update().filter(user=user))
    if any(d.confirmed for d in devices):
        return None
    TOTPDevice.objects.filter(pk__in=[d.pk for d in devices]).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    record(action="account.second_factor_setup_started", actor=user, audit=audit)
    return device


def own_authenticator_in_progress(*, user: User, device_id: int) -> TOTPDevice | None:
    """The unconfirmed device being set up in this session, if it is still there (a read)."""
    return TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()


@transaction.atomic
def confirm_own_authenticator(
    *, audit: AuditContext, user: User, device_id: int, token: str
) -> tuple[Enrolment, TOTPDevice | None]:
    """The app's first code confirms the device: from now on signing in asks for a code."""
    device = TOTPDevice.objects.select_for_update().filter(pk=device_id, user=user).first()
    if device is None:  # replaced by a set-up started since (another tab)
        return _refused(audit, user, Enrolment.NO_CODE), None
    if device.confirmed:
        return Enrolment.ALREADY_CONFIRMED, None
    if not device.verify_token(token):
        return _refused(audit, user, Enrolment.WRONG_TOKEN), None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(action="account.second_factor_added", actor=user, audit=audit)
    return Enrolment.ACCEPTED, device


@transaction.atomic
def turn_off_own_authenticator(*, audit: AuditContext, user: User, token: str) -> bool:
    """A person turning the authenticator app off (the form has checked the password): only
    with the app's current code. False, audited, if the code is not right."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if device is None:
        return True  # already off
    if not device.verify_token(token):
        security.second_factor(audit=audit, user=user, passed=False, entry="turn_off")
        return False
    TOTPDevice.objects.filter(user=user).delete()
    record(action="account.second_factor_removed", actor=user, audit=audit)
    return True


class NotInProduction(Exception):
    """Demo accounts are for development only."""


@transaction.atomic
def create_demo_accounts(
    *, audit: AuditContext, clinician_email: str, person_email: str, password: str
) -> tuple[User, TOTPDevice, User]:
    """A clinician with a confirmed authenticator (no set-up code: the demo prints its key)
    and a person with a confirmed address, both audited. Refused in production, where an
    authenticator is only ever added through the set-up code."""
    if settings.PRODUCTION:
        raise NotInProduction("demo accounts are for development only")
    doctor = create_clinician(
        audit=audit, email=clinician_email, password=password, display_name="Dr Demo"
    )
    device = TOTPDevice.objects.create(user=doctor, name="demo", confirmed=True)
    record(action="account.second_factor_added", audit=audit, detail={"user_id": doctor.pk})
    person = User.objects.create_user(
        email=person_email,
        password=password,
        role=Role.PERSON,
        email_verified_at=timezone.now(),
    )
    record(action="account.created", audit=audit, detail={"user_id": person.pk})
    return doctor, device, person
