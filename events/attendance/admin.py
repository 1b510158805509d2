"""Scanner devices in the Wagtail admin (Congress > Scanner devices).

Organisers issue a device for each phone or scanner that checks people in
through the API, read its token once, and revoke the device when the phone is
lost or the edition is over. Issuing needs ``events.add_scannerdevice``,
revoking ``events.change_scannerdevice``; the door staff's
``events.add_checkin`` gives neither. Devices are never edited or deleted:
check-ins name the device that let someone in.

The view set is registered in the "Congress" menu group by `events.wagtail_hooks`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton

from events.attendance.devices import device_issue, device_revoke
from events.models import Edition, ScannerDevice
from events.registration.admin_views import _local

# URL namespace of the view set.
DEVICES = "scanner_devices"


def _revoke_url(device: ScannerDevice) -> str:
    return reverse(f"{DEVICES}:revoke", args=[device.pk])


def _status(device: ScannerDevice) -> str:
    return _("Revoked") if device.is_revoked else _("Active")


class DeviceForm(forms.Form):
    edition = forms.ModelChoiceField(
        queryset=Edition.objects.order_by("-number"),
        label=gettext_lazy("Edition"),
        help_text=gettext_lazy("The device checks people in while this edition is the current one."),
    )
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=ScannerDevice._meta.get_field("name").max_length,
        help_text=gettext_lazy("Where the device is used, e.g. “Entrance A phone”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["edition"].initial = Edition.objects.current()


class DeviceIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("edition")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_revoked and self.user_has_permission("change"):
            buttons.append(
                ListingButton(_("Revoke"), url=_revoke_url(instance), icon_name="cross", priority=30)
            )
        return buttons


class DeviceInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            ScannerDevice.objects.select_related("edition", "created_by", "revoked_by"), pk=self.pk
        )

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if field_name in {"created_at", "last_used_at", "revoked_at"}:
            return _local(value) or "—"
        if field_name in {"created_by", "revoked_by"}:
            return value.email if value else "—"
        return super().get_field_display_value(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.object.is_revoked and self.user_has_permission("change"):
            buttons.append(Button(_("Revoke"), url=_revoke_url(self.object), icon_name="cross", priority=30))
        return buttons


class DeviceIssueView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """The form; on success, the token, shown on this answer only and never stored."""

    model = ScannerDevice
    permission_required = "add"
    form_class = DeviceForm
    template_name = "events/admin/devices/issue.html"
    page_title = gettext_lazy("Add scanner device")
    header_icon = "mobile-alt"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{DEVICES}:index"), "label": _("Scanner devices")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        try:
            device, token = device_issue(
                edition=form.cleaned_data["edition"], name=form.cleaned_data["name"], actor=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.template_name = "events/admin/devices/issued.html"
        self.page_title = _("Scanner device issued")
        response = self.render_to_response(
            self.get_context_data(
                form=form,
                device=device,
                token=token,
                checkin_url=self.request.build_absolute_uri("/api/v1/checkin/"),
                index_url=reverse(f"{DEVICES}:index"),
            )
        )
        add_never_cache_headers(response)  # the token stays in no cache, nor in the browser's history
        return response


class DeviceRevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST revokes."""

    model = ScannerDevice
    permission_required = "change"
    template_name = "events/admin/devices/revoke.html"
    page_title = gettext_lazy("Revoke scanner device")
    header_icon = "mobile-alt"

    @cached_property
    def device(self) -> ScannerDevice:
        return get_object_or_404(ScannerDevice.objects.select_related("edition"), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.device.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{DEVICES}:index"), "label": _("Scanner devices")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            device=self.device,
            last_used_at=_local(self.device.last_used_at),
            index_url=reverse(f"{DEVICES}:index"),
        )
        return context

    def post(self, request, *args, **kwargs):
        device = device_revoke(device=self.device, actor=request.user)
        messages.success(
            request,
            _("“%(name)s” is revoked: its token no longer checks anyone in.") % {"name": device.name},
        )
        return redirect(f"{DEVICES}:index")


class ScannerDeviceViewSet(ModelViewSet):
    model = ScannerDevice
    name = DEVICES
    url_prefix = "scanner-devices"
    icon = "mobile-alt"
    menu_label = gettext_lazy("Scanner devices")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DeviceIndexView
    inspect_view_class = DeviceInspectView
    add_view_class = DeviceIssueView
    list_display = [
        "name",
        Column("edition", label=gettext_lazy("Edition"), accessor="edition.slug", sort_key="edition__number"),
        Column("prefix", label=gettext_lazy("Token prefix"), accessor="prefix"),
        DateColumn("created_at", label=gettext_lazy("Issued"), sort_key="created_at"),
        DateColumn("last_used_at", label=gettext_lazy("Last used"), sort_key="last_used_at"),
        DateColumn("revoked_at", label=gettext_lazy("Revoked"), sort_key="revoked_at"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor=_status,
            primary=lambda device: not device.is_revoked,
        ),
    ]
    list_filter = ["edition"]
    search_fields = ["name", "prefix"]
    search_backend_name = None
    ordering = "-created_at"
    inspect_view_fields = [
        "name",
        "edition",
        "prefix",
        "created_at",
        "created_by",
        "last_used_at",
        "revoked_at",
        "revoked_by",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Devices are issued and revoked only: no edit, delete, history or usage views to link to.
        return super().get_common_view_kwargs(
            **{
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_add_view_kwargs(self, **kwargs):
        return kwargs  # the issue view has its own form and template

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("revoke/<int:pk>/", DeviceRevokeView.as_view(), name="revoke"),
        ]
