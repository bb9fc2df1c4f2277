"""Sign-up, email verification, sign-in with lockout, the second factor, and one's own account:
password, sessions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlencode, urlsafe_base64_decode
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device

from follicle.knowledge import default_knowledge
from follicle.web import session_markers as markers
from follicle.web.accounts import actions
from follicle.web.accounts.authenticator import setup_display
from follicle.web.accounts.forms import (
    ChangePasswordForm,
    ClinicianProfileForm,
    EmailAuthenticationForm,
    EnrolmentCodeForm,
    SignupForm,
    TokenForm,
    TurnOffAuthenticatorForm,
)
from follicle.web.accounts.models import Role, User, UserSession
from follicle.web.accounts.permissions import (
    account_holder_required,
    clinician_required,
    person_required,
)
from follicle.web.accounts.tokens import email_verification_token
from follicle.web.assessment.actions import answers_of
from follicle.web.audit.context import audit_context
from follicle.web.form_status import form_status
from follicle.web.middleware import LAST_SEEN, SIGNED_IN_AT
from follicle.web.ratelimit import limit_posts
from follicle.web.reviews import actions as review_actions


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
@limit_posts("signup", per_hour=settings.FOLLICLE_SIGNUPS_PER_HOUR)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        pending = markers.pending_review(request.session)
        answers = answers_of(request.session)
        if pending and answers:
            # Asked for a review first: the request is kept on the server with the account,
            # so the email link and signing in continue it on any device.
            user = review_actions.sign_up_to_send(
                audit=audit_context(request),
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                answers=answers,
                note=pending["note"],
                idempotency_key=uuid.UUID(pending["key"]),
                knowledge=default_knowledge(),
            )
            if user is not None:
                markers.forget_pending_review(request.session)
        else:
            user = actions.sign_up(
                audit=audit_context(request),
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        # The same page whether or not the address already had an account (see sign_up).
        # Only this browser, holding this marker, is signed in when the link is opened.
        markers.mark_signing_up(
            request.session,
            user_id=user.pk if user is not None else None,
            next_path=_safe_next(request, ""),
        )
        return redirect("accounts:check_email")
    status = form_status(form)
    return render(
        request,
        "follicle/accounts/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=status,
    )


@require_http_methods(["GET"])
def check_email(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "follicle/accounts/check_email.html",
        {"request_days": settings.FOLLICLE_REVIEW_REQUEST_DAYS},
    )


def _link_user(uidb64: str, token: str) -> User | None:
    """The account a verification link is for, if the link is still good (a read only)."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        raise Http404("This link is not valid.") from None
    return user if email_verification_token.check_token(user, token) else None


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link in the email opens a page with a button; only pressing it (a POST) confirms
    the address, so a mail scanner that follows links confirms nothing and signs nobody in."""
    user = _link_user(uidb64, token)
    if user is None:
        return render(request, "follicle/accounts/verify_failed.html", status=400)
    if request.method != "POST":
        return render(request, "follicle/accounts/verify_confirm.html")
    actions.verify_email(audit=audit_context(request), user=user)
    if not request.user.is_authenticated and markers.signing_up(request.session) == user.pk:
        # The browser that just chose the password opened the link: sign it in, keeping the
        # answers and the pending review in its session.
        markers.forget_signing_up(request.session)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if not request.user.is_authenticated or request.user.pk != user.pk:
        waiting = review_actions.waiting_request(user) is not None
        messages.success(
            request,
            "Your email address is confirmed. Please sign in"
            + (" to send your answers for review." if waiting else "."),
        )
        after = markers.next_path(request.session) or (
            reverse("reviews:confirm") if waiting else ""
        )
        login_url = reverse("accounts:login")
        return redirect(f"{login_url}?{urlencode({'next': after})}" if after else login_url)
    messages.success(request, "Your email address is confirmed.")
    return redirect(markers.take_next_path(request.session) or "accounts:home")


class LoginView(auth_views.LoginView):
    template_name = "follicle/accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)  # login() has already given a new session key
        markers.restart_session_clock(self.request.session)
        return response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: clinicians to the queue, people to their cases."""
    user = request.user
    assert isinstance(user, User)
    if user.role == Role.CLINICIAN:
        return redirect("reviews:queue")
    if user.role == Role.ADMIN:
        return redirect("admin:index")
    return redirect("reviews:my_cases")


