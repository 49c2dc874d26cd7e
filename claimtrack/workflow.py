"""The claim status machine and who may do what. Pure: no Flask, no database."""

from __future__ import annotations

from enum import StrEnum

from claimtrack.enums import ClaimStatus as S
from claimtrack.enums import Role

# Status changes a person may make by hand. Publishing and withdrawing happen through the verdict
# use cases, which set PUBLISHED and WITHDRAWN themselves.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.TRIAGED, S.IN_RESEARCH, S.DISMISSED}),
    S.TRIAGED: frozenset({S.NEW, S.IN_RESEARCH, S.DISMISSED}),
    S.IN_RESEARCH: frozenset({S.TRIAGED, S.IN_REVIEW, S.DISMISSED}),
    S.IN_REVIEW: frozenset({S.IN_RESEARCH}),
    S.PUBLISHED: frozenset(),
    S.DISMISSED: frozenset({S.NEW}),
    S.WITHDRAWN: frozenset({S.IN_RESEARCH}),
}


class Permission(StrEnum):
    TRIAGE = "triage"  # assign, dismiss, tag, change status, edit claims, notes, sources
    DRAFT_VERDICT = "draft_verdict"
    INGEST = "ingest"
    PUBLISH = "publish"  # publish, correct, withdraw
    DECIDE_LINKS = "decide_links"  # confirm same / mark variant / reject
    PROPOSE_LINKS = "propose_links"  # propose same / variant for an editor to confirm
    MANAGE_USERS = "manage_users"
    MANAGE_TOKENS = "manage_tokens"
    MANAGE_SCALE = "manage_scale"
    MANAGE_MATCHING = "manage_matching"
    MANAGE_SOURCES = "manage_sources"  # watched feeds and sitemaps (monitoring)
    VIEW_AUDIT = "view_audit"


_RANK = {Role.FACT_CHECKER: 1, Role.EDITOR: 2, Role.ADMIN: 3}

_MIN_ROLE: dict[Permission, Role] = {
    Permission.TRIAGE: Role.FACT_CHECKER,
    Permission.DRAFT_VERDICT: Role.FACT_CHECKER,
    Permission.INGEST: Role.FACT_CHECKER,
    Permission.PUBLISH: Role.EDITOR,
    Permission.DECIDE_LINKS: Role.EDITOR,
    Permission.PROPOSE_LINKS: Role.FACT_CHECKER,
    Permission.VIEW_AUDIT: Role.EDITOR,
    Permission.MANAGE_USERS: Role.ADMIN,
    Permission.MANAGE_TOKENS: Role.ADMIN,
    Permission.MANAGE_SCALE: Role.ADMIN,
    Permission.MANAGE_MATCHING: Role.ADMIN,
    Permission.MANAGE_SOURCES: Role.ADMIN,
}


def can(role: str | None, permission: Permission) -> bool:
    """True when a person of `role` may do `permission`."""
    if role is None:
        return False
    try:
        return _RANK[Role(role)] >= _RANK[_MIN_ROLE[permission]]
    except ValueError:
        return False


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def allowed_targets(current: str) -> list[str]:
    """Statuses reachable by hand from `current`, in workflow order."""
    order = [str(s) for s in S]
    return sorted(TRANSITIONS.get(current, frozenset()), key=order.index)
