"""The registration state machine: seats, holds, vouchers, payments.

Refusals are read by people: they come in the active language (French by default)."""

import datetime

import pytest
from django.utils import timezone

from events.models import Payment, PaymentStatus, RegistrationStatus
from events.registration import services as ops
from tests.factories import attendee, ticket_type_create, user_create, voucher_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def start(ticket_type, user=None, **kwargs):
    return ops.registration_start(
        user=user or user_create(), ticket_type=ticket_type, attendee=attendee(), **kwargs
    )


def test_free_ticket_is_confirmed_at_once(edition):
    online = ticket_type_create(edition, mode="online", price=0)

    registration = start(online)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.confirmed_at is not None
    assert [(e.action, e.from_status, e.to_status) for e in registration.log.all()] == [
        ("registered", "", "confirmed")
    ]


def test_paid_ticket_holds_its_seat_for_fifteen_minutes(edition, settings):
    now = timezone.now()
    ticket = ticket_type_create(edition, price=150000)

    registration = start(ticket, now=now)

    assert registration.status == RegistrationStatus.HELD
    assert registration.hold_expires_at == now + datetime.timedelta(minutes=15)
    assert registration.price == 150000
    assert registration.reference.startswith(f"CSC{edition.number}-")


def test_the_last_seat_goes_once_then_sold_out(edition):
    ticket = ticket_type_create(edition, quota=2)
    start(ticket)
    start(ticket)

    with pytest.raises(ops.SoldOut):
        start(ticket)
    assert ops.seats_left(ticket) == 0


def test_an_expired_hold_frees_its_seat(edition):
    ticket = ticket_type_create(edition, quota=1)
    now = timezone.now()
    held = start(ticket, now=now)
    later = now + datetime.timedelta(minutes=15) + ops.hold_grace()

    assert ops.holds_expire(now=later) == 1
    held.refresh_from_db()
    assert held.status == RegistrationStatus.EXPIRED
    assert start(ticket, now=later).status == RegistrationStatus.HELD


def test_one_active_registration_per_person_and_edition(edition):
    person = user_create()
    start(ticket_type_create(edition, price=0), user=person)

    with pytest.raises(ops.RegistrationError) as error:
        start(ticket_type_create(edition, price=0, mode="online"), user=person)
    assert str(error.value) == "Vous avez déjà une inscription à cette édition."


def test_cancelling_frees_the_seat_and_allows_a_new_registration(edition):
    person = user_create()
    ticket = ticket_type_create(edition, price=0, quota=1)
    first = start(ticket, user=person)

    ops.registration_cancel(registration=first, actor=person)

    first.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert start(ticket, user=person).status == RegistrationStatus.CONFIRMED


def test_voucher_only_ticket_needs_a_voucher_and_a_free_voucher_confirms(edition):
    speakers = ticket_type_create(edition, voucher_only=True, name_fr="Intervenant")
    voucher = voucher_create(ticket_types=[speakers], discount_kind="free", max_uses=1)

    with pytest.raises(ops.RegistrationError) as error:
        start(speakers)
    assert str(error.value) == "Ce billet nécessite un code d’accès."
    registration = start(speakers, voucher=voucher)
    assert (registration.status, registration.price) == (RegistrationStatus.CONFIRMED, 0)
    with pytest.raises(ops.RegistrationError) as error:
        start(speakers, voucher=voucher)
    assert str(error.value) == "Ce code d’accès a déjà été utilisé."


@pytest.mark.parametrize("kind, value, expected", [("percent", 50, 75000), ("fixed", 20000, 130000)])
def test_discount_vouchers(edition, kind, value, expected):
    ticket = ticket_type_create(edition, price=150000)
    voucher = voucher_create(ticket_types=[ticket], discount_kind=kind, discount_value=value, max_uses=5)

    assert start(ticket, voucher=voucher).price == expected


def test_ticket_not_on_sale_is_refused(edition):
    later = timezone.now() + datetime.timedelta(days=3)
    ticket = ticket_type_create(edition, sale_starts_at=later)

    with pytest.raises(ops.RegistrationError) as error:
        start(ticket)
    assert str(error.value) == "Ce billet n’est pas en vente."


def test_bank_transfer_waits_for_an_organiser(edition):
    organiser = user_create(is_staff=True)
    registration = start(ticket_type_create(edition), bank_transfer=True)
    assert registration.status == RegistrationStatus.AWAITING_TRANSFER

    ops.transfer_received(registration=registration, actor=organiser)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.log.last().actor == organiser
    assert registration.payments.get().provider == "transfer"


def paid_hold(ticket, *, now, intent_id="pi_test_1"):
    registration = start(ticket, now=now)
    Payment.objects.create(registration=registration, intent_id=intent_id, amount=registration.price)
    return registration


