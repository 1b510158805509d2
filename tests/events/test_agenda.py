import pytest
from icalendar import Calendar

from events.models import AgendaEntry
from tests.factories import room_create, session_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def visitor(client, site_tree):
    user = user_create(email="visiteur@example.org")
    client.force_login(user)
    return user


def star(client, session, **extra):
    return client.post(f"/fr/agenda/sessions/{session.pk}/", {"next": "/fr/agenda/", **extra})


def test_starring_a_session_puts_it_in_the_agenda(client, visitor, edition, programme_pages):
    session = session_create(edition=edition, title_fr="Séance inaugurale")

    response = star(client, session)

    assert response.status_code == 302
    assert response["Location"] == "/fr/agenda/"
    content = client.get("/fr/agenda/").content.decode()
    assert "Séance inaugurale" in content
    assert "Retirer de mon agenda" in content


def test_starring_twice_keeps_one_entry_and_remove_takes_it_out(client, visitor, edition):
    session = session_create(edition=edition)

    star(client, session)
    star(client, session)
    assert AgendaEntry.objects.filter(user=visitor).count() == 1

    star(client, session, action="remove")
    assert AgendaEntry.objects.filter(user=visitor).count() == 0


def test_agenda_flags_clashes(client, visitor, edition):
    first = session_create(edition=edition, start="10:00", minutes=60, room=room_create(edition=edition))
    second = session_create(edition=edition, start="10:30", minutes=60, room=room_create(edition=edition))
    third = session_create(edition=edition, start="14:00", minutes=60, room=room_create(edition=edition))
    for session in (first, second, third):
        star(client, session)

    content = client.get("/fr/agenda/").content.decode()

    assert content.count("Chevauche une autre séance") == 2
    block = content[content.index(f'id="session-{third.pk}"') :]
    assert "Chevauche une autre séance" not in block[: block.index("</article>")]


def test_agenda_downloads_as_ical(client, visitor, edition):
    sessions = [session_create(edition=edition, start=f"{hour}:00") for hour in (9, 11)]
    for session in sessions:
        star(client, session)

    response = client.get("/fr/agenda/agenda.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(event.decoded("DTSTART") for event in events) == [s.starts_at for s in sessions]


def test_agenda_needs_an_account(client, site_tree, edition):
    session = session_create(edition=edition)

    assert client.get("/fr/agenda/")["Location"].startswith("/fr/accounts/login/")
    assert client.post(f"/fr/agenda/sessions/{session.pk}/").status_code == 302
    assert not AgendaEntry.objects.exists()


def test_unsafe_next_urls_are_ignored(client, visitor, edition):
    session = session_create(edition=edition)

    response = client.post(f"/fr/agenda/sessions/{session.pk}/", {"next": "https://evil.example.com/"})

    assert response["Location"] == "/fr/agenda/"


def test_each_visitor_sees_their_own_stars_on_the_shared_programme(client, edition, programme_pages):
    from django.test import Client

    first = session_create(edition=edition, start="09:00", title_fr="Séance inaugurale")
    second = session_create(edition=edition, start="11:00", title_fr="Table ronde")
    amina, omar = Client(), Client()
    amina.force_login(user_create(email="amina@example.org"))
    omar.force_login(user_create(email="omar@example.org"))
    url = programme_pages["programme"]["fr"].url
    star(amina, first)
    star(omar, second)

    for visitor, starred, other in ((amina, first, second), (omar, second, first)):
        content = visitor.get(url).content.decode()
        mine = content[content.index(f'id="session-{starred.pk}"') :]
        theirs = content[content.index(f'id="session-{other.pk}"') :]
        assert "Retirer de mon agenda" in mine[: mine.index("</article>")]
        assert "Ajouter à mon agenda" in theirs[: theirs.index("</article>")]
        assert 'name="csrfmiddlewaretoken"' in content


def test_anonymous_programme_has_no_stars(client, edition, programme_pages):
    session_create(edition=edition)

    content = client.get(programme_pages["programme"]["fr"].url).content.decode()

    assert "star-form" not in content
    assert "<!--star:" not in content
