"""All tables. Importing this package registers every table on SQLModel.metadata (Alembic reads it)."""

from claimtrack.enums import (
    ClaimantKind,
    ClaimStatus,
    LinkKind,
    LinkState,
    RevisionKind,
    Role,
    SourceKind,
    VerdictState,
)

from .base import utcnow
from .claims import Claim, ClaimLink, ClaimNote, ClaimTag, QueueTally
from .jobs import JobRun, WebhookDelivery, WebhookEndpoint
from .limits import RateCounter
from .matching import (
    ClaimVector,
    ClaimVectorClock,
    MatchAlias,
    MatchEntry,
    MatchPostingList,
    MatchRules,
    MatchStats,
    MatchTerm,
    MatchThreshold,
)
from .monitoring import Alert, AlertAppearance, AlertFeedToken, WatchedItem, WatchedSource
from .reports import ErrorReport
from .sources import Source
from .stories import Appearance, Story
from .users import AuditEvent, PartnerToken, User
from .verdicts import RatingLabel, Verdict, VerdictRevision

__all__ = [
    "Alert",
    "AlertAppearance",
    "AlertFeedToken",
    "WatchedItem",
    "WatchedSource",
    "QueueTally",
    "Appearance",
    "AuditEvent",
    "Claim",
    "ErrorReport",
    "ClaimLink",
    "ClaimNote",
    "ClaimStatus",
    "ClaimTag",
    "ClaimVector",
    "ClaimVectorClock",
    "ClaimantKind",
    "JobRun",
    "LinkKind",
    "LinkState",
    "MatchAlias",
    "MatchEntry",
    "MatchPostingList",
    "MatchRules",
    "MatchStats",
    "MatchTerm",
    "MatchThreshold",
    "PartnerToken",
    "RateCounter",
    "RatingLabel",
    "RevisionKind",
    "Role",
    "Source",
    "SourceKind",
    "Story",
    "User",
    "Verdict",
    "VerdictRevision",
    "VerdictState",
    "WebhookDelivery",
    "WebhookEndpoint",
    "utcnow",
]
