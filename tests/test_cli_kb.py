"""``follicle kb export|show|summary`` and ``python -m follicle`` behave as documented."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from follicle.cli import main
from follicle.commands.kb import statement_counts
from follicle.knowledge import Knowledge


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "follicle", *args], capture_output=True, text=True, check=False
    )


def test_export_holds_every_kind_of_entry_and_the_version(knowledge: Knowledge) -> None:
    out = io.StringIO()
    assert main(["kb", "export", "--json"], out=out, err=io.StringIO()) == 0
    document = json.loads(out.getvalue())
    assert document["knowledge_version"] == knowledge.version
    assert len(document["treatments"]) == len(knowledge.treatments) >= 12
    assert [c["id"] for c in document["conditions"]] == list(knowledge.conditions)
    assert {f["id"] for f in document["red_flags"]} >= {"scarring_signs", "rapid_virilization"}
    assert document["questionnaire"]["steps"]
    assert len(document["references"]) == len(knowledge.references)


def test_export_version_is_the_same_in_two_separate_runs() -> None:
    first = json.loads(_run("kb", "export", "--json").stdout)["knowledge_version"]
    second = json.loads(_run("kb", "export", "--json").stdout)["knowledge_version"]
    assert first == second


def test_show_prints_one_entry_with_its_kind() -> None:
    result = _run("kb", "show", "finasteride")
    assert result.returncode == 0
    entry = json.loads(result.stdout)
    assert entry["kind"] == "treatments"
    assert entry["regulatory"]["us_status"] == "fda_approved"


def test_show_reaches_an_article_that_shares_a_treatments_id() -> None:
    result = _run("kb", "show", "articles/finasteride")
    assert result.returncode == 0
    entry = json.loads(result.stdout)
    assert entry["kind"] == "articles" and entry["slug"] == "finasteride"
    assert _run("kb", "show", "checks/finasteride").returncode == 2


def test_show_an_unknown_id_exits_2() -> None:
    result = _run("kb", "show", "unicorn_tears")
    assert result.returncode == 2
    assert "no entry" in result.stderr


def test_check_passes_on_the_real_data() -> None:
    result = _run("kb", "check")
    assert result.returncode == 0, result.stderr
    assert "knowledge data OK" in result.stdout


def test_check_prints_how_many_statements_are_unverified_or_rest_on_secondary_sources(
    knowledge: Knowledge,
) -> None:
    counts = statement_counts(knowledge)
    out = io.StringIO()
    assert main(["kb", "check"], out=out, err=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert f"{counts.total} statements" in lines
    assert f"{counts.unverified} statements marked unverified" in lines
    assert f"{counts.secondary_only} statements supported only by secondary sources" in lines
    assert 0 < counts.secondary_only < counts.total and 0 < counts.unverified < counts.total


def test_check_counts_the_references_whose_incomplete_details_are_excused(
    knowledge: Knowledge,
) -> None:
    refs = list(knowledge.references.values())
    excepted = [r for r in refs if r.metadata_exception is not None]
    out = io.StringIO()
    assert main(["kb", "check"], out=out, err=io.StringIO()) == 0
    assert f"{len(refs)} references, {len(excepted)} with a stated metadata exception" in (
        out.getvalue().splitlines()
    )
    assert 0 < len(excepted) < len(refs)


def test_the_readme_quotes_the_reference_exception_count(knowledge: Knowledge) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"(\d+) references, (\d+) of them with a stated reason", readme)
    assert quoted, "the README's reference line is missing"
    refs = list(knowledge.references.values())
    excepted = sum(1 for r in refs if r.metadata_exception is not None)
    assert tuple(map(int, quoted.groups())) == (len(refs), excepted)


def test_the_readme_quotes_the_counts_kb_check_computes(knowledge: Knowledge) -> None:
    """The README states the two numbers issue 9 asks for; they must not drift from the data."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    quoted = re.search(
        r"Knowledge data today: (\d+) statements, (\d+) marked unverified, (\d+) supported only"
        r"\s+by secondary\s+sources",
        readme,
    )
    assert quoted, "the README's knowledge-data line is missing"
    counts = statement_counts(knowledge)
    assert tuple(map(int, quoted.groups())) == (
        counts.total,
        counts.unverified,
        counts.secondary_only,
    ), "update the README line to what `follicle kb check` prints"
