"""schemathesis against /api/v1/openapi.json through the Flask app (WSGI), authenticated by its
auth hook: every generated request must get a documented, schema-conformant answer, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.web.partners import issue_token, publish, withdraw


@pytest.fixture(autouse=True)
def _nodeid_compat(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32 reads `node._nodeid`, which pytest 9 no longer has."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@pytest.fixture
def api_schema(make_app, session, users) -> Any:
    # A high limit: schemathesis sends hundreds of requests with one token within a minute.
    app = make_app(API_RATE_LIMIT_PER_MINUTE=1_000_000)
    for n in range(3):
        publish(
            session, users, f"In Almaty wurden {2000 + n} Menschen festgenommen, sagt die Polizei."
        )
    withdraw(session, users, publish(session, users))
    token = issue_token(session, users, ["api"])
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)

    @schema.auth()
    class PartnerToken:
        def get(self, case: Any, ctx: Any) -> str:
            return token

        def set(self, case: Any, data: str, ctx: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case: Any) -> None:
    case.call_and_validate()
