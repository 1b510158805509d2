from django.core.management.base import BaseCommand

from events.registration import holds_expire, offers_expire, refunds_retry
from startups.services import drafts_remind


class Command(BaseCommand):
    help = (
        "Release the seats of unpaid registrations whose hold has expired, close waiting-list "
        "offers nobody took, offer free seats to the next people waiting, retry refunds still owed "
        "and remind startups whose challenge entry is still a draft near the deadline (run it every minute)."
    )

    def handle(self, *args, **options):
        holds = holds_expire()
        offers = offers_expire()
        refunds = refunds_retry()
        reminders = drafts_remind()
        self.stdout.write(
            f"{holds} hold(s) expired, {offers} offer(s) expired, {refunds} refund(s) retried, "
            f"{reminders} challenge draft(s) reminded."
        )
