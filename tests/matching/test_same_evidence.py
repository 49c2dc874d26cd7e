"""Agreement between two outlets' wording of one fact: figures whose counted noun is written in
other words, detail one claim adds, weekdays both name, and happenings told in other words."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind, compare
from claimtrack.matching.events import happenings
from claimtrack.matching.evidence import gather
from claimtrack.matching.prepare import prepare
from tests.matching.embedded_pairs import compare_both


def _gather(a: str, la: str, b: str, lb: str):
    pa, pb = prepare(a, la), prepare(b, lb)
    return gather(pa, pb), gather(pb, pa)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Im Stadtrat stimmten 29 Mitglieder für den Antrag der Grünen.", "de",
         "29 councillors voted for the Greens' motion.", "en"),
        ("Nach dem Streit um die Gebühren traten 143 Abgeordnete aus der Fraktion aus.", "de",
         "143 Parlamentarier verließen nach dem Streit um die Gebühren die Fraktion.", "de"),
    ],
)  # fmt: skip
def test_a_figure_counted_in_other_words_agrees_on_its_value(a, la, b, lb):
    ab, ba = _gather(a, la, b, lb)
    assert len(ab.values) == len(ba.values) == 1
    assert ab.unmatched_figures == ba.unmatched_figures == 0


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # the unit written once for two figures
        ("Das Rentenalter in Italien soll von 67 auf 69 Jahre steigen.", "de",
         "Italy plans to raise the retirement age from 67 to 69.", "en"),
        # one length in two units
        ("Der neue Tunnel ist 4,5 Kilometer lang.", "de",
         "The new tunnel is 4,500 metres long.", "en"),
    ],
)  # fmt: skip
def test_one_figure_in_two_notations_is_no_unmatched_figure(a, la, b, lb):
    ab, ba = _gather(a, la, b, lb)
    assert ab.unmatched_figures == ba.unmatched_figures == 0
    assert ab.values


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Wegen des Sturms hat die Bahn am Donnerstag mehr als 400 Züge gestrichen, rund 80.000 "
         "Reisende saßen fest.", "de",
         "Mehr als 400 Zugverbindungen der Bahn fielen am Donnerstag wegen des Sturms aus.", "de"),
        ("The airline cancelled 250 flights on Monday, stranding some 30,000 travellers.", "en",
         "250 flights were cancelled by the airline on Monday because of the storm.", "en"),
    ],
)  # fmt: skip
def test_a_figure_one_claim_adds_to_the_others_is_detail(a, la, b, lb):
    ab, ba = _gather(a, la, b, lb)
    assert ab.extra_figures == ba.extra_figures == 1
    assert ab.unmatched_figures == ba.unmatched_figures == 0


def test_a_figure_that_may_count_another_fate_adds_no_detail():
    # one says what happened to the twelve, the other tells it in words the reader may not know:
    # neither the value nor the other claim's figure counts as agreement
    ab, ba = _gather(
        "Bei dem Lawinenunglück in den Alpen wurden zwölf Bergsteiger getötet.", "de",
        "All twelve climbers caught by the avalanche in the Alps were dug out alive after "
        "three hours.", "en",
    )  # fmt: skip
    assert ab.values == ba.values == ()
    assert ab.extra_figures == 0 and ab.unmatched_figures == ba.unmatched_figures == 1


def test_a_weekday_both_name_for_the_happening_is_a_shared_date():
    ab, _ = _gather(
        "The museum in Lyon was closed on Thursday after a burst pipe flooded its basement.", "en",
        "Das Museum in Lyon blieb am Donnerstag nach einem Rohrbruch geschlossen.", "de",
    )  # fmt: skip
    assert "weekday thursday" in ab.dates
    said, _ = _gather(
        "The museum in Lyon was closed after a burst pipe, the city said on Thursday.", "en",
        "Das Museum in Lyon ist nach einem Rohrbruch geschlossen, teilte die Stadt am "
        "Donnerstag mit.", "de",
    )  # fmt: skip
    assert not any(d.startswith("weekday") for d in said.dates)  # the statement's day


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "surname"),
    [
        ("Bundeskanzlerin Angela Merkel besuchte am Montag die Flutgebiete in der Eifel.", "de",
         "Kanzlerin Merkel hat sich am Montag in der Eifel ein Bild von der Lage gemacht.", "de",
         "merkel"),
        ("Prime Minister Keir Starmer visited the flooded towns in Yorkshire on Friday.", "en",
         "On Friday Starmer toured flooded towns in Yorkshire.", "en", "starmer"),
    ],
)  # fmt: skip
def test_a_person_named_in_full_and_by_the_surname_alone_is_one_person(a, la, b, lb, surname):
    ab, ba = _gather(a, la, b, lb)
    assert surname in ab.persons and surname in ba.persons


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Die Piloten sind am Montag in den Streik getreten.", "strike"),
        ("Das Pflegepersonal legte am Montag die Arbeit nieder.", "strike"),
        ("Nurses walked off the job on Monday.", "strike"),
        ("Dockers went on strike over pay.", "strike"),
        ("Das Konzert wurde kurzfristig abgesagt.", "cancel"),
        ("More than 300 trains were scrapped.", "cancel"),
        ("Der Verdächtige sitzt in Untersuchungshaft.", "arrest"),
        ("Die Regierung wurde durch ein Misstrauensvotum gestürzt.", "collapse"),
        ("Parliament toppled the government.", "collapse"),
        ("Der Präsident hat das Land verlassen.", "flee"),
        ("The president left the country on Sunday.", "flee"),
        ("Die Regierung hat für die Küstenregion den Notstand ausgerufen.", "emergency"),
        ("The governor declared a state of emergency for the coast.", "emergency"),
        ("Beim Kentern eines Fischerboots vor Korsika ertranken zwei Männer.", "capsize"),
        ("Ein Teil der Lagerhalle ist in den Fluss gestürzt.", "collapse"),
        ("Der vermisste Wanderer wurde tot in einer Schlucht gefunden.", "found_dead"),
        ("Rettungskräfte bargen den Mann leblos aus dem Wasser.", "found_dead"),
        ("The missing hiker was found dead near the lake.", "found_dead"),
        ("The body of the missing hiker was recovered from the lake.", "found_dead"),
        ("Der Modekonzern hat beim Amtsgericht Insolvenz angemeldet.", "insolvency"),
        ("The airline filed for bankruptcy on Tuesday.", "insolvency"),
        ("The steelmaker sought creditor protection in a Delaware court.", "insolvency"),
        ("Nach einem Stromausfall saßen Tausende in der U-Bahn fest.", "outage"),
        ("A blackout left the island without electricity for hours.", "outage"),
    ],
)
def test_happenings_told_in_other_words(text, event):
    assert event in happenings(prepare(text).norm)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Bei einer Razzia gegen Drogenhändler hat die Polizei in Bremen am Dienstag 17 "
         "Verdächtige festgenommen, wie die Staatsanwaltschaft mitteilte.", "de",
         "17 mutmaßliche Dealer sitzen in Bremen in Untersuchungshaft.", "de"),
        ("Some 4,500 bus drivers in Manchester went on strike on Monday over pay, the union "
         "said.", "en",
         "About 4,500 staff of the city's bus operator walked off the job in Manchester on "
         "Monday in a dispute over wages.", "en"),
    ],
)  # fmt: skip
def test_one_figure_and_one_happening_told_in_other_words_is_the_same_claim(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert ab.kind is Kind.SAME, (ab.score, ab.conflicts, ab.features)
    assert (ab.score, ab.kind) == (ba.score, ba.kind)


@pytest.mark.parametrize("cosine", [0.86, 0.9])
def test_the_facts_agree_whichever_claim_names_what_happened_to_those_counted(cosine):
    # one claim says the people were injured, the other only counts people: "the facts agree"
    # must not depend on which claim comes first
    a = prepare("More than 4,500 people were injured in the riots, the health ministry said.", "en")
    b = prepare("The health ministry counted 4,578 people in hospitals after the riots.", "en")
    ab = compare(a, b, cosine=cosine, model="e5-small")
    ba = compare(b, a, cosine=cosine, model="e5-small")
    assert (ab.score, ab.kind) == (ba.score, ba.kind)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Half a million people marched through Madrid on Saturday against the housing "
         "shortage.", "en",
         "In Madrid sind am Samstag 500.000 Menschen gegen die Wohnungsnot auf die Straße "
         "gegangen.", "de"),
        ("Nach Angaben des Innenministeriums haben am Donnerstag über 1,1 Millionen Franzosen "
         "gegen die Rentenreform protestiert.", "de",
         "Mehr als 1,1 Millionen Menschen sind in Frankreich gegen die Anhebung des Rentenalters "
         "auf die Straße gegangen, teilte das Innenministerium mit.", "de"),
        ("Trains were running again on almost all of the network by Friday, the operator said.",
         "en",
         "The operator said 98 percent of the rail network was running again by Friday.", "en"),
        ("Jeder fünfte Erwachsene in Deutschland raucht, wie das Statistische Bundesamt "
         "mitteilte.", "de",
         "One in five adults in Germany smokes, the Federal Statistical Office said.", "en"),
    ],
)  # fmt: skip
def test_a_figure_written_another_way_is_the_same_claim(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert not ab.conflicts and not ba.conflicts, (ab.conflicts, ab.features)
    assert ab.kind is Kind.SAME, (ab.score, ab.features)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Eine Monatskarte im Nahverkehr kostet ab März 89 Euro statt bisher 79 Euro.", "de",
         "The monthly public transport pass will stay at 79 euros from March, the city said.",
         "en"),
        ("The minimum wage will rise to 13.50 euros an hour in January, up from 12.82 euros.",
         "en",
         "The minimum wage remains at 12.82 euros an hour in January, the commission decided.",
         "en"),
    ],
)  # fmt: skip
def test_a_value_before_a_change_is_not_the_value_now(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert ab.kind is not Kind.SAME and ba.kind is not Kind.SAME, (ab.score, ab.features)


def test_the_value_before_a_change_both_state_is_no_clash():
    ab, _ = _gather(
        "Der Mindestlohn steigt im Januar von 12,82 Euro auf 13,50 Euro pro Stunde.", "de",
        "The minimum wage rises from 12.82 euros to 13.50 euros an hour in January.", "en",
    )  # fmt: skip
    assert not ab.former_clash
