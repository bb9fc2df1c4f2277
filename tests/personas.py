"""The people of the tests, made through the same actions the app uses; the fixtures are
registered by ``tests/conftest.py``, so every folder has them.

- ``anonymous``: nobody signed in;
- ``person_a`` and ``person_b``: people with verified email addresses;
- ``clinician`` and ``other_clinician``: clinicians with an authenticator app, signed in with
  the second factor;
- ``clinician_no_2fa``: a clinician signed in with a password only;
- ``admin``: an administrator, signed in with the second factor.

``ROLES`` names them in the order the access tests report them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts import actions as account_actions
from follicle.web.accounts.models import Role, User
from follicle.web.audit.context import AuditContext, audit_context, command_context

PASSWORD = "a long enough passphrase 42"

#: Every persona that can open a page, as the access tests list them.
ROLES = ("anonymous", "person_a", "person_b", "clinician_no_2fa", "clinician", "admin")


@dataclass
class Persona:
    user: User
    client: Client


def web_audit(user: User | None = None) -> AuditContext:
    """The context of a web request from 192.0.2.10, by ``user`` (or nobody signed in)."""
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = "192.0.2.10"
    request.user = user if user is not None else AnonymousUser()
    return audit_context(request)


#: The context for actions in tests that are not about who acted or from where.
TEST_AUDIT = command_context("tests", operator="pytest")


def make_person(email: str) -> User:
    user = account_actions.sign_up(audit=web_audit(), email=email, password=PASSWORD)
    assert user is not None, f"{email} already has an account"
    account_actions.verify_email(audit=web_audit(), user=user)
    user.refresh_from_db()
    return user


def make_clinician(email: str, name: str = "Dr Test") -> User:
    return account_actions.create_clinician(
        audit=TEST_AUDIT, email=email, password=PASSWORD, display_name=name
    )


def make_admin(email: str) -> User:
    user = User.objects.create_superuser(email=email, password=PASSWORD)
    assert user.role == Role.ADMIN
    return user


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(right: str) -> str:
    """A six-digit code that is not ``right``."""
    return "000000" if right != "000000" else "111111"


def with_totp(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def device_of(user: User) -> TOTPDevice:
    """The user's one authenticator app."""
    return TOTPDevice.objects.get(user=user)


def signed_in(user: User, device: TOTPDevice | None = None) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def person_a(db: None) -> Persona:
    user = make_person("a@example.org")
    return Persona(user, signed_in(user))


@pytest.fixture
def person_b(db: None) -> Persona:
    user = make_person("b@example.org")
    return Persona(user, signed_in(user))


@pytest.fixture
def clinician(db: None) -> Persona:
    user = make_clinician("doc@example.org", "Dr Ada Lovelace")
    return Persona(user, signed_in(user, with_totp(user)))


@pytest.fixture
def other_clinician(db: None) -> Persona:
    user = make_clinician("doc2@example.org", "Dr Grace Hopper")
    return Persona(user, signed_in(user, with_totp(user)))


@pytest.fixture
def clinician_no_2fa(db: None) -> Persona:
    user = make_clinician("doc3@example.org")
    return Persona(user, signed_in(user))


@pytest.fixture
def admin(db: None) -> Persona:
    user = make_admin("admin@example.org")
    return Persona(user, signed_in(user, with_totp(user)))


@pytest.fixture
def anonymous(db: None) -> Persona:
    return Persona(None, Client())  # type: ignore[arg-type]
