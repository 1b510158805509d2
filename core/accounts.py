"""Facts about people's accounts that every app asks."""


def address_owned(user, email: str) -> bool:
    """The account has this address, verified: who may accept an invitation sent to it.

    A refusal must not say which address was invited: whoever holds the link
    would learn it.
    """
    from allauth.account.models import EmailAddress  # allauth's models load with the app registry

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
