"""Alias table: spellings of one organisation or person that a claim may use interchangeably.

The shipped table covers the Central Asia desk's frequent names and institutions whose German and
English names share no word ("Bundesverfassungsgericht" = "Constitutional Court"); the desk extends
it through ``services.matching`` (stored aliases are merged over these). Lookup works on folded token
n-grams, so Cyrillic spellings transliterate to the same key ("Токаев" -> "tokaev").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

from claimtrack.text.normalize import Token, fold, tokens

# canonical -> (kind, spellings). kind is "org" or "person"; persons in conflict mark a variant.
DEFAULT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "CSTO": ("org", ("OVKS", "ODKB", "ОДКБ", "OWKS", "Collective Security Treaty Organization",
                     "Organisation des Vertrags über kollektive Sicherheit")),
    "Tokayev": ("person", ("Toqajew", "Tokajew", "Tokayev", "Tokaev", "Токаев", "Тоқаев",
                           "Qasym-Schomart Toqajew", "Kassym-Jomart Tokayev")),
    "Nazarbayev": ("person", ("Nasarbajew", "Nazarbaev", "Назарбаев", "Nursultan Nazarbayev")),
    "Putin": ("person", ("Путин", "Wladimir Putin", "Vladimir Putin")),
    "Lukashenko": ("person", ("Lukaschenko", "Лукашенко", "Alexander Lukaschenko")),
    "Zelensky": ("person", ("Selenskyj", "Zelenskyy", "Зеленский", "Зеленський")),
    "Navalny": ("person", ("Nawalny", "Навальный")),
    "Shoigu": ("person", ("Schoigu", "Шойгу")),
    "Lavrov": ("person", ("Lawrow", "Лавров")),
    "Medvedev": ("person", ("Medwedew", "Медведев")),
    "Masimov": ("person", ("Massimow", "Масимов", "Karim Massimow")),
    "Smailov": ("person", ("Smailow", "Смаилов")),
    "Mirziyoyev": ("person", ("Mirsijojew", "Мирзиёев")),
    "Japarov": ("person", ("Dschaparow", "Schaparow", "Жапаров")),
    "Pashinyan": ("person", ("Paschinjan", "Пашинян")),
    "Belarus": ("org", ("Weißrussland", "Weissrussland", "Belorussia")),
    "Kazakhstan": ("org", ("Kasachstan", "Казахстан", "Qazaqstan")),
    "European Union": ("org", ("EU", "Europäische Union", "Европейский союз")),
    "United Nations": ("org", ("UN", "UNO", "Vereinte Nationen", "ООН")),
    "NATO": ("org", ("Nato", "НАТО", "North Atlantic Treaty Organization")),
    "WHO": ("org", ("Weltgesundheitsorganisation", "World Health Organization", "ВОЗ")),
    "KNB": ("org", ("National Security Committee", "Komitee für Nationale Sicherheit", "КНБ")),
    # Institutions whose German and English names share no word.
    "Federal Constitutional Court": ("org", ("Bundesverfassungsgericht", "Verfassungsgericht",
                                             "Constitutional Court", "BVerfG")),
    "Federal Court of Justice": ("org", ("Bundesgerichtshof", "BGH")),
    "European Central Bank": ("org", ("Europäische Zentralbank", "Europäischen Zentralbank",
                                      "EZB", "ECB")),
    "European Commission": ("org", ("EU-Kommission", "Europäische Kommission",
                                    "Europäischen Kommission", "EU Commission")),
    "International Monetary Fund": ("org", ("Internationaler Währungsfonds",
                                            "Internationale Währungsfonds", "IWF", "IMF")),
    "Federal Statistical Office": ("org", ("Statistisches Bundesamt", "Statistische Bundesamt",
                                           "Statistischen Bundesamt", "Destatis")),
    "Robert Koch Institute": ("org", ("Robert Koch-Institut", "Robert-Koch-Institut", "RKI")),
    "German government": ("org", ("Bundesregierung", "German federal government")),
    "Federal Employment Agency": ("org", ("Bundesagentur für Arbeit", "Arbeitsagentur")),
    "Bundeswehr": ("org", ("German armed forces", "German military")),
    "Deutsche Bahn": ("org", ("Deutschen Bahn", "German rail operator")),
}  # fmt: skip

_MAX_NGRAM = 8


# A plain class under mypyc too (claimtrack/_native.py): pickles, takes attributes.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class AliasHit:
    canonical: str
    kind: str
    raw: str
    start: int
    end: int


# A plain class under mypyc too (claimtrack/_native.py): pickles, takes attributes.
@mypyc_attr(native_class=False)
class AliasTable:
    """Folded spelling n-grams -> canonical name; immutable once built."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]):
        """``entries``: (spelling, canonical, kind). Later entries override earlier ones."""
        self._table: dict[tuple[str, ...], tuple[str, str]] = {}
        for spelling, canonical, kind in entries:
            key = tuple(fold(spelling).split())
            if key:
                self._table[key] = (canonical, kind)
        self._max = max((len(k) for k in self._table), default=0)
        self._firsts = frozenset(k[0] for k in self._table)

    @classmethod
    def default(cls, extra: Iterable[tuple[str, str, str]] = ()) -> AliasTable:
        """The shipped table with ``extra`` (desk-made entries) merged over it."""
        shipped = [
            (s, canon, kind)
            for canon, (kind, spellings) in DEFAULT_ALIASES.items()
            for s in (canon, *spellings)
        ]
        return cls([*shipped, *extra])

    def __len__(self) -> int:
        return len(self._table)

    def lookup(self, spelling: str) -> str | None:
        hit = self._table.get(tuple(fold(spelling).split()))
        return hit[0] if hit else None

    def find(self, text: str, toks: list[Token] | None = None) -> list[AliasHit]:
        """Alias mentions in text order, longest match first (``toks``: precomputed tokens)."""
        toks = tokens(text) if toks is None else toks
        out: list[AliasHit] = []
        i = 0
        while i < len(toks):
            if toks[i].text not in self._firsts:
                i += 1
                continue
            for n in range(min(self._max, _MAX_NGRAM, len(toks) - i), 0, -1):
                hit = self._table.get(tuple(t.text for t in toks[i : i + n]))
                if hit:
                    start, end = toks[i].start, toks[i + n - 1].end
                    out.append(AliasHit(hit[0], hit[1], text[start:end], start, end))
                    i += n
                    break
            else:
                i += 1
        return out

    def canonical_tokens(self, words: list[str]) -> list[str]:
        """Replace alias n-grams in folded words by one canonical token ("csto", "tokayev")."""
        out: list[str] = []
        i = 0
        while i < len(words):
            if words[i] not in self._firsts:
                out.append(words[i])
                i += 1
                continue
            for n in range(min(self._max, _MAX_NGRAM, len(words) - i), 0, -1):
                hit = self._table.get(tuple(words[i : i + n]))
                if hit:
                    out.append(fold(hit[0]).replace(" ", ""))
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        return out
