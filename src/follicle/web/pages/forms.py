"""The cost calculator's form: a treatment to start from, or your own sessions and prices."""

from __future__ import annotations

from typing import Any

from django import forms

from follicle.knowledge import default_knowledge

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
    """Field names and messages say what to change; nothing here is personal data."""

    treatment = forms.ChoiceField(label="Start from a treatment", required=False)
    unit = forms.ChoiceField(label="How it is paid for", choices=UNITS, required=False)
    price_low = forms.IntegerField(
        label="Lowest price (US dollars)", min_value=0, max_value=1_000_000, required=False
    )
    price_high = forms.IntegerField(
        label="Highest price (US dollars)", min_value=0, max_value=1_000_000, required=False
    )
    sessions_min = forms.IntegerField(
        label="Fewest sessions in the first course", min_value=0, max_value=100, required=False
    )
    sessions_max = forms.IntegerField(
        label="Most sessions in the first course", min_value=0, max_value=100, required=False
    )
    maintenance_min = forms.IntegerField(
        label="Maintenance: one session every (shortest gap, months)",
        min_value=1,
        max_value=120,
        required=False,
    )
    maintenance_max = forms.IntegerField(
        label="Maintenance: one session every (longest gap, months)",
        min_value=1,
        max_value=120,
        required=False,
    )
    years = forms.IntegerField(label="Years", min_value=1, max_value=20, initial=5, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["treatment"].choices = _treatment_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("treatment"):
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
