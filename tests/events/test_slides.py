"""Slides: the content decides the type, sizes and names are checked, and a
file is public only when its speaker says so."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from events.models import SessionResource, SessionSpeaker
from tests.factories import session_create, speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def pdf(javascript: str = "") -> bytes:
    """A real one-page PDF, with a script run on opening if given."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = pdf()


def pptx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return buffer.getvalue()


@pytest.fixture
def appearance(client, programme_pages, edition, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    user = user_create(email="nadia@example.org")
    speaker = speaker_create(name="Nadia El Fassi", user=user)
    session = session_create(
        edition, speakers=[speaker], slug="donnees-ouvertes", title_fr="Données ouvertes"
    )
    client.force_login(user)
    return SessionSpeaker.objects.get(session=session, speaker=speaker)


def upload(client, appearance, name, content, **fields):
    return client.post(
        f"/en/speaker/sessions/{appearance.pk}/resources/",
        {"title": "Slides", "visibility": "now", "file": SimpleUploadedFile(name, content), **fields},
        follow=True,
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "slides.pdf",
            b"MZ\x90\x00" + b"\x00" * 100,
            "is not a PDF, PowerPoint or OpenDocument presentation",
        ),
        ("slides.pptx", b"\x7fELF" + b"\x00" * 100, "is not a PDF, PowerPoint or OpenDocument presentation"),
        ("<img src=x onerror=alert(1)>.pdf", PDF, "This file name cannot be used"),
        ("slides|rm -rf ~.pdf", PDF, "This file name cannot be used"),
        (".htaccess.pdf", PDF, "This file name cannot be used"),
        ("slides.pdf", pdf("app.alert(document.cookie)"), "This PDF contains scripts or actions."),
        ("slides.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "This PDF is damaged"),
    ],
    ids=[
        "renamed executable",
        "renamed ELF",
        "markup in the name",
        "shell characters",
        "hidden file",
        "JavaScript inside",
        "damaged",
    ],
)
def test_hostile_uploads_are_refused_with_a_clear_message(client, appearance, name, content, message):
    response = upload(client, appearance, name, content)

    assert message in response.content.decode()
    assert not SessionResource.objects.exists()


def test_an_oversized_file_is_refused(client, appearance, settings):
    settings.SLIDES_MAX_MB = 1

    response = upload(client, appearance, "big.pdf", PDF + b"0" * (1024 * 1024))

    assert "larger than 1 MB" in response.content.decode()
    assert not SessionResource.objects.exists()


def test_pdf_and_powerpoint_are_kept_under_safe_names_and_shown_once_public(
    client, appearance, programme_pages
):
    upload(client, appearance, "Mes diapos (v2).pdf", PDF)
    upload(client, appearance, "deck.pptx", pptx(), visibility="after")

    first, second = SessionResource.objects.order_by("pk")
    assert first.filename == "Mes_diapos_v2.pdf" and first.file.name.startswith("slides/")
    assert "Mes" not in first.file.name  # stored under a random name
    assert second.filename == "deck.pptx"
    client.logout()
    page = client.get(programme_pages["programme"]["fr"].url + "session/donnees-ouvertes/").content.decode()
    assert f"/slides/{first.pk}/Mes_diapos_v2.pdf" in page
    assert f"/slides/{second.pk}/" not in page  # after the session only
    served = client.get(f"/slides/{first.pk}/Mes_diapos_v2.pdf")
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")
    assert served["Content-Security-Policy"] == "sandbox" and served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Type"] == "application/pdf" and served["Content-Disposition"].startswith("inline;")
    assert client.get(f"/slides/{second.pk}/deck.pptx").status_code == 404


def test_after_the_session_its_slides_are_public(client, appearance):
    upload(client, appearance, "deck.pptx", pptx(), visibility="after")
    resource = SessionResource.objects.get()
    session = appearance.session
    session.starts_at = timezone.now() - datetime.timedelta(hours=3)
    session.ends_at = timezone.now() - datetime.timedelta(hours=2)
    session.save()
    client.logout()

    served = client.get(f"/slides/{resource.pk}/deck.pptx")
    assert served.status_code == 200 and served["Content-Security-Policy"] == "sandbox"
    assert served["Content-Disposition"].startswith("attachment;")  # not a type a browser shows
    assert (
        served["Content-Type"] == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )


def test_a_link_and_nobody_else_adds_to_my_session(client, appearance):
    client.post(
        f"/en/speaker/sessions/{appearance.pk}/resources/",
        {"title": "Dataset", "url": "https://data.casablanca.ma/", "visibility": "now"},
    )
    assert SessionResource.objects.get().url == "https://data.casablanca.ma/"

    client.force_login(user_create())
    response = client.post(
        f"/en/speaker/sessions/{appearance.pk}/resources/",
        {"title": "Spam", "url": "https://spam.example/", "visibility": "now"},
    )
    assert response.status_code == 404
    assert SessionResource.objects.count() == 1


def test_an_old_powerpoint_or_renamed_installer_and_others_slides(client, appearance, edition):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200  # the container of .ppt, .msi and .doc alike
    refused = upload(client, appearance, "setup.ppt", ole)
    assert "is not a PDF, PowerPoint or OpenDocument presentation" in refused.content.decode()

    upload(client, appearance, "mine.pdf", PDF)
    resource = SessionResource.objects.get()
    co_speaker = speaker_create(user=user_create())
    SessionSpeaker.objects.create(session=appearance.session, speaker=co_speaker, role="speaker")
    theirs = SessionSpeaker.objects.get(speaker=co_speaker)
    client.force_login(co_speaker.user)
    assert client.post(f"/en/speaker/sessions/{theirs.pk}/resources/{resource.pk}/delete/").status_code == 404

    session = appearance.session
    session.is_published = False
    session.save()
    client.logout()
    assert client.get(f"/slides/{resource.pk}/{resource.filename}").status_code == 404
