"""Writes of the programme domain."""

from django.db import IntegrityError, transaction

from events.models import AgendaEntry, Session


def agenda_add(*, user, session: Session) -> AgendaEntry:
    """Star a session; starring it twice keeps one entry."""
    try:
        with transaction.atomic():
            return AgendaEntry.objects.create(user=user, session=session)
    except IntegrityError:
        return AgendaEntry.objects.get(user=user, session=session)


def agenda_remove(*, user, session: Session) -> None:
    AgendaEntry.objects.filter(user=user, session=session).delete()
