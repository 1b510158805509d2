import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.accounts import seed_accounts
from demo.challenge import seed_challenge
from demo.data import load
from demo.door import seed_scanner
from demo.editions import seed_editions
from demo.jury import seed_jury
from demo.programme import seed_programme
from demo.registrations import seed_registrations, seed_speaker_work, seed_ticket_types
from demo.site import seed_site


class Command(BaseCommand):
    help = (
        "Build or refresh the demo site: editions, pages in French, Arabic and English, "
        "organisers and partners, and demo accounts. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (it overwrites the demo accounts' passwords).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: it resets demo passwords and pages. "
                "Pass --force if this really is a demo server."
            )
        password = os.environ.get("DEMO_PASSWORD", "demo-pass-2026")
        today = timezone.localdate()
        editions = seed_editions(today=today)
        seed_programme(editions=editions)
        seed_site(today=today)
        seed_accounts(password=password)
        tickets = seed_ticket_types(edition=editions[7])
        seed_registrations(edition=editions[7], tickets=tickets)
        seed_speaker_work(edition=editions[7])
        challenge = seed_challenge(edition=editions[7])
        seed_jury(challenge=challenge)
        scanner_token = seed_scanner(edition=editions[7])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {len(editions)} editions, {len(load('accounts'))} accounts "
                f"(password from DEMO_PASSWORD, default demo-pass-2026)."
            )
        )
        self.stdout.write(
            f"Door scanner token for the check-in API (shown once, revoked at the next seed): {scanner_token}"
        )
