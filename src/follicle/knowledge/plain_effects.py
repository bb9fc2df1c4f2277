"""Plain-language sentences for effects against placebo: the one place they are worded.

Following the decision-aid rules in the UX spec: absolute numbers with the same denominator for
both groups and a time frame ("about 83 in 100 men taking it ..., against 28 in 100 on
placebo"), mean hair-count differences as "about N more hairs ... (95% CI a to b)", and never an
odds ratio, a standardised effect size or a p value on its own. Pages, the comparison grid and
the result page all call :func:`effect_sentence`, so the wording cannot drift between them.
"""

from __future__ import annotations

from follicle.knowledge.effects import Arm, Effect

#: Shown once on a page that shows a confidence interval.
CI_EXPLAINED = (
    "A 95% confidence interval (95% CI) is the range the true difference most likely lies in, "
    "given the study's size. A wide range means the study could not pin the effect down; a "
    "range that includes zero means it may not help at all."
)
PLACEBO_EXPLAINED = (
    "A placebo is a dummy treatment that looks the same but has no medicine in it; a sham "
    "device or procedure looks and feels like the real one but does not deliver it."
)

_CONTROL_WORDS = {
    "placebo": "on placebo",
    "vehicle": "using the same product without the medicine",
    "sham": "given a sham treatment",
}


def whole(value: float) -> str:
    """A number as people say it: whole, with thousands separated (``1,000``)."""
    return f"{round(value):,}"


def amount(value: float) -> str:
    """Whole numbers from 10 up; below 10 one decimal place is kept, because rounding 1.5 to 2
    or 3.9 to 4 would change a small number by a large share."""
    if abs(value) >= 10 or value == round(value):
        return whole(value)
    return f"{value:.1f}"


def span(effect: Effect) -> str:
    """``2-year``, ``48-week``, ``6-month``, or empty when the source gives no time point."""
    if effect.weeks is not None:
        w = effect.weeks
        return f"{w // 52}-year" if w % 52 == 0 else f"{w}-week"
    if effect.months is not None:
        m = effect.months
        return f"{m // 12}-year" if m % 12 == 0 else f"{m}-month"
    return ""


def time_frame(effect: Effect) -> str:
    """``In a 2-year trial``, ``In a 48-week trial``, ``Pooling 13 randomized trials``."""
    if effect.design == "meta_analysis":
        count = f"{effect.studies} " if effect.studies else ""
        return f"Pooling {count}randomized trials"
    length = f"{span(effect)} " if span(effect) else ""
    if effect.design == "label_pooled_trials":
        return f"In the {length}trials reported on the label"
    kind = "small pilot trial" if effect.design == "pilot_study" else "trial"
    article = "an" if length.startswith(("8", "11-", "18-")) else "a"
    return f"In {article} {length}{kind}"


def control_words(effect: Effect) -> str:
    if effect.comparator in _CONTROL_WORDS:
        return _CONTROL_WORDS[effect.comparator]
    label = effect.control.label if effect.control else "the other treatment"
    return f"on {label}"


def _denominator(*shares: float) -> int:
    """Per 100, unless a share under 10% has a fraction that rounding to 100 would lose."""
    fine = any(s < 10 and abs(s - round(s)) >= 0.05 for s in shares)
    return 1000 if fine else 100


def _responders(effect: Effect, treated: Arm, control: Arm) -> str:
    tp, cp = treated.percent_value, control.percent_value
    assert tp is not None and cp is not None  # guaranteed by the caller
    per = _denominator(tp, cp)
    scale = per / 100
    sentence = (
        f"{time_frame(effect)}, about {whole(tp * scale)} in {whole(per)} "
        f"{effect_people(effect)} {effect.taking} {effect.measure}, against {whole(cp * scale)} "
        f"in {whole(per)} {control_words(effect)}."
    )
    d = effect.difference
    if d is not None and d.source == "our_arithmetic":
        sentence += (
            f" That is about {whole(d.value * scale)} more in {whole(per)} "
            "(our arithmetic from the trial's own counts)."
        )
    return sentence


def _ci(effect: Effect) -> str:
    d = effect.difference
    if d is None or d.ci_low is None or d.ci_high is None:
        return "; the study did not report a confidence interval for the difference"
    return f" (95% CI {whole(d.ci_low)} to {whole(d.ci_high)})"


def _means(effect: Effect, treated: Arm | None, control: Arm | None) -> str:
    d = effect.difference
    unit = effect.unit or (d.unit if d else "")
    if d is not None and d.measure == "mean_difference":
        people = effect_people(effect)
        more = "more" if d.value >= 0 else "fewer"
        return (
            f"{time_frame(effect)}, {people} {effect.taking} had about {whole(abs(d.value))} {more} "
            f"{d.unit} than those {control_words(effect)}{_ci(effect)}."
        )
    assert treated is not None and control is not None  # guaranteed by the model
    word, t_val, c_val = "average", treated.mean_change, control.mean_change
    if t_val is None:
        word, t_val, c_val = "middle (median)", treated.median_change, control.median_change
    assert t_val is not None and c_val is not None
    return (
        f"{time_frame(effect)}, the {word} change was {_signed(t_val, unit)} "
        f"for {effect_people(effect)} {effect.taking}, against {_signed(c_val, '')} for those "
        f"{control_words(effect)}{_ci(effect)}."
    )


def _signed(value: float, unit: str) -> str:
    """``a rise of about 19 hairs per square centimetre``; the unit is said once a sentence."""
    tail = f" {unit}" if unit else ""
    if abs(value) < 0.05:
        return "no change"
    if value > 0:
        return f"a rise of about {amount(value)}{tail}"
    return f"a fall of about {amount(-value)}{tail}"


def effect_people(effect: Effect) -> str:
    return effect.people


def effect_sentence(effect: Effect) -> str:
    """The outcome in one or two plain sentences, numbers from the data only."""
    t, c = effect.treated, effect.control
    if t is not None and c is not None and t.percent_value is not None:
        return _responders(effect, t, c)
    if effect.difference is not None or (t is not None and c is not None):
        return _means(effect, t, c)
    assert effect.finding is not None  # guaranteed by the model
    return effect.finding


def shows_interval(effects: tuple[Effect, ...]) -> bool:
    """Whether a page showing these effects needs the one-line CI explanation."""
    return any(e.difference is not None and e.difference.ci_low is not None for e in effects)


def derived_numbers(effect: Effect) -> set[str]:
    """Every number :func:`effect_sentence` may derive from this effect's data (shares scaled
    to the shared denominator, rounded means and interval ends), so the page-number test can
    tell arithmetic on the data from a number typed into a template."""
    out: set[str] = set()
    arms = [a for a in (effect.treated, effect.control) if a is not None]
    shares = [a.percent_value for a in arms if a.percent_value is not None]
    if shares:
        per = _denominator(*shares)
        out.add(str(per))
        out.update(str(round(s * per / 100)) for s in shares)
    for arm in arms:
        for value in (arm.mean_change, arm.median_change):
            if value is not None:
                out.add(amount(abs(value)).replace(",", ""))
    d = effect.difference
    if d is not None:
        scale = _denominator(*shares) / 100 if shares else 1
        out.add(str(round(abs(d.value) * scale)))
        for end in (d.ci_low, d.ci_high):
            if end is not None:
                out.add(str(round(end)))
    return out
