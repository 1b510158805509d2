"""Stream addresses reach confirmed registrants only: not visitors, not the
API, not the exports; the live page opens shortly before the session."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from events.models import StreamJoin
from tests.factories import registration_confirmed, session_create, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIVE = "https://live.example.org/secret-stream-7f3a"
REPLAY = "https://replay.example.org/secret-replay-91bc"


@pytest.fixture
def streamed(edition):
    soon = timezone.now() + datetime.timedelta(minutes=10)
    return session_create(
        edition, starts_at=soon, kind="keynote", format="hybrid", livestream_url=LIVE, title_fr="Keynote IA"
    )


def test_no_public_page_api_or_export_carries_the_stream_address(client, programme_pages, edition, streamed):
    slug = edition.slug
    urls = [
        programme_pages["programme"]["fr"].url,
        programme_pages["programme"]["fr"].url + f"session/{streamed.slug}/",
        f"/api/v1/editions/{slug}/sessions/",
        f"/api/v1/editions/{slug}/sessions/{streamed.slug}",
        f"/api/v1/editions/{slug}/schedule.json",
        f"/api/v1/editions/{slug}/schedule.xml",
        f"/api/v1/editions/{slug}/schedule.ics",
        "/api/v1/openapi.json",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert LIVE not in response.content.decode(), url
    session_page = client.get(urls[1]).content.decode()
    assert f'href="/fr/live/{streamed.pk}/"' in session_page


def test_visitors_who_are_not_confirmed_registrants_never_see_it(client, site_tree, edition, streamed):
    assert client.get(f"/fr/live/{streamed.pk}/")["Location"].startswith("/fr/accounts/login/")
    client.force_login(user_create())
    response = client.get(f"/fr/live/{streamed.pk}/")
    assert response.status_code == 403 and LIVE not in response.content.decode()

    from events.registration import services as ops
    from tests.factories import attendee

    held = ops.registration_start(
        user=user_create(), ticket_type=ticket_type_create(edition), attendee=attendee()
    )  # a seat held, not paid
    client.force_login(held.user)
    assert LIVE not in client.get(f"/fr/live/{streamed.pk}/").content.decode()


def test_registrants_get_the_stream_once_it_opens_and_are_counted_once(client, site_tree, edition, streamed):
    online = registration_confirmed(edition, ticket_type=ticket_type_create(edition, mode="online", price=0))
    client.force_login(online.user)

    page = client.get(f"/en/live/{streamed.pk}/").content.decode()
    client.get(f"/en/live/{streamed.pk}/")

    assert LIVE in page and "Join the live stream" in page
    assert StreamJoin.objects.filter(session=streamed).count() == 1


def test_before_it_opens_the_page_says_when(client, site_tree, edition):
    later = session_create(
        edition, starts_at=timezone.now() + datetime.timedelta(hours=3), livestream_url=LIVE, format="hybrid"
    )
    client.force_login(registration_confirmed(edition).user)

    page = client.get(f"/en/live/{later.pk}/").content.decode()

    assert LIVE not in page and "The stream opens at" in page
    assert "js/live.js" in page  # reloads itself when the stream opens
    assert not StreamJoin.objects.exists()


def test_after_the_session_the_replay(client, site_tree, edition):
    past = session_create(
        edition,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        livestream_url=LIVE,
        replay_url=REPLAY,
        format="hybrid",
    )
    client.force_login(registration_confirmed(edition).user)

    page = client.get(f"/en/live/{past.pk}/").content.decode()

    assert REPLAY in page and LIVE not in page


def test_organisers_see_how_many_joined(client, site_tree, edition, streamed):
    for _ in range(3):
        StreamJoin.objects.create(user=user_create(), session=streamed)
    client.force_login(user_create(is_staff=True, is_superuser=True))

    page = client.get("/admin/snippets/events/session/").content.decode()

    with translation.override("fr"):  # the admin speaks the default language here
        assert gettext("Joined the stream") in page
    assert re.search(r"<td[^>]*>\s*3\s*</td>", page)


def test_a_session_without_a_stream_says_so_and_does_not_reload(client, site_tree, edition):
    now_on = session_create(
        edition, starts_at=timezone.now() - datetime.timedelta(minutes=5), replay_url=REPLAY, format="hybrid"
    )
    client.force_login(registration_confirmed(edition).user)

    response = client.get(f"/en/live/{now_on.pk}/")
    page = response.content.decode()

    assert "This session is not streamed." in page
    assert "js/live.js" not in page and REPLAY not in page
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_cancelled_registrant_or_one_of_another_edition_gets_nothing(client, site_tree, edition, streamed):
    from events.registration import services as ops
    from tests.factories import edition_create

    cancelled = registration_confirmed(edition)
    ops.registration_cancel(registration=cancelled, actor=cancelled.user)
    other = edition_create(is_current=False)
    elsewhere = registration_confirmed(other, ticket_type=ticket_type_create(other, price=0))
    for user in (cancelled.user, elsewhere.user):
        client.force_login(user)
        response = client.get(f"/en/live/{streamed.pk}/")
        assert response.status_code == 403 and LIVE not in response.content.decode()
