"""Every reason can be traced to a rule and the answers it read; the same input gives the same bytes."""

from __future__ import annotations

from follicle.engine import ENGINE_VERSION
from follicle.knowledge import Knowledge
from tests.engine.builders import EXOSOME_CANDIDATE, MAN, WOMAN, answers, assess


def test_the_same_answers_give_the_same_bytes(knowledge: Knowledge) -> None:
    first = assess(knowledge, EXOSOME_CANDIDATE).to_json()
    second = assess(knowledge, dict(reversed(list(EXOSOME_CANDIDATE.items())))).to_json()
    assert first == second


def test_multi_answer_order_does_not_change_the_result(knowledge: Knowledge) -> None:
    a = assess(knowledge, answers(MAN, open_to=["pills", "topicals"])).to_json()
    b = assess(knowledge, answers(MAN, open_to=["topicals", "pills"])).to_json()
    assert a == b


def test_the_result_names_its_engine_and_knowledge_versions(knowledge: Knowledge) -> None:
    result = assess(knowledge, MAN)
    assert result.engine_version == ENGINE_VERSION
    assert result.knowledge_version == knowledge.version


def test_every_reason_rule_fired_and_says_what_it_read(knowledge: Knowledge) -> None:
    for raw in (MAN, WOMAN, EXOSOME_CANDIDATE, answers(MAN, pattern="patches", scale_stage=None)):
        result = assess(knowledge, raw)
        fired = result.explanation
        for o in result.options:
            assert len(o.reasons) == len(o.reason_rules)
            for rule in o.reason_rules:
                assert rule in fired, rule
                for item in fired[rule]:
                    assert item in knowledge.items
        for condition in result.likely_conditions:
            assert all(rule in fired for rule in condition.reason_rules)


def test_the_trace_weighs_conditions_then_triages_and_ends_with_ranking(
    knowledge: Knowledge,
) -> None:
    """Conditions come first because some red flags name one (hair pulling, CCCA)."""
    trace = assess(knowledge, answers(MAN, onset="sudden")).trace
    flag = trace.index("red_flag.sudden_or_patchy_loss")
    assert flag > 0
    assert all(rule.startswith("condition.") for rule in trace[:flag])
    assert trace[flag + 1] == "route.in_person"
    assert trace[-1].startswith("rank")


def test_every_page_of_output_says_a_clinician_confirms(knowledge: Knowledge) -> None:
    assert "clinician confirms" in assess(knowledge, MAN).notice


def test_result_objects_cannot_be_changed_after_they_are_made(knowledge: Knowledge) -> None:
    """The engine's output is immutable: a caller cannot edit a result in place."""
    import copy
    import dataclasses
    import pickle

    import pytest

    from follicle.engine.result import RESULT_ADAPTER

    result = assess(knowledge, MAN)
    option = result.options[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        option.status = "avoid"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.route = "in_person"  # type: ignore[misc]
    rebuilt = dataclasses.replace(option, rank=option.rank)  # through the class itself
    assert rebuilt == option and hash(rebuilt) == hash(option)
    assert type(rebuilt) is type(option)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del option.name
    read_back = RESULT_ADAPTER.validate_json(result.to_json())  # the contract JSON, read back
    assert read_back == result
    for copied in (copy.copy(result), copy.deepcopy(result), pickle.loads(pickle.dumps(result))):
        assert copied == result and type(copied) is type(result)
        assert copied.to_json() == result.to_json()
        with pytest.raises(dataclasses.FrozenInstanceError):
            copied.options[0].rank = 99  # type: ignore[misc]
