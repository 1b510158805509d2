from django.contrib import messages
from django.db import router
from django.db.models.deletion import Collector, ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Organisation
from core.i18n import translated_columns


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Organisers and partners")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name_fr", "role", "website", "sort_order", "show_in_footer"]
    list_filter = ["role", "show_in_footer"]
    list_export = [*translated_columns("name"), "role", "website", "sort_order"]
    export_filename = "organisations"
    search_fields = [*translated_columns("name")]
    ordering = ["role", "sort_order"]


register_snippet(OrganisationViewSet)


@hooks.register("before_delete_user")
def keep_people_whose_records_must_stay(request, user):
    """A person with registrations, check-ins, reviews… cannot be deleted (those records protect the
    account): say so, and offer what can be done instead, rather than fail."""
    collector = Collector(using=router.db_for_write(type(user)))
    try:
        collector.collect([user])
    except ProtectedError as error:
        kinds = sorted({str(record._meta.verbose_name_plural) for record in error.protected_objects})
        messages.error(
            request,
            _(
                "%(person)s cannot be deleted: records that must be kept refer to this account (%(records)s). "
                "Deactivate the account instead: untick “Active” below, and the person can no longer log in."
            )
            % {"person": user.get_full_name() or user.email, "records": ", ".join(kinds)},
        )
        return redirect("wagtailusers_users:edit", user.pk)
    return None
