# ruff: noqa: I001 - the pages import selectors, which need the models above them.
from .agenda import AgendaEntry
from .badge_batches import BadgeBatch, BadgeBatchStatus
from .badges import ROLE_LABELS, BadgeRole, BadgeSettings, CheckIn, CheckInMethod, StreamJoin
from .devices import ScannerDevice
from .editions import AttendanceFormat, Edition
from .programme import (
    Participation,
    Presence,
    Room,
    Session,
    SessionKind,
    SessionLanguage,
    SessionSpeaker,
    SpeakerRole,
    Track,
)
from .registrations import (
    ACTIVE_STATUSES,
    OPEN_OFFER_STATUSES,
    OfferStatus,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    StripeEvent,
    WaitingListEntry,
    WorkshopBooking,
    WorkshopBookingStatus,
)
from .proposals import (
    PROFILE_FIELDS,
    PROPOSED_FIELDS,
    ProfileProposal,
    ProposalStatus,
    SessionProposal,
    SpeakerInvitation,
)
from .resources import ResourceVisibility, SessionResource
from .speakers import Speaker
from .tickets import AttendanceMode, DiscountKind, RefundPolicy, TicketType, Voucher
from .pages import ProgrammePage, SpeakerIndexPage

__all__ = [
    "ACTIVE_STATUSES",
    "OPEN_OFFER_STATUSES",
    "PROFILE_FIELDS",
    "PROPOSED_FIELDS",
    "ROLE_LABELS",
    "AgendaEntry",
    "AttendanceFormat",
    "AttendanceMode",
    "BadgeBatch",
    "BadgeBatchStatus",
    "BadgeRole",
    "BadgeSettings",
    "CheckIn",
    "CheckInMethod",
    "DiscountKind",
    "Edition",
    "OfferStatus",
    "Participation",
    "Payment",
    "PaymentStatus",
    "Presence",
    "ProfileProposal",
    "ProgrammePage",
    "ProposalStatus",
    "RefundPolicy",
    "Registration",
    "RegistrationLog",
    "RegistrationStatus",
    "ResourceVisibility",
    "Room",
    "ScannerDevice",
    "Session",
    "SessionKind",
    "SessionLanguage",
    "SessionProposal",
    "SessionResource",
    "SessionSpeaker",
    "Speaker",
    "SpeakerIndexPage",
    "SpeakerInvitation",
    "SpeakerRole",
    "StreamJoin",
    "StripeEvent",
    "TicketType",
    "Track",
    "Voucher",
    "WaitingListEntry",
    "WorkshopBooking",
    "WorkshopBookingStatus",
]
