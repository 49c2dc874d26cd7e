"""Reader reports in the desk: the list of "report an error" messages and closing one."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from claimtrack.services import reports
from claimtrack.services.errors import InvalidTransition
from claimtrack.web.auth import current_actor, login_required
from claimtrack.web.dbsession import db_session
from claimtrack.web.messages import error_text

from .base import bp


class CloseForm(FlaskForm):  # type: ignore[misc]
    """Only the CSRF token: closing a report is one button."""


@bp.get("/reports", endpoint="reports")
@login_required
def reports_list() -> ResponseReturnValue:
    rows = reports.list_reports(db_session())
    return render_template("desk/reports.html", rows=rows, close_form=CloseForm())


@bp.post("/reports/<int:report_id>/close")
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
    return redirect(url_for("desk.reports"))
