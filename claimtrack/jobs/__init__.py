"""The job queue: Huey, on a SQLite file in the instance folder or on Redis.

`queue_for(app)` gives the app's `JobQueue` (built on first use). Work is recorded in the database
first (a `JobRun`, a `WebhookDelivery` outbox row) and handed to the queue only after that
transaction committed; a periodic sweep queues again anything whose message was lost (a server
killed between commit and enqueue, a worker killed mid-job), so losing a message never loses work.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlmodel import Session

from . import tasks
from .queue import JobQueue, QueueConfigError, make_huey

__all__ = ["JobQueue", "QueueConfigError", "init_app", "make_huey", "queue_for", "tasks"]

log = logging.getLogger("claimtrack.jobs")
# The app of each engine, so a committed session finds the queue to hand work to.
_apps: weakref.WeakValueDictionary[int, Flask] = weakref.WeakValueDictionary()


def queue_for(app: Flask) -> JobQueue:
    """The app's queue, created (and its tasks registered) on first use."""
    queue: JobQueue | None = app.extensions.get("claimtrack.jobs")
    if queue is None:
        queue = JobQueue(app)
        app.extensions["claimtrack.jobs"] = queue
    return queue


def init_app(app: Flask) -> None:
    """Let sessions of this app queue the webhook deliveries they commit."""
    _install_listeners()
    db = app.extensions["claimtrack.db"]
    _apps[id(db.engine)] = app
    _apps[id(db.write_engine)] = app


def _install_listeners() -> None:
    if getattr(_install_listeners, "done", False):
        return
    from claimtrack.services import webhooks

    event.listen(Session, "before_flush", lambda s, _c, _i: webhooks.collect_revisions(s))
    event.listen(Session, "after_flush_postexec", lambda s, _c: webhooks.write_outbox(s))
    event.listen(Session, "after_soft_rollback", lambda s, _t: webhooks.forget_deliveries(s))
    event.listen(Session, "after_commit", _dispatch_committed)
    _install_listeners.done = True  # type: ignore[attr-defined]


def _dispatch_committed(session: Session) -> None:
    from claimtrack.services import webhooks

    ids = webhooks.committed_deliveries(session)
    if not ids:
        return
    bind: Any = session.get_bind()
    app = _apps.get(id(bind))
    if app is None:
        return  # no app (a script): the worker's sweep sends them
    try:
        queue = queue_for(app)
        for delivery_id in ids:
            queue.dispatch_delivery(delivery_id)
    except Exception:  # noqa: BLE001 - the queue being down must not undo a committed publish
        log.exception("could not queue webhook deliveries %s; the sweep will", ids)
