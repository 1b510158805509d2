"""Voucher codes made in bulk, for speakers, jurors, press or partners.

Codes are read aloud and typed from paper badges, so they use an alphabet
without the look-alikes 0/O and 1/I, in groups of four: ``PRESS-7KQM-X2HD``.
"""

import datetime
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import UserError
from events.models import DiscountKind, Edition, TicketType, Voucher

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 4
MAX_COUNT = 500
MAX_PREFIX_LENGTH = 10
PREFIX_PATTERN = re.compile(r"^[A-Z0-9]*$")
_ATTEMPTS = 3


class VoucherError(UserError, ValueError):
    """A request for codes the rules refuse; the message is shown to the organiser as it is."""


def prefix_normalise(prefix: str) -> str:
    """``" press- "`` → ``"PRESS"``; raises VoucherError for anything but letters and digits."""
    prefix = (prefix or "").strip().upper().strip("-")
    if len(prefix) > MAX_PREFIX_LENGTH or not PREFIX_PATTERN.match(prefix):
        raise VoucherError(
            _("The prefix can have up to %(max)s letters (A–Z) and digits, without spaces or accents.")
            % {"max": MAX_PREFIX_LENGTH}
        )
    return prefix


def code_random(prefix: str = "") -> str:
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS)
    ]
    return "-".join([prefix, *groups] if prefix else groups)


def _check(
    *, edition, ticket_types, count, max_uses, valid_until, discount_kind, discount_value, now
) -> None:
    if not 1 <= count <= MAX_COUNT:
        raise VoucherError(_("Ask for between 1 and %(max)s codes.") % {"max": MAX_COUNT})
    if not ticket_types:
        raise VoucherError(_("Choose at least one ticket type the codes unlock."))
    if any(ticket_type.edition_id != edition.pk for ticket_type in ticket_types):
        raise VoucherError(_("Every ticket type must belong to the edition of the codes."))
    if max_uses < 1:
        raise VoucherError(_("Each code must be usable at least once."))
    if valid_until is not None and valid_until <= now:
        raise VoucherError(_("The codes must stay valid until a date in the future."))
    if discount_kind not in DiscountKind.values:
        raise VoucherError(_("Unknown discount."))
    if discount_kind == DiscountKind.PERCENT and not 1 <= discount_value <= 100:
        raise VoucherError(_("A percentage off must be between 1 and 100."))
    if discount_kind == DiscountKind.FIXED and discount_value < 1:
        raise VoucherError(_("A fixed amount off must be more than zero."))


def vouchers_generate(
    *,
    edition: Edition,
    ticket_types: list[TicketType],
    count: int,
    prefix: str = "",
    max_uses: int = 1,
    valid_until: datetime.datetime | None = None,
    discount_kind: str = DiscountKind.FREE,
    discount_value: int = 0,
    note: str = "",
    now: datetime.datetime | None = None,
) -> list[Voucher]:
    """Create ``count`` vouchers with new, unique, readable codes, all or none.

    ``discount_value``: percent for a percentage, centimes for a fixed amount,
    ignored for a free ticket. Raises VoucherError for a refused request.
    """
    now = now or timezone.now()
    ticket_types = list(ticket_types)
    prefix = prefix_normalise(prefix)
    _check(
        edition=edition,
        ticket_types=ticket_types,
        count=count,
        max_uses=max_uses,
        valid_until=valid_until,
        discount_kind=discount_kind,
        discount_value=discount_value,
        now=now,
    )
    if discount_kind == DiscountKind.FREE:
        discount_value = 0
    for attempt in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                return _create(
                    edition=edition,
                    ticket_types=ticket_types,
                    codes=_unique_codes(prefix, count),
                    max_uses=max_uses,
                    valid_until=valid_until,
                    discount_kind=discount_kind,
                    discount_value=discount_value,
                    note=note,
                )
        except IntegrityError:  # someone took one of the codes between our check and our insert
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _unique_codes(prefix: str, count: int) -> list[str]:
    """``count`` new codes that no voucher has yet (one query per round; collisions are rare)."""
    codes: list[str] = []
    while len(codes) < count:
        candidates = {code_random(prefix) for _ in range(count - len(codes))} - set(codes)
        taken = set(Voucher.objects.filter(code__in=candidates).values_list("code", flat=True))
        codes.extend(sorted(candidates - taken))
    return codes


def _create(*, edition, ticket_types, codes, **fields) -> list[Voucher]:
    vouchers = Voucher.objects.bulk_create(Voucher(edition=edition, code=code, **fields) for code in codes)
    through = Voucher.ticket_types.through
    through.objects.bulk_create(
        through(voucher_id=voucher.pk, tickettype_id=ticket_type.pk)
        for voucher in vouchers
        for ticket_type in ticket_types
    )
    return vouchers
