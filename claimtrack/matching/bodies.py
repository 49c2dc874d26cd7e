"""Institutions and parties: names made of common words, compared as one slot.

A chamber, a court and a party are proper names, but the claim's reading does not take them for
names: institutions translate between languages ("Verfassungsgericht" = "Constitutional Court")
and parties are common words ("die Grünen", "the Greens", "Labour", "die Linke"). "Der Bundestag
hat das Gesetz beschlossen" and "Der Bundesrat hat das Gesetz beschlossen" read alike to an
embedding and agree on every other fact; they are two claims, as are "Labour won the
by-election" and "The Conservatives won the by-election".

Each body is read from the normalised words (German and English spellings to one id) in one of
three classes: a parliament chamber, a court, a party. Two claims conflict on a class when each
names a body of it and they name none in common. A claim that names two ("the Senate sent it to
the House") agrees with one that names either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from claimtrack.text.normalize import fold
from claimtrack.text.places import country_adjectives, gazetteer

__all__ = [
    "actor_sides",
    "actors",
    "animal_sides",
    "animals",
    "authority_sides",
    "body_sides",
    "bodies",
    "disease_sides",
    "diseases",
    "party_token",
    "party_tokens",
    "party_words",
]

# id -> (class, display name, spellings as normalised words). The normalised words are folded,
# with the alias table's canonical tokens ("federalconstitutionalcourt").
_BODIES: dict[str, tuple[str, str, str]] = {
    # parliament chambers
    "bundestag": ("chamber", "Bundestag", "bundestag|bundestags|deutschen bundestag"),
    "bundesrat": ("chamber", "Bundesrat", "bundesrat|bundesrats|bundesrates"),
    "landtag": ("chamber", "Landtag", "landtag|landtags|state parliament"),
    "house": ("chamber", "House of Representatives",
              "house of representatives|repraesentantenhaus|repraesentantenhauses|us house"),
    "senate": ("chamber", "Senate", "senate|senat|senats|us senat|us senate"),
    "commons": ("chamber", "House of Commons", "house of commons|unterhaus|unterhauses"),
    "lords": ("chamber", "House of Lords", "house of lords|oberhaus|oberhauses"),
    "europarl": ("chamber", "European Parliament",
                 "european parliament|europaparlament|europaparlaments|eu parlament|"
                 "europaeische parlament|europaeischen parlament|eu parliament"),
    "duma": ("chamber", "Duma", "duma|staatsduma"),
    "nationalrat": ("chamber", "Nationalrat", "nationalrat|nationalrats|national council"),
    "staenderat": ("chamber", "Ständerat", "staenderat|council of states"),
    # courts
    "constitutional": ("court", "Constitutional Court",
                       "federalconstitutionalcourt|verfassungsgerichtshof|"
                       "constitutional tribunal|verfassungstribunal"),
    "bgh": ("court", "Federal Court of Justice", "federalcourtofjustice"),
    "supreme": ("court", "Supreme Court",
                "supreme court|oberste gerichtshof|obersten gerichtshof|oberster gerichtshof|"
                "oberstes gericht|obersten gericht|oberste gericht"),
    "bverwg": ("court", "Federal Administrative Court",
               "bundesverwaltungsgericht|federal administrative court"),
    "bag": ("court", "Federal Labour Court", "bundesarbeitsgericht|federal labour court"),
    "bsg": ("court", "Federal Social Court", "bundessozialgericht|federal social court"),
    "bfh": ("court", "Federal Fiscal Court", "bundesfinanzhof|federal fiscal court"),
    "ecj": ("court", "European Court of Justice",
            "european court of justice|eugh|ecj|europaeische gerichtshof|"
            "europaeischen gerichtshof|eu court of justice"),
    "echr": ("court", "European Court of Human Rights",
             "european court of human rights|egmr|echr|europaeische gerichtshof fuer "
             "menschenrechte|europaeischen gerichtshof fuer menschenrechte"),
    "icc": ("court", "International Criminal Court",
            "international criminal court|icc|istgh|internationale strafgerichtshof|"
            "internationalen strafgerichtshof|internationaler strafgerichtshof"),
    "icj": ("court", "International Court of Justice",
            "international court of justice|icj|igh|internationale gerichtshof|"
            "internationalen gerichtshof|internationaler gerichtshof"),
    # bodies of the United Nations
    "unsc": ("un", "UN Security Council",
             "security council|sicherheitsrat|weltsicherheitsrat|un sicherheitsrat|"
             "un security council|sicherheitsrats|weltsicherheitsrats"),
    "unga": ("un", "UN General Assembly",
             "general assembly|generalversammlung|un generalversammlung|un general assembly"),
    "unhrc": ("un", "UN Human Rights Council",
              "human rights council|menschenrechtsrat|un menschenrechtsrat"),
    # parties (German, Austrian, British, US)
    "cdu": ("party", "CDU", "cdu"),
    "csu": ("party", "CSU", "csu"),
    "spd": ("party", "SPD", "spd"),
    "fdp": ("party", "FDP", "fdp"),
    "afd": ("party", "AfD", "afd"),
    "bsw": ("party", "BSW", "bsw"),
    "greens": ("party", "Greens",
               "die gruenen|der gruenen|den gruenen|die gruene|greens|green party|"
               "buendnis 90|gruenen partei"),
    "left": ("party", "Die Linke",
             "die linke|der linken|linkspartei|left party|the left"),
    "fw": ("party", "Freie Wähler", "freie waehler|freien waehler|free voters"),
    "labour": ("party", "Labour", "labour|labour party"),
    "tories": ("party", "Conservatives",
               "conservatives|conservative party|tories|tory|konservativen|konservative partei"),
    "reform": ("party", "Reform UK", "reform uk|reform unitedkingdom"),
    "libdems": ("party", "Liberal Democrats", "liberal democrats|lib dems|liberaldemokraten"),
    "snp": ("party", "SNP", "snp"),
    "republicans": ("party", "Republicans", "republicans|republikaner"),
    "democrats": ("party", "Democrats", "democrats|demokraten"),
    "oevp": ("party", "ÖVP", "oevp|people s party|volkspartei|oesterreichische volkspartei"),
    "spoe": ("party", "SPÖ", "spoe"),
    "fpoe": ("party", "FPÖ", "fpoe|freedom party|freiheitliche partei|freiheitlichen partei|"
             "freiheitlichen"),
}  # fmt: skip
# "labour" is a party unless a noun of work follows or a kind of work precedes it ("labour
# market", "forced labour"); "the left" only before a verb-like word is not checked: it is
# rare in news outside the party ("the left wing" is excluded below).
_NOT_LABOUR_AFTER = frozenset(
    ["market", "markets", "shortage", "shortages", "costs", "cost", "law", "laws", "force",
     "union", "unions", "ministry", "minister", "rights", "camp", "camps", "day", "supply",
     "productivity", "inspectors", "standards", "leader"]
)  # fmt: skip
_NOT_LABOUR_BEFORE = frozenset(["forced", "child", "cheap", "manual", "slave", "migrant"])
_NOT_LEFT_AFTER = frozenset(["wing", "bank", "side", "hand", "behind", "over", "unchanged"])

_INDEX: dict[tuple[str, ...], str] = {}
for _id, (_cls, _label, _spellings) in _BODIES.items():
    for _s in _spellings.split("|"):
        _INDEX[tuple(_s.split())] = _id
_FIRST = frozenset(k[0] for k in _INDEX)
_LONGEST = max(len(k) for k in _INDEX)


@lru_cache(maxsize=8192)
def bodies(norm: str) -> frozenset[str]:
    """The ids of the chambers, courts and parties a normalised text names."""
    return frozenset(found for _, _, found in _spans(norm))


@lru_cache(maxsize=8192)
def _spans(norm: str) -> tuple[tuple[int, int, str], ...]:
    """(first word, word count, id) of each body the text names, in text order."""
    words = norm.split()
    if _FIRST.isdisjoint(words):
        return ()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if words[i] not in _FIRST:
            i += 1
            continue
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            found = _INDEX.get(tuple(words[i : i + n]))
            if found is not None and _is_body(found, words, i, n):
                out.append((i, n, found))
                i += n - 1
                break
        i += 1
    return tuple(out)


def party_token(body: str) -> str:
    """One word for a party in either language ("die gruenen", "the greens" -> "greens")."""
    return _BODIES[body][1].lower().replace(" ", "").replace("ö", "oe").replace("ä", "ae")


@lru_cache(maxsize=8192)
def party_words(norm: str) -> tuple[str, ...]:
    """``norm``'s words with each party it names as one word (``party_token``; the other words
    of its spelling left empty), so that a party can stand in a slot as a name does: "die CDU
    landete knapp vor den Grünen" = "the CDU came second ahead of the Greens"."""
    words = norm.split()
    for i, n, found in _spans(norm):
        if _BODIES[found][0] == "party":
            words[i : i + n] = [party_token(found), *[""] * (n - 1)]
    return tuple(words)


