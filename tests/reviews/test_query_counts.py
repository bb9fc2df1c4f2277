"""The queue, a person's list of cases and the case pages cost a fixed number of queries, the
same with one case, message or signed plan as with twenty (like zulip's
``assert_database_query_count``): a lookup added inside a loop over rows fails here."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Message, MessageKind
from tests.cases import make_case, sign_draft
from tests.personas import TEST_AUDIT, Persona

#: Queries per page: the session, the user (and for clinicians the second factor; for people,
#: whether they turned an authenticator app on), the page's reads, and the audit of the read
#: (a savepoint, the head, one insert for every case shown, the head's update); a person's list
#: also looks for a request waiting to be sent.
QUEUE = 11
MY_CASES = 10
REVIEW = 11
MY_CASE = 11


def _queries(client: Client, url: str) -> list[str]:
    """The queries of a second GET (the first also refreshes the session's activity stamp)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("n", [1, 20])
def test_the_queue_costs_the_same_however_many_cases_it_lists(
    n: int, person_a: Persona, clinician: Persona, other_clinician: Persona
) -> None:
    """``n`` cases in each list: waiting, the clinician's own, and colleagues' lapsed claims."""
    cases = [make_case(person_a.user) for _ in range(3 * n)]
    mine, lapsed = cases[n : 2 * n], cases[2 * n :]
    for case in mine:
        actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    for case in lapsed:
        actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)
    old = timezone.now() - timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES + 5)
    Case.objects.filter(id__in=[c.id for c in lapsed]).update(claimed_at=old)
    page = clinician.client.get("/clinic/").content.decode()
    assert all(str(c.id)[:8] in page for c in cases)
    queries = _queries(clinician.client, "/clinic/")
    assert len(queries) == QUEUE, "\n".join(queries)


@pytest.mark.parametrize("n", [1, 20])
def test_a_persons_list_costs_the_same_however_many_cases_they_have(
    n: int, person_a: Persona
) -> None:
    for _ in range(n):
        make_case(person_a.user)
    queries = _queries(person_a.client, "/my/cases/")
    assert len(queries) == MY_CASES, "\n".join(queries)


@pytest.fixture
def long_case(person_a: Persona, clinician: Persona, request: pytest.FixtureRequest) -> Case:
    """A case with ``n`` signed plans and ``n`` messages each way, in review by the clinician."""
    n: int = request.param
    case = make_case(person_a.user)
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    for _ in range(n):
        sign_draft(case, clinician.user)
        actions.reopen(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    for i in range(n):
        for kind, author in [
            (MessageKind.QUESTION, clinician.user),
            (MessageKind.ANSWER, person_a.user),
        ]:
            Message.objects.create(
                case=case, author=author, kind=kind, text=f"{kind} {i}", created_at=timezone.now()
            )
    assert case.plans.count() == n and case.messages.count() == 2 * n
    return case


@pytest.mark.parametrize("long_case", [1, 20], indirect=True)
def test_the_review_page_costs_the_same_however_many_plans_and_messages(
    long_case: Case, clinician: Persona
) -> None:
    queries = _queries(clinician.client, f"/clinic/cases/{long_case.id}/")
    assert len(queries) == REVIEW, "\n".join(queries)


@pytest.mark.parametrize("long_case", [1, 20], indirect=True)
def test_a_persons_case_page_costs_the_same_however_many_plans_and_messages(
    long_case: Case, person_a: Persona
) -> None:
    queries = _queries(person_a.client, f"/my/cases/{long_case.id}/")
    assert len(queries) == MY_CASE, "\n".join(queries)
