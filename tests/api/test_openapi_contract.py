"""Every operation of the OpenAPI document, fuzzed by schemathesis with all its checks: no 5xx,
responses match their documented schemas and status codes, bad input is rejected and valid
input accepted. New endpoints join automatically."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case

from pathways.app import create_app

# The document only: requests go to the test's own app (bound to its transaction) below.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", create_app({"DATABASE_URL": "sqlite://"})
)
# Every request holding a NUL character is refused by one guard the schema cannot express
# (tests/api/test_request_guards.py), so the fuzzing leaves NULs out.
schema.config.generation.update(allow_x00=False)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_operation_honours_its_contract(case: Case, client) -> None:
    if case.query and {"area", "region"} <= case.query.keys():
        # Schema-valid alone, exclusive together (a 422 the schema cannot express).
        del case.query["region"]
    case.call_and_validate(app=client.application)
