"""Prove the race, then the fix (pretix's way): many people at once for the
last seats; exactly the quota gets one, the others a clear "sold out".

This round runs the service in parallel threads, each with its own database
connection; the same proof over HTTP against a live server comes with the
registration pages.
"""

import threading

import pytest
from django.db import connection, connections

from events import registration as ops
from events.models import Registration, RegistrationStatus
from tests.factories import attendee, edition_create, ticket_type_create, user_create

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's"),
]

ATTEMPTS, SEATS = 24, 5


def test_concurrent_registrations_never_oversell():
    edition = edition_create(is_current=True)
    ticket = ticket_type_create(edition, quota=SEATS, price=0)
    people = [user_create() for _ in range(ATTEMPTS)]
    barrier = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(person):
        barrier.wait()
        try:
            ops.registration_start(user=person, ticket_type=ticket, attendee=attendee())
            result = "confirmed"
        except ops.SoldOut:
            result = "sold out"
        except Exception as error:  # anything else would be a 500 for a visitor
            result = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(set(outcomes)) == ["confirmed", "sold out"]
    assert outcomes.count("confirmed") == SEATS
    assert outcomes.count("sold out") == ATTEMPTS - SEATS
    assert (
        Registration.objects.filter(ticket_type=ticket, status=RegistrationStatus.CONFIRMED).count() == SEATS
    )
