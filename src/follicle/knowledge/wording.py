"""Words the data's flags turn into, kept in one place so pages and results say the same."""

from __future__ import annotations

from typing import Final

#: Heads a statement stored with ``reports: clinic_claims``: it relays what clinics or sellers
#: say, not a clinical fact Follicle vouches for.
CLINIC_CLAIMS: Final = "What clinics or sellers say:"
