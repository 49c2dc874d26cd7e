"""Claims: create, edit (with version check), appearances, assignment, status, tags, notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel import Locale
from sqlmodel import Session, col, delete, select

from claimtrack.extraction.facts import stated_facts
from claimtrack.extraction.language import CONFIDENT, language_confidence
from claimtrack.models import (
    Appearance,
    Claim,
    ClaimantKind,
    ClaimNote,
    ClaimStatus,
    ClaimTag,
    Story,
    User,
    utcnow,
)
from claimtrack.services.matching import match as matching
from claimtrack.services.matching.links import recluster_component
from claimtrack.workflow import Permission, can_transition

from . import audit, revisions
from .base import check_language, clean_text, get_or_raise, require, use_case
from .errors import EditConflict, InvalidTransition, ValidationError

EDITABLE = (
    "text",
    "language",
    "claimant",
    "claimant_kind",
    "claim_date",
    "figures",
    "places",
    "dates",
)
MIN_CLAIM_CHARS = 10
MAX_CLAIM_CHARS = 2000


@dataclass
class ClaimInput:
    text: str
    language: str = "de"
    claimant: str = ""
    claimant_kind: str = ClaimantKind.UNKNOWN
    claim_date: date | None = None
    tags: list[str] = field(default_factory=list)
    worthiness: float | None = None
    worthiness_reasons: list[dict[str, Any]] = field(default_factory=list)  # code, weight, values
    figures: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    # None: the language was not chosen by a person (intake, imports), so there is nothing to
    # ask; False: a person chose it and it is checked against the text; True: they confirmed it.
    language_confirmed: bool | None = None


@dataclass
class AppearanceInput:
    story_id: int
    quote: str = ""
    position: int | None = None
    credited_to: str = ""
    appeared_on: date | None = None


def _validate(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if "text" in out:
        out["text"] = clean_text(out["text"], "text", max_len=MAX_CLAIM_CHARS)
        if len(out["text"]) < MIN_CLAIM_CHARS:
            raise ValidationError("A claim needs at least a short sentence.", field="text")
    if "language" in out:
        check_language(out["language"])
    if "claimant" in out:
        out["claimant"] = clean_text(out["claimant"], "claimant", required=False, max_len=300)
    if "claimant_kind" in out:
        try:
            out["claimant_kind"] = ClaimantKind(out["claimant_kind"] or ClaimantKind.UNKNOWN)
        except ValueError:
            raise ValidationError("Unknown kind of claimant.", field="claimant_kind") from None
    return out


class LanguageMismatch(ValidationError):
    """The chosen language contradicts the text; `chosen` and `guessed` are language codes."""

    def __init__(self, chosen: str, guessed: str) -> None:
        super().__init__(
            "The text reads as %(guessed)s, but the language chosen is %(chosen)s. "
            "Correct the language, or confirm that %(chosen)s is right.",
            field="language",
            params={"chosen": _english_name(chosen), "guessed": _english_name(guessed)},
        )
        self.chosen = chosen
        self.guessed = guessed


def _english_name(code: str) -> str:
    """ "German" for "de": the web layer names the languages in the page's language instead."""
    return str(Locale.parse(code).get_display_name("en") or code)


def check_language_label(text: str, language: str, confirmed: bool) -> None:
    """Refuse a language a person chose when the text is confidently in another one.

    The matcher treats claims of different languages as translations (a looser scale), so a
    German text saved as English gets loosely related German claims as duplicates. Short texts
    full of names can mislead a guesser: only a confident contrary guess is refused, and the
    person can confirm the label (`confirmed`)."""
    if confirmed:
        return
    guessed, confidence = language_confidence(text)
    if guessed != language and confidence >= CONFIDENT:
        raise LanguageMismatch(language, guessed)


def normalise_tags(tags: list[str]) -> list[str]:
    cleaned = {t.strip().lower()[:60] for t in tags if t and t.strip()}
    return sorted(cleaned)


