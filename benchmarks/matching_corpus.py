"""Synthetic German and English claims with known duplicate groups and near-miss siblings.

A *fact* (who, what happened, how many, where, when) is rendered 1-4 times with different
templates, number notations ("2.000", "2000", "2 Tausend"), qualifier synonyms ("mehr als" /
"über"), place and name spellings ("Alma-Ata" / "Almaty", "Tokajew" / "Toqajew") and fillers:
those renderings are one duplicate group. A quarter of the facts get a *sibling* fact that differs
in exactly one number, city or country (or the year, or the polarity) and is rendered in the
same words, so that only the facts tell it apart from a true duplicate.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = [
    "Anna",
    "Boris",
    "Dana",
    "Erik",
    "Farida",
    "Gulnara",
    "Ivan",
    "Jana",
    "Kairat",
    "Lena",
    "Marat",
    "Nurlan",
    "Olga",
    "Pavel",
    "Rustam",
    "Saule",
    "Timur",
    "Ulan",
    "Vera",
    "Yerlan",
    "Zhanna",
    "Aigerim",
    "Daniyar",
    "Askar",
    "Bolat",
    "Dmitri",
    "Elena",
    "Galina",
    "Igor",
    "Karim",
    "Lukas",
    "Maria",
    "Nina",
    "Oleg",
    "Peter",
    "Roman",
    "Sergei",
    "Tatjana",
    "Viktor",
]
LAST = [
    "Abenov",
    "Baimukhanov",
    "Chernova",
    "Dosanova",
    "Ermekov",
    "Fischer",
    "Gromov",
    "Hoffmann",
    "Iskakov",
    "Jakupov",
    "Kuznetsova",
    "Lebedev",
    "Mukhamedov",
    "Nazarova",
    "Orlov",
    "Petrova",
    "Rakhimov",
    "Sadykov",
    "Tulegenov",
    "Usenova",
    "Volkov",
    "Weber",
    "Yesimova",
    "Zhakenov",
    "Akhmetov",
    "Beisenova",
    "Kaliyev",
    "Mamyrov",
    "Nurpeisova",
    "Omarov",
    "Schmidt",
    "Serikbayev",
    "Tokhtarov",
    "Wagner",
    "Zhumabekov",
]
SPELLINGS = [("Tokajew", "Toqajew", "Tokayev"), ("Nasarbajew", "Nazarbayev"),
             ("Lukaschenko", "Lukashenko"), ("Putin",), ("Massimow", "Masimov")]  # fmt: skip
CITIES = [("Almaty", "Alma-Ata"), ("Astana", "Nur-Sultan"), ("Schymkent", "Shymkent"),
          ("Karaganda",), ("Aktobe",), ("Taras", "Taraz"), ("Atyrau",), ("Aktau",),
          ("Bischkek", "Bishkek"), ("Taschkent", "Tashkent"), ("Duschanbe", "Dushanbe"),
          ("Moskau", "Moscow"), ("Minsk",), ("Kiew", "Kyiv"), ("Tiflis", "Tbilisi"),
          ("Eriwan", "Yerevan"), ("Baku",), ("Berlin",), ("Wien", "Vienna"), ("Warschau", "Warsaw"),
          ("Prag", "Prague"), ("Riga",), ("Vilnius",), ("Tallinn",), ("Budapest",), ("Brüssel", "Brussels"),
          ("Paris",), ("London",), ("Rom", "Rome"), ("Madrid",)]  # fmt: skip
COUNTRIES = [("Kasachstan", "Kazakhstan"), ("Russland", "Russia"), ("Weißrussland", "Belarus"),
             ("Kirgistan", "Kyrgyzstan"), ("Usbekistan", "Uzbekistan"), ("Tadschikistan", "Tajikistan"),
             ("Armenien", "Armenia"), ("Georgien", "Georgia"), ("Ukraine",), ("Polen", "Poland"),
             ("Deutschland", "Germany"), ("Frankreich", "France"), ("Litauen", "Lithuania"),
             ("Lettland", "Latvia"), ("Estland", "Estonia"), ("Moldau", "Moldova"),
             ("Aserbaidschan", "Azerbaijan"), ("Turkmenistan",), ("Mongolei", "Mongolia"),
             ("China",)]  # fmt: skip
TOPICS_DE = [
    "Schulen",
    "Krankenhäuser",
    "Brücken",
    "Flughäfen",
    "Banken",
    "Fabriken",
    "Kraftwerke",
    "Bahnhöfe",
    "Märkte",
    "Wohnungen",
    "Kliniken",
    "Tankstellen",
    "Universitäten",
    "Gefängnisse",
    "Polizeiwachen",
    "Kirchen",
    "Moscheen",
    "Hotels",
    "Bäckereien",
    "Apotheken",
    "Redaktionen",
    "Kasernen",
    "Häfen",
    "Minen",
    "Farmen",
]
TOPICS_EN = [
    "schools",
    "hospitals",
    "bridges",
    "airports",
    "banks",
    "factories",
    "plants",
    "stations",
    "markets",
    "flats",
    "clinics",
    "refineries",
    "universities",
    "prisons",
    "precincts",
    "churches",
    "mosques",
    "hotels",
    "bakeries",
    "pharmacies",
    "newsrooms",
    "barracks",
    "ports",
    "mines",
    "farms",
]
EVENTS = [  # (counted de, verb de, counted en, verb en)
    ("Menschen", "festgenommen", "people", "arrested"),
    ("Demonstranten", "verletzt", "protesters", "injured"),
    ("Soldaten", "stationiert", "troops", "deployed"),
    ("Menschen", "getötet", "people", "killed"),
    ("Familien", "evakuiert", "families", "evacuated"),
    ("Journalisten", "inhaftiert", "journalists", "detained"),
    ("Arbeiter", "entlassen", "workers", "laid off"),
    ("Bewohner", "umgesiedelt", "residents", "relocated"),
]
TEMPLATES_DE = [
    "{qual}{num} {cnt} wurden {yr} in {place} {verb}, sagte {person} am {wd}.",
    "Laut {person} wurden in {place} {yr} {qual}{num} {cnt} {verb}{filler}.",
    "In {place} sind {yr} {qual}{num} {cnt} {verb} worden, erklärte {person}.",
    "{person}: {yr} wurden {qual}{num} {cnt} in {place} {verb}, auch {topic} waren betroffen.",
]
TEMPLATES_EN = [
    "{person} said {qual}{num} {cnt} were {verb} in {place} in {yr}{filler}.",
    "According to {person}, {qual}{num} {cnt} were {verb} in {place} in {yr}.",
    "In {yr}, {qual}{num} {cnt} were {verb} in {place}, {person} told reporters on {wd}.",
    "{qual}{num} {cnt} {verb} in {place} in {yr}, {topic} also affected, says {person}.",
]
QUALS_DE = [("mehr als ", "über "), ("rund ", "etwa ", "ca. "), ("",), ("fast ", "knapp ")]
QUALS_EN = [
    ("more than ", "over "),
    ("about ", "around ", "roughly "),
    ("",),
    ("nearly ", "almost "),
]
WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLERS_DE = (
    "",
    " nach offiziellen Angaben",
    " laut Innenministerium",
    " in der vergangenen Woche",
)
FILLERS_EN = ("", " according to officials", " the interior ministry said", " last week")


@dataclass(frozen=True)
class Fact:
    lang: str
    person: int
    event: int
    number: int
    place: tuple[str, ...]
    year: int
    qual: int
    topic: int
    negated: bool = False


@dataclass(frozen=True)
class Item:
    text: str
    group: int  # claims of one group say the same thing
    fact: int  # siblings have their own fact id (and group)


def _person(rng: random.Random, idx: int) -> str:
    if idx < len(SPELLINGS) * 40 and idx % 40 == 0:
        return rng.choice(SPELLINGS[idx // 40 % len(SPELLINGS)])
    return f"{FIRST[idx % len(FIRST)]} {LAST[(idx // len(FIRST)) % len(LAST)]}"


def _number(rng: random.Random, n: int, lang: str) -> str:
    style = rng.random()
    if n >= 1000 and n % 1000 == 0 and style < 0.2:
        return f"{n // 1000} {'Tausend' if lang == 'de' else 'thousand'}"
    if n >= 1000 and style < 0.7:
        return f"{n:,}".replace(",", "." if lang == "de" else ",")
    return str(n)


def render(rng: random.Random, f: Fact, template: int) -> str:
    de = f.lang == "de"
    cnt_de, verb_de, cnt_en, verb_en = EVENTS[f.event]
    verb = verb_de if de else verb_en
    if f.negated:
        verb = ("nicht " if de else "not ") + verb
    quals = (QUALS_DE if de else QUALS_EN)[f.qual]
    text = (TEMPLATES_DE if de else TEMPLATES_EN)[template].format(
        qual=rng.choice(quals),
        num=_number(rng, f.number, f.lang),
        cnt=cnt_de if de else cnt_en,
        verb=verb,
        yr=f.year,
        place=rng.choice(f.place),
        person=_person(rng, f.person),
        wd=rng.choice(WEEKDAYS_DE if de else WEEKDAYS_EN),
        filler=rng.choice(FILLERS_DE if de else FILLERS_EN),
        topic=(TOPICS_DE if de else TOPICS_EN)[f.topic],
    )
    return text[0].upper() + text[1:]


def _fact(rng: random.Random) -> Fact:
    place = rng.choice(CITIES) if rng.random() < 0.6 else rng.choice(COUNTRIES)
    return Fact(
        lang=rng.choice(("de", "en")),
        person=rng.randrange(len(FIRST) * len(LAST)),
        event=rng.randrange(len(EVENTS)),
        number=rng.choice(
            (
                rng.randrange(2, 99),
                rng.randrange(1, 40) * 100,
                rng.randrange(1, 30) * 1000,
                rng.randrange(100, 9999),
            )
        ),  # fmt: skip
        place=place,
        year=rng.randrange(2015, 2025),
        qual=rng.randrange(len(QUALS_DE)),
        topic=rng.randrange(len(TOPICS_DE)),
    )


def _sibling(rng: random.Random, f: Fact) -> Fact:
    change = rng.random()
    if change < 0.45:
        number = f.number + rng.choice((1, -1)) * max(1, f.number // rng.choice((3, 4, 10)))
        return Fact(**{**f.__dict__, "number": max(number, 1)})
    if change < 0.8:
        pool = CITIES if f.place in CITIES else COUNTRIES
        return Fact(**{**f.__dict__, "place": rng.choice([p for p in pool if p != f.place])})
    if change < 0.92:
        return Fact(**{**f.__dict__, "year": f.year + rng.choice((1, -1, 2))})
    return Fact(**{**f.__dict__, "negated": not f.negated})


def generate(n: int, seed: int = 7) -> list[Item]:
    """About ``n`` claims: groups of 1-4 renderings, a quarter of facts with a sibling."""
    rng = random.Random(seed)
    items: list[Item] = []
    group = fact_id = 0
    while len(items) < n:
        fact = _fact(rng)
        facts = [fact] + ([_sibling(rng, fact)] if rng.random() < 0.25 else [])
        base_template = rng.randrange(4)
        for k, f in enumerate(facts):
            size = rng.choice((1, 2, 2, 3, 4))
            for j in range(size):
                template = base_template if (k > 0 and j == 0) else (base_template + j) % 4
                items.append(Item(render(rng, f, template), group, fact_id))
            group += 1
            fact_id += 1
    return items[:n]


if __name__ == "__main__":
    for item in generate(20, seed=1):
        print(item.group, item.text)
