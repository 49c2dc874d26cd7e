"""The OpenAPI 3.1 document of /api/v1 (served at /api/v1/openapi.json, checked by schemathesis)."""

from __future__ import annotations

from typing import Any

from claimtrack.services.partner_api import PAGE_TOKEN_PATTERNS

_STR = {"type": "string"}
_NULLABLE_STR = {"type": ["string", "null"]}
_DATE = {"type": ["string", "null"], "format": "date"}
_TIME = {"type": "string", "format": "date-time"}
# At least one character that is neither whitespace nor a control character.
QUERY_PATTERN = "[^\\s\\x00-\\x1f\\x7f-\\x9f]"
LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: dict[str, Any] = {
    "Errors": _obj(
        {
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": _obj({"field": _NULLABLE_STR, "reason": _STR}),
            }
        }
    ),
    "Rating": _obj(
        {
            "key": _STR,
            "label": _STR,
            "labelDe": _STR,
            "labelEn": _STR,
            "ratingValue": {"type": ["integer", "null"]},
            "worstRating": {"type": ["integer", "null"]},
            "bestRating": {"type": ["integer", "null"]},
        }
    ),
    "Appearance": _obj(
        {
            "url": _NULLABLE_STR,
            "title": _STR,
            "outlet": _STR,
            "language": _STR,
            "appearedOn": _DATE,
            "quote": _STR,
            "creditedTo": _STR,
        }
    ),
    "Source": _obj(
        {
            "url": _NULLABLE_STR,
            "title": _STR,
            "publisher": _STR,
            "kind": _STR,
            "accessedOn": _DATE,
            "archiveUrl": _NULLABLE_STR,
        }
    ),
    "Correction": _obj(
        {
            "number": {"type": "integer"},
            "kind": {"type": "string", "enum": ["correction", "withdrawal"]},
            "note": _STR,
            "at": _TIME,
            "oldRating": _NULLABLE_STR,
            "newRating": _NULLABLE_STR,
        }
    ),
    "ClaimReview": {
        "type": "object",
        "description": "schema.org ClaimReview, exactly as embedded in the verdict page.",
        "properties": {
            "@type": {"const": "ClaimReview"},
            "url": _STR,
            "claimReviewed": _STR,
            "reviewRating": {"type": "object", "required": ["alternateName"]},
        },
        "required": ["@type", "url", "claimReviewed", "reviewRating"],
    },
    "Claim": _obj(
        {
            "claimId": {"type": "integer"},
            "verdictId": {"type": "integer"},
            "status": {"type": "string", "enum": ["published"]},
            "url": {"type": "string", "format": "uri"},
            "claim": _obj(
                {
                    "text": _STR,
                    "language": _STR,
                    "claimant": _STR,
                    "claimantKind": _STR,
                    "claimDate": _DATE,
                    "tags": {"type": "array", "items": _STR},
                }
            ),
            "rating": {"oneOf": [_ref("Rating"), {"type": "null"}]},
            "headline": _STR,
            "summary": _STR,
            "reasoning": {"type": "string", "description": "Markdown."},
            "language": _STR,
            "validAsOf": _DATE,
            "datePublished": _TIME,
            "dateModified": _TIME,
            "appearances": {"type": "array", "items": _ref("Appearance")},
            "sources": {"type": "array", "items": _ref("Source")},
            "corrections": {"type": "array", "items": _ref("Correction")},
            "withdrawnReason": {"type": "null"},
            "claimReview": _ref("ClaimReview"),
        }
    ),
    "ClaimList": _obj(
        {"claims": {"type": "array", "items": _ref("Claim")}, "nextPageToken": _STR},
        ["claims"],
    ),
    "FactCheckClaim": _obj(
        {
            "text": _STR,
            "claimant": _STR,
            "claimDate": _TIME,
            "claimReview": {
                "type": "array",
                "items": _obj(
                    {
                        "publisher": _obj({"name": _STR, "site": _STR}),
                        "url": _STR,
                        "title": _STR,
                        "reviewDate": _TIME,
                        "textualRating": _STR,
                        "languageCode": _STR,
                    },
                    ["publisher", "url", "textualRating"],
                ),
            },
        },
        ["text", "claimReview"],
    ),
    "SearchResponse": _obj(
        {"claims": {"type": "array", "items": _ref("FactCheckClaim")}, "nextPageToken": _STR},
        ["claims"],
    ),
}


def _param(name: str, schema: dict[str, Any], description: str, *, required: bool = False) -> Any:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


PAGE_SIZE = _param(
    "pageSize", {"type": "integer", "minimum": 1, "maximum": 100}, "Results per page (10)."
)


def _page_token(kind: str) -> dict[str, Any]:
    return _param(
        "pageToken",
        {"type": "string", "pattern": PAGE_TOKEN_PATTERNS[kind]},
        f"The nextPageToken of the previous {kind} page, unchanged.",
    )


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Errors")}}}


COMMON_ERRORS = {
    "400": _error("A parameter is malformed; `field` names it."),
    "401": _error("No token, or an unknown, revoked or expired one."),
    "403": _error("The token lacks the `api` scope."),
    "429": _error("Rate limit of the token reached; see Retry-After."),
}


def _ok(schema: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


def openapi_document(server_url: str) -> dict[str, Any]:
    """The document, with this deployment's /api/v1 URL as its server."""
    claim_id = {
        "name": "claimId",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647},
    }
    search_params = [
        _param(
            "query",
            {"type": "string", "minLength": 1, "maxLength": 1000, "pattern": QUERY_PATTERN},
            "Text to look up: a claim, a headline, a post; reworded and German/English variants match.",
            required=True,
        ),
        _param(
            "languageCode",
            {"type": "string", "pattern": LANGUAGE_PATTERN},
            "BCP-47 language of the review, such as de or en-US (primary subtag compared).",
        ),
        _param(
            "maxAgeDays",
            {"type": "integer", "minimum": 1, "maximum": 36500},
            "Only claims whose claim date or review date, whichever is newer, is this recent.",
        ),
        PAGE_SIZE,
        _page_token("search"),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "claimtrack partner API",
            "version": "1.0.0",
            "description": "Published fact-checks: claims with their verdicts, and a search in "
            "the shape of Google's Fact Check Tools claims:search.",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearerAuth": []}],
        "paths": {
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/claims": {
                "get": {
                    "operationId": "listClaims",
                    "summary": "Published claims with their verdicts, oldest claim first.",
                    "parameters": [PAGE_SIZE, _page_token("list")],
                    "responses": {"200": _ok("ClaimList", "One page of claims."), **COMMON_ERRORS},
                }
            },
            "/claims/{claimId}": {
                "get": {
                    "operationId": "getClaim",
                    "summary": "One published claim with its verdict and ClaimReview.",
                    "parameters": [claim_id],
                    "responses": {
                        "200": _ok("Claim", "The claim."),
                        **COMMON_ERRORS,
                        "404": _error("No published verdict for this claim."),
                        "410": _error("The verdict was withdrawn; `reason` says why."),
                    },
                }
            },
            "/claims:search": {
                "get": {
                    "operationId": "searchClaims",
                    "summary": "Fact Check Tools compatible search of published claims.",
                    "parameters": search_params,
                    "responses": {
                        "200": _ok("SearchResponse", "Matching claims, best first."),
                        **COMMON_ERRORS,
                    },
                }
            },
        },
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A partner token with the `api` scope.",
                }
            },
        },
    }
