"""Certificates of attendance: after the edition, for those who came or watched."""

import datetime
import subprocess

import pytest

from events.models import CheckIn, StreamJoin
from tests.factories import edition_create, registration_confirmed, session_create, site_tree_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def past_edition(db):
    edition = edition_create(is_current=True, start_date=datetime.date.today() - datetime.timedelta(days=10))
    site_tree_create()
    return edition


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_people_let_in_at_the_door_get_their_certificate(client, past_edition, tmp_path):
    registration = registration_confirmed(past_edition, first_name="Imane", last_name="Chraibi")
    CheckIn.objects.create(registration=registration, edition=past_edition, method="search")
    client.force_login(registration.user)

    response = client.get(f"/en/register/certificate/{past_edition.slug}.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content, tmp_path)
    assert "Certificate of attendance" in text and "Imane Chraibi" in text
    assert "Congress Centre" in text  # in person: where it was held


def test_online_attendees_who_joined_a_stream_get_one_too(client, past_edition, tmp_path):
    registration = registration_confirmed(past_edition, first_name="Nour", last_name="Haddad")
    StreamJoin.objects.create(user=registration.user, session=session_create(past_edition), live=True)
    client.force_login(registration.user)

    text = text_of(client.get(f"/en/register/certificate/{past_edition.slug}.pdf").content, tmp_path)

    assert "online" in text and "1 session live or in replay" in text


def test_no_certificate_without_attending_or_before_the_end(client, past_edition):
    absent = registration_confirmed(past_edition)
    client.force_login(absent.user)
    assert client.get(f"/en/register/certificate/{past_edition.slug}.pdf")["Location"] == "/en/register/me/"

    past_edition.is_current = False
    past_edition.save()
    edition = edition_create(is_current=True)  # the next one, still to come
    upcoming = registration_confirmed(edition)
    CheckIn.objects.create(registration=upcoming, edition=edition, method="search")
    client.force_login(upcoming.user)
    assert client.get(f"/en/register/certificate/{edition.slug}.pdf")["Location"] == "/en/register/me/"


def test_the_certificate_speaks_the_pages_language(client, past_edition, tmp_path):
    registration = registration_confirmed(
        past_edition, first_name="Amina", last_name="Diallo", name_ar="أمينة ديالو"
    )
    CheckIn.objects.create(registration=registration, edition=past_edition, method="scan")
    client.force_login(registration.user)

    arabic = text_of(client.get(f"/ar/register/certificate/{past_edition.slug}.pdf").content, tmp_path)
    french = text_of(client.get(f"/fr/register/certificate/{past_edition.slug}.pdf").content, tmp_path)

    assert "شهادة حضور" in arabic and "أمينة ديالو" in arabic and "Amina Diallo" in arabic
    assert "Attestation de présence" in french


def test_last_editions_certificate_outlives_the_next_edition_becoming_current(client, past_edition, tmp_path):
    registration = registration_confirmed(past_edition, first_name="Ghita", last_name="Squalli")
    CheckIn.objects.create(registration=registration, edition=past_edition, method="scan")
    past_edition.is_current = False
    past_edition.save()
    edition_create(is_current=True)  # registration for the next one opens
    client.force_login(registration.user)

    profile = client.get("/en/accounts/profile/").content.decode()
    response = client.get(f"/en/register/certificate/{past_edition.slug}.pdf")

    assert f"/en/register/certificate/{past_edition.slug}.pdf" in profile
    assert "Ghita Squalli" in text_of(response.content, tmp_path)


def test_opening_only_the_replay_is_not_attending(client, past_edition):
    registration = registration_confirmed(past_edition)
    StreamJoin.objects.create(user=registration.user, session=session_create(past_edition), live=False)
    client.force_login(registration.user)

    assert client.get(f"/en/register/certificate/{past_edition.slug}.pdf")["Location"] == "/en/register/me/"
