"""Voucher codes made in bulk: unique, readable, all or none."""

import datetime
import re

import pytest
from django.db import IntegrityError
from django.utils import timezone, translation

from events.models import DiscountKind, Voucher
from events.registration import vouchers
from events.registration.services import voucher_check
from tests.factories import edition_create, ticket_type_create, voucher_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

READABLE = "[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}"


@pytest.fixture
def press(edition):
    return ticket_type_create(edition, name_fr="Pass presse", price=150000, voucher_only=True)


def test_codes_are_unique_readable_and_unlock_the_ticket_types(edition, press):
    online = ticket_type_create(edition, mode="online", price=0, voucher_only=True)
    until = timezone.now() + datetime.timedelta(days=30)

    created = vouchers.vouchers_generate(
        edition=edition,
        ticket_types=[press, online],
        count=200,
        prefix=" press- ",
        max_uses=2,
        valid_until=until,
        note="Presse",
    )

    codes = [voucher.code for voucher in created]
    assert len(codes) == len(set(codes)) == 200 == Voucher.objects.count()
    assert all(re.fullmatch(f"PRESS-{READABLE}-{READABLE}", code) for code in codes)
    voucher = Voucher.objects.get(code=codes[0])
    assert set(voucher.ticket_types.all()) == {press, online}
    assert (voucher.max_uses, voucher.valid_until, voucher.note) == (2, until, "Presse")
    assert (voucher.discount_kind, voucher.price_for(press)) == (DiscountKind.FREE, 0)
    voucher_check(voucher, press, now=timezone.now())  # the registration service accepts it


def test_without_a_prefix(edition, press):
    [voucher] = vouchers.vouchers_generate(edition=edition, ticket_types=[press], count=1)

    assert re.fullmatch(f"{READABLE}-{READABLE}", voucher.code)


def test_discounts(edition, press):
    [percent] = vouchers.vouchers_generate(
        edition=edition, ticket_types=[press], count=1, discount_kind=DiscountKind.PERCENT, discount_value=50
    )
    [fixed] = vouchers.vouchers_generate(
        edition=edition, ticket_types=[press], count=1, discount_kind=DiscountKind.FIXED, discount_value=50000
    )
    [free] = vouchers.vouchers_generate(
        edition=edition, ticket_types=[press], count=1, discount_kind=DiscountKind.FREE, discount_value=999
    )

    assert (percent.price_for(press), fixed.price_for(press), free.discount_value) == (75000, 100000, 0)


def test_codes_already_taken_are_drawn_again(edition, press, monkeypatch):
    voucher_create(ticket_types=[press], code="AAAA-AAAA")
    draws = iter(["AAAA-AAAA", "AAAA-AAAA", "BBBB-BBBB", "CCCC-CCCC"])
    monkeypatch.setattr(vouchers, "code_random", lambda prefix="": next(draws))

    created = vouchers.vouchers_generate(edition=edition, ticket_types=[press], count=2)

    assert sorted(voucher.code for voucher in created) == ["BBBB-BBBB", "CCCC-CCCC"]


def test_a_code_taken_meanwhile_retries_the_whole_batch(edition, press, monkeypatch):
    real_create = vouchers._create
    calls = []

    def create_once_failing(**kwargs):
        calls.append(kwargs["codes"])
        if len(calls) == 1:
            real_create(**kwargs)  # rows written, then the insert "fails": the batch must roll back
            raise IntegrityError("duplicate key value violates unique constraint")
        return real_create(**kwargs)

    monkeypatch.setattr(vouchers, "_create", create_once_failing)

    created = vouchers.vouchers_generate(edition=edition, ticket_types=[press], count=3)

    assert len(calls) == 2
    assert Voucher.objects.count() == 3
    assert {voucher.code for voucher in created} == set(Voucher.objects.values_list("code", flat=True))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"count": 0}, "Ask for between 1 and 500 codes."),
        ({"count": 501}, "Ask for between 1 and 500 codes."),
        ({"prefix": "PRESSE 2026"}, "The prefix can have up to 10 letters"),
        ({"prefix": "ÉTÉ"}, "The prefix can have up to 10 letters"),
        ({"max_uses": 0}, "Each code must be usable at least once."),
        ({"discount_kind": DiscountKind.PERCENT, "discount_value": 0}, "between 1 and 100"),
        ({"discount_kind": DiscountKind.PERCENT, "discount_value": 101}, "between 1 and 100"),
        ({"discount_kind": DiscountKind.FIXED, "discount_value": 0}, "more than zero"),
        ({"ticket_types": []}, "Choose at least one ticket type"),
        (
            {"valid_until": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)},
            "valid until a date in the future",
        ),
    ],
)
def test_refusals_create_nothing(edition, press, kwargs, message):
    arguments = {"edition": edition, "ticket_types": [press], "count": 5, **kwargs}

    with translation.override("en"), pytest.raises(vouchers.VoucherError) as error:
        vouchers.vouchers_generate(**arguments)

    assert message in str(error.value)
    assert not Voucher.objects.exists()


def test_ticket_types_of_another_edition_are_refused(edition, press):
    elsewhere = ticket_type_create(edition_create(is_current=False), price=0)

    with pytest.raises(vouchers.VoucherError):
        vouchers.vouchers_generate(edition=edition, ticket_types=[press, elsewhere], count=1)
    assert not Voucher.objects.exists()


def test_the_alphabet_has_no_look_alikes():
    assert not set("01OI") & set(vouchers.CODE_ALPHABET)
    assert len(set(vouchers.CODE_ALPHABET)) == 32
