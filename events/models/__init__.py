# ruff: noqa: I001 - the pages import selectors, which need the models above them.
from .agenda import AgendaEntry
from .editions import AttendanceFormat, Edition
from .programme import Room, Session, SessionKind, SessionLanguage, SessionSpeaker, SpeakerRole, Track
from .speakers import Speaker
from .pages import ProgrammePage, SpeakerIndexPage

__all__ = [
    "AgendaEntry",
    "AttendanceFormat",
    "Edition",
    "ProgrammePage",
    "Room",
    "Session",
    "SessionKind",
    "SessionLanguage",
    "SessionSpeaker",
    "Speaker",
    "SpeakerIndexPage",
    "SpeakerRole",
    "Track",
]
