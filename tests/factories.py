"""Test data built through the same models editors use.

Wagtail's tree needs a root node, locales and a default Site; tests that run
with ``transaction=True`` start from an empty database, so ``site_tree``
creates whatever is missing instead of assuming the migrations' rows.
"""

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from cms.models import ContentPage, HomePage, NavigationSettings, NewsIndexPage, NewsPage, Organisation
from events.models import AttendanceFormat, Edition

_sequence = itertools.count(1)

TRANSLATED_TITLES = {
    "home": {"fr": "Accueil", "ar": "الرئيسية", "en": "Home"},
    "about": {"fr": "Le congrès", "ar": "عن المؤتمر", "en": "About the congress"},
    "news": {"fr": "Actualités", "ar": "الأخبار", "en": "News"},
    "article": {"fr": "Ouverture du symposium", "ar": "افتتاح الندوة", "en": "The symposium opens"},
}
SLUGS = {
    "about": {"fr": "le-congres", "ar": "about", "en": "about"},
    "news": {"fr": "actualites", "ar": "news", "en": "news"},
    "article": {"fr": "ouverture", "ar": "opening", "en": "opening"},
}


def edition_create(*, number=None, is_current=True, start_date=None, **fields) -> Edition:
    number = number or next(_sequence) + 100
    start_date = start_date or datetime.date.today() + datetime.timedelta(days=60)
    edition = Edition(
        number=number,
        slug=fields.pop("slug", f"edition-{number}"),
        title_fr=fields.pop("title_fr", f"{number}e Congrès Casablanca Smart City"),
        title_ar=fields.pop("title_ar", f"المؤتمر {number}"),
        title_en=fields.pop("title_en", f"Congress number {number}"),
        theme_fr=fields.pop("theme_fr", "Ville smart, vers les transitions métropolitaines durables"),
        theme_ar=fields.pop("theme_ar", "المدينة الذكية، نحو تحولات حضرية مستدامة"),
        theme_en=fields.pop("theme_en", "Smart city: towards sustainable metropolitan transitions"),
        start_date=start_date,
        end_date=fields.pop("end_date", start_date + datetime.timedelta(days=1)),
        venue_fr=fields.pop("venue_fr", "Palais des congrès"),
        venue_ar=fields.pop("venue_ar", "قصر المؤتمرات"),
        venue_en=fields.pop("venue_en", "Congress Centre"),
        format=fields.pop("format", AttendanceFormat.HYBRID),
        bank_transfer_details=fields.pop(
            "bank_transfer_details", "Association Casablanca Smart City\nRIB 011 780 0000 1234 5678 9012 34"
        ),
        is_current=is_current,
        **fields,
    )
    edition.full_clean()
    edition.save()
    return edition


def user_create(*, email=None, password="a-Strong-passw0rd", verified=True, **fields):
    email = email or f"person{next(_sequence)}@example.org"
    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@dataclass
class SiteTree:
    site: Site
    home: dict[str, HomePage] = field(default_factory=dict)
    about: dict[str, ContentPage] = field(default_factory=dict)
    news_index: dict[str, NewsIndexPage] = field(default_factory=dict)
    article: dict[str, NewsPage] = field(default_factory=dict)


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def _translate(page, locale, *, key):
    translation = page.copy_for_translation(locale)
    translation.title = TRANSLATED_TITLES[key][locale.language_code]
    if key in SLUGS:
        translation.slug = SLUGS[key][locale.language_code]
    return _publish(translation)


