"""The screen before the full matcher: it lets through every sentence that repeats a published
claim (in another language too, and every same/variant pair of the pairs sets), stops the rest,
follows the published set as it changes, and stands aside where it would save nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from sqlmodel import Session

from claimtrack.extraction import Candidate
from claimtrack.matching.compare import compare
from claimtrack.matching.embedding import stored_cosine, stored_form
from claimtrack.matching.prepare import prepare
from claimtrack.models import Claim
from claimtrack.services import verdicts
from claimtrack.services.monitoring import alerts, poll, screen, sources
from claimtrack.text.aliases import AliasTable
from tests.factories import make_claim, make_published_verdict
from tests.services.monitoring.site import RSS, Site, article, rss
from tests.services.monitoring.test_poll import CHECKED, FILLER, REPEAT, _fresh, _user

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data"
CHECKED_EN = "At least 225 people were killed in the unrest in Kazakhstan, officials said."
UNRELATED = "Die Zahl der Arbeitslosen in Deutschland stieg im Januar auf 2,6 Millionen."


def _sentence(text: str, language: str = "de") -> Candidate:
    return Candidate(text=text, score=1.0, reasons=(), claimant=None, claimant_kind="unnamed",
                     cue=None, language=language)  # fmt: skip


def _publish(session: Session, text: str, language: str = "de") -> Claim:
    editor = _user(session, "editor")
    claim = make_claim(session, editor, text, language=language)
    make_published_verdict(session, editor, claim)
    return claim


def _screen(session: Session) -> screen.Screen:
    _fresh(session)
    found = screen.screen_for(session)
    assert found is not None  # the default embedder is e5-small: the screen is used
    return found


def test_repeats_pass_in_either_language_and_filler_is_stopped(mon_app: Flask) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        _publish(session, CHECKED_EN, "en")
        sieve = _screen(session)
        assert sieve.published == 1
        sentences = [_sentence(REPEAT), *(_sentence(f) for f in FILLER), _sentence(UNRELATED)]
        assert sieve.needs_matching(sentences) == [True, False, False, False, False]
        assert sieve.needs_matching([]) == []


def test_no_pair_the_full_matcher_calls_same_or_variant_is_stopped_by_the_screen() -> None:
    """The screen may only save work: a sentence it stops can raise no alert. Each side of every
    pair labelled same or variant in the pairs sets, screened against the other side as the
    published claim; the few it stops must be pairs the full (e5) decision does not call same or
    variant either (hard paraphrases with no shared wording or figure)."""
    use, e5 = screen.get_embedder(screen.MODEL), screen.get_embedder("e5-small")
    aliases = AliasTable.default()
    stopped = []
    for path in sorted(DATA.glob("matching_pairs*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            if pair["kind"] not in ("same", "variant"):
                continue
            la, _, lb = pair["lang"].partition("-")
            sides = ((pair["a"], la, pair["b"], lb or la), (pair["b"], lb or la, pair["a"], la))
            for text, lang, published, plang in sides:
                sieve = screen.Screen(use, screen.published_set(use, [(1, published, plang)],
                                                                aliases))  # fmt: skip
                if not sieve.needs_matching([_sentence(text, lang)])[0]:
                    stopped.append((text, lang, published, plang))
    assert len(stopped) <= 4  # measured: both sides of 2 pairs (benchmarks/monitoring_screen.py)
    for text, lang, published, plang in stopped:
        vectors = stored_form(e5.embed([text, published]))
        full = compare(prepare(text, lang, aliases), prepare(published, plang, aliases),
                       cosine=stored_cosine(vectors[0], vectors[1]), model=e5.name)  # fmt: skip
        assert full.kind not in screen.ALERT_KINDS, (text, published)


def test_the_screen_follows_published_claims_as_they_change(mon_app: Flask) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        assert _screen(session).needs_matching([_sentence(REPEAT)]) == [False]  # none published
        claim = _publish(session, CHECKED)
        assert _screen(session).needs_matching([_sentence(REPEAT)]) == [True]
        first = _screen(session)
        assert _screen(session)._published is first._published  # unchanged: not rebuilt
        _fresh(session)
        verdicts.withdraw_verdict(session=session, actor=_user(session, "editor"),
                                  claim_id=claim.id or 0, reason="Quelle falsch gelesen")  # fmt: skip
        assert _screen(session).published == 0


def _feed(site: Site, session: Session, prefix: str) -> int:
    items = []
    for i, body in enumerate([[REPEAT, *FILLER], [*FILLER, UNRELATED]]):
        title = f"Kasachstan: Bericht {prefix} {i}"
        items.append((site.put(f"/{prefix}/{i}", article(title, body)), title))
    url = site.put(f"/{prefix}.rss", rss(prefix, items), RSS)
    return sources.add_source(session=session, actor=_user(session, "admin"), url=url).id or 0


def test_a_german_story_repeating_an_english_checked_claim_is_alerted(
    mon_app: Flask, site: Site
) -> None:
    db = mon_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim = _publish(session, CHECKED_EN, "en")
        source_id = _feed(site, session, "de")
        _fresh(session)
        report = poll.poll_source(db, source_id, mon_app.config)
        assert report.items == 2 and report.proposed == 1
        assert 1 <= report.matched < report.sentences  # the screen stopped the filler
        (view,) = alerts.list_alerts(session)
        assert view.claim.id == claim.id and view.story_count == 1
        assert view.sightings[0].row.quote.startswith("Bei den Unruhen in Kasachstan")


@pytest.mark.parametrize("how", ["config", "use-m3"])
def test_without_the_screen_every_sentence_is_matched_and_alerts_are_the_same(
    make_app, site: Site, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:  # type: ignore[no-untyped-def]
    if how == "use-m3":  # the configured model is the screen's own: nothing to save
        monkeypatch.setenv("CLAIMTRACK_EMBEDDER", "use-m3")
    app = make_app(FETCH_ALLOW_LOOPBACK=True, MONITOR_SCREEN=how != "config")
    db = app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        claim = _publish(session, CHECKED)
        source_id = _feed(site, session, f"off-{how}")
        _fresh(session)
        report = poll.poll_source(db, source_id, app.config)
        assert report.matched == report.sentences > 1 and report.proposed == 1
        (view,) = alerts.list_alerts(session)
        assert view.claim.id == claim.id and view.story_count == 1


def test_a_sentence_repeated_across_stories_is_screened_once() -> None:
    """Agency copy: the same sentence in many outlets is embedded and decided once per
    published set, with the same answer each time."""
    use = screen.get_embedder(screen.MODEL)
    embedded: list[list[str]] = []

    class Counting:
        name, dim = use.name, use.dim

        def embed(self, texts):  # type: ignore[no-untyped-def]
            embedded.append(list(texts))
            return use.embed(texts)

    published = screen.published_set(use, [(1, CHECKED, "de")], AliasTable.default())
    sieve = screen.Screen(Counting(), published)  # type: ignore[arg-type]
    first = sieve.needs_matching([_sentence(REPEAT), _sentence(FILLER[0]), _sentence(REPEAT)])
    again = sieve.needs_matching([_sentence(FILLER[0]), _sentence(REPEAT)])
    assert first == [True, False, True] and again == [False, True]
    assert embedded == [[REPEAT, FILLER[0]]]
    # Another set of published claims decides afresh.
    other = screen.Screen(Counting(), screen.published_set(use, [(2, UNRELATED, "de")],
                                                           AliasTable.default()))  # fmt: skip
    assert other.needs_matching([_sentence(REPEAT)]) == [False]
    assert embedded[-1] == [REPEAT]
