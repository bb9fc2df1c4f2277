"""Two clinicians claiming at the same moment: exactly one gets the case (SQLite).

The same tests run on PostgreSQL in ``tests/postgres``.
"""

from __future__ import annotations

import pytest

from tests.reviews.scenarios import (
    claim_race,
    hold_race,
    issue_race,
    reopen_race,
    send_race,
    withdraw_race,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_exactly_one_of_many_simultaneous_claims_succeeds() -> None:
    claim_race(clinicians=8)


def test_a_plan_is_issued_exactly_once_when_issued_twice_at_once() -> None:
    issue_race(attempts=4)


def test_a_new_version_is_opened_exactly_once_when_asked_for_at_once() -> None:
    reopen_race(attempts=4)


def test_a_set_up_code_replaced_while_the_app_is_confirmed_leaves_no_authenticator() -> None:
    withdraw_race(rounds=4)


def test_send_pressed_at_once_on_several_devices_makes_exactly_one_case() -> None:
    send_race(attempts=4)


def test_asking_at_once_on_several_devices_leaves_exactly_one_waiting_request() -> None:
    hold_race(attempts=4)
