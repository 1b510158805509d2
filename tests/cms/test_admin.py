"""Organisers run the site from the Wagtail admin, without a shell."""

import csv
import io

import pytest

from cms.models import NavigationSettings, Organisation
from events.models import Edition
from tests.factories import edition_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def organiser_client(client, site_tree):
    organiser = user_create(email="organiser@example.org", is_staff=True, is_superuser=True)
    client.force_login(organiser)
    return client


def edition_form(**overrides):
    data = {
        "number": "8",
        "slug": "2027",
        "title_fr": "8e Congrès",
        "title_ar": "",
        "title_en": "",
        "theme_fr": "Villes résilientes",
        "theme_ar": "",
        "theme_en": "",
        "start_date": "2027-06-09",
        "end_date": "2027-06-10",
        "time_zone": "Africa/Casablanca",
        "format": "hybrid",
        "stream_opens_minutes": "15",
        "venue_fr": "Casablanca",
        "venue_ar": "",
        "venue_en": "",
        "city_fr": "Casablanca",
        "city_ar": "",
        "city_en": "",
    }
    return {**data, **overrides}


def test_admin_menus_reach_every_site_object(organiser_client):
    for url in [
        "/admin/",
        "/admin/snippets/events/edition/",
        "/admin/snippets/cms/organisation/",
        "/admin/locales/",
    ]:
        assert organiser_client.get(url).status_code == 200, url


def test_organiser_creates_an_edition(organiser_client):
    response = organiser_client.post("/admin/snippets/events/edition/add/", edition_form())

    assert response.status_code == 302
    assert Edition.objects.get(number=8).theme_fr == "Villes résilientes"


def test_a_second_current_edition_is_refused_with_a_clear_message(organiser_client, edition):
    response = organiser_client.post("/admin/snippets/events/edition/add/", edition_form(is_current="on"))

    assert response.status_code == 200
    # The admin speaks the organisers' language: French by default.
    assert "Une autre édition est déjà marquée comme actuelle." in response.content.decode()
    assert not Edition.objects.filter(number=8).exists()


def test_an_edition_cannot_end_before_it_starts(organiser_client):
    response = organiser_client.post(
        "/admin/snippets/events/edition/add/", edition_form(start_date="2027-06-10", end_date="2027-06-09")
    )

    assert "Le dernier jour ne peut pas être antérieur au premier jour." in response.content.decode()


def test_editions_export_as_csv(organiser_client, edition):
    edition_create(number=4, slug="2021", is_current=False, theme_fr="Résilience territoriale")

    response = organiser_client.get("/admin/snippets/events/edition/?export=csv")

    assert response.status_code == 200
    header, *rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(header) == 9
    assert sorted((row[0], row[1]) for row in rows) == sorted(
        [("4", "2021"), (str(edition.number), edition.slug)]
    )


def test_organiser_edits_the_menu(organiser_client, site_tree):
    assert organiser_client.get("/admin/settings/cms/navigationsettings/").status_code == 302
    response = organiser_client.post(
        f"/admin/settings/cms/navigationsettings/{site_tree.site.pk}/",
        {
            "links-TOTAL_FORMS": "1",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
            "links-0-page": str(site_tree.about["fr"].pk),
            "links-0-ORDER": "1",
            "links-0-id": "",
            "links-0-DELETE": "",
        },
    )

    assert response.status_code == 302
    assert [link.page_id for link in NavigationSettings.for_site(site_tree.site).links.all()] == [
        site_tree.about["fr"].pk
    ]


def test_organiser_adds_a_partner(organiser_client):
    response = organiser_client.post(
        "/admin/snippets/cms/organisation/add/",
        {
            "name_fr": "Agence de Développement du Digital",
            "name_ar": "وكالة التنمية الرقمية",
            "name_en": "Digital Development Agency",
            "role": "partner",
            "website": "",
            "sort_order": "0",
            "show_in_footer": "on",
        },
    )

    assert response.status_code == 302
    assert Organisation.objects.get(role="partner").name_ar == "وكالة التنمية الرقمية"


def test_attendees_cannot_open_the_admin(client, site_tree):
    client.force_login(user_create(email="attendee@example.org"))

    response = client.get("/admin/")

    assert response.status_code == 302


def test_deleting_a_person_with_registrations_says_why_and_offers_deactivation(organiser_client, edition):
    """No 500: the registration protects the account, and the organiser is told what to do instead."""
    from tests.factories import registration_confirmed

    person = registration_confirmed(edition).user

    for method in (organiser_client.get, organiser_client.post):
        response = method(f"/admin/users/delete/{person.pk}/", follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "cannot be deleted" in page or "ne peut pas être supprimé" in page
        assert response.redirect_chain[-1][0] == f"/admin/users/edit/{person.pk}/"
    person.refresh_from_db()
    assert person.is_active


def test_a_person_without_records_can_still_be_deleted(organiser_client):
    from cms.models import User
    from tests.factories import user_create

    person = user_create(email="typo@example.org")

    organiser_client.post(f"/admin/users/delete/{person.pk}/")

    assert not User.objects.filter(pk=person.pk).exists()


def test_a_pixel_bomb_uploaded_as_a_page_image_is_refused(organiser_client):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("1", (8_000, 8_000)).save(buffer, format="PNG")  # a few KB, 64 million pixels

    response = organiser_client.post(
        "/admin/images/add/",
        {
            "title": "Bombe",
            "file": SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png"),
        },
    )

    assert response.status_code == 200  # the form again, with its error
    assert not get_image_model().objects.filter(title="Bombe").exists()
