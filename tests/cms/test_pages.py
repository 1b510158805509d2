import re

import pytest
from django.test import Client

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LANGUAGES = ["fr", "ar", "en"]
PAGE_KINDS = ["home", "about", "news_index", "article"]


def html_tag(content: str) -> str:
    return re.search(r"<html[^>]*>", content).group(0)


def language_link(content: str, code: str) -> str:
    return re.search(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}"', content).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_type_renders_in_every_language(client: Client, site_tree, edition, kind, language):
    page = getattr(site_tree, kind)[language]
    heading = getattr(edition, f"theme_{language}") if kind == "home" else page.title

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.url.startswith(f"/{language}/")
    content = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert html_tag(content) == f'<html lang="{language}" dir="{direction}">'
    assert re.search(r"<h1[^>]*>\s*" + re.escape(heading) + r"\s*</h1>", content)


def test_home_page_presents_the_current_edition(client, site_tree, edition):
    content = client.get("/en/").content.decode()

    assert edition.theme_en in content
    assert edition.venue_en in content
    assert "Hybrid (in person and online)" in content
    assert 'href="/en/accounts/signup/"' in content


def test_home_page_in_arabic_shows_arabic_texts(client, site_tree, edition):
    content = client.get("/ar/").content.decode()

    assert edition.theme_ar in content
    assert edition.venue_ar in content


def test_home_lists_latest_news(client, site_tree):
    content = client.get("/fr/").content.decode()

    assert site_tree.article["fr"].title in content
    assert site_tree.article["fr"].url in content


@pytest.mark.parametrize("source, target", [("fr", "ar"), ("ar", "en"), ("en", "fr")])
def test_language_switcher_lands_on_the_same_page(client, site_tree, source, target):
    content = client.get(site_tree.article[source].url).content.decode()

    href = language_link(content, target)
    assert href == site_tree.article[target].url
    landed = client.get(href)
    assert landed.status_code == 200
    assert site_tree.article[target].title in landed.content.decode()


def test_language_switcher_on_account_pages_keeps_the_view(client, site_tree):
    content = client.get("/fr/accounts/login/").content.decode()

    assert language_link(content, "ar") == "/ar/accounts/login/"
    assert language_link(content, "en") == "/en/accounts/login/"


def test_untranslated_page_falls_back_to_that_languages_home(client, site_tree):
    from cms.models import ContentPage

    only_french = ContentPage(title="Règlement", slug="reglement")
    site_tree.home["fr"].add_child(instance=only_french)
    only_french.save_revision().publish()

    content = client.get("/fr/reglement/").content.decode()

    assert language_link(content, "en") == "/en/"


def test_root_redirects_to_a_language(client, site_tree):
    response = client.get("/", headers={"accept-language": "ar"})

    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_footer_lists_organisers_in_the_active_language(client, site_tree):
    assert "الدار البيضاء للأحداث والتنشيط" in client.get("/ar/").content.decode()
    assert "Casablanca Events &amp; Animation" in client.get("/en/").content.decode()


def test_menu_shows_the_translation_of_each_linked_page(client, site_tree):
    from cms.models import NavigationSettings

    navigation = NavigationSettings.for_site(site_tree.site)
    navigation.links.create(page=site_tree.about["fr"], sort_order=0)
    navigation.save()

    content = client.get("/ar/").content.decode()

    assert f'<a href="{site_tree.about["ar"].url}">{site_tree.about["ar"].title}</a>' in content


def test_unknown_page_is_a_translated_404(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_footer_shows_partner_logos(client, site_tree):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    from cms.models import Organisation

    buffer = io.BytesIO()
    PillowImage.new("RGB", (240, 96), "#0b5c7a").save(buffer, "PNG")
    logo = Image.objects.create(title="UM6P", file=ImageFile(buffer, name="um6p.png"))
    Organisation.objects.create(
        name_fr="Université Mohammed VI Polytechnique", role="academic", logo=logo, website="https://um6p.ma"
    )

    content = client.get("/fr/").content.decode()

    footer = content[content.index('class="site-footer"') :]
    assert 'href="https://um6p.ma"' in footer
    assert re.search(
        r'<img alt="" class="footer-organisation__logo" height="48" src="[^"]+um6p[^"]*\.png"', footer
    )
    assert "Partenaires académiques" in footer
