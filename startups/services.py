"""Everything that changes a startup's entry, and the publication of the challenge's results
(the team and the profile are `startups.team`'s).

Each function checks who acts and, for entries, what the challenge's timeline
allows at the moment of writing: the deadline is read after the entry's row
is locked, just before saving, so a request that started before the deadline
and arrives after it is refused like any other. Every change of an entry is
logged; e-mails leave once the change has committed.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.cache import content_changed
from startups.decks import Deck
from startups.errors import ChallengeError
from startups.models import (
    EDITABLE,
    ENTRY_TEXT_FIELDS,
    ORGANISER_TRANSITIONS,
    SCREENED,
    Challenge,
    ChallengeTheme,
    Startup,
    Submission,
    SubmissionLog,
    SubmissionNote,
    SubmissionStatus,
)
from startups.team import member_require

WITHDRAWABLE = {
    SubmissionStatus.DRAFT,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.ELIGIBLE,
    SubmissionStatus.NOT_ELIGIBLE,
    SubmissionStatus.SHORTLISTED,
    SubmissionStatus.FINALIST,
}
PUBLIC_STATUSES = {SubmissionStatus.FINALIST, SubmissionStatus.WINNER}


class EntryIncomplete(ChallengeError):
    """A submitted entry must answer everything: the missing answers, by field."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(_("Some answers are missing: see the messages next to them."))
        self.errors = errors


@dataclass
class EntryResult:
    submission: Submission
    submitted: bool = False  # this save submitted the entry
    missing: dict[str, str] = field(default_factory=dict)  # why a draft could not be submitted


# Entries ------------------------------------------------------------------------------


def local(moment: datetime.datetime, challenge: Challenge) -> str:
    return date_format(timezone.localtime(moment, challenge.edition.tz), "j F Y, H:i")


def _timeline_check(challenge: Challenge, now: datetime.datetime) -> None:
    if now < challenge.opens_at:
        raise ChallengeError(
            _("Entries open on %(date)s (%(zone)s).")
            % {"date": local(challenge.opens_at, challenge), "zone": challenge.edition.time_zone}
        )
    if now >= challenge.submission_deadline:
        raise ChallengeError(
            _("The submission deadline passed on %(date)s (%(zone)s): entries can no longer be changed.")
            % {"date": local(challenge.submission_deadline, challenge), "zone": challenge.edition.time_zone}
        )


def _state_check(submission: Submission, revision: int | None = None) -> None:
    if submission.status == SubmissionStatus.WITHDRAWN:
        raise ChallengeError(_("Your entry is withdrawn. Reopen it to change it."))
    if submission.status not in EDITABLE:
        raise ChallengeError(
            _(
                "The organisers have reviewed your entry: it can no longer be changed. Write to them if needed."
            )
        )
    if revision is not None and revision != submission.revision:
        changed = timezone.localtime(submission.updated_at, submission.challenge.edition.tz)
        raise ChallengeError(
            _(
                "A teammate changed the entry at %(time)s, after you opened it: nothing was saved, so that "
                "their changes are not lost. Keep a copy of your text, reload the page and apply it again."
            )
            % {"time": changed.strftime("%H:%M")}
        )


def entry_missing(submission: Submission, *, deck_added: bool = False) -> dict[str, str]:
    """What a submitted entry still lacks, by form field."""
    missing = {}
    required = _("This answer is required to submit.")
    if submission.theme_id is None:
        missing["theme"] = _("Choose the theme your project answers.")
    for name in ENTRY_TEXT_FIELDS:
        if not (getattr(submission, name) or "").strip():
            missing[name] = required
    if not submission.deck and not deck_added:
        missing["deck_upload"] = _("Add your pitch deck as a PDF.")
    if submission.rules_accepted_at is None:
        missing["accept_rules"] = _("Accept the rules to submit.")
    return missing


