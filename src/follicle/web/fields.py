"""Form fields shared by every form that takes a number.

``WholeNumberField`` reads the digits 0 to 9 only, and never hands a string longer than its
largest value to ``int()``: Python refuses to convert more than 4,300 digits (a server error
on ``/costs/`` before). Too many digits is reported as "at most ...", the same message as any
other number above the range, and every field has a largest value (``LARGEST_STORED`` for
numbers that are looked up in the database).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

DIGITS = re.compile(r"[0-9]+")
#: The largest value a ``PositiveIntegerField`` holds on every database Django supports.
LARGEST_STORED = 2_147_483_647


class WholeNumberField(forms.IntegerField):
    """A whole number typed with the digits 0 to 9 (other scripts' digits, signs, decimals and
    words are refused), thousands separated by commas or not, with messages that name what the
    field is for."""

    def __init__(
        self,
        *,
        what: str,
        lowest: int,
        highest: int,
        example: int | None = None,
        required: bool = False,
        **kwargs: Any,
    ) -> None:
        shown = f", for example {example}" if example is not None else ""
        messages = {
            "invalid": f"Enter {what} as a whole number using the digits 0 to 9{shown}.",
            "min_value": f"Enter {what} of at least {lowest:,}.",
            "max_value": f"Enter {what} of at most {highest:,}.",
            **kwargs.pop("error_messages", {}),
        }
        super().__init__(
            min_value=lowest,
            max_value=highest,
            required=required,
            error_messages=messages,
            **kwargs,
        )
        self.lowest, self.highest = lowest, highest

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(",", "")
        if not DIGITS.fullmatch(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        significant = text.lstrip("0") or "0"
        if len(significant) > len(str(self.highest)):
            raise ValidationError(self.error_messages["max_value"], code="max_value")
        return int(significant)
