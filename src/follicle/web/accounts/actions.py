"""Every change to an account: sign-up, email verification, clinicians and their devices."""

from __future__ import annotations

import secrets
from datetime import timedelta
from enum import Enum

from django.contrib.auth.hashers import check_password, make_password
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.models import EnrolmentCode, Role, User
from follicle.web.accounts.tokens import email_verification_token
from follicle.web.audit.actions import record


class EmailTaken(Exception):
    """An account with this email address already exists."""


def verification_link(request: HttpRequest, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_verification_token.make_token(user)
    return request.build_absolute_uri(reverse("accounts:verify", args=[uid, token]))


@transaction.atomic
def sign_up(*, request: HttpRequest, email: str, password: str) -> User | None:
    """A person's account, and an email with the link that proves the address is theirs.

    If the address already has an account, nothing is created and None is returned; the owner
    gets an email saying someone tried. The caller shows the same page either way, so sign-up
    cannot be used to learn who has an account (and a password is hashed either way, so the
    two paths take about as long).
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)
        record(action="account.signup_for_existing_address", request=request)
        login_url = request.build_absolute_uri(reverse("accounts:login"))
        reset_url = request.build_absolute_uri(reverse("accounts:password_reset"))
        transaction.on_commit(
            lambda: send_mail(
                "Someone tried to create a Follicle account with your address",
                "Someone, perhaps you, tried to create a new Follicle account with this email "
                "address. You already have one, so nothing was changed.\n\n"
                f"To sign in: {login_url}\nIf you forgot your password: {reset_url}\n\n"
                "If this was not you, you can ignore this email.",
                None,
                [existing.email],
            )
        )
        return None
    user = User.objects.create_user(email=email, password=password, role=Role.PERSON)
    record(action="account.created", actor=user, request=request)
    link = verification_link(request, user)
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
def verify_email(*, request: HttpRequest, user: User) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        record(action="account.email_verified", actor=user, request=request)


@transaction.atomic
def create_clinician(*, email: str, password: str, display_name: str) -> User:
    """A clinician account. The clinician must add a second factor before seeing any case."""
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken(email)
    user = User.objects.create_user(
        email=email,
        password=password,
        role=Role.CLINICIAN,
        display_name=display_name,
        email_verified_at=timezone.now(),
    )
    record(action="account.clinician_created", detail={"user_id": user.pk})
    return user


@transaction.atomic
def start_totp(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator device (replacing any earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


#: How long a set-up code lasts: long enough to reach the clinician by phone or in person.
ENROLMENT_CODE_HOURS = 72
#: Letters and digits a person cannot confuse when reading a code aloud (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _normalise_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


@transaction.atomic
def issue_enrolment_code(*, user: User) -> str:
    """A new one-time set-up code for ``user``, replacing any earlier one.

    Every authenticator the account has is removed: a new code is what an administrator issues
    for a new clinician or for one who lost their phone, and either way the next sign-in must
    set up an app with this code. Returns the code, grouped in fours for reading aloud.
    """
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))  # about 59 bits
    TOTPDevice.objects.filter(user=user).delete()
    EnrolmentCode.objects.update_or_create(
        user=user,
        defaults={
            "code_hash": make_password(raw),
            "expires_at": timezone.now() + timedelta(hours=ENROLMENT_CODE_HOURS),
        },
    )
    record(action="account.enrolment_code_issued", detail={"user_id": user.pk})
    return "-".join(raw[n : n + 4] for n in range(0, len(raw), 4))


class Enrolment(Enum):
    """What happened to a step of setting up an authenticator app."""

    ACCEPTED = "accepted"
    NO_CODE = "no_code"  # none issued, or it expired
    WRONG_CODE = "wrong_code"
    WRONG_TOKEN = "wrong_token"  # noqa: S105 - an outcome name, not a secret


def _valid_code(user: User) -> EnrolmentCode | None:
    issued = EnrolmentCode.objects.select_for_update().filter(user=user).first()
    return issued if issued is not None and issued.expires_at > timezone.now() else None


@transaction.atomic
def check_enrolment_code(*, request: HttpRequest, user: User, code: str) -> Enrolment:
    """Step one: the set-up code. It is not used up until the app is confirmed."""
    issued = _valid_code(user)
    if issued is None:
        outcome = Enrolment.NO_CODE
    elif not check_password(_normalise_code(code), issued.code_hash):
        outcome = Enrolment.WRONG_CODE
    else:
        return Enrolment.ACCEPTED
    record(action="account.enrolment_code_refused", actor=user, request=request)
    return outcome


@transaction.atomic
def confirm_totp(*, request: HttpRequest, user: User, device: TOTPDevice, token: str) -> Enrolment:
    """Step two: the app's current code. Confirms the app and uses up the set-up code, which
    must still be valid (an administrator may have withdrawn or replaced it meanwhile)."""
    issued = _valid_code(user)
    if issued is None:
        return Enrolment.NO_CODE
    if not device.verify_token(token):
        return Enrolment.WRONG_TOKEN
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    issued.delete()
    record(action="account.second_factor_added", actor=user, request=request)
    return Enrolment.ACCEPTED
