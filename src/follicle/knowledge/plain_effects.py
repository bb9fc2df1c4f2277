"""Plain-language sentences for effects against placebo: the one place they are worded.

Following the decision-aid rules in the UX spec: absolute numbers with the same denominator for
both groups and a time frame ("about 83 in 100 men taking it ..., against 28 in 100 on
placebo"), mean hair-count differences as "about N more hairs ... (95% CI a to b)", and never an
odds ratio, a standardised effect size or a p value on its own. Pages, the comparison grid and
the result page all call :func:`effect_sentence`, so the wording cannot drift between them.

:func:`worded` returns the sentence with every number it computed (shares scaled to the shared
denominator, the difference between the groups, rounded means and interval ends), so the
page-number test accepts exactly the arithmetic this sentence did and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from follicle.knowledge.effects import Arm, Effect

#: Shown once on a page that shows a confidence interval.
CI_EXPLAINED = (
    "A 95% confidence interval (95% CI) is the range the true difference most likely lies in, "
    "given the study's size. A wide range means the study could not pin the effect down; a "
    "range that includes zero means it may not help at all."
)
#: The one wording for a treatment with no placebo-, sham- or vehicle-controlled trial, used by
#: the treatment page, the result page and the comparison grid alike.
NO_PLACEBO_TRIAL = "No placebo-controlled trial."
NO_PLACEBO_TRIAL_EXPLAINED = "We found no trial that compared it with a placebo or a sham."
NOT_ON_ITS_OWN = (
    "The results below compare it with something else, so they do not show its effect on its own."
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


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def whole(value: float) -> str:
    """A number as people say it: whole, with thousands separated (``1,000``)."""
    return f"{round(value):,}"


def amount(value: float) -> str:
    """Whole numbers from 10 up; below 10 one decimal place is kept, because rounding 1.5 to 2
    or 3.9 to 4 would change a small number by a large share."""
    if abs(value) >= 10 or value == round(value):
        return whole(value)
    return f"{value:.1f}"


@dataclass(slots=True)
class Worded:
    """A sentence and the numbers it put there beyond its effect's own data (scaled shares,
    the difference, rounded means and interval ends, the 95 of "95% CI"), as a page shows
    them without thousands separators or signs (``1000``, ``3.9``)."""

    text: str = ""
    numbers: set[str] = field(default_factory=set)

    def said(self, shown: str) -> str:
        """Note a computed number as shown, and return it for the sentence."""
        self.numbers.add(shown.replace(",", "").lstrip("-"))
        return shown


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
    """``In a 2-year trial``, ``In two 2-year trials`` (``studies`` pooled by the source),
    ``In a small 16-week pilot trial``, ``Pooling 13 randomized trials``."""
    if effect.design == "meta_analysis":
        count = f"{effect.studies} " if effect.studies else ""
        return f"Pooling {count}randomized trials"
    length = f"{span(effect)} " if span(effect) else ""
    many = ""
    if effect.studies is not None and effect.studies > 1:
        many = _COUNT_WORDS.get(effect.studies, str(effect.studies))
    if effect.design == "label_pooled_trials":
        return f"In the {many + ' ' if many else ''}{length}trials reported on the label"
    if many:
        return f"In {many} {length}trials"
    if effect.design == "pilot_study":
        return f"In a small {length}pilot trial"
    article = "an" if length.startswith(("8", "11-", "18-")) else "a"
    return f"In {article} {length}trial"


def control_words(effect: Effect) -> str:
    if effect.comparator in _CONTROL_WORDS:
        return _CONTROL_WORDS[effect.comparator]
    label = effect.control.label if effect.control else "the other treatment"
    return f"on {label}"


def _denominator(*shares: float) -> int:
    """Per 100, unless a share under 10% has a fraction that rounding to 100 would lose."""
    fine = any(s < 10 and abs(s - round(s)) >= 0.05 for s in shares)
    return 1000 if fine else 100


def _responders(effect: Effect, treated: Arm, control: Arm, out: Worded) -> str:
    """Both groups per 100 (or 1,000), then the difference between the numbers just shown,
    so the sentence adds up as read."""
    tp, cp = treated.percent_value, control.percent_value
    assert tp is not None and cp is not None  # guaranteed by the caller
    per = _denominator(tp, cp)
    scale = per / 100
    t_shown, c_shown = round(tp * scale), round(cp * scale)
    per_words = out.said(whole(per))
    sentence = (
        f"{time_frame(effect)}, about {out.said(whole(t_shown))} in {per_words} "
        f"{effect.people} {effect.taking} {effect.measure}, against "
        f"{out.said(whole(c_shown))} in {per_words} {control_words(effect)}."
    )
    gap = t_shown - c_shown
    if gap:
        counts = treated.events is not None and control.events is not None
        several = (effect.studies or 1) > 1 or effect.design == "label_pooled_trials"
        owner = "the trials'" if several else "the trial's"
        held = "counts" if counts else "percentages"
        sentence += (
            f" That is about {out.said(whole(abs(gap)))} {'more' if gap > 0 else 'fewer'} in "
            f"{per_words} (our arithmetic from {owner} own {held})."
        )
    return sentence


def _ci(effect: Effect, out: Worded) -> str:
    d = effect.difference
    if d is None or d.ci_low is None or d.ci_high is None:
        return "; the study did not report a confidence interval for the difference"
    level = out.said("95")
    return f" ({level}% CI {out.said(amount(d.ci_low))} to {out.said(amount(d.ci_high))})"


def _means(effect: Effect, treated: Arm | None, control: Arm | None, out: Worded) -> str:
    d = effect.difference
    unit = effect.unit or (d.unit if d else "")
    if d is not None:
        more = "more" if d.value >= 0 else "fewer"
        return (
            f"{time_frame(effect)}, {effect.people} {effect.taking} had about "
            f"{out.said(amount(abs(d.value)))} {more} {d.unit} than those "
            f"{control_words(effect)}{_ci(effect, out)}."
        )
    assert treated is not None and control is not None  # guaranteed by the model
    word, t_val, c_val = "average", treated.mean_change, control.mean_change
    if t_val is None:
        word, t_val, c_val = "middle (median)", treated.median_change, control.median_change
    assert t_val is not None and c_val is not None
    return (
        f"{time_frame(effect)}, the {word} change was {_signed(t_val, unit, out)} "
        f"for {effect.people} {effect.taking}, against {_signed(c_val, '', out)} for those "
        f"{control_words(effect)}{_ci(effect, out)}."
    )


def _signed(value: float, unit: str, out: Worded) -> str:
    """``a rise of about 19 hairs per square centimetre``; the unit is said once a sentence."""
    tail = f" {unit}" if unit else ""
    if abs(value) < 0.05:
        return "no change"
    if value > 0:
        return f"a rise of about {out.said(amount(value))}{tail}"
    return f"a fall of about {out.said(amount(-value))}{tail}"


def worded(effect: Effect) -> Worded:
    """The outcome in one or two plain sentences, with the numbers it computed."""
    out = Worded()
    t, c = effect.treated, effect.control
    if t is not None and c is not None and t.percent_value is not None:
        out.text = _responders(effect, t, c, out)
    elif effect.difference is not None or (t is not None and c is not None):
        out.text = _means(effect, t, c, out)
    else:
        assert effect.finding is not None  # guaranteed by the model
        out.text = effect.finding
    return out


def effect_sentence(effect: Effect) -> str:
    """The outcome in one or two plain sentences, numbers from the data only."""
    return worded(effect).text


def shows_interval(effects: tuple[Effect, ...]) -> bool:
    """Whether a page showing these effects needs the one-line CI explanation."""
    return any(e.difference is not None and e.difference.ci_low is not None for e in effects)
