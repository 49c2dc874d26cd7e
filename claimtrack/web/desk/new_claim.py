"""`/desk/intake/claim`: note a claim that came without a story (TV, radio, social media).

A thin view over `services.intake.new_claim`: the claim is extracted and matched like a
story sentence; the desk then sees it on its claim page, with similar claims flashed.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from claimtrack.services.errors import DomainError
from claimtrack.services.intake import new_claim
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.desk.base import bp, dbs, in_page_language
from claimtrack.web.desk.forms import NewClaimForm
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission


@bp.route("/intake/claim", methods=["GET", "POST"], endpoint="new_claim")
@role_required(Permission.TRIAGE)
def new_claim_view() -> ResponseReturnValue:
    form = NewClaimForm()
    if not form.is_submitted():
        return render_template("desk/new_claim.html", form=form)
    if not form.validate():
        return render_template("desk/new_claim.html", form=form), 400
    data = new_claim.NewClaim(
        text=form.text.data or "",
        claimant=(form.claimant.data or "").strip(),
        said_on=form.said_on.data,
        source_url=(form.source_url.data or "").strip() or None,
        language=form.language.data or None,
        language_confirmed=bool(form.confirm_language.data),
    )
    try:
        noted = new_claim.note_claim(session=dbs(), actor=current_actor(), data=data)
    except DomainError as exc:
        status = show_error(in_page_language(exc), form)  # before rendering: it fills the form
        return render_template("desk/new_claim.html", form=form), status
    flash(_("Claim %(id)s created.", id=noted.claim.id), "success")
    if noted.similar:
        flash(
            _(
                "Similar stored claims: %(ids)s.",
                ids=", ".join(f"#{m.claim_id}" for m in noted.similar),
            ),
            "info",
        )
    return redirect(url_for("desk.claim", claim_id=noted.claim.id))
