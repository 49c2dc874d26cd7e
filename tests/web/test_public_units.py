"""Pure pieces of the reader side: the markdown sanitiser, the figure chart and ClaimReview details."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from claimtrack import markdown
from claimtrack.publishing import charts as figures
from claimtrack.publishing import claimreview
from claimtrack.publishing.views import (
    AppearanceView,
    ClaimView,
    PublishedVerdict,
    RatingView,
    RelatedView,
    VerdictView,
    slugify,
)

SITE = claimreview.Site(
    "https://fc.example.org/", "FC", "https://fc.example.org/", "https://l.example/"
)


def _appearance(
    day: date | None, quote: str, url: str | None = "https://n.example.org/1"
) -> AppearanceView:
    return AppearanceView(1, 1, "Titel", url, "Zeitung", "de", day, quote, "")


def _bundle(**overrides: object) -> PublishedVerdict:
    when = datetime(2022, 1, 9, 12, tzinfo=UTC)
    bundle = PublishedVerdict(
        claim=ClaimView(1, "In Almaty wurden 2.000 Menschen festgenommen.", "de", "", "unknown", None,
                        [{"value": 2000, "counted": "arrests", "raw": "2.000 Menschen"}], [], "x"),
        verdict=VerdictView(1, "Falsch", "Kurz.", "", "de", "published", when, when, None, None, 1),
        rating=RatingView(1, "fehlender-kontext", {"de": "Fehlender Kontext", "en": "Missing context"}, {}, "#6f42c1", None),
        scale_bounds=(1, 5),
        appearances=[
            _appearance(date(2022, 1, 6), "mehr als 2.000 Menschen festgenommen"),
            _appearance(date(2022, 1, 8), "4.000 Menschen festgenommen", url="javascript:alert(1)"),
            _appearance(None, "ohne Datum"),
        ],
        sources=[],
        corrections=[],
        related=[
            RelatedView(2, "8.000 Festnahmen", "y", "variant",
                        [{"value": 8000, "counted": "arrests", "raw": "8.000"}], None, "de",
                        [_appearance(date(2022, 1, 10), "Es gab 8.000 Festnahmen")]),
        ],
    )  # fmt: skip
    return replace(bundle, **overrides)  # type: ignore[arg-type]


def test_markdown_allows_formatting_and_safe_links_only() -> None:
    html = str(markdown.render(
        "# Titel\n\n**fett** [a](https://ok.example.org) [b](/relativ) [c](mailto:x@example.org) "
        "[d](javascript:alert(1)) <script>alert(1)</script> <b onclick=x>b</b>"
    ))  # fmt: skip
    assert "<h3>Titel</h3>" in html and "<strong>fett</strong>" in html
    assert '<a href="https://ok.example.org" rel="nofollow noopener">a</a>' in html
    assert 'href="mailto:x@example.org"' in html
    assert 'href="/relativ"' not in html and 'href="javascript' not in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b onclick" not in html and "&lt;b onclick=x&gt;" in html
    assert markdown.plain("**a** & <b>") == "a & <b>"


def test_slugify() -> None:
    assert slugify("Äpfel über 2.000 Menschen!") == "apfel-uber-2-000-menschen"
    assert slugify("!!!") == "claim"
    assert len(slugify("wort " * 40)) <= 60


def test_figure_chart_follows_the_stories() -> None:
    chart = figures.figure_chart(_bundle(), locale="de")
    assert chart is not None
    assert [p.value for p in chart.points] == [2000, 4000, 8000]
    assert [p.this_claim for p in chart.points] == [True, True, False]
    assert chart.points[1].raw == "4.000 Menschen"
    assert chart.points[0].x == chart.left and chart.points[-1].x == chart.right
    assert all(chart.top <= p.y <= chart.bottom for p in chart.points)
    assert chart.y_ticks[-1].label == "8.000" and chart.points[0].value_label == "2.000"
    # Without stored figures, the figure the claim's text states is used; without any, no chart.
    from_text = figures.figure_chart(_bundle(claim=replace(_bundle().claim, figures=[])))
    assert from_text is not None and from_text.points[0].value == 2000
    no_figure = replace(_bundle().claim, figures=[], text="Der Minister ist zurückgetreten.")
    assert figures.figure_chart(_bundle(claim=no_figure)) is None


def test_claim_review_details() -> None:
    review = claimreview.claim_review(_bundle(), site=SITE)
    assert review["url"] == "https://fc.example.org/claims/1-x"
    assert "author" not in review["itemReviewed"]  # no claimant known
    assert review["itemReviewed"]["datePublished"] == "2022-01-06"  # first appearance
    assert "url" not in review["itemReviewed"]["appearance"][0]  # javascript: dropped
    assert "ratingValue" not in review["reviewRating"]
    assert review["datePublished"] == "2022-01-09T12:00:00Z"
    withdrawn = _bundle(verdict=replace(_bundle().verdict, state="withdrawn"))
    with pytest.raises(ValueError):
        claimreview.claim_review(withdrawn, site=SITE)
    assert (
        claimreview.site_from_config({"ORG_URL": "https://o.example"}, "").base_url
        == "https://o.example/"
    )
