"""Candidate retrieval over an inverted index of hashed terms, then re-ranking.

The index is a table of (key, claim_id) rows plus a document-frequency table; any store that can
answer the three questions of ``Store`` serves (SQL tables in ``services.matching``, a dict in
tests and benchmarks). A query looks up the document frequencies of its terms, reads the postings
of only its rarest terms (bounded by a budget of rows), sums their IDF per claim, and re-ranks the
best few hundred with rapidfuzz and the conflict checks. Nothing compares a query with every claim.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from rapidfuzz import fuzz

from claimtrack.matching import reasons as conflict_reasons
from claimtrack.matching import signature
from claimtrack.matching.compare import (
    DEFAULT_THRESHOLDS,
    Comparison,
    Thresholds,
    classify,
    similarity,
    similarity_of,
)
from claimtrack.matching.embedding import calibration_for
from claimtrack.matching.fusion import POOL, fuse, weight_for
from claimtrack.matching.prepare import Prepared, content_terms
from claimtrack.matching.score import rank_value


@lru_cache(maxsize=500_000)
def key_of(term: str) -> int:
    """Stable signed 64-bit key of a term: the same in every process and on every server."""
    return int.from_bytes(
        hashlib.blake2b(term.encode(), digest_size=8).digest(), "big", signed=True
    )


@dataclass(frozen=True)
class IndexRow:
    """What the index stores per claim: normalised text, signature, and its content terms."""

    claim_id: int
    norm: str
    sig: str
    terms: str  # space-separated content terms (with repeats) of the text and any extra field


def make_row(claim_id: int, p: Prepared, extra_norm: str = "") -> tuple[IndexRow, list[int]]:
    """The stored row and the index keys of one prepared claim."""
    terms = content_terms(p.norm)
    if extra_norm:
        terms += [FIELD_BREAK, *content_terms(extra_norm)]
    keys = sorted(set(map(key_of, key_terms(terms))))
    return IndexRow(claim_id, p.norm, signature.encode(p), " ".join(terms)), keys


class Store(Protocol):
    def stats(self) -> tuple[int, int]:
        """(number of indexed claims, total number of their terms)."""
        ...

    def doc_freqs(self, keys: list[int]) -> dict[int, int]: ...

    def postings(self, keys: list[int]) -> Iterable[tuple[int, Sequence[int]]]:
        """Each key with the ids of its claims, in the order the index keeps them (a key may
        come more than once; the ids are summed in the order given)."""
        ...

    def rows(self, ids: list[int]) -> list[IndexRow]: ...


@dataclass(frozen=True)
class SearchParams:
    candidates: int = 200  # how many first-stage candidates are re-ranked (long queries)
    short_candidates: int = 30  # ... for claim-length queries (<= 20 terms), at 100,000 claims
    budget: int = 1_000  # most postings rows read per query, at 100,000 claims or fewer
    max_budget: int = 5_000  # the budget grows with the store (0.5 % of it) up to this
    max_short_candidates: int = 100  # short_candidates grows with sqrt(store / 100,000)
    max_keys: int = 32  # most query terms looked up
    max_df_share: float = 0.05  # keys in more claims than this share are not read...
    min_keys: int = 3  # ...unless fewer than this many keys would be left
    detail: int = 12  # how many re-ranked candidates get the full conflict check (>= limit+2)
    vector_pool: int = POOL  # nearest claims by embedding added to the lexical candidates
    # ...if their semantic score (0 = the model's typical unrelated pair, 100 = its typical
    # same pair) reaches this: a nearest neighbour of a text about nothing stored is no match
    min_semantic: float = 40.0
    thresholds: Thresholds = field(default_factory=lambda: DEFAULT_THRESHOLDS)


@dataclass(frozen=True)
class Hit:
    claim_id: int
    score: float  # ranking value for this query (fused when vectors took part), not shown
    comparison: Comparison
    cosine: float | None = None


class VectorSource(Protocol):
    """Nearest stored claims by embedding (``vector_index.VectorIndex`` is one)."""

    def nearest(self, query: Any, k: int) -> dict[int, float]: ...

    def cosines(self, query: Any, ids: Iterable[int]) -> dict[int, float]: ...

    def languages(self, ids: Iterable[int]) -> dict[int, str]: ...


@dataclass(frozen=True)
class Semantic:
    """The query's embedding and the vectors to search, under model ``model``."""

    vectors: VectorSource
    query: Any  # unit vector (numpy float32) of the query text
    model: str


def idf(n_docs: int, df: int) -> float:
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


FIELD_BREAK = "|"  # separates a claim's terms from an extra field's in IndexRow.terms


