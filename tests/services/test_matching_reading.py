"""The index records which reading of the claims it holds; a new alias, a new release or an
index from before the record asks for a rebuild (SQLite and PostgreSQL)."""

from __future__ import annotations

from claimtrack.cli import main
from claimtrack.matching import rules
from claimtrack.models import MatchRules
from claimtrack.services.matching import admin as matching_admin
from claimtrack.services.matching import reading
from tests.factories import make_claim

TEXT = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."


def test_an_index_holds_todays_reading_until_an_alias_or_the_rules_change(
    session, users, monkeypatch
):
    assert reading.index_reading(session).current  # nothing indexed yet
    make_claim(session, users["fact_checker"], TEXT)
    state = reading.index_reading(session)
    assert state.current and state.claims == 1 and state.recorded_at is not None

    matching_admin.add_alias(session=session, actor=users["admin"], spelling="Akorda",
                             canonical="Präsidialverwaltung", kind="org")  # fmt: skip
    session.commit()
    assert not reading.index_reading(session).current  # stored claims were read without it
    matching_admin.rebuild_index(session=session, actor=users["admin"])
    session.commit()
    assert reading.index_reading(session).current

    monkeypatch.setattr(rules, "_reading_digest", lambda: "a release that reads otherwise")
    assert not reading.index_reading(session).current


def test_an_index_from_before_the_record_asks_for_a_rebuild(session, users, runner, app):
    make_claim(session, users["fact_checker"], TEXT)
    session.delete(session.get(MatchRules, 1))
    session.commit()
    assert not reading.index_reading(session).current

    said = runner.invoke(main, ["init"], obj={"app": app}, catch_exceptions=False).output
    assert "rebuild it with `claimtrack matching reindex`" in said
    matching_admin.rebuild_index(session=session, actor=users["admin"])
    session.commit()
    said = runner.invoke(main, ["init"], obj={"app": app}, catch_exceptions=False).output
    assert "Database ready" in said and "reindex" not in said
