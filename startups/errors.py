"""The refusal every `startups` operation raises: shown to the person as it is."""

from core.errors import UserError


class ChallengeError(UserError):
    """A refusal shown to the person as it is."""
