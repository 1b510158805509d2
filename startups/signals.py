"""Keep cached pages in step with the challenge, and the worker's reminders with its timeline."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache import content_changed
from startups.models import Challenge, ChallengePrize, ChallengeTheme


@receiver([post_save, post_delete], sender=Challenge)
@receiver([post_save, post_delete], sender=ChallengeTheme)
@receiver([post_save, post_delete], sender=ChallengePrize)
def challenge_changed(sender, instance, **kwargs):
    content_changed()


@receiver(post_save, sender=Challenge)
def challenge_saved(sender, instance, **kwargs):
    from startups.services import reminders_schedule

    reminders_schedule(instance)
