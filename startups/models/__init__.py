"""The startup challenge of an edition: its call, the startups and their entries.

One module per concern; everything is importable from `startups.models`
(the migrations name `startups.models.validate_founded_year`).
"""

from .challenges import Challenge, ChallengePrize, ChallengeTheme
from .pages import ChallengePage
from .startups import (
    INVITATION_VALID,
    MemberRole,
    Sector,
    Stage,
    Startup,
    StartupInvitation,
    StartupMember,
    validate_founded_year,
)
from .submissions import (
    EDITABLE,
    ENTRY_TEXT_FIELDS,
    IN_JUDGING,
    ORGANISER_TRANSITIONS,
    SCREENED,
    Submission,
    SubmissionLog,
    SubmissionNote,
    SubmissionQuerySet,
    SubmissionStatus,
)

__all__ = [
    "EDITABLE",
    "ENTRY_TEXT_FIELDS",
    "INVITATION_VALID",
    "IN_JUDGING",
    "ORGANISER_TRANSITIONS",
    "SCREENED",
    "Challenge",
    "ChallengePage",
    "ChallengePrize",
    "ChallengeTheme",
    "MemberRole",
    "Sector",
    "Stage",
    "Startup",
    "StartupInvitation",
    "StartupMember",
    "Submission",
    "SubmissionLog",
    "SubmissionNote",
    "SubmissionQuerySet",
    "SubmissionStatus",
    "validate_founded_year",
]
