"""The shortcuts that make ``prepare`` cheap give exactly what the plain algorithms gave.

Each shortcut skips work that cannot change the result (a date pattern the text lacks the
characters for, a word that starts no place name, a word that cannot negate). These tests hold
each one against the algorithm it replaced, on the synthetic benchmark corpus, the hand-written
pair sets and generated text.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimtrack.text import dates, numbers, places, polarity
from claimtrack.text._numlex import NUMBER_WORDS_EN
from claimtrack.text.normalize import fold, fold_word, fold_words, tokens

ROOT = Path(__file__).resolve().parents[2]
EDGE_CASES = [
    "Am 5. Januar 2022 um 14:30 Uhr wurden in Alma-Ata 2.000 Menschen festgenommen.",
    "On 01/06/2022 at 3 pm two thousand people gathered; 2022-01-05 was quieter.",
    "Токаев и ОДКБ в Казахстане: 225 погибших",
    "fünfzehn Tote und zweitausendsiebenhundert Festnahmen im MÄRZ",
    "twenty-one thousand and five troops, 1,5 Mio. Euro, Sept. 3rd 2021",
    "Aprıl 2020 and AUGUST 2021 and ſept 5 and OKT 2020",  # re.I's case-insensitive letters
    "Jan_2020 Jan2020 jan-2021 Kasachstans Präsident in New York and St. Petersburg",
    "see https://example.org/x and @handle or www.example.com pic.twitter.com/abc",
    "Zwei Drittel der Befragten, die Hälfte der Stimmen; two-thirds of them, half the rest",
    "",
]


def _corpus_texts() -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "matching_corpus", ROOT / "benchmarks" / "matching_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("matching_corpus", corpus)  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    texts = [item.text for item in corpus.generate(2000)]
    for name in ("matching_pairs.jsonl", "matching_pairs_fresh.jsonl"):
        for line in (ROOT / "benchmarks" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                texts += [pair["a"], pair["b"]]
    return texts + EDGE_CASES


TEXTS = _corpus_texts()
# Text with the characters the shortcuts look at: digits, separators, month and number words.
_PIECES = st.sampled_from(
    ["5", "12", "2022", "1.", "3:30", "/", "-", ".", " ", ",", "Uhr", "am", "PM", "a.m.",
     "Jan", "MÄRZ", "märz", "Mai", "sept", "Aprıl", "İ", "ſ", "_", "x", "two", "thousand",
     "zwei", "tausend", "http://a.b", "@x", "www.", "Almaty", "Kasachstans", "New", "York",
     "Drittel", "HÄLFTE", "die", "half", "of", "the", "Two-thirds", "a quarter"]
)  # fmt: skip
GENERATED = st.lists(_PIECES, max_size=14).map("".join) | st.text(max_size=60)


# -- dates: a pattern is skipped only when it cannot match ------------------------------------
def _skipped_patterns_cannot_match(text: str) -> None:
    live = dates.live_patterns(text)
    for pattern, kind, _needs in dates._DATE_PATTERNS:
        if pattern.search(text):
            assert (pattern, kind) in live, (kind, text)


def test_date_patterns_skipped_on_the_corpus_could_not_have_matched() -> None:
    for text in TEXTS:
        _skipped_patterns_cannot_match(text)


@settings(deadline=None, max_examples=400)
@given(GENERATED)
def test_date_patterns_skipped_on_generated_text_could_not_have_matched(text: str) -> None:
    _skipped_patterns_cannot_match(text)


_ANY_MONTH = re.compile(rf"\b(?:{dates._MONTH_RE})\b", re.I)  # the check it replaced


@settings(deadline=None, max_examples=400)
@given(GENERATED)
def test_month_word_check_finds_every_month_the_regex_finds(text: str) -> None:
    if _ANY_MONTH.search(text):
        assert dates._mentions_month(text)


def _old_find_dates(text: str, language: str) -> list[dates.DateMention]:
    """find_dates before the shortcuts: every pattern, in order."""
    if not re.search(r"\d", text):
        return []
    found, taken = [], []
    has_month = _ANY_MONTH.search(text) is not None
    for pattern, kind, needs in dates._DATE_PATTERNS:
        if needs is dates.MONTH and not has_month:
            continue
        for m in pattern.finditer(text):
            if kind == "dmy" and language == "en" and not m.group(3):
                continue  # English writes no day and month as "6.8."
            if (
                kind == "month_d"
                and not m.group(3)
                and dates._no_day_after_month(text, m, language)
            ):
                continue  # German writes "25. April"; "April 25 Gramm" is no date
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = dates._date_value(kind, m)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            if kind != "time":
                found.append(dates.DateMention(value, m.group(), m.start(), m.end()))
    for m in dates._YEAR_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if not dates._is_quantity_context(text, m.start(), m.end(), language):
            found.append(dates.DateMention(m.group(), m.group(), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


@pytest.mark.parametrize("language", ["de", "en"])
def test_find_dates_equals_the_plain_algorithm(language: str) -> None:
    for text in TEXTS:
        assert dates.find_dates(text, language) == _old_find_dates(text, language), text


@settings(deadline=None, max_examples=500)
@given(GENERATED, st.sampled_from(["de", "en"]))
def test_find_dates_equals_the_plain_algorithm_on_generated_text(text: str, language: str) -> None:
    """Month-first patterns are tried only where a month word starts: the same dates."""
    assert dates.find_dates(text, language) == _old_find_dates(text, language)


def test_month_first_patterns_tried_at_month_words_find_what_a_search_finds() -> None:
    texts = [*TEXTS, "On Jan. 6, 2021 and March 2022; xJanuary 5; 5 January 2020 or Sept 3rd"]
    for text in texts:
        starts = dates._month_starts(text)
        for pattern, kind, _needs in dates._DATE_PATTERNS:
            if kind in dates._MONTH_FIRST:
                found = [m.span() for m in dates._matches_at(pattern, text, starts)]
                assert found == [m.span() for m in pattern.finditer(text)], text


def test_clock_times_reused_by_figures_are_all_the_clock_times() -> None:
    every_time = [p for p, kind, _ in dates._DATE_PATTERNS if kind == "time"]
    for text in TEXTS:
        live = dates.scan(text)[1]
        spans = [m.span() for p in live for m in p.finditer(text)]
        if re.search(r"\d", text):
            assert spans == [m.span() for p in every_time for m in p.finditer(text)], text


# -- tokens, places, folding ------------------------------------------------------------------
def _old_tokens(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in re.finditer(r"\w+", text):
        for part in fold_word(m.group()).split():
            out.append((part, m.start(), m.end()))
    return out


@settings(deadline=None, max_examples=300)
@given(GENERATED)
def test_tokens_equal_the_plain_tokeniser(text: str) -> None:
    assert [tuple(t) for t in tokens(text)] == _old_tokens(text)


def _old_find_places(text: str) -> list[places.Place]:
    """find_places before the per-word cache: every capitalised token tried with 4..1 words."""
    table = places.gazetteer()
    firsts = frozenset(k[0] for k in table)
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        hit = None
        if places._looks_like_name(text[toks[i].start : toks[i].start + 1]) and (
            toks[i].text in firsts or places._inflected((toks[i].text,), table)
        ):
            for n in range(min(places._MAX_NGRAM, len(toks) - i), 0, -1):
                key = tuple(t.text for t in toks[i : i + n])
                found = table.get(key) or places._inflected(key, table)
                if found:
                    hit = (n, found)
                    break
        if hit is None:
            i += 1
            continue
        n, (name, kind) = hit
        start, end = toks[i].start, toks[i + n - 1].end
        # the reading rules after the lookup, as find_places applies them
        river = kind != "river" or places._river_at(text, toks, i, end, name)
        dateline = i == 0 and places._dateline(text, end)
        if river and not dateline and not places._in_compound_name(text, end):
            out.append(places.Place(name, kind, text[start:end], start, end))
        i += n
    return out


def test_find_places_equals_the_plain_algorithm() -> None:
    for text in TEXTS:
        assert places.find_places(text) == _old_find_places(text), text


@settings(deadline=None, max_examples=300)
@given(GENERATED)
@example("NIL")  # a river whose name is also a word, without its article: no place
@example("Am Nil")
def test_find_places_equals_the_plain_algorithm_on_generated_text(text: str) -> None:
    assert places.find_places(text) == _old_find_places(text)


@settings(deadline=None, max_examples=300)
@given(GENERATED)
def test_fold_words_is_fold_split(text: str) -> None:
    assert fold_words(text) == fold(text).split()


@settings(deadline=None, max_examples=400)
@given(GENERATED | st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_in_ascii_text_the_tokens_are_the_folded_words(text: str) -> None:
    """``prepare`` counts a claim's words by its tokens when the text is ASCII."""
    if text.isascii():
        assert [t.text for t in tokens(text)] == fold_words(text)


