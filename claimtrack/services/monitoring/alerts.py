"""Alerts: a claim with a published verdict is back in new stories.

The poller proposes appearances (`propose`); they gather on the claim's one open alert. The desk
confirms an alert with one click (each proposed appearance becomes an `Appearance` through
`claims.add_appearance`, which also moves the queue's spread counts) or dismisses it with a reason;
or it decides sentence by sentence (`confirm_sighting`, `dismiss_sighting`), and the alert is
decided with its last open sentence. Once decided, the next sighting opens a new alert.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claimtrack.extraction import Candidate
from claimtrack.models import (
    Alert,
    AlertAppearance,
    Appearance,
    Claim,
    RatingLabel,
    Story,
    User,
    Verdict,
    utcnow,
)
from claimtrack.services import audit, claims
from claimtrack.services.base import clean_text, get_or_raise, require, use_case
from claimtrack.services.errors import InvalidTransition
from claimtrack.services.matching.match import MatchResult
from claimtrack.workflow import Permission

OPEN, CONFIRMED, DISMISSED = "open", "confirmed", "dismissed"
STATES = (OPEN, CONFIRMED, DISMISSED)
PROPOSED = "proposed"  # a sentence not decided yet (then CONFIRMED or DISMISSED)
ALERT_KINDS = ("same", "variant")  # the matcher's decisions that raise an alert
HEADLINE = -1  # the position recorded for a headline (it has no offset in the body)


def propose(
    session: Session,
    *,
    story: Story,
    candidate: Candidate,
    match: MatchResult,
    source_id: int | None,
) -> AlertAppearance | None:
    """Add a sighting to the claim's open alert (opened if needed). None when it is known already:
    proposed before, or already recorded as an appearance of the claim in this story."""
    claim_id, story_id = match.claim_id, story.id or 0
    position = HEADLINE if candidate.start is None else candidate.start
    recorded = session.exec(
        select(Appearance.id).where(
            Appearance.claim_id == claim_id,
            Appearance.story_id == story_id,
            col(Appearance.deleted_at).is_(None),
        )
    ).first()
    known = session.exec(
        select(AlertAppearance.id).where(
            AlertAppearance.claim_id == claim_id,
            AlertAppearance.story_id == story_id,
            AlertAppearance.position == position,
        )
    ).first()
    if recorded is not None or known is not None:
        return None
    alert = _open_alert(session, claim_id)
    row = AlertAppearance(
        alert_id=alert.id or 0,
        claim_id=claim_id,
        story_id=story_id,
        source_id=source_id,
        quote=candidate.text[:5000],
        position=position,
        credited_to=(candidate.claimant or "")[:300],
        kind=match.kind,
        score=float(match.score),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # proposed at the same moment by another poll
        return None
    alert.updated_at = utcnow()
    session.add(alert)
    return row


def _open_alert(session: Session, claim_id: int) -> Alert:
    found = session.exec(select(Alert).where(Alert.open_claim_id == claim_id)).first()
    if found is not None:
        return found
    alert = Alert(claim_id=claim_id, open_claim_id=claim_id)
    try:
        with session.begin_nested():
            session.add(alert)
    except IntegrityError:  # another worker opened it first: join that one
        return session.exec(select(Alert).where(Alert.open_claim_id == claim_id)).one()
    return alert


@use_case
def confirm_alert(*, session: Session, actor: User, alert_id: int) -> Alert:
    """One click: every sentence of the alert not yet decided becomes an appearance of the claim.

    Editors only: the claim has a published verdict, and its appearances are part of what readers,
    the ClaimReview markup and the exports show (`revisions.require_editor_if_published`).
    """
    require(actor, Permission.PUBLISH)
    alert = _open(session, alert_id)
    for row in _undecided(session, alert_id):
        _record_appearance(session, actor, alert, row)
    _decide(session, actor, alert, CONFIRMED)
    return alert


@use_case
def dismiss_alert(*, session: Session, actor: User, alert_id: int, reason: str) -> Alert:
    """Not the checked claim after all (or not worth recording): say why. Sentences confirmed one
    by one before stay recorded; the others are dismissed with the alert."""
    require(actor, Permission.TRIAGE)
    alert = _open(session, alert_id)
    alert.dismiss_reason = clean_text(reason, "reason", max_len=500)
    for row in _undecided(session, alert_id):
        _set_sighting(session, actor, row, DISMISSED)
    _decide(session, actor, alert, DISMISSED)
    return alert


@use_case
def confirm_sighting(*, session: Session, actor: User, sighting_id: int) -> AlertAppearance:
    """One sentence of an alert is the checked claim: record it as an appearance of the claim.
    The alert is decided when its last open sentence is."""
    require(actor, Permission.PUBLISH)
    row, alert = _open_sighting(session, sighting_id)
    _record_appearance(session, actor, alert, row)
    audit.record(session, actor=actor, action="alert.sighting.confirm", obj=row,
                 after=audit.snapshot(row, ["state", "appearance_id", "story_id"]))  # fmt: skip
    _close_if_done(session, actor, alert)
    return row


@use_case
def dismiss_sighting(*, session: Session, actor: User, sighting_id: int) -> AlertAppearance:
    """One sentence of an alert is not the checked claim: nothing is recorded for it."""
    require(actor, Permission.TRIAGE)
    row, alert = _open_sighting(session, sighting_id)
    _set_sighting(session, actor, row, DISMISSED)
    audit.record(session, actor=actor, action="alert.sighting.dismiss", obj=row,
                 after=audit.snapshot(row, ["state", "story_id"]))  # fmt: skip
    _close_if_done(session, actor, alert)
    return row


def _undecided(session: Session, alert_id: int) -> list[AlertAppearance]:
    stmt = select(AlertAppearance).where(
        AlertAppearance.alert_id == alert_id, AlertAppearance.state == PROPOSED
    )
    return list(session.exec(stmt.order_by(col(AlertAppearance.id))))


def _record_appearance(session: Session, actor: User, alert: Alert, row: AlertAppearance) -> None:
    appearance = claims.add_appearance(
        session=session,
        actor=actor,
        claim_id=alert.claim_id,
        data=claims.AppearanceInput(
            story_id=row.story_id,
            quote=row.quote,
            position=None if row.position == HEADLINE else row.position,
            credited_to=row.credited_to,
        ),
    )
    row.appearance_id = appearance.id
    _set_sighting(session, actor, row, CONFIRMED)


def _set_sighting(session: Session, actor: User, row: AlertAppearance, state: str) -> None:
    row.state, row.decided_at, row.decided_by_id = state, utcnow(), actor.id
    session.add(row)


def _open_sighting(session: Session, sighting_id: int) -> tuple[AlertAppearance, Alert]:
    row = get_or_raise(session, AlertAppearance, sighting_id)
    if row.state == CONFIRMED:
        raise InvalidTransition("This sentence was confirmed already; reload the page.")
    if row.state == DISMISSED:
        raise InvalidTransition("This sentence was dismissed already; reload the page.")
    return row, _open(session, row.alert_id)


def _close_if_done(session: Session, actor: User, alert: Alert) -> None:
    """The last open sentence decided: the alert is confirmed if any sentence was, else dismissed."""
    session.flush()
    states = set(session.exec(select(AlertAppearance.state).where(
        AlertAppearance.alert_id == alert.id)))  # fmt: skip
    if PROPOSED in states:
        alert.updated_at = utcnow()
        session.add(alert)
        return
    _decide(session, actor, alert, CONFIRMED if CONFIRMED in states else DISMISSED)


def _open(session: Session, alert_id: int) -> Alert:
    alert = get_or_raise(session, Alert, alert_id)
    if alert.state != OPEN:
        if alert.state == CONFIRMED:
            raise InvalidTransition("This alert was confirmed already; reload the page.")
        raise InvalidTransition("This alert was dismissed already; reload the page.")
    return alert


def _decide(session: Session, actor: User, alert: Alert, state: str) -> None:
    before = audit.snapshot(alert, ["state"])
    alert.state, alert.open_claim_id = state, None
    alert.decided_at = alert.updated_at = utcnow()
    alert.decided_by_id = actor.id
    session.add(alert)
    audit.record(session, actor=actor, action=f"alert.{'confirm' if state == CONFIRMED else 'dismiss'}",
                 obj=alert, before=before,
                 after=audit.snapshot(alert, ["state", "dismiss_reason"]))  # fmt: skip


# -- reading ----------------------------------------------------------------------------------
@dataclass
class Sighting:
    row: AlertAppearance
    story: Story


@dataclass
class AlertView:
    alert: Alert
    claim: Claim
    label: RatingLabel | None
    sightings: list[Sighting] = field(default_factory=list)

    @property
    def story_count(self) -> int:
        return len({s.story.id for s in self.sightings})

    @property
    def last_seen(self) -> datetime:
        return max((s.row.created_at for s in self.sightings), default=self.alert.created_at)


def open_count(session: Session) -> int:
    """Open alerts (the desk navigation shows it on every page: one indexed COUNT)."""
    stmt = select(func.count()).select_from(Alert).where(Alert.state == OPEN)
    return int(session.exec(stmt).one())


def list_alerts(
    session: Session,
    *,
    state: str | None = OPEN,
    outlet: str | None = None,
    rating: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
    with_dismissed: bool = True,
) -> list[AlertView]:
    """Alerts newest first, filtered by state, by the outlet of a story and by the rating key.

    `with_dismissed=False` is for what leaves the desk (the Atom feed, the daily digest): a
    sentence a person dismissed is not the checked claim, so it is left out, and so is an alert
    with nothing else left. The desk's own pages show them, marked as dismissed.
    """
    stmt = select(Alert).order_by(col(Alert.updated_at).desc(), col(Alert.id).desc()).limit(limit)
    if state:
        stmt = stmt.where(Alert.state == state)
    if not with_dismissed:
        kept = select(AlertAppearance.alert_id).where(AlertAppearance.state != DISMISSED)
        stmt = stmt.where(col(Alert.id).in_(kept))
    if since is not None:
        stmt = stmt.where(col(Alert.updated_at) >= since)
    if outlet:
        in_outlet = (
            select(AlertAppearance.alert_id)
            .join(Story, col(Story.id) == AlertAppearance.story_id)
            .where(Story.outlet == outlet)
        )
        stmt = stmt.where(col(Alert.id).in_(in_outlet))
    if rating:
        rated = (
            select(Verdict.claim_id)
            .join(RatingLabel, col(RatingLabel.id) == Verdict.rating_id)
            .where(RatingLabel.key == rating)
        )
        stmt = stmt.where(col(Alert.claim_id).in_(rated))
    return _views(session, list(session.exec(stmt)), with_dismissed=with_dismissed)


def get_alert(session: Session, alert_id: int) -> AlertView:
    return _views(session, [get_or_raise(session, Alert, alert_id)])[0]


def _views(
    session: Session, alerts: list[Alert], *, with_dismissed: bool = True
) -> list[AlertView]:
    if not alerts:
        return []
    claim_ids = {a.claim_id for a in alerts}
    found = session.exec(select(Claim).where(col(Claim.id).in_(claim_ids)))
    claims_by_id = {c.id: c for c in found}
    labels = {
        v.claim_id: label
        for v, label in session.exec(
            select(Verdict, RatingLabel)
            .join(RatingLabel, col(RatingLabel.id) == Verdict.rating_id)
            .where(col(Verdict.claim_id).in_(claim_ids))
        )
    }
    sightings: dict[int, list[Sighting]] = defaultdict(list)
    stmt = (
        select(AlertAppearance, Story)
        .join(Story, col(Story.id) == AlertAppearance.story_id)
        .where(col(AlertAppearance.alert_id).in_([a.id for a in alerts]))
        .order_by(col(AlertAppearance.id))
    )
    if not with_dismissed:
        stmt = stmt.where(AlertAppearance.state != DISMISSED)
    for row, story in session.exec(stmt):
        sightings[row.alert_id].append(Sighting(row, story))
    return [
        AlertView(a, claims_by_id[a.claim_id], labels.get(a.claim_id), sightings[a.id or 0])
        for a in alerts
    ]
