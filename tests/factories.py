"""Test data built through the same models editors use.

Wagtail's tree needs a root node, locales and a default Site; tests that run
with ``transaction=True`` start from an empty database, so ``site_tree``
creates whatever is missing instead of assuming the migrations' rows.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from cms.models import ContentPage, HomePage, NewsIndexPage, NewsPage, Organisation
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

    Organisation.objects.create(
        name_fr="Casablanca Events & Animation",
        name_ar="الدار البيضاء للأحداث والتنشيط",
        name_en="Casablanca Events & Animation",
        role="organiser",
    )
    return tree
