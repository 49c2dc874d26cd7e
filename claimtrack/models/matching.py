"""Tables of the duplicate-claim matcher: its inverted index, aliases and thresholds.

The index lives in the database so that every process and server retrieves the same candidates:
``match_posting_list`` holds each key's claims as packed lists of ids, ``match_term`` the
number of claims per key (to query only the rarest keys), ``match_entry`` what re-ranking needs
per claim, ``match_stats`` the totals BM25 needs, and ``match_rules`` which rules and aliases the
stored claims were read with.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, Text
from sqlmodel import Field, SQLModel

from .base import time_field


class MatchEntry(SQLModel, table=True):
    """Per indexed claim: normalised text, comparison signature and content terms."""

    __tablename__ = "match_entry"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    norm: str = Field(sa_column=Column(Text, nullable=False))
    sig: str = Field(sa_column=Column(Text, nullable=False))
    terms: str = Field(sa_column=Column(Text, nullable=False))
    n_terms: int = Field(default=0)


class MatchPostingList(SQLModel, table=True):
    """The claims of a term key as packed lists: ``ids`` holds claim ids in ascending order, each
    a little-endian 32-bit integer, every one at least ``first_id`` and below the ``first_id``
    of the key's next row. A bulk rebuild writes at most ``store.PACK`` ids a row.

    One row per key and up to PACK claims instead of one per (key, claim): a million claims
    have about 16 million postings, and writing them as single rows after every claim was
    prepared was the serial tail of the rebuild (16.6 s of 111.5 s); as lists they are a few
    hundred thousand rows, and a query reads a key's claims as one or a few blobs.
    """

    __tablename__ = "match_posting_list"
    __table_args__ = {"sqlite_with_rowid": False}

    key: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    first_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    ids: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class MatchTerm(SQLModel, table=True):
    """Document frequency per term key."""

    __tablename__ = "match_term"
    __table_args__ = {"sqlite_with_rowid": False}

    key: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    df: int = Field(default=0)


class MatchStats(SQLModel, table=True):
    """One row (id 1): number of indexed claims and their total number of terms."""

    __tablename__ = "match_stats"

    id: int = Field(default=1, primary_key=True)
    n_docs: int = Field(default=0)
    total_terms: int = Field(default=0)


class ClaimVector(SQLModel, table=True):
    """A claim's sentence embedding under one model, stored with the claim for every process.

    ``vector`` holds int8 codes and ``scale`` the factor that turns them back into the unit
    vector (cosine of two claims = scale_a * scale_b * codes_a . codes_b); int8 kept the top-10
    of float32 (benchmarks/README.md) at a quarter of the size. ``vector`` is NULL while the
    claim waits for the back-fill (saved while no model was loaded, or its text changed).
    ``text_hash`` names the text that was embedded, so a back-fill never overwrites a newer
    wording with an older one. ``seq`` is the vector clock at the row's last change: processes
    keep their in-memory index fresh by reading the rows with ``seq`` above what they have seen.
    """

    __tablename__ = "claim_vector"
    __table_args__ = (Index("ix_claim_vector_model_seq", "model", "seq"),)

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    model: str = Field(max_length=40, primary_key=True)
    dim: int
    text_hash: int = Field(sa_column=Column(BigInteger, nullable=False))
    scale: float = Field(default=0.0)
    vector: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))


class ClaimVectorClock(SQLModel, table=True):
    """One row (id 1): the last ``seq`` handed to a claim_vector change.

    Writers take it with an UPDATE in their own transaction, which holds the row lock until
    commit: ``seq`` values therefore become visible in order, and a reader that has seen ``seq``
    N has seen every change numbered N or less.
    """

    __tablename__ = "claim_vector_clock"

    id: int = Field(default=1, primary_key=True)
    seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    # Random per clock: a process that cached another database under the same URL (a restored
    # backup, a re-created test database) sees a new epoch and reloads.
    epoch: str = Field(max_length=36)


class MatchRules(SQLModel, table=True):
    """One row (id 1): the fingerprint of the reading rules and aliases the index was built with.

    Stored claims keep what was read from them when they were indexed (figures, places, names,
    negation); a release with new rules or a new desk alias changes nothing for them until the
    index is rebuilt, so the admin page compares this with the code's fingerprint.
    """

    __tablename__ = "match_rules"

    id: int = Field(default=1, primary_key=True)
    fingerprint: str = Field(max_length=64)
    recorded_at: datetime = time_field(nullable=False, default_now=True)


class MatchAlias(SQLModel, table=True):
    """A spelling the desk declared equal to a canonical name ("OVKS" = "CSTO")."""

    __tablename__ = "match_alias"

    id: int | None = Field(default=None, primary_key=True)
    spelling: str = Field(max_length=200, unique=True, index=True)
    canonical: str = Field(max_length=200)
    kind: str = Field(default="org", max_length=20)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = time_field(nullable=False, default_now=True)


class MatchThreshold(SQLModel, table=True):
    """A matching threshold the desk set (``suggest``, ``auto_link``, ``same``, ``related``)."""

    __tablename__ = "match_threshold"

    name: str = Field(max_length=30, primary_key=True)
    value: float
    updated_by_id: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = time_field(nullable=False, default_now=True)
