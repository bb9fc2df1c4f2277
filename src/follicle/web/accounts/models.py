"""People who sign in: persons (patients), clinicians and admins.

Email is the login name (people remember it; there is no separate username to leak). The
role decides what a person may ever see; every view also checks the object itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from importlib import import_module
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_totp.models import TOTPDevice


class Role(models.TextChoices):
    PERSON = "person", "Person"
    CLINICIAN = "clinician", "Clinician"
    ADMIN = "admin", "Admin"


def normalise_email(email: str) -> str:
    """The one spelling of an address Follicle stores and looks up: trimmed, all lower case.
    (The part before the @ may in theory be case-sensitive; no mail provider people use treats
    it so, and two accounts for one inbox would be worse.)"""
    return email.strip().lower()


def email_clashes(accounts: Iterable[tuple[int, str]]) -> list[list[int]]:
    """Groups of account ids whose addresses differ only in case (each group sorted, groups
    in order of their first id): what must be resolved before one address means one account."""
    groups: dict[str, list[int]] = defaultdict(list)
    for pk, email in accounts:
        groups[normalise_email(email)].append(pk)
    return sorted(sorted(ids) for ids in groups.values() if len(ids) > 1)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        """Sign-in (Django's ModelBackend) finds the account whatever the case typed."""
        return self.get(email__iexact=normalise_email(username or ""))

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("role", Role.PERSON)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=120, blank=True, help_text="For clinicians: the name shown on signed plans."
    )
    #: For clinicians, shown with their name on signed plans and in the review.
    profession = models.CharField(max_length=120, blank=True)
    registration_body = models.CharField(max_length=120, blank=True)
    registration_number = models.CharField(max_length=40, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PERSON)
    email_verified_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="user_role_is_known"
            ),
            # One account per address whatever its case (on SQLite and PostgreSQL alike).
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_whatever_case",
                violation_error_message="An account with this email address already exists.",
            ),
        ]

    def clean(self) -> None:
        """Forms that edit an account (the admin's) store the address in its one spelling."""
        super().clean()
        self.email = normalise_email(self.email or "")

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """What each signed-in session must still match (Django checks it on every request):
        the password, as Django has it, and also the account's powers. So a change of role,
        staff or superuser status (in the admin, by a command or in the shell) ends the
        account's sessions, as a new password does; the next sign-in gets a new session key
        with the new powers, and no session made before the change gains them."""
        powers = f"{self.password}|{self.role}|{self.is_staff:d}|{self.is_superuser:d}"
        return salted_hmac(
            "follicle.accounts.User.session_auth_hash", powers, secret=secret, algorithm="sha256"
        ).hexdigest()

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def __str__(self) -> str:
        return self.display_name or f"User {self.pk}"


class EnrolmentCode(models.Model):
    """A one-time code that lets a clinician or admin add an authenticator app.

    It is given out of band (in person or by phone, never in the message that carries the
    password), so someone who learns only the password cannot attach their own authenticator
    to the account, nor see a secret the clinician later confirms. Only a keyed hash is
    stored; confirming an authenticator uses the code up, wrong guesses are counted, and it
    expires.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="enrolment_code")
    #: A keyed hash (HMAC) of the code, never the code itself.
    code_hash = models.CharField(max_length=64)
    expires_at = models.DateTimeField()
    #: Wrong codes entered so far; at ``MAX_CODE_FAILURES`` the code is deleted.
    failures = models.PositiveSmallIntegerField(default=0)
    #: The device made when the code was accepted; only it can be confirmed with this code.
    device = models.OneToOneField(
        TOTPDevice, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:  # never the code: only its hash is stored anyway
        return f"Set-up code for user {self.user_id}"


class UserSession(AbstractBaseSession):
    """A browser's session (Django's database session), also naming the account signed in with
    it, so a person can see where they are signed in and end the other sessions. The account is
    read from the session's data on every save (``follicle.web.sessions``); nothing else about
    the browser is stored here (its two-word description lives in the session data)."""

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="sessions"
    )

    @classmethod
    def get_session_store_class(cls) -> Any:
        return import_module(settings.SESSION_ENGINE).SessionStore

    def __str__(self) -> str:  # never the key: it would sign a browser in
        return f"Session of user {self.user_id}" if self.user_id else "Session of a visitor"
