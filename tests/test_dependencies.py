"""Dependencies fit beside other packages: ranges in pyproject.toml, exact versions in constraints.txt
(which CI and the README's commands install), every package the code imports declared."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CORE = [Requirement(r) for r in PROJECT["dependencies"]]
EXTRAS = {name: [Requirement(r) for r in reqs] for name, reqs in PROJECT["optional-dependencies"].items()}
# modules the package imports only for an extra (the embedded server, news pages): the extra declares them
EXTRA_MODULES = {"llama_cpp": "local", "trafilatura": "html", "docx": "docx", "pdfminer": "pdf", "starlette": "serve",
                 "starlette_csrf": "serve", "uvicorn": "serve", "jinja2": "serve", "markupsafe": "serve",
                 "python_multipart": "serve"}
# where a module is not installed here (the newest-versions run leaves [local] out), its distribution
NOT_INSTALLED = {"llama_cpp": "llama-cpp-python", "sklearn": "scikit-learn"}


def _names(requirements) -> set[str]:
    return {canonicalize_name(r.name) for r in requirements}


def _imports(folder: str) -> set[str]:
    """Top-level names of the modules imported anywhere in the folder's Python files."""
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"summarizer", "tests", "__future__"}


def _distribution(module: str) -> str:
    dists = packages_distributions().get(module) or [NOT_INSTALLED.get(module, module)]
    return canonicalize_name(dists[0])


def test_every_package_the_code_imports_is_declared():
    core = _names(CORE)
    for module in sorted(_imports("summarizer")):
        extra = EXTRA_MODULES.get(module)
        declared = _names(EXTRAS[extra]) if extra else core
        assert _distribution(module) in declared, f"summarizer/ imports {module}: declare {_distribution(module)}"
    everything = core | set().union(*(_names(reqs) for reqs in EXTRAS.values()))
    for folder in ("tests", "scripts", "bench"):
        for module in sorted(_imports(folder)):
            assert _distribution(module) in everything, f"{folder}/ imports {module}: declare {_distribution(module)}"


def test_runtime_dependencies_are_ranges_excluding_the_known_bad_combination():
    for req in CORE:
        assert not any(s.operator in ("==", "===") for s in req.specifier), f"{req} is an exact pin: use a range"
        assert any(s.operator in ("<", "<=", "~=") for s in req.specifier), f"{req} has no upper bound"
    instructor = next(r for r in CORE if r.name == "instructor")
    # instructor 1.3 is where pip walked back to when a newer openai wanted another jiter
    assert not instructor.specifier.contains("1.3.7") and instructor.specifier.contains("1.17.0")


def test_constraints_pin_every_declared_package_inside_its_range():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin"
            pins[canonicalize_name(name)] = version.strip()
    for req in CORE + [r for reqs in EXTRAS.values() for r in reqs]:
        name = canonicalize_name(req.name)
        assert name in pins, f"constraints.txt has no version for {req.name}"
        assert req.specifier.contains(pins[name], prereleases=True), f"constraints.txt: {name}=={pins[name]} is outside {req}"


def test_ci_runs_the_readmes_test_command_with_the_constraints_and_then_the_newest_versions():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup)
    assert len(commands) == 2, commands  # one runs the main job, one the tests
    assert all("-c constraints.txt" in c for c in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert "scripts/install-browser" in commands[1]
    assert ci.index(commands[1]) < ci.index("bash scripts/test-newest")
    newest = (ROOT / "scripts" / "test-newest").read_text(encoding="utf-8")
    assert "constraints.txt" not in newest.split("set -euo", 1)[1]  # the ranges alone decide there
