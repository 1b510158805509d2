"""Every picture people send goes through one check: type from content, bytes, pixels before decoding."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from core.uploads import UploadError, name_check, picture_open
from events.speakers.services import SpeakerError, photo_prepare
from startups.team import LogoError, logo_prepare

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def png(width: int, height: int, mode: str = "1") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return SimpleUploadedFile("picture.png", buffer.getvalue(), content_type="image/png")


def test_a_pixel_bomb_is_refused_before_it_is_decoded():
    bomb = png(13_000, 13_000)  # about 20 KB on disk, 169 million pixels

    with pytest.raises(UploadError) as refusal:
        picture_open(bomb, max_mb=8, min_side=300)

    assert str(refusal.value) == "The picture is too large in pixels (13000 × 13000): export it smaller."


@pytest.mark.parametrize("prepare, error", [(photo_prepare, SpeakerError), (logo_prepare, LogoError)])
def test_photos_and_logos_refuse_the_bomb_with_the_same_words(prepare, error):
    with pytest.raises(error) as refusal:
        prepare(png(13_000, 13_000))

    assert "too large in pixels" in str(refusal.value)


def test_a_good_picture_comes_back_decoded_and_upright():
    picture = picture_open(png(900, 600, "RGB"), max_mb=8, min_side=300)

    assert picture.size == (900, 600)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("me.png", b"MZ\x90\x00not a picture"), "This file is not a picture we can read"),
        (png(120, 120, "RGB"), "The picture is too small: at least 300 pixels on each side."),
    ],
)
def test_other_refusals(upload, message):
    with pytest.raises(UploadError) as refusal:
        picture_open(upload, max_mb=8, min_side=300)

    assert str(refusal.value).startswith(message)


@pytest.mark.parametrize("name", ["../etc/passwd", ".htaccess", "a\u202egnp.exe", "con:x", "a\x00b.pdf"])
def test_hostile_names_are_refused(name):
    with pytest.raises(UploadError):
        name_check(name)