def _log(submission: Submission, *, action: str, actor=None, from_status: str = "", note: str = "") -> None:
    SubmissionLog.objects.create(
        submission=submission,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=submission.status,
        note=note,
    )


def _email(kind: str, submission_id: int, **extra) -> None:
    from startups.tasks import startup_email

    transaction.on_commit(lambda: startup_email.enqueue(kind, submission_id, **extra))


def entry_save(
    *,
    challenge: Challenge,
    startup: Startup,
    user,
    data: dict,
    deck: Deck | None = None,
    accept_rules: bool = False,
    submit: bool = False,
    revision: int | None = None,
) -> EntryResult:
    """Save a startup's entry; with `submit`, submit it if it is complete.

    A draft keeps whatever it is given, complete or not, so nothing typed is
    lost; a submitted entry stays complete, so a change that would leave an
    answer empty is refused as a whole (EntryIncomplete). `revision` is the
    entry's revision the form was opened on: if a teammate saved since, the
    save is refused rather than silently overwriting their changes. A screened
    entry that changes goes back to "submitted", to be screened again.
    """
    theme = data.get("theme")
    if theme is not None and theme.challenge_id != challenge.pk:
        raise ChallengeError(_("This theme is not one of the challenge's."))
    old_file = None
    with transaction.atomic():
        Startup.objects.select_for_update().get(pk=startup.pk)  # one entry is created at a time
        member_require(startup=startup, user=user)
        submission = (
            Submission.objects.select_for_update().filter(challenge=challenge, startup=startup).first()
        )
        # The timeline as it is now (an organiser may have moved it), read just before writing.
        challenge = Challenge.objects.select_related("edition").get(pk=challenge.pk)
        now = timezone.now()
        _timeline_check(challenge, now)
        if submission is None:
            submission = Submission(challenge=challenge, startup=startup)
        else:
            submission.challenge = challenge
            _state_check(submission, revision)
        before = submission.status
        complete_before = before != SubmissionStatus.DRAFT
        for name in [*ENTRY_TEXT_FIELDS, "video_url"]:
            if name in data:
                setattr(submission, name, (data[name] or "").strip())
        if "theme" in data:
            submission.theme = theme
        if accept_rules and submission.rules_accepted_at is None:
            submission.rules_accepted_at = now
        missing = (
            entry_missing(submission, deck_added=deck is not None) if (submit or complete_before) else {}
        )
        if missing and complete_before:
            raise EntryIncomplete(missing)
        if deck is not None:
            old_file = submission.deck.name if submission.deck else None
            submission.deck_filename = deck.filename
            submission.deck_pages = deck.pages
            submission.deck_size = deck.size
            submission.deck.save(
                f"{challenge.edition.slug}-{now:%Y%m%d%H%M%S%f}.pdf", ContentFile(deck.data), save=False
            )
        result = EntryResult(submission=submission, missing=missing)
        note = ""
        if submit and not missing and before == SubmissionStatus.DRAFT:
            submission.status = SubmissionStatus.SUBMITTED
            submission.submitted_at = now
            result.submitted = True
        elif before in SCREENED:
            submission.status = SubmissionStatus.SUBMITTED
            submission.status_reason = ""
            note = _("Changed after screening: to be screened again.")
        submission.revision += 1
        submission.save()
        if result.submitted:
            _log(submission, action="submitted", actor=user, from_status=before)
            _email("entry_received", submission.pk)
        elif complete_before:
            _log(submission, action="updated", actor=user, from_status=before, note=note)
            _email("entry_received", submission.pk, updated=True)
        else:
            _log(submission, action="draft_saved", actor=user, from_status=before)
        if old_file:
            storage = submission.deck.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return result


