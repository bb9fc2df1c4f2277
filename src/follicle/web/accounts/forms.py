"""Forms for signing up, signing in and the second factor, with messages that say what to do."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from follicle.web.accounts.models import User, normalise_email


class SignupForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address like name@example.com.",
        },
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. A few unrelated words make a good password.",
        error_messages={"required": "Enter a password."},
    )
    consent = forms.BooleanField(
        label="I agree that Follicle stores my answers and shares them with the reviewing clinician.",
        error_messages={
            "required": "Tick the box to agree, or your answers cannot be sent for review."
        },
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, email = data.get("password"), data.get("email")
        if password:
            try:
                password_validation.validate_password(password, User(email=email or ""))
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class EmailAuthenticationForm(AuthenticationForm):
    """Django's sign-in form (which django-axes watches), labelled for email addresses."""

    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    error_messages = {  # noqa: RUF012 - Django's own attribute, overridden per form
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check them and try again.",
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label="6-digit code from your authenticator app",
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app.",
            "min_length": "The code has 6 digits.",
            "max_length": "The code has 6 digits.",
        },
    )


class EnrolmentCodeForm(forms.Form):
    """The first step of setting up an authenticator app: the code given out of band."""

    code = forms.CharField(
        label="One-time set-up code from your administrator",
        help_text="It looks like ABCD-EFGH-JKMN. You were given it in person or by phone.",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Enter the set-up code your administrator gave you."},
    )


class ChangePasswordForm(PasswordChangeForm):
    """Django's password-change form (current password, new one twice, the password
    validators), with labels and messages that say what to do."""

    error_messages = {  # noqa: RUF012 - Django's own attribute, overridden per form
        **PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Enter the password you sign in with.",
        "password_mismatch": "The two new passwords are not the same. Enter the new password twice.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].label = "New password"
        self.fields[
            "new_password1"
        ].help_text = "At least 12 characters. A few unrelated words make a good password."
        self.fields["new_password2"].label = "New password again"
        for name, message in (
            ("old_password", "Enter your current password."),
            ("new_password1", "Enter a new password."),
            ("new_password2", "Enter the new password again."),
        ):
            self.fields[name].error_messages["required"] = message


class TurnOffAuthenticatorForm(TokenForm):
    """Turning a person's authenticator app off: the password, and the app's current code."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password."},
    )
    field_order = ("password", "token")

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "Your password is not right. Enter the password you sign in with."
            )
        return password


class ClinicianProfileForm(forms.Form):
    """A clinician's name and registration, shown on every plan they sign."""

    display_name = forms.CharField(
        label="Your name as people should see it",
        max_length=120,
        help_text="For example: Dr Ada Lovelace.",
        error_messages={"required": "Enter your name as it should appear on signed plans."},
    )
    profession = forms.CharField(
        label="Profession",
        max_length=120,
        help_text="For example: Dermatologist, General practitioner, Nurse prescriber.",
        error_messages={"required": "Enter your profession."},
    )
    registration_body = forms.CharField(
        label="Registration body",
        max_length=120,
        required=False,
        help_text="The body you are registered with, for example the General Medical Council.",
    )
    registration_number = forms.CharField(
        label="Registration number",
        max_length=40,
        required=False,
        help_text="As the registration body shows it.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        body, number = data.get("registration_body"), data.get("registration_number")
        if body and not number and "registration_number" not in self.errors:
            self.add_error("registration_number", "Enter your number with this body.")
        if number and not body and "registration_body" not in self.errors:
            self.add_error("registration_body", "Enter the body that gave this number.")
        return data
