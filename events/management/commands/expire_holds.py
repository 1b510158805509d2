from django.core.management.base import BaseCommand

from events.registration import holds_expire, offers_expire, refunds_retry


class Command(BaseCommand):
    help = (
        "Release the seats of unpaid registrations whose hold has expired, close waiting-list "
        "offers nobody took, offer free seats to the next people waiting and retry refunds still owed "
        "(run it every minute)."
    )

    def handle(self, *args, **options):
        holds = holds_expire()
        offers = offers_expire()
        refunds = refunds_retry()
        self.stdout.write(f"{holds} hold(s) expired, {offers} offer(s) expired, {refunds} refund(s) retried.")