def entry_withdraw(*, submission: Submission, user, reason: str = "") -> Submission:
    """The startup leaves the challenge: the entry is kept, but out of judging for good."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        member_require(startup=submission.startup, user=user)
        if submission.status == SubmissionStatus.WITHDRAWN:
            return submission
        if submission.status not in WITHDRAWABLE:
            raise ChallengeError(_("The results are decided: the entry can no longer be withdrawn."))
        before = submission.status
        submission.status = SubmissionStatus.WITHDRAWN
        submission.withdrawn_at = timezone.now()
        submission.prize_rank = None
        submission.save(update_fields=["status", "withdrawn_at", "prize_rank", "updated_at"])
        _log(submission, action="withdrawn", actor=user, from_status=before, note=reason.strip()[:2000])
        if before != SubmissionStatus.DRAFT:
            _email("entry_status", submission.pk)
        if before in PUBLIC_STATUSES:
            transaction.on_commit(content_changed)
    return submission


def entry_reopen(*, submission: Submission, user) -> Submission:
    """A withdrawn entry becomes a draft again, while entries are open."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("challenge__edition")
            .get(pk=submission.pk)
        )
        member_require(startup=submission.startup, user=user)
        if submission.status != SubmissionStatus.WITHDRAWN:
            raise ChallengeError(_("Only a withdrawn entry can be reopened."))
        _timeline_check(submission.challenge, timezone.now())
        submission.status = SubmissionStatus.DRAFT
        submission.status_reason = ""
        submission.withdrawn_at = None
        submission.submitted_at = None
        submission.revision += 1
        submission.save(
            update_fields=[
                "status",
                "status_reason",
                "withdrawn_at",
                "submitted_at",
                "revision",
                "updated_at",
            ]
        )
        _log(submission, action="reopened", actor=user, from_status=SubmissionStatus.WITHDRAWN)
    return submission


# Organisers ------------------------------------------------------------------------------


def status_set(
    *,
    submission: Submission,
    actor,
    status: str,
    reason: str = "",
    prize_rank: int | None = None,
    notify: bool = True,
) -> Submission:
    """An organiser screens an entry or records a selection; the startup is told by e-mail
    (unless `notify` is off: the jury's winners are told when they are published)."""
    reason = (reason or "").strip()
    if status not in ORGANISER_TRANSITIONS:
        raise ChallengeError(_("This status cannot be set by hand."))
    if status == SubmissionStatus.NOT_ELIGIBLE and not reason:
        raise ChallengeError(_("Say why the entry is not eligible: the startup reads the reason."))
    if status == SubmissionStatus.WINNER and prize_rank not in (1, 2, 3):
        raise ChallengeError(_("Choose which prize the winner receives."))
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        before = submission.status
        if before == status and status != SubmissionStatus.WINNER:
            raise ChallengeError(_("The entry already has this status."))
        if before not in ORGANISER_TRANSITIONS[status] and before != status:
            raise ChallengeError(
                _("An entry that is “%(before)s” cannot become “%(after)s”.")
                % {
                    "before": SubmissionStatus(before).label,
                    "after": SubmissionStatus(status).label,
                }
            )
        if (
            status == SubmissionStatus.WINNER
            and Submission.objects.filter(challenge_id=submission.challenge_id, prize_rank=prize_rank)
            .exclude(pk=submission.pk)
            .exists()
        ):
            raise ChallengeError(_("Another entry already has this prize."))
        submission.status = status
        submission.status_reason = reason
        submission.prize_rank = prize_rank if status == SubmissionStatus.WINNER else None
        if status == SubmissionStatus.FINALIST and submission.finalist_at is None:
            submission.finalist_at = timezone.now()
        try:
            with transaction.atomic():
                submission.save(
                    update_fields=["status", "status_reason", "prize_rank", "finalist_at", "updated_at"]
                )
        except IntegrityError as error:  # two organisers gave the same prize at the same moment
            raise ChallengeError(_("Another entry already has this prize.")) from error
        _log(submission, action="status", actor=actor, from_status=before, note=reason)
        if notify:
            _email("entry_status", submission.pk)
        if {before, status} & PUBLIC_STATUSES:
            transaction.on_commit(content_changed)
    return submission


