"""Reader pages (no login): home with filters, verdict pages with ClaimReview, methodology, corrections.

The feed, the rating stylesheet, search and error reports hang on the same blueprint from the
`public_*` modules imported at the bottom. Verdict and list pages answer conditional requests: their
validators change on publication, correction and withdrawal (see `caching`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from sqlmodel import Session as DbSession
from wtforms.fields.choices import SelectChoice

from claimtrack import markdown
from claimtrack.models import ClaimStatus
from claimtrack.publishing import charts as figures
from claimtrack.publishing.claimreview import Site, claim_review
from claimtrack.services.errors import NotFound
from claimtrack.services.publication import bundles as publication
from claimtrack.services.publication import lists as publication_lists
from claimtrack.web.choices import STATUS_LABELS
from claimtrack.web.dbsession import db_session
from claimtrack.web.i18n import current_lang
from claimtrack.web.public import render_cache
from claimtrack.web.public.caching import conditional, page_validators, site_validators, vary_key
from claimtrack.web.public.forms import FilterForm, ReportForm
from claimtrack.web.site import public_site
from claimtrack.workflow import allowed_targets

bp = Blueprint("public", __name__)
PAGE_SIZE = 20


def current_site() -> Site:
    """Organisation and base URL from config (PUBLIC_BASE_URL, else this request's root)."""
    return public_site()


def jsonld(data: dict[str, Any]) -> Markup:
    """JSON for a `<script type="application/ld+json">` body: Jinja's `tojson` escaping (`<`, `>`,
    `&`, `'` as \\u sequences), so no stored text can close the script element."""
    return htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=True)


@bp.app_template_filter("markdown")
def markdown_filter(text: str | None) -> Markup:
    return markdown.render(text)


@bp.app_template_test("safe_href")
def safe_href(url: str | None) -> bool:
    """Only absolute http(s) links reach an `href` (stored URLs are checked on save as well)."""
    return markdown.safe_link(url) and not str(url).lower().startswith("mailto:")


@bp.get("/")
def index() -> ResponseReturnValue:
    return site_page("home", request.query_string.decode("latin-1"), _render_index)


def site_page(
    page: str, extra: str, render: Callable[[DbSession], str], *, mimetype: str = "text/html"
) -> Response:
    """A page that lists the site's verdicts (home, corrections, the feed). It changes only with an
    audited change, so it carries the site's validators (`caching.site_validators`, `extra` tells
    the pages apart) and anonymous readers get it from the render cache: one query while nothing
    changed, a 304 without loading the list, and shared-cache headers when no cookie is set."""
    session = db_session()
    cached = _CachedPage(page, session) if render_cache.usable() else None
    if cached is not None and cached.trusted():
        return cached.respond()
    validators = site_validators(session, extra=extra)
    if cached is not None and cached.unchanged(validators[0]):
        return cached.respond()
    not_modified = conditional(*validators)
    if not_modified is not None:
        return not_modified
    if cached is None:
        response = conditional(*validators, body=render(session))
        response.mimetype = mimetype
        return response
    render_cache.placeholders()
    try:
        html = render(session)
    finally:
        render_cache.finish_render()
    return cached.keep(validators, html, mimetype)


def _render_index(session: DbSession) -> str:
    form = FilterForm(request.args, meta={"csrf": False})
    form.rating.choices = [SelectChoice("", _("All ratings"))] + [
        SelectChoice(r.key, r.name_in(current_lang()))
        for r in publication.scale_views(session).values()
        if r.active
    ]
    filters = form.filters() if form.validate() else publication_lists.ListFilters()
    page_no = form.page_number()
    page = publication_lists.list_published(
        session, filters, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE
    )
    return render_template(
        "public/index.html",
        page=page,
        page_no=page_no,
        form=form,
        filtered=filters != publication_lists.ListFilters(),
        args={k: v for k, v in request.args.items() if k != "page"},
    )


def _chart(bundle: publication.PublishedVerdict) -> figures.Chart | None:
    return figures.figure_chart(bundle, locale=current_lang())


