"""The layout's import rules, read from the source with ast (nothing is imported).

(a) No import cycle between the modules of one app at module level; nor through
imports inside functions, which run late but still tie two modules together.
(b) The apps import one way, at module level and inside functions: the core none,
each app only older ones (docs/architecture.md). Imports under ``if TYPE_CHECKING:``
never run.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = sorted(p.parent.name for p in ROOT.glob("*/apps.py"))

# The apps from oldest to newest (docs/architecture.md, "The map"): each may import
# only those before it, and none imports a newer one.
ORDNING = [
    "samverkan",
    "deltagare",
    "remisser",
    "rapporter",
    "styrelse",
    "enkater",
    "inlasning",
    "api",
    "paminnelser",
    "demo",
]
TILLATET = {app: set(ORDNING[:i]) for i, app in enumerate(ORDNING)}


def _moduler(app):
    """{dotted name: path} of every module of the app."""
    moduler = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        delar = path.relative_to(ROOT).with_suffix("").parts
        if delar[-1] == "__init__":
            delar = delar[:-1]
        moduler[".".join(delar)] = path
    return moduler


def _ar_type_checking(nod):
    test = nod.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _importer(path, namn, sena=False):
    """The dotted names a module imports when it is loaded, and with ``sena`` also
    those it imports inside its functions."""
    paket = namn if path.name == "__init__.py" else namn.rpartition(".")[0]
    hittade = []

    def besok(nod):
        for barn in ast.iter_child_nodes(nod):
            if not sena and isinstance(barn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if isinstance(barn, ast.If) and _ar_type_checking(barn):
                for gren in barn.orelse:
                    besok(ast.Module(body=[gren], type_ignores=[]))
                continue
            if isinstance(barn, ast.Import):
                hittade.extend(alias.name for alias in barn.names)
            elif isinstance(barn, ast.ImportFrom):
                bas = barn.module or ""
                if barn.level:
                    upp = paket.split(".")[: len(paket.split(".")) - barn.level + 1]
                    bas = ".".join([*upp, bas] if bas else upp)
                # A submodule by its own name, else the module that defines the name.
                hittade.extend(f"{bas}.{alias.name}" for alias in barn.names)
            besok(barn)

    besok(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return hittade


def _graf(app, sena=False):
    """Edges between the app's modules: a name that is a module of the app, or the
    longest module of the app it starts with."""
    moduler = _moduler(app)
    graf = {}
    for namn, path in moduler.items():
        kanter = set()
        for importerat in _importer(path, namn, sena):
            delar = importerat.split(".")
            for langd in range(len(delar), 0, -1):
                mal = ".".join(delar[:langd])
                if mal in moduler:
                    if mal != namn and mal != app:
                        kanter.add(mal)
                    break
        graf[namn] = kanter
    return graf


def _cykler(graf):
    """The strongly connected components with more than one module (Tarjan)."""
    index, lag, stack, pa_stacken, komponenter = {}, {}, [], set(), []

    def besok(v):
        index[v] = lag[v] = len(index)
        stack.append(v)
        pa_stacken.add(v)
        for w in graf.get(v, ()):
            if w not in index:
                besok(w)
                lag[v] = min(lag[v], lag[w])
            elif w in pa_stacken:
                lag[v] = min(lag[v], index[w])
        if lag[v] == index[v]:
            komponent = []
            while True:
                w = stack.pop()
                pa_stacken.discard(w)
                komponent.append(w)
                if w == v:
                    break
            if len(komponent) > 1:
                komponenter.append(sorted(komponent))

    for v in sorted(graf):
        if v not in index:
            besok(v)
    return komponenter


@pytest.mark.parametrize("app", APPS)
def test_no_import_cycle_within_an_app(app):
    assert _cykler(_graf(app)) == []


@pytest.mark.parametrize("app", APPS)
def test_no_import_cycle_within_an_app_even_inside_functions(app):
    assert _cykler(_graf(app, sena=True)) == []


def test_every_app_has_its_place_in_the_order():
    assert sorted(ORDNING) == APPS


@pytest.mark.parametrize("app", ORDNING)
def test_an_app_imports_only_older_apps(app):
    fel = set()
    for namn, path in _moduler(app).items():
        fil = str(path.relative_to(ROOT))
        for importerat in _importer(path, namn, sena=True):
            annan = importerat.partition(".")[0]
            if annan in APPS and annan != app and annan not in TILLATET[app]:
                fel.add((fil, annan))
    assert sorted(fel) == []


def test_the_checks_see_a_cycle_and_a_forbidden_import(tmp_path, monkeypatch):
    """The reader itself: a cycle through a relative import; a package's __init__ that
    imports its modules is no cycle; TYPE_CHECKING never runs; functions run late."""
    (tmp_path / "app" / "views").mkdir(parents=True)
    (tmp_path / "app" / "apps.py").write_text("")
    (tmp_path / "app" / "models.py").write_text("from app.views import a\nimport rapporter\n")
    # A package that imports its modules, one of which imports a sibling through it.
    (tmp_path / "app" / "views" / "__init__.py").write_text("from app.views import c\n")
    (tmp_path / "app" / "views" / "c.py").write_text("from app.views import b\n")
    (tmp_path / "app" / "views" / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from .. import models\n"
        "if TYPE_CHECKING:\n    from app.views import b\n"
        "def f():\n    from app.views import b\n"
    )
    (tmp_path / "app" / "views" / "b.py").write_text("from app import models\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert _cykler(_graf("app")) == [["app.models", "app.views.a"]]
    assert _cykler(_graf("app", sena=True)) == [["app.models", "app.views.a", "app.views.b"]]
    assert "rapporter" in _importer(tmp_path / "app" / "models.py", "app.models")


# A module past this is split into a package named by what it holds (design.md says
# ~400; the margin is for a docstring or a few lines of growth, not for a second room).
STORSTA_MODUL = 420


def test_no_module_is_larger_than_a_newcomer_reads():
    stora = {
        str(path.relative_to(ROOT)): antal
        for app in APPS
        for path in _moduler(app).values()
        if "migrations" not in path.parts
        and (antal := len(path.read_text(encoding="utf-8").splitlines())) > STORSTA_MODUL
    }
    assert stora == {}