def test_tokens_are_the_folded_words_of_the_ascii_corpus_texts() -> None:
    ascii_texts = [t for t in TEXTS if t.isascii()]
    assert len(ascii_texts) > 1000
    for text in ascii_texts:
        assert [t.text for t in tokens(text)] == fold_words(text), text


# -- numbers, polarity, links -----------------------------------------------------------------
@pytest.mark.parametrize("language", ["de", "en"])
def test_number_word_check_on_raw_words_equals_the_folded_check(language: str) -> None:
    words = {w for text in TEXTS for w in numbers._WORD_RUN.findall(text)}
    words |= set(NUMBER_WORDS_EN) | {"Zweitausend", "ZWEI", "Two-Thousand", "und", "Eins"}
    for word in words:
        expected = numbers._is_number_word(word.casefold(), language)
        assert numbers._NUMBER_WORD_CHECK[language](word) == expected, word


def _old_figures_and_dates(text: str, lang: str) -> tuple[list, list]:
    """figures_and_dates without the early exits: every text scanned for dates and numerals,
    every text with any number word (English "and" included) searched for spelled numbers."""
    found_dates, time_patterns = dates.scan(text, lang)
    time_spans = [(m.start(), m.end()) for p in time_patterns for m in p.finditer(text)
                  if not numbers._UNIT_RE.match(text, m.end())]  # fmt: skip
    blocked = [(d.start, d.end) for d in found_dates] + time_spans
    spelled: list[tuple[int, int, float]] = []
    words = numbers._WORD_RUNS[lang].findall(text)
    if any(map(numbers._NUMBER_WORD_CHECK[lang], words)) and numbers._NUMBER_WORD_HINT[lang].search(
        text
    ):
        spelled = numbers.spelled_numbers(text, lang)
    parts = numbers.fractions(text, lang)
    found = parts + numbers._numerals(text, lang) + spelled
    shares = numbers.without_overlap(numbers._find_shares(text, lang), parts)
    shares += numbers._ratio_shares(text, lang)
    return numbers._figures(text, found, blocked, lang, shares), found_dates


