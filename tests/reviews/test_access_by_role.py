"""Every route of the URL resolver, for every role: each is in the access matrix (with the
expected status or redirect for every role), in the public list (the same page for everyone,
checked to refuse nobody), or in the admin site (checked to let only the admin in); a new
route in none of them fails here.

Person B asking for person A's case gets "not found", never the case. Clinicians without the
second factor are sent to set it up before they can see anything. Refused requests change
nothing.
"""

from __future__ import annotations

import pytest

from follicle.web.reviews.models import Case
from tests.personas import ROLES, Persona
from tests.reviews.routes import ROUTES, World, sample_urls

LOGIN = "/accounts/login/"
TWO_FACTOR = "/accounts/two-factor/"

# (method, route as the resolver writes it, {role: expected status or redirect target});
# <uuid:case_id> is person A's case.
MATRIX: list[tuple[str, str, dict[str, object]]] = [
    (
        "get",
        "my/cases/",
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
        "my/cases/<uuid:case_id>/",
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
        "my/cases/<uuid:case_id>/",
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
        "my/cases/<uuid:case_id>/plan.pdf",
        {
            "anonymous": LOGIN,
            "person_a": 404,  # person A's own case has no signed plan yet: no PDF
            "person_b": 404,
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "get",
        "reviews/confirm/",
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
        "clinic/",
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
        "clinic/cases/<uuid:case_id>/",
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
        "clinic/cases/<uuid:case_id>/",
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
        "clinic/cases/<uuid:case_id>/claim/",
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
        "clinic/cases/<uuid:case_id>/keep/",
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
        "clinic/cases/<uuid:case_id>/release/",
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
        "clinic/cases/<uuid:case_id>/ask/",
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
        "clinic/cases/<uuid:case_id>/refer/",
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
        "clinic/cases/<uuid:case_id>/reopen/",
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
        "admin/",
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
            ("get", "accounts/security/", 200),
            ("post", "accounts/security/sign-out-others/", 302),
            ("get", "accounts/password/", 200),
            ("post", "accounts/password/", 422),  # allowed; an empty form is refused
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
            ("get", "accounts/two-factor/turn-on/"),
            ("post", "accounts/two-factor/turn-on/"),
            ("get", "accounts/two-factor/turn-off/"),
            ("post", "accounts/two-factor/turn-off/"),
        )
    ],
    (
        "get",
        "accounts/profile/",
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
        "accounts/profile/",
        {
            "anonymous": LOGIN,
            "person_a": 403,
            "person_b": 403,
            "clinician_no_2fa": TWO_FACTOR,
            "clinician": 422,  # allowed; an empty form is refused field by field
            "admin": 403,
        },
    ),
    (
        "get",
        "accounts/two-factor/",
        {
            "anonymous": LOGIN,
            "person_a": 302,
            "person_b": 302,
            "clinician_no_2fa": 200,
            "clinician": 200,
            "admin": 200,
        },
    ),
    (
        "post",
        "reviews/request/",
        {
            "anonymous": "/accounts/signup/",
            # no answers in this session: nothing is kept, back to the questions
            "person_a": "/assessment/",
            "person_b": "/assessment/",
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "post",
        "reviews/confirm/",
        {
            "anonymous": LOGIN,
            "person_a": "/my/cases/",  # nothing waiting in this session: nothing is sent
            "person_b": "/my/cases/",
            "clinician_no_2fa": 403,
            "clinician": 403,
            "admin": 403,
        },
    ),
    (
        "get",
        "accounts/home/",
        {
            "anonymous": LOGIN,
            "person_a": "/my/cases/",
            "person_b": "/my/cases/",
            "clinician_no_2fa": "/clinic/",
            "clinician": "/clinic/",
            "admin": "/admin/",
        },
    ),
]

#: What a POST sends, where an empty form would be turned away before any access check.
POSTED: dict[str, dict[str, str]] = {
    "reviews/request/": {"note": "", "idempotency_key": "0b6f1c4e-8f0a-4a47-9a43-5f7d0c1e2a3b"},
}

#: Routes that are the same for everyone: the pages, the assessment, signing in and up, the
#: health check. Every persona opens each; none is refused or sent to sign in.
PUBLIC = {
    "",
    "healthz",
    "treatments/",
    "treatments/<slug:treatment_id>/",
    "compare/<slug:first>/<slug:second>/",
    "costs/",
    "articles/",
    "articles/<slug:slug>/",
    "references/",
    "about/evidence/",
    "assessment/",
    "assessment/<slug:step_id>/",
    "assessment/check/",
    "assessment/result/",
    "assessment/result/pdf/",
    "assessment/restart/",
    "accounts/signup/",
    "accounts/check-email/",
    "accounts/verify/<str:uidb64>/<str:token>/",
    "accounts/login/",
    "accounts/logout/",
    "accounts/password-reset/",
    "accounts/password-reset/sent/",
    "accounts/password-reset/<uidb64>/<token>/",
    "accounts/password-reset/complete/",
    # the public JSON API (a GET of a POST-only operation is a 405, which refuses nobody)
    "api/v1/",
    "api/v1/openapi.json",
    "api/v1/docs",
    "api/v1/questionnaire",
    "api/v1/assessments",
    "api/v1/treatments",
    "api/v1/treatments/<treatment_id>",
    "api/v1/references",
    "api/v1/costs",
}

#: The admin site's own sign-in and sign-out; every other admin route is for the admin only.
ADMIN_SITE = "admin/"
ADMIN_OPEN = {"admin/login/", "admin/logout/"}
ADMIN_LOGIN = "/admin/login/"


def _url(route: str, case: Case) -> str:
    return "/" + route.replace("<uuid:case_id>", str(case.id))


@pytest.mark.parametrize(
    ("method", "route", "expected"), MATRIX, ids=[f"{m} {r}" for m, r, _ in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(
    request: pytest.FixtureRequest,
    case_of_a: Case,
    role: str,
    method: str,
    route: str,
    expected: dict[str, object],
) -> None:
    persona: Persona = request.getfixturevalue(role)
    before = (case_of_a.status, case_of_a.version, case_of_a.claimed_by_id)
    url = _url(route, case_of_a)
    response = getattr(persona.client, method)(url, POSTED.get(route, {}))
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


def test_every_route_of_the_resolver_has_an_entry() -> None:
    """A new route fails here until it is given its expected status for every role (MATRIX),
    or declared the same for everyone (PUBLIC); the admin site is checked as a whole below."""
    in_matrix = {route for _, route, _ in MATRIX}
    assert all(set(expected) == set(ROLES) for _, _, expected in MATRIX)
    missing = [
        r for r in ROUTES if r not in in_matrix and r not in PUBLIC and not r.startswith(ADMIN_SITE)
    ]
    assert not missing, f"add these routes to MATRIX or PUBLIC: {missing}"
    stale = sorted((in_matrix | PUBLIC) - set(ROUTES))
    assert not stale, f"no longer routes: {stale}"
    assert not in_matrix & PUBLIC


def test_public_routes_refuse_nobody(world: World) -> None:
    refused = []
    for route in sorted(PUBLIC):
        for url in sample_urls(route, world):
            for role in ROLES:
                response = world.personas[role].client.get(url)
                location = response.get("Location", "")
                if (
                    response.status_code in (401, 403)
                    or response.status_code >= 500
                    or location.startswith((LOGIN, TWO_FACTOR))
                ):
                    refused.append(f"{role} GET {url}: {response.status_code} {location}")
    assert not refused, "\n".join(refused)


def test_every_admin_route_lets_in_the_admin_alone(world: World) -> None:
    """Every route of the admin site (Django's admin_view guards each one, with django-otp's
    second factor): everyone else is sent to the admin's sign-in, the admin is not."""
    wrong = []
    routes = [r for r in ROUTES if r.startswith(ADMIN_SITE) and r not in ADMIN_OPEN]
    assert len(routes) > 20
    for route in routes:
        for url in sample_urls(route, world):
            for role in ROLES:
                response = world.personas[role].client.get(url)
                sent_to_sign_in = response.status_code == 302 and response["Location"].startswith(
                    ADMIN_LOGIN
                )
                if (role == "admin") == sent_to_sign_in or response.status_code >= 500:
                    wrong.append(f"{role} GET {url}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


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
