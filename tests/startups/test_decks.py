"""Pitch decks are judged by their content: a real, readable, unencrypted PDF within the limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from startups.decks import DeckError, deck_check
from startups.video import VideoError, video_url_check
from tests.startups.factories import pdf_bytes


def upload(data: bytes, name: str = "pitch.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def check(data: bytes, name: str = "pitch.pdf", **limits):
    return deck_check(
        upload(data, name), max_mb=limits.get("max_mb", 2), max_pages=limits.get("max_pages", 10)
    )


def test_a_real_pdf_is_accepted_with_its_page_count_and_a_clean_name():
    deck = check(pdf_bytes(4), name="Notre pitch (v3).pdf")
    assert deck.pages == 4
    assert deck.filename == "Notre_pitch_v3.pdf"
    assert deck.data.startswith(b"%PDF-")


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200,  # a Windows executable renamed .pdf
        b"PK\x03\x04" + b"\x00" * 200,  # an archive renamed .pdf
        b"Mon pitch, en texte",
    ],
)
def test_a_file_renamed_pdf_is_refused(data):
    with pytest.raises(DeckError, match="not a PDF, whatever its name says"):
        check(data)


def test_an_oversized_pdf_is_refused_with_its_size_and_the_limit():
    data = pdf_bytes(1) + b"%" + b"0" * (1024 * 1024 + 10)
    with pytest.raises(DeckError, match=r"weighs 1\.0 MB; the limit is 1 MB"):
        check(data, max_mb=1)


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(DeckError, match="protected by a password or encrypted"):
        check(pdf_bytes(2, password="secret"))


def active_pdf(kind: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(2))))
    if kind == "script":
        writer.add_open_action(JavaScript("app.launchURL('https://example.org/steal')"))
    else:
        writer.add_attachment("payload.exe", b"MZ\x90\x00")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("kind", "what"), [("script", "scripts or actions"), ("attachment", "attached files")]
)
def test_a_deck_that_could_act_when_opened_is_refused(kind, what):
    with pytest.raises(DeckError, match=f"This PDF contains {what}. Export it again as a plain PDF"):
        check(active_pdf(kind))


@pytest.mark.parametrize(
    "data",
    [
        pdf_bytes(3)[:200],  # truncated
        b"%PDF-1.7\n" + b"garbage " * 50,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
)
def test_a_malformed_pdf_is_refused(data):
    with pytest.raises(DeckError, match=r"damaged and cannot be read|has no pages"):
        check(data)


def test_too_many_pages_are_refused_with_the_count_and_the_limit():
    with pytest.raises(DeckError, match="has 12 pages; the limit is 10"):
        check(pdf_bytes(12), max_pages=10)


@pytest.mark.parametrize("name", ["a<script>.pdf", ".hidden.pdf", "a\x00b.pdf", "x" * 200 + ".pdf"])
def test_hostile_file_names_are_refused(name):
    with pytest.raises(DeckError, match="file name cannot be used"):
        check(pdf_bytes(1), name=name)


def test_the_messages_are_translated():
    from django.utils import translation

    for language, expected in [("fr", "Ce fichier n’est pas un PDF"), ("ar", "ليس ملف PDF")]:
        with translation.override(language), pytest.raises(DeckError) as refusal:
            check(b"MZ" + b"\x00" * 100)
        assert expected in str(refusal.value)


@pytest.mark.parametrize(
    ("link", "stored"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("http://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://vimeo.com/76979871"),
        ("https://www.dailymotion.com/video/x7tgad0#t=3", "https://www.dailymotion.com/video/x7tgad0"),
        (
            "https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184",
            "https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184",
        ),
        ("https://drive.google.com/file/d/1AbC_dEf/view", "https://drive.google.com/file/d/1AbC_dEf/view"),
        ("", ""),
    ],
)
def test_video_links_to_one_video_on_a_known_host_are_accepted(link, stored):
    assert video_url_check(link) == stored


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "https://example.org/video.mp4",
        "https://www.youtube.com/results?search_query=smart+city",
        "https://www.youtube.com/watch?list=abc",
        "https://user:pass@vimeo.com/76979871",
        "https://vimeo.com.evil.example/76979871",
        "ftp://vimeo.com/76979871",
        "https://vimeo.com/channels/staffpicks",
        "not a link",
    ],
)
def test_other_video_links_are_refused_with_the_hosts_accepted(link):
    with pytest.raises(VideoError, match="YouTube, Vimeo"):
        video_url_check(link)


@pytest.mark.parametrize(
    "link", ["https://youtube.com:99999/watch?v=x", "https://vimeo.com:0/76979871", "https://[::1/x"]
)
def test_video_links_with_odd_ports_or_hosts_are_refused_not_crashing(link):
    with pytest.raises(VideoError):
        video_url_check(link)
