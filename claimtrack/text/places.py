"""Place names (countries, cities, regions) in German, English, Russian and Kazakh spellings.

Every spelling is folded (see ``normalize``) and looked up as a token n-gram, so "Alma-Ata",
"Almaty" and "Алматы" all yield the canonical English "Almaty". Latin-script matches must be
capitalised, which keeps "china" (porcelain) and "us" (pronoun) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from babel import Locale
from mypy_extensions import mypyc_attr

from claimtrack.text import _gazetteer as gz
from claimtrack.text.normalize import Token, fold, tokens

_LOCALES = ("en", "de", "ru", "kk", "uk")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ"}
_MAX_NGRAM = 4


# A plain class under mypyc too (claimtrack/_native.py): pickles, takes attributes.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    raw: str
    start: int
    end: int


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded spelling (token tuple) -> (canonical English name, kind)."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(spelling: str, name: str, kind: str) -> None:
        key = tuple(fold(spelling).split())
        if key and (len(key) > 1 or len(key[0]) > 2 or spelling.isupper()):
            table.setdefault(key, (name, kind))

    for name, spellings in gz.CITIES.items():
        for s in [name, *spellings]:
            add(s, name, "city")
    for name, spellings in gz.REGIONS.items():
        for s in [name, *spellings]:
            add(s, name, "region")
    for name, spellings in gz.SEAS.items():
        for s in [name, *spellings]:
            add(s, name, "sea")
    for name, (_, spellings) in gz.SITES.items():
        for s in [name, *spellings]:
            add(s, name, "site")
    for name, spellings in gz.RIVERS.items():
        for s in [name, *spellings]:
            add(s, name, "river")
    english = Locale("en").territories
    for name, spellings in gz.COUNTRY_EXTRAS.items():
        for s in [name, *spellings]:
            add(s, name, "country")
    for loc in _LOCALES:
        for code, local_name in Locale(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                add(local_name, english[code], "country")
    return table


@lru_cache(maxsize=1)
def _firsts() -> frozenset[str]:
    return frozenset(k[0] for k in gazetteer())


def canonical_place(name: str) -> str | None:
    """Canonical English name for one spelling, or None if the gazetteer does not know it."""
    hit = gazetteer().get(tuple(fold(name).split()))
    return hit[0] if hit else None


def find_places(text: str, toks: list[Token] | None = None) -> list[Place]:
    """Places mentioned in ``text``, longest match first, in text order.

    ``toks`` may pass ``normalize.tokens(text)`` when the caller already has them.
    """
    table = gazetteer()
    toks = tokens(text) if toks is None else toks
    out: list[Place] = []
    i = 0
    longest_from = _longest_from
    # Most words start no place and name no city's adjective: one cached look-up per distinct
    # word says so, in C, and only the others are tried (a hit skips the words it covers).
    for j in compress(range(len(toks)), map(_may_start, map(itemgetter(0), toks))):
        if j < i:
            continue
        i = j
        hit = _match_at(text, toks, i, table) if longest_from(toks[i].text) else None
        if hit is None:
            # no spelling starts here ("Berliner Olympiastadion" is no "Berliner Mauer"): a
            # city's adjective?
            city = _city_of_adjective(toks[i].text) if toks[i].text.endswith("er") else None
            if city and _capitalised(text, toks[i]) and not _outlet_follows(toks, i):
                t = toks[i]
                out.append(Place(city, "city", text[t.start : t.end], t.start, t.end))
            i += 1
            continue
        n, (name, kind) = hit
        start, end = toks[i].start, toks[i + n - 1].end
        if kind == "river" and not _river_at(text, toks, i, end, name):
            i += n
            continue
        if not _in_compound_name(text, end) and not (i == 0 and _dateline(text, end)):
            out.append(Place(name, kind, text[start:end], start, end))
        i += n
    return out


@lru_cache(maxsize=65_536)
def _may_start(word: str) -> bool:
    """Whether ``find_places`` has anything to try at a token: a place can start there, or it
    may be a city's adjective (it ends in "er")."""
    return bool(_longest_from(word)) or word.endswith("er")


