from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Locale, Page, Site

from cms.models import NavigationSettings, Organisation
from cms.models.snippets import ROLE_HEADINGS, OrganisationRole
from core.cache import content_version

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    site = _site(request)
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Where each language's version of the page being read lives.

    A Wagtail page links to its own translations; a page without a translation
    in some language falls back to that language's home page. Other views
    (accounts…) keep their path under the other language's prefix.
    """
    request = context.get("request")
    current = translation.get_language()
    page = context.get("page")
    links = []
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        site = _site(request)
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            if target is None and site is not None:
                locale = Locale.objects.filter(language_code=code).first()
                target = site.root_page.get_translation_or_none(locale) if locale else None
            url = target.get_url(request) if target is not None else f"/{code}/"
            links.append({"code": code, "name": name, "url": url, "current": code == current})
    else:
        path = request.get_full_path() if request else "/"
        for code, name in settings.LANGUAGES:
            links.append(
                {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
            )
    return links


@register.simple_tag(name="content_version")
def content_version_tag() -> int:
    """For {% cache %} keys: fragments built from published content."""
    return content_version()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    request = context.get("request")
    if request is None:
        return []
    navigation = NavigationSettings.for_request(request)
    pages = []
    for link in navigation.links.select_related("page").all():
        page = link.page.localized
        if page.live:
            pages.append(page)
    return pages


@register.simple_tag
def footer_organisations() -> list[tuple[str, list[Organisation]]]:
    groups: dict[str, list[Organisation]] = {}
    for organisation in Organisation.objects.filter(show_in_footer=True).select_related("logo"):
        groups.setdefault(organisation.role, []).append(organisation)
    return [(ROLE_HEADINGS[role], groups[role]) for role in OrganisationRole if role in groups]


@register.simple_tag
def date_range(start, end) -> str:
    """'9–10 juin 2021', '30 juin – 1 juillet 2027' in the active language."""
    if start == end:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{date_format(start, 'j')}–{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
