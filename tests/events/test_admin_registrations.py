"""Organisers follow and act on registrations in the Wagtail admin.

The organiser in these tests reads the admin in English (their Wagtail
profile says so); the attendees' e-mails stay in their own language.
"""

import csv
import datetime
import io
import re
from types import SimpleNamespace

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from events.models import (
    OfferStatus,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    SessionKind,
    Voucher,
    WaitingListEntry,
)
from events.registration import services as ops
from events.registration.overview import TicketRow, WorkshopRow
from tests.factories import (
    attendee,
    edition_create,
    session_create,
    ticket_type_create,
    user_create,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST = "/admin/registrations/"
OVERVIEW = "/admin/registrations-overview/"
WAITING = "/admin/waiting-lists/"
VOUCHERS = "/admin/voucher-codes/"


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def organiser(db):
    return in_english(user_create(email="organiser@example.org", is_staff=True, is_superuser=True))


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def register(ticket_type, *, user=None, bank_transfer=False, **fields):
    return ops.registration_start(
        user=user or user_create(),
        ticket_type=ticket_type,
        attendee=attendee(**fields),
        bank_transfer=bank_transfer,
    )


def messages_of(response):
    return [(m.level_tag, str(m).strip()) for m in response.context["messages"]]


def listed(response):
    return [registration.reference for registration in response.context["object_list"]]


@pytest.fixture
def paid_ticket(edition):
    return ticket_type_create(
        edition, name_fr="Pass sur place", name_en="In-person pass", price=150000, quota=3
    )


@pytest.fixture
def awaiting(paid_ticket):
    return register(
        paid_ticket,
        user=user_create(email="karim@example.org"),
        bank_transfer=True,
        first_name="Karim",
        last_name="Bennani",
        name_ar="كريم بناني",
        organisation="Casa Transports",
        job_title="Directeur",
        country="MA",
        city="Casablanca",
        phone="+212 6 12 34 56 78",
        needs_wheelchair_access=True,
    )


# The list, its filters, its export -------------------------------------------------------


def test_the_list_shows_registrations_with_formatted_prices(organiser_client, awaiting):
    response = organiser_client.get(LIST)

    assert response.status_code == 200
    content = response.content.decode()
    assert awaiting.reference in content
    assert "Karim Bennani" in content and "karim@example.org" in content
    assert "In-person pass" in content and "In person" in content
    assert "Awaiting bank transfer" in content
    assert "MAD\xa01,500.00" in content
    assert f'href="/admin/registrations/inspect/{awaiting.pk}/"' in content
    assert "/admin/registrations/new/" not in content  # no free-form creation


def test_filters_and_search(organiser_client, edition, paid_ticket, awaiting):
    online = ticket_type_create(edition, name_fr="En ligne", mode="online", price=0)
    confirmed = register(online, first_name="Nadia", last_name="Alaoui", needs_sign_language=True)
    other_edition = edition_create(is_current=False)
    elsewhere = register(ticket_type_create(other_edition, price=0), organisation="Casa Transports")

    assert listed(organiser_client.get(LIST, {"status": "awaiting_transfer"})) == [awaiting.reference]
    assert listed(organiser_client.get(LIST, {"mode": "online"})) == [confirmed.reference]
    assert listed(organiser_client.get(LIST, {"ticket_type": paid_ticket.pk})) == [awaiting.reference]
    assert listed(organiser_client.get(LIST, {"accessibility": "wheelchair"})) == [awaiting.reference]
    assert listed(organiser_client.get(LIST, {"accessibility": "sign_language"})) == [confirmed.reference]
    assert set(listed(organiser_client.get(LIST, {"edition": edition.pk}))) == {
        awaiting.reference,
        confirmed.reference,
    }
    assert set(listed(organiser_client.get(LIST, {"q": "casa transports"}))) == {
        awaiting.reference,
        elsewhere.reference,
    }
    assert listed(organiser_client.get(LIST, {"q": "karim@example"})) == [awaiting.reference]
    assert listed(organiser_client.get(LIST, {"q": awaiting.reference.lower()})) == [awaiting.reference]
    assert listed(organiser_client.get(LIST, {"q": "كريم"})) == [awaiting.reference]
    content = organiser_client.get(LIST).content.decode()
    for label in ["Edition", "Status", "Ticket type", "Attendance", "Accessibility needs (any of)"]:
        assert label in content


def test_csv_export_has_every_form_field(organiser_client, awaiting):
    response = organiser_client.get(LIST, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="registrations.csv"')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["Reference"] == awaiting.reference
    assert row["Status"] == "Awaiting bank transfer"
    assert row["Ticket type"] == "In-person pass"
    assert row["Attendance"] == "In person"
    assert row["Price"] == "1500.00" and row["Currency"] == "MAD"
    assert (row["First name"], row["Last name"], row["Name in Arabic script"]) == (
        "Karim",
        "Bennani",
        "كريم بناني",
    )
    assert row["E-mail"] == "karim@example.org"
    assert (row["Organisation"], row["Job title"], row["Country"], row["City"]) == (
        "Casa Transports",
        "Directeur",
        "MA",
        "Casablanca",
    )
    assert row["Phone"] == "'+212 6 12 34 56 78"  # never read as a formula by a spreadsheet
    assert (row["Wheelchair access"], row["Sign-language interpretation"]) == ("yes", "no")
    local = timezone.localtime(awaiting.created_at).strftime("%Y-%m-%d %H:%M")
    assert row["Registered at"] == local
    assert row["Confirmed at"] == ""


def test_xlsx_export(organiser_client, awaiting):
    response = organiser_client.get(LIST, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, first = list(sheet.iter_rows(values_only=True))[:2]
    values = dict(zip(header, first, strict=True))
    assert values["Reference"] == awaiting.reference
    assert values["Phone"] == "+212 6 12 34 56 78"
    assert float(values["Price"]) == 1500


def test_registrations_cannot_be_created_edited_or_deleted_in_the_admin(organiser_client, awaiting):
    for url in [
        f"{LIST}new/",
        f"{LIST}edit/{awaiting.pk}/",
        f"{LIST}delete/{awaiting.pk}/",
        f"{LIST}copy/{awaiting.pk}/",
        f"{LIST}history/{awaiting.pk}/",
    ]:
        assert organiser_client.get(url).status_code == 404, url


# The read-only page -----------------------------------------------------------------------


def test_inspect_shows_the_registration_payments_and_full_log(organiser_client, organiser, awaiting):
    ops.transfer_received(registration=awaiting, actor=organiser)

    response = organiser_client.get(f"{LIST}inspect/{awaiting.pk}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert '<span lang="ar" dir="rtl">كريم بناني</span>' in content
    assert "Bank transfer" in content and "MAD\xa01,500.00" in content
    log = response.context["log"]
    assert [(e["action"], e["actor"], e["from_status"], e["to_status"]) for e in log] == [
        ("Registered", "karim@example.org", "", "Awaiting bank transfer"),
        ("Bank transfer received", "organiser@example.org", "Awaiting bank transfer", "Confirmed"),
    ]
    assert '<th scope="col">Who</th>' in content
    # Confirmed now: no transfer button any more, but cancel and resend are offered.
    assert f"{LIST}{awaiting.pk}/transfer-received/" not in content
    assert f"{LIST}{awaiting.pk}/cancel/" in content
    assert f"{LIST}{awaiting.pk}/email/" in content


# Actions ----------------------------------------------------------------------------------


def test_mark_transfer_received_confirms_through_the_service_and_logs_the_organiser(
    organiser_client, organiser, awaiting, django_capture_on_commit_callbacks
):
    url = f"{LIST}{awaiting.pk}/transfer-received/"
    page = organiser_client.get(url)
    assert page.status_code == 200
    assert "Yes, the transfer has arrived" in page.content.decode()
    assert "MAD\xa01,500.00" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, follow=True)

    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.CONFIRMED
    assert response.redirect_chain[-1][0] == f"{LIST}inspect/{awaiting.pk}/"
    assert ("success", f"Transfer received: registration {awaiting.reference} is confirmed.") in messages_of(
        response
    )
    entry = awaiting.log.last()
    assert (entry.action, entry.actor, entry.from_status, entry.to_status) == (
        "transfer_received",
        organiser,
        "awaiting_transfer",
        "confirmed",
    )
    assert Payment.objects.get(registration=awaiting).provider == "transfer"
    sent = sorted(
        t.args_kwargs["args"][0]
        for t in DBTaskResult.objects.filter(task_path="events.registration.tasks.send_email")
    )
    assert sent == ["confirmation", "receipt"]


def test_a_refused_action_shows_the_service_message(organiser_client, organiser, awaiting):
    ops.transfer_received(registration=awaiting, actor=organiser)

    # The page is no longer offered...
    response = organiser_client.get(f"{LIST}{awaiting.pk}/transfer-received/", follow=True)
    assert ("error", "This registration is not awaiting a transfer.") in messages_of(response)
    # ...and a stale form posted anyway is refused by events.registration.services itself.
    response = organiser_client.post(f"{LIST}{awaiting.pk}/transfer-received/", follow=True)
    assert ("error", "This registration is not awaiting a transfer.") in messages_of(response)
    assert awaiting.log.filter(action="transfer_received").count() == 1


def test_actions_need_a_csrf_token(organiser, awaiting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(organiser)

    response = client.post(f"{LIST}{awaiting.pk}/transfer-received/")

    assert response.status_code == 403
    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.AWAITING_TRANSFER


def test_cancel_a_registration(organiser_client, organiser, awaiting, django_capture_on_commit_callbacks):
    page = organiser_client.get(f"{LIST}{awaiting.pk}/cancel/")
    assert "Yes, cancel this registration" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(f"{LIST}{awaiting.pk}/cancel/", follow=True)

    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.CANCELLED
    assert ("success", f"Registration {awaiting.reference} is cancelled.") in messages_of(response)
    assert awaiting.log.get(action="cancelled").actor == organiser
    assert DBTaskResult.objects.filter(
        task_path="events.registration.tasks.send_email", args_kwargs__args=["cancellation", awaiting.pk]
    )


def test_resend_an_email_enqueues_it(organiser_client, edition, django_capture_on_commit_callbacks):
    registration = register(ticket_type_create(edition, price=0))
    DBTaskResult.objects.all().delete()
    page = organiser_client.get(f"{LIST}{registration.pk}/email/")
    kinds = [value for value, _label in page.context["form"].fields["kind"].choices]
    assert kinds == ["confirmation"]  # the only e-mail that fits a free, confirmed registration
    assert "<legend" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            f"{LIST}{registration.pk}/email/", {"kind": "confirmation"}, follow=True
        )

    task = DBTaskResult.objects.get(task_path="events.registration.tasks.send_email")
    assert task.args_kwargs["args"] == ["confirmation", registration.pk]
    assert messages_of(response)[-1][0] == "success"


def test_resend_sends_the_email_in_the_attendees_language(
    organiser_client, edition, immediate_tasks, django_capture_on_commit_callbacks
):
    registration = register(ticket_type_create(edition, price=0), user=user_create(email="salma@example.org"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(f"{LIST}{registration.pk}/email/", {"kind": "confirmation"})

    assert [message.to for message in mail.outbox] == [["salma@example.org"]]
    assert "confirmée" in mail.outbox[0].subject
    assert registration.log.filter(action="email_sent", note="confirmation").exists()


def test_an_email_that_does_not_fit_is_refused(organiser_client, edition, django_capture_on_commit_callbacks):
    registration = register(ticket_type_create(edition, price=0))
    DBTaskResult.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(f"{LIST}{registration.pk}/email/", {"kind": "transfer_instructions"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not DBTaskResult.objects.exists()


@pytest.fixture
def card_paid(edition, monkeypatch):
    """A registration paid by card (Stripe answers faked; the real flow runs against localstripe elsewhere)."""
    monkeypatch.setattr(
        "events.registration.payments.intent_create",
        lambda **kwargs: SimpleNamespace(id="pi_admin_1", client_secret="pi_admin_1_secret"),
    )
    refunds = []
    registration_keys = []

    def refund_create(*, intent_id, amount, idempotency_key):
        refunds.append((intent_id, amount))
        registration_keys.append(idempotency_key)
        return SimpleNamespace(id=f"re_{len(refunds)}", amount=amount)

    monkeypatch.setattr("events.registration.payments.refund_create", refund_create)
    ticket = ticket_type_create(edition, price=150000)
    registration = register(ticket, user=user_create(email="amine@example.org"))
    ops.payment_start(registration=registration)
    ops.payment_succeeded(intent_id="pi_admin_1", amount=150000)
    registration.refresh_from_db()
    registration.refunds = refunds
    registration.refund_keys = registration_keys
    return registration


def test_partial_then_full_card_refund(
    organiser_client, organiser, card_paid, django_capture_on_commit_callbacks
):
    payment = card_paid.payments.get()
    url = f"{LIST}{card_paid.pk}/refund/{payment.pk}/"
    inspect = organiser_client.get(f"{LIST}inspect/{card_paid.pk}/").content.decode()
    assert f'href="{url}"' in inspect

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, {"amount": "500"}, follow=True)

    payment.refresh_from_db()
    card_paid.refresh_from_db()
    assert card_paid.refunds == [("pi_admin_1", 50000)]
    assert payment.refunded_amount == 50000 and payment.status == PaymentStatus.SUCCEEDED
    assert card_paid.status == RegistrationStatus.CONFIRMED
    assert (
        "success",
        f"MAD\xa0500.00 refunded to the card for registration {card_paid.reference}.",
    ) in messages_of(response)
    assert card_paid.log.get(action="refunded").actor == organiser

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(url, {"amount": ""})  # empty: everything left

    payment.refresh_from_db()
    card_paid.refresh_from_db()
    assert card_paid.refunds[-1] == ("pi_admin_1", 100000)
    assert payment.status == PaymentStatus.REFUNDED
    assert card_paid.status == RegistrationStatus.CANCELLED  # a full refund frees the seat


def test_two_refunds_of_the_same_amount_are_two_refunds_at_stripe(organiser_client, card_paid):
    payment = card_paid.payments.get()
    url = f"{LIST}{card_paid.pk}/refund/{payment.pk}/"

    organiser_client.post(url, {"amount": "750"})
    organiser_client.post(url, {"amount": "750"})

    payment.refresh_from_db()
    assert card_paid.refunds == [("pi_admin_1", 75000), ("pi_admin_1", 75000)]
    # Stripe treats a repeated idempotency key as the same request: the keys must differ.
    assert len(set(card_paid.refund_keys)) == 2
    assert (payment.refunded_amount, payment.status) == (150000, PaymentStatus.REFUNDED)


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        ("1600", "The amount must be more than zero and at most MAD\xa01,500.00, what is left to refund."),
        ("0", "The amount must be more than zero and at most MAD\xa01,500.00, what is left to refund."),
        ("abc", "Write the amount in MAD with at most two decimals and no thousands separator"),
        ("1,500", "Write the amount in MAD with at most two decimals and no thousands separator"),
        ("10.505", "Write the amount in MAD with at most two decimals and no thousands separator"),
    ],
)
def test_refund_amounts_are_validated(organiser_client, card_paid, amount, error):
    payment = card_paid.payments.get()

    response = organiser_client.post(f"{LIST}{card_paid.pk}/refund/{payment.pk}/", {"amount": amount})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert card_paid.refunds == []


def test_a_decimal_comma_is_accepted(organiser_client, card_paid):
    payment = card_paid.payments.get()

    organiser_client.post(f"{LIST}{card_paid.pk}/refund/{payment.pk}/", {"amount": "250,50"})

    assert card_paid.refunds == [("pi_admin_1", 25050)]


def test_a_transfer_payment_is_never_sent_to_stripe(organiser, awaiting, monkeypatch):
    monkeypatch.setattr(
        "events.registration.payments.refund_create", lambda **kwargs: pytest.fail("Stripe was called")
    )
    ops.transfer_received(registration=awaiting, actor=organiser)
    payment = awaiting.payments.get()

    with pytest.raises(ops.RegistrationError) as error:
        ops.refund_issue(payment=payment, actor=organiser)

    assert str(error.value) == "Ce paiement ne peut pas être remboursé par carte."
    payment.refresh_from_db()
    assert payment.refunded_amount == 0


def test_a_stripe_failure_is_reported(organiser_client, card_paid, monkeypatch):
    from events.registration.payments import PaymentProviderError

    def refuse(**kwargs):
        raise PaymentProviderError("Charge already refunded")

    monkeypatch.setattr("events.registration.payments.refund_create", refuse)
    payment = card_paid.payments.get()

    response = organiser_client.post(
        f"{LIST}{card_paid.pk}/refund/{payment.pk}/", {"amount": ""}, follow=True
    )

    level, message = messages_of(response)[-1]
    assert level == "error" and message.startswith("Stripe refused the refund")
    payment.refresh_from_db()
    assert payment.refunded_amount == 0


# Overview ---------------------------------------------------------------------------------


@pytest.fixture
def busy_edition(edition, organiser):
    """Quota 3: one confirmed, one held, one awaiting transfer; a workshop of 2 seats with 1 booked."""
    ticket = ticket_type_create(edition, name_fr="Pass sur place", price=150000, quota=3)
    confirmed = register(ticket, bank_transfer=True)
    ops.transfer_received(registration=confirmed, actor=organiser)
    register(ticket)  # held, awaiting card payment
    register(ticket, bank_transfer=True)
    workshop = session_create(edition, kind=SessionKind.WORKSHOP, capacity=2, title_fr="Atelier données")
    ops.workshop_book(registration=confirmed, session=workshop, actor=organiser)
    return SimpleNamespace(ticket=ticket, workshop=workshop, confirmed=confirmed)


def test_overview_counts_seats_exactly(organiser_client, busy_edition):
    response = organiser_client.get(OVERVIEW)

    assert response.status_code == 200
    overview = response.context["overview"]
    [row] = overview.tickets
    expected = TicketRow(busy_edition.ticket, quota=3, confirmed=1, held=1, awaiting=1, offers=0, waiting=0)
    assert row == expected
    assert row.free == 0 == ops.seats_left(busy_edition.ticket)
    [workshop] = overview.workshops
    assert workshop == WorkshopRow(busy_edition.workshop, capacity=2, booked=1, offers=0, waiting=0)
    assert workshop.free == 1
    assert overview.ticket_totals["free"] == 0 and overview.workshop_totals["free"] == 1
    content = response.content.decode()
    assert re.search(r'<tr data-ticket-type="\d+">\s*<th scope="row">Pass sur place', content)
    assert '<th scope="col">Free seats</th>' in content


def test_overview_counts_waiting_lists_and_open_offers(organiser_client, edition, organiser):
    ticket = ticket_type_create(edition, price=0, quota=1)
    register(ticket)
    first, second = user_create(), user_create()
    ops.waiting_list_join(user=first, ticket_type=ticket)
    ops.waiting_list_join(user=second, ticket_type=ticket)
    ops.registration_cancel(registration=Registration.objects.get(ticket_type=ticket), actor=organiser)

    [row] = organiser_client.get(OVERVIEW).context["overview"].tickets

    assert (row.confirmed, row.offers, row.waiting, row.free) == (0, 1, 1, 0)


def test_overview_chart_is_accessible_svg_with_a_table(organiser_client, busy_edition):
    content = organiser_client.get(OVERVIEW).content.decode()

    start = content.index('<svg role="img"')
    svg = content[start : content.index("</svg>", start)]
    assert 'aria-labelledby="registrations-chart-title registrations-chart-desc"' in svg
    assert '<title id="registrations-chart-title">' in svg
    assert "3 registrations started in all, 1 of them confirmed" in svg
    chart = organiser_client.get(OVERVIEW).context["overview"].chart
    assert [(d.created_total, d.confirmed_total) for d in chart.days][-1] == (3, 1)
    assert "The figures as a table" in content
    # Coordinates are never localised with a decimal comma.
    assert re.search(r'points="[\d. ,]+"', svg) and not re.search(r"\d,\d+,", chart.created_points)


def test_overview_query_count_does_not_grow_with_registrations(
    organiser_client, edition, busy_edition, organiser
):
    organiser_client.get(OVERVIEW)  # sessions, profiles and caches warmed up
    with CaptureQueriesContext(connection) as small:
        organiser_client.get(OVERVIEW)

    more = ticket_type_create(edition, name_fr="En ligne", mode="online", price=0)
    for _ in range(6):
        registration = register(more)
        ops.workshop_book(
            registration=registration,
            session=session_create(edition, kind=SessionKind.WORKSHOP, capacity=5, start="14:00"),
            actor=organiser,
        )
    with CaptureQueriesContext(connection) as large:
        response = organiser_client.get(OVERVIEW)

    assert len(response.context["overview"].workshops) == 7
    assert len(large) == len(small), [q["sql"] for q in large]


def test_overview_of_another_edition(organiser_client, busy_edition):
    past = edition_create(is_current=False, number=4, start_date=datetime.date(2021, 6, 9))

    response = organiser_client.get(OVERVIEW, {"edition": past.pk})

    assert response.context["edition"] == past
    assert response.context["overview"].tickets == []
    assert "No registration yet for this edition." in response.content.decode()


def test_overview_query_count_is_bounded(organiser_client, busy_edition, django_assert_max_num_queries):
    organiser_client.get(OVERVIEW)
    with django_assert_max_num_queries(15):
        organiser_client.get(OVERVIEW)


# Waiting lists ----------------------------------------------------------------------------


def test_waiting_lists_are_listed_and_filtered(organiser_client, edition, organiser):
    ticket = ticket_type_create(edition, price=0, quota=1, name_fr="Pass complet")
    holder = register(ticket)
    waiting = user_create(email="next@example.org")
    ops.waiting_list_join(user=waiting, ticket_type=ticket)
    workshop = session_create(
        edition, kind=SessionKind.WORKSHOP, capacity=1, title_fr="Atelier IA", title_en="Atelier IA"
    )
    ops.workshop_book(registration=holder, session=workshop, actor=organiser)
    other = register(ticket_type_create(edition, price=0, mode="online"))
    ops.workshop_waiting_list_join(registration=other, session=workshop)

    response = organiser_client.get(WAITING)
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        "next@example.org" in content
        and "Ticket: Pass complet" in content
        and "Workshop: Atelier IA" in content
    )

    by_ticket = organiser_client.get(WAITING, {"ticket_type": ticket.pk}).context["object_list"]
    assert [entry.user for entry in by_ticket] == [waiting]
    by_workshop = organiser_client.get(WAITING, {"session": workshop.pk}).context["object_list"]
    assert [entry.user for entry in by_workshop] == [other.user]
    assert len(organiser_client.get(WAITING, {"status": "offered"}).context["object_list"]) == 0
    assert len(organiser_client.get(WAITING, {"edition": edition.pk}).context["object_list"]) == 2
    entry = WaitingListEntry.objects.get(user=waiting)
    inspect = organiser_client.get(f"{WAITING}inspect/{entry.pk}/")
    assert inspect.status_code == 200 and entry.token not in inspect.content.decode()
    assert organiser_client.get(f"{WAITING}new/").status_code == 404
    assert organiser_client.get(f"{WAITING}edit/{entry.pk}/").status_code == 404
    assert entry.status == OfferStatus.WAITING


# Vouchers in bulk -------------------------------------------------------------------------


def voucher_form(edition, ticket_types, **overrides):
    return {
        "edition": edition.pk,
        "ticket_types": [t.pk for t in ticket_types],
        "count": "25",
        "prefix": "press",
        "max_uses": "1",
        "valid_until": "",
        "discount_kind": "free",
        "discount_value": "",
        "note": "Presse",
        **overrides,
    }


def test_generate_voucher_codes_then_download_them(organiser_client, edition):
    press = ticket_type_create(edition, name_fr="Pass presse", price=0, voucher_only=True)
    page = organiser_client.get(VOUCHERS)
    assert page.status_code == 200
    assert page.context["form"]["edition"].value() == edition.pk

    response = organiser_client.post(VOUCHERS, voucher_form(edition, [press]), follow=True)

    assert response.redirect_chain[-1][0] == f"{VOUCHERS}done/"
    vouchers = Voucher.objects.filter(note="Presse")
    assert vouchers.count() == 25
    assert all(re.fullmatch(r"PRESS-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", v.code) for v in vouchers)
    assert all(list(v.ticket_types.all()) == [press] for v in vouchers)
    assert ("success", "25 voucher codes created.") in messages_of(response)

    download = organiser_client.get(f"{VOUCHERS}done/csv/")
    assert download["Content-Type"].startswith("text/csv")
    assert download["Content-Disposition"].startswith(f'attachment; filename="vouchers-{edition.slug}-')
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert rows[0][:3] == ["Code", "Edition", "Ticket types"]
    assert sorted(row[0] for row in rows[1:]) == sorted(vouchers.values_list("code", flat=True))
    assert rows[1][2] == "Pass presse" and rows[1][5] == "Free ticket"


def test_the_vouchers_list_links_to_the_generator(organiser_client, edition):
    content = organiser_client.get("/admin/snippets/events/voucher/").content.decode()

    assert f'href="{VOUCHERS}"' in content


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"count": "0"}, "count", "greater than or equal to 1"),
        ({"count": "501"}, "count", "less than or equal to 500"),
        ({"prefix": "PRESSE 2026"}, "prefix", "The prefix can have up to 10 letters"),
        ({"discount_kind": "percent", "discount_value": "150"}, "discount_value", "between 1 and 100"),
        (
            {"discount_kind": "fixed", "discount_value": "abc"},
            "discount_value",
            "Write the amount off in MAD",
        ),
        ({"valid_until": "2001-01-01 10:00"}, "valid_until", "Choose a date in the future."),
    ],
)
def test_voucher_form_errors(organiser_client, edition, overrides, field, message):
    press = ticket_type_create(edition, price=0)

    response = organiser_client.post(VOUCHERS, voucher_form(edition, [press], **overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not Voucher.objects.exists()


def test_voucher_ticket_types_must_belong_to_the_edition(organiser_client, edition):
    elsewhere = ticket_type_create(edition_create(is_current=False), price=0)

    response = organiser_client.post(VOUCHERS, voucher_form(edition, [elsewhere]))

    assert response.context["form"].errors["ticket_types"] == [
        "Choose ticket types of the edition chosen above."
    ]
    assert not Voucher.objects.exists()


def test_a_fixed_discount_is_written_in_mad(organiser_client, edition):
    ticket = ticket_type_create(edition, price=150000)

    organiser_client.post(
        VOUCHERS,
        voucher_form(edition, [ticket], count="1", prefix="", discount_kind="fixed", discount_value="500.50"),
    )

    voucher = Voucher.objects.get()
    assert voucher.discount_value == 50050 and re.fullmatch(
        r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", voucher.code
    )
    assert voucher.price_for(ticket) == 150000 - 50050


def test_the_download_needs_a_batch(organiser_client):
    assert organiser_client.get(f"{VOUCHERS}done/csv/").status_code == 404


# Who may see and do what -----------------------------------------------------------------------


def urls_for(registration):
    return [
        LIST,
        f"{LIST}inspect/{registration.pk}/",
        f"{LIST}{registration.pk}/transfer-received/",
        f"{LIST}{registration.pk}/cancel/",
        f"{LIST}{registration.pk}/email/",
        OVERVIEW,
        WAITING,
        VOUCHERS,
    ]


def test_anonymous_visitors_and_attendees_are_sent_away(client, awaiting):
    for url in urls_for(awaiting):
        assert client.get(url).status_code == 302, url
    client.force_login(awaiting.user)  # an attendee, without access to the admin
    for url in urls_for(awaiting):
        assert client.get(url).status_code == 302, url
    assert client.post(f"{LIST}{awaiting.pk}/transfer-received/").status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.AWAITING_TRANSFER


def staff_with(*codenames):
    user = in_english(user_create(is_staff=True))
    group = Group.objects.create(name=f"group-{user.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


def refused(response):
    """Wagtail turns a PermissionDenied into a redirect to the admin home, with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_editors_without_registration_permissions_are_refused(client, awaiting):
    client.force_login(staff_with())

    for url in urls_for(awaiting):
        assert refused(client.get(url)), url
    assert refused(client.post(f"{LIST}{awaiting.pk}/transfer-received/"))
    assert refused(client.post(f"{LIST}{awaiting.pk}/cancel/"))
    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.AWAITING_TRANSFER


def test_viewers_read_but_cannot_act(client, awaiting):
    client.force_login(staff_with("view_registration"))

    assert client.get(LIST).status_code == 200
    assert client.get(OVERVIEW).status_code == 200
    inspect = client.get(f"{LIST}inspect/{awaiting.pk}/")
    assert inspect.status_code == 200
    assert f"{LIST}{awaiting.pk}/transfer-received/" not in inspect.content.decode()
    assert refused(client.get(f"{LIST}{awaiting.pk}/transfer-received/"))
    assert refused(client.post(f"{LIST}{awaiting.pk}/cancel/"))
    assert refused(client.get(VOUCHERS))
    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.AWAITING_TRANSFER


def test_managers_act(client, awaiting):
    manager = staff_with("change_registration")
    client.force_login(manager)

    assert (
        f"{LIST}{awaiting.pk}/transfer-received/"
        in client.get(f"{LIST}inspect/{awaiting.pk}/").content.decode()
    )
    client.post(f"{LIST}{awaiting.pk}/transfer-received/")

    awaiting.refresh_from_db()
    assert awaiting.status == RegistrationStatus.CONFIRMED
    assert awaiting.log.last().actor == manager


def test_the_menu_groups_the_registration_pages(organiser_client):
    content = organiser_client.get("/admin/").content.decode()

    for label in ["Registrations", "Overview", "Waiting lists", "Generate voucher codes"]:
        assert label in content


def test_the_list_and_its_export_take_a_fixed_number_of_queries(organiser_client, edition, awaiting):
    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            response = organiser_client.get(LIST, params)
            if response.streaming:
                response.getvalue()  # the CSV rows are read as the response streams
        return len(queries)

    organiser_client.get(LIST)
    before = count(), count(export="csv")
    online = ticket_type_create(edition, mode="online", price=0)
    for _ in range(5):
        register(online)

    assert (count(), count(export="csv")) == before


def test_a_transfer_paid_back_is_recorded_and_cancels(organiser_client, organiser, edition):
    ticket = ticket_type_create(edition, price=150000)
    registration = register(ticket, user=user_create(email="institution@example.org"), bank_transfer=True)
    ops.transfer_received(registration=registration, actor=organiser)
    payment = registration.payments.get()
    url = f"{LIST}{registration.pk}/refund/{payment.pk}/"

    page = organiser_client.get(url).content.decode()
    assert "Record a refund made by bank transfer" in page
    organiser_client.post(url, {"amount": ""})

    payment.refresh_from_db()
    registration.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, 150000)
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.log.get(action="refunded").actor == organiser
