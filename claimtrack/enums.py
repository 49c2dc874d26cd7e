"""Vocabularies stored as short strings, so both databases and migrations stay simple."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    FACT_CHECKER = "fact_checker"
    EDITOR = "editor"
    ADMIN = "admin"


class ClaimStatus(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    IN_RESEARCH = "in_research"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    DISMISSED = "dismissed"
    WITHDRAWN = "withdrawn"


class ClaimantKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    PRIMARY_DOCUMENT = "primary_document"
    OFFICIAL_STATEMENT = "official_statement"
    EXPERT = "expert"
    MEDIA_REPORT = "media_report"
    DATASET = "dataset"
    OTHER = "other"


class VerdictState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class RevisionKind(StrEnum):
    DRAFT = "draft"
    PUBLICATION = "publication"
    CORRECTION = "correction"
    UPDATE = "update"
    WITHDRAWAL = "withdrawal"


class LinkKind(StrEnum):
    SAME = "same"
    VARIANT = "variant"
    RELATED = "related"


class LinkState(StrEnum):
    SUGGESTED = "suggested"
    PROPOSED = "proposed"  # a fact-checker proposed a decision; an editor confirms or rejects it
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class WebhookEvent(StrEnum):
    """What a partner's webhook endpoint can subscribe to (the Standard Webhooks `type`)."""

    PUBLISHED = "verdict.published"
    CORRECTED = "verdict.corrected"
    WITHDRAWN = "verdict.withdrawn"
    ALERT = "alert.raised"  # optional: a checked claim is back in new stories (monitoring)
