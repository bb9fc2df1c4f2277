"""Triage: raise every red flag whose answer pattern holds, and set the route.

Any red flag means ``in_person``: a clinician should see the person before any treatment plan.
A flag may also name a condition (hair pulling, crown-centred scarring loss): it then reads the
likely conditions, which are weighed before the flags for that reason.
"""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import InPersonAdvice, LikelyCondition, RedFlagOut
from follicle.engine.trace import Trace
from follicle.knowledge.contract import Route

#: Things every in-person visit benefits from, whatever the red flag.
GENERAL_BRING = (
    "A list of every medicine, supplement and hair product you use, with doses.",
    "Photos of your hair loss and any patches, in good light, ideally from when it started and now.",
)


def raise_red_flags(
    data: CompiledKnowledge,
    answers: Answers,
    conditions: tuple[LikelyCondition, ...],
    condition_reads: dict[str, tuple[str, ...]],
    trace: Trace,
) -> tuple[RedFlagOut, ...]:
    """Every flag that holds, most urgent first; ``condition_reads`` maps each condition found
    to the answer items its signals read (a condition's flag was triggered by those)."""
    raised: list[RedFlagOut] = []
    checks = data.red_flag_checks(answers)
    found = {c.id: c.likelihood for c in conditions} if conditions else {}
    for compiled_flag in data.red_flags:
        if compiled_flag.index is not None and not checks[compiled_flag.index]:
            continue
        condition = compiled_flag.condition
        if condition is not None and found.get(condition) not in compiled_flag.likelihoods:
            continue
        flag = compiled_flag.flag
        explain = compiled_flag.explain
        triggered_by: tuple[str, ...] = () if explain is None else explain(answers)[1]
        if condition is not None:
            triggered_by = tuple(dict.fromkeys([*triggered_by, *condition_reads[condition]]))
        trace.fire(f"red_flag.{flag.id}", triggered_by)
        raised.append(
            RedFlagOut(
                id=flag.id,
                name=flag.name,
                urgency=flag.urgency,
                message=flag.message,
                triggered_by=triggered_by,
                bring=flag.bring,
                citations=flag.citations,
                verified=flag.verified,
            )
        )
    urgency_order = {"urgent": 0, "soon": 1, "routine": 2}
    return tuple(sorted(raised, key=lambda f: urgency_order[f.urgency]))


def choose_route(red_flags: tuple[RedFlagOut, ...], trace: Trace) -> Route:
    if red_flags:
        trace.fire(
            "route.in_person", tuple(dict.fromkeys(i for f in red_flags for i in f.triggered_by))
        )
        return "in_person"
    trace.fire("route.online_plan")
    return "online_plan"


def in_person_advice(red_flags: tuple[RedFlagOut, ...], trace: Trace) -> InPersonAdvice | None:
    """What to tell the clinician and what to bring, gathered from every raised flag."""
    if not red_flags:
        return None
    most_urgent = red_flags[0].urgency
    when = {
        "urgent": "Please see a doctor within days.",
        "soon": "Please book an appointment with a doctor or dermatologist in the next few weeks.",
        "routine": "Please book a routine appointment with a doctor.",
    }[most_urgent]
    trace.fire("in_person.advice", ())
    return InPersonAdvice(
        summary=(
            f"Some of your answers need a clinician to see you in person before any treatment is "
            f"chosen. {when} This is not a diagnosis."
        ),
        say=tuple(f"{flag.name}: {flag.message}" for flag in red_flags),
        bring=tuple(
            dict.fromkeys([*(b for flag in red_flags for b in flag.bring), *GENERAL_BRING])
        ),
    )
