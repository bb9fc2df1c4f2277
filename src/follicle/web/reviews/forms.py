"""The plan editor: one status, order and reason per option of the engine's draft."""

from __future__ import annotations

from typing import Any

from django import forms

from follicle import labels
from follicle.knowledge.contract import STATUSES
from follicle.web.fields import LARGEST_STORED, WholeNumberField
from follicle.web.reviews.actions import Decision

STATUS_CHOICES = [(s, labels.STATUS[s]) for s in STATUSES]


class RequestReviewForm(forms.Form):
    note = forms.CharField(
        label="Anything you want the clinician to know (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
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
        help_text="For example: review photos at 6 and 12 months.",
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

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "option": o,
                "status": self[f"status_{o['treatment']}"],
                "order": self[f"order_{o['treatment']}"],
                "reason": self[f"reason_{o['treatment']}"],
            }
            for o in self.draft
        ]


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
