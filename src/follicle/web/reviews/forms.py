"""The plan editor: one status, order and reason per option of the engine's draft."""

from __future__ import annotations

from typing import Any

from django import forms

from follicle import labels
from follicle.knowledge.contract import STATUSES
from follicle.web.fields import LARGEST_STORED, WholeNumberField
from follicle.web.reviews.actions import Decision, out_of_status_order, status_rating
from follicle.web.reviews.models import Plan

STATUS_CHOICES = [(s, labels.STATUS[s]) for s in STATUSES]


class RequestReviewForm(forms.Form):
    note = forms.CharField(
        label="Anything you want the clinician to know (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)


class SendForm(forms.Form):
    """ "Send for review" on the check-and-send page: which request (its idempotency key)."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)


class PlanForm(forms.Form):
    case_version = WholeNumberField(
        what="the case version", lowest=0, highest=LARGEST_STORED, widget=forms.HiddenInput
    )
    instructions = forms.CharField(
        label="Instructions for the person",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    follow_up = forms.CharField(
        label="Follow-up",
        required=False,
        max_length=500,
        help_text=(
            "For example: review photos at 6 and 12 months. Times in weeks, months or years"
            " are shown to the person as dates from the day you sign."
        ),
    )

    keep_order = forms.BooleanField(
        label="Keep this order: I mean these options to stand above better-rated ones",
        required=False,
    )

    def __init__(self, *args: Any, options: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.draft = options
        for option in options:
            t = option["treatment"]
            self.fields[f"status_{t}"] = forms.ChoiceField(
                label=f"Status of {option['name']}",
                choices=STATUS_CHOICES,
                initial=option["status"],
            )
            self.fields[f"order_{t}"] = WholeNumberField(
                label=f"Order of {option['name']}",
                what="a place in the order",
                lowest=1,
                highest=len(options),
                required=True,
                initial=option["rank"],
                error_messages={"required": "Give this option a place in the order."},
            )
            self.fields[f"reason_{t}"] = forms.CharField(
                label=f"Reason for any change to {option['name']}", required=False, max_length=1000
            )

    def order_warnings(self) -> list[str]:
        """Where an option's status and its place disagree: an option placed above one with a
        better status ("Not now" above "Recommended"), one line per such option, naming the
        best-rated option below it. From the values as entered (or started from)."""
        rows = sorted(self.draft, key=self._place)
        statuses = [str(self[f"status_{o['treatment']}"].value()) for o in rows]
        return [
            f"{rows[i]['name']}, marked {labels.STATUS.get(statuses[i], statuses[i])}, stands "
            f"above {rows[j]['name']}, marked {labels.STATUS[statuses[j]]}."
            for i, j in out_of_status_order(statuses)
        ]

    def in_status_order(self) -> dict[str, Any]:
        """The values as entered, with the places renumbered so that better statuses come
        first (keeping the entered order within a status): what 'Put in status order' shows."""
        values = {name: self[name].value() for name in self.fields}
        ranked = sorted(
            self.draft,
            key=lambda o: (
                status_rating(str(values[f"status_{o['treatment']}"])),
                self._place(o),
            ),
        )
        for place, option in enumerate(ranked, start=1):
            values[f"order_{option['treatment']}"] = place
        values["keep_order"] = False
        return values

    def decisions(self) -> list[Decision]:
        data = self.cleaned_data
        return [
            Decision(
                treatment=o["treatment"],
                status=data[f"status_{o['treatment']}"],
                order=data[f"order_{o['treatment']}"],
                reason=data.get(f"reason_{o['treatment']}", "") or "",
            )
            for o in self.draft
        ]

    def _place(self, option: dict[str, Any]) -> tuple[int, int]:
        """Where the option stands now: the place entered (or started from), if it is a whole
        number; ties and unreadable places keep the engine's order."""
        value = str(self[f"order_{option['treatment']}"].value() or "").strip()
        place = int(value) if value.isdigit() and len(value) < 4 else len(self.draft) + 1
        return place, option["rank"]

    def rows(self) -> list[dict[str, Any]]:
        """One row per option, in the order the clinician has given them so far."""
        return [
            {
                "option": o,
                "status": self[f"status_{o['treatment']}"],
                "order": self[f"order_{o['treatment']}"],
                "reason": self[f"reason_{o['treatment']}"],
            }
            for o in sorted(self.draft, key=self._place)
        ]


def start_from(plan: Plan | None) -> dict[str, Any]:
    """What the plan editor starts with: the latest signed plan's status, place and reason for
    every option, its instructions and follow-up (a new version starts from what was signed,
    not from the engine's draft); nothing before a first plan (the engine's draft)."""
    if plan is None:
        return {}
    start: dict[str, Any] = {"instructions": plan.instructions, "follow_up": plan.follow_up}
    for option in plan.options:
        t = option["treatment"]
        start[f"status_{t}"] = option["status"]
        start[f"order_{t}"] = option["order"]
        start[f"reason_{t}"] = option.get("reason", "")
    return start


class MessageForm(forms.Form):
    """A clinician's question or referral note. An empty text is refused by the action, which
    says what it needs in the words of that decision."""

    text = forms.CharField(
        label="Message", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    case_version = WholeNumberField(
        what="the case version", lowest=0, highest=LARGEST_STORED, widget=forms.HiddenInput
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your answer to the clinician's question."},
    )
