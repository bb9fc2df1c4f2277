"""What the result page shows beside each option: benefit numbers only beside options the person
might start (recommended or consider, on an online route), and the questions to ask a clinic
with MedWatch beside exosomes and PRP whatever their status, because those protect."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from django.test import Client

from follicle.engine import AssessmentResult
from follicle.knowledge import Knowledge
from follicle.web.assessment.presenters import EFFECTS_SHOWN_FOR, option_views
from tests.engine.builders import MAN, WOMAN, answers, assess

EFFECTS = '<details class="option-effects">'
CLINIC = '<details class="clinic-questions clinic-questions-compact">'
PREGNANT: dict[str, Any] = {
    "about_you": {"age": "30", "sex": "female", "pregnancy": "pregnant_or_breastfeeding"},
    "preferences": {
        "open_to": ["pills", "topicals", "in_office_procedures"],
        "expectation": "some_regrowth",
    },
}


def _options(page: str) -> dict[str, tuple[str, str]]:
    """Each option's (status, block) on the result page."""
    found = re.finditer(
        r'<li class="option option-(\w+)" id="option-(\w+)">(.*?)\n</li>', page, re.S
    )
    return {m.group(2): (m.group(1), m.group(3)) for m in found}


def _result(client: Client) -> str:
    return html.unescape(client.get("/assessment/result/").content.decode())


def test_benefit_numbers_are_shown_only_beside_options_one_might_start(
    complete: Callable[..., Client], knowledge: Knowledge
) -> None:
    page = _result(complete(health={"medications": ["anticoagulant"], "conditions": ["none"]}))
    assert "You do not need to be seen in person first" in page
    options = _options(page)
    assert set(options) == set(knowledge.treatments)
    statuses = {status for status, _ in options.values()}
    assert {"recommended", "avoid"} <= statuses, statuses
    for treatment_id, (status, block) in options.items():
        assert (EFFECTS in block) == (status in EFFECTS_SHOWN_FOR), (treatment_id, status)
    status, prp = options["prp"]
    assert status == "avoid" and CLINIC in prp and 'href="#clinic-report"' in prp


def test_a_pregnant_woman_sees_no_plan_only_treatments_to_read_about_after_the_appointment(
    complete: Callable[..., Client], knowledge: Knowledge
) -> None:
    page = _result(complete(**PREGNANT))
    assert "See a clinician in person first" in page
    assert EFFECTS not in page and "83 in 100 men" not in page
    assert _options(page) == {} and 'class="rank"' not in page
    assert 'id="review"' not in page and "Ask a clinician to review" not in page
    assert "<svg" not in page
    for treatment_id in knowledge.treatments:
        assert f'href="/treatments/{treatment_id}/"' in page, treatment_id


def _engine(knowledge: Knowledge, raw: dict[str, Any]) -> AssessmentResult:
    return assess(knowledge, raw)


def test_the_presenter_attaches_each_options_treatment_questions_and_effects_flag(
    knowledge: Knowledge,
) -> None:
    online = _engine(knowledge, answers(MAN))
    views = option_views(knowledge, online)
    assert [v.option.treatment for v in views] == [o.treatment for o in online.options]
    for v in views:
        assert v.treatment is knowledge.treatments[v.option.treatment]
        assert v.clinic_questions == knowledge.clinic_questions.for_treatments([v.treatment.id])
        assert v.shows_effects == (v.option.status in EFFECTS_SHOWN_FOR)
    pregnant = _engine(knowledge, answers(WOMAN, pregnancy="pregnant_or_breastfeeding"))
    assert pregnant.route == "in_person"
    assert not any(v.shows_effects for v in option_views(knowledge, pregnant))
