from django.core.management.base import BaseCommand
from django.utils import timezone

from core.signals import periodic


class Command(BaseCommand):
    help = (
        "Run the periodic sweeps of every app (expired holds and offers, refunds owed, "
        "rounds past their closing time, draft reminders). Safe to run every minute."
    )

    def handle(self, *args, **options):
        for _receiver, result in periodic.send(sender=self.__class__, now=timezone.now()):
            if result:
                self.stdout.write(str(result))
