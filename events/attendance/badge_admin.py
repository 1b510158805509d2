"""Batch printing of badges in the Wagtail admin (Registrations > Badges).

Organisers who may act on registrations (``events.change_registration``, the
``manage`` action of the registrations' permission policy) choose which badges
to print, see how many match, and start a batch: `events.attendance.badge_batches` builds
its PDF in the background while the batch's page shows progress (polled by
static/js/badge_batch.js); the PDF is then downloaded from here, never from a
public media URL.

The view set is registered in the "Registrations" menu group by
`events.wagtail_hooks`.
"""

from django import forms
from django.db import transaction
from django.forms.models import ModelChoiceIteratorValue
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.admin_helpers import permission_menu_item
from events.attendance.badge_batches import (
    BadgeBatchError,
    badge_registrations,
    batch_create,
    batch_retriable,
    batch_retry,
)
from events.models import (
    AttendanceMode,
    BadgeBatch,
    BadgeBatchStatus,
    BadgeRole,
    Edition,
    Registration,
    TicketType,
)
from events.registration.admin_views import _local, _ticket_type_label

# URL namespace of the view set.
BADGES = "badge_batches"

# How many earlier batches the page lists.
RECENT_BATCHES = 25


class BadgesPermissionMixin(PermissionCheckedMixin):
    """Printing badges is acting on registrations: the "manage" permission of the registrations."""

    model = Registration
    permission_required = "manage"


# The form ------------------------------------------------------------------------------


class TicketTypeCheckboxes(forms.CheckboxSelectMultiple):
    """Each ticket type says its edition, so that the script shows those of the edition chosen."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        if isinstance(value, ModelChoiceIteratorValue):
            option["attrs"]["data-edition"] = value.instance.edition_id
        return option


class BadgeBatchForm(forms.Form):
    edition = forms.ModelChoiceField(
        queryset=Edition.objects.order_by("-number"), label=gettext_lazy("Edition")
    )
    ticket_types = forms.ModelMultipleChoiceField(
        queryset=TicketType.objects.filter(mode=AttendanceMode.IN_PERSON)
        .select_related("edition")
        .order_by("-edition__number", "sort_order", "pk"),
        label=gettext_lazy("Ticket types"),
        required=False,
        widget=TicketTypeCheckboxes,
        help_text=gettext_lazy("None ticked: every in-person ticket type of the edition."),
    )
    roles = forms.MultipleChoiceField(
        choices=BadgeRole.choices,
        label=gettext_lazy("Roles on the badge"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every role."),
    )
    only_not_printed = forms.BooleanField(
        label=gettext_lazy("Only badges not printed yet"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Leave ticked to print only the badges no earlier batch has printed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ticket_types"].label_from_instance = _ticket_type_label
        if not self.is_bound:
            self.fields["edition"].initial = Edition.objects.current()

    def clean(self):
        cleaned = super().clean()
        edition, ticket_types = cleaned.get("edition"), cleaned.get("ticket_types")
        if edition and ticket_types and any(t.edition_id != edition.pk for t in ticket_types):
            self.add_error("ticket_types", _("Choose ticket types of the edition chosen above."))
        return cleaned

    def filters(self) -> dict:
        """The filters of a valid form, or of an unbound form's initial values; None if there are none."""
        if self.is_bound:
            if not self.is_valid():
                return None
            data = self.cleaned_data
            return {
                "edition": data["edition"],
                "ticket_types": list(data["ticket_types"]),
                "roles": data["roles"],
                "only_not_printed": data["only_not_printed"],
            }
        edition = self.fields["edition"].initial
        if edition is None:
            return None
        return {"edition": edition, "ticket_types": [], "roles": [], "only_not_printed": True}

    def matching(self) -> int | None:
        """How many badges the filters match, or None when the form has errors."""
        filters = self.filters()
        if filters is None:
            return None
        return badge_registrations(
            filters["edition"],
            ticket_types=[t.pk for t in filters["ticket_types"]],
            roles=filters["roles"],
            only_not_printed=filters["only_not_printed"],
        ).count()


