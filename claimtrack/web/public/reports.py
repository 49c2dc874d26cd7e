"""'Report an error' on a verdict: readers, no login. The desk reads the reports in `web.desk.reports`."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from claimtrack.services import reports
from claimtrack.services.errors import NotFound, ValidationError
from claimtrack.services.publication import bundles as publication
from claimtrack.web.dbsession import db_session
from claimtrack.web.i18n import current_lang
from claimtrack.web.messages import error_text
from claimtrack.web.public.forms import ReportForm
from claimtrack.web.public.pages import bp


@bp.route("/claims/<int:claim_id>/report", methods=["GET", "POST"])
def report(claim_id: int) -> ResponseReturnValue:
    session = db_session()
    try:
        bundle = publication.get_published(session, claim_id)
    except NotFound:
        abort(404)
    form = ReportForm()
    if form.validate_on_submit():
        try:
            reports.submit_report(
                session=session,
                actor=None,
                claim_id=claim_id,
                message=form.message.data or "",
                email=form.email.data,
                language=current_lang(),
            )
        except ValidationError as exc:
            target = getattr(form, exc.field or "message", form.message)
            target.errors = [*target.errors, error_text(exc)]
        else:
            flash(_("Thank you. Your report has reached the desk."), "success")
            return redirect(url_for("public.claim", claim_id=claim_id, slug=bundle.claim.slug))
    status = 422 if form.errors else 200
    return render_template("public/report.html", bundle=bundle, report_form=form), status
