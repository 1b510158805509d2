"""Badges are real PDFs, read back: names in the text layer (the Arabic one
shaped), a vector QR code that zbar decodes to a token the door accepts."""

import re
import subprocess

import pytest

from events.attendance.badges import badges_pdf
from events.attendance.checkin import badge_payload, checkin_scan
from events.registration import services as ops
from tests.factories import registration_confirmed, ticket_type_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "badge.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def qr_codes(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / "page")], check=True)
    codes = []
    for image in sorted(tmp_path.glob("page-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
        codes += result.stdout.split()
    return codes


@pytest.fixture
def salma(edition):
    return registration_confirmed(
        edition,
        ticket_type=ticket_type_create(edition, price=0, name_fr="Intervenant", role="speaker"),
        first_name="Salma",
        last_name="Bennani",
        name_ar="سلمى بنعلي",
        organisation="Université Hassan II",
    )


def test_a_badge_holds_both_names_and_a_qr_code_the_door_accepts(edition, salma, tmp_path):
    pdf = badges_pdf([salma])

    text = pdf_text(pdf, tmp_path)
    assert "Salma Bennani" in text
    assert "Université Hassan II" in text
    assert "INTERVENANT" in text
    # The Arabic name comes back in logical order, as one right-to-left run.
    assert "سلمى بنعلي" in text
    assert "297.638 x 419.528 pts" in pdf_info(pdf, tmp_path)  # A6
    [code] = qr_codes(pdf, tmp_path)
    assert code == badge_payload(salma)
    assert "Salma" not in code and salma.user.email not in code  # nothing personal in the code
    assert checkin_scan(payload=code, edition=edition, actor=None).ok


def test_the_arabic_name_is_shaped_not_a_row_of_isolated_letters(edition, tmp_path):
    """Joined (shaped) Arabic is narrower than the same letters kept apart by
    zero-width non-joiners, which add no space of their own."""

    def arabic_name_width(name_ar, folder):
        folder.mkdir()
        registration = registration_confirmed(edition, name_ar=name_ar, first_name="X", last_name="Y")
        pdf = folder / "b.pdf"
        pdf.write_bytes(badges_pdf([registration]))
        boxes = subprocess.run(
            ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes
        )
        # The name's line: Arabic words above the role band at the foot of the badge.
        line = [
            (float(x0), float(x1))
            for x0, y0, x1, text in words
            if re.search("[\u0600-\u06ff]", text) and float(y0) < 300
        ]
        assert line, boxes
        return max(x1 for _x0, x1 in line) - min(x0 for x0, _x1 in line)

    shaped = arabic_name_width("سلمى بنعلي", tmp_path / "shaped")
    isolated = arabic_name_width("\u200c".join("سلمى") + " " + "\u200c".join("بنعلي"), tmp_path / "isolated")
    assert shaped < isolated * 0.9, (shaped, isolated)


def test_a_batch_prints_four_badges_per_a4_sheet(edition, tmp_path):
    registrations = [registration_confirmed(edition, first_name=f"Nom{n}") for n in range(5)]

    pdf = badges_pdf(registrations, sheet=True)

    info = pdf_info(pdf, tmp_path)
    assert "Pages:           2" in info
    assert "(A4)" in info
    assert len(qr_codes(pdf, tmp_path)) == 5


def test_cancelling_revokes_the_badge(edition, salma):
    code = badge_payload(salma)
    ops.registration_cancel(registration=salma, actor=salma.user)

    result = checkin_scan(payload=code, edition=edition, actor=None)

    assert result.outcome == "revoked"


def test_attendees_download_their_badge_in_person_only(client, site_tree, edition, salma):
    client.force_login(salma.user)
    response = client.get("/fr/register/me/badge.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

    online = registration_confirmed(edition, ticket_type=ticket_type_create(edition, mode="online", price=0))
    client.force_login(online.user)
    assert client.get("/fr/register/me/badge.pdf")["Location"] == "/fr/register/me/"


def test_badges_load_nothing_from_the_server_or_the_network(edition, tmp_path):
    from events.models import BadgeSettings

    style = BadgeSettings.load()
    style.extra_css = (
        '</style><link rel="attachment" href="file:///etc/hostname">'
        ".badge { background: url(file:///etc/hostname); } @import url(http://127.0.0.1:9/x.css);"
    )
    style.save()
    registration = registration_confirmed(
        edition, organisation='<link rel="attachment" href="file:///etc/passwd">'
    )
    path = tmp_path / "b.pdf"
    path.write_bytes(badges_pdf([registration]))

    attachments = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True).stdout
    assert attachments.strip() == "0 embedded files"


def test_a_name_typed_with_a_bidi_override_or_emoji_prints_as_it_reads(edition, tmp_path):
    """Names saved before the forms dropped controls still print in reading order, without empty boxes."""
    registration = registration_confirmed(
        edition, first_name="abc\u202edcba", last_name="Alami 🚀", organisation="Smart ⚡️ City"
    )

    text = pdf_text(badges_pdf([registration]), tmp_path)

    assert "abcdcba Alami" in text
    assert "Smart City" in text
    assert "🚀" not in text and "\u202e" not in text