@use_case
def create_claim(
    *, session: Session, actor: User, data: ClaimInput, appearance: AppearanceInput | None = None
) -> Claim:
    """Add a claim (optionally with the appearance it was found in)."""
    require(actor, Permission.TRIAGE)
    values = _with_stated_facts(_validate({k: getattr(data, k) for k in EDITABLE}))
    if data.language_confirmed is not None:
        check_language_label(values["text"], values["language"], data.language_confirmed)
    claim = Claim(
        **values,
        worthiness=data.worthiness,
        worthiness_reasons=list(data.worthiness_reasons),
        created_by_id=actor.id,
    )
    session.add(claim)
    session.flush()
    _replace_tags(session, claim, normalise_tags(data.tags))
    audit.record(
        session, actor=actor, action="claim.create", obj=claim, after=claim_snapshot(session, claim)
    )
    if appearance is not None:
        _add_appearance(session, actor, claim, appearance)
    matching.on_claim_saved(session, claim, actor)
    return claim


def _with_stated_facts(values: dict[str, Any]) -> dict[str, Any]:
    """Fill figures, places and dates from the text when none were given (claims typed by hand)."""
    if values.get("figures") or values.get("places") or values.get("dates"):
        return values
    return {**values, **_facts_of(values["text"], values["language"], values.get("claim_date"))}


def _facts_of(text: str, language: str, claim_date: date | None) -> dict[str, Any]:
    """The facts in the shape intake stores them (the claim's date completes "am 7. Januar")."""
    facts = stated_facts(text, language, claim_date)
    return {"figures": facts.figures, "places": facts.places, "dates": facts.dates}


def claim_snapshot(session: Session, claim: Claim) -> dict[str, Any]:
    snap = audit.snapshot(claim, [*EDITABLE, "status", "assignee_id"])
    snap["tags"] = tags_of(session, claim.id or 0)
    return snap


def tags_of(session: Session, claim_id: int) -> list[str]:
    stmt = select(ClaimTag.tag).where(ClaimTag.claim_id == claim_id).order_by(ClaimTag.tag)
    return list(session.exec(stmt))


def _replace_tags(session: Session, claim: Claim, tags: list[str]) -> None:
    session.exec(delete(ClaimTag).where(col(ClaimTag.claim_id) == claim.id))
    for tag in tags:
        session.add(ClaimTag(claim_id=claim.id or 0, tag=tag))
    session.flush()


def check_version(session: Session, claim: Claim, expected_version: int | None) -> None:
    """Refuse a change based on an older version, naming who changed what since."""
    if expected_version is None or expected_version == claim.version:
        return
    raise conflict_for(session, claim, "claim")


def conflict_for(session: Session, obj: Any, object_type: str) -> EditConflict:
    last = audit.last_change(session, object_type, obj.id)
    who = None
    fields: list[str] = []
    if last is not None:
        person = session.get(User, last.actor_id) if last.actor_id else None
        who = person.name if person else None
        fields = audit.changed_fields(last.before or {}, last.after or {})
    what = ", ".join(fields) if fields else "it"
    current = audit.snapshot(obj)
    return EditConflict(
        "%(who)s changed %(what)s while you were editing. "
        "Your text is kept below; compare and save again.",
        params={"who": who or "Someone", "what": what},
        current=current,
        current_version=obj.version,
        changed_by=who,
        changed_fields=fields,
    )


