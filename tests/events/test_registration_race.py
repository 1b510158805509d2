"""Prove the race, then the fix (pretix's way): many people at once for the
last seats; exactly the quota gets one, the others a clear "sold out".

First the service in parallel threads, each with its own database connection;
then the same proof over HTTP against a live server: many visitors post the
registration form, or book a workshop, at the same instant.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from events.models import Registration, RegistrationStatus, WorkshopBooking
from events.registration import services as ops
from tests.factories import (
    attendee,
    edition_create,
    registration_confirmed,
    session_create,
    site_tree_create,
    ticket_type_create,
    user_create,
)
from tests.http_client import Visitor

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


FORM = {
    "first_name": "Youssef",
    "last_name": "Alaoui",
    "country": "MA",
    "city": "Rabat",
    "phone": "+212 6 00 00 00 00",
    "consent": "on",
}
VISITORS = 30


def _all_at_once(function, items):
    """Call ``function`` on every item from its own thread, released together."""
    barrier = threading.Barrier(len(items))

    def run(item):
        barrier.wait()
        return function(item)

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(run, items))


@pytest.mark.parametrize("price", [0, 150000], ids=["free: confirmed at once", "paid: seat held"])
def test_live_server_sells_the_last_seats_exactly_once(live_server, price):
    edition = edition_create(is_current=True)
    site_tree_create()
    ticket = ticket_type_create(edition, quota=SEATS, price=price, name_en="In-person pass")
    visitors = [Visitor(live_server.url, user_create()) for _ in range(VISITORS)]
    tokens = [visitor.csrf_token("/en/register/") for visitor in visitors]

    replies = _all_at_once(
        lambda pair: pair[0].request(
            "/en/register/", {**FORM, "ticket_type": ticket.pk, "csrfmiddlewaretoken": pair[1]}
        ),
        list(zip(visitors, tokens, strict=True)),
    )

    statuses = sorted(reply.status for reply in replies)
    assert statuses.count(302) == SEATS, statuses
    refused = [reply for reply in replies if reply.status != 302]
    assert len(refused) == VISITORS - SEATS
    for reply in refused:  # a clear answer, never a 500: sold out, with the waiting list on offer
        assert reply.status == 200
        assert "Sold out: there is no seat left for this ticket." in reply.body
    taken = RegistrationStatus.CONFIRMED if price == 0 else RegistrationStatus.HELD
    assert Registration.objects.filter(ticket_type=ticket, status=taken).count() == SEATS
    assert Registration.objects.filter(ticket_type=ticket).count() == SEATS
    late_comer = Visitor(live_server.url, user_create())
    assert "Join the waiting list" in late_comer.request("/en/register/").body


def test_live_server_books_the_last_workshop_seats_exactly_once(live_server):
    edition = edition_create(is_current=True)
    site_tree_create()
    workshop = session_create(edition, kind="workshop", capacity=SEATS, title_en="Digital twin workshop")
    free = ticket_type_create(edition, price=0)
    registrations = [registration_confirmed(edition, ticket_type=free) for _ in range(VISITORS)]
    visitors = [Visitor(live_server.url, registration.user) for registration in registrations]
    tokens = [visitor.csrf_token("/en/register/me/") for visitor in visitors]

    replies = _all_at_once(
        lambda pair: pair[0].request(
            f"/en/register/workshops/{workshop.pk}/book/", {"csrfmiddlewaretoken": pair[1]}
        ),
        list(zip(visitors, tokens, strict=True)),
    )

    assert [reply.status for reply in replies] == [302] * VISITORS
    assert WorkshopBooking.objects.filter(session=workshop, status="booked").count() == SEATS
    pages = [visitor.request("/en/register/me/").body for visitor in visitors]
    booked = [page for page in pages if "Your seat in this workshop is booked." in page]
    full = [page for page in pages if "This workshop is full. You can join its waiting list." in page]
    assert (len(booked), len(full)) == (SEATS, VISITORS - SEATS)
