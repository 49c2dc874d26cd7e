"""Properties that hold for any input: no crash, offsets valid, nothing invented."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.extraction import InputError, clean_pasted_text, decode_bytes, extract_candidates
from claimtrack.extraction.cleanup import normalise_text
from claimtrack.extraction.dates import find_dates
from claimtrack.extraction.sentences import split_sentences

_VOCABULARY = (
    "Die Polizei sagte am 4. Januar mehr als 2.000 Menschen „Das ist illegal.“ er sie "
    "Experten Berlin Almaty Mehr zum Thema Teilen Impressum © 2022 rund fast 1,5 Mio. Euro "
    "said police more than 2,000 people Latest news Share ? . , \n \n\n"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))
PAGES = st.lists(WORDS, max_size=120).map(" ".join) | st.text(max_size=400)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(PAGES)
def test_cleanup_keeps_only_lines_of_the_input(text: str) -> None:
    page = clean_pasted_text(text)
    lines = set(normalise_text(text).split("\n"))
    assert all(line in lines for line in page.body.split("\n") if line)
    assert page.title == "" or page.title in lines


@FAST
@given(PAGES, st.sampled_from(["de", "en"]))
def test_sentence_offsets_point_into_the_text(text: str, language: str) -> None:
    for sentence in split_sentences(text, language):
        assert text[sentence.start : sentence.end] == sentence.text


@FAST
@given(PAGES, st.sampled_from(["de", "en"]))
def test_candidates_are_bounded_ranked_and_located(text: str, language: str) -> None:
    candidates = extract_candidates(text, "", language, date(2022, 1, 5), min_score=0)
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for c in candidates:
        assert c.start is not None and text[c.start : c.end] == c.text


@FAST
@given(PAGES)
def test_date_spans_are_inside_the_text(text: str) -> None:
    for mention in find_dates(text, date(2022, 1, 5)):
        assert text[mention.start : mention.end] == mention.raw


@FAST
@given(st.binary(max_size=300))
def test_decoding_either_gives_text_or_one_clear_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError as exc:
        assert str(exc)
