"""Every URL of the review workflow, for every role, with the expected status.

Person B asking for person A's case gets "not found", never the case. Clinicians without the
second factor are sent to set it up before they can see anything.
"""

from __future__ import annotations

import pytest

from follicle.web.reviews.models import Case
from tests.personas import Persona

LOGIN = "/accounts/login/"
TWO_FACTOR = "/accounts/two-factor/"

# (method, url template, {role: expected status or redirect target})
MATRIX = [
    (
        "get",
        "/my/cases/",
        {
            "anonymous": LOGIN,
            "person_a": 200,
            "person_b": 200,
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "get",
        "/my/cases/{case}/",
        {
            "anonymous": LOGIN,
            "person_a": 200,
            "person_b": 404,
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "post",
        "/my/cases/{case}/",
        {
            "anonymous": LOGIN,
            "person_a": 422,
            "person_b": 404,
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "get",
        "/reviews/confirm/",
        {
            "anonymous": LOGIN,
            "person_a": 302,
            "person_b": 302,
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "get",
        "/clinic/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 200,
            "admin": 403,
        },
    ),
    (
        "get",
        "/clinic/cases/{case}/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 200,
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 422,  # allowed; an empty plan form is refused field by field
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/claim/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 302,
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/keep/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 302,  # allowed; refused with a message, since the case is not theirs
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/release/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 302,
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/ask/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 422,  # allowed; empty text refused
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/refer/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 422,  # allowed; empty text refused
            "admin": 403,
        },
    ),
    (
        "post",
        "/clinic/cases/{case}/reopen/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 302,
            "admin": 403,
        },
    ),
    (
        "get",
        "/admin/",
        {
            "anonymous": "/admin/login/",
            "person_a": "/admin/login/",
            "person_b": "/admin/login/",
            "clinician_no_2fa": "/admin/login/",
            "clinician": "/admin/login/",
            "admin": 200,
        },
    ),
    *[
        (
            method,
            url,
            {
                "anonymous": LOGIN,
                "person_a": status,
                "person_b": status,
                "clinician_no_2fa": TWO_FACTOR,
                "clinician": status,
                "admin": status,
            },
        )
        for method, url, status in (
            ("get", "/accounts/security/", 200),
            ("post", "/accounts/security/sign-out-others/", 302),
            ("get", "/accounts/password/", 200),
            ("post", "/accounts/password/", 422),  # allowed; an empty form is refused
        )
    ],
    *[
        (
            method,
            url,
            {
                "anonymous": LOGIN,
                "person_a": 302,  # allowed; with nothing set up, back to "Your account"
                "person_b": 302,
                "clinician_no_2fa": 403,  # clinicians' devices come with set-up codes only
                "clinician": 403,
                "admin": 403,
            },
        )
        for method, url in (
            ("get", "/accounts/two-factor/turn-on/"),
            ("post", "/accounts/two-factor/turn-on/"),
            ("get", "/accounts/two-factor/turn-off/"),
            ("post", "/accounts/two-factor/turn-off/"),
        )
    ],
    (
        "get",
        "/accounts/two-factor/",
        {
            "anonymous": LOGIN,
            "person_a": 302,
            "person_b": 302,
            "clinician_no_2fa": 200,
            "clinician": 200,
            "admin": 200,
        },
    ),
]

ROLES = ["anonymous", "person_a", "person_b", "clinician_no_2fa", "clinician", "admin"]


@pytest.mark.parametrize(
    ("method", "url", "expected"), MATRIX, ids=[f"{m} {u}" for m, u, _ in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(
    request: pytest.FixtureRequest,
    case_of_a: Case,
    role: str,
    method: str,
    url: str,
    expected: dict[str, object],
) -> None:
    persona: Persona = request.getfixturevalue(role)
    before = (case_of_a.status, case_of_a.version, case_of_a.claimed_by_id)
    response = getattr(persona.client, method)(url.format(case=case_of_a.id))
    want = expected[role]
    if isinstance(want, int):
        assert response.status_code == want, (role, url, response.status_code)
    else:
        assert response.status_code == 302, (role, url, response.status_code)
        assert response["Location"].startswith(str(want)), (role, url, response["Location"])
    case_of_a.refresh_from_db()
    after = (case_of_a.status, case_of_a.version, case_of_a.claimed_by_id)
    if role == "clinician" and url.endswith("/claim/"):
        assert after == ("in_review", before[1] + 1, persona.user.pk)
    else:  # nobody else changed the case: refusals, validation errors and reads leave it alone
        assert after == before, (role, method, url)


def test_person_b_never_sees_person_a_case_content(case_of_a: Case, person_b: Persona) -> None:
    response = person_b.client.get(f"/my/cases/{case_of_a.id}/")
    assert response.status_code == 404
    assert "please check" not in response.content.decode()


def test_a_clinician_cannot_open_a_case_another_clinician_is_reviewing(
    case_of_a: Case, clinician: Persona, other_clinician: Persona
) -> None:
    assert clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/").status_code == 302
    assert other_clinician.client.get(f"/clinic/cases/{case_of_a.id}/").status_code == 403
    assert other_clinician.client.post(f"/clinic/cases/{case_of_a.id}/claim/").status_code == 403


def test_the_clinicians_second_factor_is_checked_for_real(db: None) -> None:
    from django.test import Client

    from tests.personas import PASSWORD, current_code, make_clinician, with_totp, wrong_code

    user = make_clinician("otp@example.org")
    device = with_totp(user)
    client = Client()
    response = client.post(LOGIN, {"username": "otp@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/clinic/")["Location"].startswith(TWO_FACTOR)
    code = current_code(device)
    wrong = wrong_code(code)
    assert client.post(TWO_FACTOR, {"token": wrong}).status_code == 422
    # django-otp throttles: straight after a failure even the right code is refused ...
    assert client.post(TWO_FACTOR, {"token": code}).status_code == 422
    # ... until the delay has passed (simulated here by clearing the throttle).
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    assert client.post(TWO_FACTOR, {"token": code}).status_code == 302
    assert client.get("/clinic/").status_code == 200
