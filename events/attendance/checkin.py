"""Badges' QR codes and the door.

A badge's QR code carries the registration's random badge token, signed with
the site's secret: it names nobody, cannot be forged, and dies with the
registration (a cancelled or refunded registration is no longer confirmed, so
its token is refused). Each registration is let in once; two scans of the
same badge at the same instant still make one check-in (a row lock on the
registration, and a one-to-one check-in as the database's own guard).
"""

from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from events.models import (
    CheckIn,
    CheckInMethod,
    Edition,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    ScannerDevice,
)

SALT = "events.badge"


def badge_payload(registration: Registration) -> str:
    """What the QR code holds: ``<token>:<signature>``."""
    return signing.Signer(salt=SALT).sign(registration.badge_token)


class Outcome:
    OK = "ok"
    ALREADY = "already"
    REVOKED = "revoked"
    UNKNOWN = "unknown"
    OTHER_EDITION = "other_edition"
    ONLINE = "online"


@dataclass(frozen=True)
class CheckInResult:
    outcome: str
    message: str
    registration: Registration | None = None
    checkin: CheckIn | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.OK


def checkin_scan(
    *,
    payload: str,
    edition: Edition,
    actor,
    method=CheckInMethod.SCAN,
    scan_id="",
    device: ScannerDevice | None = None,
) -> CheckInResult:
    """Let in the holder of a scanned badge, or say clearly why not.

    ``actor`` is the staff member signed in at the door, ``device`` the
    scanning app that called the API (then there is no ``actor``).
    """
    try:
        token = signing.Signer(salt=SALT).unsign(payload.strip())
    except signing.BadSignature:
        return CheckInResult(Outcome.UNKNOWN, _("Unknown code: this is not one of our badges."))
    registration = Registration.objects.filter(badge_token=token).first()
    if registration is None:
        return CheckInResult(Outcome.UNKNOWN, _("Unknown code: this is not one of our badges."))
    return checkin_registration(
        registration=registration, edition=edition, actor=actor, method=method, scan_id=scan_id, device=device
    )


def checkin_registration(
    *,
    registration: Registration,
    edition: Edition,
    actor,
    method=CheckInMethod.SEARCH,
    scan_id="",
    device: ScannerDevice | None = None,
) -> CheckInResult:
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .select_related("ticket_type", "edition")
            .get(pk=registration.pk)
        )
        if registration.edition_id != edition.pk:
            return CheckInResult(
                Outcome.OTHER_EDITION,
                _("This badge is for another edition (%(edition)s).")
                % {"edition": registration.edition.title},
                registration,
            )
        if registration.status != RegistrationStatus.CONFIRMED:
            return CheckInResult(
                Outcome.REVOKED,
                _("Not valid: this registration is %(status)s.")
                % {"status": registration.get_status_display().lower()},
                registration,
            )
        if registration.ticket_type.mode != "in_person":
            return CheckInResult(
                Outcome.ONLINE, _("Online ticket: it does not give a seat in the hall."), registration
            )
        existing = (
            CheckIn.objects.filter(registration=registration)
            .select_related("by", "device", "edition")
            .first()
        )
        if existing is not None:
            if scan_id and existing.scan_id == scan_id:  # the same scan, sent again by the app
                return CheckInResult(Outcome.OK, _("Welcome!"), registration, existing)
            return CheckInResult(Outcome.ALREADY, already_message(existing), registration, existing)
        try:
            with transaction.atomic():
                checkin = CheckIn.objects.create(
                    registration=registration,
                    edition=edition,
                    by=actor,
                    device=device,
                    method=method,
                    scan_id=scan_id[:64],
                )
        except IntegrityError:  # only without the row lock (never on PostgreSQL); say it as it is
            existing = CheckIn.objects.select_related("by", "device", "edition").get(
                registration=registration
            )
            return CheckInResult(Outcome.ALREADY, already_message(existing), registration, existing)
        RegistrationLog.objects.create(
            registration=registration,
            action="checked_in",
            actor=actor,
            from_status=registration.status,
            to_status=registration.status,
            note=f"{method}: {device.name}" if device else method,
        )
    return CheckInResult(Outcome.OK, _("Welcome!"), registration, checkin)


def already_message(checkin: CheckIn) -> str:
    local = checkin.at.astimezone(checkin.edition.tz) if checkin.edition_id else checkin.at
    if checkin.by:
        by = checkin.by.get_full_name() or checkin.by.email
    elif checkin.device:
        by = checkin.device.name
    else:
        by = _("a scanning app")
    return _("Already checked in at %(time)s by %(by)s.") % {"time": local.strftime("%H:%M"), "by": by}


def door_search(edition: Edition, query: str, *, limit: int = 20):
    """Registrations of the edition whose name, Arabic name, e-mail or reference matches."""
    query = query.strip()
    if len(query) < 2:
        return Registration.objects.none()
    matches = Q()
    for word in query.split():
        matches &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(name_ar__icontains=word)
            | Q(user__email__icontains=word)
            | Q(reference__iexact=word)
            | Q(organisation__icontains=word)
        )
    return (
        Registration.objects.filter(edition=edition, status=RegistrationStatus.CONFIRMED)
        .filter(matches)
        .select_related("ticket_type", "checkin", "checkin__by")
        .order_by("last_name", "first_name")[:limit]
    )