#: What a refused code from an authenticator app says (signing in, turning the app off).
WRONG_APP_CODE = "That code is not right or has expired. Enter the current code."

#: What each refused set-up step says (on the field of that step).
ENROLMENT_ERRORS = {
    actions.Enrolment.NO_CODE: (
        "There is no valid set-up code for your account (codes last "
        f"{actions.ENROLMENT_CODE_HOURS} hours). Ask your administrator for a new one."
    ),
    actions.Enrolment.WRONG_CODE: (
        "That set-up code is not right. Check it with your administrator and try again."
    ),
    actions.Enrolment.LOCKED: (
        "Too many wrong set-up codes, so this code no longer works. Ask your administrator for "
        "a new one."
    ),
    actions.Enrolment.WRONG_TOKEN: (
        "That code is not right. Check the app shows Follicle and enter the current code."
    ),
}


@login_required
@limit_posts("two_factor", per_hour=settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR)
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (first time) or enter its code (each sign-in). People who
    turned an app on enter its code here too; they turn it on and off on their own pages."""
    user = request.user
    assert isinstance(user, User)
    if user.role not in (Role.CLINICIAN, Role.ADMIN) and not user_has_device(user):
        return redirect("accounts:home")  # a person without an authenticator app
    posted = request.POST if request.method == "POST" else None
    if not user_has_device(user):
        return _enrol(request, user, posted)
    form = TokenForm(posted)
    if form.is_bound and form.is_valid():
        device = actions.verify_second_factor(
            audit=audit_context(request), user=user, token=form.cleaned_data["token"]
        )
        if device is not None:
            otp_login(request, device)
            markers.new_key_for_new_powers(request.session)
            return redirect(_safe_next(request, str(reverse_lazy("accounts:home"))))
        form.add_error("token", WRONG_APP_CODE)
    return render(
        request,
        "follicle/accounts/two_factor_verify.html",
        {"form": form},
        status=form_status(form),
    )


def _restart(request: HttpRequest, message: str | None) -> HttpResponse:
    """Forget the set-up in progress and go back to the start of the second-factor page."""
    markers.forget_enrolling(request.session)
    if message is not None:
        messages.error(request, message)
    return redirect("accounts:two_factor")


def _enrol(request: HttpRequest, user: User, posted: QueryDict | None) -> HttpResponse:
    """Two steps: the out-of-band set-up code, and only then the app's secret (so someone who
    has only the password never sees a secret that the clinician might later confirm)."""
    enrolling = markers.enrolling(request.session)
    device = (
        actions.enrolment_in_progress(user=user, device_id=enrolling)
        if enrolling is not None
        else None
    )
    if enrolling is not None and device is None and posted is not None:
        # The code expired or was replaced meanwhile: the half-made device goes (on a submit;
        # showing the page writes nothing). The app's code from the old page cannot count;
        # a set-up code typed on the page shown since is tried as usual.
        actions.abandon_enrolment(audit=audit_context(request), user=user, device_id=enrolling)
        if "code" not in posted:
            return _restart(request, ENROLMENT_ERRORS[actions.Enrolment.NO_CODE])
        markers.forget_enrolling(request.session)
    if device is None:
        code_form = EnrolmentCodeForm(posted)
        if code_form.is_bound and code_form.is_valid():
            outcome, made = actions.accept_enrolment_code(
                audit=audit_context(request), user=user, code=code_form.cleaned_data["code"]
            )
            if made is not None:
                markers.mark_enrolling(request.session, made.pk)
                return redirect("accounts:two_factor")
            code_form.add_error("code", ENROLMENT_ERRORS[outcome])
        return render(
            request,
            "follicle/accounts/two_factor_code.html",
            {"form": code_form},
            status=form_status(code_form),
        )
    form = TokenForm(posted)
    if form.is_bound and form.is_valid():
        outcome, confirmed = actions.confirm_totp(
            audit=audit_context(request),
            user=user,
            device_id=device.pk,
            token=form.cleaned_data["token"],
        )
        if confirmed is not None:
            markers.forget_enrolling(request.session)
            otp_login(request, confirmed)
            markers.new_key_for_new_powers(request.session)
            messages.success(request, "Your authenticator app is set up.")
            return redirect("accounts:home")
        if outcome is actions.Enrolment.ALREADY_CONFIRMED:  # only when two submits race
            return _restart(request, None)
        if outcome is actions.Enrolment.NO_CODE:  # replaced or expired since this page was shown
            return _restart(request, ENROLMENT_ERRORS[outcome])
        form.add_error("token", ENROLMENT_ERRORS[outcome])
    context = {"form": form, **setup_display(device)}
    return render(
        request, "follicle/accounts/two_factor_setup.html", context, status=form_status(form)
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request page; the email goes out in the background (see
    ``actions.request_password_reset``), so the page is the same, in content and in time,
    whether or not the address has an account."""

    template_name = "follicle/accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        actions.request_password_reset(
            audit=audit_context(self.request), email=form.cleaned_data["email"]
        )
        return HttpResponseRedirect(self.get_success_url())


