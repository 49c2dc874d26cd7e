"""Service errors in the reader's language: templates in the catalogue, German pages show German."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.pofile import read_po

from claimtrack.services.errors import EditConflict, NotFound, ValidationError
from claimtrack.web.i18n import TRANSLATIONS_DIR
from claimtrack.web.messages import error_text
from tests.factories import make_claim
from tests.web.conftest import do_login

SERVICES = Path(__file__).resolve().parents[2] / "claimtrack" / "services"
PO = TRANSLATIONS_DIR / "de" / "LC_MESSAGES" / "messages.po"
ERROR_CLASSES = {
    "DomainError",
    "NotFound",
    "PermissionDenied",
    "InvalidTransition",
    "ValidationError",
    "EditConflict",
}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
TEXT = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."


def _error_calls() -> list[tuple[str, ast.Call]]:
    """Every `SomeDomainError(...)` call in the services, with its file name."""
    calls = []
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in ERROR_CLASSES:
                    calls.append((path.name, node))
    return calls


def _templates() -> dict[str, str]:
    return {
        call.args[0].value: file
        for file, call in _error_calls()
        if isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    }


def test_services_raise_templates_not_fstrings():
    fstrings = [
        f"{f}:{c.lineno}" for f, c in _error_calls() if isinstance(c.args[0], ast.JoinedStr)
    ]
    assert fstrings == []
    assert len(_templates()) > 50


def test_every_service_error_template_has_a_german_translation():
    with PO.open("rb") as fh:
        catalog = {m.id: m for m in read_po(fh, locale="de") if m.id}
    problems = []
    for template, file in sorted(_templates().items()):
        message = catalog.get(template)
        if message is None or not message.string or "fuzzy" in message.flags:
            problems.append(f"{file}: {template!r} untranslated")
        elif set(PLACEHOLDER.findall(template)) != set(PLACEHOLDER.findall(message.string)):
            problems.append(f"{file}: {template!r} placeholders differ in German")
    assert problems == []


def test_str_is_english_with_parameters_filled_in():
    exc = ValidationError("%(field)s must not be empty.", field="text", params={"field": "text"})
    assert str(exc) == "text must not be empty."
    assert exc.field == "text" and exc.template == "%(field)s must not be empty."
    assert str(NotFound("Token %(id)s does not exist.", {"id": 7})) == "Token 7 does not exist."
    assert str(ValidationError("100% plain text")) == "100% plain text"  # no params: no formatting
    conflict = EditConflict(
        "%(who)s changed %(what)s while you were editing. "
        "Your text is kept below; compare and save again.",
        params={"who": "Ann", "what": "text"},
        current={},
        current_version=3,
        changed_by="Ann",
        changed_fields=["text"],
    )
    assert str(conflict).startswith("Ann changed text while")
    assert conflict.current_version == 3 and conflict.changed_fields == ["text"]


def test_error_text_translates_template_and_nested_errors(app):
    inner = ValidationError("The text is empty.", field="body")
    outer = ValidationError(
        "Line %(line)s: %(problem)s", field="file", params={"line": 4, "problem": inner}
    )
    assert str(outer) == "Line 4: The text is empty."
    with app.test_request_context("/"):
        assert error_text(outer) == "Zeile 4: Der Text ist leer."
        unknown = ValidationError("Some text from a lower layer.")
        assert error_text(unknown) == "Some text from a lower layer."


def _new_user(client, email: str):
    data = {
        "email": email,
        "name": "Nora Neu",
        "role": "fact_checker",
        "password": "ein langes pw 1",
    }
    return client.post("/admin/users", data=data)


def test_admin_page_shows_a_service_error_in_german_and_english(client):
    do_login(client, "admin")
    response = _new_user(client, "editor@example.org")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Ein Benutzer mit der E-Mail-Adresse editor@example.org existiert bereits." in html
    assert "exists already" not in html
    with client.session_transaction() as sess:
        sess["locale"] = "en"
    response = _new_user(client, "editor@example.org")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "A user with the email editor@example.org exists already." in html
    assert "existiert bereits" not in html


def test_desk_shows_an_invalid_transition_in_german_and_english(client, login, session, users):
    claim = make_claim(session, users["fact_checker"], TEXT)
    login(client, "fact_checker")
    url = f"/desk/claims/{claim.id}/status"
    response = client.post(url, data={"version": "1", "status": "published"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Eine Behauptung kann nicht von new zu published wechseln." in html
    with client.session_transaction() as sess:
        sess["locale"] = "en"
    response = client.post(url, data={"version": "1", "status": "published"})
    assert response.status_code == 400
    assert "A claim cannot go from new to published." in response.get_data(as_text=True)
