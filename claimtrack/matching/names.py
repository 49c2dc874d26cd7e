"""Proper names no table knows, and a claim that puts another name in their place.

The gazetteer knows countries and the larger cities, the alias table a few organisations and
persons. News names many more: a fishing town (Vík, Grindavík), a resort (Cancún), a company
(Apple, Google, Toyota). "Hurricane Otis killed 48 people in Acapulco" and "... in Cancún" read
alike to an embedding and agree on every known fact; they are two claims.

A proper name here is a capitalised word that is not the first word of a sentence (unless it
stands alone as the subject of a verb only a singular takes: "Toyota is recalling"), not a
function word, title, weekday or month, and not a part of a figure, a known place or an alias
(those have their own guards). German capitalises every noun, so a German word counts only when
no article, possessive or adjective stands before it ("gegen Apple", not "die Strafe") and it
does not end like a German noun ("-ung", "-heit", ...). The names are stored with the claim
(``Prepared.names``).

Two claims conflict on a name ("name") when one puts a different name in the slot where the
other has its own, and neither name occurs in the other claim at all:

- the same words around it ("the resort of Acapulco, authorities" vs "the resort of Cancún,
  authorities"), within one language;
- the same happening next to it ("gegen Apple eine Strafe verhängt" vs "fined Google"), in any
  language (``events``: the name nearest to the happening in each claim).

A name that one claim simply leaves out, or that both name somewhere, is no conflict.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from rapidfuzz import fuzz

from claimtrack.matching._stopwords import STOPWORDS
from claimtrack.matching.events import happening_at
from claimtrack.text.normalize import Token, fold
from claimtrack.text.places import gazetteer

__all__ = ["demonym", "name_sides", "proper_names", "same_spelling"]

# Words before a German noun that make it a common noun: articles, possessives, quantifiers.
_BEFORE_NOUN = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
     "beim", "im", "am", "zum", "zur", "vom", "ins", "sein", "seine", "seinen", "seinem", "seiner",
     "ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "dieser", "diese", "diesen",
     "diesem", "dieses", "jeder", "jede", "jeden", "alle", "allen", "mehrere", "viele", "vielen",
     "einige", "kein", "keine", "keinen", "welche", "welcher", "the", "a", "an", "its", "their",
     "his", "her", "this", "these", "those"]
)  # fmt: skip
# Prepositions and conjunctions that stand before a bare name ("gegen Apple", "in Vík").
_BEFORE_NAME = frozenset(
    ["in", "von", "aus", "nach", "gegen", "bei", "mit", "fuer", "an", "auf", "ueber", "unter",
     "vor", "durch", "um", "wie", "und", "oder", "sowie", "als", "zu", "bis", "ab", "seit",
     "laut"]
)  # fmt: skip
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "taet", "taeten", "ismus", "nis", "nisse", "ment", "ling", "linge", "chen", "lein", "ei",
    "ern", "erin", "innen", "ler", "ner", "er", "el", "en", "ten",
)  # fmt: skip
# English adjectives of a people or country are descriptions, not names ("a British prison",
# "German plastics maker Covestro"): most end alike, the others are listed.
_DEMONYM_ENDINGS = ("ish", "ian", "ean", "ese")
_DEMONYMS = frozenset(
    ["german", "french", "dutch", "swiss", "greek", "thai", "iraqi", "israeli", "pakistani",
     "kuwaiti", "saudi", "qatari", "emirati", "yemeni", "omani", "bangladeshi", "afghan",
     "kazakh", "uzbek", "tajik", "turkmen", "kyrgyz", "czech", "slovak", "welsh", "scots",
     "american", "mexican", "african", "moroccan", "kenyan", "ugandan", "rwandan", "cuban",
     "dominican", "venezuelan", "argentine", "filipino", "nepali", "somali", "azerbaijani",
     "icelandic", "arab", "sri", "lankan", "tibetan", "angolan", "ghanaian", "zambian"]
)  # fmt: skip
# Titles written as capitals before a name ("CEO Pat Gelsinger").
_TITLE_ACRONYMS = frozenset(["ceo", "cfo", "coo", "cto", "vp"])
_SENTENCE_END = re.compile(r"[.!?:;]\s*[\"'„“”‚‘’»«(]*\s*$")


def proper_names(
    text: str,
    toks: list[Token],
    taken: list[tuple[int, int]],
    language: str,
    not_names: frozenset[str],
) -> tuple[str, ...]:
    """Folded words of the proper names in ``text`` that nothing else has taken, in order."""
    out: dict[str, None] = {}
    # Both tests need the word's first character upper-case: only such tokens are tried (the
    # first characters read in C).
    upper = map(str.isupper, map(text.__getitem__, map(itemgetter(1), toks)))
    for i in compress(range(len(toks)), upper):
        tok, prev = toks[i], toks[i - 1] if i else None
        if _is_name(text, tok, prev, taken, language, not_names) or (
            (prev is None or _SENTENCE_END.search(text, prev.end, tok.start))
            and _initial_name(text, tok, toks[i + 1] if i + 1 < len(toks) else None, taken,
                              language, not_names)
        ):  # fmt: skip
            out[tok.text] = None
    return tuple(out)


# The first word of a sentence is capitalised whatever it is; it is a name when it stands alone
# as the subject of a finite verb: a singular count noun needs an article ("The carmaker is"), a
# plural takes a plural verb ("Hackers have"), so "Toyota is recalling", "Lanxess will BASF
# übernehmen" name a company. Verbs only a singular subject takes:
_SINGULAR_VERBS = {
    "en": frozenset(["is", "has", "was", "says", "wants", "plans", "expects"]),
    "de": frozenset(["ist", "hat", "will", "wird", "war", "soll", "muss", "kann", "hatte",
                     "wollte", "sollte", "musste", "konnte", "darf"]),
}  # fmt: skip
# ... and verbs either takes ("Toyota said", "Officials said"), after a word that is no plural.
_ANY_VERBS = frozenset(["said", "will", "would", "announced", "reported", "agreed", "confirmed"])
# Words that open a sentence and are neither names nor plurals.
_OPENERS = frozenset(
    ["today", "tomorrow", "yesterday", "everyone", "everybody", "nobody", "someone", "somebody",
     "something", "nothing", "everything", "anyone", "anything", "police", "staff", "heute",
     "gestern", "morgen", "dabei", "trotzdem", "deshalb", "zudem", "ausserdem", "insgesamt",
     "bisher", "zuletzt", "derzeit", "inzwischen", "bereits", "zunaechst", "anschliessend",
     "danach", "spaeter", "dennoch", "allerdings", "jedoch", "daher", "seitdem", "mittlerweile",
     "gleichzeitig", "unterdessen", "indes", "somit", "dazu", "hinzu"]
)  # fmt: skip
_NOUN_ENDINGS_EN = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ing")


def _initial_name(
    text: str,
    tok: Token,
    nxt: Token | None,
    taken: list[tuple[int, int]],
    language: str,
    not_names: frozenset[str],
) -> bool:
    """Whether the first word of a sentence is a name: capitalised, no function word, known
    place or noun by its ending, and the subject of a verb that says so (``_SINGULAR_VERBS``)."""
    word = tok.text
    if nxt is None or not text[tok.start : tok.start + 1].isupper() or len(word) < 2:
        return False
    if word in not_names or word in _OPENERS or word[:1].isdigit() or happening_at(word):
        return False
    if any(s <= tok.start < e for s, e in taken):
        return False
    between = text[tok.end : nxt.start]
    if language != "de" and between in ("'", "’") and nxt.text == "s":
        # a possessive: "Boeing's workers" (a common noun would have its article: "The firm's")
        return not (demonym(word) or word.endswith(_NOUN_ENDINGS_EN[:-2]))  # "Boeing's"
    if not between.isspace():
        return False  # "Meanwhile, ...", "BERLIN, March 14": no subject of a verb
    if language == "de":
        return nxt.text in _SINGULAR_VERBS["de"] and not word.endswith(_GERMAN_NOUN_ENDINGS)
    if demonym(word) or word.endswith(_NOUN_ENDINGS_EN):
        return False
    if nxt.text in _SINGULAR_VERBS["en"]:
        return True
    return nxt.text in _ANY_VERBS and not word.endswith("s")


def _is_name(
    text: str,
    tok: Token,
    prev: Token | None,
    taken: list[tuple[int, int]],
    language: str,
    not_names: frozenset[str],
) -> bool:
    word = tok.text
    if not text[tok.start : tok.start + 1].isupper() or len(word) < 2 or word[:1].isdigit():
        return False
    if word in not_names or any(s <= tok.start < e for s, e in taken) or happening_at(word):
        return False  # a word that names a happening ("in Gewahrsam") is no name
    if word in _TITLE_ACRONYMS:
        return False
    if prev is None or _SENTENCE_END.search(text, prev.end, tok.start):
        return False  # the first word of a sentence is capitalised whatever it is
    if language != "de":
        return not demonym(word)
    if prev.text in _BEFORE_NOUN or word.endswith(_GERMAN_NOUN_ENDINGS):
        return False
    before_upper = text[prev.start : prev.start + 1].isupper()
    return before_upper or prev.text in _BEFORE_NAME or prev.text.isdigit()


def demonym(word: str) -> bool:
    """Whether a folded English word is an adjective of a people or country ("british",
    "german", "slovenian"): a description of someone, not a name."""
    return word in _DEMONYMS or word.endswith(_DEMONYM_ENDINGS)


def _key(word: str) -> str:
    """A spelling key that German and English transliterations share (Walijewa = Valieva)."""
    return word.replace("w", "v").replace("j", "y").replace("sch", "sh").replace("z", "s")


def same_spelling(x: str, y: str) -> bool:
    """Two spellings of one name in German and English transliteration ("netanjahu" =
    "netanyahu", "walijewa" = "valieva")."""
    if x == y:
        return True
    kx, ky = _key(x), _key(y)
    return len(kx) >= 5 and abs(len(kx) - len(ky)) <= 2 and fuzz.ratio(kx, ky) >= 80


def _occurs(name: str, words: frozenset[str]) -> bool:
    """Whether ``name`` (or a spelling of it) is one of ``words`` or begins one of them
    ("Marshall" in "Marshallinseln", "Russian" in "russische")."""
    if name in words:
        return True
    key = _key(name)
    stem = key[:5]
    for w in words:
        wk = _key(w)
        if len(stem) >= 4 and wk.startswith(stem):
            return True
        if len(key) >= 5 and abs(len(wk) - len(key)) <= 2 and fuzz.ratio(key, wk) >= 80:
            return True
    return False


def name_sides(
    norm_a: str,
    names_a: tuple[str, ...],
    norm_b: str,
    names_b: tuple[str, ...],
    same_language: bool,
    places_a: tuple[str, ...] = (),
    places_b: tuple[str, ...] = (),
    language: str = "",
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The names of each claim that take the place of a name of the other (see the module), in
    a stable order, or None. ``language``: the claims' one language, when they share it. ``places_a``/``places_b``: the claims' known places as ``norm``
    writes them; a known place against a name no table knows between the same words is a
    conflict too ("Police in Osnabrück" vs "Police in Zwickau": the gazetteer never holds every
    town); two known places are the place guard's."""
    found = None
    if (names_a or places_a) and (names_b or places_b):
        found = _slot_names(norm_a, names_a, norm_b, names_b, same_language, places_a, places_b)
    if same_language:
        first = _first_word(norm_a, names_a, norm_b, names_b, language)
        if first is not None:
            found = first if found is None else _joined(found, first)
    if same_language and (names_a or names_b):
        owner = _first_owner(norm_a, names_a, norm_b, names_b)
        if owner is not None:
            found = (
                owner
                if found is None
                else (tuple(sorted({*found[0], *owner[0]})), tuple(sorted({*found[1], *owner[1]})))
            )
    if found is None:
        return None
    x, y = sorted(found, key=", ".join)
    return x, y


