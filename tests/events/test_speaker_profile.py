"""Speakers edit their own profile; it goes public once an organiser approves.
Photos are real pictures, cropped square for the site."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import PROFILE_FIELDS, ProfileProposal, Speaker
from tests.factories import speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def picture(width=900, height=600, kind="JPEG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 92, 122)).save(buffer, format=kind)
    return buffer.getvalue()


FIELDS = {
    "name": "Nadia El Fassi",
    "name_ar": "نادية الفاسي",
    "organisation_fr": "Agence de Développement du Digital",
    "organisation_ar": "",
    "organisation_en": "Digital Development Agency",
    "job_title_fr": "Directrice",
    "job_title_ar": "",
    "job_title_en": "Director",
    "bio_fr": "Vingt ans de services publics numériques.",
    "bio_ar": "",
    "bio_en": "",
    "website": "https://add.gov.ma/",
    "linkedin": "",
}


@pytest.fixture
def speaker(client, site_tree, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    user = user_create(email="nadia@example.org")
    client.force_login(user)
    return speaker_create(name="Nadia", slug="nadia-el-fassi", user=user, bio_fr="")


def test_profile_changes_wait_for_an_organiser_then_go_public_with_the_cropped_photo(client, speaker):
    response = client.post(
        "/en/speaker/profile/", {**FIELDS, "photo_upload": SimpleUploadedFile("me.jpg", picture())}
    )

    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.bio_fr == "" and speaker.photo is None  # nothing public yet
    proposal = ProfileProposal.objects.get()
    with Image.open(proposal.photo.open("rb")) as photo:
        assert photo.size == (800, 800)  # cropped square for the site

    client.force_login(user_create(is_staff=True, is_superuser=True))
    client.post(f"/admin/proposals/profiles/{proposal.pk}/", {"decision": "approve", "comment": ""})

    speaker = Speaker.objects.get(pk=speaker.pk)
    assert speaker.bio_fr == FIELDS["bio_fr"] and speaker.name == "Nadia El Fassi"
    assert speaker.photo is not None and speaker.photo.width == 800


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("me.jpg", b"MZ\x90\x00not a picture"), "not a picture we can read"),
        (SimpleUploadedFile("tiny.png", picture(120, 120, "PNG")), "too small"),
        (SimpleUploadedFile("anim.gif", picture(400, 400, "GIF")), "not a picture we can read"),
    ],
    ids=["renamed executable", "too small", "not an accepted format"],
)
def test_bad_photos_are_refused_clearly(client, speaker, upload, message):
    response = client.post("/en/speaker/profile/", {**FIELDS, "photo_upload": upload})

    assert message in response.content.decode() or "Upload a valid image" in response.content.decode()
    assert not ProfileProposal.objects.exists()


def test_only_speakers_have_a_profile_page(client, site_tree):
    client.force_login(user_create())

    assert client.get("/en/speaker/profile/")["Location"] == "/en/speaker/"


def test_approving_a_profile_keeps_an_organisers_later_edit(client, speaker):
    from events.speakers import services as speaker_area

    client.post("/en/speaker/profile/", {**FIELDS, "bio_fr": speaker.bio_fr})  # changes the name, not the bio
    Speaker.objects.filter(pk=speaker.pk).update(bio_fr="Biographie corrigée par les organisateurs.")

    speaker_area.profile_decide(proposal=ProfileProposal.objects.get(), actor=None, approve=True)

    speaker.refresh_from_db()
    assert speaker.name == "Nadia El Fassi"
    assert speaker.bio_fr == "Biographie corrigée par les organisateurs."


def test_an_organiser_reviews_and_approves_a_biography_change_in_the_admin(client, speaker):
    published = {name: getattr(speaker, name) for name in PROFILE_FIELDS}
    client.post("/en/speaker/profile/", {**published, "bio_en": "Twenty years of digital public services."})
    proposal = ProfileProposal.objects.get()
    Speaker.objects.filter(pk=speaker.pk).update(bio_fr="Corrigée par les organisateurs.")
    client.force_login(user_create(is_staff=True, is_superuser=True))

    review = client.get(f"/admin/proposals/profiles/{proposal.pk}/")
    decided = client.post(f"/admin/proposals/profiles/{proposal.pk}/", {"decision": "approve", "comment": ""})

    assert review.status_code == 200
    assert proposal.changed_fields() == ["bio_en"]
    listing = review.content.decode().split('<table class="listing">')[1]
    rows = listing.split("<tbody>")[1].split("</tbody>")[0].strip()
    assert rows == (  # one row, the field the speaker changed (the admin speaks French here)
        '<tr><th scope="row">Biographie (anglais)</th><td>Urban planner.</td>'
        "<td>Twenty years of digital public services.</td></tr>"
    )
    assert decided.status_code == 302 and decided["Location"] == "/admin/proposals/"
    speaker = Speaker.objects.get(pk=speaker.pk)
    assert speaker.bio_en == "Twenty years of digital public services."
    assert speaker.bio_fr == "Corrigée par les organisateurs."  # not changed by the speaker: kept
