"""A weekday with the part of the day written onto it ("am Dienstagabend") is that weekday; a
refusal in the gerund ("refusing to") denies as "refused to" does."""

from __future__ import annotations

from claimtrack.matching.guards import weekdays
from claimtrack.text.polarity import polarity, polarity_clash
from tests.matching.conflict_aspects import has_conflict as _has


def test_a_weekday_with_its_part_of_the_day_is_the_weekday():
    assert weekdays("die rakete ist am dienstagabend gestartet") == {"tuesday"}
    assert weekdays("am samstagmorgen wurde gewaehlt") == {"saturday"}
    assert _has("Die Fähre ist am Montagabend in Kiel ausgelaufen.",
                "Die Fähre ist am Freitagabend in Kiel ausgelaufen.", "date")  # fmt: skip
    assert not _has("Die Fähre ist am Montagabend in Kiel ausgelaufen.",
                    "The ferry left Kiel on Monday evening.", "date")  # fmt: skip


def test_refusing_to_denies_as_refused_to_does():
    b = polarity("The minister was sacked after refusing to testify.")
    c = polarity("The minister was sacked after he refused to testify.")
    assert b.negated and c.negated
    assert polarity_clash(b, c) is None
    german = polarity("Die Läuferin wurde vom Rennen ausgeschlossen, weil sie in Jeans antrat.")
    english = polarity("The runner was disqualified from the race after refusing to change.")
    assert polarity_clash(german, english) is None
