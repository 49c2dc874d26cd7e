"""Who made a claim: the person or organisation a sentence credits, or the outlet.

Walks a story's sentences in order, as an editor reads them:

- a reporting cue outside quotes (sagte, teilte mit, ist der Ansicht, laut, nach Angaben
  des …, zufolge, said, told, according to …) names the speaker next to it; role nouns are
  set apart from names ("Experte Peter Theis" is Peter Theis), and later mentions ("sagte
  Cekuta", "sagte die Ministerin", "he said", "the company said") resolve to the first full
  mention;
- a quote running over several sentences or paragraphs belongs to the speaker named where
  it closes or opens, else to the speaker of the sentence before it;
- German reported speech in the subjunctive ("Die Zahl sei falsch.") continues the last
  speaker; an interview answer ("Siebenkotten: …") belongs to the name before the colon;
- "Das teilte die Polizei mit." / "Das geht aus dem Bericht des DWD hervor." credit the
  sentence before;
- a sentence with none of these is the story's own assertion, credited to the outlet.

Rules, not a parser (no German dependency parser is installable from the registries we
use): they say "no claimant" rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extraction import lexicon as lx
from claimtrack.extraction import organisations as orgs
from claimtrack.extraction import phrases as ph
from claimtrack.extraction import speakers as sp
from claimtrack.extraction.quotes import QuoteState, quote_states
from claimtrack.extraction.speakers import names_in

PERSON, ORGANISATION, UNNAMED, OUTLET = "person", "organisation", "unnamed", "outlet"
__all__ = ["Attribution", "Attributor", "attribute_sentences", "names_in"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The claimant of one sentence and the cue that credited them."""

    claimant: str | None
    kind: str  # person | organisation | unnamed | outlet
    cue: str | None = None


_CREDIT_VERBS = (
    r"sagte|sagten|teilte|teilten|erklärte|erklärten|berichtete|berichteten|meldete|meldeten|"
    r"bestätigte|bestätigten|kündigte|kündigten|gab|gaben|said|told|reported|confirmed|"
    r"announced"
)
# "Das teilte ein Sprecher mit." credits the sentence before it, and says nothing itself.
_BACK_REFERENCE = re.compile(
    rf"^(?i:das|dies|so|diese zahlen|diese angaben|that|this|these figures)\s+"
    rf"(?:[a-zäöü][\w-]*\s+){{0,3}}?(?i:{_CREDIT_VERBS})\b",
)
# "Zu diesem Ergebnis kommt eine Studie des …", "Das geht aus dem Bericht des … hervor."
_SOURCE_OF_PREVIOUS = re.compile(
    r"^(?:zu diesem (?:ergebnis|schluss) (?:kommt|kommen|kam|kamen)|"
    r"das (?:geht|ging) aus|dies (?:geht|ging) aus|this is according to|that is according to)\s+"
    r"(?P<source>.+?)(?:\s+hervor)?\W*$",
    re.I,
)
# German reported speech: the subjunctive continues the last speaker.
_SUBJUNCTIVE = re.compile(
    r"\b(?:sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe|gebe|liege|stehe|gehe|komme|"
    r"fehle|bleibe|lasse|rechne|nutze|handle|reiche|gelte|zahle|wisse|sehe|brauche|plane|"
    r"dürften|würden|hätten|wären)\b"
)
# "demnach", "demzufolge": according to the source just named.
_ACCORDINGLY = re.compile(r"\b(?:demnach|demzufolge|dem zufolge)\b", re.I)
# Sources so vague that a named one in the next sentence replaces them.
_VAGUE = lx.words("behörden authorities officials offizielle regierungskreise kreise sources")
_PLAN = re.compile(r"\b(?:soll|sollen)\b")
_INTERVIEW = re.compile(r"^([A-ZÄÖÜ][\w.'’\-]+(?: [A-ZÄÖÜ][\w.'’\-]+){0,2}):\s+\S")
_LABEL = re.compile(r"^((?:[\w.'’\-]+ ){0,3}[\w.'’\-]+):\s+\S")
_NOT_SPEAKER_LABELS = lx.words(
    "korrektur update fazit frage antwort foto quelle hinweis anmerkung note correction "
    "fotos bild video grafik lesen mehr zum auch interview zur person q a"
)


def attribute_sentences(
    sentences: list[str],
    language: str,
    outlet: str | None = None,
    paragraphs: list[int] | None = None,
) -> tuple[list[Attribution], list[bool]]:
    """Attributions of a story's sentences in reading order, and which sentences only credit
    the one before ("Das teilte die Polizei mit."): that sentence's claim gets their speaker.
    `paragraphs[i]` is the paragraph of sentence i (default: one paragraph).
    """
    paragraphs = paragraphs if paragraphs is not None else [0] * len(sentences)
    states = quote_states(sentences, paragraphs)
    attributor = Attributor(language, outlet)
    found: list[Attribution] = []
    own: list[bool] = []
    for i, sentence in enumerate(sentences):
        new_paragraph = i == 0 or paragraphs[i] != paragraphs[i - 1]
        result, has_cue = attributor.read(sentence, states[i].outside, new_paragraph)
        found.append(result)
        own.append(has_cue)
    _quotes(found, own, states, paragraphs)
    _continuations(sentences, found, own, states, paragraphs, language)
    credits_previous = _back_references(sentences, found, own, attributor)
    _named_next(sentences, found, paragraphs, language)
    return found, credits_previous


