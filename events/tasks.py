"""Tasks queued before they moved into the wings are stored under this module's path:
the names stay importable here so that the worker still finds them."""

from events.attendance.tasks import badge_batch_render  # noqa: F401
from events.registration.tasks import holds_release, offers_pass_on, refund_owed, send_email  # noqa: F401
from events.speakers.tasks import invitation_email, profile_email, proposal_email, speaker_reminder_email  # noqa: F401
