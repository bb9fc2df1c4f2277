"""The checker reports every planted error at once, each with its file and field."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from follicle.cli import main
from follicle.knowledge import KnowledgeInvalid, check_knowledge, load_knowledge


def _plant_five_errors(edit: Callable[[str, str, str], None]) -> None:
    # 1. an unknown reference
    edit(
        "treatments/finasteride.yaml", "citations: [kaufman-1998", "citations: [no-such-paper-2099"
    )
    # 2. a duplicate id
    edit("checks.yaml", "- id: full_blood_count", "- id: ferritin")
    # 3. a cost with its source removed
    edit(
        "treatments/prp.yaml",
        "    high: 2000\n    unit: session\n    citations: [price-prp-pages]\n",
        "    high: 2000\n    unit: session\n",
    )
    # 4. a bad code in a contraindication
    edit("treatments/oral_minoxidil.yaml", "in: [heart_disease]", "in: [heart_trouble]")
    # 5. a questionnaire item the contract requires but the data lacks
    edit("questionnaire.yaml", "      - id: family_history\n", "      - id: family_background\n")


def test_it_reports_every_planted_error_at_once_with_file_and_field(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    _plant_five_errors(edit)
    _, problems = check_knowledge(knowledge_copy)
    found = {(p.file, p.field, p.message) for p in problems}

    def has(file: str, field_part: str, message_part: str) -> bool:
        return any(f == file and field_part in fld and message_part in m for f, fld, m in found)

    assert has("treatments/finasteride.yaml", "citations", "unknown reference 'no-such-paper-2099'")
    assert has("checks.yaml", "ferritin", "used 2 times")
    assert has("treatments/prp.yaml", "costs[0].citations", "Field required")
    assert has(
        "treatments/oral_minoxidil.yaml", "contraindications", "unknown code 'heart_trouble'"
    )
    assert has("questionnaire.yaml", "family_history", "the contract requires this item")


def test_the_cli_exits_1_and_lists_every_problem(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    _plant_five_errors(edit)
    monkeypatch.setenv("FOLLICLE_KNOWLEDGE_DIR", str(knowledge_copy))
    out, err = io.StringIO(), io.StringIO()
    assert main(["kb", "check"], out=out, err=err) == 1
    lines = err.getvalue().splitlines()
    for file in (
        "finasteride.yaml",
        "checks.yaml",
        "prp.yaml",
        "oral_minoxidil.yaml",
        "questionnaire.yaml",
    ):
        assert any(file in line for line in lines), file
    assert lines[-1].endswith("problem(s) found.")


def test_loading_invalid_data_raises_with_every_problem(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    _plant_five_errors(edit)
    with pytest.raises(KnowledgeInvalid) as raised:
        load_knowledge(knowledge_copy)
    assert len(raised.value.problems) >= 5


def test_an_unknown_key_is_an_error_not_ignored(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/dutasteride.yaml", "\nname:", "\nnmae: Typo\nname:")
    _, problems = check_knowledge(knowledge_copy)
    assert any(p.file == "treatments/dutasteride.yaml" and "nmae" in p.field for p in problems)


def test_a_key_given_twice_is_an_error(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/dutasteride.yaml", "\nname:", "\nsummary: again\nname:")
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.file == "treatments/dutasteride.yaml" and "appears twice" in p.message for p in problems
    )


def test_a_missing_contract_treatment_is_reported(knowledge_copy: Path) -> None:
    (knowledge_copy / "treatments" / "ketoconazole_shampoo.yaml").unlink()
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.field == "ketoconazole_shampoo" and "contract requires" in p.message for p in problems
    )


def test_skip_logic_may_not_look_ahead(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "questionnaire.yaml",
        "enable_when: {item: sex, in: [female]}",
        "enable_when: {item: expectation, in: [unsure]}",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert any("not yet asked" in p.message and p.field.startswith("pregnancy") for p in problems)


def test_the_version_changes_when_a_fact_changes(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    before = load_knowledge(knowledge_copy).version
    edit("treatments/finasteride.yaml", "name:", "name: ")
    assert load_knowledge(knowledge_copy).version != before


def test_a_fact_resting_only_on_an_unconfirmed_source_must_be_stored_as_unverified(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """The price pages are rough guides (content_confirmed: false); a cost citing only them but
    claiming to be verified is refused, so no page shows a rough price as a checked one."""
    edit(
        "treatments/finasteride.yaml",
        "    citations: [price-survey-telehealth-pages]\n    verified: false\n",
        "    citations: [price-survey-telehealth-pages]\n    verified: true\n",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert [(p.file, p.field) for p in problems] == [("treatments/finasteride.yaml", "costs[0]")]
    assert "no source it cites was confirmed" in problems[0].message


def test_treatment_links_must_exist_and_must_not_loop(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """A typo in ``follows`` would silently keep a second-line option closed; a loop in
    ``ranks_after`` would leave the ranking without an order."""
    edit("treatments/dutasteride.yaml", "follows: [finasteride]", "follows: [finasterid]")
    edit("treatments/prp.yaml", "\nplacements:", "\nranks_after: [exosomes]\n\nplacements:")
    _, problems = check_knowledge(knowledge_copy)
    found = {(p.file, p.field, p.message) for p in problems}
    assert ("treatments/dutasteride.yaml", "follows[0]", "unknown treatment 'finasterid'") in found
    loops = {p.file for p in problems if p.message == "ranks_after makes a loop"}
    assert loops == {"treatments/prp.yaml", "treatments/exosomes.yaml"}


def test_triage_links_and_waiting_rules_are_checked(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """A red flag naming an unknown condition would never fire; a scalp-state rule that avoided
    for good, or a first choice for a condition the treatment does not treat, would be a slip."""
    edit(
        "red_flags.yaml",
        "condition: {id: trichotillomania,",
        "condition: {id: trichotilomania,",
    )
    edit(
        "treatments/topical_minoxidil.yaml",
        "    status: not_now\n    local: true\n",
        "    local: true\n",
    )
    edit(
        "treatments/ketoconazole_shampoo.yaml",
        "first_choice_for: [seborrhoeic_dermatitis]",
        "first_choice_for: [alopecia_areata]",
    )
    edit("red_flags.yaml", "  when: {item: other_symptoms, in: [fever_rash_or_joint_pain]}\n", "")
    _, problems = check_knowledge(knowledge_copy)
    found = {(p.file, p.field, p.message) for p in problems}

    def has(file: str, field_part: str, message_part: str) -> bool:
        return any(f == file and field_part in fld and message_part in m for f, fld, m in found)

    assert has("red_flags.yaml", "hair_pulling.condition.id", "unknown condition 'trichotilomania'")
    assert has("treatments/topical_minoxidil.yaml", "contraindications", "status not_now")
    assert has("treatments/ketoconazole_shampoo.yaml", "suitability", "not in treats")
    assert has("red_flags.yaml", "fever_rash_or_joint_pain", "needs `when`, `condition` or both")


# --- Sources: kinds, lay material and complete metadata (issue 9) -------------------------------

#: A clinical claim planted as dutasteride's first fact, citing only a news report.
_NEWS_ONLY_FACT = (
    "\nfacts:\n"
    "  - id: planted_claim\n"
    "    text: Dutasteride regrows hair within a month.\n"
    "    citations: [rogaine-otc-1996-report]\n"
)


def test_a_clinical_statement_resting_only_on_news_is_refused_at_its_field(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/dutasteride.yaml", "\nfacts:\n", _NEWS_ONLY_FACT)
    _, problems = check_knowledge(knowledge_copy)
    assert [(p.file, p.field) for p in problems] == [("treatments/dutasteride.yaml", "facts[0]")]
    assert "resting only on news, commercial or forum sources" in problems[0].message
    assert "rogaine-otc-1996-report" in problems[0].message


def test_the_same_statement_passes_when_it_is_marked_as_what_clinics_say(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/dutasteride.yaml",
        "\nfacts:\n",
        _NEWS_ONLY_FACT + "    reports: clinic_claims\n",
    )
    assert check_knowledge(knowledge_copy)[1] == []


def test_the_same_statement_passes_when_a_primary_source_is_cited_beside_the_news(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/dutasteride.yaml",
        "\nfacts:\n",
        _NEWS_ONLY_FACT.replace(
            "[rogaine-otc-1996-report]", "[rogaine-otc-1996-report, gupta-2022]"
        ),
    )
    assert check_knowledge(knowledge_copy)[1] == []


def test_a_price_may_rest_on_news_alone(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/finasteride.yaml",
        "    citations: [price-survey-telehealth-pages]\n    verified: false\n",
        "    citations: [rogaine-otc-1996-report]\n    verified: false\n",
    )
    assert check_knowledge(knowledge_copy)[1] == []


def test_a_regulatory_event_known_only_from_news_must_be_stored_as_unverified(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/finasteride.yaml",
        "      summary: FDA declined to take finasteride off the market.\n"
        "      citations: [fdanews-propecia-2022]\n      verified: false\n",
        "      summary: FDA declined to take finasteride off the market.\n"
        "      citations: [fdanews-propecia-2022]\n",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert [(p.file, p.field) for p in problems] == [
        ("treatments/finasteride.yaml", "regulatory.actions[2]")
    ]
    assert "regulatory event known only from news" in problems[0].message


def test_a_contraindication_on_lay_sources_alone_must_be_stored_as_unverified(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/microneedling.yaml",
        "    citations: [microneedling-contraindications-spa-page]\n    verified: false\n"
        "    verification_note: From spa and clinic lists only; no medical guideline was retrieved.",
        "    citations: [microneedling-contraindications-spa-page]",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert [(p.file, p.field) for p in problems] == [
        ("treatments/microneedling.yaml", "contraindications[2]")
    ]
    assert "contraindication resting only on news, commercial or forum" in problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  authors: [Dhurat R, Sukesh MS, Avhad G, Dandale A, Pal A, Pund P]",
            "  authors: [Authors not captured]",
            "authors holds a placeholder ('Authors not captured')",
        ),
        (
            '  details: "5(1):6-11"\n  doi: 10.4103/0974-7753.114700\n  pmcid: PMC3746236\n'
            '  pmid: "23960389"\n',
            "  url: https://pmc.ncbi.nlm.nih.gov/articles/PMC3746236/\n",
            "a trial needs a doi, pmid or pmcid",
        ),
    ],
    ids=["placeholder-authors", "trial-without-identifier"],
)
def test_incomplete_reference_metadata_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], old: str, new: str, message: str
) -> None:
    edit("references/core.yaml", old, new)
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.file == "references/core.yaml"
        and p.field.startswith("dhurat-2013")
        and message in p.message
        for p in problems
    ), problems


def test_a_reference_nothing_cites_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/primary.yaml",
        "- id: rezende-2018\n",
        "- id: planted-uncited-2020\n"
        "  kind: review\n"
        "  authors: [Doe J]\n"
        "  year: 2020\n"
        '  title: "An uncited review"\n'
        "  published_in: Journal of Examples\n"
        '  details: "1(1):1-2"\n'
        "  doi: 10.1000/example\n"
        "  supports: Nothing on any page.\n\n"
        "- id: rezende-2018\n",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert [(p.field, p.message) for p in problems] == [
        ("planted-uncited-2020", "cited nowhere; cite it where it supports something, or remove it")
    ]


@pytest.mark.parametrize(
    ("identifier", "name", "original"),
    [
        ("  doi: 10.2147/CCID.S100816\n", "doi", "herskovitz-2016"),
        ('  pmid: "30783332"\n', "pmid", "rezende-2018"),
        ("  pmcid: PMC4993262\n", "pmcid", "herskovitz-2016"),
    ],
)
def test_two_references_to_one_paper_are_refused(
    knowledge_copy: Path,
    edit: Callable[[str, str, str], None],
    identifier: str,
    name: str,
    original: str,
) -> None:
    """The same DOI, PMID or PMC id under two ids (as ccca-review-2016 and herskovitz-2016
    once were) is one paper recorded twice."""
    edit(
        "references/primary.yaml",
        "- id: rezende-2018\n",
        "- id: planted-copy-2016\n"
        "  kind: review\n"
        "  authors: [Doe J]\n"
        "  year: 2016\n"
        '  title: "The same paper again"\n'
        "  published_in: Journal of Examples\n"
        '  details: "1(1):1-2"\n'
        f"{identifier}"
        # a PMC id alone does not complete a journal article's metadata
        + ("  doi: 10.1000/planted-copy\n" if name == "pmcid" else "")
        + "  supports: A second record of a paper already listed.\n\n"
        "- id: rezende-2018\n",
    )
    edit(
        "topics.yaml",
        "citations: [herskovitz-2016]",
        "citations: [herskovitz-2016, planted-copy-2016]",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert {(p.file, p.field) for p in problems} == {
        ("references/", "planted-copy-2016"),
        ("references/", original),
    }
    assert all(f"the same {name}" in p.message for p in problems)


def test_a_news_report_must_be_marked_secondary(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/primary.yaml",
        "  url: https://www.ajc.com/lifestyles/health/propecia-proscar-new-sexual-dysfunction-warnings/7xL2g2JOI5WKxGs5vEvQPP\n  secondary: true\n",
        "  url: https://www.ajc.com/lifestyles/health/propecia-proscar-new-sexual-dysfunction-warnings/7xL2g2JOI5WKxGs5vEvQPP\n",
    )
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.file == "references/primary.yaml" and p.field.startswith("webmd-finasteride-labels-2012")
        for p in problems
    ), problems


def test_the_counts_move_by_one_for_one_unverified_statement_on_a_secondary_source(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """``kb check`` counts statements: one more fact, stored unverified and citing only a
    secondary source, adds one to each count."""
    from follicle.commands.kb import statement_counts

    before = statement_counts(load_knowledge(knowledge_copy))
    edit(
        "treatments/dutasteride.yaml",
        "\nfacts:\n",
        _NEWS_ONLY_FACT
        + "    reports: clinic_claims\n    verified: false\n    verification_note: Planted.\n",
    )
    after = statement_counts(load_knowledge(knowledge_copy))
    assert (after.total, after.unverified, after.secondary_only) == (
        before.total + 1,
        before.unverified + 1,
        before.secondary_only + 1,
    )


@pytest.mark.parametrize(
    "line",
    [
        "  authors: [Dhurat R, Sukesh MS, Avhad G, Dandale A, Pal A, Pund P]\n",
        "  year: 2013\n",
        '  title: "A randomized evaluator blinded study of effect of microneedling in '
        'androgenetic alopecia: a pilot study"\n',
        "  published_in: International Journal of Trichology\n",
    ],
    ids=["authors", "year", "title", "venue"],
)
def test_a_reference_missing_its_authors_year_title_or_venue_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], line: str
) -> None:
    edit("references/core.yaml", line, "")
    _, problems = check_knowledge(knowledge_copy)
    name = line.split(":", maxsplit=1)[0].strip()
    assert any(
        p.file == "references/core.yaml"
        and p.field == f"dhurat-2013.{name}"
        and "Field required" in p.message
        for p in problems
    ), problems


_REZENDE_IDS = '  doi: 10.4103/ijt.ijt_61_18\n  pmid: "30783332"\n  pmcid: PMC6369643\n'
_EXOSOME_NOTICE_DATE = '  dated: "2019-12-06"\n'
_INCOMPLETE = "incomplete metadata: lacks"


def _reference_problems(knowledge_copy: Path) -> list[tuple[str, str]]:
    _, problems = check_knowledge(knowledge_copy)
    return [(p.field, p.message) for p in problems]


@pytest.mark.parametrize(
    "identifiers",
    ["  url: https://example.org/rezende\n", "  pmcid: PMC6369643\n"],
    ids=["no-identifier", "pmc-id-only"],
)
def test_a_journal_article_without_a_pmid_or_doi_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], identifiers: str
) -> None:
    edit("references/primary.yaml", _REZENDE_IDS, identifiers)
    problems = _reference_problems(knowledge_copy)
    assert len(problems) == 1
    field, message = problems[0]
    assert field == "rezende-2018"
    assert _INCOMPLETE in message and "a PMID or DOI" in message
    assert "volume" not in message


def test_a_journal_article_without_its_volume_and_pages_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("references/primary.yaml", '  details: "10(6):255-261"\n', "")
    problems = _reference_problems(knowledge_copy)
    assert len(problems) == 1
    field, message = problems[0]
    assert field == "rezende-2018"
    assert "volume and pages (or an electronic article number)" in message


def test_marking_a_journal_article_unverified_no_longer_excuses_a_missing_identifier(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """The old escape (verified: false with a note) is silent on the page's citation; only a
    stated metadata_exception lets an incomplete reference through."""
    edit(
        "references/primary.yaml",
        _REZENDE_IDS,
        "  url: https://example.org/rezende\n  verified: false\n",
    )
    assert [field for field, _ in _reference_problems(knowledge_copy)] == ["rezende-2018"]


def test_a_guideline_printed_in_a_journal_needs_a_pmid_or_doi_but_a_web_guideline_does_not(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    """Kanti 2018 gives a journal volume and pages, so it is a journal article; NHS Lothian's
    web guidance (in the real data, with no DOI or date) is not."""
    edit(
        "references/core.yaml",
        "  doi: 10.1111/jdv.14624\n",
        "  url: https://example.org/kanti\n",
    )
    problems = _reference_problems(knowledge_copy)
    assert [field for field, _ in problems] == ["kanti-2018"]
    assert "a PMID or DOI" in problems[0][1]


def test_a_regulator_document_without_its_own_date_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("references/core.yaml", _EXOSOME_NOTICE_DATE, "")
    problems = _reference_problems(knowledge_copy)
    assert len(problems) == 1
    field, message = problems[0]
    assert field == "fda-exosome-notification-2019"
    assert _INCOMPLETE in message and "the document's own date (dated)" in message


def test_a_label_without_its_own_date_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/core.yaml",
        '  dated: "2022-08"\n  supports: >-\n    Finasteride 1 mg',
        "  supports: >-\n    Finasteride 1 mg",
    )
    fields = [field for field, _ in _reference_problems(knowledge_copy)]
    assert fields == ["finasteride-label"]


def test_an_author_list_cut_short_with_et_al_is_incomplete(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/primary.yaml",
        "  authors: [Rezende HD, Dias MFRG, Trüeb RM]\n",
        "  authors: [Rezende HD, et al.]\n",
    )
    problems = _reference_problems(knowledge_copy)
    assert len(problems) == 1
    field, message = problems[0]
    assert field == "rezende-2018"
    assert "the full author list (it ends in 'et al.')" in message


def test_a_stated_exception_lets_an_incomplete_reference_pass(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/core.yaml",
        _EXOSOME_NOTICE_DATE,
        "  metadata_exception: Planted; the notice's date was not seen.\n",
    )
    assert _reference_problems(knowledge_copy) == []


def test_an_exception_on_a_complete_reference_is_refused_as_stale(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "references/core.yaml",
        _EXOSOME_NOTICE_DATE,
        _EXOSOME_NOTICE_DATE + "  metadata_exception: Planted; nothing is missing.\n",
    )
    problems = _reference_problems(knowledge_copy)
    assert len(problems) == 1
    field, message = problems[0]
    assert field == "fda-exosome-notification-2019"
    assert "metadata is complete: remove it" in message


@pytest.mark.parametrize(
    ("dated", "message"),
    [
        ('  dated: "2018-12-06"\n', "dated 2018-12-06 is not in year 2019"),
        ('  dated: "6 December 2019"\n', "String should match pattern"),
        ('  dated: "2019-13"\n', "String should match pattern"),
    ],
    ids=["another-year", "words", "no-such-month"],
)
def test_a_document_date_must_be_an_iso_date_in_the_reference_year(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], dated: str, message: str
) -> None:
    edit("references/core.yaml", _EXOSOME_NOTICE_DATE, dated)
    _, problems = check_knowledge(knowledge_copy)
    assert any(
        p.field.startswith("fda-exosome-notification-2019") and message in p.message
        for p in problems
    ), problems


def test_every_stated_exception_in_the_real_data_gives_a_reason_and_is_needed() -> None:
    """Exceptions are explicit: each names what is missing and why, and none sits on a
    reference that lacks nothing (the checker refuses those)."""
    knowledge = load_knowledge()
    for ref in knowledge.references.values():
        if ref.metadata_exception is not None:
            assert ref.missing_metadata, ref.id
            assert len(ref.metadata_exception.split()) >= 6, ref.id


# --- Articles' front matter (read by python-frontmatter with the strict YAML reader) ----------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("---\ntitle:", "title:", "needs YAML front matter between --- lines"),
        ("\n---\n## What minoxidil is", "\n## What minoxidil is", "needs YAML front matter"),
        ("---\ntitle:", "---\nsummary: twice\ntitle:", "front matter is not valid YAML"),
        ("---\ntitle:", "---\n- a list\n---\ntitle:", "front matter must be a mapping"),
    ],
    ids=["no opening line", "no closing line", "a duplicate key", "not a mapping"],
)
def test_an_article_with_broken_front_matter_is_named(
    knowledge_copy: Path, edit: Callable[[str, str, str], None], old: str, new: str, message: str
) -> None:
    edit("articles/minoxidil.md", old, new)
    _, problems = check_knowledge(knowledge_copy)
    assert any(p.file == "articles/minoxidil.md" and message in p.message for p in problems), [
        (p.file, p.message) for p in problems
    ]


def test_an_articles_body_starts_after_the_closing_line(knowledge_copy: Path) -> None:
    article = load_knowledge(knowledge_copy).articles["minoxidil"]
    assert article.body.startswith("## What minoxidil is\n")
    assert "key_references" not in article.body
