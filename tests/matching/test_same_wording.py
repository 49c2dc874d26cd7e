"""One fact from two outlets in other words (issue 10): a figure that says what it measures, the
happening told with another verb, a span of years one outlet adds as background, and a person the
other claim names only as a possessor."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind, compare
from claimtrack.matching.events import happenings
from claimtrack.matching.evidence import gather
from claimtrack.matching.prepare import prepare
from claimtrack.text.numbers import find_figures
from tests.matching.embedded_pairs import compare_both


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Der Autozulieferer will bis 2027 weltweit 4.500 Stellen abbauen, teilte das "
         "Unternehmen mit.", "de",
         "Bei dem Zulieferer fallen in den nächsten drei Jahren 4.500 Arbeitsplätze weg.", "de"),
        ("Die Arbeitslosenquote in Spanien ist im zweiten Quartal auf 11,3 Prozent gefallen.", "de",
         "Spaniens Quote lag zwischen April und Juni bei 11,3 Prozent, so niedrig wie seit 2008 "
         "nicht mehr, teilte das Statistikamt INE mit.", "de"),
        ("The chipmaker posted a net loss of 1.6 billion dollars in the second quarter.", "en",
         "The company swung into the red in the April-June period, losing 1.6 billion dollars, "
         "as demand for PC chips slumped.", "en"),
    ],
)  # fmt: skip
def test_a_figure_that_says_what_it_measures_is_the_claims_fact(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert not ab.conflicts, ab.conflicts
    assert ab.kind is Kind.SAME, (ab.score, ab.features)
    assert (ab.score, ab.kind) == (ba.score, ba.kind)


def test_a_measured_figure_on_sentences_far_apart_is_not_enough():
    a = prepare("Die Industrieproduktion ist im Oktober um 1,2 Prozent gesunken.", "de")
    b = prepare("Die Gewerkschaft fordert für die Beschäftigten 1,2 Prozent mehr Lohn.", "de")
    assert compare(a, b, cosine=0.86, model="e5-small").kind is not Kind.SAME


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The prime minister will step down once a successor is chosen.", "resign"),
        ("He said he was stepping down as party leader.", "resign"),
        ("A ship struck the bridge, bringing the span crashing into the river.", "collapse"),
        ("The opposition leader died in hospital on Friday.", "kill"),
        ("Bei dem Unglück sind zwölf Menschen ums Leben gekommen.", "kill"),
        ("Der frühere Minister ist im Alter von 90 Jahren gestorben.", "kill"),
        ("Die Küstenwache hat den Frachter im Hafen festgesetzt.", "arrest"),
        ("Police seized the cargo ship on suspicion of smuggling.", "arrest"),
        ("Der Ministerpräsident tritt zurück, teilte die Staatskanzlei mit.", "resign"),
        ("Die Ministerin hat ihr Amt niedergelegt.", "resign"),
        ("The chairman stood down after the vote.", "resign"),
        ("Der Präsident hat den Geheimdienstchef abgesetzt.", "dismiss"),
        ("Der Bürgermeister wurde seines Amtes enthoben.", "dismiss"),
        ("Der Konzernchef muss gehen, wie das Unternehmen mitteilte.", "dismiss"),
        ("The governor was removed from office by the legislature.", "dismiss"),
        ("Three climbers lost their lives on the mountain.", "kill"),
        ("Der Sänger ist im Alter von 81 Jahren verstorben.", "kill"),
        ("A gunman opened fire, wounding the senator in the arm.", "injure"),
        ("Der Politiker wurde bei dem Angriff am Kopf verletzt.", "injure"),
    ],
)
def test_the_happening_told_with_another_verb(text, event):
    assert event in happenings(prepare(text).norm)


def test_fled_abroad_is_no_removal():
    assert happenings(prepare("Der Präsident hat sich nach Moskau abgesetzt.").norm) == {"flee"}


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("He led the party for more than three decades.", "en", 30.0),
        ("Sie stand zwei Jahrzehnte an der Spitze des Verbands.", "de", 20.0),
    ],
)
def test_decades_are_a_span_of_years(text, lang, value):
    (f,) = find_figures(text, lang)
    assert (f.value, f.unit) == (value, "years")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bei dem Konzern sollen rund 3.000 der derzeit 12.000 Stellen wegfallen.", "de"),
        ("The carmaker will cut 3,000 of its current 12,000 jobs.", "en"),
    ],
)
def test_a_part_of_a_whole_counts_what_the_whole_counts_past_an_adverb(text, lang):
    part, whole = find_figures(text, lang)
    assert part.counted == whole.counted == "jobs"


def test_a_span_of_years_one_outlet_adds_is_background():
    a = prepare("The opposition leader was killed in an air strike on the capital.", "en")
    b = prepare("The opposition leader, who led the party for two decades, died in the strike "
                "on the capital.", "en")  # fmt: skip
    ab, ba = gather(a, b), gather(b, a)
    assert ab.unmatched_figures == ba.unmatched_figures == 0
    assert ab.extra_figures == ba.extra_figures == 1


def test_a_span_of_hours_is_the_claims_figure():
    a = prepare("Die Gewerkschaft hat zu einem 50-stündigen Streik bei der Bahn aufgerufen.", "de")
    b = prepare("Die Bahn bietet wegen des Streiks einen Notfahrplan an.", "de")
    assert gather(a, b).unmatched_figures == 1


def test_a_person_named_only_as_a_possessor_is_no_shared_person():
    a = prepare("The militia confirmed that its leader Omar Haddad was killed in an air strike.",
                "en")  # fmt: skip
    b = prepare("The army said it had killed Samir Aziz, a senior commander, a day after Haddad's "
                "death.", "en")  # fmt: skip
    assert "person haddad" not in gather(a, b).names()
    assert "person haddad" not in gather(b, a).names()


def test_a_prison_term_is_the_claims_span_not_background():
    a = prepare("A court in Paris sentenced the former mayor to five years in prison for "
                "embezzlement on Tuesday.", "en")  # fmt: skip
    b = prepare("The former mayor was found guilty of embezzlement by a Paris court on Tuesday.",
                "en")  # fmt: skip
    assert gather(a, b).unmatched_figures == 1


def test_a_noun_as_one_claim_writes_it_is_no_measure():
    # the related claim repeats the figure in its background: the figure alone is not the fact
    a = prepare("Ein Wolf hat im Landkreis Cuxhaven in einer Nacht mehr als 40 Schafe gerissen, "
                "teilte das Umweltministerium mit.", "de")  # fmt: skip
    b = prepare("Das Land hat den Abschuss des Wolfs genehmigt, nachdem er mehr als 40 Schafe "
                "gerissen hatte.", "de")  # fmt: skip
    assert compare(a, b, cosine=0.9, model="e5-small").kind is not Kind.SAME


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("The floods have killed at least 150 people across three provinces, the disaster agency "
         "said.", "en",
         "The death toll from the floods rose to at least 150 on Tuesday, a third of them "
         "children.", "en"),
        ("Bei dem Erdrutsch in zwei Dörfern sind mindestens 30 Menschen ums Leben gekommen.", "de",
         "Die Zahl der Toten nach dem Erdrutsch stieg auf mindestens 30, rund 100 Häuser wurden "
         "verschüttet.", "de"),
    ],
)  # fmt: skip
def test_figures_each_outlet_adds_to_the_agreeing_toll_are_detail(a, la, b, lb):
    ab, ba = _gather(a, la, b, lb)
    assert ab.figure_event and ba.figure_event
    assert ab.unmatched_figures == ba.unmatched_figures == 0


def _gather(a: str, la: str, b: str, lb: str):
    pa, pb = prepare(a, la), prepare(b, lb)
    return gather(pa, pb), gather(pb, pa)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Im vergangenen Jahr wurden in Deutschland 291.955 Menschen eingebürgert, so viele wie "
         "nie zuvor.", "de",
         "Die Zahl der Einbürgerungen erreichte 2024 mit rund 292.000 einen Rekord, teilte das "
         "Statistische Bundesamt mit.", "de"),
        ("Last year 4,873 people were granted citizenship in the city, the highest number on "
         "record.", "en",
         "The city's naturalisations hit a record of almost 4,900 last year, officials said.",
         "en"),
    ],
)  # fmt: skip
def test_a_precise_figure_both_state_is_one_statistic(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert ab.kind is Kind.SAME, (ab.score, ab.features)
    assert (ab.score, ab.kind) == (ba.score, ba.kind)


def test_a_figure_repeated_in_a_background_phrase_is_not_the_claims_fact():
    ab, ba = compare_both(
        "Im vergangenen Jahr wurden in Deutschland 329.120 Asylanträge gestellt.", "de",
        "Die Union fordert angesichts von 329.120 Asylanträgen im vergangenen Jahr "
        "Zurückweisungen an den Grenzen.", "de",
    )  # fmt: skip
    assert ab.kind is not Kind.SAME and ba.kind is not Kind.SAME, (ab.score, ab.features)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a stem matches the start of a word: none may start a common word of another sense
        ("Dies teilte die Polizei mit; diese Zahl sei vorläufig.", "kill"),
        ("Der Minister tritt aber nicht zurück, sagte ein Sprecher.", "resign"),
    ],
)
def test_a_stem_is_not_the_start_of_another_word(text, event):
    assert event not in happenings(prepare(text).norm)