@use_case
def edit_claim(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    expected_version: int,
    changes: dict[str, Any],
    correction_note: str = "",
    language_confirmed: bool | None = None,
) -> Claim:
    """Change the claim's wording and facts; `expected_version` is the version the edit was based on.

    A published claim only changes by an editor: as a public correction when `correction_note` (what
    readers are told) is given, else as an internal update revision. When a person changes the
    text or the language (`language_confirmed` not None), the language is checked against the
    text like at creation."""
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    check_version(session, claim, expected_version)
    unknown = set(changes) - set(EDITABLE) - {"tags"}
    if unknown:
        raise ValidationError(
            "Cannot change %(fields)s.", params={"fields": ", ".join(sorted(unknown))}
        )
    before = claim_snapshot(session, claim)
    values = _validate({k: v for k, v in changes.items() if k != "tags"})
    reworded = {
        k: values[k] for k in ("text", "language") if k in values and values[k] != before[k]
    }
    wording = {"text": claim.text, "language": claim.language, **reworded}
    if reworded and language_confirmed is not None:
        check_language_label(wording["text"], wording["language"], language_confirmed)
    if reworded and not {"figures", "places", "dates"} & set(values):
        day = values.get("claim_date", claim.claim_date)
        values.update(_facts_of(wording["text"], wording["language"], day))
    if "tags" in changes:
        _replace_tags(session, claim, normalise_tags(changes["tags"]))
    # One UPDATE per edit: the version counter moves by exactly one.
    with session.no_autoflush:
        for key, value in values.items():
            if getattr(claim, key) != value:
                setattr(claim, key, value)
        after = claim_snapshot(session, claim)
    if after == before:
        return claim
    _touch(session, claim)
    audit.record(session, actor=actor, action="claim.edit", obj=claim, before=before, after=after)
    if (before["text"], before["language"]) != (after["text"], after["language"]):
        matching.on_claim_saved(session, claim, actor)
    changed = audit.changed_fields(before, after)
    note = clean_text(correction_note, "correction_note", required=False, max_len=2000)
    revisions.record_published_change(
        session, claim_id=claim.id or 0, actor=actor,
        note=note or f"Claim edited: {', '.join(changed)}", correction=bool(note),
        before={k: before[k] for k in changed}, after={k: after[k] for k in changed},
    )  # fmt: skip
    return claim


def _touch(session: Session, claim: Claim) -> None:
    claim.updated_at = utcnow()
    session.add(claim)
    session.flush()


def _add_appearance(
    session: Session, actor: User, claim: Claim, data: AppearanceInput
) -> Appearance:
    story = get_or_raise(session, Story, data.story_id)
    appearance = Appearance(
        claim_id=claim.id or 0,
        story_id=story.id or 0,
        quote=clean_text(data.quote, "quote", required=False, max_len=5000),
        position=data.position,
        credited_to=clean_text(data.credited_to, "credited_to", required=False, max_len=300),
        appeared_on=data.appeared_on or (story.published_at.date() if story.published_at else None),
        created_by_id=actor.id,
    )
    session.add(appearance)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="appearance.create",
        obj=appearance,
        after=audit.snapshot(
            appearance, ["claim_id", "story_id", "quote", "credited_to", "appeared_on"]
        ),
    )
    revisions.record_published_change(
        session,
        claim_id=claim.id or 0,
        actor=actor,
        note=f"Appearance added: {story.title or story.url}",
    )
    return appearance


@use_case
def add_appearance(
    *, session: Session, actor: User, claim_id: int, data: AppearanceInput
) -> Appearance:
    """Record that a claim appeared (again) in a story. The same quote at the same place is kept once."""
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    existing = session.exec(
        select(Appearance).where(
            Appearance.claim_id == claim_id,
            Appearance.story_id == data.story_id,
            Appearance.position == data.position,
            col(Appearance.deleted_at).is_(None),
        )
    ).first()
    if existing is not None and data.position is not None:
        return existing
    return _add_appearance(session, actor, claim, data)


def appearances_of(session: Session, claim_ids: list[int]) -> list[tuple[Appearance, Story]]:
    """Appearances of the given claims with their stories, first appearance first."""
    stmt = (
        select(Appearance, Story)
        .join(Story, col(Story.id) == Appearance.story_id)
        .where(col(Appearance.claim_id).in_(claim_ids), col(Appearance.deleted_at).is_(None))
        .order_by(col(Appearance.appeared_on).asc().nulls_last(), col(Appearance.id))
    )
    return [(a, s) for a, s in session.exec(stmt)]


@use_case
def assign_claim(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    assignee_id: int | None,
    expected_version: int | None = None,
) -> Claim:
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    check_version(session, claim, expected_version)
    if assignee_id is not None:
        assignee = get_or_raise(session, User, assignee_id)
        if not assignee.active or assignee.is_system:
            raise ValidationError("That person cannot be assigned claims.", field="assignee_id")
    return _set(session, actor, claim, "claim.assign", assignee_id=assignee_id)


def _set(session: Session, actor: User, claim: Claim, action: str, **values: Any) -> Claim:
    before = claim_snapshot(session, claim)
    with session.no_autoflush:
        for key, value in values.items():
            setattr(claim, key, value)
    _touch(session, claim)
    audit.record(
        session,
        actor=actor,
        action=action,
        obj=claim,
        before=before,
        after=claim_snapshot(session, claim),
    )
    return claim


