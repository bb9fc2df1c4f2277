"""The session key changes whenever a session gains powers: at sign-in (Django), after the
second factor on either way in, and an account whose powers change loses its sessions, so no
key seen before the change opens anything the change allows."""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.test import Client

from follicle.web.accounts.models import Role, User
from tests.audit.test_security_events import ADMIN_LOGIN, LOGIN, _admin_sign_in, _admin_user
from tests.personas import (
    PASSWORD,
    Persona,
    current_code,
    device_of,
    make_clinician,
    make_person,
    with_totp,
)


def _client_with_key(key: str) -> Client:
    """A browser presenting a session key captured earlier."""
    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = key
    return client


def test_the_clinicians_second_factor_gives_a_new_session_key(db: None) -> None:
    doctor = make_clinician("rotate@example.org")
    device = with_totp(doctor)
    client = Client()
    client.post(LOGIN, {"username": doctor.email, "password": PASSWORD})
    before = client.session.session_key
    assert before is not None
    response = client.post("/accounts/two-factor/", {"token": current_code(device)})
    assert response.status_code == 302
    after = client.session.session_key
    assert after != before
    assert client.get("/clinic/").status_code == 200
    # The key captured before the second factor opens nothing behind it.
    assert _client_with_key(before).get("/clinic/").status_code == 302


def test_setting_up_the_app_gives_a_new_session_key(db: None) -> None:
    from follicle.web.accounts.actions import issue_enrolment_code
    from follicle.web.accounts.models import EnrolmentCode
    from tests.personas import TEST_AUDIT

    doctor = make_clinician("enrol-rotate@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=doctor)
    client = Client()
    client.post(LOGIN, {"username": doctor.email, "password": PASSWORD})
    client.post("/accounts/two-factor/", {"code": code})
    device = EnrolmentCode.objects.get(user=doctor).device
    assert device is not None
    before = client.session.session_key
    client.post("/accounts/two-factor/", {"token": current_code(device)})
    assert client.session.session_key != before
    assert _client_with_key(str(before)).get("/clinic/").status_code == 302


def test_the_admin_sign_in_gives_a_new_session_key(db: None, settings: Any) -> None:
    root = _admin_user()
    client = Client()
    client.post(LOGIN, {"username": root.email, "password": PASSWORD})  # password only
    before = client.session.session_key
    response = _admin_sign_in(client, root, current_code(device_of(root)))
    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.get("/admin/").status_code == 200
    assert _client_with_key(str(before)).get("/admin/").status_code == 302


def test_a_change_of_role_ends_the_accounts_sessions(admin: Persona) -> None:
    """Made a clinician while signed in as a person: the old session does not carry the role."""
    person = make_person("promoted@example.org")
    client = Client()
    client.post(LOGIN, {"username": person.email, "password": PASSWORD})
    old_key = client.session.session_key
    assert client.get("/my/cases/").status_code == 200
    User.objects.filter(pk=person.pk).update(role=Role.CLINICIAN, is_staff=True)
    response = client.get("/clinic/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert _client_with_key(str(old_key)).get("/my/cases/").status_code == 302
    client.post(LOGIN, {"username": person.email, "password": PASSWORD})
    assert client.session.session_key != old_key


def test_a_change_of_powers_in_the_admin_ends_the_accounts_sessions(
    admin: Persona, clinician: Persona
) -> None:
    assert clinician.client.get("/clinic/").status_code == 200
    user = clinician.user
    response = admin.client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "email": user.email,
            "display_name": user.display_name,
            "role": Role.CLINICIAN,
            "is_active": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    assert clinician.client.get("/clinic/").status_code == 302


def test_a_change_that_is_not_a_power_keeps_the_session(clinician: Persona) -> None:
    User.objects.filter(pk=clinician.user.pk).update(display_name="Dr Renamed")
    assert clinician.client.get("/clinic/").status_code == 200


def test_the_admin_sign_in_is_unused_by_people(db: None) -> None:
    """A person's password is refused by the admin's sign-in (and that is recorded)."""
    person = make_person("not-staff@example.org")
    response = Client().post(ADMIN_LOGIN, {"username": person.email, "password": PASSWORD})
    assert response.status_code == 200
