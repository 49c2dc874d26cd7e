"""Admin pages for people and partners: users and roles, password resets, partner tokens.

A new token and a generated password are shown once, in the response to the POST that made them
(never in a flash message, which would travel in the session cookie).
"""

from __future__ import annotations

import secrets

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from claimtrack.models import PartnerToken, User, utcnow
from claimtrack.services import users as user_service
from claimtrack.services.base import get_or_raise
from claimtrack.services.errors import DomainError
from claimtrack.web.admin.base import bp, dbs
from claimtrack.web.admin.forms import (
    ROLE_LABELS,
    SCOPE_LABELS,
    ConfirmForm,
    PasswordResetForm,
    TokenCreateForm,
    UserCreateForm,
    UserEditForm,
)
from claimtrack.web.auth import current_actor, role_required
from claimtrack.web.errors import show_error
from claimtrack.workflow import Permission


def _render_users(form: UserCreateForm, status: int = 200) -> ResponseReturnValue:
    people = user_service.list_users(dbs())
    return render_template(
        "admin/users.html", people=people, form=form, role_labels=ROLE_LABELS
    ), status


@bp.get("/users")
@role_required(Permission.MANAGE_USERS)
def users() -> ResponseReturnValue:
    return _render_users(UserCreateForm())


@bp.post("/users")
@role_required(Permission.MANAGE_USERS)
def create_user() -> ResponseReturnValue:
    form = UserCreateForm()
    if not form.validate_on_submit():
        return _render_users(form, 400)
    try:
        user = user_service.create_user(
            session=dbs(),
            actor=current_actor(),
            email=form.email.data,
            name=form.name.data,
            role=form.role.data,
            password=form.password.data,
        )
    except DomainError as exc:
        return _render_users(form, show_error(exc, form))
    flash(_("User %(email)s created.", email=user.email), "success")
    return redirect(url_for("admin.users"))


def _render_user(
    user: User,
    form: UserEditForm | None = None,
    reset: PasswordResetForm | None = None,
    *,
    new_password: str | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    if form is None:
        form = UserEditForm(obj=user)
    return render_template(
        "admin/user.html",
        person=user,
        form=form,
        reset_form=reset or PasswordResetForm(formdata=None, prefix="reset"),
        new_password=new_password,
        role_labels=ROLE_LABELS,
    ), status


@bp.get("/users/<int:user_id>")
@role_required(Permission.MANAGE_USERS)
def user(user_id: int) -> ResponseReturnValue:
    person = get_or_raise(dbs(), User, user_id)
    if person.is_system:
        return redirect(url_for("admin.users"))
    return _render_user(person)


@bp.post("/users/<int:user_id>")
@role_required(Permission.MANAGE_USERS)
def update_user(user_id: int) -> ResponseReturnValue:
    person = get_or_raise(dbs(), User, user_id)
    form = UserEditForm()
    if not form.validate_on_submit():
        return _render_user(person, form, status=400)
    try:
        user_service.update_user(
            session=dbs(),
            actor=current_actor(),
            user_id=user_id,
            name=form.name.data,
            role=form.role.data,
            active=bool(form.active.data),
        )
    except DomainError as exc:
        status = show_error(exc, form)
        return _render_user(get_or_raise(dbs(), User, user_id), form, status=status)
    flash(_("Changes to %(email)s saved.", email=person.email), "success")
    return redirect(url_for("admin.user", user_id=user_id))


@bp.post("/users/<int:user_id>/password")
@role_required(Permission.MANAGE_USERS)
def reset_password(user_id: int) -> ResponseReturnValue:
    person = get_or_raise(dbs(), User, user_id)
    reset = PasswordResetForm(prefix="reset")
    if not reset.validate_on_submit():
        return _render_user(person, reset=reset, status=400)
    typed = reset.password.data or ""
    password = typed or secrets.token_urlsafe(12)
    try:
        user_service.set_password(
            session=dbs(), actor=current_actor(), user_id=user_id, password=password
        )
    except DomainError as exc:
        return _render_user(person, reset=reset, status=show_error(exc, reset))
    flash(_("The password was reset; the user's sessions have ended."), "success")
    if typed:
        return redirect(url_for("admin.user", user_id=user_id))
    return _render_user(person, new_password=password)


# -- partner tokens ---------------------------------------------------------------------------------


def _render_tokens(
    form: TokenCreateForm, *, issued: str | None = None, status: int = 200
) -> ResponseReturnValue:
    tokens = user_service.list_tokens(dbs())
    return render_template(
        "admin/tokens.html",
        tokens=tokens,
        form=form,
        issued=issued,
        now=utcnow(),
        scope_labels=SCOPE_LABELS,
        revoke_form=ConfirmForm(formdata=None),
    ), status


@bp.get("/tokens")
@role_required(Permission.MANAGE_TOKENS)
def tokens() -> ResponseReturnValue:
    return _render_tokens(TokenCreateForm(formdata=None))


@bp.post("/tokens")
@role_required(Permission.MANAGE_TOKENS)
def create_token() -> ResponseReturnValue:
    form = TokenCreateForm()
    if not form.validate_on_submit():
        return _render_tokens(form, status=400)
    try:
        issued = user_service.create_token(
            session=dbs(),
            actor=current_actor(),
            partner=form.partner.data,
            scopes=list(form.scopes.data or []),
            valid_days=form.valid_days.data,
        )
    except DomainError as exc:
        return _render_tokens(form, status=show_error(exc, form))
    return _render_tokens(TokenCreateForm(formdata=None), issued=issued.plaintext, status=201)


@bp.post("/tokens/<int:token_id>/revoke")
@role_required(Permission.MANAGE_TOKENS)
def revoke_token(token_id: int) -> ResponseReturnValue:
    token = get_or_raise(dbs(), PartnerToken, token_id)
    if ConfirmForm().validate_on_submit():
        user_service.revoke_token(session=dbs(), actor=current_actor(), token_id=token_id)
        flash(_("The token %(prefix)s… is revoked.", prefix=token.prefix), "success")
    return redirect(url_for("admin.tokens"))
