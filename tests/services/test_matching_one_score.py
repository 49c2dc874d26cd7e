"""One score everywhere (issue 10, item 4): a pair of texts gets the same score and kind from
`matching compare`, `claimtrack match`, the search behind the reader page, the partner API and
intake (``search_text``), the workbench's suggested link and the claim's own "similar claims"
(``suggest_matches``) — real model, real database."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from claimtrack.cli import main
from claimtrack.matching.pair import compare_texts
from claimtrack.models import ClaimLink
from claimtrack.services.matching import admin as admin_matching
from claimtrack.services.matching import match as matching
from tests.factories import make_claim

# (stored claim, its language, the other text, its language): a translation, a paraphrase from
# another outlet, a variant (another figure) and a related claim.
PAIRS = [
    ("Die Entsendung von OVKS-Truppen nach Kasachstan war nach internationalem Recht illegal.", "de",
     "The deployment of CSTO troops to Kazakhstan was illegal under international law.", "en"),
    ("Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen ums Leben gekommen.",
     "de", "Die Zahl der Todesopfer der Unruhen in Kasachstan ist auf 225 gestiegen.", "de"),
    ("Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen.", "de",
     "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.700 Menschen festgenommen.", "de"),
    ("Demonstranten haben den Flughafen von Almaty besetzt und Flugzeuge beschädigt.", "de",
     "Protesters in Almaty set fire to the mayor's office during the unrest.", "en"),
]  # fmt: skip


def _cli_json(runner, app, *args):
    out = runner.invoke(main, list(args), obj={"app": app}, catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


@pytest.mark.parametrize(("stored_text", "stored_lang", "text", "lang"), PAIRS)
def test_a_pair_gets_one_score_and_kind_on_every_screen(
    runner, app, session, users, stored_text, stored_lang, text, lang
):
    checker = users["fact_checker"]
    stored = make_claim(session, checker, stored_text, language=stored_lang)
    make_claim(session, checker, "Die Zentralbank hat den Leitzins auf 10,25 Prozent erhöht.")
    pair, note = compare_texts(stored_text, text)
    assert note is None  # the embedding took part
    expected = (pair.score, str(pair.kind))

    cli_compare = _cli_json(runner, app, "matching", "compare", text, stored_text, "--json")
    assert (cli_compare["score"], cli_compare["kind"]) == expected

    searched = {r.claim_id: r for r in matching.search_text(session, text, language=lang)}
    assert stored.id in searched, "the stored claim is found"
    assert (searched[stored.id].score, searched[stored.id].kind) == expected
    cli_match = {r["claim_id"]: r for r in _cli_json(runner, app, "match", text, "--json")}
    assert (cli_match[stored.id]["score"], cli_match[stored.id]["kind"]) == expected

    # the text saved as a claim: its suggested link (the workbench) and its similar claims
    other = make_claim(session, checker, text, language=lang)
    similar = {r.claim_id: r for r in matching.suggest_matches(session, other.id)}
    assert (similar[stored.id].score, similar[stored.id].kind) == expected
    session.expire_all()
    a, b = sorted((stored.id, other.id))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b)
    ).first()
    if link is not None:  # only pairs above the suggestion threshold are proposed
        assert (link.score, link.kind) == expected


def test_a_desk_alias_gives_one_score_in_compare_and_in_search(runner, app, session, users):
    """`matching compare` prepares the texts with the store's alias table (shipped + desk), as
    search, intake and `claimtrack match` do: a desk alias moves the score the same everywhere."""
    admin_matching.add_alias(session=session, actor=users["admin"], spelling="Akorda",
                             canonical="Präsidialverwaltung")  # fmt: skip
    stored_text = "Die Präsidialverwaltung in Astana hat den Ausnahmezustand über Almaty verhängt."
    text = "Die Akorda in Astana hat den Ausnahmezustand über Almaty verhängt."
    stored = make_claim(session, users["fact_checker"], stored_text)
    shipped_only, _ = compare_texts(text, stored_text)
    with_desk, _ = matching.compare_in_store(session, text, stored_text)
    # the desk's alias takes part: the wording agrees more ("Akorda" reads as the office). The
    # score itself may be capped at 100 either way: both name Astana, Almaty and "verhängt".
    assert with_desk.features["similarity"] > shipped_only.features["similarity"]
    expected = (with_desk.score, str(with_desk.kind))

    cli_compare = _cli_json(runner, app, "matching", "compare", text, stored_text, "--json")
    assert cli_compare["aliases"] == "store"
    assert (cli_compare["score"], cli_compare["kind"]) == expected
    searched = {r.claim_id: r for r in matching.search_text(session, text)}
    assert (searched[stored.id].score, searched[stored.id].kind) == expected
    cli_match = {r["claim_id"]: r for r in _cli_json(runner, app, "match", text, "--json")}
    assert (cli_match[stored.id]["score"], cli_match[stored.id]["kind"]) == expected
