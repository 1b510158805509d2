"""The startup area: the startup's profile and team, and its entry to the challenge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startups import selectors, services, team
from startups.decks import deck_response
from startups.errors import ChallengeError
from startups.forms import EntryForm, InviteForm, StartupForm
from startups.models import Challenge, StartupInvitation, StartupMember, Submission


def _member_or_none(request):
    return team.membership(request.user)


def _entry_of(member, challenge_pk: int) -> tuple[Challenge, Submission | None]:
    challenge = get_object_or_404(Challenge.objects.select_related("edition"), pk=challenge_pk)
    submission = (
        Submission.objects.select_related("theme", "startup")
        .filter(challenge=challenge, startup=member.startup)
        .first()
    )
    return challenge, submission


@login_required
def home(request):
    member = _member_or_none(request)
    challenge = selectors.current_challenge()
    submission = None
    if member is not None and challenge is not None:
        submission = (
            Submission.objects.select_related("theme")
            .filter(challenge=challenge, startup=member.startup)
            .first()
        )
    invitations = (
        StartupInvitation.objects.select_related("startup")
        .filter(email__iexact=request.user.email, accepted_at__isnull=True)
        .order_by("-created_at")
        if member is None
        else []
    )
    context = {
        "member": member,
        "startup": member.startup if member else None,
        "team": member.startup.members.select_related("user") if member else [],
        "pending_invitations": member.startup.invitations.filter(accepted_at__isnull=True) if member else [],
        "invitations": invitations,
        "challenge": challenge,
        "submission": submission,
        "missing": services.entry_missing(submission) if submission and submission.status == "draft" else {},
        "accepts_entries": challenge.accepts_entries() if challenge else False,
        "invite_form": InviteForm(initial={"language": get_language()}),
        "now": timezone.now(),
    }
    return render(request, "startups/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    member = _member_or_none(request)
    startup = member.startup if member else None
    form = StartupForm(
        request.POST or None,
        request.FILES or None,
        instance=startup,
        initial=None if startup else {"language": get_language()},
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in team.STARTUP_FIELDS}
        try:
            if startup is None:
                startup = team.startup_create(
                    user=request.user, data=data, logo=form.cleaned_data["logo_upload"]
                )
                messages.success(request, _("Your startup's profile is created."))
            else:
                team.startup_update(
                    startup=startup, user=request.user, data=data, logo=form.cleaned_data["logo_upload"]
                )
                messages.success(request, _("Your startup's profile is saved."))
        except ChallengeError as refusal:
            form.add_error("logo_upload" if isinstance(refusal, team.LogoError) else None, str(refusal))
        else:
            return redirect("startup:home")
    return render(request, "startups/profile.html", {"form": form, "startup": startup})


@login_required
@require_POST
def team_invite(request):
    member = _member_or_none(request)
    if member is None:
        raise Http404
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = team.member_invite(
                startup=member.startup,
                user=request.user,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except ChallengeError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("An invitation is on its way to %(email)s.") % {"email": invitation.email}
            )
    else:
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    return redirect(reverse("startup:home") + "#team")


@login_required
@require_POST
def member_remove(request, member_pk: int):
    member = _member_or_none(request)
    if member is None:
        raise Http404
    target = get_object_or_404(StartupMember, pk=member_pk, startup=member.startup)
    try:
        team.member_remove(startup=member.startup, user=request.user, member=target)
    except ChallengeError as refusal:
        messages.error(request, str(refusal))
        return redirect(reverse("startup:home") + "#team")
    if target.pk == member.pk:
        messages.success(request, _("You have left the team."))
    else:
        messages.success(request, _("%(email)s is no longer in the team.") % {"email": target.user.email})
    return redirect(reverse("startup:home") + "#team")


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """The invitation link shows whom it joins; joining is a deliberate button press."""
    try:
        found = team.invitation_lookup(token)
    except ChallengeError as refusal:
        messages.error(request, str(refusal))
        return redirect("startup:home")
    if request.method == "POST":
        try:
            team.invitation_accept(token=token, user=request.user)
        except ChallengeError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Welcome to the team of %(startup)s.") % {"startup": found.startup.name}
            )
        return redirect("startup:home")
    return render(
        request,
        "startups/invitation.html",
        {"invitation": found, "member": _member_or_none(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry(request, challenge_pk: int):
    member = _member_or_none(request)
    if member is None:
        messages.error(request, _("Create your startup's profile first."))
        return redirect("startup:profile")
    challenge, submission = _entry_of(member, challenge_pk)
    form = EntryForm(request.POST or None, request.FILES or None, instance=submission, challenge=challenge)
    now = timezone.now()
    editable = challenge.accepts_entries(now) and (submission is None or submission.is_editable_state)
    if request.method == "POST":
        if form.is_valid():
            data = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
            submit = request.POST.get("action") == "submit"
            try:
                result = services.entry_save(
                    challenge=challenge,
                    startup=member.startup,
                    user=request.user,
                    data=data,
                    deck=form.cleaned_data.get("deck_upload"),
                    accept_rules=bool(form.cleaned_data.get("accept_rules")),
                    submit=submit,
                    revision=form.cleaned_data.get("revision"),
                )
            except services.EntryIncomplete as refusal:
                for name, message in refusal.errors.items():
                    form.add_error(name, message)
                messages.error(request, _("Nothing was changed: a submitted entry must keep every answer."))
            except ChallengeError as refusal:
                form.add_error(None, str(refusal))
                messages.error(request, _("Nothing was saved."))
            else:
                if result.submitted:
                    messages.success(request, _("Your entry is submitted. A copy is on its way by e-mail."))
                    return redirect("startup:home")
                if result.missing:
                    for name, message in result.missing.items():
                        form.add_error(name, message)
                    submission = result.submission
                    # The page goes on from the saved draft: its next save builds on this revision.
                    form.data = form.data.copy()
                    form.data["revision"] = submission.revision
                    messages.error(
                        request,
                        _(
                            "Your draft is saved, but it cannot be submitted yet: see the answers marked below."
                        ),
                    )
                else:
                    messages.success(request, _("Saved."))
                    return redirect("startup:entry", challenge_pk=challenge.pk)
        else:
            messages.error(request, _("Nothing was saved: see the messages below."))
    # What is stored, for the read-only view (never the refused POST).
    saved = Submission.objects.select_related("theme").filter(pk=getattr(submission, "pk", None)).first()
    return render(
        request,
        "startups/entry.html",
        {
            "form": form,
            "saved": saved,
            "answers": saved.answers() if saved else [],
            "challenge": challenge,
            "submission": submission,
            "editable": editable,
            "startup": member.startup,
            "now": now,
        },
    )


@login_required
def deck(request, challenge_pk: int):
    member = _member_or_none(request)
    if member is None:
        raise Http404
    _challenge, submission = _entry_of(member, challenge_pk)
    if submission is None or not submission.deck:
        raise Http404
    return deck_response(submission=submission)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, challenge_pk: int):
    member = _member_or_none(request)
    if member is None:
        raise Http404
    challenge, submission = _entry_of(member, challenge_pk)
    if submission is None:
        raise Http404
    if request.method == "POST":
        try:
            services.entry_withdraw(
                submission=submission, user=request.user, reason=request.POST.get("reason", "")
            )
        except ChallengeError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your entry is withdrawn. What you wrote is kept."))
        return redirect("startup:home")
    return render(request, "startups/withdraw.html", {"challenge": challenge, "submission": submission})


@login_required
@require_POST
def reopen(request, challenge_pk: int):
    member = _member_or_none(request)
    if member is None:
        raise Http404
    _challenge, submission = _entry_of(member, challenge_pk)
    if submission is None:
        raise Http404
    try:
        services.entry_reopen(submission=submission, user=request.user)
    except ChallengeError as refusal:
        messages.error(request, str(refusal))
        return redirect("startup:home")
    messages.success(request, _("Your entry is a draft again. Submit it before the deadline."))
    return redirect("startup:entry", challenge_pk=challenge_pk)