@pytest.mark.parametrize("language", ["de", "en"])
def test_figures_and_dates_equal_the_plain_algorithm(language: str) -> None:
    for text in TEXTS:
        expected = _old_figures_and_dates(text, language)
        assert numbers.figures_and_dates(text, language) == expected, text


@settings(deadline=None, max_examples=400)
@given(GENERATED, st.sampled_from(["de", "en"]))
def test_figures_and_dates_equal_the_plain_algorithm_on_generated_text(
    text: str, language: str
) -> None:
    assert numbers.figures_and_dates(text, language) == _old_figures_and_dates(text, language)


@pytest.mark.parametrize(
    ("text", "language", "value", "counted"),
    [
        ("Two thousand people were arrested in Almaty and Astana.", "en", 2000.0, "arrests"),
        ("Three hundred and five soldiers and police officers died.", "en", 305.0, "deaths"),
        ("Zweitausend Menschen wurden in Almaty festgenommen.", "de", 2000.0, "arrests"),
        ("Mehr als zweitausend Menschen und Polizisten wurden verletzt.", "de", 2000.0, None),
    ],
)
def test_a_number_word_without_a_digit_is_still_a_figure(
    text: str, language: str, value: float, counted: str | None
) -> None:
    figures, found_dates = numbers.figures_and_dates(text, language)
    assert [f.value for f in figures] == [value] and found_dates == []
    if counted:
        assert figures[0].counted == counted