# German names a city's people and things by an adjective of its name: "im Hamburger Hafen",
# "die Dresdner Carolabrücke", "Münchner Polizei" (Hamburg+er, Dresd(en)+ner). A newspaper
# named so ("Frankfurter Allgemeine", "Berliner Zeitung") is a source, not a place.
_NEWSPAPER_WORDS = frozenset(
    ["allgemeine", "zeitung", "rundschau", "morgenpost", "abendblatt", "merkur", "nachrichten",
     "volkszeitung", "stadt", "anzeiger", "kurier", "tagblatt", "tageblatt", "post", "presse",
     "neueste", "general"]
)  # fmt: skip


@lru_cache(maxsize=1)
def _city_keys() -> dict[str, str]:
    table = gazetteer()
    return {key[0]: name for key, (name, kind) in table.items() if kind == "city" and len(key) == 1}


@lru_cache(maxsize=65536)
def _city_of_adjective(word: str) -> str | None:
    """The city a folded German adjective names ("hamburger" -> Hamburg, "muenchner" ->
    Munich, "bremer" -> Bremen), or None."""
    keys = _city_keys()
    stem = word[:-2]
    for key in (stem, stem + "en", word[:-3] + "en" if word.endswith("ner") else ""):
        if len(key) > 3 and key in keys:
            return keys[key]
    return None


def _capitalised(text: str, tok: Token) -> bool:
    return text[tok.start : tok.start + 1].isupper()


def _outlet_follows(toks: list[Token], i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].text in _NEWSPAPER_WORDS


# An agency's dateline: "BERLIN, March 14 (Reuters) - ", "MOSKAU (dpa) - ". It says where the
# report was filed, not where the claim's happening took place.
_DATELINE = re.compile(r"\s*(?:,[^()\n]{0,40})?\([^()\n]{1,40}\)\s*[-–—:]")


_CAPS_DATELINE = re.compile(r"\s*(?:,[^()\n]{0,40})?\s[-–—]\s")


def _dateline(text: str, end: int) -> bool:
    """Whether the place ending at ``end``, the text's first word, is followed by the rest of a
    dateline: an agency in brackets and a dash ("Berlin (dpa) -"), or, written in capitals, a
    dash ("BERLIN, March 14 -")."""
    if _DATELINE.match(text, end):
        return True
    return text[:end].strip().isupper() and _CAPS_DATELINE.match(text, end) is not None


def _match_at(
    text: str, toks: list[Token], i: int, table: dict[tuple[str, ...], tuple[str, str]]
) -> tuple[int, tuple[str, str]] | None:
    longest = _longest_from(toks[i].text)
    if not longest or not _looks_like_name(text[toks[i].start : toks[i].start + 1]):
        return None
    for n in range(min(longest, len(toks) - i), 0, -1):
        key = tuple(t.text for t in toks[i : i + n])
        hit = table.get(key) or _inflected(key, table)
        if hit:
            return n, hit
    return None


@lru_cache(maxsize=1)
def _lengths() -> dict[str, int]:
    """First word of each spelling -> the most words a spelling starting with it has."""
    out: dict[str, int] = {}
    for key in gazetteer():
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


@lru_cache(maxsize=65_536)
def _longest_from(word: str) -> int:
    """Most words of a place spelling that can start with ``word`` (0: none can).

    A spelling matches a word or its inflected form ("Kasachstans"); a longer one can only
    start with a spelling's first word, since only the last word of a key is inflected.
    """
    longest = _lengths().get(word, 0)
    if not longest and _inflected((word,), gazetteer()) is not None:
        longest = 1
    return min(longest, _MAX_NGRAM)


def _inflected(
    key: tuple[str, ...], table: dict[tuple[str, ...], tuple[str, str]]
) -> tuple[str, str] | None:
    """German genitive ("Kasachstans") and common Russian case endings ("Казахстане")."""
    last = key[-1]
    for suffix in ("s", "e", "a", "u", "om", "ом"):
        if last.endswith(suffix) and len(last) > len(suffix) + 3:
            hit = table.get((*key[:-1], last[: -len(suffix)]))
            if hit:
                return hit
    return None


