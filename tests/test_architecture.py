"""The knowledge and engine packages stay framework-free (no Django import, direct or indirect),
and imports go one way: knowledge, then the engine's layers, then its public API, then the rest."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "follicle"
PURE_PACKAGES = ("knowledge", "engine")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_packages_never_import_django_in_source(package: str) -> None:
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / package).rglob("*.py"))
        for name in _imports(path)
        if name == "django" or name.startswith("django.")
    ]
    assert offenders == []


def test_importing_the_engine_loads_no_django_module() -> None:
    code = (
        "import sys, follicle.engine, follicle.knowledge;"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_ast_scan_would_catch_a_django_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from django.conf import settings\nimport os\n", encoding="utf-8")
    assert "django.conf" in _imports(sample)


# --- import directions ---------------------------------------------------------------------------

#: The engine's layers, lowest first. A module imports engine modules of lower layers only, so
#: there is no cycle (``TYPE_CHECKING`` imports count too: the scan reads every import).
ENGINE_LAYERS: tuple[frozenset[str], ...] = (
    # plain values and data: answers, the trace, the result objects, wording, example answers
    frozenset({"answers", "trace", "result", "wording", "examples", "rules"}),
    # pure calculations made once per knowledge version
    frozenset({"predicates_eval", "costs", "standing", "weighing"}),
    # the knowledge with every predicate compiled and every data-only value made
    frozenset({"compiled"}),
    # the rules, and what reads the compiled questionnaire
    frozenset(
        {
            "validation",
            "generate",
            "rules.red_flags",
            "rules.likely_conditions",
            "rules.contributing_factors",
            "rules.exosomes",
            "rules.options",
        }
    ),
    frozenset({"rules.ranking"}),
    frozenset({"assessment", "early"}),
    # the public API
    frozenset({"__init__"}),
)
ENGINE = "follicle.engine"
#: What the engine may import from the rest of Follicle.
ENGINE_MAY_USE = ("follicle.knowledge", "follicle.money")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(("follicle", *parts))


def _follicle_imports(path: Path, known: set[str]) -> list[str]:
    """The Follicle modules ``path`` imports; ``from package import module`` names the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.startswith("follicle"))
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("follicle")
        ):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append(full if full in known else node.module)
    return found


def _engine_layer(module: str) -> int:
    short = module.removeprefix(f"{ENGINE}.") if module != ENGINE else "__init__"
    short = short.removesuffix(".__init__") if short != "__init__" else short
    for n, layer in enumerate(ENGINE_LAYERS):
        if short in layer:
            return n
    raise AssertionError(f"{module} is in no engine layer: add it to ENGINE_LAYERS")


def _all_modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(SRC.rglob("*.py")):
        name = _module_name(path)
        modules[name.removesuffix(".__init__")] = path
    return modules


def engine_layer_breaches(modules: dict[str, Path]) -> list[str]:
    known = set(modules)
    breaches = []
    for name, path in modules.items():
        if name != ENGINE and not name.startswith(f"{ENGINE}."):
            continue
        layer = _engine_layer(name)
        for target in _follicle_imports(path, known):
            if target == ENGINE or target.startswith(f"{ENGINE}."):
                if _engine_layer(target) >= layer:
                    breaches.append(f"{name} imports {target} (same or higher layer)")
            elif not target.startswith(ENGINE_MAY_USE):
                breaches.append(f"{name} imports {target} (outside the engine's dependencies)")
    return breaches


def public_api_breaches(modules: dict[str, Path]) -> list[str]:
    """Modules outside the engine that reach into it past ``follicle.engine``, and knowledge
    modules that import the engine or the web."""
    known = set(modules)
    breaches = []
    for name, path in modules.items():
        if name == ENGINE or name.startswith(f"{ENGINE}."):
            continue
        for target in _follicle_imports(path, known):
            if target.startswith(f"{ENGINE}."):
                breaches.append(f"{name} imports {target}, not the engine's public API")
            if name.startswith("follicle.knowledge") and target.startswith(
                (ENGINE, "follicle.web")
            ):
                breaches.append(f"{name} imports {target}: the knowledge is below the engine")
    return breaches


def test_engine_modules_import_only_lower_layers() -> None:
    assert engine_layer_breaches(_all_modules()) == []


def test_the_web_and_the_commands_use_only_the_engines_public_api() -> None:
    assert public_api_breaches(_all_modules()) == []


def test_every_name_the_public_api_lists_is_importable() -> None:
    import follicle.engine

    assert all(hasattr(follicle.engine, name) for name in follicle.engine.__all__)


def test_the_import_scans_would_catch_a_cycle_and_a_reach_past_the_api(tmp_path: Path) -> None:
    modules = _all_modules()
    planted = tmp_path / "ranking.py"
    planted.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from follicle.engine.rules.options import Draft\n",
        encoding="utf-8",
    )
    # compiled importing a rule (the old cycle), hidden behind TYPE_CHECKING
    assert engine_layer_breaches({**modules, f"{ENGINE}.compiled": planted}) == [
        f"{ENGINE}.compiled imports {ENGINE}.rules.options (same or higher layer)"
    ]
    reach = tmp_path / "view.py"
    reach.write_text("from follicle.engine.rules import options\n", encoding="utf-8")
    assert public_api_breaches({**modules, "follicle.web.planted": reach}) == [
        f"follicle.web.planted imports {ENGINE}.rules.options, not the engine's public API"
    ]
    web = tmp_path / "web.py"
    web.write_text("import follicle.web.urls\n", encoding="utf-8")
    assert engine_layer_breaches({**modules, f"{ENGINE}.costs": web}) == [
        f"{ENGINE}.costs imports follicle.web.urls (outside the engine's dependencies)"
    ]
