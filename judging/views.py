"""The juror area: my entries with progress, the conflict check, the scoring form; the chair's decisions."""

import itertools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST

from judging import results, services
from judging.forms import ConflictForm, DecisionForm, ScoreSheetForm
from judging.models import (
    Assignment,
    Conflict,
    Decision,
    DecisionKind,
    Juror,
    ResultSnapshot,
    Review,
    ReviewStatus,
    Round,
)
from startups.decks import deck_response
from startups.models import Submission

ROSTER_HIDDEN = ["draft", "withdrawn"]


def label_of(assignment: Assignment) -> str:
    """The entry's reference, or in a blind round a code that does not lead back to it."""
    if assignment.round.blind:
        return services.blind_label(assignment.round, assignment.submission_id)
    return assignment.submission.reference


def _seats(user):
    return Juror.objects.filter(user=user).select_related("challenge", "challenge__edition")


@login_required
def home(request):
    seats = []
    for juror in _seats(request.user):
        assignments = list(services.visible_assignments(juror).select_related("review"))
        reviews = {a.pk: getattr(a, "review", None) for a in assignments}
        rounds = []
        for round_ in Round.objects.filter(challenge=juror.challenge).prefetch_related("criteria"):
            mine = [a for a in assignments if a.round_id == round_.pk]
            for assignment in mine:
                assignment.my_review = reviews.get(assignment.pk)
                assignment.label = label_of(assignment)
            done = sum(1 for a in mine if a.my_review and a.my_review.status == ReviewStatus.SUBMITTED)
            rounds.append({"round": round_, "assignments": mine, "done": done, "total": len(mine)})
        seats.append({"juror": juror, "rounds": rounds})
    return render(request, "judging/home.html", {"seats": seats, "now": timezone.now()})


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    juror = Juror.objects.select_related("challenge").filter(token=token).first()
    if juror is None:
        raise Http404
    if request.method == "POST":
        try:
            services.juror_accept(token=token, user=request.user)
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Welcome to the jury of %(challenge)s.") % {"challenge": juror.challenge}
            )
            return redirect("jury:home")
    return render(request, "judging/invitation.html", {"juror": juror})


@login_required
@require_http_methods(["GET", "POST"])
def conflicts(request, juror_pk: int):
    """The challenge's startups (names only, in alphabetical order), to declare conflicts up front."""
    juror = get_object_or_404(Juror.objects.select_related("challenge"), pk=juror_pk, user=request.user)
    if request.method == "POST":
        form = ConflictForm(request.POST)
        if not form.is_valid():
            raise Http404
        submission = get_object_or_404(
            Submission.objects.exclude(status__in=ROSTER_HIDDEN),
            startup_id=form.cleaned_data["startup"],
            challenge=juror.challenge,
        )
        try:
            services.conflict_declare(
                juror=juror, submission=submission, user=request.user, reason=form.cleaned_data["reason"]
            )
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Conflict declared with %(startup)s: you will not see nor score its entry.")
                % {"startup": submission.startup.name},
            )
        return redirect("jury:conflicts", juror_pk=juror.pk)
    declared = set(juror.conflicts.values_list("submission__startup_id", flat=True))
    entries = (
        Submission.objects.filter(challenge=juror.challenge)
        .exclude(status__in=ROSTER_HIDDEN)
        .select_related("startup")
        .prefetch_related("startup__members__user")
        .order_by("startup__name")
    )
    return render(
        request, "judging/conflicts.html", {"juror": juror, "entries": entries, "declared": declared}
    )


def _assignment_for(request, pk: int) -> Assignment:
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "round", "juror", "juror__challenge", "submission", "submission__theme", "submission__startup"
        ),
        pk=pk,
        juror__user=request.user,
    )
    if assignment.juror.conflicts.filter(submission=assignment.submission_id).exists():
        raise Http404  # a conflicted juror never sees the entry
    if assignment.submission.status == "withdrawn":
        raise Http404
    return assignment


