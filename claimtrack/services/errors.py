"""Domain errors raised by the services; the web, API and CLI adapters translate them.

A service raises with an English message *template* and named parameters, never a finished
f-string: `ValidationError("%(field)s must not be empty.", field="text", params={"field": "text"})`.
`str(error)` is the English text with the parameters filled in (CLI, API, logs, tests); the web
layer looks the template up in the `messages` catalogue and fills in the same parameters, so
pybabel can extract the literal templates and German pages show German. Services stay Flask-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    """Base class: `template % params` (= `str(error)`) is an English message fit to show a person."""

    def __init__(self, template: str, params: Mapping[str, Any] | None = None) -> None:
        self.template = template
        self.params: dict[str, Any] = dict(params or {})
        super().__init__(template % self.params if self.params else template)


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class NeedsEditor(PermissionDenied):
    """A fact-checker tried to change what a published fact check shows: editors apply such changes
    (as a public correction or an internal update); the desk keeps the proposal as a note."""


class InvalidTransition(DomainError):
    pass


class ValidationError(DomainError):
    """Bad input; `field` names the offending field when there is one."""

    def __init__(
        self, template: str, field: str | None = None, params: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(template, params)
        self.field = field


class EditConflict(DomainError):
    """A save was based on an old version: someone else changed the object in between."""

    def __init__(
        self,
        template: str,
        *,
        params: Mapping[str, Any] | None = None,
        current: dict[str, Any],
        current_version: int,
        changed_by: str | None,
        changed_fields: list[str],
    ) -> None:
        super().__init__(template, params)
        self.current = current
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_fields = changed_fields
