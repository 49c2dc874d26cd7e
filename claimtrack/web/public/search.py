"""Search "has this been checked?": the matcher ranks published claims for any text, so reworded,
German or English versions of a checked claim are found (claimtrack.services.matching)."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue

from claimtrack.services.errors import ValidationError
from claimtrack.services.matching import match as matching
from claimtrack.services.publication import bundles as publication
from claimtrack.web.dbsession import db_session
from claimtrack.web.match_reasons import Line, stored_conflict_lines
from claimtrack.web.messages import error_text
from claimtrack.web.public.forms import SearchForm
from claimtrack.web.public.pages import bp

MAX_RESULTS = 20


@bp.get("/search")
def search() -> ResponseReturnValue:
    form = SearchForm(request.args, meta={"csrf": False})
    results: list[tuple[publication.PublishedVerdict, matching.MatchResult, list[Line]]] = []
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
            (bundles[h.claim_id], h, stored_conflict_lines(h.features))
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
