"""Load the demo data through the same use cases the desk uses. Running it twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from claimtrack import demo_data as d
from claimtrack.models import Claim, ClaimLink, ClaimStatus, LinkState, Story, User, VerdictState
from claimtrack.services.intake import stories
from claimtrack.services.matching import links as matching_links

from . import claims, ratings, sources, users, verdicts


@dataclass
class DemoReport:
    stories: int = 0
    claims: int = 0
    verdicts: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        if not (self.stories or self.claims or self.verdicts):
            return "Demo data is loaded already; nothing changed."
        return f"Demo data loaded: {self.stories} stories, {self.claims} claims, {self.verdicts} published verdicts."


def _demo_users(session: Session, system: User, report: DemoReport) -> dict[str, User]:
    by_role: dict[str, User] = {}
    for email, name, role, password in d.DEMO_USERS:
        user = session.exec(select(User).where(User.email == email)).first()
        if user is None:
            user = users.create_user(
                session=session, actor=system, email=email, name=name, role=role, password=password
            )
        by_role[role] = user
        report.logins.append((email, password))
    return by_role


def _stories(session: Session, actor: User, report: DemoReport) -> dict[str, Story]:
    out: dict[str, Story] = {}
    for s in d.STORIES:
        result = stories.add_story(
            session=session,
            actor=actor,
            data=stories.StoryInput(
                body=s.body,
                title=s.title,
                url=s.url,
                outlet=s.outlet,
                language=s.language,
                published_at=datetime.fromisoformat(s.published).replace(tzinfo=UTC),
            ),
        )
        report.stories += int(result.created)
        out[s.key] = result.story
    return out


def _claim(
    session: Session,
    actor: User,
    c: d.DemoClaim,
    story_by_key: dict[str, Story],
    report: DemoReport,
) -> Claim:
    existing = session.exec(
        select(Claim).where(Claim.text == c.text, col(Claim.deleted_at).is_(None))
    ).first()
    if existing is not None:
        return existing
    first_story, first_quote = c.appearances[0]
    claim = claims.create_claim(
        session=session,
        actor=actor,
        data=claims.ClaimInput(
            text=c.text,
            language=c.language,
            claimant=c.claimant,
            claimant_kind=c.claimant_kind,
            claim_date=c.claim_date,
            tags=c.tags,
        ),
        appearance=claims.AppearanceInput(
            story_id=story_by_key[first_story].id or 0,
            quote=first_quote,
            position=story_by_key[first_story].body.find(first_quote),
            credited_to=c.claimant,
        ),
    )
    report.claims += 1
    for story_key, quote in c.appearances[1:]:
        story = story_by_key[story_key]
        claims.add_appearance(
            session=session,
            actor=actor,
            claim_id=claim.id or 0,
            data=claims.AppearanceInput(
                story_id=story.id or 0, quote=quote, position=story.body.find(quote)
            ),
        )
    for src in c.sources:
        sources.add_source(
            session=session,
            actor=actor,
            claim_id=claim.id or 0,
            data=sources.SourceInput(
                url=src.url,
                title=src.title,
                publisher=src.publisher,
                kind=src.kind,
                accessed_on=src.accessed_on,
                archive_url=src.archive_url,
                note=src.note,
            ),
        )
    if c.status != ClaimStatus.NEW:
        claims.change_status(session=session, actor=actor, claim_id=claim.id or 0, status=c.status)
    return claim


def _verdict(
    session: Session,
    checker: User,
    editor: User,
    claim: Claim,
    v: d.DemoVerdict,
    report: DemoReport,
) -> None:
    current = verdicts.verdict_of(session, claim.id or 0)
    if current is not None and current.state != VerdictState.DRAFT:
        return

    def label_id(key: str) -> int | None:
        label = ratings.label_by_key(session, key)
        return label.id if label else None

    verdicts.save_draft(
        session=session,
        actor=checker,
        claim_id=claim.id or 0,
        data=verdicts.VerdictInput(
            rating_id=label_id(v.rating),
            headline=v.headline,
            summary=v.summary,
            reasoning=v.reasoning,
            valid_as_of=v.valid_as_of,
            language=claim.language,
        ),
    )
    published = verdicts.publish_verdict(session=session, actor=editor, claim_id=claim.id or 0)
    report.verdicts += 1
    if v.correction:
        rating, headline, summary, note = v.correction
        verdicts.correct_verdict(
            session=session,
            actor=editor,
            claim_id=claim.id or 0,
            expected_version=published.version,
            public=True,
            note=note,
            data=verdicts.VerdictInput(
                rating_id=label_id(rating),
                headline=headline,
                summary=summary,
                reasoning=v.reasoning,
                valid_as_of=v.valid_as_of,
                language=claim.language,
            ),
        )


def _link(session: Session, editor: User, a: Claim, b: Claim, decision: str) -> None:
    low, high = sorted((a.id or 0, b.id or 0))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).first()
    if link is not None and link.state == LinkState.CONFIRMED and link.kind == decision:
        return
    matching_links.link_claims(
        session=session, actor=editor, claim_id=low, other_id=high, decision=decision
    )


def load_demo(session: Session) -> DemoReport:
    """Add whatever part of the demo data is missing."""
    report = DemoReport()
    ratings.ensure_default_scale(session)
    system = users.system_user(session)
    session.commit()
    people = _demo_users(session, system, report)
    checker, editor = people["fact_checker"], people["editor"]
    story_by_key = _stories(session, checker, report)
    by_key: dict[str, Claim] = {}
    for c in d.CLAIMS:
        by_key[c.key] = _claim(session, checker, c, story_by_key, report)
        if c.verdict is not None:
            _verdict(session, checker, editor, by_key[c.key], c.verdict, report)
    for a, b, decision in d.LINKS:
        _link(session, editor, by_key[a], by_key[b], decision)
    return report