def _joined(
    x: tuple[tuple[str, ...], tuple[str, ...]], y: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(sorted({*x[0], *y[0]})), tuple(sorted({*x[1], *y[1]}))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Every known place as ``norm`` writes it: a capital opening a claim ("Berlin has agreed")
    may stand for its government, and places have their own guard."""
    return frozenset(fold(name).replace(" ", "") for name, _ in gazetteer().values())


_SAME_AFTER = 3  # words after the opening word that both claims share, in order


def _first_word(
    norm_a: str, names_a: tuple[str, ...], norm_b: str, names_b: tuple[str, ...], language: str
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Two claims in one language that open with another word before the same words: "Porsche
    cut its full-year forecast" vs "Audi cut its full-year forecast", "Condor will cut 500
    flights" vs "Eurowings will cut 500 flights". The opening word is capitalised whatever it is,
    so it counts as a name when the reading took it for one, or, in English, when neither is a
    plural ("Thieves stole" vs "Burglars stole" are one claim). (a's word, b's word), or None."""
    wa, wb = norm_a.split(), norm_b.split()
    if len(wa) <= _SAME_AFTER or len(wb) <= _SAME_AFTER:
        return None
    x, y = wa[0], wb[0]
    if x == y or wa[1 : 1 + _SAME_AFTER] != wb[1 : 1 + _SAME_AFTER] or x in wb or y in wa:
        return None
    places = _place_words()
    if not (_may_name(x) and _may_name(y)) or x in places or y in places:
        return None
    named = x in names_a or y in names_b
    if language == "de":
        plain = x if x not in names_a else y
        return ((x,), (y,)) if named and not plain.endswith(_GERMAN_NOUN_ENDINGS) else None
    if named or not (x.endswith("s") or y.endswith("s")):
        return (x,), (y,)
    return None


# Endings of English words that describe rather than name ("Striking engineers", "Unionised").
_DESCRIBING_EN = ("ing", "ed", "ly", "al", "ive", "ous", "ful", "ic", "less", "est")


def _first_owner(
    norm_a: str, names_a: tuple[str, ...], norm_b: str, names_b: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A possessive name that opens one claim ("Boeing's engineers walked out") against the word
    that opens the other before the same two words ("Airbus engineers walked out"): a company
    first in its sentence before a noun is no name the reading can tell, but it holds the slot.
    (a's name, b's word) as sides, or None."""
    wa, wb = norm_a.split(), norm_b.split()
    for w1, n1, w2, flip in ((wa, names_a, wb, False), (wb, names_b, wa, True)):
        if len(w1) < 4 or len(w2) < 3 or w1[1] != "s" or w1[0] not in n1:
            continue
        y = w2[0]
        if w1[2:4] != w2[1:3] or y in w1 or w1[0] in w2 or not _may_name(y):
            continue
        return ((y,), (w1[0],)) if flip else ((w1[0],), (y,))
    return None


def _may_name(word: str) -> bool:
    return (
        len(word) > 2
        and not word[:1].isdigit()
        and word not in STOPWORDS
        and word not in _OPENERS
        and not demonym(word)
        and not word.endswith(_DESCRIBING_EN + _NOUN_ENDINGS_EN)
    )


@lru_cache(maxsize=8192)
def _slot_names(
    norm_a: str,
    names_a: tuple[str, ...],
    norm_b: str,
    names_b: tuple[str, ...],
    same_language: bool,
    places_a: tuple[str, ...] = (),
    places_b: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    wa, wb = norm_a.split(), norm_b.split()
    set_a, set_b = frozenset(wa), frozenset(wb)
    own_a = {n for n in names_a if n in set_a and not _occurs(n, set_b)}
    own_b = {n for n in names_b if n in set_b and not _occurs(n, set_a)}
    pairs: set[tuple[str, str]] = set()
    if same_language and (places_a or places_b):
        # a known place against a name no table knows (never two places: the place guard's)
        at_a = {n for n in places_a if n in set_a and not _occurs(n, set_b)}
        at_b = {n for n in places_b if n in set_b and not _occurs(n, set_a)}
        pairs |= _same_words_around(wa, at_a, wb, own_b) | _same_words_around(wa, own_a, wb, at_b)
    if not own_a or not own_b:
        return _found(pairs)
    if same_language:
        pairs |= _same_words_around(wa, own_a, wb, own_b)
        pairs |= _same_owner(wa, own_a, wb, own_b)
    pairs |= _same_happening(norm_a, wa, own_a, set(names_a), norm_b, wb, own_b, set(names_b))
    return _found(pairs)


def _found(pairs: set[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    if not pairs:
        return None
    return tuple(sorted({x for x, _ in pairs})), tuple(sorted({y for _, y in pairs}))


_MAX_SLOT = 3  # words a replaced name may take


def _same_words_around(
    wa: list[str], own_a: set[str], wb: list[str], own_b: set[str]
) -> set[tuple[str, str]]:
    """Names that stand where the other claim has its own name, between the same words (one
    on each side, or two on one side at a sentence's start or end)."""
    out: set[tuple[str, str]] = set()
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace":
            continue
        left = ops[k - 1][2] - ops[k - 1][1] if k > 0 and ops[k - 1][0] == "equal" else 0
        if left >= 2 and wa[i1] in own_a and wb[j1] in own_b:
            # the same words before, another name right after them, whatever follows: "a coal
            # mine in Shanxi province, state media said" vs "a coal mine in Balochistan, ..."
            out.add((wa[i1], wb[j1]))
            continue
        if i2 - i1 > _MAX_SLOT or j2 - j1 > _MAX_SLOT:
            continue
        right = (
            ops[k + 1][2] - ops[k + 1][1] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else 0
        )
        if not ((left and right) or left >= 2 or right >= 2):
            continue
        if not _BEFORE_NOUN.isdisjoint(wa[i1:i2] + wb[j1:j2]):
            continue  # a description in one claim ("a British prison"), not another name
        xs = [w for w in wa[i1:i2] if w in own_a]
        ys = [w for w in wb[j1:j2] if w in own_b]
        out.update((x, y) for x in xs for y in ys)
    return out


# Marks between a thing and its owner after it ("deliveries from Airbus", "Auslieferungen von
# Boeing", "the jets of Airbus").
_OWNER_MARKS = frozenset(["from", "of", "by", "von", "des", "der"])


def _same_owner(
    wa: list[str], own_a: set[str], wb: list[str], own_b: set[str]
) -> set[tuple[str, str]]:
    """Names that own the same thing, each absent from the other claim: "Boeing's aircraft
    deliveries" vs "aircraft deliveries from Airbus" (a possessive and its "from"/"of" form)."""
    owned_a, owned_b = _owned(wa, own_a), _owned(wb, own_b)
    if not owned_a or not owned_b:
        return set()
    return {(x, y) for thing in owned_a.keys() & owned_b.keys()
            for x in owned_a[thing] for y in owned_b[thing]}  # fmt: skip


def _owned(words: list[str], own: set[str]) -> dict[str, set[str]]:
    """thing -> its owners among ``own``: "boeing s aircraft deliveries" (the next two words)
    and "deliveries from airbus" (the word before the mark)."""
    out: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if w not in own:
            continue
        if words[i + 1 : i + 2] == ["s"]:
            for thing in words[i + 2 : i + 4]:
                if thing not in _BEFORE_NOUN and len(thing) > 2:
                    out.setdefault(thing, set()).add(w)
        if i >= 2 and words[i - 1] in _OWNER_MARKS and words[i - 2] not in _BEFORE_NOUN:
            out.setdefault(words[i - 2], set()).add(w)
    return out


_NEAR = 3  # a name this close to the happening is its participant


def _same_happening(
    norm_a: str, wa: list[str], own_a: set[str], names_a: set[str],
    norm_b: str, wb: list[str], own_b: set[str], names_b: set[str],
) -> set[tuple[str, str]]:  # fmt: skip
    """Names next to the same happening (the nearest name, within a few words), each absent
    from the other claim: "gegen Apple eine Strafe verhängt" vs "fined Google"."""
    near_a = _nearest(norm_a, wa, names_a)
    near_b = _nearest(norm_b, wb, names_b)
    out: set[tuple[str, str]] = set()
    for event in near_a.keys() & near_b.keys():
        xs, ys = near_a[event], near_b[event]
        if xs & ys:
            continue
        out.update((x, y) for x in xs & own_a for y in ys & own_b)
    return out


def _nearest(norm: str, words: list[str], names: set[str]) -> dict[str, set[str]]:
    where = [(i, w) for i, w in enumerate(words) if w in names]
    out: dict[str, set[str]] = {}
    for event, i in happening_at(norm):
        if not where:
            break
        d = min(abs(i - j) for j, _ in where)
        if d <= _NEAR:
            out.setdefault(event, set()).update(w for j, w in where if abs(i - j) == d)
    return out
