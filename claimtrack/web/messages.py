"""A service error's text in the reader's language.

Services raise English templates with named parameters (see `claimtrack.services.errors`); here the
template is looked up in the merged catalogues and the parameters filled in. A parameter that is
itself a domain error (e.g. "Line %(line)s: %(problem)s") is translated too. A template no catalogue
knows (text passed on from a lower layer) comes back unchanged, in English.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext

from claimtrack.services.errors import DomainError


def error_text(exc: DomainError) -> str:
    """`exc` as a sentence for the current request's locale (English outside a request's locale)."""
    params: dict[str, Any] = {
        key: error_text(value) if isinstance(value, DomainError) else value
        for key, value in exc.params.items()
    }
    return str(gettext(exc.template, **params))
