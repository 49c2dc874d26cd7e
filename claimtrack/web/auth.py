"""Login and logout for the desk, and the guards views use: `login_required`, `role_required`,
`current_actor`.

The session cookie carries the user's `session_epoch`; logout, a password change and deactivation bump
it, so every copy of an old cookie stops working at once. Failed logins are counted per account and
address in the database (see `claimtrack.services.logins`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Length

from claimtrack.models import User
from claimtrack.services import logins, users
from claimtrack.workflow import Permission, can

from .dbsession import db_session, read_for_request, short_read_session
from .errors import wants_json
from .ratelimits import client_address, limiter, login_limits

bp = Blueprint("auth", __name__)

P = ParamSpec("P")
R = TypeVar("R")

# Where a login lands when no `next` is given: the first of these endpoints the app has.
# Session keys that survive the session renewal at login and logout.
KEPT_SESSION_KEYS = ("locale",)


class SessionUser(UserMixin):
    """Flask-Login's view of a `User`; its id names the session epoch the cookie was issued for."""

    def __init__(self, user: User) -> None:
        self.user = user

    def get_id(self) -> str:
        return f"{self.user.id}:{self.user.session_epoch}"

    @property
    def is_active(self) -> bool:
        return bool(self.user.active)


def load_session_user(user_id: str) -> SessionUser | None:
    """The user of a session cookie, unless the account is gone, inactive or the epoch is old."""
    try:
        raw_id, raw_epoch = user_id.split(":", 1)
        uid, epoch = int(raw_id), int(raw_epoch)
    except ValueError:
        return None
    user = read_for_request(User, uid)
    if user is None or not user.active or user.is_system or user.session_epoch != epoch:
        return None
    return SessionUser(user)


def current_actor_or_none() -> User | None:
    """The logged-in `User`, or None for anonymous visitors."""
    if current_user and current_user.is_authenticated:
        actor: User = current_user.user
        return actor
    return None


def current_actor() -> User:
    """The logged-in `User` (use behind `login_required`; answers 401 otherwise)."""
    actor = current_actor_or_none()
    if actor is None:
        abort(401)
    return actor


def user_can(permission: str | Permission) -> bool:
    """True when the logged-in user's role grants `permission` (for templates and views)."""
    actor = current_actor_or_none()
    return actor is not None and can(actor.role, Permission(permission))


def _unauthorized() -> ResponseReturnValue:
    if wants_json():
        return jsonify({"errors": [{"field": None, "reason": "Login required."}]}), 401
    flash(_("Please log in to see this page."), "info")
    if request.method not in ("GET", "HEAD"):
        # After the login the browser would GET a URL that only takes POST: start from home.
        return redirect(url_for("auth.login"))
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("auth.login", next=target))


def login_required(view: Callable[P, R]) -> Callable[P, R | ResponseReturnValue]:
    """Only logged-in users; anonymous visitors go to the login page (API paths get 401)."""

    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | ResponseReturnValue:
        if current_actor_or_none() is None:
            return _unauthorized()
        return view(*args, **kwargs)

    return wrapper


def role_required(
    permission: Permission | str,
) -> Callable[[Callable[P, R]], Callable[P, R | ResponseReturnValue]]:
    """Only logged-in users whose role grants `permission`; others get 403 (anonymous: login)."""
    needed = Permission(permission)

    def decorator(view: Callable[P, R]) -> Callable[P, R | ResponseReturnValue]:
        @functools.wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | ResponseReturnValue:
            actor = current_actor_or_none()
            if actor is None:
                return _unauthorized()
            if not can(actor.role, needed):
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None: refuses other hosts, schemes and `//`."""
    if not target or len(target) > 2000:
        return None
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class LogoutForm(FlaskForm):
    submit = SubmitField(_l("Log out"))


def renew_session() -> None:
    """Start a fresh session (no fixation), keeping only harmless preferences such as the language."""
    kept = {k: session[k] for k in KEPT_SESSION_KEYS if k in session}
    session.clear()
    session.update(kept)


def _attempt_login(form: LoginForm) -> tuple[User | None, int]:
    """Run the login use case; returns the user (or None) and the HTTP status."""
    email, address, limits = form.email.data or "", client_address(), login_limits()
    with short_read_session() as reader:
        result = logins.log_in(
            session=db_session(),
            reader=reader,
            email=email,
            password=form.password.data or "",
            address=address,
            limiter=limiter(),
            limits=limits,
        )
    if result.blocked:
        form.form_errors.append(
            _("Too many failed logins for this account. Please wait 15 minutes and try again.")
        )
        return None, 429
    if result.user is None:
        form.form_errors.append(_("The email address or the password is not correct."))
    else:
        logins.succeeded(limiter(), limits, email, address)
    return result.user, 200


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    home = url_for("desk.queue")
    if current_actor_or_none() is not None and request.method == "GET":
        return redirect(safe_next(request.args.get("next")) or home)
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    status = 200
    if form.validate_on_submit():
        user, status = _attempt_login(form)
        if user is not None:
            renew_session()
            login_user(SessionUser(user))
            flash(_("Welcome, %(name)s.", name=user.name), "success")
            return redirect(safe_next(form.next.data) or home)
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    form = LogoutForm(prefix="logout")
    actor = current_actor_or_none()
    if actor is not None and form.validate_on_submit():
        users.end_sessions(session=db_session(), actor=actor)
        logout_user()
        renew_session()
        flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


def _template_context() -> dict[str, Any]:
    return {
        "current_actor": current_actor_or_none(),
        "user_can": user_can,
        # A function: building the form makes a CSRF token (and a session), so only pages that
        # show the logout button (logged-in ones) pay for it.
        "logout_form": lambda: LogoutForm(formdata=None, prefix="logout"),
    }


def init_app(app: Flask) -> None:
    manager = LoginManager()
    manager.init_app(app)
    manager.user_loader(load_session_user)
    manager.unauthorized_handler(_unauthorized)
    manager.session_protection = "basic"
    app.register_blueprint(bp)
    app.context_processor(_template_context)
