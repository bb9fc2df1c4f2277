"""Answer sets for the result page's states, stored straight into a session (so the tests of
the result do not depend on how the questionnaire's steps ask for them)."""

from __future__ import annotations

from typing import Any, Final

from follicle.engine import EXAMPLE

#: A man with crown thinning, open to tablets, liquids and home devices: an online plan.
ONLINE: Final[dict[str, Any]] = {
    **{
        k: v
        for k, v in EXAMPLE.items()
        if k not in ("accepts_preliminary_evidence", "discussed_regulation_with_clinician")
    },
    "open_to": ["pills", "topicals", "home_devices"],
}

#: The same man, open to experimental treatment: he asked, in effect, about exosomes.
EXOSOME_INTEREST: Final[dict[str, Any]] = dict(EXAMPLE)

#: A pregnant woman: sent in person before any treatment.
IN_PERSON: Final[dict[str, Any]] = {
    **ONLINE,
    "sex": "female",
    "age": 30,
    "pregnancy": "pregnant_or_breastfeeding",
    "pattern": "diffuse",
    "scale_stage": 2,
}
