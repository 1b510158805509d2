# ruff: noqa: I001 - the pages import selectors, which need the models above them.
from .agenda import AgendaEntry
from .editions import AttendanceFormat, Edition
from .programme import Room, Session, SessionKind, SessionLanguage, SessionSpeaker, SpeakerRole, Track
from .registrations import (
    ACTIVE_STATUSES,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    StripeEvent,
)
from .speakers import Speaker
from .tickets import AttendanceMode, DiscountKind, RefundPolicy, TicketType, Voucher
from .pages import ProgrammePage, SpeakerIndexPage

__all__ = [
    "ACTIVE_STATUSES",
    "AgendaEntry",
    "AttendanceFormat",
    "AttendanceMode",
    "DiscountKind",
    "Edition",
    "Payment",
    "PaymentStatus",
    "ProgrammePage",
    "RefundPolicy",
    "Registration",
    "RegistrationLog",
    "RegistrationStatus",
    "Room",
    "Session",
    "SessionKind",
    "SessionLanguage",
    "SessionSpeaker",
    "Speaker",
    "SpeakerIndexPage",
    "SpeakerRole",
    "StripeEvent",
    "TicketType",
    "Track",
    "Voucher",
]
