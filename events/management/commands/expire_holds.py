from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Former name of run_periodic, kept so that existing cron lines keep working."

    def handle(self, *args, **options):
        call_command("run_periodic", stdout=self.stdout, stderr=self.stderr)
