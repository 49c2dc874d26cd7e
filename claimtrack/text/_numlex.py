"""Word lists for figures and dates (German and English), kept apart from the parsing logic."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1, "jaenner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2, "febr": 2,
    "maerz": 3, "march": 3, "mar": 3, "maer": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip

# Scale words: (regex fragment, factor). German "Billion" is 10**12, English "billion" 10**9.
SCALES_DE: list[tuple[str, float]] = [
    (r"tausend|tsd\.?", 1e3),
    (r"hundert", 1e2),
    (r"mio\.?|millionen|million", 1e6),
    (r"mrd\.?|milliarden|milliarde", 1e9),
    (r"billionen|billion", 1e12),
]
SCALES_EN: list[tuple[str, float]] = [
    (r"thousand|k", 1e3),
    (r"hundred", 1e2),
    (r"millions|million|mln|mn|m", 1e6),
    (r"billions|billion|bn", 1e9),
    (r"trillions|trillion|tn", 1e12),
]

# Plural nouns for a nation's people, German and English.
DEMONYMS = (
    r"franzosen|deutschen?(?!\s+(?:bahn|bank|post|telekom|b(?:ö|oe)rse|welle))|briten|amerikaner[n]?|italiener[n]?|spanier[n]?|portugiesen|"
    r"griechen|t(?:ü|ue)rken|russen|ukrainer[n]?|belarussen|israelis|pal(?:ä|ae)stinenser[n]?|"
    r"syrer[n]?|afghanen|iraker[n]?|iraner[n]?|(?:ä|ae)gypter[n]?|marokkaner[n]?|"
    r"tunesier[n]?|chinesen|japaner[n]?|inder[n]?|niederl(?:ä|ae)nder[n]?|"
    r"(?:ö|oe)sterreicher[n]?|schweden|norweger[n]?|d(?:ä|ae)nen|finnen|belgier[n]?|iren|"
    r"rum(?:ä|ae)nen|bulgaren|tschechen|slowaken|kroaten|serben|mexikaner[n]?|"
    r"brasilianer[n]?|argentinier[n]?|kanadier[n]?|australier[n]?|kasachen|"
    r"americans|britons|germans|italians|spaniards|greeks|turks|russians|ukrainians|"
    r"palestinians|syrians|afghans|iraqis|iranians|egyptians|moroccans|tunisians|indians|"
    r"austrians|swedes|norwegians|danes|finns|belgians|romanians|bulgarians|czechs|slovaks|"
    r"croats|serbs|mexicans|brazilians|argentines|argentinians|canadians|australians|kazakhs"
)

# Units written after the number: (regex fragment, canonical unit).
UNITS_AFTER: list[tuple[str, str]] = [
    (r"%|prozent|percent|per\s+cent|pct\.?", "percent"),
    (r"prozentpunkte|percentage\s+points?", "percentage_points"),
    # a hundredth of a percentage point: read as percentage points ("25 basis points" = 0.25)
    (r"basispunkte(?:n)?|basis\s+points?|bps", "basis_points"),
    # temperatures: "40 Grad", "40 °C", "40C", "40 degrees" are one unit (news in German and
    # British English gives Celsius); Fahrenheit is its own
    (r"°\s?f|degrees?\s+fahrenheit|grad\s+fahrenheit|(?<=\d)f", "fahrenheit"),
    (r"°\s?c|grad(?:\s+celsius)?|degrees?(?:\s+celsius)?|°|(?<=\d)c", "degrees"),
    (r"€|euros?|eur", "eur"),
    (r"us-dollar|dollars?|usd|\$", "usd"),
    (r"pfund(?:\s+sterling)?|pounds?(?:\s+sterling)?|gbp|£", "gbp"),
    (r"rubel|rubles?|roubles?|rub", "rub"),
    (r"tenge|kzt", "kzt"),
    (r"kilometern|kilometer|kilometres?|kilometers?|km", "km"),
    (r"metern|meter|metres?|meters?", "m"),
    (r"kilogramm|kilograms?|kg", "kg"),
    (r"tonnen|tonnes?|tons?", "tonnes"),
    # ten years each, read as years by numbers._complete: "drei Jahrzehnte" = "30 years"
    (r"jahrzehnten|jahrzehnte|decades?", "decades"),
    (r"jahren|jahre|years?|j(?:ä|ae)hrig(?:e[nmrs]?)?", "years"),
    (r"monaten|monate|months?|monatig(?:e[nmrs]?)?", "months"),
    (r"wochen|weeks?|w(?:ö|oe)chig(?:e[nmrs]?)?", "weeks"),
    (r"tagen|tage|days?|t(?:ä|ae)gig(?:e[nmrs]?)?", "days"),
    (r"stunden|hours?|st(?:ü|ue)ndig(?:e[nmrs]?)?", "hours"),
    (r"menschen|personen|leute|people|persons", "people"),
    # a nation's people after a figure counts people: "1,1 Millionen Franzosen" = "1.1 million
    # people" (plural nouns only: English "French", "Swiss" before a noun are adjectives)
    (DEMONYMS, "people"),
    # an earthquake's magnitude: "a 6.8-magnitude quake" (before the figure: numbers.py)
    (r"magnitude", "magnitude"),
]
CURRENCY_BEFORE: dict[str, str] = {
    "$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
}  # fmt: skip

# Qualifiers written before the number: phrase -> canonical qualifier.
QUALIFIERS: dict[str, str] = {
    "mehr als": "more_than", "ueber": "more_than", "über": "more_than", "gut": "more_than",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "weniger als": "less_than", "unter": "less_than", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "rund": "about", "etwa": "about", "ca.": "about", "ca": "about", "circa": "about",
    "zirka": "about", "ungefähr": "about", "ungefaehr": "about", "schätzungsweise": "about",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "approx.": "about",
    "mindestens": "at_least", "wenigstens": "at_least", "at least": "at_least",
    "no fewer than": "at_least", "no less than": "at_least",
    "höchstens": "at_most", "hoechstens": "at_most", "maximal": "at_most", "bis zu": "at_most",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "fast": "almost", "beinahe": "almost", "knapp": "almost", "nahezu": "almost",
    "annähernd": "almost", "nearly": "almost", "almost": "almost", "close to": "almost",
    "just under": "almost",
}  # fmt: skip

# Prefixes of folded words that say what is counted -> canonical English noun. Two axes: what
# happened to those counted (EVENT_COUNTS: killed, arrested, injured ...) and who or what is
# counted (troops, protesters, residents ...). Arrested, detained, in custody, festgenommen and
# in Gewahrsam are one event ("arrests"); killed, died, Tote and ums Leben gekommen another.
COUNTED: list[tuple[str, str]] = [
    ("todesopfer", "deaths"), ("todesfaell", "deaths"), ("tote", "deaths"), ("getoetet", "deaths"),
    ("gestorben", "deaths"), ("starb", "deaths"), ("verstorb", "deaths"), ("death", "deaths"),
    ("dead", "deaths"), ("killed", "deaths"), ("killing", "deaths"), ("died", "deaths"),
    ("fatalit", "deaths"), ("toetete", "deaths"),
    ("gekeult", "deaths"), ("culled", "deaths"),  # animals killed to stop a disease
    ("festnahm", "arrests"), ("festgenomm", "arrests"), ("verhaft", "arrests"),
    ("arrest", "arrests"), ("inhaftiert", "arrests"), ("gewahrsam", "arrests"),
    ("detain", "arrests"), ("detention", "arrests"), ("gefangen", "arrests"),
    ("freigelassen", "released"), ("freilass", "released"), ("released", "released"),
    ("verletzt", "injured"), ("injur", "injured"), ("wounded", "injured"),
    ("verwundet", "injured"),
    ("soldat", "troops"), ("truppe", "troops"), ("troop", "troops"), ("soldier", "troops"),
    ("peacekeeper", "troops"), ("friedenstruppe", "troops"), ("fallschirmjaeger", "troops"),
    ("paratrooper", "troops"),
    ("demonstrant", "protesters"), ("protestier", "protesters"), ("protester", "protesters"),
    ("demonstrator", "protesters"),
    ("polizist", "police"), ("polizeibeamt", "police"), ("officers", "police"),
    ("policemen", "police"), ("sicherheitskraeft", "police"),
    ("fluechtl", "refugees"), ("gefluechtet", "refugees"), ("refugee", "refugees"),
    ("stimmen", "votes"), ("vote", "votes"), ("gegenstimm", "votes"), ("neinstimm", "votes"),
    ("faelle", "cases"), ("infektion", "cases"), ("infiziert", "cases"), ("cases", "cases"),
    ("infection", "cases"),
    ("arbeitsplaetze", "jobs"), ("jobs", "jobs"), ("stellen", "jobs"),
    ("einwohner", "residents"), ("bewohner", "residents"), ("resident", "residents"),
    ("inhabitant", "residents"),
    ("opfer", "victims"), ("victim", "victims"),
    ("evakuiert", "evacuated"), ("evacuat", "evacuated"),
    ("gerettet", "rescued"), ("rescued", "rescued"), ("geborgen", "rescued"),
    ("vermisst", "missing"), ("missing", "missing"),
    ("haushalt", "households"), ("household", "households"),
    # who a company or a service counts: a breach of customers' data is not one of employees'
    ("kunde", "customers"), ("kundin", "customers"), ("customer", "customers"),
    ("mitarbeit", "employees"), ("beschaeftigt", "employees"), ("angestellte", "employees"),
    ("arbeitnehmer", "employees"), ("employee", "employees"), ("staff", "employees"),
    ("workers", "employees"),
    ("passagier", "passengers"), ("fahrgaest", "passengers"), ("fahrgast", "passengers"),
    ("passenger", "passengers"),
    ("nutzer", "users"), ("users", "users"),
    ("patient", "patients"),
    # what a raid searches or a storm destroys is no one counted: "25 homes searched" is not
    # "25 people arrested"
    ("wohnung", "homes"), ("homes", "homes"), ("houses", "homes"), ("haeuser", "homes"),
    ("gebaeude", "buildings"), ("building", "buildings"),
]  # fmt: skip
# Folded prefixes that look like a counted stem but are not ("deadline"; "Wohnungslose" are
# people without a home, not homes).
NOT_COUNTED: tuple[str, ...] = ("deadl", "wohnungslos", "homestead")
# Two-word phrases after a figure that say what is counted ("230 Menschen kamen ums Leben").
COUNTED_PHRASES: dict[tuple[str, str], str] = {
    ("ums", "leben"): "deaths", ("in", "gewahrsam"): "arrests", ("in", "haft"): "arrests",
    ("in", "custody"): "arrests", ("into", "custody"): "arrests", ("lost", "lives"): "deaths",
    ("their", "lives"): "deaths", ("sicherheit", "gebracht"): "evacuated",
    ("to", "safety"): "evacuated", ("tot", "geborgen"): "deaths",  # recovered dead, not rescued
}  # fmt: skip
# The canonical names of what is counted. Other nouns after a figure are kept as written
# ("journalisten"), which is language-specific: only canonical names may conflict across claims.
CANONICAL_COUNTED = frozenset(noun for _, noun in COUNTED) | frozenset(COUNTED_PHRASES.values())
# What happened to those counted; the rest of CANONICAL_COUNTED says who or what is counted.
EVENT_COUNTS = frozenset(
    ["deaths", "arrests", "released", "injured", "evacuated", "rescued", "missing", "cases",
     "votes"]
)  # fmt: skip
# Older stored claims name events that are now one ("detained" is "arrests").
COUNTED_SYNONYMS: dict[str, str] = {"detained": "arrests"}
# Canonical counts that a verb or participle after the figure can name ("were arrested"); a
# "stimmen"/"stellen" after a figure is more often a verb than "votes"/"jobs".
PREDICATE_COUNTS = frozenset(
    ["deaths", "arrests", "released", "injured", "evacuated", "rescued", "missing", "refugees",
     "cases"]
)  # fmt: skip
PREDICATE_WORDS_EN = frozenset(["dead", "died", "missing"])
IRREGULAR_PLURALS_EN = frozenset(["children", "men", "women", "police", "personnel", "staff"])
# Words that end the noun phrase after a figure: articles, prepositions, auxiliaries, pronouns.
PHRASE_STOP = frozenset(
    [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines",
        "und", "oder", "aber", "in", "im", "am", "an", "auf", "aus", "bei", "beim", "mit", "von",
        "vom", "zu", "zum", "zur", "für", "fuer", "über", "ueber", "unter", "nach", "vor", "seit",
        "gegen", "durch", "ohne", "um", "ums", "wurden", "wurde", "waren", "war", "sind", "ist",
        "wird", "werden", "haben", "hatten", "hat", "hatte", "sollen", "sollten", "kamen", "kam",
        "gab", "gibt", "es", "sie", "wir", "er", "nicht", "auch", "noch", "nur", "bis", "als", "wie",
        "so", "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
        "but", "as", "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "may", "might", "said", "say", "says", "according", "than", "that",
        "which", "who", "this", "these", "those", "its", "their", "his", "her", "our", "it", "they",
        "there", "here", "into", "over", "under", "after", "before", "during", "against", "per",
        "each", "while", "not", "no", "also", "only", "just", "about", "around", "us"
    ]
)  # fmt: skip

NUMBER_WORDS_EN: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS_EN: dict[str, int] = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
}

# German number words are compounds: "zweitausendsiebenhundert". Parts in matching order.
GERMAN_PARTS = (
    "zwölf|zwoelf|elf|zehn|zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|"
    "achtzig|neunzig|hundert|tausend|eins|ein|zwei|drei|vier|fünf|fuenf|sechs|sech|sieben|sieb|"
    "acht|neun|und"
)

# Words before "N." that make N an ordinal in German ("am 3. Tag", "der 2. Weltkrieg").
ORDINAL_CUES_DE = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "am",
        "im",
        "zum",
        "zur",
        "vom",
        "beim",
        "ab",
        "seit",
        "bis",
        "vor",
        "nach",
        "ihr",
        "sein",
        "ihre",
        "seine",
    ]
)
