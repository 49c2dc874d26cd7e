"""'Report an error' on a verdict (readers, no login) and the desk's list of reports (staff)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.routing import BuildError

from claimtrack.services import publication, reports
from claimtrack.services.errors import InvalidTransition, NotFound, ValidationError

from .auth import current_actor, login_required
from .dbsession import db_session
from .i18n import current_lang
from .messages import error_text
from .public import bp
from .public_forms import ReportForm


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


class CloseForm(FlaskForm):  # type: ignore[misc]
    """Only the CSRF token: closing a report is one button."""


def desk_claim_url(claim_id: int) -> str:
    """The claim's desk workbench, or its public page while the desk blueprint is absent."""
    try:
        return url_for("desk.claim", claim_id=claim_id)
    except BuildError:
        return url_for("public.claim", claim_id=claim_id)


@bp.get("/desk/reports")
@login_required
def desk_reports() -> ResponseReturnValue:
    rows = reports.list_reports(db_session())
    return render_template(
        "public/desk_reports.html", rows=rows, close_form=CloseForm(), desk_claim_url=desk_claim_url
    )


@bp.post("/desk/reports/<int:report_id>/close")
@login_required
def close_report(report_id: int) -> ResponseReturnValue:
    form = CloseForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        reports.close_report(session=db_session(), actor=current_actor(), report_id=report_id)
    except InvalidTransition as exc:
        flash(error_text(exc), "info")
    else:
        flash(_("Report closed."), "success")
    return redirect(url_for("public.desk_reports"))
