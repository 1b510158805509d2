"""Demo ticket types, vouchers, registrations and speaker work of the current edition.

People and prices are in `data/registrations.json`. Registrations go through
the registration services, so their logs and seat counts are real ones;
their dates are then moved back over the last weeks so that the organisers'
chart has a history.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo.data import load, translated
from events.models import (
    ACTIVE_STATUSES,
    PROPOSED_FIELDS,
    Edition,
    ProposalStatus,
    Registration,
    RegistrationLog,
    Session,
    SessionKind,
    SessionProposal,
    SessionSpeaker,
    TicketType,
    Voucher,
)
from events.registration import services as ops


def seed_ticket_types(*, edition: Edition) -> dict:
    """Ticket types and vouchers of the upcoming edition; idempotent."""
    data = load("registrations")
    tickets = {}
    for order, row in enumerate(data["ticket_types"]):
        names = translated("name", row["name"])
        ticket, _created = TicketType.objects.update_or_create(
            edition=edition,
            name_fr=names.pop("name_fr"),
            defaults={
                **names,
                "mode": row["mode"],
                "price": row["price"],
                "quota": row["quota"],
                "voucher_only": row["voucher_only"],
                "role": row["role"],
                "sort_order": order,
            },
        )
        tickets[row["key"]] = ticket
    for row in data["vouchers"]:
        voucher, _created = Voucher.objects.update_or_create(
            code=f"{row['prefix']}-{edition.number}",
            defaults={
                "edition": edition,
                "max_uses": row["max_uses"],
                "discount_kind": "free",
                "note": row["note"],
            },
        )
        voucher.ticket_types.set([tickets[row["ticket_type"]]])
    return tickets


def seed_registrations(*, edition: Edition, tickets: dict) -> None:
    """Demo registrations of every kind: paid by transfer, waiting for one, online, vouchers.

    The demo attendee comes in person, has booked a workshop and waits for a
    seat in a full one; the demo speaker comes with the speakers' voucher.
    Idempotent: people already registered are left as they are.
    """
    data = load("registrations")
    User = get_user_model()
    organiser = User.objects.get(email="organiser@example.org")
    now = timezone.now()

    def person(email, first, last, **fields):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
        return user

    def register(
        user, ticket, attendee, *, voucher=None, transfer=False, paid=False, days_ago=0, language="fr"
    ):
        if Registration.objects.filter(user=user, edition=edition, status__in=ACTIVE_STATUSES).exists():
            return Registration.objects.get(user=user, edition=edition, status__in=ACTIVE_STATUSES)
        with transaction.atomic():
            registration = ops.registration_start(
                user=user,
                ticket_type=ticket,
                attendee=attendee,
                voucher=voucher,
                bank_transfer=transfer,
                language=language,
            )
            if paid:
                registration = ops.transfer_received(registration=registration, actor=organiser)
            when = now - datetime.timedelta(days=days_ago, hours=days_ago % 7)
            Registration.objects.filter(pk=registration.pk).update(
                created_at=when,
                confirmed_at=when + datetime.timedelta(days=2) if registration.confirmed_at else None,
            )
            RegistrationLog.objects.filter(registration=registration).update(at=when)
        return registration

    attendee_user = User.objects.get(email="attendee@example.org")
    mine = register(
        attendee_user,
        tickets["in-person"],
        ops.Attendee(**data["attendee"]),
        transfer=True,
        paid=True,
        days_ago=20,
    )
    speaker_user = User.objects.get(email="speaker@example.org")
    register(
        speaker_user,
        tickets["speaker"],
        ops.Attendee(**data["speaker"]),
        voucher=Voucher.objects.get(code=f"INTERVENANTS-{edition.number}"),
        days_ago=30,
    )
    countries = data["countries"]
    participants = []
    for index, row in enumerate(data["participants"]):
        first, last, job, city = row["first_name"], row["last_name"], row["job_title"], row["city"]
        user = person(f"participant{index + 1:02d}@example.org", first, last)
        attendee = ops.Attendee(
            first,
            last,
            name_ar=row["name_ar"],
            organisation=row["organisation"],
            job_title=job,
            city=city,
            country=countries.get(city, "MA"),
            phone=f"+212 6 {10 + index:02d} 00 {index:02d} 00",
            needs_wheelchair_access=index % 11 == 3,
            needs_sign_language=index % 13 == 5,
        )
        days_ago = 40 - index
        if index < 26:  # in person, paid by their institution's transfer
            ticket = (
                tickets["student"]
                if job.startswith("Étudiant") or job == "Doctorante"
                else tickets["in-person"]
            )
            participants.append(register(user, ticket, attendee, transfer=True, paid=True, days_ago=days_ago))
        elif index < 31:  # their transfer has not arrived yet
            register(user, tickets["in-person"], attendee, transfer=True, days_ago=days_ago)
        else:  # online, free
            register(
                user,
                tickets["online"],
                attendee,
                days_ago=days_ago,
                language="en" if city in countries else "fr",
            )

    # Workshops: the AI workshop (25 seats) fills up and the demo attendee waits for a seat.
    workshops = list(
        Session.objects.filter(edition=edition, kind=SessionKind.WORKSHOP).order_by("capacity", "starts_at")
    )
    if not workshops:
        return
    full = workshops[0]
    for registration in participants[: full.capacity]:
        if not registration.workshop_bookings.filter(session=full, status="booked").exists():
            try:
                ops.workshop_book(registration=registration, session=full, actor=registration.user)
            except ops.RegistrationError:
                pass
    try:
        ops.workshop_waiting_list_join(registration=mine, session=full)
        other = next(
            s for s in workshops[1:] if not (s.starts_at < full.ends_at and full.starts_at < s.ends_at)
        )
        if not mine.workshop_bookings.filter(session=other, status="booked").exists():
            ops.workshop_book(registration=mine, session=other, actor=attendee_user)
    except (ops.RegistrationError, StopIteration):
        pass


def seed_speaker_work(*, edition: Edition) -> None:
    """The demo speaker has answered for one session and proposed a new abstract, waiting for review."""
    data = load("registrations")["speaker_work"]
    user = get_user_model().objects.get(email="speaker@example.org")
    appearance = (
        SessionSpeaker.objects.filter(speaker__user=user, session__edition=edition)
        .select_related("session")
        .order_by("session__starts_at")
        .first()
    )
    if appearance is None:
        return
    SessionSpeaker.objects.filter(pk=appearance.pk).update(
        participation="confirmed",
        presence="in_person",
        technical_needs=data["technical_needs"],
    )
    session = appearance.session
    if not session.proposals.filter(status=ProposalStatus.PENDING).exists():
        proposal = SessionProposal(
            session=session, author=user, **{n: getattr(session, n) for n in PROPOSED_FIELDS}
        )
        proposal.abstract_fr = session.abstract_fr + data["abstract_addition"]
        proposal.save()