def key_terms(terms: list[str]) -> list[str]:
    """Index terms: the content terms and each adjacent pair ("tokayev_said").

    Pairs are what make retrieval cheap: a name or a number next to its noun is far rarer than
    either word, so the rarest keys of a query have short postings even in a million claims.
    """
    if FIELD_BREAK not in terms:  # no extra field: every term, every adjacent pair
        return terms + list(map("_".join, zip(terms, terms[1:], strict=False)))
    pairs = [
        f"{a}_{b}"
        for a, b in zip(terms, terms[1:], strict=False)
        if a != FIELD_BREAK and b != FIELD_BREAK
    ]
    return [t for t in terms if t != FIELD_BREAK] + pairs


def scaled(params: SearchParams, n_docs: int) -> tuple[int, int]:
    """Postings budget and claim-query candidates for a store of ``n_docs`` claims.

    In a bigger store every key has longer postings, so a fixed budget covers fewer keys and a
    paraphrase sharing none of those few (template-specific) keys is missed: at 1,000,000
    synthetic claims a fixed 1,000 rows gave recall@10 0.48, 5,000 rows and 100 candidates 0.99.
    """
    budget = min(max(params.budget, int(0.005 * n_docs)), max(params.max_budget, params.budget))
    grow = max(1.0, (n_docs / 100_000) ** 0.5)
    wanted = min(int(params.short_candidates * grow), params.max_short_candidates)
    return budget, max(wanted, params.short_candidates)


def plan_keys(dfs: dict[int, int], params: SearchParams, n_docs: int) -> list[int]:
    """The rarest query keys whose postings fit the budget."""
    known = sorted((df, k) for k, df in dfs.items() if df)
    chosen: list[int] = []
    total = 0
    budget = scaled(params, n_docs)[0]
    common = max(params.max_df_share * n_docs, budget / params.max_keys)
    for df, k in known[: params.max_keys]:
        over_budget = total + df > budget
        if chosen and (over_budget or (df > common and len(chosen) >= params.min_keys)):
            break
        total += df
        chosen.append(k)
    return chosen


def first_stage(
    store: Store, terms: list[str], n_docs: int, params: SearchParams, indexed: bool = False
) -> tuple[dict[int, float], dict[str, float]]:
    """Candidate ids with their summed IDF over the rarest keys, and the IDF of each query term.

    ``indexed``: the query is a stored claim, so every key's count includes the claim itself;
    without the correction its own unique words would look like the rarest, most useful keys.
    """
    by_key = {key_of(t): t for t in set(key_terms(terms))}
    dfs = store.doc_freqs(sorted(by_key))
    if indexed:
        dfs = {k: df - 1 for k, df in dfs.items() if df > 1}
    weights = {by_key[k]: idf(n_docs, df) for k, df in dfs.items() if df}
    key_weight = {k: weights[by_key[k]] for k in plan_keys(dfs, params, n_docs)}
    scores: dict[int, float] = {}
    get = scores.get
    for key, claim_ids in store.postings(list(key_weight)):
        weight = key_weight[key]
        for claim_id in claim_ids:
            scores[claim_id] = get(claim_id, 0.0) + weight
    return scores, weights


def search(
    store: Store,
    query: Prepared,
    limit: int = 10,
    params: SearchParams | None = None,
    exclude: int | None = None,
    semantic: Semantic | None = None,
) -> list[Hit]:
    """Best ``limit`` stored claims for ``query``, conflicts ranked below clean matches.

    ``exclude``: the id of the stored claim ``query`` was prepared from (never returned).
    ``semantic``: the query's embedding; its nearest stored claims join the lexical candidates
    and one fused score (``fusion.fuse``) ranks the union. Without it, ranking is lexical.
    """
    params = params or SearchParams()
    terms = content_terms(query.norm)
    n_docs, total_terms = store.stats()
    if not n_docs or not (terms or semantic):
        return []
    lex_rank, by_id, ratios = _lexical_pool(
        store, query, terms, n_docs, total_terms, params, exclude
    )
    n_detail = max(params.detail, limit + 2)
    cosines: dict[int, float] = {}
    if semantic is not None:
        cosines = _cosines(semantic, params, exclude, list(lex_rank), query.language)
    if semantic is not None and cosines:
        weight = weight_for(semantic.model)
        fusable = _one_scale(semantic, cosines, query.language)
        ranked = sorted(fuse(lex_rank, fusable, weight).items(), key=lambda kv: -kv[1])
        # rows of vector-only candidates are read only for those that reached the detail stage
        wanted = [cid for cid, _ in ranked[: n_detail + 8] if cid not in by_id]
        by_id.update({row.claim_id: row for row in store.rows(wanted)})
        ranked = [(cid, v) for cid, v in ranked if cid in by_id]
        penalty = CONFLICT_PENALTY_FUSED
    else:
        ranked = sorted(lex_rank.items(), key=lambda kv: -kv[1])
        penalty = CONFLICT_PENALTY
    model = semantic.model if semantic is not None else None
    detailed = [(by_id[cid], value) for cid, value in ranked[:n_detail]]
    return _best_hits(query, detailed, limit, params.thresholds, penalty, cosines, model, ratios)


