"""A cheap first look at a story's sentences: could this one repeat a claim with a published verdict?

Monitoring reads every candidate sentence of every new story, but an alert needs only those the
matcher calls the same claim as, or a variant of, a *published* one. The default embedder
(e5-small) costs 25-35 ms of CPU a sentence, about half of what a story cost to poll; the
multilingual USE model (``use-m3``) costs 1-2 ms and, with the pair decision on top of it,
separates sentences that could repeat a published claim from the rest. So a sentence goes through
the full matcher (e5, the whole store) only when the screen says so:

1. the sentence is embedded with use-m3 and compared by cosine with every published claim (the
   published claims' use-m3 vectors are kept per process, refreshed when the set changes);
2. the nearest ``NEAREST`` published claims with a cosine of at least ``MIN_COSINE`` get the
   pair decision (``compare.compare`` with the use-m3 cosine, the desk's aliases);
3. the sentence is matched when one of them is *same* or *variant*, or scores ``SCORE`` or more.

Why these numbers (measured on benchmarks/data/matching_pairs.jsonl and matching_pairs_fresh.jsonl,
190 pairs in German, English and across both, ``benchmarks/monitoring_screen.py``): every pair
labelled same or variant, or decided same or variant with e5, scores at least 66 here and has a
use-m3 cosine of at least 0.36; unrelated filler sentences of news stories score 23-52. A
sentence the screen lets through costs what it cost before; one it stops costs about 3 ms instead
of 30-50.

Where the configured embedder is use-m3 itself (or no embedder can run), there is nothing to
save and no screen is used: every sentence is matched.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlmodel import Session, col, select

from claimtrack.extraction import Candidate
from claimtrack.matching.compare import Kind, compare
from claimtrack.matching.embedding import (
    Embedder,
    EmbedderUnavailable,
    Vectors,
    embedder_name,
    get_embedder,
    stored_form,
)
from claimtrack.matching.prepare import Prepared, prepare
from claimtrack.models import Claim, ClaimStatus
from claimtrack.services.matching.match import alias_table
from claimtrack.text.aliases import AliasTable

MODEL = "use-m3"
NEAREST = 5  # published claims given the pair decision, the nearest by cosine
MIN_COSINE = 0.30  # no alert-worthy pair of the pairs sets lies below (lowest: 0.365)
SCORE = 55.0  # the pair score from which a sentence is matched in full (lowest alert-worthy: 66)
ALERT_KINDS = (Kind.SAME, Kind.VARIANT)
REMEMBERED = 20_000  # screened sentences kept per published set and process


@dataclass(frozen=True)
class Published:
    """One process's view of the published claims: ids, use-m3 vectors, and the prepared texts
    of those a sentence came near (prepared on first use: most are never compared)."""

    key: tuple[tuple[int, str, str], ...]
    ids: tuple[int, ...]
    vectors: Vectors  # (n, dim), stored form
    aliases: AliasTable
    prepared: dict[tuple[int, str, str], Prepared] = field(default_factory=dict)
    # Sentences screened against this set: agency copy repeats word for word across outlets.
    decided: dict[tuple[str, str], bool] = field(default_factory=dict)

    def remember(self, text: str, language: str, passes: bool) -> None:
        with _decided_lock:
            if len(self.decided) >= REMEMBERED:
                self.decided.pop(next(iter(self.decided)), None)  # the oldest first
            self.decided[(text, language)] = passes

    def prepared_at(self, j: int) -> Prepared:
        """Claim ``j`` prepared (cached; two threads may both prepare it once, harmlessly)."""
        k = self.key[j]
        found = self.prepared.get(k)
        if found is None:
            found = self.prepared[k] = prepare(k[1], k[2], self.aliases)
        return found


_lock = threading.Lock()
_decided_lock = threading.Lock()
_cache: dict[str, Published] = {}  # database URL -> its published claims


class Screen:
    """Which of a story's candidate sentences need the full matcher (see the module docstring)."""

    def __init__(self, embedder: Embedder, published: Published) -> None:
        self._embedder = embedder
        self._published = published

    @property
    def published(self) -> int:
        return len(self._published.ids)

    def needs_matching(self, candidates: Sequence[Candidate]) -> list[bool]:
        """One flag per candidate: True when it could repeat a published claim."""
        pub = self._published
        if not candidates or not pub.ids:
            return [False] * len(candidates)
        keys = [(c.text, c.language) for c in candidates]
        known = {k: found for k in keys if (found := pub.decided.get(k)) is not None}
        fresh = [k for k in dict.fromkeys(keys) if k not in known]
        if fresh:
            vecs = stored_form(self._embedder.embed([text for text, _ in fresh]))
            for (text, language), row in zip(fresh, vecs @ pub.vectors.T, strict=True):
                known[(text, language)] = self._passes(text, language, row)
                pub.remember(text, language, known[(text, language)])
        return [known[k] for k in keys]

    def _passes(self, text: str, language: str, cosines: Vectors) -> bool:
        pub = self._published
        k = min(NEAREST, len(pub.ids))
        nearest = np.argpartition(-cosines, k - 1)[:k]
        close = [int(j) for j in nearest if cosines[j] >= MIN_COSINE]
        if not close:
            return False
        mine = prepare(text, language, pub.aliases)
        for j in sorted(close, key=lambda j: -cosines[j]):
            cmp = compare(mine, pub.prepared_at(j), cosine=float(cosines[j]), model=MODEL)
            if cmp.kind in ALERT_KINDS or cmp.score >= SCORE:
                return True
        return False


