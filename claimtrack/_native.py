"""Use the mypyc-compiled build of the pure reading modules, but only the one made from exactly
the sources on disk.

``prepare`` (what the lexical index build and every query spend their CPU on) is interpreter
overhead spread over a dozen steps; compiled by mypyc the same code needs about a third less CPU
(benchmarks/README.md, session 9). ``scripts/build_native.py`` compiles the modules of ``GROUP``
from a copy of their sources into ``<dir>/<key>/``, ``key`` being a digest of the Python version
and of every byte of those sources. At ``import claimtrack`` this module computes the key of the
sources as they are now; only if a complete build of that key exists does it put a finder first on
``sys.meta_path`` that loads the group's modules from it. An edited source has another key, so a
build made before the edit can never be imported: the package then runs its plain Python source
(the fallback is the same code, so readings are identical; tests/test_native.py checks both).

``CLAIMTRACK_NATIVE=0`` turns it off; ``CLAIMTRACK_NATIVE_DIR`` moves the builds (default:
``claimtrack-native`` inside the virtualenv, ``sys.prefix``). Standard library only: importing
the package must stay cheap (about a millisecond for the digest).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the directory holding claimtrack/
# Compiled together: they call each other directly, so they are used all together or not at
# all. They import nothing else of claimtrack (tests/test_native.py holds that and names a new
# module to add here), so their sources alone decide what the compiled code does.
GROUP = (
    "claimtrack.languages",
    "claimtrack.matching._stopwords",
    "claimtrack.matching.events",
    "claimtrack.matching.names",
    "claimtrack.matching.prepare",
    "claimtrack.matching.signature",
    "claimtrack.text._fractions",
    "claimtrack.text._gazetteer",
    "claimtrack.text._numlex",
    "claimtrack.text._patterns",
    "claimtrack.text.aliases",
    "claimtrack.text.dates",
    "claimtrack.text.normalize",
    "claimtrack.text.numbers",
    "claimtrack.text.places",
    "claimtrack.text.polarity",
)
MANIFEST = "manifest.json"


def source_path(module: str, root: Path = PACKAGE_ROOT) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def source_key(root: Path = PACKAGE_ROOT, modules: Sequence[str] = GROUP) -> str:
    """Digest of the interpreter's ABI and of every module's source bytes, in order."""
    h = hashlib.sha256(f"{sys.implementation.cache_tag} {sys.version}\n".encode())
    for module in modules:
        data = source_path(module, root).read_bytes()
        h.update(f"{module} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()[:32]


def builds_dir() -> Path:
    return Path(os.environ.get("CLAIMTRACK_NATIVE_DIR") or Path(sys.prefix) / "claimtrack-native")


def build_for(key: str, base: Path | None = None) -> dict[str, Path] | None:
    """Module name -> extension file of the complete build of ``key``, or None. The manifest is
    written last (by a rename), so a build still being made or one that failed is never used."""
    directory = (base or builds_dir()) / key
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("key") != key or sorted(manifest.get("group", ())) != sorted(GROUP):
        return None
    files = {name: directory / rel for name, rel in manifest["files"].items()}
    return files if all(p.is_file() for p in files.values()) else None


class NativeFinder(importlib.abc.MetaPathFinder):
    """Finds the group's modules (and mypyc's shared library of them) in one build."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def install() -> NativeFinder | None:
    """Put the finder of the matching build first, if there is one and none of the group is
    imported yet (a compiled module must never run beside the plain one of a group member)."""
    if os.environ.get("CLAIMTRACK_NATIVE", "1") == "0":
        return None
    if any(isinstance(f, NativeFinder) for f in sys.meta_path):
        return None
    if any(name in sys.modules for name in GROUP):
        return None
    try:
        files = build_for(source_key())
    except OSError:  # a source not readable (e.g. zipped): plain Python
        return None
    if files is None:
        return None
    finder = NativeFinder(files)
    sys.meta_path.insert(0, finder)
    return finder


def active() -> bool:
    """Whether the reading modules run compiled in this process (their first one is loaded)."""
    module = sys.modules.get("claimtrack.text.normalize")
    if module is None:
        import claimtrack.text.normalize as module
    return not str(getattr(module, "__file__", "")).endswith(".py")


def describe() -> str:
    """For benchmark output: which reading modules run."""
    if not active():
        return "reading modules: plain Python"
    module = sys.modules["claimtrack.text.normalize"]
    return f"reading modules: compiled (mypyc build {Path(str(module.__file__)).parents[2].name})"