def _lexical_pool(
    store: Store,
    query: Prepared,
    terms: list[str],
    n_docs: int,
    total_terms: int,
    params: SearchParams,
    exclude: int | None,
) -> tuple[dict[int, float], dict[int, IndexRow], dict[int, tuple[float, float]]]:
    """Lexical ranking score (0-100) of the best first-stage candidates, their rows, and each
    one's (token_set_ratio, token_sort_ratio) with the query: ranking and the pair decision's
    word similarity both use them, so a detailed candidate's are not computed twice."""
    if not terms:
        return {}, {}, {}
    scores, weights = first_stage(store, terms, n_docs, params, indexed=exclude is not None)
    scores.pop(exclude, None)  # type: ignore[arg-type]
    wanted = scaled(params, n_docs)[1] if len(terms) <= 20 else params.candidates
    # = heapq.nlargest(wanted, ...) (same order, ties in insertion order), but a C sort of the
    # few hundred candidates costs a third of the heap's Python-level key calls
    top = sorted(scores.items(), key=itemgetter(1), reverse=True)[:wanted]
    rows = store.rows([cid for cid, _ in top])
    avgdl = total_terms / n_docs if n_docs else 1.0
    lexical = [(bm25(weights, row.terms, avgdl), row) for row in rows]
    best = max((s for s, _ in lexical), default=0.0) or 1.0
    ratios = {row.claim_id: _ratios(query.norm, row.norm) for row in rows}
    lex_rank = {row.claim_id: rank_value(s / best, *ratios[row.claim_id]) for s, row in lexical}
    return lex_rank, {row.claim_id: row for row in rows}, ratios


def _ratios(query_norm: str, cand_norm: str) -> tuple[float, float]:
    """(token_set_ratio, token_sort_ratio): what ``score.rank_score`` and
    ``compare.similarity`` compute from the same two texts."""
    return fuzz.token_set_ratio(query_norm, cand_norm), fuzz.token_sort_ratio(query_norm, cand_norm)


def _cosines(
    semantic: Semantic,
    params: SearchParams,
    exclude: int | None,
    lexical_ids: list[int],
    language: str,
) -> dict[int, float]:
    """Cosine of the query (in ``language``) to its nearest stored claims and to every lexical
    candidate.

    A neighbour joins the candidates when its semantic score (on the scale the decision uses
    for a pair in one language) reaches ``min_semantic``. Translations have lower cosines than
    same-language pairs (e5: a German-English paraphrase at 0.83, below a typical same-language
    related pair), so that cut alone dropped them before any decision saw them: a neighbour in
    another language than the query also joins when it scores like a typical related pair on
    the cross-language scale (``CROSS_MIN_SEMANTIC``). A neighbour of unknown language is held
    to the same-language cut.
    """
    within = calibration_for(semantic.model)  # what semantic_score(cos, model) uses
    across = calibration_for(semantic.model, cross_language=True)
    near: dict[int, float] = {}
    weak: dict[int, float] = {}  # below the same-language cut, above the cross-language one
    for cid, cos in semantic.vectors.nearest(semantic.query, params.vector_pool + 1).items():
        if cid == exclude:
            continue
        if within.score(cos) >= params.min_semantic:
            near[cid] = cos
        elif across.score(cos) >= CROSS_MIN_SEMANTIC:
            weak[cid] = cos
    if weak:
        found = semantic.vectors.languages(weak)
        near.update({cid: cos for cid, cos in weak.items() if found.get(cid, language) != language})
    missing = [cid for cid in lexical_ids if cid not in near]
    return {**semantic.vectors.cosines(semantic.query, missing), **near}


def _one_scale(semantic: Semantic, cosines: dict[int, float], language: str) -> dict[int, float]:
    """The cosines as the fused ranking compares them: one of a candidate in another language
    than the query is moved to the same-language scale (``Calibration.rescale``).

    A translation's cosine is lower than a same-language paraphrase's (e5: the German and the
    English of one claim at 0.88, while a German claim about something else scores 0.86 in
    German), so raw cosines ranked a translation of the very claim below loosely related claims
    in the query's language, and a short result list left it out. Within one language the map is
    the identity, so ranking in one language is unchanged.
    """
    found = semantic.vectors.languages(cosines)
    within = calibration_for(semantic.model)
    across = calibration_for(semantic.model, cross_language=True)
    return {
        cid: across.rescale(cos, within) if found.get(cid, language) != language else cos
        for cid, cos in cosines.items()
    }


CROSS_MIN_SEMANTIC = 60.0  # a neighbour in another language: at least a typical related pair
K1 = 1.2
B = 0.75


