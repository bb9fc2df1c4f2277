"""A clinician's profile: name, profession, registration body and number, set by
``createclinician`` or on the profile page (audited), and shown on every plan they sign."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews.models import Case
from tests.cases import sign_draft
from tests.personas import PASSWORD, Persona

PROFILE = "/accounts/profile/"
FILLED = {
    "display_name": "Dr Ada Lovelace",
    "profession": "Dermatologist",
    "registration_body": "General Medical Council",
    "registration_number": "7654321",
}


def test_createclinician_sets_the_profile(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    call_command(
        "createclinician",
        email="reg@example.org",
        name="Dr Reg",
        profession="General practitioner",
        registration_body="General Medical Council",
        registration_number="1234567",
        password_stdin=True,
        stdout=io.StringIO(),
    )
    user = User.objects.get(email="reg@example.org")
    assert (user.profession, user.registration_body, user.registration_number) == (
        "General practitioner",
        "General Medical Council",
        "1234567",
    )


def test_a_clinician_edits_their_profile_and_the_change_is_audited(clinician: Persona) -> None:
    page = clinician.client.get(PROFILE)
    assert page.status_code == 200
    assert 'value="Dr Ada Lovelace"' in page.content.decode()
    response = clinician.client.post(PROFILE, FILLED)
    assert response.status_code == 302
    user = User.objects.get(pk=clinician.user.pk)
    assert (user.profession, user.registration_body, user.registration_number) == (
        "Dermatologist",
        "General Medical Council",
        "7654321",
    )
    event = AuditEvent.objects.get(action="account.profile_updated")
    assert event.actor_id == user.pk
    assert event.detail == {
        "fields": ["profession", "registration_body", "registration_number"]
    }  # which fields, never their values
    assert "7654321" not in str(event.detail)


def test_a_registration_body_without_a_number_is_refused_on_its_field_and_kept(
    clinician: Persona,
) -> None:
    response = clinician.client.post(PROFILE, {**FILLED, "registration_number": ""})
    assert response.status_code == 422
    assert response.context["form"].errors["registration_number"]
    page = response.content.decode()
    assert 'value="General Medical Council"' in page and 'value="Dermatologist"' in page
    assert User.objects.get(pk=clinician.user.pk).profession == ""
    assert not AuditEvent.objects.filter(action="account.profile_updated").exists()


def test_a_name_is_required(clinician: Persona) -> None:
    response = clinician.client.post(PROFILE, {**FILLED, "display_name": "  "})
    assert response.status_code == 422
    assert response.context["form"].errors["display_name"]
    assert User.objects.get(pk=clinician.user.pk).display_name == "Dr Ada Lovelace"


def test_the_signed_plan_shows_who_signed_it_with_their_registration(
    case_of_a: Case, person_a: Persona, clinician: Persona
) -> None:
    clinician.client.post(PROFILE, FILLED)
    clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/")
    sign_draft(case_of_a, User.objects.get(pk=clinician.user.pk))
    signed = (
        "Signed by <strong>Dr Ada Lovelace</strong>, Dermatologist "
        "(registered with General Medical Council, number 7654321)"
    )
    assert signed in person_a.client.get(f"/my/cases/{case_of_a.id}/").content.decode()
    assert signed in clinician.client.get(f"/clinic/cases/{case_of_a.id}/").content.decode()
