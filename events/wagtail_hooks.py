"""The events domain in the Wagtail admin: each wing defines its view sets, registered here."""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_helpers import permission_menu_item
from events.attendance.admin import ScannerDeviceViewSet
from events.models import (
    Session,
    Speaker,
)
from events.programme.admin import EditionViewSet, RoomViewSet, SessionViewSet, SpeakerViewSet, TrackViewSet
from events.programme.selectors import speaker_double_bookings
from events.registration.admin import RegistrationsViewSetGroup, TicketTypeViewSet, VoucherViewSet
from events.speakers.admin_views import InvitationsViewSet
from events.speakers.proposal_admin import ProposalsViewSet


class CongressViewSetGroup(SnippetViewSetGroup):
    items = (
        EditionViewSet,
        SessionViewSet,
        SpeakerViewSet,
        RoomViewSet,
        TrackViewSet,
        TicketTypeViewSet,
        VoucherViewSet,
        ScannerDeviceViewSet,
    )
    menu_icon = "date"
    menu_label = gettext_lazy("Congress")
    menu_name = "congress"
    menu_order = 200


register_snippet(CongressViewSetGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_double_booked_speakers(request, instance):
    """Saving is allowed (a speaker may rush between rooms), but the organiser is told."""
    if not isinstance(instance, Session):
        return
    for speaker, other in speaker_double_bookings(instance):
        messages.warning(
            request,
            _("%(speaker)s is also booked in “%(session)s” at the same time (%(when)s).")
            % {
                "speaker": speaker.name,
                "session": other.title,
                "when": date_format(other.local_start, "j F H:i"),
            },
        )


@hooks.register("register_admin_viewset")
def register_registrations_viewsets():
    return RegistrationsViewSetGroup()


class DoorMenuItem(MenuItem):
    """The door and its dashboard are site pages (they work on a phone); the admin links to them."""

    def is_shown(self, request):
        return request.user.has_perm("events.add_checkin")


@hooks.register("register_admin_menu_item")
def register_door_menu_item():
    # No language prefix: the site sends the organiser to the door in their language.
    return DoorMenuItem(gettext_lazy("Door (check-in)"), "/door/", icon_name="tick-inverse", order=220)


@hooks.register("register_admin_menu_item")
def register_door_dashboard_menu_item():
    return DoorMenuItem(gettext_lazy("Door dashboard"), "/door/dashboard/", icon_name="view", order=221)


@hooks.register("register_admin_viewset")
def register_proposals_viewset():
    return ProposalsViewSet()


@hooks.register("register_admin_viewset")
def register_invitations_viewset():
    return InvitationsViewSet()


@hooks.register("register_admin_menu_item")
def register_speakers_overview_menu_item():
    from django.urls import reverse

    item_class = permission_menu_item(Speaker, "change")
    return item_class(
        gettext_lazy("Speakers overview"),
        reverse("speaker_invitations:overview"),
        icon_name="user",
        order=207,
    )
