"""Which reading of the claims the matching index holds, against the one this code makes.

See ``claimtrack.matching.rules``: the index records the fingerprint of the rules and aliases it
was built with; a newer release or a new desk alias makes them differ until the index is rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from claimtrack.matching import rules
from claimtrack.models import MatchAlias, MatchRules, MatchStats
from claimtrack.models.base import utcnow


@dataclass(frozen=True)
class IndexReading:
    """Whether stored claims were read as this code and these aliases read them."""

    current: bool
    recorded_at: datetime | None  # when the recorded reading was taken (None: never recorded)
    claims: int  # claims in the index


def expected(session: Session) -> str:
    """The fingerprint of today's rules with the desk's aliases."""
    rows = session.exec(
        select(MatchAlias.spelling, MatchAlias.canonical, MatchAlias.kind).order_by(
            col(MatchAlias.id)
        )
    ).all()
    return rules.fingerprint((str(s), str(c), str(k)) for s, c, k in rows)


def index_reading(session: Session) -> IndexReading:
    """An empty index is current; one with claims but no record predates the record."""
    stats = session.get(MatchStats, 1)
    claims = stats.n_docs if stats is not None else 0
    row = session.get(MatchRules, 1)
    if row is None:
        return IndexReading(current=claims == 0, recorded_at=None, claims=claims)
    current = claims == 0 or row.fingerprint == expected(session)
    return IndexReading(current=current, recorded_at=row.recorded_at, claims=claims)


def record(session: Session) -> None:
    """Record that the index now holds today's reading (after a rebuild, or its first claim)."""
    row = session.get(MatchRules, 1) or MatchRules(id=1, fingerprint="")
    row.fingerprint, row.recorded_at = expected(session), utcnow()
    session.add(row)
