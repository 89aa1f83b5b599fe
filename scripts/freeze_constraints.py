"""Write constraints.txt: the exact version of every package the project installs, as installed here.

    python scripts/freeze_constraints.py > constraints.txt

pyproject.toml declares ranges (the package must install beside other users of openai); CI and the
README's commands install with `-c constraints.txt`, so a run is reproducible. To move the pins:
in a fresh virtual environment `pip install -e '.[local,test,html,serve]'` (the newest versions the ranges
allow, what scripts/test-newest tests), run the tests, then this script. It walks the installed
distributions from the project's requirements (every extra), markers evaluated for this Python, so
it lists what the project needs and nothing else the environment happens to hold.
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def project_requirements() -> list[Requirement]:
    """Every requirement pyproject.toml declares: the core dependencies and all extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    return [Requirement(line) for line in lines]


def closure(requirements: list[Requirement]) -> dict[str, str]:
    """{canonical name: installed version} for the requirements and everything they pull in.
    Raises PackageNotFoundError naming a required distribution that is not installed."""
    pinned: dict[str, str] = {}
    todo = [(r, frozenset(r.extras)) for r in requirements]
    seen: set[tuple[str, frozenset]] = set()
    while todo:
        req, extras = todo.pop()
        name = canonicalize_name(req.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        dist = distribution(req.name)
        pinned[name] = dist.version
        for line in dist.requires or []:
            sub = Requirement(line)
            # a dependency applies when its marker holds with no extra, or with one asked for
            wanted = (not sub.marker or sub.marker.evaluate({"extra": ""})
                      or any(sub.marker.evaluate({"extra": e}) for e in extras))
            if wanted:
                todo.append((sub, frozenset(sub.extras)))
    pinned.pop("summarizer", None)
    return pinned


def main() -> int:
    try:
        pinned = closure(project_requirements())
    except PackageNotFoundError as e:
        print(f"freeze_constraints: {e} is not installed; pip install -e '.[local,test,html,serve]' first", file=sys.stderr)
        return 1
    print("# Exact versions for CI and the README's commands (pip install -c constraints.txt).")
    print("# Written by scripts/freeze_constraints.py; pyproject.toml holds the ranges.")
    for name in sorted(pinned):
        print(f"{name}=={pinned[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
