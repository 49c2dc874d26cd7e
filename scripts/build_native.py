"""Compile the pure reading modules (``claimtrack._native.GROUP``) with mypyc, outside the
source tree, keyed by a digest of their sources (see ``claimtrack/_native.py``).

    .venv/bin/python scripts/build_native.py [--force] [--quiet]

``bash scripts/test.sh`` (so ``make install`` and CI) runs it after installing; if it fails, the
package runs its plain Python source, as it does whenever the sources differ from the last build.
Takes about a minute of one core when the sources changed, nothing when a build of them exists.
The sources are read once: those bytes are digested and compiled (from a copy), so an edit made
while it compiles yields a build under the old key, never under the new one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack import _native  # noqa: E402

KEEP = 12  # builds kept (other worktrees of the same virtualenv may use older ones)


def build(force: bool = False, quiet: bool = False) -> Path:
    sources = {m: _native.source_path(m).read_bytes() for m in _native.GROUP}
    base = _native.builds_dir()
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=base, prefix=".building-") as tmp:
        src = Path(tmp) / "src"
        for module, data in sources.items():
            path = _native.source_path(module, src)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for package in {m.rsplit(".", 1)[0] for m in _native.GROUP} | {"claimtrack"}:
            init = src.joinpath(*package.split("."), "__init__.py")
            init.parent.mkdir(parents=True, exist_ok=True)
            init.touch()
        key = _native.source_key(src)
        if not force and _native.build_for(key, base) is not None:
            if not quiet:
                print(f"native build {key} exists ({base})")
            return base / key
        files = [str(_native.source_path(m, Path("."))) for m in _native.GROUP]
        t0 = time.perf_counter()
        # No project configuration in the copy: mypyc type-checks with mypy's defaults.
        done = subprocess.run(
            [sys.executable, "-m", "mypyc", *files], cwd=src, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"mypyc failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        out = Path(tmp) / "out"
        manifest: dict[str, object] = {"key": key, "group": list(_native.GROUP), "files": {}}
        suffix = _native_suffix()
        for so in src.rglob(f"*{suffix}"):
            if "build" in so.relative_to(src).parts:
                continue
            rel = so.relative_to(src)
            name = ".".join((*rel.parts[:-1], rel.name[: -len(suffix)]))
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(so, out / rel)
            manifest["files"][name] = str(rel)  # type: ignore[index]
        missing = set(_native.GROUP) - set(manifest["files"])  # type: ignore[arg-type]
        if missing:
            raise SystemExit(f"mypyc made no extension for {sorted(missing)}")
        # The manifest last, then one rename: a reader sees a complete build or none.
        tmp_manifest = out / (_native.MANIFEST + ".tmp")
        tmp_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(tmp_manifest, out / _native.MANIFEST)
        target = base / key
        if target.exists():
            shutil.rmtree(target)
        os.replace(out, target)
    _prune(base)
    if not quiet:
        print(f"native build {key}: {len(files)} modules in {time.perf_counter() - t0:.0f} s")
    return target


def _native_suffix() -> str:
    from importlib.machinery import EXTENSION_SUFFIXES

    return EXTENSION_SUFFIXES[0]


def _prune(base: Path) -> None:
    builds = sorted(
        (p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in builds[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--force", action="store_true", help="rebuild even if a build exists")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    build(force=args.force, quiet=args.quiet)


if __name__ == "__main__":
    main()
