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
