"""Keep cached pages and exports in step with the programme.

Only cache coherence happens here: whatever changes a programme row (the
admin, a speaker's own edit, a script), the versions in core.cache move on.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import programme_changed
from events.models import Edition, Room, Session, SessionResource, SessionSpeaker, Speaker, Track


@receiver([post_save, post_delete], sender=Edition)
def edition_changed(sender, instance, **kwargs):
    programme_changed(instance.pk)


@receiver([post_save, post_delete], sender=Room)
@receiver([post_save, post_delete], sender=Track)
@receiver([post_save, post_delete], sender=Session)
def programme_row_changed(sender, instance, **kwargs):
    programme_changed(instance.edition_id)


@receiver([post_save, post_delete], sender=SessionSpeaker)
@receiver([post_save, post_delete], sender=SessionResource)
def session_speaker_changed(sender, instance, **kwargs):
    edition_id = Session.objects.filter(pk=instance.session_id).values_list("edition_id", flat=True).first()
    programme_changed(edition_id)


@receiver([post_save, post_delete], sender=Speaker)
def speaker_changed(sender, instance, **kwargs):
    editions = set(
        SessionSpeaker.objects.filter(speaker_id=instance.pk).values_list("session__edition_id", flat=True)
    )
    for edition_id in editions:
        programme_changed(edition_id)
    programme_changed(None)
