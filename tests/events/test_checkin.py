"""The door: each badge lets its holder in once; forged, revoked and other
editions' badges are refused; the scanning API needs a scanner device's token."""

import base64
import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection, connections
from django.utils import timezone

from events.attendance.checkin import badge_payload, checkin_scan
from events.attendance.devices import device_issue, device_revoke
from events.models import CheckIn, Payment, Registration
from events.registration import services as ops
from tests.factories import attendee, edition_create, registration_confirmed, ticket_type_create, user_create

pytestmark = [pytest.mark.integration]


def door_keeper(**fields):
    user = user_create(**fields)
    user.user_permissions.add(Permission.objects.get(codename="add_checkin"))
    return user


@pytest.mark.django_db
def test_a_valid_badge_is_let_in_once_then_reported_as_already_in(edition):
    keeper = door_keeper(first_name="Hajar", last_name="Idrissi")
    registration = registration_confirmed(edition, first_name="Omar", last_name="Lahlou")
    code = badge_payload(registration)

    first = checkin_scan(payload=code, edition=edition, actor=keeper)
    second = checkin_scan(payload=code, edition=edition, actor=keeper)

    assert (first.outcome, first.message) == ("ok", "Bienvenue !")
    local = first.checkin.at.astimezone(edition.tz).strftime("%H:%M")
    assert (second.outcome, second.message) == ("already", f"Déjà enregistré à {local} par Hajar Idrissi.")
    assert CheckIn.objects.count() == 1
    assert registration.log.filter(action="checked_in", actor=keeper).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code",
    ["not-a-badge", "abcdefghijklmnopqrstuvwx:forgedsignature", ""],
    ids=["garbage", "forged signature", "empty"],
)
def test_forged_codes_are_unknown(edition, code):
    registration_confirmed(edition)

    assert checkin_scan(payload=code, edition=edition, actor=None).outcome == "unknown"
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_a_badge_of_another_edition_is_refused(edition):
    past = edition_create(is_current=False)
    old = registration_confirmed(past, ticket_type=ticket_type_create(past, price=0))

    result = checkin_scan(payload=badge_payload(old), edition=edition, actor=None)

    assert result.outcome == "other_edition"


@pytest.mark.django_db
def test_a_refunded_registration_is_revoked(edition):
    registration = ops.registration_start(
        user=user_create(), ticket_type=ticket_type_create(edition), attendee=attendee()
    )
    Payment.objects.create(registration=registration, intent_id="pi_door", amount=150000)
    ops.payment_succeeded(intent_id="pi_door", amount=150000)
    ops.payment_refunded(intent_id="pi_door", amount_refunded=150000)

    assert checkin_scan(payload=badge_payload(registration), edition=edition, actor=None).outcome == "revoked"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
