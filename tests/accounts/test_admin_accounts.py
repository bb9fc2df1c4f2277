"""Account administration: audited, and nobody changes their own powers."""

from __future__ import annotations

from follicle.web.accounts.models import Role, User
from follicle.web.audit.models import AuditEvent
from tests.personas import Persona, device_of


def _change_form(user: User, **changes: str) -> dict[str, str]:
    data = {
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role,
        "email_verified_at_0": "",
        "email_verified_at_1": "",
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
        "last_login_0": "",
        "last_login_1": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_an_admin_changing_an_account_is_audited(admin: Persona, person_a: Persona) -> None:
    url = f"/admin/accounts/user/{person_a.user.pk}/change/"
    response = admin.client.post(url, _change_form(person_a.user, display_name="Renamed"))
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.filter(action="account.changed").get()
    assert event.actor_id == admin.user.pk
    assert event.detail["user_id"] == person_a.user.pk
    assert "Renamed" not in str(event.detail)  # which fields, never their values


def test_an_admin_cannot_change_their_own_role(admin: Persona) -> None:
    url = f"/admin/accounts/user/{admin.user.pk}/change/"
    form = admin.client.get(url).content.decode()
    assert 'name="role"' not in form and 'name="is_superuser"' not in form
    admin.client.post(url, _change_form(admin.user, role=Role.PERSON, is_superuser=""))
    admin.user.refresh_from_db()
    assert admin.user.role == Role.ADMIN and admin.user.is_superuser


def test_the_admin_has_no_authenticator_pages(admin: Persona) -> None:
    """Devices are managed only by the set-up flow and `follicle setupcode`: the admin can
    neither read an authenticator's secret nor attach one to an account without a set-up code."""
    device = device_of(admin.user)
    assert admin.client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert admin.client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").status_code == 404
    assert admin.client.get("/admin/otp_totp/totpdevice/add/").status_code == 404


def test_an_admin_deleting_accounts_is_audited_one_by_one_or_in_bulk(
    admin: Persona, person_a: Persona, person_b: Persona
) -> None:
    single = admin.client.post(f"/admin/accounts/user/{person_a.user.pk}/delete/", {"post": "yes"})
    assert single.status_code == 302
    bulk = admin.client.post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [person_b.user.pk], "post": "yes"},
    )
    assert bulk.status_code == 302
    assert not User.objects.filter(pk__in=[person_a.user.pk, person_b.user.pk]).exists()
    deleted = AuditEvent.objects.filter(action="account.deleted")
    assert sorted(e.detail["user_id"] for e in deleted) == sorted(
        [person_a.user.pk, person_b.user.pk]
    )
    assert all(e.actor_id == admin.user.pk for e in deleted)
