from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import Edition, Room, Session, Speaker, TicketType, Track, Voucher
from events.selectors import speaker_double_bookings


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "date"
    menu_label = gettext_lazy("Editions")
    list_display = ["number", "title_fr", "start_date", "end_date", "format", "is_current"]
    list_filter = ["format", "is_current"]
    list_export = [
        "number",
        "slug",
        "title_fr",
        "theme_fr",
        "start_date",
        "end_date",
        "format",
        "venue_fr",
        "city_fr",
    ]
    export_filename = "editions"
    search_fields = ["title_fr", "title_ar", "title_en", "theme_fr"]
    ordering = ["-number"]
    inspect_view_enabled = True


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "time"
    menu_label = gettext_lazy("Sessions")
    list_display = [
        "title_fr",
        "edition",
        "kind",
        "starts_at",
        "ends_at",
        "room",
        "format",
        "language",
        "is_published",
    ]
    list_filter = ["edition", "kind", "format", "language", "room", "track", "is_published"]
    list_export = [
        "edition",
        "slug",
        "title_fr",
        "title_ar",
        "title_en",
        "kind",
        "format",
        "language",
        "starts_at",
        "ends_at",
        "room",
        "track",
        "capacity",
        "livestream_url",
        "replay_url",
        "is_published",
    ]
    export_filename = "sessions"
    search_fields = ["title_fr", "title_ar", "title_en", "slug"]
    ordering = ["starts_at"]
    inspect_view_enabled = True
    copy_view_enabled = True


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = gettext_lazy("Speakers")
    list_display = ["name", "name_ar", "organisation_fr", "job_title_fr", "user"]
    list_export = ["name", "name_ar", "slug", "organisation_fr", "job_title_fr", "website", "linkedin"]
    export_filename = "speakers"
    search_fields = ["name", "name_ar", "organisation_fr", "slug"]
    ordering = ["name"]
    inspect_view_enabled = True


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_label = gettext_lazy("Rooms")
    list_display = ["name_fr", "edition", "capacity", "location_fr", "sort_order"]
    list_filter = ["edition"]
    list_export = ["edition", "name_fr", "name_ar", "name_en", "capacity", "location_fr", "accessibility_fr"]
    export_filename = "rooms"
    search_fields = ["name_fr", "name_ar", "name_en"]


class TrackViewSet(SnippetViewSet):
    model = Track
    icon = "tag"
    menu_label = gettext_lazy("Tracks")
    list_display = ["name_fr", "edition", "slug", "color", "sort_order"]
    list_filter = ["edition"]
    list_export = ["edition", "slug", "name_fr", "name_ar", "name_en", "color"]
    export_filename = "tracks"
    search_fields = ["name_fr", "name_ar", "name_en"]


class TicketTypeViewSet(SnippetViewSet):
    model = TicketType
    icon = "tag"
    menu_label = gettext_lazy("Ticket types")
    list_display = ["name_fr", "edition", "mode", "price", "quota", "voucher_only"]
    list_filter = ["edition", "mode", "voucher_only"]
    list_export = [
        "edition",
        "name_fr",
        "mode",
        "price",
        "currency",
        "quota",
        "sale_starts_at",
        "sale_ends_at",
    ]
    export_filename = "ticket-types"
    search_fields = ["name_fr", "name_ar", "name_en"]


class VoucherViewSet(SnippetViewSet):
    model = Voucher
    icon = "key"
    menu_label = gettext_lazy("Vouchers")
    list_display = ["code", "edition", "discount_kind", "discount_value", "max_uses", "valid_until", "note"]
    list_filter = ["edition", "discount_kind"]
    list_export = ["code", "edition", "discount_kind", "discount_value", "max_uses", "valid_until", "note"]
    export_filename = "vouchers"
    search_fields = ["code", "note"]


class CongressViewSetGroup(SnippetViewSetGroup):
    items = (
        EditionViewSet,
        SessionViewSet,
        SpeakerViewSet,
        RoomViewSet,
        TrackViewSet,
        TicketTypeViewSet,
        VoucherViewSet,
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
