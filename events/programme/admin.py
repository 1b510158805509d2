"""The programme in the admin: editions, sessions, speakers, rooms and tracks (snippets)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from core.i18n import translated_columns
from events.models import (
    Edition,
    Room,
    Session,
    Speaker,
    Track,
)


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
    search_fields = [*translated_columns("title"), "theme_fr"]
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
        Column("stream_joins_count", label=gettext_lazy("Joined the stream"), sort_key="stream_joins_count"),
    ]
    list_filter = ["edition", "kind", "format", "language", "room", "track", "is_published"]

    def get_queryset(self, request):
        # How many registrants opened each session's stream or replay, in the same query.
        return Session.objects.annotate(stream_joins_count=Count("stream_joins"))

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
    search_fields = [*translated_columns("title"), "slug"]
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
    list_export = ["edition", *translated_columns("name"), "capacity", "location_fr", "accessibility_fr"]
    export_filename = "rooms"
    search_fields = [*translated_columns("name")]


class TrackViewSet(SnippetViewSet):
    model = Track
    icon = "tag"
    menu_label = gettext_lazy("Tracks")
    list_display = ["name_fr", "edition", "slug", "color", "sort_order"]
    list_filter = ["edition"]
    list_export = ["edition", "slug", *translated_columns("name"), "color"]
    export_filename = "tracks"
    search_fields = [*translated_columns("name")]
