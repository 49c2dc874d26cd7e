"""Job queue overhead: what a job costs beyond its own work, on the SQLite queue and on Redis.

    .venv/bin/python benchmarks/jobs_bench.py [--jobs 1000] [--threads 2] [--queue sqlite,redis]

Three figures per queue (consumer with `--threads` worker threads in this process):
1. Huey alone: N no-op tasks enqueued and consumed; wall time per job from the first enqueue to the
   last one executed (enqueue + storage + dequeue + dispatch). Baseline: calling the task inline.
2. A claimtrack job run inline (the baseline for 3): the job row written (`jobs.submit`), claimed
   under a lease and finished, with a handler that does nothing: three database transactions on a
   SQLite database file, no queue.
3. The same jobs through the queue and the worker. Queue overhead = 3 - 2 per job.
Redis is 127.0.0.1:6379 (database 15; only this run's keys are removed). Target: overhead < 5 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import select  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.app import create_app  # noqa: E402
from claimtrack.jobs import make_huey, queue_for, tasks  # noqa: E402
from claimtrack.models import JobRun  # noqa: E402
from claimtrack.services import jobs  # noqa: E402

TARGET_MS = 5.0
REDIS = "redis://127.0.0.1:6379/15"


def raw_huey(url: str, folder: str, n: int, threads: int) -> float:
    huey = make_huey(url, folder, name=f"bench-{uuid.uuid4().hex[:6]}")
    done = threading.Semaphore(0)

    @huey.task(name="noop")
    def noop(i: int) -> None:
        done.release()

    consumer = huey.create_consumer(workers=threads, worker_type="thread", periodic=False,
                                    initial_delay=0.01, backoff=1.1, max_delay=0.05)  # fmt: skip
    consumer.start()
    try:
        start = time.perf_counter()
        for i in range(n):
            noop(i)
        for _ in range(n):
            done.acquire()
        elapsed = time.perf_counter() - start
    finally:
        consumer.stop(graceful=True)
        huey.storage.flush_all()
    return elapsed


def job_path(url: str, folder: Path, n: int, threads: int) -> tuple[float, float]:
    db_file = folder / "bench.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "bench-secret-key-0123456789",
                      "DATABASE_URL": f"sqlite:///{db_file}", "QUEUE_URL": url,
                      "QUEUE_NAME": f"bench-{uuid.uuid4().hex[:6]}"})  # fmt: skip
    db = app.extensions["claimtrack.db"]
    migrate.upgrade(db.engine)
    tasks.handlers = lambda: {"noop": lambda _db, _job, _owner: _finish(db, _job, _owner)}  # type: ignore[assignment]
    queue = queue_for(app)
    start = time.perf_counter()
    for i in range(n):
        with db.session_scope() as session:
            sub = jobs.submit(session, kind="noop", key=f"inline:{i}")
        tasks.execute_job(app, db, sub.job.id or 0)
    inline = time.perf_counter() - start
    consumer = queue.consumer(workers=threads, periodic=False)
    consumer.start()
    try:
        start = time.perf_counter()
        for i in range(n):
            with db.session_scope() as session:
                sub = jobs.submit(session, kind="noop", key=f"noop:{i}")
            queue.dispatch_job(sub.job.id or 0)
        while True:
            with db.session_scope(write=False) as session:
                left = session.exec(
                    select(JobRun).where(JobRun.state != jobs.DONE).limit(1)
                ).first()
            if left is None:
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
    finally:
        consumer.stop(graceful=True)
        queue.huey.storage.flush_all()
        db.dispose()
    return inline, elapsed


def _finish(db, job, owner) -> None:  # type: ignore[no-untyped-def]
    with db.session_scope() as session:
        jobs.finish(session, job.id or 0, owner, state=jobs.DONE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--queue", default="sqlite,redis")
    args = parser.parse_args()
    n = args.jobs
    print(f"load {os.getloadavg()[0]:.1f}; {n} jobs, {args.threads} worker threads")
    for kind in args.queue.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            url = REDIS if kind == "redis" else f"sqlite:///{tmp}/queue.sqlite"
            start = time.perf_counter()
            for i in range(n):
                (lambda _i: None)(i)
            direct = (time.perf_counter() - start) / n * 1000
            raw = raw_huey(url, tmp, n, args.threads) / n * 1000
            inline, queued = (t / n * 1000 for t in job_path(url, Path(tmp), n, args.threads))
        print(f"{kind:6} Huey alone {raw:6.2f} ms a job (inline call {direct * 1000:.2f} µs): "
              f"overhead {raw - direct:.2f} ms, target < {TARGET_MS} ms: "
              f"{'meets' if raw - direct < TARGET_MS else 'MISSES'}")  # fmt: skip
        print(f"{kind:6} claimtrack job inline {inline:6.2f} ms, through the queue {queued:6.2f} ms "
              f"a job: queue overhead {queued - inline:.2f} ms, target < {TARGET_MS} ms: "
              f"{'meets' if queued - inline < TARGET_MS else 'MISSES'}")  # fmt: skip


if __name__ == "__main__":
    main()
