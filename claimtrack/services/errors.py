"""Domain errors raised by the services; the web, API and CLI adapters translate them."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base class: `str(error)` is a message fit to show a person."""


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class InvalidTransition(DomainError):
    pass


class ValidationError(DomainError):
    """Bad input; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class EditConflict(DomainError):
    """A save was based on an old version: someone else changed the object in between."""

    def __init__(
        self,
        message: str,
        *,
        current: dict[str, Any],
        current_version: int,
        changed_by: str | None,
        changed_fields: list[str],
    ) -> None:
        super().__init__(message)
        self.current = current
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_fields = changed_fields
