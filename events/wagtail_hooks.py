from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import Edition


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "date"
    menu_label = _("Editions")
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
        "city",
    ]
    export_filename = "editions"
    search_fields = ["title_fr", "title_ar", "title_en", "theme_fr"]
    ordering = ["-number"]
    inspect_view_enabled = True


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (EditionViewSet,)
    menu_icon = "date"
    menu_label = _("Congress")
    menu_name = "congress"
    menu_order = 200


register_snippet(EventsViewSetGroup)