def test_and_alone_is_no_figure_and_no_date() -> None:
    assert numbers.figures_and_dates("Police and protesters met in Almaty and Astana.", "en") == (
        [],
        [],
    )


def test_words_outside_the_negation_list_never_negate() -> None:
    for text in TEXTS:
        ws = fold(text).split()
        for i, w in enumerate(ws):
            if w not in polarity._MAY_NEGATE:
                assert not polarity._is_negation(ws, i), (w, text)


@settings(deadline=None, max_examples=300)
@given(GENERATED)
def test_every_link_or_handle_has_a_mark_the_cheap_test_sees(text: str) -> None:
    from claimtrack.matching.prepare import _NOISE, _NOISE_MARKS

    for m in _NOISE.finditer(text):
        assert any(mark in m.group() for mark in _NOISE_MARKS)


# -- polarity: cached stances and antonym roots -----------------------------------------------
def _old_stances(p: polarity.Polarity) -> dict[str, tuple[int, str]]:
    signs: dict[str, set[int]] = {}
    words: dict[str, str] = {}
    for axis, sign, word in p.stances:
        signs.setdefault(axis, set()).add(sign)
        words.setdefault(axis, word)
    return {axis: (next(iter(s)), words[axis]) for axis, s in signs.items() if len(s) == 1}


def _old_antonym_pairs_raw(only_a: frozenset[str], only_b: frozenset[str]) -> list[tuple[str, str]]:
    out = []
    for w in only_a:
        if w in polarity.AXES:
            continue
        for prefix in polarity._ANTONYM_PREFIXES:
            if w.startswith(prefix) and w[len(prefix) :] in only_b and len(w) - len(prefix) > 4:
                out.append((w, w[len(prefix) :]))
                break
    return out


# Every axis word, its prefixed forms and roots: the words the antonym check is about.
_AXIS_FORMS = sorted(
    {f"{p}{w}" for w in polarity.AXES for p in ("", *polarity._ANTONYM_PREFIXES)}
    | {w[len(p) :] for w in polarity.AXES for p in polarity._ANTONYM_PREFIXES if w.startswith(p)}
    | {"unwahr", "wahr", "ungueltig", "gueltig", "disagree", "agree", "inaktiv", "aktiv", "unfair"}
)


def test_stances_and_antonym_pairs_equal_the_plain_algorithm() -> None:
    import random

    rng = random.Random(6)
    prepared = [polarity.polarity(t) for t in TEXTS]
    pools = [p.words for p in prepared[::7]]
    for _ in range(300):  # word sets of axis forms, as the corpus rarely has them
        pools.append(frozenset(rng.sample(_AXIS_FORMS, rng.randint(0, 12))))
    for p in prepared:
        assert polarity._stances(p) == _old_stances(p)
    for _ in range(20000):
        a, b = rng.choice(pools), rng.choice(pools)
        only_a, only_b = a - b, b - a
        assert polarity._antonym_pairs_raw(only_a, only_b) == _old_antonym_pairs_raw(only_a, only_b)
    assert (
        sum(bool(_old_antonym_pairs_raw(a - b, b - a)) for a in pools[-300:] for b in pools[-50:])
        > 50
    )
