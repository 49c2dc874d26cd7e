"""Reader pages under load: requests/s and p50/p99 latency of verdict pages next to a minimal Flask page.

    .venv/bin/python benchmarks/pages_bench.py [--verdicts 10000] [--requests 4000] [--seconds 20]
                                                [--connections 16] [--workers 2] [--cpu-only]

Loads N published verdicts (claim, story appearance, two sources, a tag, a publication revision) into
a fresh SQLite file, then serves claimtrack under gunicorn (sync workers) on 127.0.0.1 and measures,
one after the other: verdict pages (random canonical URLs), the same with a matching If-None-Match
(304), the home page, and as the ceiling a minimal Flask app that reads one SQLite row and renders it
with Jinja, served the same way. The load generator is `wrk` when installed (latency from
`--latency`), else a bounded Python client (processes × threads, one connection per request as sync
gunicorn closes them) that runs on the same two cores as the server: its figures are lower bounds.
Every run is bounded by --requests and --seconds. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_seed import seed_published  # noqa: E402  (this folder is on sys.path when run as a script)

from claimtrack import migrate  # noqa: E402
from claimtrack.db import Database  # noqa: E402
from claimtrack.services import ratings  # noqa: E402
from claimtrack.services.publication import bundles as publication  # noqa: E402

HOST = "127.0.0.1"


def load(db: Database, n: int) -> list[str]:
    """Insert n published verdicts; return their canonical page paths."""
    claims = seed_published(db, n, seed=11)
    return ["/" + publication.claim_path(c.id or 0, publication.slugify(c.text)) for c in claims]


MINIMAL_DB_ENV = "PAGES_BENCH_MINIMAL_DB"


def minimal_app() -> Any:
    """The ceiling: Flask + one SQLite row + Jinja, nothing else (gunicorn factory target)."""
    import sqlite3

    from flask import Flask, g, render_template_string

    app = Flask("minimal")
    path = os.environ[MINIMAL_DB_ENV]
    page = (
        "<!doctype html><html><head><title>{{ row[1] }}</title></head><body>"
        "<h1>{{ row[1] }}</h1><p>{{ row[2] }}</p></body></html>"
    )

    def db() -> sqlite3.Connection:
        if "db" not in g:
            g.db = sqlite3.connect(path)
        return g.db

    @app.teardown_appcontext
    def close(_exc: BaseException | None) -> None:
        conn = g.pop("db", None)
        if conn is not None:
            conn.close()

    @app.get("/claims/<int:claim_id>")
    def claim(claim_id: int) -> str:
        row = (
            db()
            .execute("SELECT id, text, claimant FROM claim WHERE id = ?", (claim_id,))
            .fetchone()
        )
        return render_template_string(page, row=row)

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_gunicorn(
    target: str, env: dict[str, str], workers: int, probe: str
) -> tuple[subprocess.Popen[bytes], int]:
    """Start gunicorn and wait until `probe` answers 200."""
    port = free_port()
    cmd = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--workers", str(workers), "--worker-class", "sync", "--bind", f"{HOST}:{port}",
        "--log-level", "warning", "--chdir", str(ROOT),
        "--pythonpath", f"{ROOT},{ROOT / 'benchmarks'}", target,
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env={**os.environ, **env})
    deadline = time.monotonic() + 180  # a loaded machine starts workers slowly
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if fetch(port, probe)[0] == 200:
                return proc, port
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"gunicorn did not start: {target}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def fetch(port: int, path: str, headers: str = "") -> tuple[int, float, bytes]:
    """One request on a fresh connection: (status, milliseconds, response bytes)."""
    started = time.perf_counter()
    with socket.create_connection((HOST, port), timeout=30) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n{headers}Connection: close\r\n\r\n".encode()
        )
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    raw = b"".join(chunks)
    status = int(raw[9:12]) if raw.startswith(b"HTTP/") else 0
    return status, (time.perf_counter() - started) * 1000, raw


def _client_process(job: tuple[int, list[str], int, float, int, str]) -> list[tuple[int, float]]:
    port, paths, count, deadline, threads, headers = job
    rng = random.Random(os.getpid())

    def run(n: int) -> list[tuple[int, float]]:
        out = []
        for _ in range(n):
            if time.time() > deadline:
                break
            status, ms, _raw = fetch(port, rng.choice(paths), headers)
            out.append((status, ms))
        return out

    per_thread = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]
    with ThreadPoolExecutor(threads) as pool:
        return [r for part in pool.map(run, per_thread) for r in part]


def python_load(
    port: int, paths: list[str], requests: int, seconds: float, connections: int, headers: str = ""
) -> dict[str, float]:
    procs = 2
    threads = max(1, connections // procs)
    deadline = time.time() + seconds
    jobs = [
        (
            port,
            paths,
            requests // procs + (1 if i < requests % procs else 0),
            deadline,
            threads,
            headers,
        )
        for i in range(procs)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(procs) as pool:
        results = [r for part in pool.map(_client_process, jobs) for r in part]
    elapsed = time.perf_counter() - started
    return summarise(results, elapsed)


def summarise(results: list[tuple[int, float]], elapsed: float) -> dict[str, float]:
    latencies = sorted(ms for _status, ms in results)
    if not latencies:
        return {"requests": 0, "rps": 0.0, "p50": 0.0, "p99": 0.0, "errors": 0}
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(results),
        "rps": len(results) / elapsed,
        "p50": q[49],
        "p99": q[98],
        "errors": sum(1 for status, _ in results if status not in (200, 304)),
    }


def wrk_load(
    port: int, paths: list[str], seconds: float, connections: int, headers: str = ""
) -> dict[str, float]:
    """wrk with a Lua script that picks a random path per request."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        # JSON string literals are valid Lua literals for ASCII text (ETags carry quotes).
        f.write("local paths = {\n" + ",\n".join(json.dumps(p) for p in paths[:2000]) + "}\n")
        header_lines = [h.split(": ", 1) for h in headers.split("\r\n") if h]
        for name, value in header_lines:
            f.write(f"wrk.headers[{json.dumps(name)}] = {json.dumps(value)}\n")
        f.write("math.randomseed(7)\nrequest = function()\n")
        f.write("  return wrk.format(nil, paths[math.random(#paths)])\nend\n")
        script = f.name
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency", "-s", script,
           f"http://{HOST}:{port}"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30)
    os.unlink(script)
    out = done.stdout
    if "Requests/sec" not in out:
        raise SystemExit(f"wrk failed: {done.stderr.strip() or out.strip()}")

    def ms(label: str) -> float:
        m = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(total.group(1)) if total else 0,
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(
    port: int, paths: list[str], args: argparse.Namespace, headers: str = ""
) -> dict[str, float]:
    for path in paths[:20]:  # warm up both workers' caches and connections
        fetch(port, path, headers)
    if args.wrk:
        return wrk_load(port, paths, args.seconds, args.connections, headers)
    return python_load(port, paths, args.requests, args.seconds, args.connections, headers)


