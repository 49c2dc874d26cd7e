"""Search "has this been checked?": the matcher ranks published claims for any text, so reworded,
German or English versions of a checked claim are found (claimtrack.services.matching)."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from claimtrack.services.errors import ValidationError
from claimtrack.services.matching import match as matching
from claimtrack.services.publication import bundles as publication
from claimtrack.web.dbsession import db_session
from claimtrack.web.messages import error_text
from claimtrack.web.public.forms import SearchForm
from claimtrack.web.public.pages import bp

MAX_RESULTS = 20
CONFLICT_NAMES = {
    "figure": _l("figure"),
    "city": _l("city"),
    "country": _l("country"),
    "region": _l("region"),
    "date": _l("date"),
    "person": _l("person"),
    "polarity": _l("negation"),
}


def describe_conflict(conflict: str) -> str:
    """ "figure: 2000 vs 4000" in the reader's language ("Zahl: 2000 vs 4000")."""
    name, _sep, detail = conflict.partition(": ")
    label = CONFLICT_NAMES.get(name)
    return f"{label}: {detail}" if label is not None and detail else conflict


@bp.get("/search")
def search() -> ResponseReturnValue:
    form = SearchForm(request.args, meta={"csrf": False})
    results: list[tuple[publication.PublishedVerdict, matching.MatchResult, list[str]]] = []
    searched = bool(request.args.get("q"))
    if searched and form.validate():
        session = db_session()
        try:
            hits = matching.search_text(
                session, form.q.data or "", limit=MAX_RESULTS, published_only=True
            )
        except ValidationError as exc:
            form.q.errors = [*form.q.errors, error_text(exc)]
            hits = []
        bundles = {
            b.claim.id: b
            for b in publication.load_bundles(session, [h.claim_id for h in hits], summary=True)
        }
        results = [
            (bundles[h.claim_id], h, [describe_conflict(c) for c in h.conflicts])
            for h in hits
            if h.claim_id in bundles
        ]
    status = 422 if form.q.errors and searched else 200
    html = render_template(
        "public/search.html",
        form=form,
        results=results,
        searched=searched,
    )
    return html, status
