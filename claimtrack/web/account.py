"""`/account`: a logged-in person changes their own password.

Wrong current passwords count toward the login rate limit, so a stolen session cannot be used to
guess the password. A successful change ends every other session of the person and renews this one.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from claimtrack.services import accounts, logins
from claimtrack.services.errors import ValidationError

from .auth import SessionUser, current_actor, login_required, renew_session
from .dbsession import db_session
from .messages import error_text

bp = Blueprint("account", __name__)


class PasswordChangeForm(FlaskForm):  # type: ignore[misc]
    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=1000)])
    repeat = PasswordField(
        _l("New password again"),
        validators=[DataRequired(), EqualTo("new", message=_l("The two new passwords differ."))],
    )
    submit = SubmitField(_l("Change password"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account() -> ResponseReturnValue:
    actor = current_actor()
    form = PasswordChangeForm()
    if not form.validate_on_submit():
        return render_template("auth/account.html", form=form), 400 if form.is_submitted() else 200
    dbs = db_session()
    key = logins.throttle_key(actor.email, request.remote_addr)
    if logins.is_blocked(dbs, key, int(current_app.config["LOGIN_RATE_LIMIT_PER_15_MIN"])):
        form.form_errors.append(
            _("Too many failed logins for this account. Please wait 15 minutes and try again.")
        )
        return render_template("auth/account.html", form=form), 429
    try:
        user = accounts.change_own_password(
            session=dbs, actor=actor, current=form.current.data, new=form.new.data
        )
    except ValidationError as exc:
        if exc.field == "current":
            logins.record_failure(session=dbs, key=key)
        target = getattr(form, exc.field or "", None)
        errors = target.errors if target is not None else form.form_errors
        errors.append(error_text(exc))
        return render_template("auth/account.html", form=form), 400
    renew_session()
    login_user(SessionUser(user))
    flash(_("Your password is changed; your other sessions have ended."), "success")
    return redirect(url_for("account.account"))
