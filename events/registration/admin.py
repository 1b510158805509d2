"""Registrations in the admin: ticket types and vouchers (snippets), and the read-only records
with their overview, grouped under one menu."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_helpers import ReadOnlyModelViewSet, RecordsPermissionPolicy, permission_menu_item
from core.i18n import translated_columns
from core.templatetags.money_tags import money
from events.attendance.badge_admin import BadgeBatchesViewSet
from events.models import (
    Registration,
    RegistrationStatus,
    TicketType,
    Voucher,
    WaitingListEntry,
)
from events.registration import admin_actions, admin_views, overview, voucher_admin


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
    search_fields = [*translated_columns("name")]


class VoucherViewSet(SnippetViewSet):
    model = Voucher
    index_view_class = voucher_admin.VoucherIndexView
    icon = "key"
    menu_label = gettext_lazy("Vouchers")
    list_display = ["code", "edition", "discount_kind", "discount_value", "max_uses", "valid_until", "note"]
    list_filter = ["edition", "discount_kind"]
    list_export = ["code", "edition", "discount_kind", "discount_value", "max_uses", "valid_until", "note"]
    export_filename = "vouchers"
    search_fields = ["code", "note"]


# Registrations: records that only events.registration.services changes ---------------------

register_permission_policy(Registration, RecordsPermissionPolicy(Registration))
register_permission_policy(WaitingListEntry, RecordsPermissionPolicy(WaitingListEntry))


class RegistrationViewSet(ReadOnlyModelViewSet):
    model = Registration
    name = admin_views.REGISTRATIONS
    icon = "clipboard-list"
    menu_label = gettext_lazy("Registrations")
    # "change" is the permission to act on a registration (through events.registration.services).
    permission_codenames = ("view", "change")
    index_view_class = admin_views.RegistrationIndexView
    inspect_view_class = admin_views.RegistrationInspectView
    list_display = [
        "reference",
        Column(
            "name",
            label=gettext_lazy("Name"),
            accessor=lambda r: f"{r.first_name} {r.last_name}",
            sort_key="last_name",
        ),
        Column("email", label=gettext_lazy("E-mail"), accessor="user.email", sort_key="user__email"),
        Column("ticket_type", label=gettext_lazy("Ticket type"), accessor=lambda r: r.ticket_type.name),
        Column("mode", label=gettext_lazy("Attendance"), accessor=lambda r: r.ticket_type.get_mode_display()),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda r: r.status == RegistrationStatus.CONFIRMED,
            sort_key="status",
        ),
        Column(
            "price",
            label=gettext_lazy("Price"),
            accessor=lambda r: money(r.price, r.currency),
            sort_key="price",
        ),
        DateColumn("created_at", label=gettext_lazy("Registered"), sort_key="created_at"),
    ]
    filterset_class = admin_views.RegistrationFilterSet
    search_fields = ["reference", "first_name", "last_name", "name_ar", "user__email", "organisation"]
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    list_export = admin_views.EXPORT_FIELDS
    export_headings = admin_views.EXPORT_HEADINGS
    export_filename = "registrations"
    inspect_view_fields = [
        "reference",
        "status",
        "edition",
        "ticket_type",
        "price",
        "voucher",
        "first_name",
        "last_name",
        "name_ar",
        "user",
        "organisation",
        "job_title",
        "country",
        "city",
        "phone",
        "needs_wheelchair_access",
        "needs_sign_language",
        "accessibility_other",
        "language",
        "consented_at",
        "created_at",
        "hold_expires_at",
        "confirmed_at",
        "cancelled_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "<int:pk>/transfer-received/",
                admin_actions.TransferReceivedView.as_view(),
                name="transfer_received",
            ),
            path(
                "<int:pk>/refund/<int:payment_pk>/",
                admin_actions.RefundView.as_view(),
                name="refund",
            ),
            path("<int:pk>/cancel/", admin_actions.CancelView.as_view(), name="cancel"),
            path("<int:pk>/email/", admin_actions.EmailView.as_view(), name="email"),
        ]


class WaitingListViewSet(ReadOnlyModelViewSet):
    model = WaitingListEntry
    name = admin_views.WAITING_LISTS
    url_prefix = "waiting-lists"
    icon = "list-ol"
    menu_label = gettext_lazy("Waiting lists")
    index_view_class = admin_views.WaitingListIndexView
    list_display = [
        "user",
        Column("target", label=gettext_lazy("Waiting for"), accessor=admin_views.waiting_list_target),
        StatusTagColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
        DateColumn("created_at", label=gettext_lazy("Joined"), sort_key="created_at"),
        DateColumn("offer_expires_at", label=gettext_lazy("Offer expires"), sort_key="offer_expires_at"),
        DateColumn("closed_at", label=gettext_lazy("Closed"), sort_key="closed_at"),
    ]
    filterset_class = admin_views.WaitingListFilterSet
    search_fields = ["user__email"]
    search_backend_name = None
    ordering = "created_at"
    list_per_page = 50
    list_export = [
        "user.email",
        "ticket_type",
        "session",
        "status",
        "language",
        "created_at",
        "offered_at",
        "offer_expires_at",
        "closed_at",
    ]
    export_headings = {"user.email": gettext_lazy("E-mail")}
    export_filename = "waiting-lists"
    inspect_view_fields = [
        "user",
        "ticket_type",
        "session",
        "status",
        "language",
        "created_at",
        "offered_at",
        "offer_expires_at",
        "closed_at",
    ]


class RegistrationsOverviewViewSet(ViewSet):
    name = admin_views.OVERVIEW
    url_prefix = "registrations-overview"
    icon = "tasks"
    menu_label = gettext_lazy("Overview")
    menu_item_class = permission_menu_item(Registration, "view")

    def get_urlpatterns(self):
        return [path("", overview.RegistrationsOverviewView.as_view(), name="index")]


class VoucherCodesViewSet(ViewSet):
    name = admin_views.VOUCHER_CODES
    url_prefix = "voucher-codes"
    icon = "key"
    menu_label = gettext_lazy("Generate voucher codes")
    menu_item_class = permission_menu_item(Voucher, "add")

    def get_urlpatterns(self):
        return [
            path("", voucher_admin.VoucherGenerateView.as_view(), name="generate"),
            path("done/", voucher_admin.VoucherGeneratedView.as_view(), name="done"),
            path("done/csv/", voucher_admin.VoucherCSVView.as_view(), name="csv"),
        ]


class RegistrationsViewSetGroup(ViewSetGroup):
    items = (
        RegistrationsOverviewViewSet,
        RegistrationViewSet,
        WaitingListViewSet,
        VoucherCodesViewSet,
        BadgeBatchesViewSet,
    )
    menu_icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_name = "registrations"
    menu_order = 210
