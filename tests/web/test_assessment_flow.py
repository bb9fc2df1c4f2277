"""The multi-step assessment: field-level errors, nothing lost, skip logic on the server,
resuming, check-your-answers and the result, with no personal data in any URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.test import Client

from follicle.knowledge import Knowledge
from tests.web.conftest import STEP_FORMS


def test_start_opens_the_first_step(client: Client) -> None:
    response = client.get("/assessment/")
    assert response.status_code == 302
    assert response["Location"] == "/assessment/about_you/"


def test_a_step_shows_progress_and_the_questions_of_the_data(client: Client) -> None:
    html = client.get("/assessment/about_you/").content.decode()
    assert "How old are you?" in html
    assert 'name="age"' in html
    assert 'inputmode="numeric"' in html
    assert "<progress" in html
    assert "question 1 of about" in html


def test_invalid_answers_get_field_messages_and_keep_what_was_typed(client: Client) -> None:
    response = client.post("/assessment/about_you/", {"age": "thirty", "sex": "male"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter your age in whole years" in html
    assert 'value="thirty"' in html
    assert 'id="input-sex-male" name="sex" value="male" checked' in html
    assert 'href="#field-age"' in html


def test_a_bad_month_count_is_marked_on_its_own_treatment_row(
    complete: Callable[..., Client],
) -> None:
    client = complete()
    response = client.post("/assessment/treatments/", {"current_treatments.finasteride": "lots"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'href="#input-current_treatmentsfinasteride"' in html
    row = html.split('id="field-current_treatmentsfinasteride"', 1)[1].split("</div>", 1)[0]
    assert 'value="lots"' in row and 'aria-invalid="true"' in row
    assert "Finasteride 1 mg tablets: Enter months as a whole number" in row
    other = html.split('id="field-current_treatmentsdutasteride"', 1)[1].split("</div>", 1)[0]
    assert 'aria-invalid="true"' not in other


def test_a_missing_answer_says_what_to_do(client: Client) -> None:
    html = client.post("/assessment/about_you/", {"age": "40"}).content.decode()
    # the summary links to the first radio button, which takes focus without JavaScript
    assert 'href="#input-sex-female"' in html and 'id="input-sex-female"' in html
    assert "Select one answer to “What sex were you assigned at birth?”" in html


def test_digits_from_other_scripts_are_not_read_as_numbers(client: Client) -> None:
    response = client.post("/assessment/about_you/", {"age": "४५", "sex": "male"})
    assert response.status_code == 422
    assert 'value="४५"' in response.content.decode()  # kept as typed, with its error


def test_a_step_with_an_error_changes_nothing_and_comes_back_as_typed(client: Client) -> None:
    client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    response = client.post("/assessment/about_you/", {"age": "41", "sex": "unicorn"})
    assert response.status_code == 422
    assert 'value="41"' in response.content.decode()  # what was typed is on the page
    html = client.get("/assessment/about_you/").content.decode()
    assert 'value="34"' in html  # the saved answers are as they were
    assert 'value="41"' not in html


def test_skip_logic_is_applied_on_the_server(client: Client) -> None:
    # A man who also ticked a pregnancy answer (no JavaScript): the answer is discarded.
    client.post(
        "/assessment/about_you/", {"age": "40", "sex": "male", "pregnancy": "could_become_pregnant"}
    )
    client.post("/assessment/your_hair_loss/", {"pattern": "crown"})
    html = client.get("/assessment/symptoms/").content.decode()
    assert "irregular_periods" not in html  # a period option is not offered to men
    # A woman must answer the pregnancy question.
    response = client.post("/assessment/about_you/", {"age": "40", "sex": "female"})
    assert response.status_code == 422
    assert (
        "Select one answer to “Could pregnancy be a factor for you now?”"
        in response.content.decode()
    )


def test_changing_an_earlier_answer_drops_answers_that_no_longer_apply(client: Client) -> None:
    client.post(
        "/assessment/about_you/",
        {"age": "40", "sex": "female", "pregnancy": "cannot_become_pregnant"},
    )
    client.post(
        "/assessment/symptoms/", {"scalp_symptoms": ["none"], "other_symptoms": ["heavy_periods"]}
    )
    client.post("/assessment/about_you/", {"age": "40", "sex": "male"})
    html = client.get("/assessment/symptoms/").content.decode()
    assert "heavy_periods" not in html


def test_closing_the_tab_and_coming_back_resumes(client: Client) -> None:
    client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    client.post("/assessment/your_hair_loss/", STEP_FORMS["your_hair_loss"])
    response = client.get("/assessment/")
    assert response["Location"] == "/assessment/timeline/"
    assert 'value="34"' in client.get("/assessment/about_you/").content.decode()


def test_anonymous_answers_are_kept_only_for_the_visit(client: Client, settings: Any) -> None:
    from django.utils import timezone

    from follicle.web.accounts.models import UserSession as Session

    response = client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # ends when the browser closes
    stored = Session.objects.get(session_key=cookie.value)
    assert stored.expire_date <= timezone.now() + timedelta(hours=2)


def test_submitting_a_step_twice_changes_nothing(client: Client) -> None:
    first = client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    second = client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == "/assessment/your_hair_loss/"


def test_check_your_answers_lists_every_answer_with_a_change_link(
    complete: Callable[..., Client],
) -> None:
    client = complete()
    html = client.get("/assessment/check/").content.decode()
    assert "Check your answers" in html
    assert "Thinning on the crown" in html
    assert html.count("?return=check") >= 10
    # changing an answer from the check page comes back to it
    response = client.post("/assessment/timeline/?return=check", STEP_FORMS["timeline"])
    assert response["Location"] == "/assessment/check/"


def test_the_result_lists_every_option_once_in_rank_order(
    complete: Callable[..., Client], knowledge: Knowledge
) -> None:
    html = complete().get("/assessment/result/").content.decode()
    listed = re.findall(r'<span class="rank">(\d+)\.</span> <a href="/treatments/(\w+)/">', html)
    assert [int(rank) for rank, _ in listed] == list(range(1, len(knowledge.treatments) + 1))
    assert sorted(t for _, t in listed) == sorted(knowledge.treatments)
    assert "tier-title" not in html  # no second grouping that shows the ranks out of order


def test_the_result_recommends_first_line_treatment_for_a_man_with_crown_thinning(
    complete: Callable[..., Client],
) -> None:
    html = complete().get("/assessment/result/").content.decode()
    assert "You do not need to be seen in person first" in html
    for treatment in ("option-finasteride", "option-topical_minoxidil"):
        block = html.split(f'id="{treatment}"', 1)[1].split("\n</li>", 1)[0]
        assert "badge-status-recommended" in block
    exosomes = html.split('id="option-exosomes"', 1)[1]
    assert "badge-status-not_now" in exosomes
    assert "Exosomes would only be worth discussing when all of these are true" in exosomes
    assert "<svg" in html


def test_sudden_patchy_loss_is_sent_to_in_person_care(complete: Callable[..., Client]) -> None:
    client = complete(
        about_you={"age": "29", "sex": "female", "pregnancy": "cannot_become_pregnant"},
        your_hair_loss={"pattern": "patches", "scale_stage": ""},
        timeline={"onset": "sudden", "duration_months": "2", "shedding": "more_than_usual"},
    )
    html = client.get("/assessment/result/").content.decode()
    assert "See a clinician in person first" in html
    assert "What to bring to the appointment" in html
    assert "badge-status-recommended" not in html
    assert 'class="rank"' not in html  # nothing is put in an order before the appointment
    assert html.count("Photos of your hair loss") == 1


def test_the_result_needs_complete_answers(client: Client) -> None:
    response = client.get("/assessment/result/")
    assert response.status_code == 302
    assert response["Location"] == "/assessment/about_you/"


def test_no_answer_ever_appears_in_a_url(client: Client) -> None:
    """Every answer travels in a POST body; no redirect or link carries one back."""
    from tests.web.conftest import STEP_FORMS

    locations = []
    for step, data in STEP_FORMS.items():
        response = client.post(f"/assessment/{step}/", data)
        assert response.status_code == 302
        locations.append(response["Location"])
    locations += [client.get("/assessment/")["Location"]]
    answered = {
        v for data in STEP_FORMS.values() for v in data.values() if isinstance(v, str) and v
    }
    for location in locations:
        assert "?" not in location or location.endswith("?return=check"), location
        assert not any(f"={value}" in location or f"/{value}/" in location for value in answered)
    html = client.get("/assessment/result/").content.decode()
    assert not any(f"?{item}=" in html or f"&{item}=" in html for item in ("age", "sex", "pattern"))


def test_assessment_pages_are_never_cached(client: Client) -> None:
    response = client.get("/assessment/about_you/")
    assert response["Cache-Control"] == "no-store"


def test_restart_clears_the_answers(complete: Callable[..., Client]) -> None:
    client = complete()
    client.post("/assessment/restart/")
    assert client.get("/assessment/")["Location"] == "/assessment/about_you/"
