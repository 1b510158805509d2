"""Demo editions: the 4th (historic dates) and the 7th, presented as upcoming."""

import datetime

from events.models import AttendanceFormat, Edition

# The 7th edition opens this many days after the demo is loaded, so that
# registration and the startup challenge are open when someone explores it.
UPCOMING_EDITION_OFFSET_DAYS = 75


def seed_editions(*, today: datetime.date) -> dict[int, Edition]:
    opening = today + datetime.timedelta(days=UPCOMING_EDITION_OFFSET_DAYS)
    rows = [
        {
            "number": 4,
            "slug": "2021",
            "title_fr": "Smart City Casablanca Symposium, 4e édition",
            "title_ar": "ندوة الدار البيضاء للمدينة الذكية، الدورة الرابعة",
            "title_en": "Smart City Casablanca Symposium, 4th edition",
            "theme_fr": "Smart city au service de la résilience et de la régénération territoriale",
            "theme_ar": "المدينة الذكية في خدمة الصمود والتجديد الترابي",
            "theme_en": "The smart city serving territorial resilience and regeneration",
            "start_date": datetime.date(2021, 6, 9),
            "end_date": datetime.date(2021, 6, 10),
            "venue_fr": "Casablanca et en ligne",
            "venue_ar": "الدار البيضاء وعبر الإنترنت",
            "venue_en": "Casablanca and online",
            "format": AttendanceFormat.HYBRID,
            "is_current": False,
        },
        {
            "number": 7,
            "slug": str(opening.year),
            "title_fr": "7e Congrès international Casablanca Smart City",
            "title_ar": "المؤتمر الدولي السابع للدار البيضاء المدينة الذكية",
            "title_en": "7th Casablanca Smart City International Congress",
            "theme_fr": "Ville smart, vers les transitions métropolitaines durables",
            "theme_ar": "المدينة الذكية، نحو تحولات حضرية مستدامة للحواضر الكبرى",
            "theme_en": "Smart city: towards sustainable metropolitan transitions",
            "start_date": opening,
            "end_date": opening + datetime.timedelta(days=1),
            "venue_fr": "Palais des congrès de Casablanca",
            "venue_ar": "قصر المؤتمرات بالدار البيضاء",
            "venue_en": "Casablanca Congress Centre",
            "format": AttendanceFormat.HYBRID,
            "bank_transfer_details": (
                "Titulaire : Association Casablanca Smart City\n"
                "Banque : Banque Populaire, agence Casablanca Anfa\n"
                "RIB : 190 780 21211 1234567 000 12 34\n"
                "SWIFT : BCPOMAMC"
            ),
            "is_current": True,
        },
    ]
    editions = {}
    # Clear the current flag first so that the single-current constraint holds
    # while rows are updated in any order.
    Edition.objects.exclude(number=7).filter(is_current=True).update(is_current=False)
    for row in rows:
        number = row.pop("number")
        edition = Edition.objects.filter(number=number).first() or Edition(number=number)
        for field, value in row.items():
            setattr(edition, field, value)
        edition.full_clean()
        edition.save()
        editions[number] = edition
    return editions


TICKET_TYPES = [
    # key, mode, price (centimes), quota, voucher only, names fr/ar/en
    ("in-person", "in_person", 150000, 600, False, ("Pass sur place", "تذكرة حضورية", "In-person pass")),
    (
        "student",
        "in_person",
        30000,
        100,
        False,
        ("Pass étudiant sur place", "تذكرة حضورية للطلبة", "In-person student pass"),
    ),
    (
        "online",
        "online",
        0,
        None,
        False,
        ("Participation en ligne", "مشاركة عبر الإنترنت", "Online attendance"),
    ),
    ("speaker", "in_person", 150000, 80, True, ("Intervenant", "متدخل", "Speaker")),
    ("jury", "in_person", 150000, 20, True, ("Jury du challenge", "لجنة تحكيم التحدي", "Challenge jury")),
    (
        "startup",
        "in_person",
        150000,
        60,
        True,
        ("Startup finaliste", "شركة ناشئة متأهلة", "Finalist startup"),
    ),
    ("press", "in_person", 0, 40, True, ("Presse", "صحافة", "Press")),
    ("organiser", "in_person", 0, 50, True, ("Organisation", "التنظيم", "Organising team")),
]
# The coloured band each ticket type prints on its badges.
ROLES = {
    "speaker": "speaker",
    "jury": "jury",
    "startup": "startup",
    "press": "press",
    "organiser": "organiser",
}
VOUCHERS = [
    ("INTERVENANTS", "speaker", 80, "Intervenants"),
    ("JURY", "jury", 20, "Jury"),
    ("STARTUPS", "startup", 60, "Startups"),
    ("PRESSE", "press", 40, "Presse"),
    ("ORGANISATION", "organiser", 50, "Équipe d'organisation"),
]


