"""extract_candidates: figures, qualifiers, places, dates and claimants in context; ranking."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from claimtrack.extraction import clean_pasted_text, extract_candidates

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
STORY_DAY = date(2022, 1, 10)


@pytest.mark.parametrize(
    ("language", "sentence", "figure", "claimant"),
    [
        ("de", "Laut Polizei wurden am 4. Januar mehr als 2.000 Menschen festgenommen.", (2000, "more_than", "arrests"), ("Polizei", "organisation")),
        ("de", "Nach Angaben der Veranstalter nahmen rund 15.000 Menschen teil.", (15000, "about", None), ("Veranstalter", "organisation")),
        ("de", "Bei den Unruhen kamen fast 230 Menschen ums Leben, sagte der Generalstaatsanwalt.", (230, "almost", "deaths"), ("Generalstaatsanwalt", "person")),
        ("de", "Russland schickte nach Angaben des Ministeriums zweitausend Soldaten nach Kasachstan.", (2000, None, "troops"), ("Ministerium", "organisation")),
        ("de", "Es gab nach Angaben der Behörden 2,7 Tausend Festnahmen in Almaty.", (2700, None, "arrests"), ("Behörden", "organisation")),
        ("de", "Die Schäden belaufen sich nach Regierungsangaben auf 1,5 Mio. Euro.", (1_500_000, None, None), ("Regierung", "organisation")),
        ("de", "Mindestens 164 Menschen sind bei den Unruhen in Kasachstan gestorben.", (164, "at_least", "deaths"), (None, "outlet")),
        ("en", "Police said more than 2,000 people were arrested in Almaty on January 4.", (2000, "more_than", "arrests"), ("Police", "organisation")),
        ("en", "About 8,000 people took part in the protests, according to the organisers.", (8000, "about", None), ("organisers", "organisation")),
        ("en", "At least 164 people died in the unrest, the health ministry said.", (164, "at_least", "deaths"), ("health ministry", "organisation")),
        ("en", "The government has sent 3,000 troops to areas hit by flooding in Yorkshire.", (3000, None, "troops"), (None, "outlet")),
    ],
)  # fmt: skip
def test_figures_qualifiers_and_claimants_in_context(
    language: str,
    sentence: str,
    figure: tuple[float, str | None, str | None],
    claimant: tuple[str | None, str],
) -> None:
    [candidate] = extract_candidates(sentence, "", language, STORY_DAY, min_score=0)
    first = candidate.figures[0]
    assert (first.value, first.qualifier, first.counted) == figure
    assert (candidate.claimant, candidate.claimant_kind) == claimant
    assert any(r.code == "figure" and r.values for r in candidate.reasons)


def test_places_and_resolved_dates_travel_with_the_candidate() -> None:
    text = "Laut Polizei wurden am 4. Januar in Almaty mehr als 2.000 Menschen festgenommen."
    [candidate] = extract_candidates(text, "", "de", datetime(2022, 1, 10, 8, 0), min_score=0)
    assert candidate.places == ("Almaty",)
    assert [(d.raw, d.value) for d in candidate.dates] == [("4. Januar", "2022-01-04")]
    data = candidate.to_dict()
    assert data["dates"] == [{"raw": "4. Januar", "value": "2022-01-04", "precision": "day"}]
    assert data["figures"][0]["raw"] == "mehr als 2.000 Menschen"


def test_german_fixture_page_ranked_with_headline_and_attribution() -> None:
    page = clean_pasted_text((PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8"))
    candidates = extract_candidates(
        page.body, page.title, None, date(2022, 1, 5), outlet="Tagesblatt"
    )
    assert candidates[0].language == "de"
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    by_text = {c.text: c for c in candidates}
    headline = by_text[page.title]
    assert (
        headline.headline
        and headline.start is None
        and "headline" in [r.code for r in headline.reasons]
    )
    quote = by_text["„Wer Polizisten angreift, verstößt gegen das Gesetz“, sagte sie."]
    assert (quote.claimant, quote.claimant_kind) == ("Maria Berger", "person")
    assert ("legal", ("verstößt gegen",)) in [(r.code, r.values) for r in quote.reasons]
    lead = next(c for c in candidates if c.text.startswith("Bei den Protesten"))
    # "Das teilte ein Sprecher des Innenministeriums mit." credits the lead sentence ...
    assert (lead.claimant, lead.claimant_kind) == ("Innenministerium", "organisation")
    # ... and is not proposed itself
    assert not any(t.startswith("Das teilte") for t in by_text)
    own = by_text["Die Proteste hatten sich an einer Verdopplung der Gaspreise entzündet, die zu "
                  "Unruhen in mehreren Städten führte."]  # fmt: skip
    assert (own.claimant, own.claimant_kind) == ("Tagesblatt", "outlet")
    assert page.body[lead.start : lead.end] == lead.text
    # subheading questions and hedged or unclear statements are not proposed
    assert "Was sagen die Veranstalter?" not in by_text
    assert not any(t.startswith("Ob die Regierung") for t in by_text)


def test_english_fixture_page_proposes_checkable_sentences_first() -> None:
    page = clean_pasted_text((PAGES / "en_pasted_daily.txt").read_text("utf-8"))
    candidates = extract_candidates(page.body, page.title, None, date(2022, 1, 12), outlet="Daily")
    assert candidates[0].language == "en"
    assert candidates[0].text.startswith("More than 1,200 people were arrested")
    texts = [c.text for c in candidates]
    assert "Observers expect further demonstrations next week?" not in texts
    baker = next(c for c in candidates if c.text.startswith("He added"))
    assert baker.claimant == "Tom Baker"


def test_limit_and_threshold() -> None:
    page = clean_pasted_text((PAGES / "de_pasted_tagesblatt.txt").read_text("utf-8"))
    everything = extract_candidates(page.body, page.title, "de", None, min_score=0)
    assert len(extract_candidates(page.body, page.title, "de", None, limit=2)) == 2
    assert len(everything) > len(extract_candidates(page.body, page.title, "de", None))


def test_empty_body_gives_no_candidates() -> None:
    assert extract_candidates("", "", "de", None) == []