def cpu_per_request(app: Any, paths: list[str], n: int = 200, *, warm: bool = True) -> float:
    """CPU milliseconds one request costs in this process (Flask test client without cookies, like
    a new reader; no network): a figure that other load on the machine barely moves, unlike
    wall-clock latency. `warm` requests every path once first (fills the render cache)."""
    client = app.test_client(use_cookies=False)
    for path in paths if warm else paths[:1]:
        client.get(path)
    started = time.process_time()
    for i in range(n):
        response = client.get(paths[i % len(paths)])
        assert response.status_code == 200, (paths[i % len(paths)], response.status_code)
    return (time.process_time() - started) / n * 1000


def in_process_figures(db_path: Path, paths: list[str]) -> list[tuple[str, float]]:
    from claimtrack.app import create_app

    os.environ[MINIMAL_DB_ENV] = str(db_path)
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{db_path}", "SECRET_KEY": "pages-bench-" + "x" * 32}
    )
    ids = [p.split("/")[2].split("-")[0] for p in paths]
    rng = random.Random(3)
    fresh = rng.sample(paths, min(400, len(paths)))
    figures = [
        # Each page once: every request loads the bundle and renders (the cache's miss path).
        ("verdict page, first view (renders)", cpu_per_request(app, fresh[200:], 200, warm=False)),
        # The same 200 pages again: served from the render cache.
        ("verdict page, cached", cpu_per_request(app, fresh[:200], 200)),
        ("home page", cpu_per_request(app, ["/"], 100)),
        ("corrections page", cpu_per_request(app, ["/corrections"], 100)),
        ("Atom feed (50 entries)", cpu_per_request(app, ["/feed.atom"], 100)),
        ("minimal Flask page", cpu_per_request(minimal_app(), [f"/claims/{i}" for i in ids[:200]])),
    ]
    app.extensions["claimtrack.db"].dispose()
    return figures


