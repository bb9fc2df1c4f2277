"""The assessment contract (``specs/assessment-contract.md``), written down once in code.

The contract is fixed and public: the questionnaire in the knowledge data must carry these item
ids and codes exactly (it may add more), the knowledge data must hold these treatments and
conditions, and the engine's result uses these vocabularies. The checker compares the data
against this module, so a dropped item or a renamed code fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

ItemType = Literal[
    "integer", "choice", "multi", "boolean", "months_by_treatment", "outcome_by_treatment"
]


@dataclass(frozen=True, slots=True)
class ContractItem:
    """One answer the contract defines: its type, its codes or its range."""

    id: str
    type: ItemType
    codes: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


NONE: Final = "none"

ITEMS: Final[tuple[ContractItem, ...]] = (
    ContractItem("age", "integer", minimum=1, maximum=120),
    ContractItem("sex", "choice", ("female", "male")),
    ContractItem(
        "pregnancy",
        "choice",
        (
            "pregnant_or_breastfeeding",
            "planning_pregnancy",
            "could_become_pregnant",
            "cannot_become_pregnant",
        ),
    ),
    ContractItem(
        "pattern",
        "choice",
        (
            "hairline",
            "crown",
            "hairline_and_crown",
            "widening_part",
            "diffuse",
            "patches",
            "frontal_band",
            "edges",
        ),
    ),
    ContractItem("scale_stage", "integer", minimum=1, maximum=7),
    ContractItem("onset", "choice", ("sudden", "gradual")),
    ContractItem("duration_months", "integer", minimum=0, maximum=600),
    ContractItem("shedding", "choice", ("normal", "more_than_usual", "handfuls")),
    ContractItem(
        "triggers",
        "multi",
        (
            "childbirth",
            "illness_or_fever",
            "surgery",
            "severe_stress",
            "rapid_weight_loss",
            "hormonal_contraception_change",
            "new_medication",
            NONE,
        ),
    ),
    ContractItem(
        "scalp_symptoms",
        "multi",
        (
            "itching",
            "burning_or_pain",
            "redness",
            "scaling",
            "pustules_or_crusting",
            "smooth_shiny_patches",
            NONE,
        ),
    ),
    ContractItem(
        "other_symptoms",
        "multi",
        (
            "eyebrow_or_eyelash_loss",
            "nail_pitting",
            "irregular_periods",
            "acne_or_excess_hair_growth",
            "rapid_virilization",
            "fatigue_or_weight_change",
            "heavy_periods",
            "fever_rash_or_joint_pain",  # v2
            NONE,
        ),
    ),
    ContractItem("hair_practices", "multi", ("tight_hairstyles", "pulling_or_twisting_hair", NONE)),
    ContractItem("hair_texture", "choice", ("straight", "wavy", "curly", "coily")),  # v2
    ContractItem("family_history", "choice", ("yes", "no", "unsure")),
    ContractItem(
        "medications",
        "multi",
        (
            "isotretinoin_or_retinoid",
            "anticoagulant",
            "beta_blocker",
            "antidepressant_or_mood_stabilizer",
            "antithyroid",
            "anticonvulsant",
            "testosterone_or_anabolic_steroid",
            "hormonal_contraception",
            "chemotherapy",
            "blood_pressure_medication",
            "potassium_raising",  # v2
            "breast_cancer_hormone_therapy",  # v2
            NONE,
        ),
    ),
    ContractItem(
        "conditions",
        "multi",
        (
            "heart_disease",
            "low_blood_pressure",
            "liver_disease",
            "kidney_disease",
            "prostate_cancer_or_psa_monitoring",
            "depression",
            "bleeding_disorder",
            "keloid_scarring",
            "thyroid_disease",
            "iron_deficiency",
            "pcos",
            "breast_cancer",  # v2
            "high_potassium",  # v2
            NONE,
        ),
    ),
    ContractItem("current_treatments", "months_by_treatment", minimum=0, maximum=600),
    ContractItem("tried_before", "outcome_by_treatment", ("helped", "no_benefit", "side_effects")),
    ContractItem(
        "open_to",
        "multi",
        ("pills", "topicals", "home_devices", "in_office_procedures", "experimental_treatments"),
    ),
    ContractItem("monthly_budget_usd", "integer", minimum=0, maximum=100_000),
    ContractItem(
        "expectation", "choice", ("stop_loss", "some_regrowth", "full_regrowth", "unsure")
    ),
    ContractItem("accepts_preliminary_evidence", "boolean"),
    ContractItem("discussed_regulation_with_clinician", "boolean"),
)

ITEMS_BY_ID: Final = {item.id: item for item in ITEMS}

TREATMENT_IDS: Final = (
    "topical_minoxidil",
    "oral_minoxidil",
    "finasteride",
    "topical_finasteride",
    "dutasteride",
    "spironolactone",
    "ketoconazole_shampoo",
    "microneedling",
    "low_level_laser",
    "prp",
    "exosomes",
    "hair_transplant",
)
#: The contract names these two: exosomes follow its six criteria and come after PRP.
EXOSOMES: Final = "exosomes"
PRP: Final = "prp"

CONDITION_IDS: Final = (
    "androgenetic_alopecia",
    "telogen_effluvium",
    "alopecia_areata",
    "traction_alopecia",
    "scarring_alopecia",
    "tinea_capitis",
    "trichotillomania",
    "drug_induced_hair_loss",
    "hormonal_hair_loss",
)

#: Red flags the product brief requires the data to hold (more are welcome).
REQUIRED_RED_FLAG_IDS: Final = (
    "scarring_signs",
    "sudden_or_patchy_loss",
    "under_18",
    "androgen_excess_signs",
    "rapid_virilization",
    "systemic_symptoms",
    "prolonged_shedding",
)

Tier = Literal["first_line", "second_line", "adjunct", "in_office", "experimental"]
Status = Literal["recommended", "consider", "not_now", "avoid"]
Certainty = Literal["high", "moderate", "low", "very_low"]
#: The contract's regulatory values, plus ``medical_procedure`` for things FDA does not approve
#: as products at all (a surgical technique such as hair transplantation).
Regulatory = Literal[
    "fda_approved",
    "fda_cleared_device",
    "off_label",
    "medical_procedure",
    "not_approved",
    "unapproved_with_fda_warnings",
]
Urgency = Literal["routine", "soon", "urgent"]
Route = Literal["online_plan", "in_person"]
Likelihood = Literal["likely", "possible"]

#: Regulatory standing, strongest first (the order the ranking uses).
REGULATORY_STANDING: Final[tuple[Regulatory, ...]] = get_args(Regulatory)
TIERS: Final[tuple[Tier, ...]] = (
    "first_line",
    "second_line",
    "adjunct",
    "in_office",
    "experimental",
)
STATUSES: Final[tuple[Status, ...]] = ("recommended", "consider", "not_now", "avoid")
CERTAINTIES: Final[tuple[Certainty, ...]] = ("high", "moderate", "low", "very_low")
URGENCIES: Final[tuple[Urgency, ...]] = ("routine", "soon", "urgent")