def seed_ticket_types(*, edition: Edition) -> dict:
    """Ticket types and vouchers of the upcoming edition; idempotent."""
    from events.models import TicketType, Voucher

    tickets = {}
    for order, (key, mode, price, quota, voucher_only, (fr, ar, en)) in enumerate(TICKET_TYPES):
        ticket, _created = TicketType.objects.update_or_create(
            edition=edition,
            name_fr=fr,
            defaults={
                "name_ar": ar,
                "name_en": en,
                "mode": mode,
                "price": price,
                "quota": quota,
                "voucher_only": voucher_only,
                "role": ROLES.get(key, "attendee"),
                "sort_order": order,
            },
        )
        tickets[key] = ticket
    for prefix, key, uses, note in VOUCHERS:
        voucher, _created = Voucher.objects.update_or_create(
            code=f"{prefix}-{edition.number}",
            defaults={"edition": edition, "max_uses": uses, "discount_kind": "free", "note": note},
        )
        voucher.ticket_types.set([tickets[key]])
    return tickets


# Demo participants: realistic names and organisations, registered over the
# last weeks so that the organisers' chart has a history.
PARTICIPANTS = [
    ("Hicham", "Benjelloun", "هشام بنجلون", "Casablanca Events & Animation", "Chef de projet", "Casablanca"),
    ("Imane", "Chraibi", "إيمان الشرايبي", "Université Hassan II", "Doctorante", "Casablanca"),
    ("Omar", "Lahlou", "عمر لحلو", "Wilaya de la région Casablanca-Settat", "Ingénieur", "Casablanca"),
    ("Sara", "Bennis", "سارة بنيس", "Lydec", "Responsable innovation", "Casablanca"),
    ("Mehdi", "Kettani", "مهدي الكتاني", "Casa Transports", "Urbaniste", "Casablanca"),
    ("Leila", "Amrani", "ليلى العمراني", "Agence urbaine de Rabat-Salé", "Architecte", "Rabat"),
    (
        "Anas",
        "Berrada",
        "أنس برادة",
        "École Hassania des Travaux Publics",
        "Enseignant-chercheur",
        "Casablanca",
    ),
    ("Ghita", "Squalli", "غيثة السقلي", "Commune de Marrakech", "Cheffe de service", "Marrakech"),
    ("Rachid", "Ouazzani", "رشيد الوزاني", "Tanger Med Zones", "Directeur SI", "Tanger"),
    ("Khadija", "Filali", "خديجة الفيلالي", "Université Mohammed V", "Professeure", "Rabat"),
    ("Julien", "Moreau", "", "Ville de Lyon", "Chargé de mission smart city", "Lyon"),
    ("Claire", "Dubois", "", "Cerema", "Ingénieure mobilité", "Paris"),
    ("Amadou", "Diop", "", "Ville de Dakar", "Conseiller numérique", "Dakar"),
    ("Fatou", "Ndiaye", "", "Université Cheikh Anta Diop", "Chercheuse", "Dakar"),
    ("Ahmed", "Mansour", "أحمد منصور", "Smart Dubai", "Consultant", "Dubaï"),
    ("Nour", "Haddad", "نور حداد", "Université de Tunis", "Doctorante", "Tunis"),
    ("Youness", "Tahiri", "يونس الطاهري", "Startup Urbanix", "Fondateur", "Casablanca"),
    ("Salma", "Zerouali", "سلمى الزروالي", "OCP Group", "Data scientist", "Benguérir"),
    ("Karima", "Benali", "كريمة بنعلي", "Région de l'Oriental", "Cheffe de projet", "Oujda"),
    ("Tarik", "Sefrioui", "طارق الصفريوي", "ONEE", "Ingénieur réseaux", "Rabat"),
    ("Hajar", "El Idrissi", "هاجر الإدريسي", "Casablanca Prestations", "Chargée d'études", "Casablanca"),
    ("Bilal", "Naciri", "بلال الناصري", "Startup Geo4Cities", "CTO", "Casablanca"),
    ("Meryem", "Alami", "مريم العلمي", "ENCG Casablanca", "Étudiante", "Casablanca"),
    (
        "Zakaria",
        "Bouzidi",
        "زكرياء بوزيدي",
        "Société de Développement Local Casa Baia",
        "Directeur",
        "Casablanca",
    ),
    ("Asmae", "Cherkaoui", "أسماء الشرقاوي", "Ministère de la Transition numérique", "Cadre", "Rabat"),
    ("Driss", "Benkirane", "إدريس بنكيران", "Commune de Fès", "Élu", "Fès"),
    ("Nadia", "Skalli", "نادية السقالي", "Banque Populaire", "Responsable RSE", "Casablanca"),
    ("Othmane", "Guessous", "عثمان كسوس", "UM6P", "Chercheur", "Benguérir"),
    ("Soukaina", "Rami", "سكينة رامي", "Al Omrane", "Ingénieure", "Casablanca"),
    ("Adil", "Mernissi", "عادل المرنيسي", "Startup Parkly", "Fondateur", "Casablanca"),
    (
        "Houda",
        "Jabri",
        "هدى الجابري",
        "Agence Marocaine de Développement du Digital",
        "Cheffe de projet",
        "Rabat",
    ),
    ("Yassine", "Fassi Fihri", "ياسين الفاسي الفهري", "Université Hassan II", "Étudiant", "Casablanca"),
    ("Elena", "García", "", "Ayuntamiento de Barcelona", "Smart city officer", "Barcelone"),
    ("Marco", "Rossi", "", "Politecnico di Milano", "Researcher", "Milan"),
    ("Aicha", "Bakkali", "عائشة البقالي", "Commune de Tétouan", "Ingénieure", "Tétouan"),
    ("Samir", "Kabbaj", "سمير القباج", "Startup WaterSense", "Fondateur", "Agadir"),
]
FOREIGN = {
    "Lyon": "FR",
    "Paris": "FR",
    "Dakar": "SN",
    "Dubaï": "AE",
    "Tunis": "TN",
    "Barcelone": "ES",
    "Milan": "IT",
}


