"""Shortcuts of the index build (session 7) give exactly what the code they replaced gave.

Each test holds a shortcut against the plain algorithm, copied here as it was: on the synthetic
benchmark corpus and the hand-written pairs (``TEXTS``) and on generated text with the
characters the shortcuts look at. ``benchmarks/matching_digest.py`` checks the same on about
200,000 texts; these keep it true in CI.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.matching import names
from claimtrack.matching import prepare as prep
from claimtrack.text import dates, numbers, places
from claimtrack.text._numlex import QUALIFIERS
from claimtrack.text._patterns import QUAL_RE
from claimtrack.text.normalize import _UMLAUTS, Token, fold, fold_words, tokens
from tests.text.test_fast_paths import GENERATED, TEXTS


# -- folding ----------------------------------------------------------------------------------
def _old_fold_words(text: str) -> list[str]:
    lowered = text.casefold().translate(_UMLAUTS)
    if not lowered.isascii():
        lowered = anyascii(lowered).casefold()
    return re.sub(r"[^0-9a-z]+", " ", lowered).split()


_FOLD_TEXT = (
    GENERATED
    | st.text(max_size=60)
    | st.sampled_from(
        [
            "Straße ẞ Äpfel",
            "5€ und 3 £",
            "İstanbul ı",
            "①② ½",
            "Токаев",
            "中国 日本",
            "a_b\x1cc\u00a0d",
        ]
    )
)


@settings(deadline=None, max_examples=500)
@given(_FOLD_TEXT)
def test_fold_words_equals_the_regex_folding(text: str) -> None:
    assert fold_words(text) == _old_fold_words(text)
    assert fold(text) == " ".join(_old_fold_words(text))


def test_fold_words_equals_the_regex_folding_on_the_corpus() -> None:
    for text in TEXTS:
        assert fold_words(text) == _old_fold_words(text), text


# -- qualifiers before a figure ---------------------------------------------------------------
_QUAL_PIECES = st.sampled_from(
    [*QUALIFIERS, "MEHR ALS", "Über", "UEBER", "Ca.", "CA", "Than", "(", "-", "x", "a", " ",
     "  ", "\t", "\n", "\x1c", "\u00a0", "\u2009", "ſome", "K", "ı", "İ", "no", "just", "."]
)  # fmt: skip


@settings(deadline=None, max_examples=1500)
@given(st.lists(_QUAL_PIECES, max_size=6).map("".join))
def test_qualifier_screen_misses_no_qualifier(window: str) -> None:
    found, expected = dates.qualifier_before(window), QUAL_RE.search(window)
    assert (found and (found.span(), found.group(1))) == (
        expected and (expected.span(), expected.group(1))
    )


def test_qualifier_screen_misses_no_qualifier_on_the_corpus() -> None:
    for text in TEXTS:
        for m in re.finditer(r"\d", text):
            window = text[max(0, m.start() - 25) : m.start()]
            found, expected = dates.qualifier_before(window), QUAL_RE.search(window)
            assert (found and found.span()) == (expected and expected.span()), window


# -- clock times handed from the date scan to the figures -------------------------------------
@settings(deadline=None, max_examples=400)
@given(GENERATED)
def test_time_spans_of_the_scan_are_every_match_of_its_time_patterns(text: str) -> None:
    found, times, spans = dates.scan_times(text, "de")
    assert (found, times) == dates.scan(text, "de")
    assert spans == [m.span() for p in times for m in p.finditer(text)]


def test_time_spans_of_the_scan_on_the_corpus() -> None:
    for text in TEXTS:
        _, times, spans = dates.scan_times(text, "en")
        assert spans == [m.span() for p in times for m in p.finditer(text)], text


# -- capitals, outlets and person names in prepare --------------------------------------------
def _old_capitals(text: str, toks: list) -> list[bool]:
    caps = [text[t.start : t.start + 1].isupper() or prep._PARTICLE.match(text, t.start) is not None
            for t in toks]  # fmt: skip
    for i, t in enumerate(toks):
        if caps[i] or t.text not in prep._PARTICLES or not i or not caps[i - 1]:
            continue
        j = i + 1
        while j < len(toks) and toks[j].text in prep._PARTICLES and not caps[j] and j - i < 2:
            j += 1
        if j < len(toks) and caps[j] and toks[j - 1].text in prep._PARTICLES:
            for k in range(i, j):
                caps[k] = True
    return caps


def _old_outlet_words(toks: list, caps: list[bool]) -> frozenset[str]:
    out: set[str] = set()
    run: list[str] = []
    for tok, cap in [*zip(toks, caps, strict=True), (None, False)]:
        if tok is not None and cap:
            run.append(tok.text)
            continue
        if run and run[-1] in prep.OUTLET_WORDS:
            out.update(run)
        run = []
    return frozenset(out)


def _old_person_names(text: str, toks: list, caps: list[bool]) -> set[str]:
    names: set[str] = set()
    run: list = []
    for tok, cap in [*zip(toks, caps, strict=True), (None, False)]:
        name_like = (
            tok is not None
            and cap
            and (tok.text not in prep._NOT_NAMES or prep._is_particle(text, tok))
            and not tok.text.endswith(prep._ROLE_ENDINGS)
        )
        if tok is not None and name_like and (not run or prep._adjacent(text, run[-1], tok)):
            run.append(tok)
            continue
        if 2 <= len(run) <= 3 and run[-1].text not in prep.OUTLET_WORDS:
            names.add(f"{run[0].text} {run[-1].text}")
        run = [tok] if name_like and tok is not None else []
    return names


_NAME_TEXT = GENERATED | st.lists(
    st.sampled_from(
        ["Mohammed", "bin", "Salman", "al-Assad", "al", "-", "Ash-", "el", "Wall", "Street",
         "Journal", "New", "York", "Times", "Gulnara", "Rakhimova", "said", "der", "Präsident",
         "von", "Ben", "ibn", "abu", "Abu", " ", " ", ", ", "."]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


def _check_names(text: str) -> None:
    toks = tokens(text)
    caps = prep.capitals(text, toks)
    assert caps == _old_capitals(text, toks), text
    assert prep.outlet_words(toks, caps) == _old_outlet_words(toks, caps), text
    found = prep.person_names(text, toks, [], caps, headline_check=False)
    assert found == _old_person_names(text, toks, caps), text


@settings(deadline=None, max_examples=600)
@given(_NAME_TEXT)
def test_capitals_outlets_and_names_equal_the_plain_algorithm(text: str) -> None:
    _check_names(text)


def test_capitals_outlets_and_names_equal_the_plain_algorithm_on_the_corpus() -> None:
    for text in TEXTS:
        _check_names(text)


# -- month words ----------------------------------------------------------------------------
def _old_mentions_month(text: str) -> bool:
    words = " ".join(re.findall(r"\w+", text)).casefold()
    if not words.isascii():
        words = words.replace("\u0131", "i").replace("i\u0307", "i")
    return not dates._MONTH_WORDS.isdisjoint(words.split())


_MONTH_TEXT = GENERATED | st.lists(
    st.sampled_from(["JAN", "Mai", "mai_", "_may", "Sept.", "okt", "X", "ı", "2022", "-", " ",
                     ",", "(", "Dez", "MÄRZ", "maerz", "Jänner", "\x1c", "\t", "Mayor"]),
    max_size=10,
).map("".join)  # fmt: skip


@settings(deadline=None, max_examples=800)
@given(_MONTH_TEXT)
def test_month_check_equals_the_word_regex(text: str) -> None:
    assert dates._mentions_month(text) == _old_mentions_month(text)


def test_month_check_equals_the_word_regex_on_the_corpus() -> None:
    for text in TEXTS:
        assert dates._mentions_month(text) == _old_mentions_month(text), text


# -- shares in words ------------------------------------------------------------------------
_SHARE_TEXT = GENERATED | st.lists(
    st.sampled_from(["zwei", "Drittel", "DRITTEL", "viertel", "Achtel", "die", "Hälfte", "HALF",
                     "half", "of", "the", "Third", "quarters", "Tenth", "fifth", "a", "-", " ",
                     "ſ", "İ", "x", "2"]),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(deadline=None, max_examples=800)
@given(_SHARE_TEXT, st.sampled_from(["de", "en"]))
def test_share_screen_equals_the_hint_search(text: str, language: str) -> None:
    from claimtrack.text import numbers

    expected = (
        numbers._find_shares(text, language) if numbers._SHARE_HINT[language].search(text) else []
    )
    assert numbers._shares(text, language) == expected


def test_ascii_share_hints_are_the_hints_ascii_text_can_match() -> None:
    from claimtrack.text import numbers

    for language, hint in numbers._SHARE_HINT.items():
        words = hint.pattern.removeprefix("(?i)").split("|")
        assert set(numbers._SHARE_HINT_ASCII[language]) == {w for w in words if w.isascii()}


# -- spelled English numbers ------------------------------------------------------------------
_ENGLISH_TEXT = GENERATED | st.lists(
    st.sampled_from(["two", "Thousand", "and", "AND", "and-and", "-", "twenty-one", "one",
                     "hundred", "million", "x", "Ones", "band", "2", " ", ",", "Two-Thousand"]),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(deadline=None, max_examples=800)
@given(_ENGLISH_TEXT | st.lists(st.sampled_from(["and", "-", "two", "x"]), max_size=6).map("".join))
def test_english_number_screen_misses_no_word_the_check_passes(text: str) -> None:
    from claimtrack.text import numbers

    if text.isascii() and any(map(numbers._is_figure_word_en, numbers._WORD_RUN.findall(text))):
        assert numbers._may_spell_english_number(text), text


def test_english_number_screen_on_the_corpus() -> None:
    from claimtrack.text import numbers

    for text in TEXTS:
        if text.isascii() and any(map(numbers._is_figure_word_en, numbers._WORD_RUN.findall(text))):
            assert numbers._may_spell_english_number(text), text


# -- date, year and numeral patterns matched only where a digit starts (session 8) -----------
_DIGIT_PIECES = st.sampled_from(
    ["5", "12", "2022", "1.", "3:30", "/", "-", ".", ",", " ", "a", "Z", "_", "é", "٣", "²",
     "Uhr", "am", "Mai", "x1", "\u00a0", "(", "$"]
)  # fmt: skip
_DIGIT_TEXT = GENERATED | st.lists(_DIGIT_PIECES, max_size=14).map("".join)


def _check_digit_starts(text: str) -> None:
    word, number = dates.digit_starts(text)
    assert word == [m.start() for m in re.finditer(r"\b\d", text)], text
    assert number == [m.start() for m in re.finditer(r"(?<![\w.,])\d", text)], text
    for pattern, kind, _needs in dates._DATE_PATTERNS:
        if kind not in dates._MONTH_FIRST:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in dates._matches_at(pattern, text, word)] == expected
    for pattern in (dates._YEAR_RE, numbers._NUMERAL):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in dates._matches_at(pattern, text, number)] == expected
    for lang in ("de", "en"):
        assert numbers._numerals(text, lang, number) == numbers._numerals(text, lang)


@settings(deadline=None, max_examples=800)
@given(_DIGIT_TEXT)
def test_digit_starts_give_every_match_of_the_patterns(text: str) -> None:
    _check_digit_starts(text)


def test_digit_starts_give_every_match_of_the_patterns_on_the_corpus() -> None:
    for text in TEXTS:
        _check_digit_starts(text)


# -- tokens of ASCII text made in C (session 8) ----------------------------------------------
def _old_tokens(text: str) -> list[Token]:
    out = []
    for m in re.finditer(r"\w+", text):
        for part in fold(m.group()).split():
            out.append(Token(part, m.start(), m.end()))
    return out


@settings(deadline=None, max_examples=800)
@given(GENERATED | st.text(st.characters(max_codepoint=127), max_size=60))
def test_tokens_equal_the_plain_algorithm(text: str) -> None:
    assert tokens(text) == _old_tokens(text)


def test_tokens_equal_the_plain_algorithm_on_the_corpus() -> None:
    for text in TEXTS:
        assert tokens(text) == _old_tokens(text), text


# -- "since" before a date (session 8) -------------------------------------------------------
_SINCE_PIECES = st.sampled_from(
    ["seit", "SEIT", "Since", "since", "ſince", "SİNCE", "dem", "the", "Jahr", "year", " ",
     "  ", "\t", "2016", "x", "s", "ince", "e"]
)  # fmt: skip


def _check_since(text: str) -> None:
    for start in range(len(text) + 1):
        expected = "~" if prep._SINCE.search(text, max(0, start - 20), start) else ""
        assert prep._since_mark(text, start) == expected, (text, start)


@settings(deadline=None, max_examples=500)
@given(st.lists(_SINCE_PIECES, max_size=10).map("".join))
def test_since_screen_equals_the_search(text: str) -> None:
    _check_since(text)


def test_since_screen_equals_the_search_on_the_corpus() -> None:
    for text in TEXTS[:400]:
        _check_since(text)


# -- proper names: only tokens with a capital are tried (session 8) --------------------------
def _old_proper_names(text: str, toks: list, taken: list, language: str) -> tuple[str, ...]:
    out: dict[str, None] = {}
    prev = None
    for i, tok in enumerate(toks):
        if names._is_name(text, tok, prev, taken, language, prep._NOT_NAMES) or (
            (prev is None or names._SENTENCE_END.search(text, prev.end, tok.start))
            and names._initial_name(text, tok, toks[i + 1] if i + 1 < len(toks) else None,
                                    taken, language, prep._NOT_NAMES)
        ):  # fmt: skip
            out[tok.text] = None
        prev = tok
    return tuple(out)


def _check_proper_names(text: str) -> None:
    toks = tokens(text)
    for language in ("de", "en"):
        for taken in ([], [(0, 12)]):
            found = names.proper_names(text, toks, taken, language, prep._NOT_NAMES)
            assert found == _old_proper_names(text, toks, taken, language), text


@settings(deadline=None, max_examples=400)
@given(_NAME_TEXT)
def test_proper_names_equal_the_plain_algorithm(text: str) -> None:
    _check_proper_names(text)


def test_proper_names_equal_the_plain_algorithm_on_the_corpus() -> None:
    for text in TEXTS:
        _check_proper_names(text)


# -- places: only tokens a place or a city's adjective can start at are tried (session 8) ----
def _old_find_places(text: str) -> list:
    toks, out, i = tokens(text), [], 0
    while i < len(toks):
        hit = None
        if places._longest_from(toks[i].text):
            hit = places._match_at(text, toks, i, places.gazetteer())
        if hit is None:  # a city's adjective, also where a site's spelling starts with it
            word = toks[i].text
            city = places._city_of_adjective(word) if word.endswith("er") else None
            if city and places._capitalised(text, toks[i]) and not places._outlet_follows(toks, i):
                t = toks[i]
                out.append(places.Place(city, "city", text[t.start : t.end], t.start, t.end))
            i += 1
            continue
        n, (name, kind) = hit
        start, end = toks[i].start, toks[i + n - 1].end
        if kind == "river" and not places._river_at(text, toks, i, end, name):
            i += n
            continue
        if not places._in_compound_name(text, end) and not (i == 0 and places._dateline(text, end)):
            out.append(places.Place(name, kind, text[start:end], start, end))
        i += n
    return out


_PLACE_TEXT = GENERATED | st.lists(
    st.sampled_from(
        ["New", "York", "Times", "Hamburger", "Hafen", "Berliner", "Zeitung", "in", "Almaty",
         "Alma-Ata", "Kasachstans", "St.", "Petersburg", "Sankt", "Münchner", "Polizei", "BERLIN",
         "(dpa)", "-", ",", "Rio", "de", "Janeiro", "Kiew", "Kyiv", "Bremer", "er", "the",
         "Mauer", "Kölner", "Dom", "Main", "am", "Donau", "Oder", "Inn", "River", "Rhein"]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


@settings(deadline=None, max_examples=400)
@given(_PLACE_TEXT)
def test_find_places_equals_the_plain_algorithm(text: str) -> None:
    assert places.find_places(text) == _old_find_places(text)


def test_find_places_equals_the_plain_algorithm_on_the_corpus() -> None:
    for text in TEXTS:
        assert places.find_places(text) == _old_find_places(text), text


# -- frozen dataclasses made by one dict update (session 8) ----------------------------------
def test_fast_initialisers_make_what_the_generated_ones_made() -> None:
    import dataclasses
    import pickle

    from claimtrack.text.polarity import Polarity

    pol = Polarity(False, (), frozenset())
    cases = [
        (numbers.Figure, (2000.0, "about", None, "people", "rund 2000", 3, 12)),
        (dates.DateMention, ("2022", "2022", 0, 4)),
        (prep.Prepared, ("a b", "de", 2, (), (), ("2022",), (), pol)),
        (prep.Prepared, ("a b", "de", 2, (), (), ("2022",), (), pol, ("vik",))),
    ]
    for cls, args in cases:
        plain = dataclasses.make_dataclass(
            cls.__name__, [(f.name, f.type, f) for f in dataclasses.fields(cls)], frozen=True
        )
        made, expected = cls(*args), plain(*args)
        assert vars(made) == vars(expected)
        assert repr(made) == repr(expected).replace(plain.__qualname__, cls.__qualname__)
        names = [f.name for f in dataclasses.fields(cls)]
        assert cls(**dict(zip(names, args, strict=False))) == made
        assert hash(made) == hash(cls(*args)) and pickle.loads(pickle.dumps(made)) == made
        try:
            made.start = 1  # type: ignore[misc]
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError("not frozen")
    assert prep.Prepared("a", "de", 1, (), (), (), (), pol).names == ()


# -- a currency before a figure (session 8) --------------------------------------------------
@settings(deadline=None, max_examples=800)
@given(
    st.lists(
        st.sampled_from(["$", "US", "us", "USD", "Eur", "€", "£", "gbp", " ", "\n", "x", "E", "u"]),
        max_size=4,
    ).map("".join)
)
def test_currency_screen_equals_the_search(window: str) -> None:
    found, expected = numbers._currency_before(window), numbers._CURRENCY_RE.search(window)
    assert (found and found.span()) == (expected and expected.span())