def _river_at(text: str, toks: list[Token], i: int, end: int, name: str) -> bool:
    """A river's name read as the river: not in a compound ("Rhein-Main-Gebiet", "Oder-Spree"),
    and a name that is also a common word ("Main", "Inn", "Oder") only after an article or
    "river" ("am Main", "the River Inn")."""
    if text[end : end + 1] == "-" or (i and text[toks[i].start - 1 : toks[i].start] == "-"):
        return False
    if toks[i].text.capitalize() not in gz.AMBIGUOUS_RIVERS and name not in gz.AMBIGUOUS_RIVERS:
        return True
    return i > 0 and toks[i - 1].text in gz.RIVER_MARKS


def _in_compound_name(text: str, end: int) -> bool:
    """A place in "Minsk-Gruppe" or "Normandie-Format" names an organisation or a process."""
    if text[end : end + 1] != "-":
        return False
    rest = text[end + 1 : end + 40]
    word = rest[: next((k for k, ch in enumerate(rest) if not ch.isalpha()), len(rest))]
    return word.lower() in gz.NOT_PLACE_COMPOUNDS


def place_label(name: str, language: str) -> str:
    """A canonical (English) place name in the reader's language ("Kazakhstan" ->
    "Kasachstan" for German readers); unknown names are returned as they are."""
    if not language.lower().startswith("de"):
        return name
    if name in gz.GERMAN_NAMES:
        return gz.GERMAN_NAMES[name]
    code = _country_codes().get(name)
    return Locale("de").territories.get(code, name) if code else name


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {
        local: code
        for code, local in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }


def _looks_like_name(raw: str) -> bool:
    first = raw[:1]
    return not first.isascii() or first.isupper() or not first.isalpha()


@lru_cache(maxsize=1)
def _containment() -> dict[str, str]:
    names = set(gz.CITIES) | set(gz.REGIONS)
    out: dict[str, str] = {}
    for country, listed in gz._IN_COUNTRY.items():
        words, i = listed.split(), 0
        while i < len(words):
            n = next(n for n in (3, 2, 1) if " ".join(words[i : i + n]) in names or n == 1)
            out[" ".join(words[i : i + n])] = country
            i += n
    return out


def country_of(name: str) -> str | None:
    """The country a listed city or region lies in (canonical names), if the gazetteer knows."""
    found = _containment().get(name)
    if found is None and name in gz.SITES:
        return _containment().get(gz.SITES[name][0])
    return found


def city_of(name: str) -> str | None:
    """The city that holds a named site ("Green Vault" -> Dresden), or None."""
    site = gz.SITES.get(name)
    return site[0] if site else None