def seed_registrations(*, edition: Edition, tickets: dict) -> None:
    """Demo registrations of every kind: paid by transfer, waiting for one, online, vouchers.

    The demo attendee comes in person, has booked a workshop and waits for a
    seat in a full one; the demo speaker comes with the speakers' voucher.
    Idempotent: people already registered are left as they are.
    """
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from events import registration as ops
    from events.models import (
        ACTIVE_STATUSES,
        Registration,
        RegistrationLog,
        Session,
        SessionKind,
        Voucher,
    )

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
            when = now - dt.timedelta(days=days_ago, hours=days_ago % 7)
            Registration.objects.filter(pk=registration.pk).update(
                created_at=when,
                confirmed_at=when + dt.timedelta(days=2) if registration.confirmed_at else None,
            )
            RegistrationLog.objects.filter(registration=registration).update(at=when)
        return registration

    attendee_user = User.objects.get(email="attendee@example.org")
    mine = register(
        attendee_user,
        tickets["in-person"],
        ops.Attendee(
            "Youssef",
            "Alaoui",
            name_ar="يوسف العلوي",
            organisation="Université Hassan II",
            job_title="Chercheur en urbanisme",
            city="Casablanca",
            country="MA",
            phone="+212 6 61 23 45 67",
        ),
        transfer=True,
        paid=True,
        days_ago=20,
    )
    speaker_user = User.objects.get(email="speaker@example.org")
    register(
        speaker_user,
        tickets["speaker"],
        ops.Attendee(
            "Nadia",
            "El Fassi",
            name_ar="نادية الفاسي",
            organisation="Agence de Développement du Digital",
            job_title="Directrice",
            city="Rabat",
            country="MA",
            phone="+212 6 70 11 22 33",
        ),
        voucher=Voucher.objects.get(code=f"INTERVENANTS-{edition.number}"),
        days_ago=30,
    )
    participants = []
    for index, (first, last, name_ar, organisation, job, city) in enumerate(PARTICIPANTS):
        user = person(f"participant{index + 1:02d}@example.org", first, last)
        attendee = ops.Attendee(
            first,
            last,
            name_ar=name_ar,
            organisation=organisation,
            job_title=job,
            city=city,
            country=FOREIGN.get(city, "MA"),
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
                language="en" if city in FOREIGN else "fr",
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
    from django.contrib.auth import get_user_model

    from events.models import PROPOSED_FIELDS, ProposalStatus, SessionProposal, SessionSpeaker

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
        technical_needs="Ordinateur portable, HDMI, micro-cravate.",
    )
    session = appearance.session
    if not session.proposals.filter(status=ProposalStatus.PENDING).exists():
        proposal = SessionProposal(
            session=session, author=user, **{n: getattr(session, n) for n in PROPOSED_FIELDS}
        )
        proposal.abstract_fr = (
            session.abstract_fr
            + " Les participants repartent avec une grille d'entretien usagers et un prototype papier de leur service."
        )
        proposal.save()
