"""Public pages, all rendered from the knowledge data: treatments, comparison, costs,
articles and references. Nothing here is personal; nothing here writes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from follicle.engine.rules.costs import HORIZONS, CostPlan, plan_for, project_cost
from follicle.knowledge import default_knowledge
from follicle.knowledge.contract import TIERS
from follicle.web.charts import CostRow, cost_chart, legend
from follicle.web.pages import calculator
from follicle.web.pages.article_render import render_article
from follicle.web.pages.citations import citing
from follicle.web.pages.comparison import compare as compare_rows
from follicle.web.pages.forms import CostForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    return render(
        request, "follicle/pages/home.html", {"treatments": knowledge.treatments.values()}
    )


@require_GET
def treatments(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    groups = [
        (tier, [t for t in knowledge.treatments.values() if t.default_tier == tier])
        for tier in TIERS
    ]
    return render(
        request, "follicle/pages/treatments.html", {"groups": [g for g in groups if g[1]]}
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
            "articles": articles,
            "others": others,
            "cost_rows": projection.by_horizon() if projection else (),
            "cost_note": cost_note,
        },
    )


@require_GET
def compare(request: HttpRequest, first: str, second: str) -> HttpResponse:
    knowledge = default_knowledge()
    a, b = knowledge.treatments.get(first), knowledge.treatments.get(second)
    if a is None or b is None or a.id == b.id:
        raise Http404("Choose two different treatments")
    return render(
        request, "follicle/pages/compare.html", {"a": a, "b": b, "rows": compare_rows(a, b)}
    )


@require_GET
def costs(request: HttpRequest) -> HttpResponse:
    """Choose a treatment and its numbers fill the form; change any and the estimate is yours."""
    knowledge = default_knowledge()
    form = CostForm(request.GET or None)
    context: dict[str, object] = {"form": form}
    if not (form.is_bound and form.is_valid()):
        return render(
            request, "follicle/pages/costs.html", context, status=422 if form.is_bound else 200
        )
    data = form.cleaned_data
    years = data.get("years") or 5
    chosen = knowledge.treatments.get(data.get("treatment") or "")
    notes: list[str] = []
    plan: CostPlan | None = None  # set when the estimate is the treatment's own, from the data
    if chosen is not None:
        own, gap, notes = plan_for(chosen)
        if own is None:
            context.update({"gap": gap, "name": chosen.name})
            return render(request, "follicle/pages/costs.html", context)
        if form.starts_from_treatment():
            context["form"] = CostForm(initial=calculator.form_values(own, chosen, years))
            plan = own
        elif calculator.same_numbers(own, calculator.plan_from_form(data)):
            plan = own
    from_data = plan is not None
    if plan is None:
        plan = calculator.plan_from_form(data)
        name = f"{chosen.name}, with your numbers" if chosen is not None else "Your numbers"
        notes = calculator.own_numbers_notes(plan)
    else:
        assert chosen is not None
        name = chosen.name
    rows = calculator.year_rows(plan, years)
    spans = tuple(
        (r.year, *r.so_far)
        for r in rows
        if r.so_far is not None and (r.year in HORIZONS or r.year == years)
    )
    context.update(
        {
            "name": name,
            "rows": rows,
            "years": years,
            "assumptions": notes,
            "treatment": chosen if from_data else None,
            "chart": cost_chart([CostRow(name, spans)], f"Estimated cost of {name} over time"),
            "legend": legend(tuple(y for y, _, _ in spans)),
        }
    )
    return render(request, "follicle/pages/costs.html", context)


@require_GET
def articles(request: HttpRequest) -> HttpResponse:
    return render(
        request, "follicle/pages/articles.html", {"articles": default_knowledge().articles.values()}
    )


@require_GET
def article(request: HttpRequest, slug: str) -> HttpResponse:
    knowledge = default_knowledge()
    found = knowledge.articles.get(slug)
    if found is None:
        raise Http404("No such article")
    related = [knowledge.articles[s] for s in found.related if s in knowledge.articles]
    key_references = [knowledge.references[r] for r in found.key_references]
    return render(
        request,
        "follicle/pages/article.html",
        {
            "article": found,
            "body": render_article(found, knowledge),
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
        {"entries": [(r, index.get(r.id, ())) for r in entries]},
    )
