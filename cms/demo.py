"""Builds the demo site: page trees in three languages, footer, demo accounts.

Every function is idempotent: it finds what an earlier run made (by slug,
key or e-mail) and brings it up to date instead of adding a copy.
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms import demo_content
from cms.models import (
    ContentPage,
    HomePage,
    NavigationLink,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    Organisation,
)
from core.i18n import language_codes
from events.models import ProgrammePage, Speaker, SpeakerIndexPage
from startups.models import ChallengePage

DEMO_ACCOUNTS = [
    {"email": "organiser@example.org", "first_name": "Salma", "last_name": "Bennani", "organiser": True},
    {"email": "attendee@example.org", "first_name": "Youssef", "last_name": "Alaoui"},
    {"email": "speaker@example.org", "first_name": "Nadia", "last_name": "El Fassi"},
    {"email": "startup@example.org", "first_name": "Karim", "last_name": "Tazi"},
    *[
        {"email": f"juror{n}@example.org", "first_name": "Juré" if n % 2 else "Jurée", "last_name": str(n)}
        for n in range(1, 6)
    ],
]


def _stream(body: list[tuple]) -> list[tuple]:
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in body]


def _locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in language_codes()}


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def _apply(page: Page, fields: dict) -> None:
    for name, value in fields.items():
        if name == "body":
            value = _stream(value)
        setattr(page, name, value)


def _upsert_child(parent: Page, model, fields: dict) -> Page:
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing is None:
        page = model()
        _apply(page, fields)
        parent.add_child(instance=page)
    else:
        page = existing
        _apply(page, fields)
    return _publish(page)


def _upsert_translation(source: Page, locale: Locale, fields: dict) -> Page:
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale, copy_parents=True)
    page = page.specific
    _apply(page, fields)
    return _publish(page)


def _home_pages(locales: dict[str, Locale]) -> dict[str, HomePage]:
    """One HomePage per language, siblings under the tree root; French is the site root."""
    root = Page.get_first_root_node()
    content = demo_content.PAGES["home"]
    home = HomePage.objects.filter(locale=locales["fr"], depth=2).first()
    if home is None:
        home = HomePage(title=content["fr"]["title"], slug="accueil", locale=locales["fr"])
        root.add_child(instance=home)
    _apply(home, content["fr"])
    home = _publish(home)

    site = Site.objects.filter(is_default_site=True).first()
    previous_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    # Wagtail's first migration leaves a plain "Welcome" page: nothing links to it.
    if previous_root is not None and previous_root.pk != home.pk and previous_root.specific_class is Page:
        previous_root.delete()

    homes = {"fr": home}
    for code in language_codes():
        if code != "fr":
            homes[code] = _upsert_translation(home, locales[code], content[code])
    return homes


def _pages(homes: dict[str, HomePage], locales: dict[str, Locale], *, today: datetime.date) -> list[Page]:
    """Content pages and news; returns the French pages to put in the menu."""
    menu = []
    for key in ("about", "practical"):
        content = demo_content.PAGES[key]
        page = _upsert_child(homes["fr"], ContentPage, content["fr"])
        for code in homes:
            if code != "fr":
                _upsert_translation(page, locales[code], content[code])
        menu.append(page)

    programme_titles = {
        ProgrammePage: {
            "fr": ("Programme", "programme"),
            "ar": ("البرنامج", "programme"),
            "en": ("Programme", "programme"),
        },
        SpeakerIndexPage: {
            "fr": ("Intervenants", "intervenants"),
            "ar": ("المتدخلون", "speakers"),
            "en": ("Speakers", "speakers"),
        },
        ChallengePage: {
            "fr": ("Défi startups", "defi-startups"),
            "ar": ("تحدي الشركات الناشئة", "startup-challenge"),
            "en": ("Startup challenge", "startup-challenge"),
        },
    }
    for model, titles in programme_titles.items():
        page = _upsert_child(homes["fr"], model, {"title": titles["fr"][0], "slug": titles["fr"][1]})
        for code in homes:
            if code != "fr":
                _upsert_translation(page, locales[code], {"title": titles[code][0], "slug": titles[code][1]})
        menu.append(page)

    content = demo_content.PAGES["news_index"]
    news_index = _upsert_child(homes["fr"], NewsIndexPage, content["fr"])
    for code in homes:
        if code != "fr":
            _upsert_translation(news_index, locales[code], content[code])
    menu.append(news_index)

    for item in demo_content.NEWS:
        date = datetime.date.fromisoformat(item["date"]) if item["date"] else today
        fields = {**item["fr"], "date": date, "source": item["source"]}
        article = _upsert_child(news_index, NewsPage, fields)
        for code in homes:
            if code != "fr":
                _upsert_translation(
                    article, locales[code], {**item[code], "date": date, "source": item["source"]}
                )
    return menu


def _navigation(menu: list[Page]) -> None:
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    navigation.links = [NavigationLink(page=page, sort_order=order) for order, page in enumerate(menu)]
    navigation.save()


def _organisations() -> None:
    for order, row in enumerate(demo_content.ORGANISATIONS):
        Organisation.objects.update_or_create(
            name_fr=row["fr"],
            defaults={
                "name_ar": row["ar"],
                "name_en": row["en"],
                "role": row["role"],
                "website": row["website"],
                "sort_order": order,
                "show_in_footer": True,
            },
        )


@transaction.atomic
def seed_site(*, today: datetime.date) -> None:
    locales = _locales()
    homes = _home_pages(locales)
    menu = _pages(homes, locales, today=today)
    _navigation(menu)
    _organisations()


@transaction.atomic
def seed_accounts(*, password: str) -> list:
    User = get_user_model()
    users = []
    for row in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=row["email"]).first() or User(email=row["email"])
        user.first_name = row["first_name"]
        user.last_name = row["last_name"]
        user.is_staff = user.is_superuser = bool(row.get("organiser"))
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    # The demo speaker account is the speaker of the same name in the programme.
    Speaker.objects.filter(slug="nadia-el-fassi").update(user=User.objects.get(email="speaker@example.org"))
    return users
