"""The API fuzzed from its own OpenAPI document (Schemathesis, property-based): no server error,
every status it answers is documented, every body matches its schema. Malformed path
parameters (NUL, very long, not UTF-8) are tried on every operation that takes one."""

import itertools
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from tests.factories import edition_create, session_create, speaker_create

pytestmark = [pytest.mark.integration]

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture
def connections_kept():
    """Called as a WSGI app, Django would close the test's database connection after each request
    (Django's test client disconnects the same receivers)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_api_keeps_its_own_promises(connections_kept):
    """Each operation, fuzzed from its own schema, positive and negative cases alike."""
    edition = edition_create(is_current=True, slug="7e-edition")
    session_create(edition, slug="seance-inaugurale", speakers=[speaker_create(slug="amina-berrada")])
    schema = schemathesis.openapi.from_wsgi(reverse("api-v1:openapi-json"), get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    for operation, mode in itertools.product(operations, modes):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),  # `make fuzz` asks for more
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def fuzz(case):
            case.call_and_validate(checks=CHECKS)

        fuzz()


MALFORMED = ["%00", "a%00b", "x" * 5000, "%FF%FE", "%C3%28", "..", "%2e%2e%2f"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", MALFORMED)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/editions/{v}/schedule.json",
        "/api/v1/editions/{v}/schedule.xml",
        "/api/v1/editions/{v}/schedule.ics",
        "/api/v1/editions/{v}/sessions/",
        "/api/v1/editions/{v}/sessions/{v}/",
        "/api/v1/editions/{v}/speakers/",
        "/api/v1/editions/{v}/rooms/",
    ],
)
def test_malformed_path_parameters_are_refused_cleanly(client, path, value):
    response = client.get(path.format(v=value))

    assert response.status_code in (404, 422), (path, value, response.status_code)