def bm25(weights: dict[str, float], doc_terms: str, avgdl: float) -> float:
    """Okapi BM25 of a stored claim's terms for the query terms' IDF ``weights``."""
    terms = doc_terms.split()
    norm = K1 * (1 - B + B * len(terms) / max(avgdl, 1e-9))
    # Term frequencies of the query's terms only (in first-occurrence order, as a Counter of
    # all terms would give them): most of a candidate's words are not in the query.
    tfs: dict[str, int] = {}
    for t in terms:
        if t in weights:
            tfs[t] = tfs.get(t, 0) + 1
    score = 0.0
    for t, tf in tfs.items():
        w = weights[t]
        if w:
            score += w * tf * (K1 + 1) / (tf + norm)
    return score


CONFLICT_PENALTY = 12.0  # on the lexical 0-100 ranking scale
# On the fused scale (standard deviations of the pool): a quarter, about what 12 points are on
# the lexical scale. A whole one pushed a variant (often the very claim a text is about, with one
# figure off) below loosely related claims: CheckThat! 2a MAP@5 0.888 vs 0.904 with 0.25.
CONFLICT_PENALTY_FUSED = 0.25


def _best_hits(
    query: Prepared,
    detailed: list[tuple[IndexRow, float]],
    limit: int,
    thresholds: Thresholds,
    penalty: float,
    cosines: dict[int, float],
    model: str | None,
    ratios: dict[int, tuple[float, float]],
) -> list[Hit]:
    """The best ``limit`` of the detailed candidates (given in ranked order), with their pair
    decisions.

    Their order depends only on each one's ranking value less the conflict penalty, so the
    conflicts are checked for all of them, and the pair decision (``classify``, the larger part
    of a candidate's cost) is made only for the ``limit`` returned: the same hits, in the same
    order, as deciding all and cutting afterwards (a stable sort on the same values).
    """
    checked = [_checked(query, row, value, penalty) for row, value in detailed]
    checked.sort(key=lambda c: -c.score)
    return [
        _decided(query, c, thresholds, cosines.get(c.claim_id), model, ratios.get(c.claim_id))
        for c in checked[:limit]
    ]


class _Checked(NamedTuple):
    """A detailed candidate before its pair decision: its penalised ranking value and conflicts."""

    claim_id: int
    score: float
    other: Prepared
    found: list[tuple[str, list[dict[str, Any]]]]  # reasons.conflicts(query, other)


def _checked(query: Prepared, row: IndexRow, score: float, penalty: float) -> _Checked:
    other = signature.decode(row.norm, row.sig)
    found = conflict_reasons.conflicts(query, other)
    return _Checked(row.claim_id, round(score - (penalty if found else 0.0), 3), other, found)


def _decided(
    query: Prepared,
    checked: _Checked,
    thresholds: Thresholds,
    cosine: float | None,
    model: str | None,
    ratios: tuple[float, float] | None = None,
) -> Hit:
    """The pair decision for a checked candidate; ``ratios``: its ``_ratios`` from the lexical
    pool (else the word similarity is computed here)."""
    other, found = checked.other, checked.found
    conflicts = [text for text, _ in found]  # what find_conflicts(query, other) returns
    sim = (
        similarity(query.norm, other.norm)
        if ratios is None
        else similarity_of(ratios[1], ratios[0])
    )
    comparison = classify(
        sim, conflicts, query, other, thresholds, cosine=cosine, model=model, found=found
    )
    return Hit(checked.claim_id, checked.score, comparison, cosine)


def _detail(
    query: Prepared,
    row: IndexRow,
    score: float,
    thresholds: Thresholds,
    penalty: float = CONFLICT_PENALTY,
    cosine: float | None = None,
    model: str | None = None,
) -> Hit:
    """One candidate checked and decided: what ``_best_hits`` does for those it returns."""
    return _decided(query, _checked(query, row, score, penalty), thresholds, cosine, model)


class MemoryStore:
    """An in-process store with the same behaviour as the SQL one (tests, benchmarks, eval)."""

    def __init__(self) -> None:
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._rows: dict[int, IndexRow] = {}
        self._total_terms = 0

    def add(self, row: IndexRow, keys: list[int]) -> None:
        self._rows[row.claim_id] = row
        self._total_terms += len(row.terms.split())
        for k in keys:
            self._postings[k].append(row.claim_id)

    def stats(self) -> tuple[int, int]:
        return len(self._rows), self._total_terms

    def doc_freqs(self, keys: list[int]) -> dict[int, int]:
        return {k: len(self._postings[k]) for k in keys if k in self._postings}

    def postings(self, keys: list[int]) -> Iterable[tuple[int, Sequence[int]]]:
        return [(k, self._postings[k]) for k in keys if k in self._postings]

    def rows(self, ids: list[int]) -> list[IndexRow]:
        return [self._rows[i] for i in ids if i in self._rows]
