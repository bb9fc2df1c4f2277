"""The cost calculator's form: a treatment to start from, then its numbers to adjust, or your
own numbers from scratch."""

from __future__ import annotations

from typing import Any

from django import forms

from follicle.knowledge import default_knowledge
from follicle.web.fields import WholeNumberField

UNITS = (
    ("month", "Paid every month (tablets, lotions)"),
    ("session", "Paid per session (clinic treatments)"),
    ("one_off", "Paid once (a device or an operation)"),
)


def _treatment_choices() -> list[tuple[str, str]]:
    return [("", "Enter my own numbers")] + [
        (t.id, t.name) for t in default_knowledge().treatments.values()
    ]


class CostForm(forms.Form):
    """Field names and messages say what to change; nothing here is personal data.

    Choosing a treatment fills the other fields with its numbers from our sources (``loaded``
    remembers which treatment they came from); change any of them and the estimate uses yours.
    """

    treatment = forms.ChoiceField(
        label="Start from a treatment",
        required=False,
        help_text="Its prices and schedule from our sources fill the fields below; you can then change them.",
        error_messages={
            "invalid_choice": "Choose a treatment from the list, or enter your own numbers."
        },
    )
    loaded = forms.CharField(required=False, widget=forms.HiddenInput)
    unit = forms.ChoiceField(
        label="How it is paid for",
        choices=UNITS,
        required=False,
        error_messages={"invalid_choice": "Choose how the treatment is paid for from the list."},
    )
    price_low = WholeNumberField(
        label="Lowest price, in US dollars (per month, session or purchase, as chosen above)",
        what="the lowest price in dollars",
        example=500,
        lowest=0,
        highest=1_000_000,
    )
    price_high = WholeNumberField(
        label="Highest price, in US dollars (per month, session or purchase, as chosen above)",
        what="the highest price in dollars",
        example=2000,
        lowest=0,
        highest=1_000_000,
    )
    sessions_min = WholeNumberField(
        label="Fewest sessions in the first course",
        what="the fewest sessions",
        example=3,
        lowest=0,
        highest=100,
    )
    sessions_max = WholeNumberField(
        label="Most sessions in the first course",
        what="the most sessions",
        example=6,
        lowest=0,
        highest=100,
    )
    maintenance_min = WholeNumberField(
        label="Maintenance: one session every (shortest gap, months)",
        what="the shortest gap in months",
        example=3,
        lowest=1,
        highest=120,
    )
    maintenance_max = WholeNumberField(
        label="Maintenance: one session every (longest gap, months)",
        what="the longest gap in months",
        example=6,
        lowest=1,
        highest=120,
    )
    years = WholeNumberField(
        label="Years", what="the number of years", example=5, lowest=1, highest=20
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["treatment"].choices = _treatment_choices()  # type: ignore[attr-defined]

    def starts_from_treatment(self) -> bool:
        """A treatment was just chosen: fill the fields from it and ignore what they held."""
        data = self.cleaned_data
        return bool(data.get("treatment")) and data.get("loaded") != data.get("treatment")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.starts_from_treatment():
            return data
        if data.get("price_low") is None and not self.errors.get("price_low"):
            self.add_error(
                "price_low", "Enter the lowest price in whole dollars, or choose a treatment."
            )
        if data.get("price_high") is None and not self.errors.get("price_high"):
            self.add_error(
                "price_high", "Enter the highest price in whole dollars, or choose a treatment."
            )
        low, high = data.get("price_low"), data.get("price_high")
        if low is not None and high is not None and high < low:
            self.add_error("price_high", "The highest price must be at least the lowest price.")
        if data.get("unit") == "session":
            smin, smax = data.get("sessions_min"), data.get("sessions_max")
            if smin is None:
                self.add_error("sessions_min", "Enter the fewest sessions in the first course.")
            if smax is None:
                self.add_error("sessions_max", "Enter the most sessions in the first course.")
            if smin is not None and smax is not None and smax < smin:
                self.add_error("sessions_max", "The most sessions must be at least the fewest.")
            mmin, mmax = data.get("maintenance_min"), data.get("maintenance_max")
            if (mmin is None) != (mmax is None):
                self.add_error(
                    "maintenance_max", "Enter both maintenance gaps, or leave both empty."
                )
            elif mmin is not None and mmax is not None and mmax < mmin:
                self.add_error("maintenance_max", "The longest gap must be at least the shortest.")
        return data
