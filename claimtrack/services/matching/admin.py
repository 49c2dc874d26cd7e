"""Matching administration: the desk's aliases, the thresholds, and rebuilding the index."""

from __future__ import annotations

from sqlmodel import Session, col, select

from claimtrack.matching.compare import Thresholds
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import make_row
from claimtrack.models import Claim, MatchAlias, MatchThreshold, User, utcnow
from claimtrack.services import audit
from claimtrack.services.base import clean_text, require, use_case
from claimtrack.services.errors import NotFound, ValidationError
from claimtrack.services.matching import reading
from claimtrack.services.matching.match import THRESHOLD_NAMES, alias_table, thresholds
from claimtrack.services.matching.store import SqlStore
from claimtrack.workflow import Permission

ALIAS_KINDS = ("org", "person")


@use_case
def add_alias(
    *, session: Session, actor: User, spelling: str, canonical: str, kind: str = "org"
) -> MatchAlias:
    """Declare ``spelling`` equal to ``canonical``; run ``rebuild_index`` to apply it to stored
    claims (new and edited claims use it at once)."""
    require(actor, Permission.MANAGE_MATCHING)
    spelling = clean_text(spelling, "spelling", max_len=200)
    canonical = clean_text(canonical, "canonical", max_len=200)
    if kind not in ALIAS_KINDS:
        raise ValidationError(
            "kind must be one of %(choices)s.",
            field="kind",
            params={"choices": ", ".join(ALIAS_KINDS)},
        )
    existing = session.exec(select(MatchAlias).where(MatchAlias.spelling == spelling)).first()
    before = audit.snapshot(existing, ["spelling", "canonical", "kind"]) if existing else None
    if existing is not None:
        # A changed alias gets a new row (new id): other processes see the id move and reload.
        session.delete(existing)
        session.flush()
    alias = MatchAlias(spelling=spelling, canonical=canonical, kind=kind, created_by_id=actor.id)
    session.add(alias)
    session.flush()
    audit.record(session, actor=actor, action="matching.alias", obj=alias, before=before,
                 after=audit.snapshot(alias, ["spelling", "canonical", "kind"]))  # fmt: skip
    return alias


@use_case
def remove_alias(*, session: Session, actor: User, spelling: str) -> None:
    require(actor, Permission.MANAGE_MATCHING)
    alias = session.exec(select(MatchAlias).where(MatchAlias.spelling == spelling)).first()
    if alias is None:
        raise NotFound("No stored alias %(spelling)s.", {"spelling": repr(spelling)})
    audit.record(session, actor=actor, action="matching.alias_remove", obj=alias,
                 before=audit.snapshot(alias, ["spelling", "canonical", "kind"]))  # fmt: skip
    session.delete(alias)


def list_aliases(session: Session) -> list[MatchAlias]:
    return list(session.exec(select(MatchAlias).order_by(col(MatchAlias.canonical))))


@use_case
def set_threshold(*, session: Session, actor: User, name: str, value: float) -> Thresholds:
    """Change one threshold (0-100); suggest must stay at or below auto_link."""
    require(actor, Permission.MANAGE_MATCHING)
    if name not in THRESHOLD_NAMES:
        raise ValidationError(
            "threshold must be one of %(choices)s.", params={"choices": ", ".join(THRESHOLD_NAMES)}
        )
    if not 0 <= value <= 100:
        raise ValidationError("A threshold is a score between 0 and 100.", field=name)
    before = thresholds(session)
    proposed = Thresholds(**{**before.__dict__, name: float(value)})
    if proposed.suggest > proposed.auto_link or proposed.related > proposed.same:
        raise ValidationError("suggest must not exceed auto_link, nor related exceed same.")
    row = session.get(MatchThreshold, name) or MatchThreshold(name=name, value=value)
    row.value, row.updated_by_id, row.updated_at = float(value), actor.id, utcnow()
    session.add(row)
    audit.record(session, actor=actor, action="matching.threshold", object_type="matching",
                 before=before.__dict__, after=proposed.__dict__)  # fmt: skip
    return proposed


@use_case
def rebuild_index(*, session: Session, actor: User) -> int:
    """Re-index every live claim in one transaction (after alias changes or an upgrade)."""
    require(actor, Permission.MANAGE_MATCHING)
    table = alias_table(session)
    rows = session.exec(
        select(Claim.id, Claim.text, Claim.language).where(col(Claim.deleted_at).is_(None))
    ).all()
    items = (make_row(cid or 0, prepare(text, lang, table)) for cid, text, lang in rows)
    count = SqlStore(session).replace_all(items)
    reading.record(session)
    audit.record(session, actor=actor, action="matching.reindex", object_type="matching",
                 after={"claims": count})  # fmt: skip
    return count
