"""Building the Huey instance from the configuration and registering claimtrack's tasks.

QUEUE_URL empty (the default): a SQLite file `queue.sqlite` in the instance folder, consumed by
the worker that `claimtrack run` starts beside the web server. `redis://host:port/db`: Redis, for
several app servers and workers. `sqlite:////path/queue.sqlite`: an explicit file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from huey import Huey, RedisHuey, SqliteHuey  # type: ignore[import-untyped]

from . import tasks


class QueueConfigError(ValueError):
    """QUEUE_URL names no queue claimtrack can use."""


def make_huey(url: str, instance_path: str, *, name: str = "claimtrack") -> Huey:
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name=name, url=url, results=False, blocking=True, read_timeout=1)
    if not url or url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///")) if url else Path(instance_path) / "queue.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(name=name, filename=str(path), results=False, timeout=10)
    raise QueueConfigError(
        f"QUEUE_URL must be empty (SQLite in the instance folder), sqlite:///… or redis://…; got {url!r}"
    )


class JobQueue:
    """One app's Huey and its registered tasks."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.url = str(app.config.get("QUEUE_URL") or "")
        self.huey = make_huey(
            self.url, app.instance_path, name=str(app.config.get("QUEUE_NAME") or "claimtrack")
        )
        self.embedded = not self.url.startswith(("redis://", "rediss://", "unix://"))
        self.tasks = tasks.register(self.huey, app)

    def dispatch_job(self, job_id: int) -> None:
        self.tasks.run_job(job_id)

    def dispatch_delivery(self, delivery_id: int, *, delay: float = 0) -> None:
        if delay > 0:
            self.tasks.deliver.schedule(args=(delivery_id,), delay=delay)
        else:
            self.tasks.deliver(delivery_id)

    def pending(self) -> int:
        """Messages waiting in the queue (for the admin page and the health check)."""
        return int(self.huey.pending_count())

    def consumer(self, *, workers: int = 2, **options: Any) -> Any:
        """A Huey consumer with thread workers; SQLite is polled at most every half second."""
        settings: dict[str, Any] = {"worker_type": "thread", "periodic": True}
        if self.embedded:
            settings.update(initial_delay=0.05, backoff=1.5, max_delay=0.5)
        settings.update(options)
        return self.huey.create_consumer(workers=workers, **settings)