def _named_next(
    sentences: list[str], found: list[Attribution], paragraphs: list[int], language: str
) -> None:
    """ "…, the charity said. … according to the Trussell Trust, which …": a generic mention
    that nothing before it resolved is the organisation of a fitting kind the next sentence
    names (agency copy often names the organisation only after its first figure)."""
    for i in range(len(sentences) - 1):
        claimant = found[i].claimant
        if found[i].kind != ORGANISATION or not claimant or not orgs.is_generic(claimant):
            continue
        kinds = orgs.GENERIC_KINDS.get(claimant.lower(), frozenset())
        if not kinds or paragraphs[i + 1] - paragraphs[i] > 1:
            continue
        for name in orgs.named_in(sp.tokenize(sentences[i + 1]), language):
            if orgs.kinds_of(name) & kinds:
                found[i] = Attribution(name, ORGANISATION, found[i].cue)
                break


def _quotes(
    found: list[Attribution], own: list[bool], states: list[QuoteState], paragraphs: list[int]
) -> None:
    """Give every sentence of a multi-sentence quote the quote's speaker."""
    i = 0
    while i < len(found):
        j = i
        while j < len(found) - 1 and states[j].open_at_end:
            j += 1
        if j > i or (states[i].quoted and not own[i] and not _cites_only(states[i])):
            speaker = next((found[k] for k in (j, i) if own[k]), None)
            near = i > 0 and paragraphs[i] - paragraphs[i - 1] <= 1
            if speaker is None and near and found[i - 1].kind != OUTLET:
                speaker = found[i - 1]
            if speaker is not None:
                for k in range(i, j + 1):
                    if not own[k] or found[k].kind == OUTLET:
                        found[k] = speaker
                        own[k] = own[k] or k in (i, j)
        i = j + 1


def _cites_only(state: QuoteState) -> bool:
    """A few quoted words inside the outlet's own sentence cite a document or a phrase ("A
    report found 'cascading failures' in the response"); they continue nobody's speech."""
    if state.open_at_start or state.open_at_end or state.outside.lstrip().startswith('"'):
        return False
    words = state.outside.split()
    quoted = sum(1 for w in words if "_" in w and not any(c.isalnum() for c in w))
    return quoted <= 4 and quoted * 3 < len(words)


def _continuations(
    sentences: list[str],
    found: list[Attribution],
    own: list[bool],
    states: list[QuoteState],
    paragraphs: list[int],
    language: str,
) -> None:
    """German subjunctive (and "soll" within a paragraph), and "demnach"/"demzufolge",
    continue the last speaker."""
    if language != "de":
        return
    for i in range(1, len(sentences)):
        if not own[i] and found[i].kind == OUTLET and _ACCORDINGLY.search(states[i].outside):
            # "demnach": the source named last, a sentence or two before in this paragraph
            # or the one before it
            source = next(
                (
                    found[k]
                    for k in range(i - 1, max(i - 4, -1), -1)
                    if found[k].kind != OUTLET and paragraphs[i] - paragraphs[k] <= 1
                ),
                None,
            )
            if source is not None:
                found[i] = source
            continue
        if own[i] or found[i].kind != OUTLET or found[i - 1].kind == OUTLET:
            continue
        text = states[i].outside
        same = paragraphs[i] == paragraphs[i - 1]
        close = paragraphs[i] - paragraphs[i - 1] <= 1
        if (close and _SUBJUNCTIVE.search(text)) or (same and _PLAN.search(text)):
            found[i] = found[i - 1]


def _back_references(
    sentences: list[str], found: list[Attribution], own: list[bool], attributor: Attributor
) -> list[bool]:
    credits_previous = [False] * len(sentences)
    for i in range(1, len(sentences)):
        stripped = sentences[i].strip()
        source = _SOURCE_OF_PREVIOUS.match(stripped)
        if source:
            result = attributor.classify_source(source.group("source"))
            if result is not None:
                found[i] = result
        elif not (_BACK_REFERENCE.match(stripped) and found[i].kind != OUTLET):
            continue
        if found[i].kind == OUTLET:
            continue
        credits_previous[i] = True
        before = (found[i - 1].claimant or "").lower()
        weak = before in _VAGUE or "eigenen" in (found[i - 1].cue or "")
        if found[i - 1].kind == OUTLET or not own[i - 1] or weak:
            found[i - 1] = found[i]
    return credits_previous


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    kind: str
    gender: str | None


