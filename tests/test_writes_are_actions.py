"""Every write is an action: a scan of the source finds model writes only in each app's
``actions`` module, the models themselves and migrations (and the bench's own fixture maker),
and session changes only in the named session helpers.

The scan reads the syntax, not the types, so it looks for what writes look like here:
``X.objects....save/create/update/delete/bulk_*/..._or_create/create_user(...)`` anywhere in a
call chain, any ``.save()`` or ``.delete()``, and any assignment, ``del``, ``pop`` ... on a
``.session``. A write that hides behind a helper returning a queryset is not seen; the
allowed places are few enough to read.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "follicle"

#: Manager and queryset methods that write.
QUERY_WRITES = {
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "create_user",
    "create_superuser",
}
#: Instance methods that write, whatever the receiver.
INSTANCE_WRITES = {"save", "delete"}
#: What changes a session.
SESSION_WRITES = {"pop", "setdefault", "update", "clear", "flush", "cycle_key", "save"}

#: The bench fills a throwaway database on purpose; the app never imports it.
MODEL_WRITERS_OUTSIDE_APPS = {"bench_support.py"}
#: Where a session may be changed: the named markers, the answers' actions, the timeout (and
#: the bench's test client).
SESSION_WRITERS = {
    "web/session_markers.py",
    "web/assessment/actions.py",
    "web/middleware.py",
    "bench_support.py",
}


def _chain(node: ast.AST) -> list[str]:
    """The names along a call chain, outermost last: ``a.b(c).d`` gives ``["d", "b", "a"]``."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            if isinstance(node, ast.Name):
                names.append(node.id)
            return names


def model_writes(source: str) -> list[int]:
    """Line numbers of calls that write model rows."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, _chain(node.func.value)
        if "session" in receiver[:1]:
            continue  # sessions are checked on their own
        if (method in QUERY_WRITES and "objects" in receiver) or method in INSTANCE_WRITES:
            lines.append(node.lineno)
    return sorted(lines)


def _is_session(node: ast.AST) -> bool:
    names = _chain(node)
    return bool(names) and names[0] == "session"


def session_writes(source: str) -> list[int]:
    """Line numbers that change a ``.session``: item assignment or deletion, or a method."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        lines += [
            t.lineno for t in targets if isinstance(t, ast.Subscript) and _is_session(t.value)
        ]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SESSION_WRITES
            and _is_session(node.func.value)
        ):
            lines.append(node.lineno)
    return sorted(lines)


def _may_write_models(path: Path) -> bool:
    relative = path.relative_to(SRC)
    return (
        path.name in {"actions.py", "models.py"}
        or "migrations" in relative.parts
        or str(relative) in MODEL_WRITERS_OUTSIDE_APPS
    )


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_model_writes_are_only_in_actions_models_and_migrations() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}"
        for path in _sources()
        if not _may_write_models(path)
        for line in model_writes(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "write through an app's actions module instead"


def test_the_session_is_changed_only_by_named_helpers() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}"
        for path in _sources()
        if str(path.relative_to(SRC)) not in SESSION_WRITERS
        for line in session_writes(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "use (or add) a helper in web/session_markers.py"


def test_the_scan_finds_the_writes_it_is_meant_to_find() -> None:
    planted = """
Case.objects.filter(id=1).update(status="x")
Case.objects.create(note="")
User.objects.create_user(email="e")
case.save(update_fields=["note"])
Case.objects.filter(id=1).first().delete()
Case.objects.bulk_create([])
context.update({"a": 1})
digest.update(b"x")
request.session.save()
"""
    assert model_writes(planted) == [2, 3, 4, 5, 6, 7]
    planted_session = """
request.session["k"] = 1
del request.session["k"]
request.session.pop("k", None)
self.request.session.cycle_key()
session["k"] = 2
value = request.session.get("k")
answers["k"] = 3
"""
    assert session_writes(planted_session) == [2, 3, 4, 5, 6]


def test_the_bench_helper_is_outside_the_apps_and_the_app_never_imports_it() -> None:
    assert not (SRC / "web" / "reviews" / "bulk.py").exists()
    for path in (SRC / "web").rglob("*.py"):
        assert "bench_support" not in path.read_text(encoding="utf-8"), path