@lru_cache(maxsize=8192)
def party_tokens(norm: str) -> frozenset[str]:
    """The parties the text names, as ``party_token`` writes them."""
    return frozenset(party_token(b) for _, _, b in _spans(norm) if _BODIES[b][0] == "party")


def _is_body(found: str, words: list[str], i: int, n: int) -> bool:
    after = words[i + n] if i + n < len(words) else ""
    before = words[i - 1] if i else ""
    if found == "labour" and n == 1:
        return after not in _NOT_LABOUR_AFTER and before not in _NOT_LABOUR_BEFORE
    if found == "left" and words[i] == "the":
        return after not in _NOT_LEFT_AFTER and before not in ("to", "on", "from")
    return True


def _named_sides(
    ids_a: Iterable[str], ids_b: Iterable[str], name: Callable[[str], str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two sides of a slot conflict as display names, each sorted and the pair in a stable
    order, so that (a, b) and (b, a) give one reason."""
    x = tuple(sorted(map(name, ids_a)))
    y = tuple(sorted(map(name, ids_b)))
    first, second = sorted([x, y], key=", ".join)
    return first, second


def body_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The bodies of one class each claim names where the other names another one of that class
    and none in common (display names, in a stable order), or None."""
    xa, xb = bodies(norm_a), bodies(norm_b)
    if not xa or not xb or xa == xb:
        return None
    only_a: set[str] = set()
    only_b: set[str] = set()
    for cls in ("chamber", "court", "party", "un"):
        ca = {x for x in xa if _BODIES[x][0] == cls}
        cb = {x for x in xb if _BODIES[x][0] == cls}
        if ca and cb and not ca & cb:
            only_a |= ca
            only_b |= cb
    if not only_a:
        return None
    return _named_sides(only_a, only_b, lambda i: _BODIES[i][1])


# Heads of German compound names of authorities and offices: "Bundeskartellamt",
# "Bundesnetzagentur", "Innenministerium", "Landratsamt". Two such words in one slot between the
# same words ("Das Bundeskartellamt hat gegen … verhängt" vs "Die Bundesnetzagentur hat gegen …
# verhängt") are two authorities. Only in one slot: outlets cite different offices as the
# source of one fact ("teilte das Landratsamt mit" vs "nach Angaben des Innenministeriums").
_AUTHORITY_HEADS = (
    "amt", "aemter", "agentur", "behoerde", "ministerium", "ministeriums", "kommission",
    "anstalt", "kammer", "amts", "amtes", "agenturen", "behoerden",
)  # fmt: skip


def _authority(word: str) -> bool:
    return len(word) > 9 and word.endswith(_AUTHORITY_HEADS)


_SLOT_ARTICLES = frozenset(
    ["der", "die", "das", "des", "dem", "den", "the", "a", "an", "beim", "vom", "zum", "zur"]
)


@lru_cache(maxsize=8192)
def authority_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Two compound names of authorities in one slot (the words on both sides the same, one word
    each, articles aside), each absent from the other text; in a stable order, or None."""
    wa, wb = norm_a.split(), norm_b.split()
    xs = [w for w in wa if _authority(w)]
    ys = [w for w in wb if _authority(w)]
    if not xs or not ys:
        return None
    set_a, set_b = set(wa), set(wb)
    found: set[tuple[str, str]] = set()
    for x in xs:
        if x in set_b:
            continue
        i = wa.index(x)
        for y in ys:
            if y in set_a:
                continue
            j = wb.index(y)
            if _context(wa, i) == _context(wb, j):
                found.add((x, y))
    if not found:
        return None
    first = tuple(sorted({x for x, _ in found}))
    second = tuple(sorted({y for _, y in found}))
    return (first, second) if ", ".join(first) <= ", ".join(second) else (second, first)


def _context(words: list[str], i: int) -> tuple[str, ...]:
    """The two words after ``words[i]`` and the one before it that is no article."""
    before = [w for w in words[max(0, i - 2) : i] if w not in _SLOT_ARTICLES][-1:]
    return (*before, "|", *words[i + 1 : i + 3])


# Diseases, German and English: an outbreak, a case count or an emergency is about one disease,
# and "the mpox outbreak" vs "the cholera outbreak" are two claims however alike the rest
# reads. id -> (display name, English words or word pairs, German stems that also begin compounds:
# "Masernfälle", "Choleraausbruch", "Ebola-Ausbruch").
_DISEASES: dict[str, tuple[str, str, str]] = {
    "mpox": ("mpox", "mpox|monkeypox", "mpox affenpocken"),
    "cholera": ("cholera", "cholera", "cholera"),
    "measles": ("measles", "measles", "masern"),
    "ebola": ("Ebola", "ebola", "ebola"),
    "marburg": ("Marburg virus", "marburg virus", "marburgvirus marburg-virus"),
    "dengue": ("dengue", "dengue", "dengue"),
    "polio": ("polio", "polio|poliomyelitis", "polio kinderlaehmung"),
    "covid": ("COVID-19", "covid|coronavirus|sars cov 2", "covid corona"),
    "birdflu": ("bird flu", "bird flu|avian influenza|avian flu|h5n1", "vogelgrippe gefluegelpest"),
    "malaria": ("malaria", "malaria", "malaria"),
    "tuberculosis": ("tuberculosis", "tuberculosis", "tuberkulose"),
    "diphtheria": ("diphtheria", "diphtheria", "diphtherie"),
    "yellowfever": ("yellow fever", "yellow fever", "gelbfieber"),
    "zika": ("Zika", "zika", "zika"),
    "swinefever": ("African swine fever", "swine fever", "schweinepest"),
    "anthrax": ("anthrax", "anthrax", "milzbrand"),
    "chikungunya": ("chikungunya", "chikungunya", "chikungunya"),
    "whoopingcough": ("whooping cough", "whooping cough|pertussis", "keuchhusten"),
    # diseases of farm animals: an outbreak on a farm is of one of them
    "fmd": ("foot-and-mouth disease",
            "foot and mouth disease|foot and mouth|fmd|maul und klauenseuche", "klauenseuche mks"),
    "bluetongue": ("bluetongue", "bluetongue|blue tongue", "blauzungen"),
    "lumpyskin": ("lumpy skin disease", "lumpy skin", "lumpy-skin hautknoten"),
    "rabies": ("rabies", "rabies", "tollwut"),
    "westnile": ("West Nile fever", "west nile", "west-nil"),
    "newcastle": ("Newcastle disease", "newcastle disease", "newcastle-krankheit"),
}  # fmt: skip
_DISEASE_WORDS: dict[tuple[str, ...], str] = {}
_DISEASE_STEMS: list[tuple[str, str]] = []
for _id, (_label, _en, _de) in _DISEASES.items():
    for _s in _en.split("|"):
        _DISEASE_WORDS[tuple(_s.split())] = _id
    _DISEASE_STEMS.extend((stem.replace("-", ""), _id) for stem in _de.split())
_DISEASE_FIRST = frozenset(k[0] for k in _DISEASE_WORDS)
_STEM_FIRST = frozenset(stem[:4] for stem, _ in _DISEASE_STEMS)
# "bird flu" is no flu: a longer spelling wins; "Corona" the beer or a town is rare in news.


@lru_cache(maxsize=8192)
def diseases(norm: str) -> frozenset[str]:
    """The diseases a normalised text names (ids), in either language."""
    words = norm.split()
    out: set[str] = set()
    for i, w in enumerate(words):
        if w in _DISEASE_FIRST:
            for n in (3, 2, 1):
                found = _DISEASE_WORDS.get(tuple(words[i : i + n]))
                if found is not None:
                    out.add(found)
                    break
        if w[:4] in _STEM_FIRST:
            out.update(d for stem, d in _DISEASE_STEMS if w.startswith(stem))
    return frozenset(out)


@lru_cache(maxsize=8192)
def disease_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The diseases of each claim when both name one and none in common (display names, in a
    stable order), or None: "the mpox outbreak" vs "the cholera outbreak"."""
    xa, xb = diseases(norm_a), diseases(norm_b)
    if not xa or not xb or xa & xb:
        return None
    return _named_sides(xa, xb, lambda d: _DISEASES[d][0])


# -- institutions that act --------------------------------------------------------------------
# A government, a central bank, a ministry, an audit office or a court is the actor of many
# claims, and the claim changes with it: "Die polnische Regierung hat Grenzkontrollen
# eingeführt" and "Die deutsche Regierung hat Grenzkontrollen eingeführt", "the Bank of Japan
# raised its rate to 0.5 percent" and "die britische Notenbank hob den Leitzins auf 0,5 Prozent
# an", "die Bundesbank senkte ihre Prognose" and "die Bundesregierung senkte ihre Prognose" read
# alike to an embedding and agree on every other fact. Each mention is read as a kind and the
# country or state it belongs to ("?" where the text does not say: "the health ministry"):
# "government:Poland", "centralbank:Japan", "ministry.health:Germany", "audit:Germany", "court:?".
# A country's government and its central bank are named in many ways: an adjective ("die
# japanische Notenbank", "the Danish government"), a possessive ("Japan's central bank", "Polens
# Regierung"), a fixed name ("Bank of England", "Bundesbank", "Federal Reserve") or a seat that
# stands for it ("the Kremlin", "Downing Street", "the White House"). A capital alone
# ("Washington imposed sanctions") is a place as well, and is left to the place guard.
Actor = tuple[str, str]  # (kind, owner); owner "?" when the text does not say whose

_GOVERNMENT_HEADS = frozenset(
    ["regierung", "regierungen", "government", "governments", "administration", "kabinett",
     "cabinet", "staatsregierung", "landesregierung"]
)  # fmt: skip
# central banks: one word, or two ("central bank", "national bank", "reserve bank")
_BANK_HEADS = frozenset(["notenbank", "zentralbank", "nationalbank", "reichsbank", "centralbank"])
_BANK_PAIRS = frozenset([("central", "bank"), ("national", "bank"), ("reserve", "bank")])
_FIXED_ACTORS: dict[tuple[str, ...], Actor] = {
    tuple(spelling.split()): (kind, owner)
    for kind, owner, spellings in (
        ("centralbank", "Japan", "bank of japan|boj"),
        ("centralbank", "United Kingdom", "bank of england|boe"),
        ("centralbank", "United States",
         "federal reserve|us federal reserve|the fed|die fed|der fed|us fed|fed chair"),
        ("centralbank", "EU", "europeancentralbank"),
        ("centralbank", "Germany", "bundesbank|deutsche bundesbank|deutschen bundesbank"),
        ("centralbank", "Switzerland", "snb|swiss national bank"),
        ("centralbank", "Sweden", "riksbank|sveriges riksbank"),
        ("centralbank", "Norway", "norges bank"),
        ("centralbank", "Canada", "bank of canada"),
        ("centralbank", "China", "people s bank of china|pboc"),
        ("centralbank", "Austria", "oesterreichische nationalbank|oenb"),
        ("government", "Germany", "germangovernment"),
        ("government", "Russia", "kremlin|kreml|kremls"),
        ("government", "United States", "white house|weisse haus|weissen haus"),
        ("government", "United Kingdom", "downing street"),
        ("government", "France", "elysee|elysee palace|elysee palast|elyseepalast"),
        ("audit", "Germany",
         "bundesrechnungshof|bundesrechnungshofs|federal audit office|"
         "federal court of auditors"),
        ("audit", "EU",
         "european court of auditors|europaeische rechnungshof|europaeischen rechnungshof|"
         "europaeischer rechnungshof|eu rechnungshof"),
        ("audit", "United Kingdom", "national audit office"),
        ("audit", "?", "rechnungshof|rechnungshofs|landesrechnungshof|court of auditors|"
                       "audit office|auditor general"),
        ("ministry.foreign", "Germany", "auswaertige amt|auswaertigen amt|auswaertiges amt"),
        ("ministry.foreign", "United States", "state department"),
        ("ministry.foreign", "United Kingdom", "foreign office"),
        ("ministry.interior", "United Kingdom", "home office"),
        ("ministry.finance", "?", "treasury|treasury department|finanzamt"),
        ("ministry.defence", "United States", "pentagon"),
        ("ministry.justice", "United States", "justice department"),
    )
    for spelling in spellings.split("|")
}  # fmt: skip
_FIXED_FIRST = frozenset(k[0] for k in _FIXED_ACTORS)
# Ministries by their field: English words before "ministry" (or after "ministry of"), German
# stems that begin the compound ("Bundesinnenministerium", "Gesundheitsministeriums").
_FIELDS: dict[str, tuple[str, str]] = {
    "economy": ("economy economic economics trade industry commerce", "wirtschaft"),
    "finance": ("finance finances treasury", "finanz"),
    "defence": ("defence defense war", "verteidigung"),
    "interior": ("interior home", "innen"),
    "foreign": ("foreign", "aussen auswaertig"),
    "health": ("health", "gesundheit"),
    "justice": ("justice", "justiz"),
    "transport": ("transport transportation", "verkehr"),
    "agriculture": ("agriculture farm agricultural", "landwirtschaft agrar ernaehrung"),
    "environment": ("environment environmental climate", "umwelt klima"),
    "labour": ("labour labor employment", "arbeit"),
    "education": ("education", "bildung kultus"),
    "energy": ("energy", "energie"),
    "family": ("family families", "familie"),
    "culture": ("culture", "kultur"),
    "social": ("social", "sozial"),
    "housing": ("housing construction", "bau wohnungsbau"),
    "development": ("development", "entwicklung"),
    "digital": ("digital", "digital"),
}  # fmt: skip
_FIELD_WORDS = {w: f for f, (en, _) in _FIELDS.items() for w in en.split()}
_FIELD_STEMS = sorted(((s, f) for f, (_, de) in _FIELDS.items() for s in de.split()),
                      key=lambda x: -len(x[0]))  # fmt: skip
_MINISTRY_HEADS = frozenset(["ministry", "ministries", "department", "ministerium"])
# German states by their adjective: a state's ministry or government is not the federal one
# ("das hessische Innenministerium" vs "das Bundesinnenministerium").
_STATE_ADJECTIVES = {
    "bayerisch": "Bavaria", "hessisch": "Hesse", "saechsisch": "Saxony",
    "niedersaechsisch": "Lower Saxony", "thueringisch": "Thuringia",
    "brandenburgisch": "Brandenburg", "saarlaendisch": "Saarland", "berliner": "Berlin",
    "hamburger": "Hamburg", "bremer": "Bremen", "baden wuerttembergisch": "Baden-Württemberg",
    "nordrhein westfaelisch": "North Rhine-Westphalia", "rheinland pfaelzisch":
    "Rhineland-Palatinate", "schleswig holsteinisch": "Schleswig-Holstein",
}  # fmt: skip
# Courts of any name: against another court the court guard (``body_sides``) decides; here a
# court only stands against an actor of another kind ("the court" vs "the audit office").
_COURT_ENDINGS = ("gericht", "gerichts", "gerichtes", "gerichtshof", "gerichtshofs")
_COURT_WORDS = frozenset(["court", "courts", "federalconstitutionalcourt", "federalcourtofjustice",
                          "tribunal"])  # fmt: skip
# Words of saying: an institution next to one is the source of the claim, not its actor
# ("teilte das Innenministerium mit", "the health ministry said", "laut Bundesbank").
_SAID_AFTER = frozenset(
    ["said", "says", "told", "reported", "confirmed", "mitteilte", "mit", "sagte", "erklaerte",
     "berichtete", "meldete", "bestaetigte", "zufolge", "mitgeteilt", "announced"]
)  # fmt: skip
_SAID_BEFORE = frozenset(
    ["teilte", "sagte", "erklaerte", "berichtete", "meldete", "laut", "according", "angaben",
     "said", "told", "reported", "bestaetigte", "spokesman", "spokeswoman", "sprecher",
     "sprecherin", "announced"]
)  # fmt: skip


@lru_cache(maxsize=1)
def _owners() -> dict[str, str]:
    """Owner words as ``norm`` writes them -> owner: a country's token ("japan", "unitedstates"),
    its adjective in either language ("japanische", "danish") and a German state's adjective."""
    table = {fold(name).replace(" ", ""): name for name, kind in gazetteer().values()
             if kind == "country"}  # fmt: skip
    table.update(country_adjectives())
    table.update(("deutsch" + e, "Germany") for e in ("e", "en", "er", "es", "em"))
    for stem, state in _STATE_ADJECTIVES.items():
        if " " not in stem:
            table.update((stem + e, state) for e in ("e", "en", "er", "es", "em"))
    table.update({"europaeische": "EU", "europaeischen": "EU", "european": "EU",
                  "eu": "EU"})  # fmt: skip
    return table


def _owner_before(words: list[str], i: int) -> str:
    """Whose institution starting at ``words[i]`` is: the adjective or country before it, a
    possessive ("japan s"), "?" when none."""
    owners = _owners()
    before = words[max(0, i - 2) : i]
    if before[-1:] == ["s"] and len(before) == 2 and before[0] in owners:
        return owners[before[0]]
    if before and before[-1] in owners:
        return owners[before[-1]]
    return "?"


def _ministry_field(word: str) -> tuple[str, str] | None:
    """(field, owner) of a German ministry compound ("bundesinnenministerium" -> interior,
    Germany), or None."""
    if not word.endswith(("ministerium", "ministeriums")) or len(word) <= 12:
        return None
    stem = word.removesuffix("s").removesuffix("ministerium")
    owner = "?"
    if stem.startswith("bundes"):
        stem, owner = stem[6:], "Germany"
    for prefix, field in _FIELD_STEMS:
        if stem.startswith(prefix):
            return field, owner
    return None


def _actor_at(words: list[str], i: int) -> tuple[int, Actor] | None:
    """The institution that starts at ``words[i]`` (its word count and what it is), or None."""
    w = words[i]
    if w in _FIXED_FIRST:
        for n in (5, 4, 3, 2, 1):
            found = _FIXED_ACTORS.get(tuple(words[i : i + n]))
            if found is not None:
                return n, found
    if w in _GOVERNMENT_HEADS or w in _BANK_HEADS:
        kind = "government" if w in _GOVERNMENT_HEADS else "centralbank"
        owner = _owner_before(words, i)
        return (1, (kind, owner)) if owner != "?" else None
    if (w, words[i + 1] if i + 1 < len(words) else "") in _BANK_PAIRS:
        owner = _owner_before(words, i)
        return (2, ("centralbank", owner)) if owner != "?" else None
    field = _ministry_field(w)
    if field is not None:
        owner = field[1] if field[1] != "?" else _owner_before(words, i)
        return 1, ("ministry." + field[0], owner)
    if w in _MINISTRY_HEADS and i:
        nxt = words[i + 2] if i + 2 < len(words) and words[i + 1] == "of" else ""
        f = _FIELD_WORDS.get(words[i - 1]) or _FIELD_WORDS.get(nxt)
        if f is not None:
            start = i - 1 if words[i - 1] in _FIELD_WORDS else i
            return 1, ("ministry." + f, _owner_before(words, start))
    if w in _COURT_WORDS or (w.endswith(_COURT_ENDINGS) and len(w) > 7):
        return 1, ("court", "?")
    return None


@lru_cache(maxsize=8192)
def actors(norm: str) -> tuple[tuple[Actor, bool], ...]:
    """The institutions a normalised text names, each with whether it is only the source
    ("the ministry said"), in text order."""
    words = norm.split()
    out: list[tuple[Actor, bool]] = []
    i = 0
    while i < len(words):
        found = _actor_at(words, i)
        if found is None:
            i += 1
            continue
        n, actor = found
        after = words[i + n : i + n + 3]
        before = words[max(0, i - 3) : i]
        source = not _SAID_AFTER.isdisjoint(after) or not _SAID_BEFORE.isdisjoint(before)
        out.append((actor, source))
        i += n
    return tuple(out)


def _one(x: Actor, y: Actor) -> bool:
    """Whether two mentions may be one institution: one kind, and one owner where both say."""
    return x[0] == y[0] and (x[1] == y[1] or "?" in (x[1], y[1]))


def actor_label(actor: Actor) -> str:
    """An actor as reasons keep it: "government:Poland", "ministry.health:?"."""
    return f"{actor[0]}:{actor[1]}"


@lru_cache(maxsize=8192)
def actor_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The institution acting in each claim (the first one named that is no source) when
    neither is named anywhere in the other claim (labels, in a stable order), or None. Only the
    first: an institution later in the sentence is what was acted on ("Der Bundesrechnungshof
    hat die Beschaffung durch das Gesundheitsministerium gerügt")."""
    ma, mb = actors(norm_a), actors(norm_b)
    x = next((a for a, source in ma if not source), None)
    y = next((b for b, source in mb if not source), None)
    if x is None or y is None:
        return None
    if any(_one(x, b) for b, _ in mb) or any(_one(a, y) for a, _ in ma):
        return None
    first, second = sorted([(actor_label(x),), (actor_label(y),)])
    return first, second


# Animals, German and English: a wolf's or a golden jackal's kill, a bear's attack, swine fever
# in a wild boar or in a domestic pig are claims about one animal, and "Ein Wolf hat 70 Schafe
# gerissen" vs "Ein Goldschakal hat 70 Schafe gerissen" read alike however alike the rest is.
# id -> (display name, spellings as normalised words). Word forms, not stems: a stem catches
# other words ("Rente", "Schweinepest"); a word that is also a verb or a name in English ("bear",
# "seal", "Fox") counts only in the pairs listed ("a bear", "brown bear").
_ANIMALS: dict[str, tuple[str, str]] = {
    "pig": ("pig", "schwein schweine schweinen schweins hausschwein hausschweine hausschweinen "
            "mastschwein mastschweine mastschweinen pig pigs hog hogs|domestic pig|domestic pigs"),
    "boar": ("wild boar", "wildschwein wildschweine wildschweinen wildschweins "
             "boar boars|wild boar|wild boars"),
    "wolf": ("wolf", "wolf woelfe woelfen wolfs wolfes wolves"),
    "jackal": ("golden jackal", "goldschakal goldschakale goldschakals schakal schakale jackal "
               "jackals|golden jackal"),
    "bear": ("bear", "baer baeren braunbaer braunbaeren braunbaerin grizzly|brown bear|"
             "brown bears|black bear|black bears|bear attack"),
    "polarbear": ("polar bear", "eisbaer eisbaeren|polar bear|polar bears"),
    "raccoon": ("raccoon", "waschbaer waschbaeren raccoon raccoons"),
    "lynx": ("lynx", "luchs luchse lynx"),
    "deer": ("deer", "hirsch hirsche reh rehe rothirsch deer"),
    "cattle": ("cattle", "rind rinder rindern rinderbestand rinderherde kuh kuehe kuehen "
               "milchkuehe cattle cow cows calves kaelber"),
    "sheep": ("sheep", "schaf schafe schafen lamm laemmer laemmern sheep lamb lambs ewes"),
    "goat": ("goat", "ziege ziegen goat goats"),
    "horse": ("horse", "pferd pferde pferden horse horses"),
    "poultry": ("chickens", "huhn huehner huehnern henne hennen legehennen gefluegel haehnchen "
                "chicken chickens hens poultry broilers|laying hens"),
    "duck": ("ducks", "ente enten duck ducks"),
    "goose": ("geese", "gans gaense goose geese"),
    "turkey": ("turkeys", "pute puten truthahn truthaehne turkeys"),
    "dog": ("dog", "hund hunde hunden dog dogs"),
    "shark": ("shark", "hai haie shark sharks"),
    "whale": ("whale", "wal wale walen whale whales"),
    "dolphin": ("dolphin", "delfin delfine delphin delphine dolphin dolphins"),
    "crocodile": ("crocodile", "krokodil krokodile crocodile crocodiles alligator alligators"),
    "beaver": ("beaver", "biber beaver beavers"),
    "bee": ("bees", "biene bienen bees"),
    "mosquito": ("mosquitoes", "muecke muecken stechmuecke stechmuecken mosquito mosquitoes"),
    "rat": ("rats", "ratte ratten rats"),
}  # fmt: skip
_ANIMAL_WORDS: dict[tuple[str, ...], str] = {}
for _id, (_label, _spellings) in _ANIMALS.items():
    _single, *_phrases = _spellings.split("|")  # words, then phrases of two or three words
    _ANIMAL_WORDS.update(((w,), _id) for w in _single.split())
    _ANIMAL_WORDS.update((tuple(p.split()), _id) for p in _phrases)
_ANIMAL_FIRST = frozenset(k[0] for k in _ANIMAL_WORDS)


@lru_cache(maxsize=8192)
def animals(norm: str) -> frozenset[str]:
    """The animals a normalised text names (ids), in either language; the longest spelling
    wins ("wild boar" is no boar and pig, "polar bear" no bear)."""
    words = norm.split()
    out: set[str] = set()
    i = 0
    while i < len(words):
        if words[i] in _ANIMAL_FIRST:
            for n in (3, 2, 1):
                found = _ANIMAL_WORDS.get(tuple(words[i : i + n]))
                if found is not None:
                    out.add(found)
                    i += n - 1
                    break
        i += 1
    return frozenset(out)


@lru_cache(maxsize=8192)
def animal_sides(norm_a: str, norm_b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The animals each claim names that the other does not, when both have one of their own
    (display names, in a stable order), or None: "a wolf killed 70 sheep" vs "a golden jackal
    killed 70 sheep"; the sheep both name agree."""
    xa, xb = animals(norm_a), animals(norm_b)
    only_a, only_b = xa - xb, xb - xa
    if not only_a or not only_b:
        return None
    return _named_sides(only_a, only_b, lambda d: _ANIMALS[d][0])