def site_tree_create() -> SiteTree:
    """Home, a content page, a news index and an article, in fr, ar and en."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "ar", "en")}
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Site.objects.all().delete()
    for child in root.get_children():
        child.delete()

    home = HomePage(
        title=TRANSLATED_TITLES["home"]["fr"], slug="accueil", locale=locales["fr"], intro="Bienvenue"
    )
    root.add_child(instance=home)
    home = _publish(home)
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    tree = SiteTree(site=site, home={"fr": home})

    about = ContentPage(
        title=TRANSLATED_TITLES["about"]["fr"], slug=SLUGS["about"]["fr"], intro="Depuis 2016"
    )
    home.add_child(instance=about)
    tree.about["fr"] = _publish(about)
    news = NewsIndexPage(title=TRANSLATED_TITLES["news"]["fr"], slug=SLUGS["news"]["fr"])
    home.add_child(instance=news)
    tree.news_index["fr"] = _publish(news)
    article = NewsPage(
        title=TRANSLATED_TITLES["article"]["fr"],
        slug=SLUGS["article"]["fr"],
        date=datetime.date(2021, 6, 11),
        intro="La 4e édition s'est ouverte à Casablanca.",
    )
    tree.news_index["fr"].add_child(instance=article)
    tree.article["fr"] = _publish(article)

    for code in ("ar", "en"):
        tree.home[code] = _translate(home, locales[code], key="home")
        tree.about[code] = _translate(tree.about["fr"], locales[code], key="about")
        tree.news_index[code] = _translate(tree.news_index["fr"], locales[code], key="news")
        tree.article[code] = _translate(tree.article["fr"], locales[code], key="article")

    NavigationSettings.for_site(site)  # created on first read otherwise
    Organisation.objects.create(
        name_fr="Casablanca Events & Animation",
        name_ar="الدار البيضاء للأحداث والتنشيط",
        name_en="Casablanca Events & Animation",
        role="organiser",
    )
    return tree


# Programme -------------------------------------------------------------------


def local_time(edition, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """``hour:minute`` on the edition's ``day``-th day (0-based), in the edition's zone."""
    date = edition.start_date + datetime.timedelta(days=day)
    return datetime.datetime.combine(
        date, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(edition.time_zone)
    )


def room_create(edition=None, **fields):
    from events.models import Room

    edition = edition or fields.pop("edition")
    number = next(_sequence)
    room = Room(
        edition=edition,
        name_fr=fields.pop("name_fr", f"Salle {number}"),
        name_ar=fields.pop("name_ar", f"القاعة {number}"),
        name_en=fields.pop("name_en", f"Room {number}"),
        capacity=fields.pop("capacity", 120),
        **fields,
    )
    room.full_clean()
    room.save()
    return room


def track_create(edition=None, **fields):
    from events.models import Track

    edition = edition or fields.pop("edition")
    number = next(_sequence)
    track = Track(
        edition=edition,
        slug=fields.pop("slug", f"track-{number}"),
        name_fr=fields.pop("name_fr", f"Mobilité {number}"),
        name_ar=fields.pop("name_ar", f"التنقل {number}"),
        name_en=fields.pop("name_en", f"Mobility {number}"),
        **fields,
    )
    track.full_clean()
    track.save()
    return track


def speaker_create(**fields):
    from events.models import Speaker

    number = next(_sequence)
    speaker = Speaker(
        name=fields.pop("name", f"Nadia Benali {number}"),
        name_ar=fields.pop("name_ar", f"نادية بنعلي {number}"),
        slug=fields.pop("slug", f"nadia-benali-{number}"),
        bio_fr=fields.pop("bio_fr", "Urbaniste."),
        bio_en=fields.pop("bio_en", "Urban planner."),
        **fields,
    )
    speaker.full_clean()
    speaker.save()
    return speaker


def session_create(
    edition=None, *, starts_at=None, day=0, start="09:00", minutes=60, speakers=(), roles=None, **fields
):
    """A published session, validated as the admin validates it.

    Starts at ``starts_at``, or at local ``start`` on the edition's ``day``
    (0-based). Gets a room of its own unless ``room`` is given (``room=None``
    for an online-only session); speakers get ``roles`` (default: speaker).
    """
    from events.models import Session, SessionKind, SessionSpeaker, SpeakerRole

    edition = edition or fields.pop("edition")
    number = next(_sequence)
    if starts_at is None:
        hour, minute = map(int, start.split(":"))
        starts_at = local_time(edition, day, hour, minute)
    if "room" not in fields:
        fields["room"] = room_create(edition)
    fields.setdefault("kind", SessionKind.PANEL)
    if fields["kind"] == SessionKind.WORKSHOP:
        fields.setdefault("capacity", 30)
    session = Session(
        edition=edition,
        slug=fields.pop("slug", f"session-{number}"),
        title_fr=fields.pop("title_fr", f"Table ronde {number}"),
        title_ar=fields.pop("title_ar", f"مائدة مستديرة {number}"),
        title_en=fields.pop("title_en", f"Panel {number}"),
        abstract_fr=fields.pop("abstract_fr", "La ville intelligente et ses habitants."),
        abstract_en=fields.pop("abstract_en", "The smart city and its people."),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
        **fields,
    )
    session.full_clean()
    session.save()
    roles = roles or [SpeakerRole.SPEAKER] * len(speakers)
    for order, (speaker, role) in enumerate(zip(speakers, roles, strict=True)):
        SessionSpeaker.objects.create(session=session, speaker=speaker, role=role, sort_order=order)
    return session


def programme_pages_create(tree: SiteTree) -> dict:
    """A programme page and a speakers index in each language of the tree."""
    from events.models import ProgrammePage, SpeakerIndexPage

    titles = {
        "programme": {"fr": "Programme", "ar": "البرنامج", "en": "Programme"},
        "speakers": {"fr": "Intervenants", "ar": "المتدخلون", "en": "Speakers"},
    }
    programme = ProgrammePage(title=titles["programme"]["fr"], slug="programme")
    tree.home["fr"].add_child(instance=programme)
    programme = _publish(programme)
    speakers = SpeakerIndexPage(title=titles["speakers"]["fr"], slug="intervenants")
    tree.home["fr"].add_child(instance=speakers)
    speakers = _publish(speakers)
    pages = {"programme": {"fr": programme}, "speakers": {"fr": speakers}}
    for code in ("ar", "en"):
        locale = Locale.objects.get(language_code=code)
        for key, source in (("programme", programme), ("speakers", speakers)):
            translation = source.copy_for_translation(locale)
            translation.title = titles[key][code]
            translation.slug = "programme" if key == "programme" else "speakers"
            pages[key][code] = _publish(translation)
    return pages


# Registration ----------------------------------------------------------------


def ticket_type_create(edition=None, **fields):
    from events.models import TicketType

    edition = edition or fields.pop("edition")
    ticket_type = TicketType(
        edition=edition,
        name_fr=fields.pop("name_fr", "Pass sur place"),
        mode=fields.pop("mode", "in_person"),
        price=fields.pop("price", 150000),
        **fields,
    )
    ticket_type.full_clean()
    ticket_type.save()
    return ticket_type


def voucher_create(*, ticket_types, **fields):
    from events.models import Voucher

    voucher = Voucher.objects.create(
        edition=ticket_types[0].edition, code=fields.pop("code", f"CODE{next(_sequence)}"), **fields
    )
    voucher.ticket_types.set(ticket_types)
    return voucher


def attendee(**fields):
    from events.registration.services import Attendee

    return Attendee(**{"first_name": "Salma", "last_name": "Idrissi", **fields})


def registration_confirmed(edition, *, user=None, ticket_type=None, **fields):
    """A confirmed (free) registration, through the state module like any other."""
    from events.registration.services import registration_start

    ticket_type = ticket_type or ticket_type_create(edition, price=0, name_fr="Pass gratuit")
    return registration_start(
        user=user or user_create(), ticket_type=ticket_type, attendee=attendee(**fields)
    )


def challenge_pages_create(tree: SiteTree) -> dict:
    """The startup challenge page in each language of the tree."""
    from startups.models import ChallengePage

    titles = {"fr": "Défi startups", "ar": "تحدي الشركات الناشئة", "en": "Startup challenge"}
    page = ChallengePage(title=titles["fr"], slug="defi-startups")
    tree.home["fr"].add_child(instance=page)
    pages = {"fr": _publish(page)}
    for code in ("ar", "en"):
        translation = pages["fr"].copy_for_translation(Locale.objects.get(language_code=code))
        translation.title = titles[code]
        translation.slug = "startup-challenge"
        pages[code] = _publish(translation)
    return pages
