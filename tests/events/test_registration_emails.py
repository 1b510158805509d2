"""E-mails go out in the person's language, once the change has committed."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Payment, PaymentStatus, RegistrationStatus
from events.registration import services as ops
from tests.factories import attendee, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def sent(django_capture_on_commit_callbacks, immediate_tasks):
    """Run the on-commit e-mail tasks of the block and give the outbox."""

    class Capture:
        def __enter__(self):
            self.inner = django_capture_on_commit_callbacks(execute=True)
            self.inner.__enter__()
            return mail.outbox

        def __exit__(self, *exc):
            return self.inner.__exit__(*exc)

    return Capture()


def test_an_arabic_registration_gets_an_arabic_confirmation(edition, sent):
    ticket = ticket_type_create(edition, price=0, name_fr="Pass en ligne", name_ar="مشاركة عبر الإنترنت")

    with sent as outbox:
        registration = ops.registration_start(
            user=user_create(), ticket_type=ticket, attendee=attendee(), language="ar"
        )

    [message] = outbox
    assert message.subject == f"تم تأكيد تسجيلك في {edition.title_ar}"
    assert "مشاركة عبر الإنترنت" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'dir="rtl"' in html and 'lang="ar"' in html
    assert registration.log.filter(action="email_sent", note="confirmation").exists()


def test_bank_transfer_instructions_carry_the_reference_and_bank_details(edition, sent):
    with sent as outbox:
        registration = ops.registration_start(
            user=user_create(),
            ticket_type=ticket_type_create(edition),
            attendee=attendee(),
            bank_transfer=True,
        )

    [message] = outbox
    assert registration.reference in message.body
    assert "RIB 011 780" in message.body
    assert "1\u202f500,00\xa0MAD" in message.body


def test_a_cancellation_before_the_deadline_refunds_the_card_and_mails_twice(edition, sent, monkeypatch):
    refunds = []
    monkeypatch.setattr(
        "events.registration.payments.refund_create",
        lambda *, intent_id, amount, idempotency_key: (
            refunds.append((intent_id, amount)) or SimpleNamespace(amount=amount)
        ),
    )
    ticket = ticket_type_create(edition, refund_deadline_days=7)
    registration = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    Payment.objects.create(registration=registration, intent_id="pi_cancel", amount=150000)
    ops.payment_succeeded(intent_id="pi_cancel", amount=150000)

    with sent as outbox:
        outcome = ops.registration_cancel(registration=registration, actor=registration.user)

    assert outcome.refund == 150000
    assert refunds == [("pi_cancel", 150000)]
    assert Payment.objects.get(intent_id="pi_cancel").status == PaymentStatus.REFUNDED
    subjects = [message.subject for message in outbox]
    assert subjects == [
        f"Votre inscription {registration.reference} est annulée",
        f"Remboursement de votre inscription {registration.reference}",
    ]


def test_after_the_deadline_a_cancellation_refunds_nothing(edition, monkeypatch):
    monkeypatch.setattr(
        "events.registration.payments.refund_create", lambda **kwargs: pytest.fail("no refund expected")
    )
    ticket = ticket_type_create(edition, refund_deadline_days=7)
    registration = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    Payment.objects.create(registration=registration, intent_id="pi_late", amount=150000)
    ops.payment_succeeded(intent_id="pi_late", amount=150000)
    six_days_before = edition.starts_at - datetime.timedelta(days=6)

    outcome = ops.registration_cancel(registration=registration, actor=registration.user, now=six_days_before)

    assert outcome.refund == 0


def test_a_late_payment_without_a_seat_is_refunded_with_an_apology(edition, sent, monkeypatch):
    monkeypatch.setattr(
        "events.registration.payments.refund_create",
        lambda *, intent_id, amount, idempotency_key: SimpleNamespace(amount=amount),
    )
    now = timezone.now()
    ticket = ticket_type_create(edition, quota=1)
    late = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee(), now=now)
    Payment.objects.create(registration=late, intent_id="pi_too_late", amount=150000)
    ops.holds_expire(now=late.hold_expires_at + ops.hold_grace())
    ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee(), bank_transfer=True)

    with sent as outbox:
        outcome = ops.payment_succeeded(intent_id="pi_too_late", amount=150000)
        assert outcome.refund_needed
        ops.refund_schedule("pi_too_late")

    late.refresh_from_db()
    assert late.status == RegistrationStatus.EXPIRED
    assert Payment.objects.get(intent_id="pi_too_late").status == PaymentStatus.REFUNDED
    refund_mail = [m for m in outbox if m.to == [late.user.email]][-1]
    assert "il ne restait plus de place" in refund_mail.body


def test_a_waiting_list_offer_mail_links_to_the_offer(edition, sent):
    ticket = ticket_type_create(edition, price=0, quota=1, name_en="In-person pass")
    holder = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket, language="en")

    with sent as outbox:
        ops.registration_cancel(registration=holder, actor=holder.user)

    offer = next(message for message in outbox if message.to == [entry.user.email])
    assert offer.subject == "A seat is free for you: In-person pass"
    assert f"http://testserver/en/register/offer/{entry.token}/" in offer.body


def test_a_refund_that_fails_is_owed_and_retried_by_the_sweep(edition, sent, monkeypatch):
    from events.registration.payments import PaymentProviderError

    def unreachable(**kwargs):
        raise PaymentProviderError("Stripe is unreachable")

    monkeypatch.setattr("events.registration.payments.refund_create", unreachable)
    registration = ops.registration_start(
        user=user_create(), ticket_type=ticket_type_create(edition), attendee=attendee()
    )
    Payment.objects.create(registration=registration, intent_id="pi_retry", amount=150000)
    ops.payment_succeeded(intent_id="pi_retry", amount=150000)
    with sent:
        ops.registration_cancel(registration=registration, actor=registration.user)

    payment = Payment.objects.get(intent_id="pi_retry")
    assert (payment.refund_due, payment.refunded_amount) == (150000, 0)  # owed, not lost
    assert registration.log.filter(action="card_refund_due", note="150000").exists()

    monkeypatch.setattr(
        "events.registration.payments.refund_create",
        lambda *, intent_id, amount, idempotency_key: SimpleNamespace(amount=amount),
    )
    assert ops.refunds_retry() == 1
    payment.refresh_from_db()
    assert (payment.refund_due, payment.refunded_amount, payment.status) == (
        0,
        150000,
        PaymentStatus.REFUNDED,
    )
    assert ops.refunds_retry() == 0


def test_the_text_part_is_plain_text_and_the_html_part_is_escaped(edition, sent):
    ticket = ticket_type_create(edition, price=0)

    with sent as outbox:
        ops.registration_start(
            user=user_create(), ticket_type=ticket, attendee=attendee(first_name="Ryan <b>O'Brien</b> & Co")
        )

    [message] = outbox
    assert "Ryan <b>O'Brien</b> & Co" in message.body
    html, _mimetype = message.alternatives[0]
    assert "Ryan &lt;b&gt;O&#x27;Brien&lt;/b&gt; &amp; Co" in html


def test_an_in_person_confirmation_carries_the_badge(edition, sent):
    with sent as outbox:
        registration = ops.registration_start(
            user=user_create(), ticket_type=ticket_type_create(edition, price=0), attendee=attendee()
        )

    [message] = outbox
    names = [(filename, mimetype) for filename, _content, mimetype in message.attachments]
    assert names == [
        (f"{edition.slug}.ics", "text/calendar"),
        (f"badge-{registration.reference}.pdf", "application/pdf"),
    ]
    assert message.attachments[1][1].startswith(b"%PDF")
