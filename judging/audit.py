"""The jury's audit log: an append-only chain per challenge, each entry's digest covering the
previous one, so that a row edited or removed behind the application's back shows."""

from judging.models import AuditEntry, as_stored
from startups.models import Challenge


def audit(challenge_id: int, action: str, *, actor=None, **data) -> AuditEntry:
    """Append to the challenge's hash-chained audit log (call inside the change's transaction)."""
    Challenge.objects.select_for_update().filter(pk=challenge_id).first()  # one writer of the chain at a time
    last = AuditEntry.objects.filter(challenge_id=challenge_id).order_by("-pk").first()
    person = actor if getattr(actor, "is_authenticated", False) else None
    entry = AuditEntry(
        challenge_id=challenge_id,
        actor=person,
        actor_email=person.email if person else "",
        action=action,
        data=as_stored(data),
        previous=last.digest if last else "",
    )
    entry.digest = entry.compute_digest()
    entry.save()
    return entry


def audit_verify(challenge: Challenge) -> AuditEntry | None:
    """The first entry whose chain is broken (edited, or a predecessor removed), or None."""
    previous = ""
    for entry in AuditEntry.objects.filter(challenge=challenge).order_by("pk"):
        if entry.previous != previous or entry.digest != entry.compute_digest():
            return entry
        previous = entry.digest
    return None
