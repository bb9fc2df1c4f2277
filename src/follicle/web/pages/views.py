"""Public pages, all rendered from the knowledge data: treatments, comparison, costs,
articles and references. Nothing here is personal; nothing here writes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from follicle import labels
from follicle.engine import project_cost
from follicle.knowledge import default_knowledge
from follicle.web.charts import CostRow, cost_chart, legend
from follicle.web.page_notes import KEY, PageNotes
from follicle.web.pages import calculator
from follicle.web.pages.article_render import render_article
from follicle.web.pages.citations import citing
from follicle.web.pages.comparison import compare as compare_rows
from follicle.web.pages.forms import CostForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    return render(
        request,
        "follicle/pages/home.html",
        {"treatments": knowledge.treatments.values(), "byline": knowledge.about.site_pages},
    )


@require_GET
def treatments(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    groups = labels.by_tier(knowledge.treatments.values(), lambda t: t.default_tier)
    return render(
        request,
        "follicle/pages/treatments.html",
        {"groups": groups, "byline": knowledge.about.site_pages},
    )


@require_GET
def treatment(request: HttpRequest, treatment_id: str) -> HttpResponse:
    knowledge = default_knowledge()
    found = knowledge.treatments.get(treatment_id)
    if found is None:
        raise Http404("No such treatment")
    articles = [a for a in knowledge.articles.values() if treatment_id in a.treatments]
    others = [t for t in knowledge.treatments.values() if t.id != treatment_id]
    projection, cost_note = project_cost(found)
    return render(
        request,
        "follicle/pages/treatment.html",
        {
            "t": found,
            "byline": found.authorship,
            "articles": articles,
            "others": others,
            "cost_rows": projection.by_horizon() if projection else (),
            "cost_note": cost_note,
            "clinic": knowledge.clinic_questions,
            "clinic_questions": knowledge.clinic_questions.for_treatments([found.id]),
        },
    )


@require_GET
def compare(request: HttpRequest, first: str, second: str) -> HttpResponse:
    knowledge = default_knowledge()
    a, b = knowledge.treatments.get(first), knowledge.treatments.get(second)
    if a is None or b is None or a.id == b.id:
        raise Http404("Choose two different treatments")
    return render(
        request,
        "follicle/pages/compare.html",
        {
            "a": a,
            "b": b,
            "byline": knowledge.about.site_pages,
            "rows": compare_rows(a, b),
            "clinic": knowledge.clinic_questions,
            # Shown when either side is sold in a clinic (exosomes, PRP): one list for both.
            "clinic_questions": knowledge.clinic_questions.for_treatments([a.id, b.id]),
        },
    )


@require_GET
def costs(request: HttpRequest) -> HttpResponse:
    """Choose a treatment and its numbers fill the form; change any and the estimate is yours."""
    knowledge = default_knowledge()
    form = CostForm(request.GET or None)
    context: dict[str, object] = {"form": form, "byline": knowledge.about.site_pages}
    if not (form.is_bound and form.is_valid()):
        return render(
            request, "follicle/pages/costs.html", context, status=422 if form.is_bound else 200
        )
    found = calculator.estimate(
        form.cleaned_data, knowledge, starts_from_treatment=form.starts_from_treatment()
    )
    if isinstance(found, calculator.Gap):
        context.update({"gap": found.reason, "name": found.name})
        return render(request, "follicle/pages/costs.html", context)
    if found.prefill is not None:
        context["form"] = CostForm(initial=found.prefill)
    name = found.name
    context.update(
        {
            "name": name,
            "rows": found.rows,
            "assumptions": found.notes,
            "treatment": found.treatment,
            "chart": cost_chart(
                [CostRow(name, found.spans)], f"Estimated cost of {name} over time"
            ),
            "legend": legend(tuple(y for y, _, _ in found.spans)),
        }
    )
    return render(request, "follicle/pages/costs.html", context)


@require_GET
def articles(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    return render(
        request,
        "follicle/pages/articles.html",
        {"articles": knowledge.articles.values(), "byline": knowledge.about.site_pages},
    )


@require_GET
def article(request: HttpRequest, slug: str) -> HttpResponse:
    knowledge = default_knowledge()
    found = knowledge.articles.get(slug)
    if found is None:
        raise Http404("No such article")
    related = [knowledge.articles[s] for s in found.related if s in knowledge.articles]
    key_references = [knowledge.references[r] for r in found.key_references]
    notes = PageNotes()  # shared by the Markdown and the template, explained at the page's end
    return render(
        request,
        "follicle/pages/article.html",
        {
            KEY: notes,
            "article": found,
            "byline": found.authorship,
            "body": render_article(found, knowledge, notes),
            "related": related,
            "key_references": key_references,
            "treatments": [knowledge.treatments[t] for t in found.treatments],
        },
    )


@require_GET
def references(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    index = citing(knowledge)
    entries = sorted(
        knowledge.references.values(), key=lambda r: (r.authors[0].lower(), r.year, r.id)
    )
    return render(
        request,
        "follicle/pages/references.html",
        {
            "entries": [(r, index.get(r.id, ())) for r in entries],
            "byline": knowledge.about.site_pages,
        },
    )


@require_GET
def about_evidence(request: HttpRequest) -> HttpResponse:
    """How statements are checked, what unverified means, what the versions are and how
    changes to the evidence are handled: the explanations public pages no longer carry."""
    return render(
        request,
        "follicle/pages/about_evidence.html",
        {"byline": default_knowledge().about.site_pages},
    )
