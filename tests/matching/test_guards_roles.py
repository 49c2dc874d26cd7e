"""Who did what to whom (``matching.roles``): a reversed role is a conflict, the same roles told in
another voice or language are not; and what happened to a named actor agreeing is evidence for
*same* (``matching.events``). Sentences written for these tests, not taken from the pair sets."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind, compare, find_conflicts
from claimtrack.matching.embedding import get_embedder
from claimtrack.matching.evidence import _actors, gather
from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts, describe
from claimtrack.matching.roles import participants, roles

REVERSED = [
    # replace / succeed / ablösen / nachfolgen, active and passive, both languages
    ("Putin hat Medwedew als Regierungschef abgelöst.", "de",
     "Medvedev replaced Putin as head of government.", "en"),
    ("Putin löste Medwedew als Regierungschef ab.", "de",
     "Putin wurde von Medwedew als Regierungschef abgelöst.", "de"),
    ("Medvedev was replaced by Putin as prime minister last year.", "en",
     "Putin was replaced by Medvedev as prime minister last year.", "en"),
    ("Putin ist der Nachfolger von Medwedew im Amt des Regierungschefs.", "de",
     "Medvedev succeeded Putin as prime minister.", "en"),
    # beat / defeat / besiegen / lost to
    ("Zelensky lost to Putin in the final round of the chess tournament.", "en",
     "Zelensky beat Putin in the final round of the chess tournament.", "en"),
    ("Lukaschenko wurde im Finale von Paschinjan in drei Sätzen besiegt.", "de",
     "Paschinjan wurde im Finale von Lukaschenko in drei Sätzen besiegt.", "de"),
    # sue / verklagen, attack / angreifen, accuse / beschuldigen
    ("Die EU-Kommission hat Belarus vor dem Europäischen Gerichtshof verklagt.", "de",
     "Belarus has sued the European Commission at the European Court of Justice.", "en"),
    ("Armenien griff in der Nacht Aserbaidschan mit Drohnen an.", "de",
     "Azerbaijan attacked Armenia with drones overnight.", "en"),
    ("Kasachstan hat Kirgistan am Mittwoch beschuldigt, Migranten an die Grenze zu schleusen.", "de",
     "Kyrgyzstan accused Kazakhstan on Wednesday of pushing migrants to the border.", "en"),
    # a takeover: the buyer and the bought, companies no table knows, one of them first in its
    # sentence (named by the other claim), active and passive
    ("Der Softwarekonzern Telvora will den Rivalen Quandix für 4 Milliarden Euro übernehmen.", "de",
     "Quandix will den Softwarekonzern Telvora für 4 Milliarden Euro übernehmen.", "de"),
    ("The carmaker Renault has agreed to buy Nissan for 9 billion euros.", "en",
     "Der Autobauer Renault wurde für 9 Milliarden Euro von Nissan übernommen.", "de"),
    # a transfer: where the player goes and where he comes from
    ("Real Madrid signed the midfielder Jude Bellingham from Dortmund.", "en",
     "Dortmund signed the midfielder Jude Bellingham from Real Madrid.", "en"),
    ("Der Mittelfeldspieler Jude Bellingham wechselt von Dortmund zu Real Madrid.", "de",
     "Real Madrid sold Jude Bellingham to Dortmund.", "en"),
    # headlines in Title Case name no one; the clubs are the words in their slots
    ("Bayern Munich Signs Harry Kane From Tottenham", "en",
     "Tottenham Signs Harry Kane From Bayern Munich", "en"),
    ("Arsenal signed Declan Rice from West Ham.", "en", "West Ham signed Declan Rice from Arsenal.", "en"),
    # a stake one holds in the other, a bank named as one
    ("Die Sparkasse Telvora hat ihren Anteil an der Quandix Bank auf 12 Prozent erhöht.", "de",
     "Quandix has raised its stake in Telvora to 12 percent, the lender said.", "en"),
    ("Nordbank has raised its stake in Quandix to 30 percent, the lender said.", "en",
     "Quandix has raised its stake in Nordbank to 30 percent, the lender said.", "en"),
    # a place that describes a company (where it is from, an adjective) is not the company
    ("Der Konzern Telvora aus Dubai übernimmt den Kieler Werfthersteller Quandix.", "de",
     "Der Kieler Werfthersteller Quandix übernimmt den Konzern Telvora aus Dubai.", "de"),
]  # fmt: skip

SAME_ROLES = [
    ("Putin hat Medwedew als Regierungschef abgelöst.", "de",
     "Medvedev was replaced by Putin as head of government.", "en"),
    ("Medwedew wurde von Putin als Regierungschef abgelöst.", "de",
     "Putin replaced Medvedev as head of government.", "en"),
    ("Zelensky lost to Putin in the final round of the chess tournament.", "en",
     "Putin defeated Zelensky in the final round of the chess tournament.", "en"),
    ("Der Sejm wählte Putin zum Nachfolger von Medwedew.", "de",
     "Parliament elected Putin to succeed Medvedev.", "en"),
    # a source is not a doer: "nach Angaben von Tokajew" names who said it
    ("Nach Angaben von Präsident Tokajew haben Banditen die Stadt Almaty angegriffen.", "de",
     "Tokayev said bandits had attacked Almaty.", "en"),
    ("Belarus wurde von der EU-Kommission vor dem Europäischen Gerichtshof verklagt.", "de",
     "The European Commission has sued Belarus at the European Court of Justice.", "en"),
    ("Der Autobauer Renault übernimmt den Rivalen Nissan.", "de",
     "Nissan is being taken over by the carmaker Renault.", "en"),
    ("Der Kunststoffhersteller Quandix wird vom Ölkonzern Telvora übernommen.", "de",
     "The oil company Telvora has agreed to buy German plastics maker Quandix.", "en"),
    ("Jude Bellingham wechselt von Dortmund zu Real Madrid.", "de",
     "Real Madrid have signed Jude Bellingham from Dortmund.", "en"),
    ("Dortmund hat Jude Bellingham an Real Madrid verkauft.", "de",
     "Jude Bellingham joined Real Madrid from Dortmund for a fee of about 100 million euros.", "en"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "la", "b", "lb"), REVERSED)
def test_a_reversed_role_is_a_conflict(a, la, b, lb):
    pa, pb = prepare(a, la), prepare(b, lb)
    found = [r for _, rs in conflicts(pa, pb) for r in rs if r["code"] == "conflict.role"]
    assert len(found) == 1
    (x, y) = found[0]["sides"]
    assert x == y[::-1] or None in x + y  # the same two, the other way round
    assert any(c.startswith("role: ") for c in find_conflicts(pa, pb))
    assert find_conflicts(pa, pb) == find_conflicts(pb, pa)  # symmetric
    assert describe(found[0]).startswith("role: ")


@pytest.mark.parametrize(("a", "la", "b", "lb"), SAME_ROLES)
def test_the_same_roles_in_another_voice_or_language_agree(a, la, b, lb):
    pa, pb = prepare(a, la), prepare(b, lb)
    assert not [c for c in find_conflicts(pa, pb) if c.startswith("role")]


@pytest.mark.parametrize(("a", "la", "b", "lb"), SAME_ROLES[-4:])
def test_a_takeover_or_transfer_told_two_ways_is_the_same_role(a, la, b, lb):
    """Buyer and bought, or the club a player joins and the one he leaves, read alike from
    active, passive, "from"/"von", "to"/"zu" and "sold to": evidence, not only no conflict."""
    from claimtrack.matching.roles import role_agreement

    assert role_agreement(prepare(a, la), prepare(b, lb))


def test_a_reversed_role_is_never_same_with_the_real_embedding():
    model = get_embedder()
    a = "Putin hat Medwedew als Regierungschef abgelöst."
    b = "Medwedew hat Putin als Regierungschef abgelöst."
    va, vb = model.embed([a, b])
    result = compare(prepare(a, "de"), prepare(b, "de"), cosine=float(va @ vb), model=model.name)
    assert result.kind is Kind.VARIANT
    assert any(r["code"] == "conflict.role" for r in result.reasons)


HAPPENED = [
    # what happened (arrested = detained) to whom (Masimov), no figure: same
    ("The former security chief Masimov was arrested in the capital on suspicion of treason, "
     "prosecutors said.", "en",
     "Investigators said they had detained Masimov, who headed the security committee until "
     "January, on treason charges.", "en"),
    # a speaker who speaks of himself ("sagte Tokajew, er habe ...") is the doer
    ("Präsident Tokajew hat nach eigenen Worten den Befehl gegeben, ohne Vorwarnung zu schießen.", "de",
     "Tokajew sagte im Fernsehen, er habe angeordnet, ohne Warnung das Feuer zu eröffnen.", "de"),
    ("Elon Musk was sued by the US securities regulator over his Twitter share purchases.", "en",
     "The SEC has filed a lawsuit against Elon Musk, alleging he failed to disclose his early "
     "Twitter stake in time.", "en"),
]  # fmt: skip

NOT_THE_SAME_DEED = [
    # the resignation is Truss's, the one named nearest to it
    ("Rishi Sunak ist als Vorsitzender der Konservativen zurückgetreten.", "de",
     "Rishi Sunak hatte die Partei nach dem Rücktritt von Liz Truss übernommen.", "de"),
    # Musk speaks about the lawsuit: a speaker is no doer
    ("Elon Musk was sued by the US securities regulator over his Twitter share purchases.", "en",
     "Elon Musk said the lawsuit by the securities regulator was a disgrace.", "en"),
    # Trump's lawyers are not Trump
    ("Donald Trump was convicted of falsifying business records in New York.", "en",
     "Donald Trump's lawyers asked the judge to set aside the conviction.", "en"),
]  # fmt: skip


def _decided(a: str, la: str, b: str, lb: str):
    model = get_embedder()
    pa, pb = prepare(a, la), prepare(b, lb)
    va, vb = model.embed([a, b])
    return gather(pa, pb), compare(pa, pb, cosine=float(va @ vb), model=model.name)


@pytest.mark.parametrize(("a", "la", "b", "lb"), HAPPENED)
def test_the_same_happening_to_the_same_named_actor_is_same(a, la, b, lb):
    ev, result = _decided(a, la, b, lb)
    assert ev.deeds
    assert result.kind is Kind.SAME, result.features
    assert any(r["code"] == "agree.deed" for r in result.reasons)


@pytest.mark.parametrize(("a", "la", "b", "lb"), NOT_THE_SAME_DEED)
def test_a_happening_tied_to_someone_else_is_no_evidence(a, la, b, lb):
    ev, result = _decided(a, la, b, lb)
    assert set(ev.happenings)  # both name the happening ...
    assert not ev.deeds  # ... but not of the same actor
    assert result.kind is not Kind.SAME


def test_taking_an_order_back_contradicts_giving_it():
    _, result = _decided(
        "Präsident Tokajew hat den Sicherheitskräften befohlen, ohne Vorwarnung zu schießen.", "de",
        "Tokajew hat den Befehl zum Schießen inzwischen zurückgenommen, sagte sein Sprecher.", "de",
    )  # fmt: skip
    assert "polarity: negation" in result.conflicts


def test_the_same_roles_are_evidence_even_between_countries():
    ev = gather(
        prepare("Kasachstan hat Kirgistan am Mittwoch beschuldigt, Migranten zu schleusen.", "de"),
        prepare("Kyrgyzstan was accused by Kazakhstan on Wednesday of smuggling migrants.", "en"),
    )
    assert ev.roles == (("accuse", "kazakhstan", "kyrgyzstan"),)


@pytest.mark.parametrize(
    "text",
    [
        "Beim Einsturz der Brücke sind sechs Arbeiter ums Leben gekommen, die zum Zeitpunkt des "
        "Unglücks Schlaglöcher ausbesserten.",
        "Beim Brand in der Fabrik wurden Arbeiter verletzt.",
    ],
)
def test_capitalised_nouns_are_no_actors(text):
    p = prepare(text)
    assert p.persons  # the name finder takes the capitals for a name ...
    assert not _actors(p)  # ... the happening path does not


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Polizei hat Tokajew Nasarbajew abgelöst.", [("tokayev", "nazarbayev")]),
        ("According to Tokayev, Nazarbayev replaced Putin.", [("nazarbayev", "putin")]),
        ("Tokajew zufolge hat Putin Nasarbajew abgelöst.", [("putin", "nazarbayev")]),
        ("Nach Angaben von Präsident Tokajew haben Banditen Almaty angegriffen.", []),
    ],
)
def test_a_source_is_no_doer(text, expected):
    p = prepare(text)
    found = [(r.agent, r.patient) for r in roles(p, participants(p)) if r.agent]
    assert found == expected


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "clash"),
    [
        # another buyer of the same company
        ("Der Stahlkonzern Telvora übernimmt den Rivalen Quandix für 4 Milliarden Euro.", "de",
         "The steelmaker Orvana has agreed to buy Quandix for 4 billion euros.", "en", True),
        # the same buyer, named a second time as the source: no other doer
        ("The steelmaker Orvana has agreed to buy Quandix, Telvora reported.", "en",
         "Telvora said the steelmaker Orvana would buy Quandix.", "en", False),
        # a capital stands for its country
        ("Poland accused Belarus on Wednesday of pushing migrants to the border.", "en",
         "Warsaw on Wednesday accused Belarus of pushing migrants to the border.", "en", False),
    ],
)  # fmt: skip
def test_another_doer_of_the_same_deed_to_the_same_one_conflicts(a, la, b, lb, clash):
    found = [c for c in find_conflicts(prepare(a, la), prepare(b, lb)) if c.startswith("role")]
    assert bool(found) is clash, found