def test_two_scans_of_one_badge_at_the_same_instant_make_one_check_in():
    edition = edition_create(is_current=True)
    registration = registration_confirmed(edition)
    code = badge_payload(registration)
    scanners = 8
    barrier = threading.Barrier(scanners)
    outcomes = []

    def scan():
        barrier.wait()
        try:
            outcomes.append(checkin_scan(payload=code, edition=edition, actor=None).outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scan) for _ in range(scanners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["already"] * (scanners - 1) + ["ok"]
    assert CheckIn.objects.filter(registration=registration).count() == 1


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def scan(client, token, code, scan_id=""):
    return client.post(
        "/api/v1/checkin/",
        {"token": code, "scan_id": scan_id},
        content_type="application/json",
        headers=bearer(token),
    )


@pytest.mark.django_db
def test_the_api_needs_a_device_token_and_is_idempotent_per_scan(client, edition):
    registration = registration_confirmed(edition, first_name="Sara", last_name="Bennis")
    code = badge_payload(registration)
    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    keeper = door_keeper(email="porte@example.org")
    body = {"token": code, "scan_id": "scan-1"}

    anonymous = client.post("/api/v1/checkin/", body, content_type="application/json")
    staff_password = client.post(
        "/api/v1/checkin/",
        body,
        content_type="application/json",
        headers={
            "Authorization": "Basic " + base64.b64encode(b"porte@example.org:a-Strong-passw0rd").decode()
        },
    )
    client.force_login(keeper)  # a staff session opens the door page, not the API
    session = client.post("/api/v1/checkin/", body, content_type="application/json")
    client.logout()
    assert [anonymous.status_code, staff_password.status_code, session.status_code] == [401, 401, 401]
    assert [r["WWW-Authenticate"] for r in (anonymous, staff_password, session)] == [
        'Bearer realm="door"'
    ] * 3
    assert anonymous.json() == {"detail": "Unauthorized"}

    first = scan(client, token, code, "scan-1")
    retried = scan(client, token, code, "scan-1")
    another = scan(client, token, code, "scan-2")

    assert first.status_code == 200
    assert (first.json()["outcome"], first.json()["name"]) == ("ok", "Sara Bennis")
    assert retried.json()["outcome"] == "ok"  # the same scan sent again
    local = Registration.objects.get(pk=registration.pk).checkin.at.astimezone(edition.tz).strftime("%H:%M")
    assert (another.json()["outcome"], another.json()["message"]) == (
        "already",
        f"Déjà enregistré à {local} par Entrance A phone.",
    )
    checkin = Registration.objects.get(pk=registration.pk).checkin
    assert (checkin.method, checkin.device, checkin.by) == ("api", device, None)


@pytest.mark.django_db
def test_a_wrong_token_is_unauthorized_and_says_so(client, edition):
    registration = registration_confirmed(edition)
    _device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)

    wrong = scan(client, token[:-2] + "zz", badge_payload(registration))
    empty = client.post(
        "/api/v1/checkin/",
        {"token": "x"},
        content_type="application/json",
        headers={"Authorization": "Bearer "},
    )

    assert (wrong.status_code, wrong.json()) == (401, {"detail": "Unauthorized"})
    assert wrong["WWW-Authenticate"] == 'Bearer realm="door", error="invalid_token"'
    assert empty.status_code == 401
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_eleven_wrong_tokens_in_a_row_do_not_lock_a_device_out(client, edition):
    registration = registration_confirmed(edition)
    code = badge_payload(registration)
    _device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)

    wrong = [scan(client, f"csc_guess{attempt}", code).status_code for attempt in range(11)]
    wrong += [scan(client, token[:-1] + ("a" if token[-1] != "a" else "b"), code).status_code]
    right = scan(client, token, code)

    assert wrong == [401] * 12
    assert (right.status_code, right.json()["outcome"]) == (200, "ok")


@pytest.mark.django_db
def test_a_revoked_device_or_one_of_another_edition_is_forbidden(client, edition):
    registration = registration_confirmed(edition)
    code = badge_payload(registration)
    lost, lost_token = device_issue(edition=edition, name="Lost phone", actor=None)
    past = edition_create(is_current=False, title_fr="Congrès 2025")
    _old, old_token = device_issue(edition=past, name="Entrance A phone", actor=None)
    assert scan(client, lost_token, code, "s1").status_code == 200

    device_revoke(device=lost, actor=None)
    revoked = scan(client, lost_token, code, "s1")
    other_edition = scan(client, old_token, code, "s1")

    assert (revoked.status_code, revoked.json()) == (
        403,
        {"detail": "Cet appareil de scan a été révoqué. Demandez-en un nouveau à un organisateur."},
    )
    assert (other_edition.status_code, other_edition.json()) == (
        403,
        {"detail": "Cet appareil de scan est celui d’une autre édition (Congrès 2025)."},
    )
    assert not revoked.has_header("WWW-Authenticate")


@pytest.mark.django_db
def test_the_device_records_when_it_was_last_used(client, edition):
    registration = registration_confirmed(edition)
    device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    assert device.last_used_at is None

    before = timezone.now()
    scan(client, token, badge_payload(registration))

    device.refresh_from_db()
    assert before <= device.last_used_at <= timezone.now()


@pytest.mark.django_db
def test_each_scan_costs_the_same_few_queries(client, edition, django_assert_num_queries):
    _device, token = device_issue(edition=edition, name="Entrance A phone", actor=None)
    people = [registration_confirmed(edition) for _ in range(4)]
    assert scan(client, token, badge_payload(people[0])).json()["outcome"] == "ok"  # writes "last used"

    for registration in people[1:]:
        # The device with its edition; the registration; in a savepoint (the test's transaction
        # makes the service's own transaction one), its locked row, its check-in (none yet), then
        # the check-in in a savepoint of its own; the registration's log.
        with django_assert_num_queries(10):
            assert scan(client, token, badge_payload(registration)).json()["outcome"] == "ok"
    with django_assert_num_queries(6):  # scanned again: the device, the registration, its row, its check-in
        assert scan(client, token, badge_payload(people[1])).json()["outcome"] == "already"