def print_cpu_figures(db_path: Path, paths: list[str]) -> None:
    print("\nCPU per request in process (test client, no network; robust to other load):")
    for name, ms in in_process_figures(db_path, paths):
        print(f"  {name:36} {ms:6.2f} ms")
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} (1/5/15 min; 2 cores)")


def etag_of(port: int, path: str) -> str:
    status, _ms, raw = fetch(port, path)
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    match = re.search(r"(?im)^etag: (.+)$", head)
    if status != 200 or not match:
        raise SystemExit(f"{path} answered {status} without an ETag")
    return match.group(1).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verdicts", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=4000, help="per run (Python client)")
    parser.add_argument("--seconds", type=float, default=20.0, help="upper bound per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-wrk", action="store_true", help="use the Python client even with wrk")
    parser.add_argument("--warm-pages", type=int, default=500, help="verdict pages readers revisit")
    parser.add_argument(
        "--cpu-only", action="store_true", help="only the CPU per request in process (no server)"
    )
    args = parser.parse_args()
    args.wrk = bool(shutil.which("wrk")) and not args.no_wrk
    tmp = tempfile.TemporaryDirectory()
    db_path = Path(tmp.name) / "pages.sqlite"
    db = Database(f"sqlite:///{db_path}")
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        session.commit()
    started = time.perf_counter()
    paths = load(db, args.verdicts)
    db.dispose()
    print(f"loaded {len(paths):,} published verdicts in {time.perf_counter() - started:.1f} s")
    if args.cpu_only:
        print_cpu_figures(db_path, paths)
        return
    client = "wrk (2 threads)" if args.wrk else "Python client (2 processes, same 2 cores)"
    print(
        f"gunicorn {args.workers} sync workers on {HOST}; {args.connections} connections; {client}"
    )

    env = {
        "CLAIMTRACK_DATABASE_URL": f"sqlite:///{db_path}",
        "CLAIMTRACK_SECRET_KEY": "pages-bench-" + "x" * 32,
        MINIMAL_DB_ENV: str(db_path),
    }
    rows: list[tuple[str, dict[str, float]]] = []
    proc, port = start_gunicorn("claimtrack.app:create_app()", env, args.workers, paths[0])
    warm_set = random.Random(5).sample(paths, min(args.warm_pages, len(paths)))
    try:
        # Readers concentrate on a few hundred current verdicts: those are in each worker's cache
        # (every page fetched a few times so that both workers have rendered it).
        for path in warm_set * (2 * args.workers):
            fetch(port, path)
        rows.append(("verdict page, cached (warm set)", measure(port, warm_set, args)))
        rows.append(("verdict page, any of all (mostly renders)", measure(port, paths, args)))
        one = paths[len(paths) // 2]
        etag = etag_of(port, one)
        rows.append(
            (
                "verdict page, If-None-Match (304)",
                measure(port, [one], args, f"If-None-Match: {etag}\r\n"),
            )
        )
        rows.append(("home page /", measure(port, ["/"], args)))
    finally:
        stop(proc)
    proc, port = start_gunicorn("pages_bench:minimal_app()", env, args.workers, "/claims/1")
    try:
        ids = [p.split("/")[2].split("-")[0] for p in paths]
        rows.append(
            ("minimal Flask page (ceiling)", measure(port, [f"/claims/{i}" for i in ids], args))
        )
    finally:
        stop(proc)

    print(f"\n{'page':38} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in rows:
        print(
            f"{name:38} {int(r['requests']):>9} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} {int(r['errors']):>7}"
        )
    print_cpu_figures(db_path, paths)
    ceiling = rows[-1][1]["rps"] or 1
    by_name = dict(rows)
    targets = [
        ("verdict page, cached (warm set)", 0.80),
        ("home page /", 0.60),
    ]
    print("\nagainst the targets (throughput as a share of the minimal page in this run):")
    for name, share in targets:
        got = by_name[name]["rps"] / ceiling
        print(
            f"  {name:42} {got:5.0%}  target >= {share:.0%}: {'met' if got >= share else 'MISSED'}"
        )
    p99 = by_name["verdict page, cached (warm set)"]["p99"]
    print(f"  verdict page p99 {p99:.1f} ms  target <= 20 ms on a quiet machine")
    print(f"  {'any verdict page (renders)':42} {by_name[rows[1][0]]['rps'] / ceiling:5.0%}")
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} (1/5/15 min; 2 cores)")


if __name__ == "__main__":
    main()