def screen_for(session: Session) -> Screen | None:
    """The screen for this database's published claims; None when every sentence is matched
    (the configured embedder is use-m3 already, or cannot run here, or use-m3 cannot)."""
    try:
        if embedder_name() == MODEL:
            return None
        get_embedder()  # the full matcher's model: when it cannot run, matching is lexical
        embedder = get_embedder(MODEL)
    except EmbedderUnavailable:
        return None
    return Screen(embedder, _published(session, embedder))


def _published(session: Session, embedder: Embedder) -> Published:
    rows = session.exec(
        select(Claim.id, Claim.text, Claim.language)
        .where(Claim.status == ClaimStatus.PUBLISHED, col(Claim.deleted_at).is_(None))
        .order_by(col(Claim.id))
    ).all()
    key = tuple((int(i or 0), str(t), str(lang)) for i, t, lang in rows)
    aliases = alias_table(session)
    url = str(session.get_bind().engine.url)
    with _lock:
        found = _cache.get(url)
        if found is None or found.key != key or found.aliases is not aliases:
            found = _cache[url] = published_set(embedder, key, aliases, found)
        return found


def published_set(
    embedder: Embedder,
    key: Sequence[tuple[int, str, str]],
    aliases: AliasTable,
    old: Published | None = None,
) -> Published:
    """The screen's data for the claims (id, text, language) in ``key``; what ``old`` knew about
    a claim with the same text is reused, so only new or reworded claims are embedded."""
    key = tuple(key)
    known: dict[tuple[int, str], Vectors] = {}
    reuse: dict[tuple[int, str, str], Prepared] = {}
    if old is not None:
        known = {(i, t): v for (i, t, _), v in zip(old.key, old.vectors, strict=True)}
        if old.aliases is aliases:
            wanted = set(key)
            reuse = {k: p for k, p in old.prepared.items() if k in wanted}
    missing = [(i, t) for i, t, _ in key if (i, t) not in known]
    if missing:
        fresh = stored_form(embedder.embed([t for _, t in missing]))
        known.update(zip(missing, fresh, strict=True))
    matrix = (
        np.vstack([known[(i, t)] for i, t, _ in key])
        if key
        else np.zeros((0, embedder.dim), dtype=np.float32)
    )
    return Published(key, tuple(i for i, _, _ in key), matrix, aliases, reuse)
