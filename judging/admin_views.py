"""The organisers' side of judging, in the Wagtail admin: each round's dashboard (progress per
juror and per entry, each juror's score distribution, the ranking with its spread), its actions
(assign, adjust by hand, close, compute), CSV and PDF results, and the audit log."""

import csv
import statistics

from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.charts import Scale
from core.csv_export import csv_safe
from core.pdf import pdf_render
from judging import results, services
from judging.audit import audit_verify
from judging.models import Assignment, AuditEntry, Juror, ResultSnapshot, Review, ReviewStatus, Round
from judging.templatetags.judging_tags import method_label, tie_label
from startups.models import Challenge, Submission

DASHBOARD = "jury_dashboard"


def review_scores(round_: Round) -> list[tuple[int, int, float]]:
    """(juror, entry, weighted score) of each submitted review of the round, in three queries."""
    criteria = {c.pk: float(c.weight) for c in round_.criteria.all()}
    total = sum(criteria.values()) or 1
    rows = []
    reviews = (
        Review.objects.filter(assignment__round=round_, status=ReviewStatus.SUBMITTED)
        .exclude(assignment__submission__status="withdrawn")
        .exclude(assignment__submission__conflicts__juror=F("assignment__juror"))  # as the results count them
        .select_related("assignment")
        .prefetch_related("scores")
    )
    for review in reviews:
        value = sum(criteria.get(s.criterion_id, 0) * float(s.value) for s in review.scores.all()) / total
        rows.append((review.assignment.juror_id, review.assignment.submission_id, value))
    return rows


