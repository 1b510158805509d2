from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Organisation
from core.i18n import translated_columns


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisers and partners")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name_fr", "role", "website", "sort_order", "show_in_footer"]
    list_filter = ["role", "show_in_footer"]
    list_export = [*translated_columns("name"), "role", "website", "sort_order"]
    export_filename = "organisations"
    search_fields = [*translated_columns("name")]
    ordering = ["role", "sort_order"]


register_snippet(OrganisationViewSet)
