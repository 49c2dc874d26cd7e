"""Background jobs and partner webhooks: their state lives here, not in a worker's memory.

A `JobRun` is the truth about a job; the queue only carries "run job N". Whoever runs it first
claims it (a conditional UPDATE), keeps a lease while it works and writes progress to the row, so
any app server shows the progress and a job whose worker died is taken over when the lease ends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import json_field, time_field


class JobRun(SQLModel, table=True):
    __tablename__ = "job_run"
    __table_args__ = (Index("ix_job_run_state_lease", "state", "lease_until"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40, index=True)
    # The same work asked for twice (the same file uploaded again) finds the same job.
    key: str = Field(max_length=120, unique=True)
    state: str = Field(default="queued", max_length=20)  # queued, running, done, failed
    total: int = Field(default=0)
    done: int = Field(default=0)
    created: int = Field(default=0)
    existing: int = Field(default=0)
    params: dict[str, Any] = json_field(default_factory=dict)
    result: dict[str, Any] = json_field(default_factory=dict)
    # The uploaded file of an import, kept until the job is done so any worker can run it.
    payload: bytes | None = Field(default=None, sa_type=LargeBinary, nullable=True)
    error: str = Field(default="", max_length=1000)
    attempts: int = Field(default=0)
    owner: str = Field(default="", max_length=200)  # host:pid of the worker holding the lease
    lease_until: datetime | None = time_field()
    started_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = time_field(nullable=False, default_now=True, index=True)
    started_at: datetime | None = time_field()
    finished_at: datetime | None = time_field()
    updated_at: datetime | None = time_field()


class WebhookEndpoint(SQLModel, table=True):
    """A partner's HTTPS address and the events it wants; the signing secret is shown once."""

    __tablename__ = "webhook_endpoint"

    id: int | None = Field(default=None, primary_key=True)
    partner: str = Field(max_length=200, index=True)
    url: str = Field(max_length=2000)
    events: list[str] = json_field()
    # Standard Webhooks secret ("whsec_" + base64). Needed in clear to sign; never shown again.
    secret: str = Field(max_length=200)
    active: bool = Field(default=True)
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    disabled_at: datetime | None = time_field()


class WebhookDelivery(SQLModel, table=True):
    """One event for one endpoint (an outbox row written in the transaction of the event).

    `message_id` is the Standard Webhooks `webhook-id`: the same on every attempt and on "send
    again", so a receiver drops repeats.
    """

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_key"),
        Index("ix_webhook_delivery_state_next", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="webhook_endpoint.id", index=True)
    message_id: str = Field(max_length=60, unique=True)
    # The event that caused it ("verdict.published:12:3"): one delivery per endpoint and event.
    event_key: str = Field(max_length=120)
    event_type: str = Field(max_length=40)
    claim_id: int | None = Field(default=None, foreign_key="claim.id", index=True)
    payload: dict[str, Any] = json_field(default_factory=dict)
    state: str = Field(default="pending", max_length=20)  # pending, sending, delivered, failed
    attempts: int = Field(default=0)
    next_attempt_at: datetime | None = time_field()
    lease_until: datetime | None = time_field()
    last_status: int | None = Field(default=None)
    last_error: str = Field(default="", max_length=500)
    first_latency_ms: float | None = Field(default=None)
    last_latency_ms: float | None = Field(default=None)
    created_at: datetime = time_field(nullable=False, default_now=True, index=True)
    delivered_at: datetime | None = time_field()
