"""Scanner devices: organisers issue a token per phone (shown once, kept as a hash) and revoke it;
the check-in API knows a device by its token. Door staff may scan, not issue.

The organiser reads the admin in English (their Wagtail profile says so), and
the services' messages are read in English too.
"""

import datetime
import hashlib
import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from events.attendance.checkin import badge_payload
from events.attendance.devices import (
    DeviceRefused,
    device_authenticate,
    device_issue,
    device_revoke,
)
from events.models import CheckIn, ScannerDevice
from tests.factories import edition_create, registration_confirmed, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

DEVICES = "/admin/scanner-devices/"


@pytest.fixture(autouse=True)
def _english(_default_language):
    translation.activate("en")


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def staff_with(*codenames, email=None):
    user = in_english(user_create(email=email, is_staff=True))
    group = Group.objects.create(name=f"group-{user.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(db):
    return staff_with(
        "add_scannerdevice", "change_scannerdevice", "view_scannerdevice", email="orga@example.org"
    )


@pytest.fixture
def door_staff(db):
    return staff_with("add_checkin", email="porte@example.org")


def refused(response) -> bool:
    """Wagtail answers a forbidden admin page by sending the user back to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


# The service -------------------------------------------------------------------------


def test_issuing_returns_the_token_once_and_keeps_only_its_hash(edition):
    organiser = user_create()

    device, token = device_issue(edition=edition, name="  Entrance A phone ", actor=organiser)

    device.refresh_from_db()
    assert token.startswith("csc_") and len(token) == 47
    assert (device.name, device.edition, device.created_by) == ("Entrance A phone", edition, organiser)
    assert device.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert device.prefix == token[:12]
    assert (device.last_used_at, device.revoked_at, device.revoked_by) == (None, None, None)
    stored = [str(value) for value in ScannerDevice.objects.values_list().get()]
    assert not [value for value in stored if token in value or token[12:] in value]
    assert device_issue(edition=edition, name="Entrance B phone", actor=organiser)[1] != token


def test_a_token_finds_its_device_and_only_its_device(edition):
    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    device_issue(edition=edition, name="Entrance B phone", actor=None)

    assert device_authenticate(token=token) == device
    assert device_authenticate(token=token[:-1]) is None
    assert device_authenticate(token=token + "x") is None
    assert device_authenticate(token=token.upper()) is None
    assert device_authenticate(token="") is None


def test_an_overlong_token_is_not_even_looked_up(edition, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert device_authenticate(token="csc_" + "a" * 200) is None


def test_last_used_is_written_at_most_once_a_minute(edition, django_assert_num_queries):
    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)

    with django_assert_num_queries(2):  # the device, then "last used"
        device_authenticate(token=token)
    first = ScannerDevice.objects.get(pk=device.pk).last_used_at
    with django_assert_num_queries(1):  # the device only
        device_authenticate(token=token)
    assert ScannerDevice.objects.get(pk=device.pk).last_used_at == first

    long_ago = timezone.now() - datetime.timedelta(minutes=2)
    ScannerDevice.objects.filter(pk=device.pk).update(last_used_at=long_ago)
    device_authenticate(token=token)

    assert first is not None and first <= timezone.now()
    assert ScannerDevice.objects.get(pk=device.pk).last_used_at > long_ago


def test_a_revoked_device_is_refused_and_revoking_again_keeps_the_first_revocation(edition):
    device, token = device_issue(edition=edition, name="Lost phone", actor=None)
    organiser, another = user_create(), user_create()

    device_revoke(device=device, actor=organiser)
    first = ScannerDevice.objects.get(pk=device.pk).revoked_at
    device_revoke(device=device, actor=another)

    device.refresh_from_db()
    assert (device.revoked_at, device.revoked_by) == (first, organiser)
    with pytest.raises(DeviceRefused) as refusal:
        device_authenticate(token=token)
    assert refusal.value.message == "This scanner device has been revoked. Ask an organiser for a new one."


def test_a_device_of_another_edition_is_refused_while_an_edition_is_current(edition):
    past = edition_create(is_current=False, title_en="The 2025 congress")
    _device, token = device_issue(edition=past, name="Entrance A phone", actor=None)

    with pytest.raises(DeviceRefused) as refusal:
        device_authenticate(token=token)

    assert refusal.value.message == "This scanner device is for another edition (The 2025 congress)."


def test_two_working_devices_of_one_edition_cannot_share_a_name(edition):
    device, _token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    other_edition = edition_create(is_current=False)

    with pytest.raises(ValidationError) as error:
        device_issue(edition=edition, name="Entrance A phone", actor=None)
    assert error.value.messages == ["A working device of this edition already has this name."]
    with pytest.raises(IntegrityError), transaction.atomic():  # the database's own guard
        ScannerDevice.objects.create(
            edition=edition, name="Entrance A phone", prefix="x", token_hash="0" * 64
        )

    device_issue(edition=other_edition, name="Entrance A phone", actor=None)
    device_revoke(device=device, actor=None)
    device_issue(edition=edition, name="Entrance A phone", actor=None)  # the old one is revoked
    assert ScannerDevice.objects.filter(name="Entrance A phone").count() == 3


def test_tokens_never_reach_the_logs(client, edition, caplog):
    caplog.set_level(logging.DEBUG)
    registration = registration_confirmed(edition)

    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    device_authenticate(token=token)
    client.post(
        "/api/v1/checkin/",
        {"token": badge_payload(registration)},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    client.post(
        "/api/v1/checkin/",
        {"token": badge_payload(registration)},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}-wrong"},
    )
    device_revoke(device=device, actor=None)
    client.post(
        "/api/v1/checkin/",
        {"token": badge_payload(registration)},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert f"Scanner device {device.pk} ({device.prefix}) issued" in caplog.text
    assert token[12:] not in caplog.text


# The admin ---------------------------------------------------------------------------


def test_an_organiser_issues_a_device_and_reads_its_token_once(client, organiser, edition):
    client.force_login(organiser)

    form = client.get(f"{DEVICES}new/")
    response = client.post(f"{DEVICES}new/", {"edition": edition.pk, "name": "Entrance A phone"})

    assert form.status_code == 200
    assert f'<option value="{edition.pk}" selected>' in form.content.decode()  # the current edition
    assert response.status_code == 200
    device = ScannerDevice.objects.get()
    page = response.content.decode()
    token = page.split('id="device-token" type="text" value="', 1)[1].split('"', 1)[0]
    assert device.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (device.name, device.edition, device.created_by) == ("Entrance A phone", edition, organiser)
    assert "It will not be shown again" in page
    assert "Authorization: Bearer" in page and "http://testserver/api/v1/checkin/" in page
    assert "no-store" in response["Cache-Control"]

    listing = client.get(DEVICES).content.decode()
    inspect = client.get(f"{DEVICES}inspect/{device.pk}/").content.decode()
    assert "Entrance A phone" in listing and device.prefix in listing and edition.slug in listing
    assert device.prefix in inspect
    assert token not in listing and token not in inspect


def test_a_name_in_use_is_refused_on_the_form(client, organiser, edition):
    device_issue(edition=edition, name="Entrance A phone", actor=None)
    client.force_login(organiser)

    response = client.post(f"{DEVICES}new/", {"edition": edition.pk, "name": "Entrance A phone"})

    assert response.status_code == 200
    assert "A working device of this edition already has this name." in response.content.decode()
    assert 'id="device-token"' not in response.content.decode()
    assert ScannerDevice.objects.count() == 1


def test_an_organiser_revokes_a_device_after_confirming(client, organiser, edition):
    device, token = device_issue(edition=edition, name="Lost phone", actor=None)
    client.force_login(organiser)

    listing = client.get(DEVICES).content.decode()
    confirmation = client.get(f"{DEVICES}revoke/{device.pk}/")
    device.refresh_from_db()
    assert device.revoked_at is None  # asking is not revoking
    response = client.post(f"{DEVICES}revoke/{device.pk}/")

    assert f"{DEVICES}revoke/{device.pk}/" in listing
    assert confirmation.status_code == 200
    assert "Yes, revoke this device" in confirmation.content.decode()
    assert response.status_code == 302 and response["Location"] == DEVICES
    device.refresh_from_db()
    assert device.revoked_by == organiser and device.revoked_at is not None
    listing = client.get(DEVICES).content.decode()
    assert f"{DEVICES}revoke/{device.pk}/" not in listing
    api = client.post(
        "/api/v1/checkin/",
        {"token": "x"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 403


def test_door_staff_cannot_see_issue_or_revoke_devices(client, door_staff, edition):
    device, _token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    client.force_login(door_staff)

    assert refused(client.get(DEVICES))
    assert refused(client.get(f"{DEVICES}new/"))
    assert refused(client.post(f"{DEVICES}new/", {"edition": edition.pk, "name": "Rogue phone"}))
    assert refused(client.get(f"{DEVICES}inspect/{device.pk}/"))
    assert refused(client.post(f"{DEVICES}revoke/{device.pk}/"))
    assert DEVICES not in client.get("/admin/").content.decode()  # no menu entry
    assert list(ScannerDevice.objects.values_list("name", "revoked_at")) == [("Entrance A phone", None)]


def test_who_may_only_view_devices_sees_the_list_without_the_buttons(client, edition):
    device, _token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    client.force_login(staff_with("view_scannerdevice"))

    listing = client.get(DEVICES)

    assert listing.status_code == 200
    assert "Entrance A phone" in listing.content.decode()
    assert f"{DEVICES}new/" not in listing.content.decode()
    assert f"{DEVICES}revoke/{device.pk}/" not in listing.content.decode()
    assert refused(client.post(f"{DEVICES}new/", {"edition": edition.pk, "name": "Rogue phone"}))
    assert refused(client.post(f"{DEVICES}revoke/{device.pk}/"))


def test_the_congress_menu_lists_scanner_devices_for_organisers(client, organiser):
    client.force_login(organiser)

    assert DEVICES in client.get("/admin/").content.decode()


def test_a_check_in_names_the_device_that_let_the_person_in(client, edition):
    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    registration = registration_confirmed(edition)

    client.post(
        "/api/v1/checkin/",
        {"token": badge_payload(registration), "scan_id": "s1"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    checkin = CheckIn.objects.get(registration=registration)
    assert (checkin.device, checkin.by, checkin.method) == (device, None, "api")
    assert list(device.checkins.all()) == [checkin]
    assert registration.log.get(action="checked_in").note == "api: Entrance A phone"