@use_case
def change_status(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    status: str,
    expected_version: int | None = None,
    reason: str = "",
) -> Claim:
    """Move a claim along the workflow (publishing and withdrawal go through the verdict)."""
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    check_version(session, claim, expected_version)
    if not can_transition(claim.status, status):
        raise InvalidTransition(
            "A claim cannot go from %(old)s to %(new)s.",
            {"old": str(claim.status), "new": str(status)},
        )
    claim = _set(session, actor, claim, f"claim.status.{status}", status=ClaimStatus(status))
    if reason.strip():
        session.add(ClaimNote(claim_id=claim.id or 0, author_id=actor.id, body=reason.strip()))
    return claim


def dismiss_claim(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    reason: str = "",
    expected_version: int | None = None,
) -> Claim:
    """Mark a claim as not worth checking (it stays, and can be reopened)."""
    return change_status(
        session=session,
        actor=actor,
        claim_id=claim_id,
        status=ClaimStatus.DISMISSED,
        reason=reason,
        expected_version=expected_version,
    )


@use_case
def bulk_update(
    *,
    session: Session,
    actor: User,
    claim_ids: list[int],
    assignee_id: int | None = None,
    unassign: bool = False,
    dismiss: bool = False,
    add_tag: str | None = None,
) -> int:
    """Assign, dismiss or tag many claims in one transaction; returns how many changed.

    Claims that cannot be dismissed from their status are skipped, not failed, so one published
    claim in a selection does not block the rest.
    """
    require(actor, Permission.TRIAGE)
    changed = 0
    for claim_id in sorted(set(claim_ids)):
        claim = get_or_raise(session, Claim, claim_id)
        values: dict[str, Any] = {}
        if assignee_id is not None or unassign:
            values["assignee_id"] = None if unassign else assignee_id
        if dismiss and can_transition(claim.status, ClaimStatus.DISMISSED):
            values["status"] = ClaimStatus.DISMISSED
        if add_tag:
            tags = normalise_tags([*tags_of(session, claim_id), add_tag])
            _replace_tags(session, claim, tags)
        if values or add_tag:
            _set(session, actor, claim, "claim.bulk", **values)
            changed += 1
    return changed


@use_case
def add_note(*, session: Session, actor: User, claim_id: int, body: str) -> ClaimNote:
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    note = ClaimNote(
        claim_id=claim.id or 0, author_id=actor.id, body=clean_text(body, "note", max_len=20_000)
    )
    session.add(note)
    session.flush()
    audit.record(session, actor=actor, action="note.create", obj=note, after={"claim_id": claim.id})
    return note


def notes_of(session: Session, claim_id: int) -> list[ClaimNote]:
    stmt = (
        select(ClaimNote)
        .where(ClaimNote.claim_id == claim_id, col(ClaimNote.deleted_at).is_(None))
        .order_by(col(ClaimNote.id))
    )
    return list(session.exec(stmt))


@use_case
def delete_claim(*, session: Session, actor: User, claim_id: int, reason: str) -> Claim:
    """Soft-delete a claim that was entered by mistake; a claim with a published verdict cannot be.

    The claim leaves the matching indexes and its cluster (the rest of the cluster is re-formed
    from the links between live claims, so it never keeps a deleted canonical claim)."""
    require(actor, Permission.PUBLISH)
    claim = get_or_raise(session, Claim, claim_id)
    if claim.status == ClaimStatus.PUBLISHED:
        raise InvalidTransition("A published claim is withdrawn through its verdict, not deleted.")
    reason = clean_text(reason, "reason", max_len=500)
    claim.deleted_at = utcnow()
    claim.deleted_by_id = actor.id
    claim.deleted_reason = reason
    session.add(claim)
    audit.record(session, actor=actor, action="claim.delete", obj=claim, after={"reason": reason})
    matching.on_claim_deleted(session, claim)
    session.flush()
    recluster_component(session, [claim_id])
    return claim


def get_claim(session: Session, claim_id: int) -> Claim:
    return get_or_raise(session, Claim, claim_id)
