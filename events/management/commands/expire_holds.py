from django.core.management.base import BaseCommand

from events.registration import holds_expire, offers_expire, refunds_retry
from judging.services import rounds_lock_due
from startups.services import drafts_remind


class Command(BaseCommand):
    help = (
        "Release the seats of unpaid registrations whose hold has expired, close waiting-list "
        "offers nobody took, offer free seats to the next people waiting, retry refunds still owed "
        "remind startups whose challenge entry is still a draft near the deadline and record the lock "
        "of jury rounds whose closing time has passed (run it every minute)."
    )

    def handle(self, *args, **options):
        holds = holds_expire()
        offers = offers_expire()
        refunds = refunds_retry()
        reminders = drafts_remind()
        rounds = rounds_lock_due()
        self.stdout.write(
            f"{holds} hold(s) expired, {offers} offer(s) expired, {refunds} refund(s) retried, "
            f"{reminders} challenge draft(s) reminded, {rounds} jury round(s) locked."
        )
