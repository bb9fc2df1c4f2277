"""On PostgreSQL the database itself refuses two accounts for one address in different cases,
even from raw SQL, and sign-in finds the account whatever the case."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client

from follicle.web.accounts.models import User
from tests.personas import PASSWORD, make_person


def test_a_second_account_for_an_address_in_another_case_is_refused_by_the_database() -> None:
    make_person("case@example.org")
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO accounts_user (password, is_superuser, email, is_staff, is_active, "
            "date_joined, display_name, role) VALUES "
            "('!', false, 'Case@Example.ORG', false, true, now(), '', 'person')"
        )
    assert User.objects.filter(email__iexact="case@example.org").count() == 1


def test_sign_in_by_any_case_on_postgresql() -> None:
    make_person("pgcase@example.org")
    response = Client().post(
        "/accounts/login/", {"username": "PgCase@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