# Adjectives of a country say where something happened as its name does ("the Slovenian floods",
# "bei den slowenischen Überschwemmungen"), but they describe people and companies too ("German
# carmaker"), so they are no place of the claim: ``adjective_countries`` is read only to tell
# two happenings apart. English words exactly, German stems with their endings.
_ADJECTIVES: dict[str, str] = {
    "Slovenia": "slovenian slowenisch", "Kazakhstan": "kazakh kazakhstani kasachisch",
    "Germany": "german deutsch", "France": "french franzoesisch", "Greece": "greek griechisch",
    "Spain": "spanish spanisch", "Italy": "italian italienisch", "Türkiye": "turkish tuerkisch",
    "Russia": "russian russisch", "Ukraine": "ukrainian ukrainisch", "Poland": "polish polnisch",
    "Austria": "austrian oesterreichisch", "Switzerland": "swiss schweizerisch",
    "Netherlands": "dutch niederlaendisch", "Belgium": "belgian belgisch",
    "United Kingdom": "british britisch", "United States": "american amerikanisch",
    "China": "chinese chinesisch", "Japan": "japanese japanisch", "India": "indian indisch",
    "Israel": "israeli israelisch", "Iran": "iranian iranisch", "Syria": "syrian syrisch",
    "Slovakia": "slovak slovakian slowakisch", "Czechia": "czech tschechisch",
    "Hungary": "hungarian ungarisch", "Romania": "romanian rumaenisch",
    "Bulgaria": "bulgarian bulgarisch", "Serbia": "serbian serbisch",
    "Croatia": "croatian kroatisch", "Portugal": "portuguese portugiesisch",
    "Sweden": "swedish schwedisch", "Norway": "norwegian norwegisch", "Denmark": "danish daenisch",
    "Finland": "finnish finnisch", "Estonia": "estonian estnisch", "Latvia": "latvian lettisch",
    "Lithuania": "lithuanian litauisch", "Georgia": "georgian georgisch",
    "Armenia": "armenian armenisch", "Azerbaijan": "azerbaijani aserbaidschanisch",
    "Uzbekistan": "uzbek usbekisch", "Kyrgyzstan": "kyrgyz kirgisisch",
    "Tajikistan": "tajik tadschikisch", "Belarus": "belarusian belarussisch",
    "Mexico": "mexican mexikanisch", "Brazil": "brazilian brasilianisch",
    "Argentina": "argentine argentinian argentinisch", "Canada": "canadian kanadisch",
    "Australia": "australian australisch", "Egypt": "egyptian aegyptisch",
    "Thailand": "thai thailaendisch", "Pakistan": "pakistani pakistanisch",
    "Afghanistan": "afghan afghanisch", "Iraq": "iraqi irakisch", "Lebanon": "lebanese libanesisch",
    "Saudi Arabia": "saudi saudisch", "Taiwan": "taiwanese taiwanisch",
    "Vietnam": "vietnamese vietnamesisch", "Indonesia": "indonesian indonesisch",
    "Philippines": "filipino philippine philippinisch", "Nigeria": "nigerian nigerianisch",
    "Kenya": "kenyan kenianisch", "Iceland": "icelandic islaendisch", "Ireland": "irish irisch",
    "Bangladesh": "bangladeshi bangladeschisch", "Chile": "chilean chilenisch",
    "Colombia": "colombian kolumbianisch", "Venezuela": "venezuelan venezolanisch",
    "Tunisia": "tunisian tunesisch", "Libya": "libyan libysch", "Albania": "albanian albanisch",
    "Morocco": "moroccan marokkanisch", "Algeria": "algerian algerisch",
    "Malta": "maltese maltesisch", "Cyprus": "cypriot zypriotisch", "Yemen": "yemeni jemenitisch",
    "Montenegro": "montenegrin montenegrinisch", "Somalia": "somali somalisch",
    "Senegal": "senegalese senegalesisch", "Mauritania": "mauritanian mauretanisch",
    "Peru": "peruvian peruanisch", "Cuba": "cuban kubanisch", "Nepal": "nepalese nepalesisch",
    "Sudan": "sudanese sudanesisch", "Qatar": "qatari katarisch", "Jordan": "jordanian jordanisch",
}  # fmt: skip
_GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")


@lru_cache(maxsize=1)
def _adjective_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country, words in _ADJECTIVES.items():
        for w in words.split():
            endings = _GERMAN_ENDINGS if w.endswith(("isch", "ysch")) else ("",)
            table.update((w + e, country) for e in endings)
    return table


def country_adjectives() -> dict[str, str]:
    """Every country adjective as ``norm`` writes it (German with its endings) -> the country."""
    return _adjective_table()


@lru_cache(maxsize=8192)
def adjective_countries(norm: str) -> frozenset[str]:
    """The countries a normalised text names by an adjective ("slovenian", "kasachischen")."""
    table = _adjective_table()
    return frozenset(table[w] for w in norm.split() if w in table)


# Nouns of a stretch of land or sea: a country's adjective before one names where ("vor der
# libyschen Küste", "off the Albanian coast", "an der polnischen Grenze", "in Greek waters"), as
# the country's name would; before anything else it only describes ("the Slovenian floods",
# "German carmaker").
_GROUND = frozenset(
    ["kueste", "kuesten", "kuestengewaessern", "gewaessern", "gewaesser", "hoheitsgewaessern",
     "grenze", "hauptstadt", "insel", "inseln", "provinz", "staatsgebiet", "festland",
     "coast", "coastline", "coasts", "waters", "border", "capital", "island", "islands",
     "province", "territory", "mainland", "shores", "shore"]
)  # fmt: skip


@lru_cache(maxsize=8192)
def ground_countries(norm: str) -> tuple[tuple[str, str], ...]:
    """The countries a normalised text names by an adjective before a noun of land or sea
    ("libyschen kueste" -> Libya), as places of kind "country"."""
    words = norm.split()
    if _GROUND.isdisjoint(words):
        return ()
    table = _adjective_table()
    found = {
        table[w]
        for i, w in enumerate(words[:-1])
        if w in table and (words[i + 1] in _GROUND or words[i + 2 : i + 3] == ["coast"])
    }
    return tuple(sorted((c, "country") for c in found))
