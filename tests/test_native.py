"""The compiled reading modules (claimtrack/_native.py): used only when built from exactly the
sources on disk, and reading exactly what the plain Python source reads."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import _native

ROOT = Path(__file__).resolve().parents[1]


def test_the_group_imports_nothing_else_of_claimtrack() -> None:
    # Its digest covers its own sources only: compiled code that called into another module of
    # the package could go stale without the digest changing.
    group = set(_native.GROUP)
    for module in _native.GROUP:
        tree = ast.parse(_native.source_path(module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimtrack"):
                base = node.module or ""
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    assert base in group or target in group, (
                        f"{module} imports {target}: add it to GROUP"
                    )
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("claimtrack") or alias.name in group, (
                        alias.name
                    )


def _fake_build(src: Path, base: Path) -> str:
    key = _native.source_key(src)
    files = {}
    for module in _native.GROUP:
        rel = Path(*module.split(".")).with_suffix(".so")
        (base / key / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / key / rel).write_bytes(b"")
        files[module] = str(rel)
    manifest = {"key": key, "group": list(_native.GROUP), "files": files}
    (base / key / _native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return key


def test_a_build_of_other_sources_is_never_used(tmp_path: Path) -> None:
    src, base = tmp_path / "src", tmp_path / "builds"
    for module in _native.GROUP:
        path = _native.source_path(module, src)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_native.source_path(module), path)
    key = _fake_build(src, base)
    assert key == _native.source_key()  # the digest reads the bytes, not where they are
    assert _native.build_for(key, base) is not None
    # One character changed in one source: another key, for which no build exists.
    numbers = _native.source_path("claimtrack.text.numbers", src)
    numbers.write_text(numbers.read_text(encoding="utf-8") + "\n#", encoding="utf-8")
    edited = _native.source_key(src)
    assert edited != key and _native.build_for(edited, base) is None
    # A build missing a file, or one whose manifest is not written yet, is none either.
    next(iter((base / key).rglob("*.so"))).unlink()
    assert _native.build_for(key, base) is None
    key2 = _fake_build(src, base)
    (base / key2 / _native.MANIFEST).unlink()
    assert _native.build_for(key2, base) is None


def test_no_finder_once_a_plain_module_of_the_group_is_loaded(monkeypatch) -> None:
    import claimtrack.text.normalize  # noqa: F401  (loaded: compiled or plain, it stays)

    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, _native.NativeFinder)]
    )
    assert _native.install() is None


_READ = """
import hashlib, json, sys
from pathlib import Path
from claimtrack import _native
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import make_row
from claimtrack.matching.signature import decode
texts = []
for path in sorted(Path("benchmarks/data").glob("matching_pairs*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pair = json.loads(line)
            texts += [pair["a"], pair["b"]]
h = hashlib.sha256()
for text in texts:
    for lang in (None, "de", "en"):
        p = prepare(text, lang)
        row, keys = make_row(1, p)
        h.update(repr((p, row, keys, decode(row.norm, row.sig))).encode())
print(json.dumps({"compiled": _native.active(), "texts": len(texts), "digest": h.hexdigest()}))
"""


def _read(native: str) -> dict[str, object]:
    # A reading's word set prints in hash order: the same seed in both processes.
    env = {
        **os.environ,
        "CLAIMTRACK_NATIVE": native,
        "PYTHONPATH": str(ROOT),
        "PYTHONHASHSEED": "0",
    }
    done = subprocess.run([sys.executable, "-c", _READ], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return json.loads(done.stdout)


def test_compiled_and_plain_read_alike() -> None:
    if _native.build_for(_native.source_key()) is None:
        if os.environ.get("CLAIMTRACK_NO_SKIPS"):
            raise AssertionError("no native build of these sources: scripts/build_native.py")
        pytest.skip("no native build of these sources (scripts/build_native.py)")
    compiled, plain = _read("1"), _read("0")
    assert compiled["compiled"] is True and plain["compiled"] is False
    assert compiled["texts"] == plain["texts"] and int(plain["texts"]) > 1000  # type: ignore[call-overload]
    assert compiled["digest"] == plain["digest"]