def matching_text(count: int) -> str:
    if not count:
        return _("No badge matches these filters.")
    return ngettext(
        "%(count)s badge matches these filters.", "%(count)s badges match these filters.", count
    ) % {"count": count}


# Describing a batch --------------------------------------------------------------------


def filters_text(batch: BadgeBatch, ticket_types: dict[int, TicketType]) -> str:
    filters = batch.filters
    parts = []
    ids = filters.get("ticket_types") or []
    if ids:
        names = [str(ticket_types[pk].name) if pk in ticket_types else f"#{pk}" for pk in ids]
        parts.append(_("Ticket types: %(names)s") % {"names": ", ".join(names)})
    else:
        parts.append(_("All in-person ticket types"))
    roles = filters.get("roles") or []
    role_labels = dict(BadgeRole.choices)
    if roles:
        parts.append(_("Roles: %(roles)s") % {"roles": ", ".join(str(role_labels.get(r, r)) for r in roles)})
    if filters.get("only_not_printed"):
        parts.append(_("only badges not printed yet"))
    return " · ".join(parts)


def _ticket_types_of(batches) -> dict[int, TicketType]:
    ids = {pk for batch in batches for pk in batch.filters.get("ticket_types") or []}
    return TicketType.objects.in_bulk(ids) if ids else {}


def status_message(batch: BadgeBatch) -> str:
    if batch.status == BadgeBatchStatus.QUEUED:
        return _("Waiting for the background worker to start…")
    if batch.status == BadgeBatchStatus.RENDERING:
        if batch.total and batch.done >= batch.total:
            return _("All badges are laid out; writing the PDF…")
        return _("Laying out the badges…")
    if batch.status == BadgeBatchStatus.DONE:
        return ngettext(
            "The PDF of %(count)s badge is ready; the badge is marked printed.",
            "The PDF of %(count)s badges is ready; the badges are marked printed.",
            batch.total,
        ) % {"count": batch.total}
    return _("The PDF could not be built: %(error)s") % {"error": batch.error}


def _url(name: str, batch: BadgeBatch) -> str:
    return reverse(f"{BADGES}:{name}", args=[batch.pk])


def download_url(batch: BadgeBatch) -> str:
    return _url("download", batch) if batch.status == BadgeBatchStatus.DONE and batch.file else ""


def batch_state(batch: BadgeBatch) -> dict:
    """What the batch's page shows, and what its script polls."""
    return {
        "status": batch.status,
        "status_label": batch.get_status_display(),
        "finished": batch.is_finished,
        "done": batch.done,
        "total": batch.total,
        "progress": _("%(done)s / %(total)s") % {"done": batch.done, "total": batch.total},
        "message": status_message(batch),
        "download_url": download_url(batch),
    }


# Views -----------------------------------------------------------------------------------


class BadgesIndexView(BadgesPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """The filters, how many badges they match, the button to build the PDF; earlier batches below."""

    template_name = "events/admin/badges/index.html"
    form_class = BadgeBatchForm
    page_title = gettext_lazy("Badges")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        count = form.matching()
        batches = list(
            BadgeBatch.objects.select_related("edition", "created_by").order_by("-created_at", "-pk")[
                :RECENT_BATCHES
            ]
        )
        ticket_types = _ticket_types_of(batches)
        context.update(
            count=count,
            count_text=matching_text(count) if count is not None else "",
            count_url=reverse(f"{BADGES}:count"),
            batches=[
                {
                    "batch": batch,
                    "url": _url("batch", batch),
                    "download_url": download_url(batch),
                    "filters": filters_text(batch, ticket_types),
                    "created_at": _local(batch.created_at),
                    "created_by": batch.created_by.email if batch.created_by_id else "",
                }
                for batch in batches
            ],
        )
        return context

    def form_valid(self, form):
        if self.request.POST.get("action") != "create":
            return self.render_to_response(self.get_context_data(form=form))
        filters = form.filters()
        try:
            with transaction.atomic():
                batch = batch_create(
                    filters["edition"],
                    ticket_types=filters["ticket_types"],
                    roles=filters["roles"],
                    only_not_printed=filters["only_not_printed"],
                    actor=self.request.user,
                )
        except BadgeBatchError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "The PDF of %(count)s badge is being built.",
                "The PDF of %(count)s badges is being built.",
                batch.total,
            )
            % {"count": batch.total},
        )
        return redirect(_url("batch", batch))

    def form_invalid(self, form):
        messages.error(self.request, _("The batch could not be started. Please correct the errors below."))
        return super().form_invalid(form)