@login_required
@require_http_methods(["GET", "POST"])
def entry(request, pk: int):
    assignment = _assignment_for(request, pk)
    round_ = assignment.round
    criteria = list(round_.criteria.all())
    review = Review.objects.filter(assignment=assignment).prefetch_related("scores").first()
    posted = {}
    form = ScoreSheetForm(request.POST if request.method == "POST" else None, criteria=criteria)
    if form.is_bound and not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    elif form.is_bound:
        action = form.cleaned_data["action"]
        try:
            if action == "no_conflict":
                services.no_conflict_confirm(assignment=assignment, user=request.user)
                return redirect("jury:entry", pk=assignment.pk)
            if action == "conflict":
                services.conflict_declare(
                    juror=assignment.juror,
                    submission=assignment.submission,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Conflict declared: the entry goes to another juror."))
                return redirect("jury:home")
            posted = form.scores()
            services.review_save(
                assignment=assignment,
                user=request.user,
                scores=posted,
                comment=form.cleaned_data["comment"],
                submit=form.submit,
            )
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Your review is submitted.") if form.submit else _("Your draft is saved.")
            )
            return redirect("jury:entry", pk=assignment.pk)
    saved = {score.criterion_id: score for score in review.scores.all()} if review else {}
    rows = []
    for criterion in criteria:
        value, note = posted.get(criterion.pk, (None, None))
        score = saved.get(criterion.pk)
        rows.append(
            {
                "criterion": criterion,
                "value": value if value is not None else (score.value if score else ""),
                "comment": note if note is not None else (score.comment if score else ""),
            }
        )
    submission = assignment.submission
    return render(
        request,
        "judging/entry.html",
        {
            "assignment": assignment,
            "label": label_of(assignment),
            "round": round_,
            "submission": submission,
            "answers": submission.answers(hide=BLIND_HIDDEN if round_.blind else ())
            if assignment.checked_at
            else [],
            "rows": rows,
            "review": review,
            "comment": form.cleaned_data["comment"] if posted else (review.comment if review else ""),
            "editable": round_.is_open() and not (review and review.status == ReviewStatus.SUBMITTED),
            "others": services.others_reviews(assignment) if review else [],
            "blind": round_.blind,
        },
    )


# Who the team is, links, and the title (it stands beside the startup's name in rounds that are not blind).
BLIND_HIDDEN = {"title", "team", "video_url"}


@xframe_options_sameorigin  # shown inside the entry's page
@login_required
def deck(request, pk: int):
    assignment = _assignment_for(request, pk)
    if assignment.checked_at is None or not assignment.submission.deck:
        raise Http404
    # Named after the entry as the juror knows it, never after the file the startup uploaded.
    name = label_of(assignment).lstrip("#")
    return deck_response(submission=assignment.submission, filename=f"deck-{name}.pdf")


@login_required
@require_http_methods(["GET", "POST"])
def decisions(request, round_pk: int):
    """The chair reads the latest frozen result and confirms the selection."""
    round_ = get_object_or_404(Round.objects.select_related("challenge"), pk=round_pk)
    chair = Juror.objects.filter(challenge=round_.challenge, user=request.user, is_chair=True).first()
    if chair is None:
        raise Http404
    snapshot = ResultSnapshot.objects.filter(round=round_).first()
    form = DecisionForm(
        request.POST if request.method == "POST" and snapshot is not None else None,
        entries=[row["entry"] for row in snapshot.results["ranking"]] if snapshot is not None else [],
    )
    if form.is_bound and not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    elif form.is_bound and form.cleaned_data["action"] == "tie_order":
        try:
            results.results_compute(round_=round_, actor=request.user, chair_order=form.numbered("tie"))
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Your order for the tied entries is recorded; the results are computed again.")
            )
        return redirect("jury:decisions", round_pk=round_.pk)
    elif form.is_bound:
        try:
            results.decision_confirm(
                snapshot=snapshot,
                kind=form.cleaned_data["kind"],
                entries=form.numbered("place"),
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The decision is confirmed and the startups are told."))
            return redirect("jury:decisions", round_pk=round_.pk)
    ranking = []
    conflicted = set(Conflict.objects.filter(juror=chair).values_list("submission_id", flat=True))
    if snapshot is not None and snapshot.inputs.get("locked"):
        names = dict(
            Submission.objects.filter(
                pk__in=[row["entry"] for row in snapshot.results["ranking"]]
            ).values_list("pk", "startup__name")
        )
        for row in snapshot.results["ranking"]:
            conflict = row["entry"] in conflicted
            # The chair never reads the name of an entry they have a conflict with, not even in a label.
            name = (
                _("The entry ranked %(rank)s (you have a conflict with it)") % {"rank": row["rank"] or "—"}
                if conflict
                else names.get(row["entry"], "?")
            )
            ranking.append({**row, "name": name, "conflict": conflict})
    return render(
        request,
        "judging/decisions.html",
        {
            "round": round_,
            "snapshot": snapshot,
            "ranking": ranking,
            "kinds": DecisionKind.choices,
            "decisions": Decision.objects.filter(round=round_),
            # An unresolved row is tied with the next one: both are for the chair to order.
            "ties": [
                row
                for previous, row in itertools.pairwise([None, *ranking])
                if row["tie_break"] == "unresolved" or (previous and previous["tie_break"] == "unresolved")
            ],
        },
    )


@login_required
@require_POST
def publish(request, decision_pk: int):
    decision = get_object_or_404(Decision.objects.select_related("round__challenge"), pk=decision_pk)
    if not Juror.objects.filter(
        challenge=decision.round.challenge, user=request.user, is_chair=True
    ).exists():
        raise Http404
    try:
        results.winners_publish(decision=decision, actor=request.user)
    except services.JudgingError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The winners are on the challenge page."))
    return redirect("jury:decisions", round_pk=decision.round_id)