@bp.get("/claims/<int:claim_id>")
@bp.get("/claims/<int:claim_id>-<slug>")
def claim(claim_id: int, slug: str | None = None) -> ResponseReturnValue:
    session = db_session()
    cached = _CachedPage("verdict", session) if render_cache.usable() else None
    if cached is not None and cached.trusted():
        return cached.respond()
    try:
        bundle = publication.get_published(session, claim_id)
    except NotFound:
        abort(404)
    if slug != bundle.claim.slug:
        target = url_for("public.claim", claim_id=claim_id, slug=bundle.claim.slug)
        return redirect(target, code=301)
    if bundle.withdrawn:
        html = render_template("public/withdrawn.html", bundle=bundle)
        return html, 410
    validators = page_validators(bundle)
    if cached is not None and cached.unchanged(validators[0]):
        return cached.respond()  # data checked: same page, no render
    not_modified = conditional(*validators)
    if not_modified is not None:
        return not_modified
    html = _render_verdict(bundle, for_cache=cached is not None)
    if cached is not None:
        return cached.keep(validators, html)
    return conditional(*validators, body=html)


def _render_verdict(bundle: publication.PublishedVerdict, *, for_cache: bool) -> str:
    site = current_site()
    if for_cache:
        render_cache.placeholders()
    try:
        return render_template(
            "public/claim.html",
            bundle=bundle,
            chart=_chart(bundle),
            claim_review=jsonld(claim_review(bundle, site=site)),
            canonical_url=site.verdict_url(bundle),
            site_name=site.org_name or "claimtrack",
            data_license=site.license if markdown.safe_link(site.license) else "",
            report_form=ReportForm(formdata=None),
        )
    finally:
        if for_cache:
            render_cache.finish_render()


class _CachedPage:
    """The render cache's view of this request (anonymous GETs only): see `render_cache`."""

    def __init__(self, page: str, session: DbSession) -> None:
        self.key = render_cache.key(page, vary_key())
        self.generation = render_cache.generation(session)
        self.entry = render_cache.store().get(self.key)

    def trusted(self) -> bool:
        return render_cache.trusted(self.entry, self.generation)

    def unchanged(self, etag: str) -> bool:
        if self.entry is None or self.entry.etag != etag:
            return False
        self.entry = render_cache.confirm(self.key, self.entry, self.generation)
        return True

    def respond(self) -> Response:
        assert self.entry is not None
        return render_cache.respond(self.entry)

    def keep(
        self, validators: tuple[str, datetime | None], html: str, mimetype: str = "text/html"
    ) -> Response:
        self.entry = render_cache.keep(self.key, self.generation, *validators, html, mimetype)
        return render_cache.respond(self.entry)


STATUS_NAMES = {
    ClaimStatus.NEW: _l("New"),
    ClaimStatus.TRIAGED: _l("Triaged"),
    ClaimStatus.IN_RESEARCH: _l("In research"),
    ClaimStatus.IN_REVIEW: _l("In review"),
    ClaimStatus.PUBLISHED: _l("Published"),
    ClaimStatus.DISMISSED: _l("Dismissed"),
    ClaimStatus.WITHDRAWN: _l("Withdrawn"),
}
STATUS_DESCRIPTIONS = {
    ClaimStatus.NEW: _l("A claim the desk has found or been sent, not yet looked at."),
    ClaimStatus.TRIAGED: _l("Looked at and judged worth checking; waiting for a fact-checker."),
    ClaimStatus.IN_RESEARCH: _l("A fact-checker is gathering sources and writing the verdict."),
    ClaimStatus.IN_REVIEW: _l(
        "A second person (an editor) reviews the verdict before it is published."
    ),
    ClaimStatus.PUBLISHED: _l(
        "The verdict is public, with its sources. Changes are shown as corrections."
    ),
    ClaimStatus.DISMISSED: _l("Not checked: not a factual claim, or not relevant enough."),
    ClaimStatus.WITHDRAWN: _l("The verdict was taken down; its page says why."),
}


@bp.get("/methodology")
def methodology() -> ResponseReturnValue:
    session = db_session()
    scale = [r for r in publication.scale_views(session).values() if r.active]
    ordinals = [r.ordinal for r in scale if r.ordinal is not None]
    steps = [
        (
            str(status),
            str(STATUS_LABELS[status]),
            str(STATUS_DESCRIPTIONS[status]),
            [str(STATUS_LABELS[ClaimStatus(t)]) for t in allowed_targets(status)],
        )
        for status in ClaimStatus
    ]
    return render_template(
        "public/methodology.html",
        scale=scale,
        best=max(ordinals) if ordinals else None,
        worst=min(ordinals) if ordinals else None,
        steps=steps,
    )


@bp.get("/corrections")
def corrections() -> ResponseReturnValue:
    return site_page("corrections", "corrections", _render_corrections)


def _render_corrections(session: DbSession) -> str:
    items = publication_lists.list_corrected(session, limit=100)
    return render_template("public/corrections.html", items=items)