def note_add(*, submission: Submission, actor, text: str) -> SubmissionNote:
    text = (text or "").strip()
    if not text:
        raise ChallengeError(_("The note is empty."))
    return SubmissionNote.objects.create(submission=submission, author=actor, text=text[:4000])


def drafts_remind(
    *, now: datetime.datetime | None = None, challenge: Challenge | None = None, force: bool = False
) -> int:
    """Remind each unsubmitted draft once, within the challenge's reminder window before the deadline.

    `force` (an organiser's "remind now") reminds every draft of the challenge at once, again if need be.
    """
    now = now or timezone.now()
    challenges = Challenge.objects.filter(submission_deadline__gt=now, opens_at__lte=now)
    if challenge is not None:
        challenges = challenges.filter(pk=challenge.pk)
    sent = 0
    for item in challenges:
        if not force and now < item.submission_deadline - datetime.timedelta(hours=item.reminder_hours):
            continue
        with transaction.atomic():
            drafts = Submission.objects.select_for_update(skip_locked=True).filter(
                challenge=item, status=SubmissionStatus.DRAFT
            )
            if not force:
                drafts = drafts.filter(reminded_at__isnull=True)
            drafts = list(drafts)
            for draft in drafts:
                draft.reminded_at = now
                draft.save(update_fields=["reminded_at"])
                _log(draft, action="reminded", note=_("Deadline reminder"))
                _email("entry_reminder", draft.pk)
                sent += 1
    return sent


def reminders_schedule(challenge: Challenge) -> None:
    """Have the worker send the draft reminders when the challenge's window opens.

    Drafts started later inside the window are reminded by the periodic sweep
    (`manage.py expire_holds`, every minute in deployment)."""
    from startups.tasks import drafts_remind as task

    due = challenge.submission_deadline - datetime.timedelta(hours=challenge.reminder_hours)
    now = timezone.now()
    if now >= challenge.submission_deadline:
        return
    if due <= now:  # the window is already open: remind the drafts now
        transaction.on_commit(task.enqueue)
    elif task.get_backend().supports_defer:
        transaction.on_commit(lambda: task.using(run_after=due + datetime.timedelta(seconds=1)).enqueue())


# Challenge ---------------------------------------------------------------------------------


def theme_removal_check(*, theme: ChallengeTheme) -> None:
    """A theme that entries chose stays (renaming it is how it changes)."""
    if theme.pk and theme.submissions.exists():
        raise ChallengeError(
            _("The theme “%(theme)s” is chosen by entries: it cannot be removed. Rename it instead.")
            % {"theme": theme.name_fr}
        )


def results_publish(
    *, challenge: Challenge, finalists: bool = False, winners: bool = False, actor=None
) -> Challenge:
    """Show the challenge's finalists, or its winners (and with them the finalists), on its page.

    The only writer of the publication flags; publishing is for good. Each entry made public
    has a line in its log, and the winners hear it by e-mail when the public does (each time
    the winners are published: a corrected podium tells its winners too)."""
    if not (finalists or winners):
        return challenge
    with transaction.atomic():
        challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
        newly_finalists = not challenge.finalists_published
        challenge.finalists_published = True
        challenge.winners_published = challenge.winners_published or winners
        challenge.save(update_fields=["finalists_published", "winners_published"])
        public = Submission.objects.filter(challenge=challenge).exclude(status=SubmissionStatus.WITHDRAWN)
        if newly_finalists:
            for entry in public.filter(finalist_at__isnull=False).order_by("pk"):
                _log(entry, action="published", actor=actor, note=_("Finalists published."))
        if winners:
            for entry in public.filter(status=SubmissionStatus.WINNER, prize_rank__isnull=False).order_by(
                "prize_rank"
            ):
                _log(entry, action="published", actor=actor, note=_("Winners published."))
                _email("entry_status", entry.pk)
        transaction.on_commit(content_changed)
    return challenge
