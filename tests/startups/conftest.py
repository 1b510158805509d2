import pytest
from django.utils import translation

from tests.startups.factories import challenge_create, startup_create


@pytest.fixture(autouse=True)
def _english_messages():
    """Refusals are checked by their English text; the pages' language comes from their URL."""
    with translation.override("en"):
        yield


@pytest.fixture
def challenge(edition):
    return challenge_create(edition)


@pytest.fixture
def startup(db):
    return startup_create(name="Darb Mobility")


@pytest.fixture
def founder(startup):
    return startup.members.get().user
