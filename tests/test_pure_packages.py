"""The pure packages import no web framework and no ORM, so the CLI, jobs and benchmarks load them fast."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = ["claimtrack.text", "claimtrack.matching", "claimtrack.extraction", "claimtrack.workflow"]
HEAVY = ["flask", "sqlmodel", "sqlalchemy", "werkzeug", "jinja2"]

CHECK = """
import importlib, pkgutil, sys
name = sys.argv[1]
module = importlib.import_module(name)
for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
    importlib.import_module(info.name)
loaded = [m for m in sys.argv[2:] if m in sys.modules]
print(",".join(loaded))
"""


@pytest.mark.parametrize("package", PURE)
def test_pure_package_and_all_its_modules_load_without_flask_or_orm(package: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK, package, *HEAVY],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "", f"{package} loads {done.stdout.strip()}"
