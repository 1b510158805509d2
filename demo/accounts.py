"""The demo accounts (`data/accounts.json`): one per role, all with the demo password.

Idempotent: an account is found by e-mail and brought up to date.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from demo.data import load
from events.models import Speaker


@transaction.atomic
def seed_accounts(*, password: str) -> list:
    User = get_user_model()
    users = []
    for row in load("accounts"):
        user = User.objects.filter(email__iexact=row["email"]).first() or User(email=row["email"])
        user.first_name = row["first_name"]
        user.last_name = row["last_name"]
        user.is_staff = user.is_superuser = bool(row.get("organiser"))
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    # The demo speaker account is the speaker of the same name in the programme.
    for row in load("accounts"):
        if row.get("speaker"):
            Speaker.objects.filter(slug=row["speaker"]).update(user=User.objects.get(email=row["email"]))
    return users
