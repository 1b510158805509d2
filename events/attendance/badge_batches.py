"""Batch printing of badges: the organisers choose which badges, a background task builds one PDF.

`batch_create` records the organiser's filters and how many badges match,
and enqueues `events.attendance.tasks.badge_batch_render` once the transaction commits.
`batch_render` (run by the worker) lays the badges out in chunks of A4 sheets
of four, saving after each chunk how many are done so that the admin can show
progress, then writes one PDF, stores it and marks those badges printed.
"""

import datetime
import logging
import secrets
from collections.abc import Iterable, Sequence

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import UserError
from core.pdf import font_configuration, pdf_document, pdf_join
from events.attendance.badges import badges_html, badges_mark_printed, extra_css
from events.models import (
    AttendanceMode,
    BadgeBatch,
    BadgeBatchStatus,
    BadgeRole,
    Edition,
    Registration,
    RegistrationStatus,
    TicketType,
)

logger = logging.getLogger(__name__)

# Badges laid out between two progress updates: five A4 sheets of four.
CHUNK_SIZE = 20


class BadgeBatchError(UserError):
    """The batch cannot be made as asked; the message is meant for the organiser."""


def badge_registrations(
    edition: Edition, *, ticket_types: Iterable[int] = (), roles: Iterable[str] = (), only_not_printed: bool
) -> QuerySet[Registration]:
    """The registrations that get a printed badge: confirmed, in person, of the edition; then the filters.

    Empty ``ticket_types`` or ``roles`` mean all of them. Badges come in name order,
    the order in which they are handed out at the door.
    """
    registrations = Registration.objects.filter(
        edition=edition,
        status=RegistrationStatus.CONFIRMED,
        ticket_type__mode=AttendanceMode.IN_PERSON,
    )
    ticket_types, roles = list(ticket_types), list(roles)
    if ticket_types:
        registrations = registrations.filter(ticket_type_id__in=ticket_types)
    if roles:
        registrations = registrations.filter(ticket_type__role__in=roles)
    if only_not_printed:
        registrations = registrations.filter(badge_printed_at__isnull=True)
    return registrations.order_by("last_name", "first_name", "pk")


def batch_registrations(batch: BadgeBatch) -> QuerySet[Registration]:
    filters = batch.filters
    return badge_registrations(
        batch.edition,
        ticket_types=filters.get("ticket_types", []),
        roles=filters.get("roles", []),
        only_not_printed=filters.get("only_not_printed", False),
    )


def batch_create(
    edition: Edition,
    *,
    ticket_types: Sequence[TicketType | int] = (),
    roles: Sequence[str] = (),
    only_not_printed: bool = True,
    actor=None,
) -> BadgeBatch:
    """Record a batch of the badges matching the filters and have the worker build its PDF."""
    from events.attendance.tasks import badge_batch_render

    ids = sorted({t.pk if isinstance(t, TicketType) else int(t) for t in ticket_types})
    roles = sorted(set(roles))
    if unknown := sorted(set(roles) - set(BadgeRole.values)):
        raise BadgeBatchError(_("Unknown role on the badge: %(roles)s.") % {"roles": ", ".join(unknown)})
    if TicketType.objects.filter(pk__in=ids).exclude(edition=edition).exists() or (
        TicketType.objects.filter(pk__in=ids).count() != len(ids)
    ):
        raise BadgeBatchError(_("Choose ticket types of the edition chosen."))
    total = badge_registrations(
        edition, ticket_types=ids, roles=roles, only_not_printed=only_not_printed
    ).count()
    if not total:
        raise BadgeBatchError(_("No badge matches these filters."))
    batch = BadgeBatch.objects.create(
        edition=edition,
        filters={"ticket_types": ids, "roles": roles, "only_not_printed": bool(only_not_printed)},
        created_by=actor,
        total=total,
    )
    transaction.on_commit(lambda: badge_batch_render.enqueue(batch.pk))
    return batch


STUCK_AFTER = datetime.timedelta(minutes=15)


def batch_retriable(batch: BadgeBatch, *, now: datetime.datetime | None = None) -> bool:
    """Failed, or queued or being built for so long that its worker must have stopped."""
    now = now or timezone.now()
    if batch.status == BadgeBatchStatus.FAILED:
        return True
    return batch.status in (BadgeBatchStatus.QUEUED, BadgeBatchStatus.RENDERING) and (
        now - batch.created_at > STUCK_AFTER
    )


def batch_retry(batch: BadgeBatch, *, actor) -> BadgeBatch:
    """A new batch with the same choice of badges (the old one stays in the list, as it ended)."""
    if not batch_retriable(batch):
        raise BadgeBatchError(_("This batch is still being built."))
    if batch.status != BadgeBatchStatus.FAILED:
        BadgeBatch.objects.filter(pk=batch.pk).update(
            status=BadgeBatchStatus.FAILED,
            error=_("Stopped: the worker did not finish it."),
            finished_at=timezone.now(),
        )
    filters = batch.filters
    return batch_create(
        batch.edition,
        ticket_types=filters.get("ticket_types", []),
        roles=filters.get("roles", []),
        only_not_printed=filters.get("only_not_printed", True),
        actor=actor,
    )


def _progress(batch: BadgeBatch, **fields) -> None:
    """Saved at once (outside any transaction) so that the admin's next poll sees it."""
    for name, value in fields.items():
        setattr(batch, name, value)
    BadgeBatch.objects.filter(pk=batch.pk).update(**fields)


def batch_render(batch_id: int, *, chunk_size: int = CHUNK_SIZE) -> BadgeBatch | None:
    """Build the batch's PDF; None when the batch is gone or another worker has taken it.

    The badges are those matching the filters now (a registration may have been
    confirmed or cancelled since the batch was created), so ``total`` is counted
    again. A failure is recorded on the batch, for the organiser to see.
    """
    # Only one run builds a batch, even if the task is delivered twice.
    if not BadgeBatch.objects.filter(pk=batch_id, status=BadgeBatchStatus.QUEUED).update(
        status=BadgeBatchStatus.RENDERING, done=0
    ):
        return None
    batch = BadgeBatch.objects.select_related("edition").get(pk=batch_id)
    try:
        registrations = list(batch_registrations(batch).select_related("ticket_type", "edition"))
        if not registrations:
            raise BadgeBatchError(_("No badge matches these filters any more."))
        _progress(batch, total=len(registrations))
        chunk_size = max(4, chunk_size - chunk_size % 4)  # whole A4 sheets in every chunk
        font_config = font_configuration()
        documents = []
        extra = extra_css()
        for start in range(0, len(registrations), chunk_size):
            chunk = registrations[start : start + chunk_size]
            documents.append(
                pdf_document(badges_html(chunk, sheet=True), extra_css=extra, font_config=font_config)
            )
            _progress(batch, done=start + len(chunk))
        pdf = pdf_join(documents)
        name = f"{batch.edition.slug}-batch-{batch.pk}-{secrets.token_urlsafe(12)}.pdf"
        batch.file.save(name, ContentFile(pdf), save=False)
        with transaction.atomic():
            badges_mark_printed(registrations)
            batch.status = BadgeBatchStatus.DONE
            batch.finished_at = timezone.now()
            batch.save(update_fields=["file", "status", "finished_at"])
    except Exception as error:
        logger.exception("Badge batch %s failed", batch_id)
        if batch.file:
            batch.file.delete(save=False)
        message = str(error) if isinstance(error, BadgeBatchError) else f"{type(error).__name__}: {error}"
        _progress(batch, status=BadgeBatchStatus.FAILED, error=message, file="", finished_at=timezone.now())
    return batch
