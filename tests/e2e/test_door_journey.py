"""At the door, on a phone: staff find a person by name and check them in;
then a badge is shown to the camera (Chromium plays a Y4M clip of the printed
badge, rasterised from its PDF, as its camera) and the page decodes it with jsQR."""

import subprocess

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from events.attendance.badges import badges_pdf
from events.models import CheckIn, Edition
from tests.conftest import CHROMIUM
from tests.e2e.conftest import axe_violations
from tests.factories import registration_confirmed, user_create

pytestmark = [pytest.mark.e2e]

PHONE = {"width": 390, "height": 844}


def door_keeper():
    user = user_create(email="porte@example.org", first_name="Hajar", last_name="Idrissi")
    user.user_permissions.add(Permission.objects.get(codename="add_checkin"))
    return user


def log_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def y4m_of_badge(registration, path, *, frames=30):
    """The printed badge itself, rasterised, as the camera's picture."""
    pdf = path.with_suffix(".pdf")
    pdf.write_bytes(badges_pdf([registration]))
    subprocess.run(
        ["pdftoppm", "-r", "120", "-gray", "-singlefile", str(pdf), str(path.with_suffix(""))], check=True
    )
    image = path.with_suffix(".pgm").read_bytes()
    magic, width, height, maxval, pixels = image.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    width, height = int(width), int(height)
    even_w, even_h = width - width % 2, height - height % 2
    luma = b"".join(
        bytes(16 + value * 219 // 255 for value in pixels[row * width : row * width + even_w])
        for row in range(even_h)
    )
    chroma = b"\x80" * (even_w // 2 * even_h // 2)
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{even_w} H{even_h} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            video.write(b"FRAME\n" + luma + chroma + chroma)


def test_a_badge_shown_to_the_camera_checks_its_holder_in(browser_type, live_server, live_site, tmp_path):
    edition = Edition.objects.get(is_current=True)
    registration = registration_confirmed(edition, first_name="Sara", last_name="Bennis")
    clip = tmp_path / "badge.y4m"
    y4m_of_badge(registration, clip)
    browser = browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={clip}",
        ],
    )
    try:
        context = browser.new_context(viewport=PHONE, permissions=["camera"])
        log_in(context, live_server, door_keeper())
        page = context.new_page()
        page.goto(f"{live_server.url}/en/door/")
        page.get_by_role("button", name="Scan with the camera").click()

        result = page.locator(".door-result")
        expect(result).to_have_class("door-result door-result--ok", timeout=15_000)
        expect(result).to_contain_text("Sara Bennis")
        # The badge is still in front of the camera: it must not be read again (and turn red).
        page.wait_for_timeout(2000)
        expect(result).to_have_class("door-result door-result--ok")
        expect(page.get_by_role("button", name="Scan the next badge")).to_be_focused()
    finally:
        browser.close()
    assert CheckIn.objects.get(registration=registration).method == "scan"


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_door_dashboard_and_live_pages_have_no_axe_violations(page, live_server, live_site, language):
    import datetime

    from django.utils import timezone

    from events.models import CheckIn
    from tests.factories import session_create

    edition = Edition.objects.get(is_current=True)
    registration = registration_confirmed(edition, first_name="Leila", last_name="Amrani")
    CheckIn.objects.create(registration=registration, edition=edition, method="scan")
    session = session_create(
        edition,
        starts_at=timezone.now() + datetime.timedelta(minutes=5),
        livestream_url="https://live.example.org/stream",
        format="hybrid",
    )
    keeper = door_keeper()
    registration_confirmed(edition, user=keeper)
    log_in(page.context, live_server, keeper)

    for path in ("/door/", "/door/dashboard/", f"/live/{session.pk}/", "/door/?q=amrani"):
        page.goto(f"{live_server.url}/{language}{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path
