from django.core.management.base import BaseCommand

from events.registration import holds_expire


class Command(BaseCommand):
    help = "Release the seats of unpaid registrations whose hold has expired (run it every minute)."

    def handle(self, *args, **options):
        count = holds_expire()
        self.stdout.write(f"{count} hold(s) expired.")
