"""The one error path: a service error a view does not catch answers 400/403/404/409 with the
message in the reader's language (English JSON for API clients), never a 500."""

from __future__ import annotations

import pytest

from claimtrack.services.errors import (
    DomainError,
    EditConflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)

ERRORS = {
    "validation": (ValidationError("A claim needs at least a short sentence.", field="text"), 400),
    "transition": (InvalidTransition("This verdict is published already."), 400),
    "denied": (PermissionDenied("You are not allowed to do this."), 403),
    "missing": (NotFound("Write a draft verdict before publishing."), 404),
    "other": (DomainError("Nothing was changed."), 400),
    "conflict": (
        EditConflict(
            "Someone else saved this at the same moment; reload and apply your change again.",
            current={},
            current_version=3,
            changed_by="Erika Editor",
            changed_fields=["text"],
        ),
        409,
    ),
}
GERMAN = {
    "validation": "Eine Behauptung braucht mindestens einen kurzen Satz.",
    "denied": "Dazu sind Sie nicht berechtigt.",
    "conflict": "Erika Editor",
}


@pytest.fixture
def forgetful_client(make_app):
    """An app with a view that calls a "service" and catches nothing."""
    app = make_app(PROPAGATE_EXCEPTIONS_IN_TESTS=False)

    def view(kind: str) -> str:
        raise ERRORS[kind][0]

    app.add_url_rule("/forgetful/<kind>", view_func=view, methods=["GET", "POST"])
    return app.test_client()


@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_uncaught_domain_error_answers_its_status_in_german(forgetful_client, kind):
    response = forgetful_client.post(f"/forgetful/{kind}", headers={"Accept-Language": "de"})
    assert response.status_code == ERRORS[kind][1]
    html = response.get_data(as_text=True)
    assert "<h1>" in html and "Traceback" not in html
    if kind in GERMAN:
        assert GERMAN[kind] in html


@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_uncaught_domain_error_is_english_json_for_api_clients(forgetful_client, kind):
    response = forgetful_client.get(f"/forgetful/{kind}", headers={"Accept": "application/json"})
    exc, status = ERRORS[kind]
    assert response.status_code == status
    [error] = response.get_json()["errors"]
    assert error["reason"] == str(exc)
    assert error["field"] == ("text" if kind == "validation" else None)
