"""The demo site: page trees in three languages, the menu and the footer's organisations.

The pages' content is in `data/pages.json`, `data/news.json` and
`data/organisations.json`. Every function is idempotent: it finds what an
earlier run made (by slug or name) and brings it up to date instead of adding
a copy.
"""

import datetime

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

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
from demo.data import load
from events.models import ProgrammePage, SpeakerIndexPage
from startups.models import ChallengePage

# The pages under the home page, in menu order: key in pages.json, page type.
SECTIONS = [
    ("about", ContentPage),
    ("practical", ContentPage),
    ("programme", ProgrammePage),
    ("speakers", SpeakerIndexPage),
    ("challenge", ChallengePage),
    ("news_index", NewsIndexPage),
]


def _stream(body: list) -> list[tuple]:
    """A data file's body blocks, [type, value] pairs, as StreamField content."""
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
    content = load("pages")["home"]
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
    """Section pages and news; returns the French section pages, to put in the menu."""
    menu = []
    for key, model in SECTIONS:
        content = load("pages")[key]
        page = _upsert_child(homes["fr"], model, content["fr"])
        for code in homes:
            if code != "fr":
                _upsert_translation(page, locales[code], content[code])
        menu.append(page)
    news_index = menu[-1]

    # An article without a date is news of the day the demo is loaded.
    for item in load("news"):
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
    for order, row in enumerate(load("organisations")):
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