@pytest.mark.django_db
def test_the_door_page_finds_people_and_checks_them_in(client, site_tree, edition):
    keeper = door_keeper()
    registration = registration_confirmed(
        edition, first_name="Mehdi", last_name="Kettani", name_ar="مهدي الكتاني"
    )
    client.force_login(user_create())
    assert client.get("/fr/door/").status_code == 403
    client.force_login(keeper)

    page = client.get("/en/door/?q=kettani").content.decode()
    assert "Mehdi Kettani" in page
    response = client.post(f"/en/door/{registration.pk}/")

    content = response.content.decode()
    assert "door-result--ok" in content and "Welcome!" in content
    scanned_again = client.post("/en/door/", {"code": badge_payload(registration)}).content.decode()
    assert "door-result--refused" in scanned_again and "Already checked in at" in scanned_again


@pytest.mark.django_db
def test_the_door_dashboard_counts_by_ticket_type_and_quarter_hour(client, site_tree, edition):
    import datetime

    from events.attendance.door_dashboard import door_figures

    passes = ticket_type_create(edition, price=0, name_fr="Pass sur place")
    students = ticket_type_create(edition, price=0, name_fr="Pass étudiant")
    people = [registration_confirmed(edition, ticket_type=passes) for _ in range(3)]
    people += [registration_confirmed(edition, ticket_type=students) for _ in range(2)]
    nine = datetime.datetime.combine(edition.start_date, datetime.time(9, 2), tzinfo=edition.tz)
    for minutes, registration in zip([0, 5, 20, 21], people, strict=False):
        CheckIn.objects.create(registration=registration, edition=edition, method="scan")
        CheckIn.objects.filter(registration=registration).update(
            at=nine + datetime.timedelta(minutes=minutes)
        )

    chart = door_figures(edition)

    assert [(s.name, s.checked_in, s.expected) for s in chart.series] == [
        ("Pass sur place", 3, 3),
        ("Pass étudiant", 1, 2),
    ]
    assert [(slot.strftime("%H:%M"), counts) for slot, counts in chart.rows] == [
        ("09:00", [2, 0]),
        ("09:15", [3, 1]),
    ]
    client.force_login(door_keeper())
    page = client.get("/en/door/dashboard/").content.decode()
    assert "4 of 5 in-person attendees are in." in page


@pytest.mark.django_db
def test_the_admin_menu_leads_door_keepers_to_the_door(client, site_tree):
    client.force_login(user_create(is_staff=True, is_superuser=True))

    admin = client.get("/admin/").content.decode()

    assert '"/door/"' in admin and '"/door/dashboard/"' in admin  # the sidebar's menu data
    assert client.get("/door/")["Location"].endswith("/door/")


@pytest.mark.django_db
def test_an_online_ticket_does_not_open_the_door(edition):
    online = registration_confirmed(edition, ticket_type=ticket_type_create(edition, mode="online", price=0))

    result = checkin_scan(payload=badge_payload(online), edition=edition, actor=None)

    assert result.outcome == "online"
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_the_api_validates_its_input_and_says_when_the_door_is_closed(client, db):
    past = edition_create(is_current=False)
    _device, token = device_issue(edition=past, name="Entrance A phone", actor=None)

    closed = scan(client, token, "x")
    too_long = client.post(
        "/api/v1/checkin/",
        {"token": "x", "scan_id": "s" * 65},
        content_type="application/json",
        headers=bearer(token),
    )
    missing = client.post("/api/v1/checkin/", {}, content_type="application/json", headers=bearer(token))

    assert (closed.status_code, closed.json()) == (
        503,
        {"detail": "La porte est fermée : aucune édition n’est en cours."},
    )
    assert too_long.status_code == 422
    assert [(error["type"], error["loc"][-1]) for error in too_long.json()["detail"]] == [
        ("string_too_long", "scan_id")
    ]
    assert [(error["type"], error["loc"][-1]) for error in missing.json()["detail"]] == [("missing", "token")]


@pytest.mark.django_db
def test_the_dashboard_skips_the_night_between_two_days(edition):
    import datetime

    from events.attendance.door_dashboard import door_figures

    ticket = ticket_type_create(edition, price=0)
    first, second = (registration_confirmed(edition, ticket_type=ticket) for _ in range(2))
    for day, registration in ((0, first), (1, second)):
        CheckIn.objects.create(registration=registration, edition=edition, method="scan")
        moment = datetime.datetime.combine(
            edition.start_date + datetime.timedelta(days=day), datetime.time(9, 40), tzinfo=edition.tz
        )
        CheckIn.objects.filter(registration=registration).update(at=moment)

    chart = door_figures(edition)

    assert [
        (slot.day - edition.start_date.day, slot.strftime("%H:%M"), counts) for slot, counts in chart.rows
    ] == [
        (0, "09:30", [1]),
        (1, "09:30", [2]),
    ]
    assert chart.multi_day
