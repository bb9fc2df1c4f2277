"""The HTTP status of a page that shows a form: 422 when a submitted form has errors.

Every page with a form answers this way, so clients and tests can tell a refused submission
from a page shown for the first time, while the page itself keeps what the person typed.
"""

from __future__ import annotations

from django import forms


def form_status(form: forms.Form) -> int:
    return 422 if form.is_bound and form.errors else 200
