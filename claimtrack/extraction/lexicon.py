"""Word lists for attribution and check-worthiness (German and English news prose).

Plain data so the rules in attribution.py and worthiness.py stay short; extend here.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# pronoun -> preferred gender of the speaker it refers back to (None: any)
PRONOUNS = {"er": "m", "sie": "f", "he": "m", "she": "f", "they": None}
# possessives: "nach seinen Angaben" refers back; "ihr Anwalt" is nobody's name
POSSESSIVES = {
    "sein": "m", "seine": "m", "seinen": "m", "seiner": "m", "seinem": "m", "seines": "m",
    "ihr": "f", "ihre": "f", "ihren": "f", "ihrer": "f", "ihrem": "f", "ihres": "f",
    "his": "m", "her": "f", "their": None, "its": None,
}  # fmt: skip
ARTICLES = words("der die das des dem den ein eine einer eines einem einen the a an")
LINKS = words("des der von vom of the und and for für")
STOP = words(
    "wie dies diese dieser es man am im in nach auch doch aber und dann nun so zudem "
    "außerdem dabei damit deshalb daher zuvor bisher heute gestern jetzt dort hier "
    "as this it but and on at after then now there here also yet still meanwhile"
)
NOT_SPEAKERS = words("das dies es man wer was it this that there who what")
UNNAMED = words(
    "experten expertinnen expertin experte fachleute beobachter kritiker kritikerinnen analysten "
    "wissenschaftler wissenschaftlerinnen forscher forscherinnen insider kreise diplomaten "
    "augenzeugen zeugen anwohner quellen medienberichte berichte sprecher sprecherin ärzte "
    "experts analysts observers critics officials sources witnesses residents scientists "
    "researchers spokesperson spokesman spokeswoman insiders diplomats doctors reports "
    "autoren authors ökonomen economists beamte officials ermittler investigators prosecutors "
    "observers beobachterinnen statistiker statisticians person people"
)
ROLES = words(
    "dr prof herr frau mr mrs ms miss sir dame president minister chancellor senator governor "
    "mayor secretary general chief director ceo professor doctor judge prime foreign interior "
    "defence defense finance state vice deputy former ex- rep sen gov executive prosecutor "
    "barrister lawyer leader spokesman spokeswoman spokesperson sheriff constable commissioner "
    "attorney"
)
# Roles that head a phrase naming one person ("the minister said"); the other ROLES only
# modify one ("state", "foreign", "former", "executive").
# German compounds of these name unnamed groups too: "Branchenexperten", "Klinikärzte".
_UNNAMED_ENDINGS = (
    "experten", "expertinnen", "forscher", "forscherinnen", "ärzte", "ärztinnen", "kreise",
    "beobachter", "kritiker", "analysten", "wissenschaftler", "ermittler", "quellen", "kreisen",
)  # fmt: skip


def is_unnamed(word: str) -> bool:
    """An unnamed group or source ("experts", "Ermittler", "Branchenexperten")."""
    low = word.lower()
    return low in UNNAMED or (len(low) > 10 and low.endswith(_UNNAMED_ENDINGS))


HEAD_ROLES = words(
    "president minister chancellor senator governor mayor secretary director ceo professor "
    "judge prosecutor barrister lawyer leader spokesman spokeswoman chief sheriff constable "
    "commissioner attorney"
)
FEMALE_TITLES = words("frau mrs ms miss dame")
MALE_TITLES = words("herr mr sir")
ROLE_WORD = re.compile(
    r"[\w\-]*(?:minister|präsident|president|kanzler|sprecher|chef|leiter|vorsitzender?|direktor|"
    r"bürgermeister|abgeordneter?|senator|botschafter|sekretär|richter|anwalt|trainer|gouverneur|"
    r"kommissar|beauftragter?|politiker|virologe|ökonom|bischof|könig|premier|volkswirt|experte|"
    r"expert|analyst|forscher|staatsanwalt|geschäftsführer|vorstand|manager|leader|"
    r"fraktionschef|abgeordnete|chefin|führer|prosecutor|barrister|lawyer|spokesman|spokeswoman)(?:in)?",
    re.I,
)
# "Brandstiftung" (arson) and "Anstiftung" (incitement) are no foundations.
ORG_WORD = re.compile(
    r"(?:polizei|regierung|ministeri(?:um|ums)|behörde|ämt(?:er|ern)|amt(?:e?s)?|gericht(?:e?s)?|"
    r"partei|institut(?:s)?|verband(?:e?s)?|agentur|bank|kommission|rat(?:e?s)?|armee|bundeswehr|"
    r"feuerwehr|veranstalter[ns]?|unternehmen[s]?|konzern(?:s)?|verwaltung|senat(?:s)?|"
    r"gewerkschaft|militär|(?<!auto)bahn$|staatsanwaltschaft|bundestag(?:s)?|parlament(?:s)?|organisation|(?<!brand)(?<!an)stiftung|"
    r"universität|klinik|krankenhaus(?:es)?|kreml|police|government|ministry|department|agency|"
    r"betriebe|stadtwerke|verein(?:s)?|zentrale|wetterdienst(?:es)?|bundesamt(?:es)?|landesamt(?:s)?|"
    r"kreditanstalt|organi[sz]ation|centre|center|service|treasury|bank|trust|survey|"
    r"court|army|commission|council|company|organi[sz]ers|office|authorit(?:y|ies)|"
    r"administration|parliament|union|institute|institution|university|kremlin|pentagon|"
    r"military|spokesperson's|white house|brigade|coastguard|association|federation|committee|"
    r"foundation|society|alliance|coalition|board|bureau|kammer|ausschuss|vereinigung|"
    r"genossenschaft|konferenz|conference|college|fund|fonds|(?<=\w\w\w)bund(?:e?s)?$|"
    # statistics offices: "Eurostat", "Rosstat", "Turkstat", "Destatis", "Statistik Austria"
    r"(?<=\w\w)stat$|destatis|statisti(?:k|cs)$)",
    re.I,
)
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜ]{0,4}[A-ZÄÖÜ](?:/[A-ZÄÖÜ]{2,5})?(?:-\w+)?")
_FEMININE_END = ("ei", "ung", "ion", "schaft", "heit", "keit", "tät", "ee", "rde")


def is_feminine_org(word: str) -> bool:
    """German organisations referred back to with "sie" (die Polizei, die Regierung)."""
    return word.lower().endswith(_FEMININE_END)


# Reporting cues: (tokens, where the speaker stands: "after", "before", "both" = after first,
# "pronoun_after" = before unless a pronoun follows)
_BOTH = words(
    "sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont behauptete "
    "behaupteten behauptet behaupten warnte warnten warnt warnen kritisierte kritisierten meinte "
    "meint bestätigte bestätigten berichtete berichteten berichtet berichten schrieb schreibt "
    "ergänzte fügte räumte räumen räumt teilte teilten teilt verkündete entgegnete widersprach "
    "verwies kündigten kündigt verteidigte bestätigt meldet "
    "sprach sprachen spricht nannte bezeichnete meldete meldeten meldet melden forderte kündigte "
    "said says stated claimed claims explained added warned argued insisted "
    "wrote tweeted announced confirmed reported promised pledged conceded disputed denied "
    "admitted acknowledged stressed called saying reads "
    # estimates are claims by whoever makes them: "Golob bezifferte die Schäden auf …"
    "schätzte schätzten bezifferte bezifferten beziffern estimated "
    # forecasts too: "Das DIW rechnet mit einem Wachstum von 0,1 Prozent"
    "rechnet rechnen rechnete rechneten "
    # counts are claims by whoever counted: "the UK Health Security Agency recorded 1,240 cases"
    "recorded registered counted registrierte registrierten verzeichnete verzeichneten "
    "zählte zählten"
)
# Counting verbs: a claim by their subject, unless a speech cue names someone else.
COUNTING = words(
    "recorded registered counted registrierte registrierten verzeichnete verzeichneten zählte "
    "zählten"
)
# Participles of estimating verbs: the speaker stands next to the auxiliary ("hat Golob die
# Schäden auf … geschätzt"); after a passive auxiliary nobody is named ("wurden … geschätzt").
_PERFECT = words("geschätzt beziffert")
PERFECT_AUXILIARIES = words("hat haben hatte hatten habe")
PASSIVE_AUXILIARIES = words("wird werden wurde wurden worden")
# Opinion verbs: the speaker stands before them unless a pronoun follows ("hält er").
_OPINION = words(
    "hält halten glaubt glauben schätzt schätzen vermutet vermuten vermutete vermuteten "
    "say believe believes estimate estimates"
)
CUES: list[tuple[tuple[str, ...], str]] = sorted(
    [((w,), "both") for w in sorted(_BOTH)]
    + [((w,), "pronoun_after") for w in sorted(_OPINION)]
    + [((w,), "perfect") for w in sorted(_PERFECT)]
    + [
        (("laut",), "after"),
        # English "told" has its object after it ("told Reuters"): the speaker stands before
        (("told",), "before"),
        (("so",), "after"),
        (("according", "to"), "after"),
        (("zufolge",), "before"),
        (("ist", "der", "ansicht"), "before"),
        (("sind", "der", "ansicht"), "before"),
        (("ist", "überzeugt"), "before"),
        (("is", "of", "the", "view"), "before"),
        (("gehen", "davon", "aus"), "before"),
        (("mitteilte",), "before"),
        (("wies",), "before"),
        (("hielt", "dagegen"), "before"),
        (("hält", "dagegen"), "before"),
        (("bestreitet",), "before"),
        (("bestritt",), "before"),
        (("schließt",), "before"),
        (("schloss",), "before"),
        (("mitteilten",), "before"),
        (("ergaben",), "before"),
        (("ergab",), "before"),
        (("zeigen",), "before"),
        (("zeigt",), "before"),
        (("show",), "before"),
        (("shows",), "before"),
        (("showed",), "before"),
        (("found",), "before"),
        (("finds",), "before"),
    ],
    key=lambda c: -len(c[0]),
)

# Cues by their first word, longest first: the lookup the attributor does per token.
CUES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _cue in CUES:
    CUES_BY_FIRST.setdefault(_cue[0][0], []).append(_cue)


# "nach (ersten|eigenen|seinen) Angaben des …": the source nouns after "nach".
SOURCE_NOUNS = words(
    "angaben schätzung schätzungen berechnungen erkenntnissen informationen zählung zählungen "
    "darstellung ansicht einschätzung auffassung worten daten zahlen recherchen analyse "
    "aussage aussagen überzeugung meinung messungen"
)
# Subjects that stand for their source: "Messungen des Landesamts", "figures from NHS England".
DATA_NOUNS = words(
    "messungen messung daten zahlen berechnungen schätzungen untersuchung untersuchungen analyse "
    "studie bericht jahresbilanz bilanz statistik umfrage erhebung langzeitstudie auswertung "
    "figures data estimates study report survey analysis statistics"
)
# "the company said": a definite reference to an organisation named before.
COMPANY_WORDS = words("company carmaker firm group unternehmen konzern firma")
GENERIC_ORGS = words(
    "company carmaker firm group ministry agency commission council centre center union charity "
    "unternehmen konzern firma behörde ministerium verband verein gericht court"
)
# Sentence-level cues without a speaker phrase: "hieß es", "it was said".
IMPERSONAL = re.compile(r"\b(?:hieß es|heißt es|it was said)\b", re.I)
# Time words never name a speaker ("wie die Verkehrsbetriebe am Freitag mitteilten").
TIME_WORDS = words(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag montagabend dienstagabend "
    "mittwochabend donnerstagabend freitagabend samstagabend sonntagabend vortag abend morgen "
    "nachmittag vormittag wochenende monday tuesday wednesday thursday friday saturday sunday "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march june july october december week weekend"
)

# Organisations that news names alone, without a kind noun: they are no people.
KNOWN_ORGS = frozenset(
    name.casefold()
    for name in (
        "Greenpeace", "Oxfam", "Amnesty", "Amnesty International", "Human Rights Watch",
        "Transparency International", "Save the Children", "Foodwatch", "Attac", "Campact",
        "Germanwatch", "Unicef", "Caritas", "Diakonie", "Misereor", "Welthungerhilfe",
        "Ärzte ohne Grenzen", "Médecins Sans Frontières", "Reporter ohne Grenzen",
        "Reporters Without Borders", "Deutsche Umwelthilfe", "Pro Asyl", "Brot für die Welt",
        "Terre des Hommes", "Fridays for Future", "Letzte Generation", "Extinction Rebellion",
        "Friends of the Earth", "Global Witness", "WWF", "NABU", "BUND", "ADAC", "Verdi",
        "Ver.di", "IG Metall", "DGB", "Amnesty International UK", "Oxfam International",
    )
)  # fmt: skip
