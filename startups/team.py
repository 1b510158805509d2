"""A startup's profile and its team: creating and editing the profile (with its logo),
inviting people by e-mail, joining with an invitation, and leaving or removing a teammate.

A person belongs to one startup at a time; a team is never empty.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from PIL import Image

from core.accounts import address_owned
from core.cache import content_changed
from core.uploads import UploadError, picture_open
from startups.errors import ChallengeError
from startups.models import INVITATION_VALID, MemberRole, Startup, StartupInvitation, StartupMember

LOGO_MAX_MB = 2
LOGO_MIN_SIDE = 64
LOGO_MAX_SIDE = 600
LOGO_MAX_PIXELS = 25_000_000
INVITATIONS_PENDING_MAX = 10
INVITATIONS_PER_DAY = 20
STARTUP_FIELDS = [
    "name",
    "founded_year",
    "stage",
    "sector",
    "website",
    "city",
    "country",
    "description",
    "language",
]


class LogoError(ChallengeError):
    """The logo cannot be used."""


def membership(user) -> StartupMember | None:
    if not user.is_authenticated:
        return None
    return StartupMember.objects.select_related("startup", "startup__logo").filter(user=user).first()


def member_require(*, startup: Startup, user) -> None:
    if not StartupMember.objects.filter(startup=startup, user=user).exists():
        raise ChallengeError(_("You are not a member of this startup's team."))


def logo_prepare(upload) -> ContentFile:
    """A real JPEG, PNG or WebP logo, fitted within 600 px and saved as PNG without its metadata."""
    try:
        picture = picture_open(upload, max_mb=LOGO_MAX_MB, min_side=LOGO_MIN_SIDE, max_pixels=LOGO_MAX_PIXELS)
    except UploadError as refusal:
        raise LogoError(str(refusal)) from refusal
    picture = picture.convert("RGBA")
    picture.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def _logo_image(startup: Startup, picture: ContentFile):
    from wagtail.images import get_image_model

    image = get_image_model()(
        title=f"Logo {startup.name}",
        file=ImageFile(io.BytesIO(picture.read()), name=f"logo-{startup.slug}.png"),
    )
    image.save()
    return image


def startup_create(*, user, data: dict, logo=None) -> Startup:
    picture = logo_prepare(logo) if logo else None
    with transaction.atomic():
        if StartupMember.objects.select_for_update().filter(user=user).exists():
            raise ChallengeError(_("You are already in a startup's team."))
        startup = Startup(created_by=user, **{name: data[name] for name in STARTUP_FIELDS if name in data})
        startup.save()
        if picture is not None:
            startup.logo = _logo_image(startup, picture)
            startup.save(update_fields=["logo"])
        try:
            with transaction.atomic():
                StartupMember.objects.create(startup=startup, user=user, role=MemberRole.OWNER)
        except IntegrityError as error:  # the same person, twice at once
            raise ChallengeError(_("You are already in a startup's team.")) from error
    return startup


def startup_update(*, startup: Startup, user, data: dict, logo=None) -> Startup:
    member_require(startup=startup, user=user)
    picture = logo_prepare(logo) if logo else None
    with transaction.atomic():
        startup = Startup.objects.select_for_update().get(pk=startup.pk)
        for name in STARTUP_FIELDS:
            if name in data:
                setattr(startup, name, data[name])
        if picture is not None:
            startup.logo = _logo_image(startup, picture)
        startup.save()
        if startup.submissions.filter(finalist_at__isnull=False).exists():  # on the challenge page
            transaction.on_commit(content_changed)
    return startup


def member_invite(*, startup: Startup, user, email: str, language: str) -> StartupInvitation:
    from startups.tasks import startup_email

    member_require(startup=startup, user=user)
    email = email.strip()
    if startup.members.filter(user__email__iexact=email).exists():
        raise ChallengeError(_("%(email)s is already in your team.") % {"email": email})
    pending = startup.invitations.filter(
        accepted_at__isnull=True, created_at__gt=timezone.now() - INVITATION_VALID
    )
    if pending.filter(email__iexact=email).count() >= 3:
        raise ChallengeError(_("%(email)s has already been invited several times.") % {"email": email})
    if pending.count() >= INVITATIONS_PENDING_MAX or (
        startup.invitations.filter(created_at__gt=timezone.now() - datetime.timedelta(days=1)).count()
        >= INVITATIONS_PER_DAY
    ):
        raise ChallengeError(
            _(
                "Your team has sent many invitations already. Wait until some are accepted, or write to the organisers."
            )
        )
    with transaction.atomic():
        invitation = StartupInvitation.objects.create(
            startup=startup, email=email, language=language, invited_by=user
        )
        transaction.on_commit(lambda: startup_email.enqueue("team_invitation", invitation.pk))
    return invitation


def invitation_lookup(token: str) -> StartupInvitation:
    invitation = StartupInvitation.objects.select_related("startup", "invited_by").filter(token=token).first()
    if invitation is None:
        raise ChallengeError(_("This invitation does not exist."))
    return invitation


def invitation_accept(*, token: str, user) -> StartupMember:
    with transaction.atomic():
        invitation = StartupInvitation.objects.select_for_update().filter(token=token).first()
        if invitation is None:
            raise ChallengeError(_("This invitation does not exist."))
        current = StartupMember.objects.filter(user=user).first()
        if current is not None and current.startup_id == invitation.startup_id:
            return current
        if invitation.accepted_at is not None:
            raise ChallengeError(_("This invitation has already been used. Ask your team for a new one."))
        if timezone.now() > invitation.created_at + INVITATION_VALID:
            raise ChallengeError(_("This invitation has expired. Ask your team for a new one."))
        if not address_owned(user, invitation.email):
            raise ChallengeError(
                _(
                    "This invitation was sent to another address. "
                    "Log in with the address that received it to join the team."
                )
            )
        if current is not None:
            raise ChallengeError(
                _("You are already in the team of %(startup)s. Leave it before joining another.")
                % {"startup": current.startup.name}
            )
        try:
            with transaction.atomic():
                member = StartupMember.objects.create(startup_id=invitation.startup_id, user=user)
        except IntegrityError as error:
            raise ChallengeError(_("You are already in a startup's team.")) from error
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return member


def member_remove(*, startup: Startup, user, member: StartupMember) -> None:
    """Anyone leaves; the person who created the profile removes others. A team is never empty,
    and the invitations a removed person sent are withdrawn."""
    with transaction.atomic():
        Startup.objects.select_for_update().get(pk=startup.pk)
        actor = StartupMember.objects.filter(startup=startup, user=user).first()
        if actor is None:
            raise ChallengeError(_("You are not a member of this startup's team."))
        member = StartupMember.objects.filter(pk=member.pk, startup=startup).first()
        if member is None:
            raise ChallengeError(_("This person is not in your team."))
        if member.pk != actor.pk and actor.role != MemberRole.OWNER:
            raise ChallengeError(_("Only the person who created the profile removes teammates."))
        others = startup.members.exclude(pk=member.pk).order_by("joined_at", "pk")
        if not others.exists():
            raise ChallengeError(_("A startup keeps at least one team member."))
        if member.role == MemberRole.OWNER:
            successor = others.first()
            successor.role = MemberRole.OWNER
            successor.save(update_fields=["role"])
        startup.invitations.filter(invited_by=member.user_id, accepted_at__isnull=True).delete()
        member.delete()


def language_of(startup: Startup) -> str:
    return startup.language or translation.get_language() or "fr"