def strip_chart(rows: list[dict], scale: tuple[int, int]) -> dict:
    """Geometry of an SVG strip chart: one line per juror, a dot per review, a bar at the mean."""
    width, left, right, line = 640, 170, 20, 28
    low, high = scale
    span = (high - low) or 1
    x = Scale(low, low + span, left, width - right)

    lines = []
    for index, row in enumerate(rows):
        y = 20 + index * line
        lines.append(
            {
                "label": row["name"],
                "y": y,
                "dots": [round(x(value), 1) for value in row["scores"]],
                "mean": round(x(row["mean"]), 1) if row["scores"] else None,
            }
        )
    ticks = [{"x": round(x(value), 1), "label": value} for value in range(low, high + 1, max(1, span // 5))]
    return {
        "width": width,
        "height": 40 + len(rows) * line,
        "lines": lines,
        "ticks": ticks,
        "left": left,
        "right": width - right,
    }


class RoundsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Round
    permission_required = "change"
    template_name = "judging/admin/rounds.html"
    page_title = gettext_lazy("Judging")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["challenges"] = [
            {
                "challenge": challenge,
                "rounds": Round.objects.filter(challenge=challenge),
                "jurors": Juror.objects.filter(challenge=challenge),
                "broken": audit_verify(challenge),
            }
            for challenge in Challenge.objects.select_related("edition")
        ]
        return context


class RoundDashboardView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Round
    permission_required = "change"
    template_name = "judging/admin/dashboard.html"
    header_icon = "tasks"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.round = get_object_or_404(Round.objects.select_related("challenge"), pk=kwargs["pk"])

    def get_page_title(self):
        return str(self.round.name)

    def get_page_subtitle(self):
        return str(self.round.challenge)

    def post(self, request, pk):
        action = request.POST.get("action")
        try:
            if action == "assign":
                plan = services.assignments_generate(self.round, actor=request.user)
                if plan is not None and plan.uncovered:
                    messages.warning(
                        request,
                        _("%(count)s entries could not get every review: too many conflicts.")
                        % {"count": len(plan.uncovered)},
                    )
                else:
                    messages.success(request, _("Entries assigned."))
            elif action == "add":
                services.assignment_add(
                    round_=self.round,
                    juror=get_object_or_404(
                        Juror, pk=request.POST.get("juror"), challenge=self.round.challenge
                    ),
                    submission=get_object_or_404(
                        Submission, pk=request.POST.get("entry"), challenge=self.round.challenge
                    ),
                    actor=request.user,
                )
                messages.success(request, _("Assignment added."))
            elif action == "remove":
                services.assignment_remove(
                    assignment=get_object_or_404(
                        Assignment, pk=request.POST.get("assignment"), round=self.round
                    ),
                    actor=request.user,
                )
                messages.success(request, _("Assignment removed."))
            elif action == "close":
                services.round_close(round_=self.round, actor=request.user)
                messages.success(request, _("The round is closed: every score is locked."))
            elif action == "compute":
                snapshot = results.results_compute(round_=self.round, actor=request.user)
                messages.success(
                    request,
                    _("Results computed and frozen (digest %(digest)s).") % {"digest": snapshot.digest[:12]},
                )
        except services.JudgingError as refusal:
            messages.error(request, str(refusal))
        return redirect(reverse(f"{DASHBOARD}:round", args=[self.round.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.round
        jurors = list(Juror.objects.filter(challenge=round_.challenge))
        assignments = list(
            Assignment.objects.filter(round=round_).select_related(
                "juror", "submission", "submission__startup", "review"
            )
        )
        scores = review_scores(round_)
        assigned = {a.submission_id for a in assignments}
        entries = list(
            Submission.objects.filter(challenge=round_.challenge)
            .filter(Q(pk__in=assigned) | Q(pk__in=services.round_entries(round_)))
            .select_related("startup")
            .order_by("pk")
        )
        juror_rows = []
        for juror in jurors:
            mine = [a for a in assignments if a.juror_id == juror.pk]
            values = [value for j, _e, value in scores if j == juror.pk]
            juror_rows.append(
                {
                    "juror": juror,
                    "name": juror.name,
                    "assigned": len(mine),
                    "submitted": sum(
                        1 for a in mine if getattr(a, "review", None) and a.review.status == "submitted"
                    ),
                    "scores": values,
                    "mean": statistics.fmean(values) if values else 0,
                    "sd": statistics.pstdev(values) if len(values) > 1 else 0,
                }
            )
        entry_rows = []
        for entry in entries:
            mine = [a for a in assignments if a.submission_id == entry.pk]
            values = [value for _j, e, value in scores if e == entry.pk]
            entry_rows.append(
                {
                    "entry": entry,
                    "assignments": mine,
                    "submitted": len(values),
                    "needed": len(jurors) if round_.kind == "final" else min(round_.min_reviews, len(jurors)),
                    "mean": statistics.fmean(values) if values else None,
                    "sd": statistics.pstdev(values) if len(values) > 1 else None,
                }
            )
        snapshot = ResultSnapshot.objects.filter(round=round_).first()
        names = dict(Submission.objects.filter(challenge=round_.challenge).values_list("pk", "startup__name"))
        ranking = []
        if snapshot:
            low, high = round_.scale
            for row in snapshot.results["ranking"]:
                mean, sd = row["normalised_mean"], row["sd"]
                bar = None
                if mean is not None:
                    bar = {
                        "from": round((max(low, mean - sd) - low) / (high - low) * 100, 1),
                        "width": round((min(high, mean + sd) - max(low, mean - sd)) / (high - low) * 100, 1),
                        "mean": round((mean - low) / (high - low) * 100, 1),
                    }
                ranking.append({**row, "name": names.get(row["entry"], ""), "bar": bar})
        context.update(
            round=round_,
            juror_rows=juror_rows,
            entry_rows=entry_rows,
            chart=strip_chart(juror_rows, round_.scale),
            snapshot=snapshot,
            ranking=ranking,
            jurors=jurors,
            entries=entries,
            submitted=len(scores),
            expected=sum(row["needed"] for row in entry_rows),
            now=timezone.now(),
        )
        return context


class RoundCSVView(PermissionCheckedMixin, View):
    model = Round
    permission_required = "change"

    def get(self, request, pk):
        snapshot = ResultSnapshot.objects.filter(round_id=pk).first()
        if snapshot is None:
            raise Http404
        names = dict(
            Submission.objects.filter(challenge=snapshot.round.challenge).values_list("pk", "startup__name")
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="results-round-{pk}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Rank"),
                _("Entry"),
                _("Startup"),
                _("Reviews"),
                _("Raw mean"),
                _("Normalised mean"),
                _("Median"),
                _("Standard deviation"),
                _("Disagreement"),
                _("Tie broken by"),
            ]
        )
        for row in snapshot.results["ranking"]:
            writer.writerow(
                [
                    row["rank"],
                    f"P{row['entry']:04d}",
                    csv_safe(names.get(row["entry"], "")),
                    row["reviews"],
                    f"{row['raw_mean']:.3f}",
                    f"{row['normalised_mean']:.3f}",
                    f"{row['median']:.3f}",
                    f"{row['sd']:.3f}",
                    _("yes") if row["disagreement"] else "",
                    tie_label(row["tie_break"]),
                ]
            )
        writer.writerow([])
        writer.writerow(
            [
                pgettext("scoring", "Method"),
                method_label(snapshot.method),
                snapshot.version,
                _("Digest"),
                snapshot.digest,
            ]
        )
        return response


class RoundPDFView(PermissionCheckedMixin, View):
    model = Round
    permission_required = "change"

    def get(self, request, pk):
        snapshot = (
            ResultSnapshot.objects.select_related("round__challenge__edition").filter(round_id=pk).first()
        )
        if snapshot is None:
            raise Http404
        names = dict(
            Submission.objects.filter(challenge=snapshot.round.challenge).values_list("pk", "startup__name")
        )
        html = render_to_string(
            "judging/admin/report.html",
            {
                "snapshot": snapshot,
                "round": snapshot.round,
                "ranking": [
                    {**row, "name": names.get(row["entry"], "")} for row in snapshot.results["ranking"]
                ],
                "decisions": snapshot.decisions.all(),
                "jurors": Juror.objects.filter(challenge=snapshot.round.challenge),
            },
            request=request,
        )
        pdf = pdf_render(html)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="results-round-{pk}.pdf"'
        return response


class AuditView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Round
    permission_required = "change"
    template_name = "judging/admin/audit.html"
    page_title = gettext_lazy("Jury audit log")
    header_icon = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        challenge = get_object_or_404(Challenge, pk=self.kwargs["challenge_pk"])
        context.update(
            challenge=challenge,
            entries=AuditEntry.objects.filter(challenge=challenge)
            .select_related("actor")
            .order_by("-pk")[:500],
            broken=audit_verify(challenge),
        )
        return context