class BadgesCountView(BadgesPermissionMixin, View):
    """How many badges the filters in the query string match, for the form's script."""

    def get(self, request, *args, **kwargs):
        form = BadgeBatchForm(request.GET)
        count = form.matching()
        if count is None:
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return JsonResponse({"count": None, "text": " ".join(errors)})
        return JsonResponse({"count": count, "text": matching_text(count)})


class BadgeBatchMixin(BadgesPermissionMixin):
    def get_batch(self) -> BadgeBatch:
        return get_object_or_404(
            BadgeBatch.objects.select_related("edition", "created_by"), pk=self.kwargs["pk"]
        )


class BadgeBatchView(BadgeBatchMixin, WagtailAdminTemplateMixin, TemplateView):
    """One batch: its filters, a progress bar while it is built, then the download."""

    template_name = "events/admin/badges/batch.html"
    page_title = gettext_lazy("Badge batch")
    header_icon = "doc-full"

    def get(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"#{self.batch.pk}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{BADGES}:index"), "label": _("Badges")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.batch
        context.update(
            batch=batch,
            state=batch_state(batch),
            filters=filters_text(batch, _ticket_types_of([batch])),
            created_at=_local(batch.created_at),
            finished_at=_local(batch.finished_at),
            status_url=_url("status", batch),
            retry_url=_url("retry", batch) if batch_retriable(batch) else "",
            index_url=reverse(f"{BADGES}:index"),
        )
        return context


class BadgeBatchRetryView(BadgeBatchMixin, View):
    """Build a failed or stuck batch again, with the same choice of badges."""

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        try:
            with transaction.atomic():
                fresh = batch_retry(batch, actor=request.user)
        except BadgeBatchError as error:
            messages.error(request, str(error))
            return redirect(_url("batch", batch))
        messages.success(request, _("The batch is being built again."))
        return redirect(_url("batch", fresh))


class BadgeBatchStatusView(BadgeBatchMixin, View):
    """The batch's progress as JSON, polled by the batch's page every second."""

    def get(self, request, *args, **kwargs):
        response = JsonResponse(batch_state(self.get_batch()))
        response["Cache-Control"] = "no-store"
        return response


class BadgeBatchDownloadView(BadgeBatchMixin, View):
    """The batch's PDF, to those who may print badges only."""

    def get(self, request, *args, **kwargs):
        batch = self.get_batch()
        if not download_url(batch):
            raise Http404("This batch has no PDF.")
        try:
            file = batch.file.open("rb")
        except FileNotFoundError as error:
            raise Http404("The batch's PDF is missing from storage.") from error
        response = FileResponse(
            file,
            as_attachment=True,
            filename=f"badges-{batch.edition.slug}-{batch.pk}.pdf",
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response


class BadgeBatchesViewSet(ViewSet):
    name = BADGES
    url_prefix = "badges"
    icon = "doc-full"
    menu_label = gettext_lazy("Badges")
    menu_item_class = permission_menu_item(Registration, "manage")

    def get_urlpatterns(self):
        return [
            path("", BadgesIndexView.as_view(), name="index"),
            path("count/", BadgesCountView.as_view(), name="count"),
            path("<int:pk>/", BadgeBatchView.as_view(), name="batch"),
            path("<int:pk>/status/", BadgeBatchStatusView.as_view(), name="status"),
            path("<int:pk>/download/", BadgeBatchDownloadView.as_view(), name="download"),
            path("<int:pk>/retry/", BadgeBatchRetryView.as_view(), name="retry"),
        ]