def test_payment_confirms_and_is_idempotent(edition):
    now = timezone.now()
    registration = paid_hold(ticket_type_create(edition), now=now)

    first = ops.payment_succeeded(intent_id="pi_test_1", amount=150000, now=now)
    second = ops.payment_succeeded(intent_id="pi_test_1", amount=150000, now=now)

    registration.refresh_from_db()
    assert (first.confirmed, second.confirmed) == (True, True)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.log.filter(action="paid").count() == 1


def test_late_payment_is_honoured_when_a_seat_is_free(edition):
    now = timezone.now()
    registration = paid_hold(ticket_type_create(edition, quota=5), now=now)
    ops.holds_expire(now=now + datetime.timedelta(minutes=20))

    outcome = ops.payment_succeeded(
        intent_id="pi_test_1", amount=150000, now=now + datetime.timedelta(minutes=21)
    )

    registration.refresh_from_db()
    assert (outcome.confirmed, outcome.refund_needed) == (True, False)
    assert registration.status == RegistrationStatus.CONFIRMED


def test_late_payment_without_a_seat_must_be_refunded(edition):
    now = timezone.now()
    ticket = ticket_type_create(edition, quota=1)
    late = paid_hold(ticket, now=now)
    ops.holds_expire(now=now + datetime.timedelta(minutes=20))
    start(ticket, now=now + datetime.timedelta(minutes=20))  # somebody else takes the seat

    outcome = ops.payment_succeeded(
        intent_id="pi_test_1", amount=150000, now=now + datetime.timedelta(minutes=21)
    )

    late.refresh_from_db()
    assert (outcome.confirmed, outcome.refund_needed) == (False, True)
    assert late.status == RegistrationStatus.EXPIRED
    assert Payment.objects.get(intent_id="pi_test_1").status == PaymentStatus.SUCCEEDED


def test_full_refund_cancels_the_registration(edition):
    now = timezone.now()
    registration = paid_hold(ticket_type_create(edition), now=now)
    ops.payment_succeeded(intent_id="pi_test_1", amount=150000, now=now)

    ops.payment_refunded(intent_id="pi_test_1", amount_refunded=150000)
    ops.payment_refunded(intent_id="pi_test_1", amount_refunded=150000)  # replayed: no-op

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.log.filter(action="refunded").count() == 1


def test_the_worker_releases_a_hold_when_it_falls_due(edition, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from events.registration.tasks import holds_release

    settings.REGISTRATION_HOLD_MINUTES = 0  # due at once, so the test need not wait
    settings.REGISTRATION_HOLD_GRACE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        held = start(ticket_type_create(edition, quota=1))

    queued = DBTaskResult.objects.get(task_path="events.registration.tasks.holds_release")
    assert queued.run_after == held.hold_expires_at + datetime.timedelta(seconds=1)
    assert holds_release.call() == 1  # what db_worker runs at that time
    held.refresh_from_db()
    assert held.status == RegistrationStatus.EXPIRED


def test_a_card_confirmed_in_the_last_seconds_keeps_its_seat(edition):
    ticket = ticket_type_create(edition, quota=1)
    now = timezone.now()
    held = paid_hold(ticket, now=now)
    just_after = held.hold_expires_at + datetime.timedelta(seconds=30)

    with pytest.raises(ops.SoldOut):  # the seat is still kept for the payer, silently
        start(ticket, now=just_after)
    assert ops.holds_expire(now=just_after) == 0
    outcome = ops.payment_succeeded(intent_id="pi_test_1", amount=150000, now=just_after)

    assert (outcome.confirmed, outcome.refund_needed) == (True, False)


def test_a_late_payment_does_not_overuse_its_voucher(edition):
    ticket = ticket_type_create(edition, quota=10)
    voucher = voucher_create(ticket_types=[ticket], discount_kind="percent", discount_value=50, max_uses=1)
    now = timezone.now()
    late = start(ticket, voucher=voucher, now=now)
    Payment.objects.create(registration=late, intent_id="pi_voucher", amount=late.price)
    later = late.hold_expires_at + ops.hold_grace()
    ops.holds_expire(now=later)
    start(ticket, voucher=voucher, now=later)  # somebody else uses the freed voucher

    outcome = ops.payment_succeeded(intent_id="pi_voucher", amount=late.price, now=later)

    assert (outcome.confirmed, outcome.refund_needed) == (False, True)


@pytest.mark.parametrize(
    ("days_before", "refund"), [(7, 150000), (6, 0)], ids=["at the deadline", "a day late"]
)
def test_the_refund_deadline_is_midnight_n_days_before_in_casablanca(edition, days_before, refund):
    ticket = ticket_type_create(edition, refund_deadline_days=7)
    registration = start(ticket)
    Payment.objects.create(registration=registration, intent_id="pi_deadline", amount=150000)
    ops.payment_succeeded(intent_id="pi_deadline", amount=150000)
    deadline = edition.starts_at - datetime.timedelta(days=7)

    moment = edition.starts_at - datetime.timedelta(days=days_before) - datetime.timedelta(minutes=1)
    assert ops.refund_due(registration, now=moment) == refund
    assert ops.refund_due(registration, now=deadline) == 0  # from the deadline on, nothing
