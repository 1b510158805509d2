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
]
VOUCHERS = [
    ("INTERVENANTS", "speaker", 80, "Intervenants"),
    ("JURY", "jury", 20, "Jury"),
    ("STARTUPS", "startup", 60, "Startups"),
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


def seed_registrations(*, edition: Edition, tickets: dict) -> None:
    """The demo attendee follows online; the demo speaker comes with the speakers' voucher."""
    from django.contrib.auth import get_user_model

    from events.models import ACTIVE_STATUSES, Registration, Voucher
    from events.registration import Attendee, registration_start

    User = get_user_model()
    plan = [
        (
            "attendee@example.org",
            tickets["online"],
            None,
            Attendee(
                "Youssef",
                "Alaoui",
                name_ar="يوسف العلوي",
                organisation="Université Hassan II",
                city="Casablanca",
                country="Maroc",
            ),
        ),
        (
            "speaker@example.org",
            tickets["speaker"],
            f"INTERVENANTS-{edition.number}",
            Attendee(
                "Nadia",
                "El Fassi",
                name_ar="نادية الفاسي",
                organisation="Agence de Développement du Digital",
                city="Rabat",
                country="Maroc",
            ),
        ),
    ]
    for email, ticket, code, person in plan:
        user = User.objects.get(email=email)
        if Registration.objects.filter(user=user, edition=edition, status__in=ACTIVE_STATUSES).exists():
            continue
        voucher = Voucher.objects.get(code=code) if code else None
        registration_start(user=user, ticket_type=ticket, attendee=person, voucher=voucher)