password_reset = limit_posts("password_reset", per_hour=settings.FOLLICLE_RESETS_PER_HOUR)(
    PasswordResetView.as_view()
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset page (the token moves from the URL into the session before the form is
    shown, so it never leaks in a Referer), with the new password saved by an audited action."""

    template_name = "follicle/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        actions.reset_password(
            audit=audit_context(self.request),
            user=form.user,
            password=form.cleaned_data["new_password1"],
        )
        markers.forget_reset_token(self.request.session)
        return redirect(self.get_success_url())


# --- One's own account: sessions and password ----------------------------------------------


def _account_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _session_rows(request: HttpRequest, user: User) -> list[dict[str, object]]:
    """The account's live sessions, this browser's first, then the most recently active."""
    rows = []
    for row in UserSession.objects.filter(user=user, expire_date__gt=timezone.now()):
        data = row.get_decoded()
        rows.append(
            {
                "current": row.session_key == request.session.session_key,
                "device": markers.device(data),
                "signed_in_at": _moment(data.get(SIGNED_IN_AT)),
                "last_seen": _moment(data.get(LAST_SEEN)),
            }
        )
    rows.sort(key=lambda r: (not r["current"], -(r["last_seen"] or _EPOCH).timestamp()))  # type: ignore[attr-defined]
    return rows


_EPOCH = datetime.fromtimestamp(0, tz=UTC)


def _moment(stamp: object) -> datetime | None:
    return datetime.fromtimestamp(stamp, tz=UTC) if isinstance(stamp, int | float) else None


@require_GET
@account_holder_required
def security(request: HttpRequest) -> HttpResponse:
    """Your sign-in and security: the password, the authenticator app (people), and where the
    account is signed in, with "Sign out everywhere else"."""
    user = _account_user(request)
    sessions = _session_rows(request, user)
    context = {
        "sessions": sessions,
        "others": any(not s["current"] for s in sessions),
        "has_authenticator": user_has_device(user),
    }
    return render(request, "follicle/accounts/security.html", context)


@require_POST
@account_holder_required
def end_other_sessions(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    ended = actions.end_other_sessions(
        audit=audit_context(request), user=user, keep_session_key=request.session.session_key
    )
    messages.success(
        request,
        "You are signed out everywhere else." if ended else "You were not signed in anywhere else.",
    )
    return redirect("accounts:security")


@require_http_methods(["GET", "POST"])
@account_holder_required
@limit_posts("password_change", per_hour=settings.FOLLICLE_PASSWORD_CHANGES_PER_HOUR)
def password_change(request: HttpRequest) -> HttpResponse:
    """Django's password-change form; the new password saved by an audited action that ends
    every other session, while this one stays signed in."""
    user = _account_user(request)
    form = ChangePasswordForm(user, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        actions.change_password(
            audit=audit_context(request),
            user=user,
            password=form.cleaned_data["new_password1"],
            keep_session_key=request.session.session_key,
        )
        markers.keep_signed_in(request, user)
        messages.success(request, "Your password is changed. You are signed out everywhere else.")
        return redirect("accounts:security")
    return render(
        request,
        "follicle/accounts/password_change.html",
        {"form": form},
        status=form_status(form),
    )


# --- A person's own authenticator app ----------------------------------------------------------

#: What a refused step of turning the app on or off says (on the code's field).
OWN_AUTHENTICATOR_ERRORS = {
    actions.Enrolment.WRONG_TOKEN: ENROLMENT_ERRORS[actions.Enrolment.WRONG_TOKEN],
    actions.Enrolment.NO_CODE: (
        "This set-up was replaced by a newer one (in another window?). Start again."
    ),
}


@require_http_methods(["GET", "POST"])
@person_required
@limit_posts("two_factor", per_hour=settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR)
def second_factor_on(request: HttpRequest) -> HttpResponse:
    """Turn on an authenticator app: the button on "Your account" (a POST) makes the device;
    this page shows its QR code and key (a read) and confirms it with the app's first code."""
    user = _account_user(request)
    if request.method == "POST" and "token" not in request.POST:
        device = actions.start_own_authenticator(audit=audit_context(request), user=user)
        if device is None:
            messages.info(request, "Your authenticator app is already on.")
            return redirect("accounts:security")
        markers.mark_enrolling(request.session, device.pk)
        return redirect("accounts:second_factor_on")
    enrolling = markers.enrolling(request.session)
    device = (
        actions.own_authenticator_in_progress(user=user, device_id=enrolling)
        if enrolling is not None
        else None
    )
    if device is None and request.method == "GET":
        return redirect("accounts:security")  # nothing being set up in this browser
    form = TokenForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        outcome, confirmed = actions.confirm_own_authenticator(
            audit=audit_context(request),
            user=user,
            device_id=enrolling or 0,
            token=form.cleaned_data["token"],
        )
        if confirmed is not None:
            markers.forget_enrolling(request.session)
            otp_login(request, confirmed)
            markers.new_key_for_new_powers(request.session)
            messages.success(
                request,
                "Your authenticator app is on. Signing in will ask for its code from now on.",
            )
            return redirect("accounts:security")
        if outcome is not actions.Enrolment.WRONG_TOKEN:
            markers.forget_enrolling(request.session)
            if outcome is actions.Enrolment.NO_CODE:
                messages.error(request, OWN_AUTHENTICATOR_ERRORS[outcome])
            return redirect("accounts:security")
        form.add_error("token", OWN_AUTHENTICATOR_ERRORS[outcome])
    if device is None:
        markers.forget_enrolling(request.session)
        messages.error(request, OWN_AUTHENTICATOR_ERRORS[actions.Enrolment.NO_CODE])
        return redirect("accounts:security")
    context = {"form": form, "self_service": True, **setup_display(device)}
    return render(
        request, "follicle/accounts/two_factor_setup.html", context, status=form_status(form)
    )


@require_http_methods(["GET", "POST"])
@person_required
@limit_posts("two_factor", per_hour=settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR)
def second_factor_off(request: HttpRequest) -> HttpResponse:
    """Turn the authenticator app off: with the password and the app's current code."""
    user = _account_user(request)
    if not user_has_device(user):
        return redirect("accounts:security")
    form = TurnOffAuthenticatorForm(user, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        if actions.turn_off_own_authenticator(
            audit=audit_context(request), user=user, token=form.cleaned_data["token"]
        ):
            messages.success(
                request, "Your authenticator app is off. Signing in asks only for your password."
            )
            return redirect("accounts:security")
        form.add_error("token", WRONG_APP_CODE)
    return render(
        request,
        "follicle/accounts/two_factor_off.html",
        {"form": form},
        status=form_status(form),
    )


@clinician_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """A clinician's name, profession and registration, shown on the plans they sign."""
    user = request.user
    assert isinstance(user, User)
    initial = {name: getattr(user, name) for name in actions.PROFILE_FIELDS}
    form = ClinicianProfileForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        changed = actions.update_clinician_profile(
            audit=audit_context(request), user=user, **form.cleaned_data
        )
        messages.success(request, "Your profile is saved." if changed else "Nothing was changed.")
        return redirect("accounts:profile")
    return render(
        request, "follicle/accounts/profile.html", {"form": form}, status=form_status(form)
    )
