"""The deadline is the server's: it is read when the entry is written, so a request that
started before the deadline and arrives after it is refused, whatever the browser did."""

import datetime
import http.client
import time
import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from startups import forms as startup_forms
from startups.models import Challenge, Submission, SubmissionStatus
from tests.factories import edition_create, site_tree_create
from tests.startups.factories import challenge_create, entry_answers, pdf_bytes, startup_create


def form_fields(challenge) -> dict:
    answers = entry_answers(challenge)
    return {name: value for name, value in answers.items() if name != "theme"} | {
        "theme": str(answers["theme"].pk)
    }


@pytest.mark.django_db
def test_a_deadline_passing_while_the_deck_is_checked_refuses_the_save(edition, monkeypatch):
    challenge = challenge_create(edition, closes_in=datetime.timedelta(seconds=30))
    startup = startup_create()
    client = Client()
    client.force_login(startup.members.get().user)
    original = startup_forms.deck_check

    def slow_check(*args, **kwargs):
        deck = original(*args, **kwargs)
        # The deadline passes while the request is being processed.
        Challenge.objects.filter(pk=challenge.pk).update(submission_deadline=timezone.now())
        return deck

    monkeypatch.setattr(startup_forms, "deck_check", slow_check)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/en/startup/entry/{challenge.pk}/",
        {
            **form_fields(challenge),
            "action": "submit",
            "accept_rules": "on",
            "deck_upload": SimpleUploadedFile("pitch.pdf", pdf_bytes(), "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "The submission deadline passed on" in response.content.decode()
    assert not Submission.objects.exists()


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, data) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/pdf\r\n\r\n"
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.django_db(transaction=True)
def test_an_upload_that_starts_before_the_deadline_and_ends_after_it_is_refused(live_server):
    edition = edition_create(is_current=True)
    site_tree_create()
    challenge = challenge_create(edition, closes_in=datetime.timedelta(seconds=3))
    startup = startup_create()
    client = Client()
    client.force_login(startup.members.get().user)
    session = client.cookies["sessionid"].value
    csrf = "a" * 32
    url = f"/en/startup/entry/{challenge.pk}/"
    body, content_type = multipart(
        {**form_fields(challenge), "csrfmiddlewaretoken": csrf, "action": "submit", "accept_rules": "on"},
        {"deck_upload": ("pitch.pdf", pdf_bytes(5))},
    )
    host = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    connection.putrequest("POST", url)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Content-Length", str(len(body)))
    connection.putheader("Cookie", f"sessionid={session}; csrftoken={csrf}")
    connection.putheader("Referer", live_server.url + url)
    connection.endheaders()
    started = timezone.now()
    connection.send(body[: len(body) // 2])  # the upload starts before the deadline…
    assert started < Challenge.objects.get(pk=challenge.pk).submission_deadline
    time.sleep(4)
    connection.send(body[len(body) // 2 :])  # …and ends after it
    response = connection.getresponse()
    html = response.read().decode()
    connection.close()

    assert response.status == 200
    assert "The submission deadline passed on" in html
    assert not Submission.objects.filter(status=SubmissionStatus.SUBMITTED).exists()
    assert not Submission.objects.exists()
