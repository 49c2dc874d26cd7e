"""Who did what to whom (``matching.roles``): a reversed role is a conflict, the same roles told in
another voice or language are not; and what happened to a named actor agreeing is evidence for
*same* (``matching.events``). Sentences written for these tests, not taken from the pair sets."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind, compare, find_conflicts
from claimtrack.matching.embedding import get_embedder
from claimtrack.matching.evidence import gather
from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts, describe

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
    ("Präsident Tokajew hat nach eigenen Worten den Befehl gegeben, ohne Vorwarnung zu schießen.", "de",
     "Tokajew sagte im Fernsehen, er habe angeordnet, ohne Warnung das Feuer zu eröffnen.", "de"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "la", "b", "lb"), HAPPENED)
def test_the_same_happening_to_the_same_named_actor_is_same(a, la, b, lb):
    model = get_embedder()
    pa, pb = prepare(a, la), prepare(b, lb)
    assert gather(pa, pb).happenings
    va, vb = model.embed([a, b])
    result = compare(pa, pb, cosine=float(va @ vb), model=model.name)
    assert result.kind is Kind.SAME, result.features
    assert any(r["code"] == "agree.happening" for r in result.reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same actor, another happening: no evidence
        ("Masimov was arrested on suspicion of treason.", "Masimov was released on bail."),
        # the same happening, no named actor in common: no evidence for this path
        ("Hundreds of protesters were detained in the capital.", "Police detained Masimov."),
    ],
)
def test_the_happening_path_needs_both_the_happening_and_the_actor(a, b):
    ev = gather(prepare(a, "en"), prepare(b, "en"))
    assert not (ev.happenings and (ev.persons or ev.entities))