class Attributor:
    """Stateful over one story: call `attribute` on its sentences in reading order."""

    def __init__(self, language: str, outlet: str | None = None) -> None:
        self.language = language
        self.outlet = outlet or None
        self._last: list[_Speaker] = []  # speakers, most recent last
        self._mentioned: list[_Speaker] = []  # people named with a role, most recent last
        self._full_names: dict[str, str] = {}  # surname -> full name
        self._orgs: list[tuple[str, frozenset[str]]] = []  # named organisations and kinds
        self._introduced: set[str] = set()  # names a kind noun introduced ("Greenpeace")
        self._roles: dict[str, str] = {}  # person -> the role they were named with
        self._previous: Attribution | None = None
        self._interviewee: Attribution | None = None
        # the person opening the last sentence that named no speaker of its own ("Shadow
        # chancellor Jeremy Hunt accused Reeves …"), whom a following "he said" means
        self._opening: _Speaker | None = None
        self._opened_before: _Speaker | None = None

    def attribute(self, sentence: str) -> Attribution:
        """Attribute `sentence` on its own (quotes blanked), updating the memory."""
        outside = quote_states([sentence], [0])[0].outside
        result, has_cue = self.read(sentence, outside, False)
        if not has_cue and sentence.lstrip()[:1] in sp.QUOTES:
            previous = self._before
            if previous is not None and previous.kind != OUTLET:
                result = previous  # a quote continuing the last speaker's words
        self._previous = result
        return result

    _before: Attribution | None = None
    _tokens: list[str] = []  # noqa: RUF012 - the current sentence's tokens, set per sentence

    def read(self, sentence: str, outside: str, new_paragraph: bool) -> tuple[Attribution, bool]:
        """(attribution, whether the sentence names its own speaker)."""
        self._before = self._previous
        all_tokens = sp.tokenize(sentence)
        self._learn_names(all_tokens)
        self._learn_orgs(all_tokens)
        self._opened_before, self._opening = self._opening, None
        result = self._own(sentence, outside, new_paragraph)
        has_cue = result is not None
        if not has_cue:
            self._opening = self._opening_person(all_tokens)
        if result is None:
            result = Attribution(self.outlet, OUTLET, None)
        self._previous = result
        return result, has_cue

    def _own(self, sentence: str, outside: str, new_paragraph: bool) -> Attribution | None:
        if new_paragraph:
            self._interviewee = self._interview(sentence)
        if self._interviewee is not None:
            return self._interviewee
        impersonal = lx.IMPERSONAL.search(outside)
        if impersonal:
            return self._impersonal_source(outside[impersonal.end() :]) or self._recall_any()
        label = self._label(sentence)
        if label is not None:
            return label
        tokens = sp.tokenize(outside)
        self._tokens = tokens
        found = self._source_phrase(tokens)
        if found is not None:
            return found
        # a speech cue outranks a count: "Europe recorded 42,000 cases, the WHO said"
        for index, cue_len, cue, direction in sorted(
            ph.cues(tokens), key=lambda c: c[2].lower() in lx.COUNTING
        ):
            if self.language == "en" and index and tokens[index - 1].lower() == "it":
                return self._recall_org(cue)  # "…, it added": the organisation that spoke
            cited = cue.lower() in ph.CITING
            phrase = self._phrase(tokens, index, cue_len, direction, cited=cited)
            if cue.lower() in lx.COUNTING and ph.only_a_place(phrase):
                continue  # "Europe recorded …": a place counts nothing itself
            itself = direction == "both" and ph.speaks_of_itself(
                tokens[index + cue_len :], self.language
            )
            found = self._classify(phrase, cue, cited=cited, itself=itself) if phrase else None
            if found is not None:
                return found
        return None

    def _impersonal_source(self, after: str) -> Attribution | None:
        """ "hieß es aus Feuerwehrkreisen" / "aus Kreisen der Feuerwehr": unnamed insiders;
        "hieß es aus dem Innenministerium": the ministry. Without "aus" the sentence goes
        on the last speaker's word."""
        tokens = sp.tokenize(after)
        if not tokens or tokens[0].lower() != "aus":
            return None
        phrase = sp.collect(tokens[1:], self.language, source=True)
        if not phrase:
            return None
        circles = phrase[0].lower() in ("kreisen", "kreise") or (
            len(phrase) == 1 and lx.is_unnamed(phrase[0])
        )
        if circles:
            rest = tokens[1 + len(phrase) : 3 + len(phrase)]
            if len(phrase) == 1 and len(rest) == 2 and rest[0].lower() in ("der", "des"):
                phrase = [*phrase, *rest]  # "aus Kreisen der Feuerwehr"
            head = phrase[0][:-1] if phrase[0].lower().endswith("kreisen") else phrase[0]
            name = " ".join([head, *phrase[1:]])  # the dative "Kreisen" named as "Kreise"
            self._remember(_Speaker(name, UNNAMED, None))
            return Attribution(name, UNNAMED, "hieß es")
        return self._classify(phrase, "hieß es", source=True)

    def _interview(self, sentence: str) -> Attribution | None:
        match = _INTERVIEW.match(sentence.strip())
        if not match or match.group(1).lower() in _NOT_SPEAKER_LABELS:
            return None
        name = match.group(1)
        if " " not in name and name not in self._full_names:
            return None
        if not all(sp.is_name_token(t) for t in name.split()):
            return None  # "Die Polizei: …", "Innenministerium: …" are not interview answers
        return self._person(name.split(), "interview")

    def _label(self, sentence: str) -> Attribution | None:
        """Headline style "Polizei: Mehr als 2.000 Festnahmen" credits the organisation."""
        match = _LABEL.match(sentence.strip())
        if not match or match.group(1).lower() in _NOT_SPEAKER_LABELS:
            return None
        tokens = sp.tokenize(match.group(1))
        if not any(sp.is_org(t) or sp.is_role(t) or lx.is_unnamed(t) for t in tokens):
            return None
        last = tokens[-1]
        if last[:1].islower() and not (sp.is_org(last) or lx.is_unnamed(last)):
            return None  # "LA fires: Death toll rises": a topic, not who says it
        return self._classify(tokens, ":", source=True)

    def _phrase(
        self, tokens: list[str], index: int, length: int, direction: str, cited: bool = False
    ) -> list[str]:
        """The speaker phrase next to a cue: after it ("sagte er", "laut Polizei") or before.
        ``cited``: the cue cites a source ("according to"), whose phrase after it is read as one."""
        if direction == "perfect":
            return self._perfect_phrase(tokens, index)
        source = cited and direction == "after"
        after = sp.collect(tokens[index + length :], self.language, source=source)
        before_tokens = tokens[:index]
        if direction == "pronoun_after" and after and after[0].lower() in lx.PRONOUNS:
            return after  # "hält er": otherwise what follows an opinion verb is its object
        if direction == "pronoun_after" and ph.clause_final_passive(tokens, index, length):
            return []  # "Als Ursache wird Brandstiftung vermutet.": nobody is named
        if direction == "pronoun_after" and after and any(map(sp.is_known_kind, after)):
            before = sp.before_cue(before_tokens, self.language) if before_tokens else []
            return before or after  # "Hinter dem Anschlag vermutet die Polizei …"
        if direction == "after":
            return after
        if direction == "both" and self.language == "en":
            inverted = bool(before_tokens) and before_tokens[-1] in sp.QUOTES
            if not inverted:  # English puts the speaker first: "Haddad said the trust …"
                before = sp.before_cue(before_tokens, self.language) if before_tokens else []
                clause = tokens[index + length : index + length + 1] == ["that"]
                return before or ([] if clause else after)  # "claims that the government …"
        if direction == "both" and after:
            subject = ph.subject_of_separable(tokens, index, after, self.language)
            return subject or ph.subject_first(tokens, index, after, self.language) or after
        return sp.before_cue(before_tokens, self.language) if before_tokens else []

    def _perfect_phrase(self, tokens: list[str], index: int) -> list[str]:
        """ "hat Ministerpräsident Robert Golob die Schäden … geschätzt": the subject follows
        the auxiliary up to the object's article, or precedes it ("Golob hat … beziffert").
        A present "beziffert" without an auxiliary reads like "bezifferte"."""
        lowered = [t.lower() for t in tokens[:index]]
        aux = next((k for k in range(index - 1, -1, -1) if lowered[k] in ph.AUXILIARIES), None)
        if aux is None:
            present = tokens[index].lower() == "beziffert"
            return self._phrase(tokens, index, 1, "both") if present else []
        if lowered[aux] in lx.PASSIVE_AUXILIARIES:
            return []
        segment = tokens[aux + 1 : index]
        end = next((k for k in range(1, len(segment)) if segment[k].lower() in lx.ARTICLES), None)
        after = sp.collect(segment[:end], self.language)
        if after:
            return after
        return sp.before_cue(tokens[:aux], self.language) if aux else []

    def _source_phrase(self, tokens: list[str]) -> Attribution | None:
        """ "nach (ersten) Angaben/Schätzungen des …", "nach seinen Angaben", "AIU-Angaben"."""
        lowered = [t.lower() for t in tokens]
        for i, low in enumerate(lowered):
            if low != "nach":
                continue
            for k in range(i + 1, min(i + 5, len(tokens))):
                word = lowered[k]
                prefix, _, noun = word.rpartition("-")
                # "Einschätzung" is a source noun itself, no compound of "Ein" + "schätzung"
                own = word in lx.SOURCE_NOUNS
                compound = ph.compound_source(tokens[k]) if k == i + 1 and not own else None
                if word in lx.SOURCE_NOUNS or (prefix and noun in lx.SOURCE_NOUNS) or compound:
                    between = lowered[i + 1 : k]
                    cue = " ".join(tokens[i : k + 1])
                    if "eigenen" in between:  # "Die Polizei hat nach eigenen Angaben …"
                        kinds = [t for t in tokens[:i] if sp.is_known_kind(t)]
                        return self._classify(kinds[:1], cue) if kinds else None
                    pronoun = next((w for w in between if w in lx.POSSESSIVES), None)
                    if pronoun is not None:
                        return self._refer_back(lx.POSSESSIVES[pronoun], cue, pronoun)
                    if prefix:
                        return self._classify([tokens[k].rpartition("-")[0]], cue, source=True)
                    if compound:  # "nach Regierungsangaben" -> "Regierung"
                        return self._compound_claimant(compound, cue)
                    rest = ph.without_extended_attribute(tokens[k + 1 :])
                    if rest[:1] and rest[0].lower() in ("von", "vom"):
                        rest = rest[1:]  # "nach Angaben von Greenpeace"
                    phrase = sp.collect(rest, self.language, source=True)
                    return self._classify(phrase, cue, source=True) if phrase else None
        return None

    def _compound_claimant(self, source: str, cue: str) -> Attribution | None:
        """The organisation of "Polizeiangaben" is the one the compound names, not an earlier
        one of its kind; other sources ("Expertenschätzungen") are classified as usual."""
        if not sp.is_org(source):
            return self._classify([source], cue, source=True)
        self._remember(_Speaker(source, ORGANISATION, None))
        return Attribution(source, ORGANISATION, cue)

    def classify_source(self, text: str) -> Attribution | None:
        """The source in "Das geht aus <dem Bericht des DWD> hervor"."""
        phrase = sp.collect(sp.tokenize(text), self.language, source=True)
        return self._classify(phrase, "source", source=True) if phrase else None

    def _classify(
        self,
        phrase: list[str],
        cue: str,
        source: bool = False,
        cited: bool = False,
        itself: bool = False,
    ) -> Attribution | None:
        """Who ``phrase`` names: a person, an organisation, an unnamed source, or nobody.
        ``source``: the phrase is always a source ("nach Angaben des …"), where plain nouns
        count; ``cited``: a cue that cites a source ("laut", "according to"); ``itself``: what
        is said refers to the speaker as "it" (``phrases.speaks_of_itself``)."""
        first = phrase[0].lower()
        if first in lx.PRONOUNS:
            return self._refer_back(lx.PRONOUNS[first], cue, first)
        if first in lx.POSSESSIVES:
            rest = [t for t in phrase[1:] if t[:1].isupper()]
            if rest:
                return Attribution(" ".join(rest), PERSON, cue)
            return self._someones(phrase[1:], lx.POSSESSIVES[first], cue)
        content = [t for t in phrase if t.lower() not in lx.ARTICLES or t is not phrase[0]]
        content = content[1:] if content and content[0].lower() in lx.ARTICLES else content
        if not content:
            return None
        spokesperson = content[0].lower() in ph.SPOKESPEOPLE
        if spokesperson and len(content) > 2 and content[1].lower() in ph.OF_FOR:
            german = content[1].lower() in ("der", "des")  # the article shows the case
            return self._spoken_for(content[1:] if german else content[2:], cue)
        spoken_for = ph.spokesperson_compound(content)
        if spoken_for is not None:  # "sagte ein Polizeisprecher": the police
            self._remember(_Speaker(spoken_for, ORGANISATION, None))
            return Attribution(spoken_for, ORGANISATION, cue)
        head, tail = ph.split_link(content)
        if tail and any(t.lower() in lx.DATA_NOUNS for t in head):
            # "Messungen des Landesamts": the source, with its article to name it right
            rest = content[len(head) :]
            rest = rest if rest[0].lower() in lx.ARTICLES else rest[1:]  # "figures from NHS …"
            return self._classify(rest, cue, source=True)
        if any(t.lower() in lx.DATA_NOUNS for t in head) and len(head) == 1:
            return None
        organisation = self._organisation_named(content, head)
        if organisation is not None:
            self._remember(_Speaker(organisation, ORGANISATION, None))
            return Attribution(organisation, ORGANISATION, cue)
        where = next((k for k, t in enumerate(head) if k and t in ph.PLACE_PREPOSITIONS), None)
        if where is not None and not ph.org_in(head[:where]):
            head = head[:where]  # "Officials in Kabul", "Ärzte in Köln": Kabul speaks not
        run = sp.name_run(head)
        if run and lx.is_unnamed(head[-1]) and head[-1] != run[-1]:
            run = []  # "Texas health officials said": the place describes the officials
        if source and ph.genitive_noun(phrase, head):
            run = []  # "nach Angaben des Zivilschutzes": a thing, a person needs a role or name
        org = any(sp.is_org(t) for t in content)
        # "Catalan Water Agency", "Deutsche Bundesbank": capitalised words ending in an
        # organisation word name it, whatever name_run makes of the words before
        whole_org = org and len(head) > 1 and sp.is_org(head[-1])
        whole_org = whole_org and all(t[:1].isupper() for t in head)
        whole = len(" ".join(run).split()) > 1  # "Ursula von der Leyen" is one token
        named = bool(run) and (whole or not org or sp.is_role(head[0]))
        office = self.language == "de" and len(head) > len(run) and named
        if office and ph.office_before(head[-len(run) - 1]):
            named = False  # "das Polizeipräsidium Oberbayern Nord": where the office is
        joined = len(head) > len(run) and head[-len(run) - 1].lower() in ph.INSTITUTION_JOINERS
        if named and joined and not sp.is_role(head[0]):
            named, org = False, True  # "Kuratorium für Alpine Sicherheit" names no person
        if named and not whole_org and not sp.is_org(run[-1]):
            run = ph.without_noun_after_article(phrase, run, self.language)
            if self._one_word_organisation(run, head, source or cited or itself):
                self._remember(_Speaker(run[0], ORGANISATION, None))
                return Attribution(run[0], ORGANISATION, cue)
            return self._person(run, cue, sp.gender(content, self.language))
        name = " ".join(content)
        if phrase[0].lower() in ("des", "eines"):
            # the head noun stands before the first linking word: "des Ministeriums" ->
            # "Ministerium", "des Instituts der deutschen Wirtschaft", "des Kuratoriums für …"
            link = next((k for k, t in enumerate(content) if k and t in ph.GENITIVE_LINKS), None)
            head_end = link if link is not None else len(content)
            name = " ".join([sp.nominative(" ".join(content[:head_end])), *content[head_end:]])
        town = len(content) == 2 and bool(ph.PLACE_ADJECTIVE.fullmatch(content[0]))
        if town and orgs.is_generic(content[1]):  # "der Wiesbadener Behörde"
            return self._generic_org(content[1], cue)
        if len(content) == 1 and orgs.is_generic(name):
            return self._generic_org(name, cue)
        if org:
            gender = "f" if lx.is_feminine_org(content[-1]) else None
            name = ph.as_named(name) if self.language == "de" else name
            self._remember(_Speaker(name, ORGANISATION, gender))
            return Attribution(name, ORGANISATION, cue)
        if len(content) == 1 and spokesperson:
            subject = self._subject_org() or self._previous_org()
            if subject is not None:  # "Die Staatsanwaltschaft Köln hat …, wie eine Sprecherin
                self._remember(_Speaker(subject, ORGANISATION, None))  # bestätigte."
                return Attribution(subject, ORGANISATION, cue)
        if any(lx.is_unnamed(t) for t in content[:3]):
            self._remember(_Speaker(name, UNNAMED, None))
            return Attribution(name, UNNAMED, cue)
        if any(sp.is_role(t) for t in content):
            return self._refer_to_role(content, sp.gender(content, self.language), cue)
        if source or any(t[:1].isupper() for t in content):
            self._remember(_Speaker(name, PERSON if not source else ORGANISATION, None))
            return Attribution(name, PERSON if not source else ORGANISATION, cue)
        return None

    def _someones(self, words: list[str], gender: str | None, cue: str) -> Attribution | None:
        """ "his lawyer said", "sein Anwalt sagte": the role of the person the sentence opens
        with (else the one the pronoun means), unnamed: "Pete Arredondo's lawyer"."""
        role = next((t for t in words if t.lower() in lx.HEAD_ROLES or sp.is_role(t)), None)
        if role is None:
            return None
        owner = self._opening_person(self._tokens) or self._recall(gender, people_only=True)
        if owner is None or owner.kind != PERSON:
            return None
        if self.language == "de":
            return Attribution(f"{role} von {owner.name}", UNNAMED, cue)
        return Attribution(f"{owner.name}'s {role}", UNNAMED, cue)

    def _spoken_for(self, tail: list[str], cue: str) -> Attribution | None:
        """Whom "ein Sprecher der Bergrettung", "a spokeswoman for the agency" speaks for: an
        organisation, unless a person's full name or a role follows ("a spokesman for
        President Tokayev")."""
        found = self._classify(tail, cue, source=True)
        words = [t for t in tail if t.lower() not in lx.ARTICLES]
        single = len(words) == 1 and words[0] not in self._full_names
        single = single and not sp.is_role(words[0])
        if found is not None and found.kind == PERSON and single and found.claimant:
            self._last = [s for s in self._last if s.name != found.claimant]
            self._remember(_Speaker(found.claimant, ORGANISATION, None))
            return Attribution(found.claimant, ORGANISATION, cue)
        return found

    def _previous_org(self) -> str | None:
        """The organisation the sentence before credited: "The ministry said … A spokesperson
        added …" continues it."""
        before = self._before
        return before.claimant if before is not None and before.kind == ORGANISATION else None

    def _subject_org(self) -> str | None:
        """The organisation opening the current sentence as its subject, which an unnamed
        spokesperson in the same sentence speaks for: "Die Staatsanwaltschaft Köln hat …",
        "Am Dienstag hat die Polizei …", "Cologne prosecutors have …"."""
        start = self._tokens[: next((k for k, t in enumerate(self._tokens) if t == ","), 8)][:8]
        named = orgs.named_in(start, self.language)
        if named:
            return named[0]
        for k, token in enumerate(start):
            if token[:1].isupper() and sp.is_org(token) and not sp.is_role(token):
                return sp.nominative(token) if self.language == "de" else token
            if self.language == "en" and token.islower() and orgs.kinds_of(token) and k:
                run = sp.name_run(start[:k])
                if run and run == start[k - len(run) : k]:
                    return " ".join([*run, token])  # "Cologne prosecutors", "Kent police"
        return None

    def _organisation_named(self, content: list[str], head: list[str]) -> str | None:
        """An organisation that news names like a person: introduced by its kind here ("die
        Umweltorganisation Greenpeace", "des Betreibers Currenta", "site operator Currenta"),
        introduced so earlier in the story, or one named alone everywhere ("Oxfam")."""
        introduced = orgs.introduced_name(content, self.language)
        if introduced:
            return " ".join(introduced)
        name = " ".join(sp.name_run(head) or head)
        if name.casefold() in self._introduced or orgs.is_known(name):
            return name
        return None

    def _one_word_organisation(self, run: list[str], head: list[str], source: bool) -> bool:
        """One capitalised word that no first name, title or role ever came with is an
        organisation where it is cited as a source ("according to Eurostat", "laut Destatis",
        "so Ifo") or speaks of itself as "it" ("Tesla said it delivered …"): a story
        introduces a person by full name or role before citing the surname alone."""
        if not source or len(run) != 1 or sp.is_role(head[0]):
            return False
        return self._expand(run[0]) == run[0] and not any(
            s.name == run[0] and s.kind == PERSON for s in self._mentioned
        )

    def _person(self, run: list[str], cue: str, gender: str | None = None) -> Attribution:
        titles = {"dr", "dr.", "prof", "prof.", "mr", "mrs", "ms", "herr", "frau", "sir"}
        while len(run) > 1 and run[0].lower() in titles:
            run = run[1:]
        person = self._expand(" ".join(run))
        if " " not in person and ph.is_country(person):
            # "Kazakhstan said", "Russland erklärte": a country speaks through its government,
            # no person (cities are surnames too often: Lincoln, Berlin; a surname seen with a
            # first name was expanded above)
            self._remember(_Speaker(person, ORGANISATION, None))
            return Attribution(person, ORGANISATION, cue)
        known = next((s for s in self._mentioned if s.name == person), None)
        self._remember(_Speaker(person, PERSON, gender or (known.gender if known else None)))
        return Attribution(person, PERSON, cue)

    def _generic_org(self, name: str, cue: str) -> Attribution:
        """ "the company said": the company named as the sentence's subject ("Jet2 has
        cancelled …, the company said"), else the nearest organisation named earlier whose
        kind fits ("teilte die Behörde mit" after "die Generalstaatsanwaltschaft
        Frankfurt"), else the last organisation that spoke."""
        subject = sp.name_run(ph.run_after(self._tokens, 0))
        if subject and ph.names_a_subject(subject) and subject == self._tokens[: len(subject)]:
            name = " ".join(subject)
            self._remember(_Speaker(name, ORGANISATION, None))
            return Attribution(name, ORGANISATION, cue)
        named = self._named_org(name)
        if named is not None:
            self._remember(_Speaker(named, ORGANISATION, None))
            return Attribution(named, ORGANISATION, cue)
        company = name.lower() in lx.COMPANY_WORDS
        for speaker in reversed(self._last):
            if speaker.kind != ORGANISATION or speaker.name.lower() == name.lower():
                continue
            if company or name.lower() in speaker.name.lower():
                return Attribution(speaker.name, ORGANISATION, cue)
            break
        self._remember(_Speaker(name, ORGANISATION, None))
        return Attribution(name, ORGANISATION, cue)

    def _named_org(self, generic: str) -> str | None:
        """The organisation a generic mention stands for: one of a fitting kind that the same
        sentence names before it ("Die Staatsanwaltschaft Ljubljana ermittelt …, wie die
        Behörde mitteilte"), else the nearest one named earlier in the story."""
        kinds = orgs.GENERIC_KINDS.get(generic.lower(), frozenset())
        here = self._earlier_in_sentence(generic, kinds)
        if here is None:
            return self._in_story(kinds)
        if orgs.is_generic(here):  # "Die Staatsanwaltschaft …": the one the story named
            return self._in_story(orgs.GENERIC_KINDS.get(here.lower(), kinds)) or here
        return here

    def _in_story(self, kinds: frozenset[str]) -> str | None:
        """The nearest organisation of one of ``kinds`` named so far."""
        for named, named_kinds in reversed(self._orgs):
            if kinds & named_kinds:
                return named
        return None

    def _earlier_in_sentence(self, generic: str, kinds: frozenset[str]) -> str | None:
        """A kind word of a fitting kind before the generic mention in this sentence, in the
        nominative: the sentence's own subject, which an older organisation must not outrank."""
        for token in self._tokens:
            word = sp.nominative(token) if self.language == "de" else token
            if word.lower() == generic.lower():
                return None
            if token[:1].isupper() and kinds & orgs.kinds_of(token):
                return word
        return None

    def _learn_orgs(self, tokens: list[str]) -> None:
        """Remember the organisations a sentence names, spoken or only mentioned (German names
        of one word in the nominative: "nach Angaben des Verteidigungsministeriums")."""
        ends = {
            k
            for j, word in enumerate(tokens)
            if orgs.is_introducer(word, self.language)
            for k in range(j + 1, min(j + 5, len(tokens)))
        }
        for k in sorted(ends):
            name_tokens = orgs.introduced_name(tokens[max(k - 5, 0) : k + 1], self.language)
            if name_tokens and (k + 1 == len(tokens) or not sp.is_name_token(tokens[k + 1])):
                name = " ".join(name_tokens)
                self._introduced.add(name.casefold())
                kinds = orgs.introducer_kinds(tokens[k - len(name_tokens)])
                if kinds:  # "der Autozulieferer Brenntal" is later "das Unternehmen"
                    self._orgs = [o for o in self._orgs if o[0] != name] + [(name, kinds)]
        for name in orgs.named_in(tokens, self.language):
            if self.language == "de":
                name = ph.as_named(name) if " " in name else sp.nominative(name)
            self._orgs = [o for o in self._orgs if o[0] != name]
            self._orgs.append((name, orgs.kinds_of(name)))

    def _recall_org(self, cue: str) -> Attribution | None:
        """English "it said" is the organisation that spoke last; none, and it is nobody's."""
        speaker = next((s for s in reversed(self._last) if s.kind == ORGANISATION), None)
        return Attribution(speaker.name, ORGANISATION, cue) if speaker else None

    def _recall_any(self) -> Attribution | None:
        speaker = self._last[-1] if self._last else None
        return Attribution(speaker.name, speaker.kind, "hieß es") if speaker else None

    def _refer_back(self, gender: str | None, cue: str, word: str) -> Attribution:
        # English he/she only ever mean people; German er/sie may also be an
        # organisation (die Polizei -> sie).
        people_only = word in ("he", "she", "his", "her")
        opened = self._opened_before
        # English he/she are always people; German er/sie only when the gender is known
        sure = opened is not None and (opened.gender == gender or people_only)
        if opened is not None and sure and opened.gender in (None, gender):
            self._remember(opened)
            return Attribution(opened.name, PERSON, cue)
        speaker = self._recall(gender, people_only)
        if speaker is None:
            return Attribution(None, UNNAMED, cue)
        return Attribution(speaker.name, speaker.kind, cue)

    def _refer_to_role(self, content: list[str], gender: str | None, cue: str) -> Attribution:
        """ "die Ministerin", "des Ministers", "the minister": the person named earlier with a
        fitting role ("Innenministerin Maria Berger") or one they may be called by ("Kanzler" /
        "Regierungschef", "Secretary" / "minister"), else one of fitting gender whose role the
        story did not give; a person named with another role ("Anwalt Kai Nowak") is not "der
        Minister". Nobody: the role itself, in the nominative."""
        wanted = next((sp.role_stem(t) for t in reversed(content) if sp.role_stem(t)), "")
        people = [
            s
            for s in reversed(self._last + self._mentioned)
            if s.kind == PERSON and (gender is None or s.gender in (None, gender))
        ]
        fitting = [s for s in people if ph.role_fits(self._roles.get(s.name), wanted)]
        loose = [s for s in people if ph.role_may_be(self._roles.get(s.name), wanted)]
        for speaker in fitting[:1] or loose[:1]:
            self._remember(speaker)
            return Attribution(speaker.name, PERSON, cue)
        role = sp.nominative(" ".join(content))
        self._remember(_Speaker(role, PERSON, gender))
        return Attribution(role, PERSON, cue)

    def _remember(self, speaker: _Speaker) -> None:
        known = next((s for s in self._last if s.name == speaker.name), None)
        if known is not None and speaker.gender is None:
            speaker = _Speaker(speaker.name, speaker.kind, known.gender)
        self._last = [s for s in self._last if s.name != speaker.name] + [speaker]

    def _recall(self, gender: str | None, people_only: bool) -> _Speaker | None:
        pool = [s for s in self._last if s.kind == PERSON or not people_only]
        for speaker in reversed(pool):
            if gender is None or speaker.gender in (None, gender):
                return speaker
        for speaker in reversed(self._mentioned):
            if gender is None or speaker.gender in (None, gender):
                return speaker
        return pool[-1] if pool else None

    def _expand(self, name: str) -> str:
        """A surname alone ("sagte Berger") becomes the full name seen earlier."""
        if " " in name:
            return name
        for speaker in reversed(self._last):
            if speaker.kind == PERSON and speaker.name.split()[-1] == name:
                return speaker.name
        return self._full_names.get(name, name)

    def _opening_person(self, tokens: list[str]) -> _Speaker | None:
        """A person's full name opening the sentence, alone or after a role ("Jeremy Hunt
        accused …", "Shadow chancellor Jeremy Hunt accused …"); not a name inside an
        organisation's ("The Office for Budget Responsibility")."""
        for i, token in enumerate(tokens[:5]):
            if not sp.is_name_token(token):
                continue
            run = sp.name_run(ph.run_after(tokens, i))
            lead = tokens[:i]
            if len(run) < 2 or run[0] != token or any(map(sp.is_org, lead)):
                continue
            if lead and not any(map(sp.is_role, lead)):
                continue
            name = self._expand(" ".join(run))
            known = next((s for s in self._mentioned if s.name == name), None)
            return known or _Speaker(name, PERSON, None)
        return None

    def _learn_names(self, tokens: list[str]) -> None:
        """Remember "President Kassym-Jomart Tokayev" and ", Robert Cekuta," appositions."""
        for i, token in enumerate(tokens):
            role = sp.is_role(token)
            if not role and not (token == "," and i + 1 < len(tokens)):
                continue
            name = sp.name_run(ph.run_after(tokens, i + 1))
            words = len(" ".join(name).split())
            if words >= 2 and (role or ph.closed_by_comma(tokens, i + 1 + len(name))):
                full = " ".join(n for n in name if n.lower().rstrip(".") not in ("dr", "mr", "ms"))
                self._full_names[name[-1].split()[-1]] = full
                if role:
                    self._roles[full] = sp.role_stem(token)
                    gender = sp.gender([token], self.language)
                    self._mentioned = [s for s in self._mentioned if s.name != full]
                    self._mentioned.append(_Speaker(full, PERSON, gender))
