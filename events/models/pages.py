"""The pages that present the programme and its speakers.

Pages (rather than plain views) because editors place them in each
language's tree, give them a title and an introduction, and put them in the
menu. Sessions and speakers are routes of these pages, not pages themselves:
they are data that organisers edit as snippets.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.cache import content_version, programme_version
from events.models.editions import Edition
from events.models.programme import Session
from events.models.speakers import Speaker
from events.programme import selectors
from events.programme.exports import ics_calendar
from events.programme.forms import ProgrammeFilterForm
from events.templatetags.programme_tags import fill_star_slots

# Wagtail hook: callables (session=, request=) returning HTML shown under a session's page.
SESSION_SECTIONS_HOOK = "session_page_sections"


class ProgrammePage(RoutablePageMixin, Page):
    """The programme of an edition by day, its sessions, and the archive."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to show the edition marked as current."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("edition")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme page")

    # Routes ---------------------------------------------------------------

    @path("")
    def programme(self, request):
        edition = self.get_edition()
        if edition is None:
            raise Http404
        return self.render_programme(request, edition)

    @path("session/<slug:slug>/")
    def session(self, request, slug):
        return self.render_session(request, self.get_edition(), slug)

    @path("session/<slug:slug>/calendar/")
    def session_calendar(self, request, slug):
        return self.render_session_calendar(self.get_edition(), slug)

    @path("archive/")
    def archive(self, request):
        current = self.get_edition()
        editions = Edition.objects.exclude(pk=getattr(current, "pk", None)).order_by("-start_date")
        return TemplateResponse(
            request,
            "events/programme_archive.html",
            self.get_context(request) | {"editions": editions, "current_edition": current},
        )

    @path("archive/<slug:edition_slug>/")
    def archived_programme(self, request, edition_slug):
        return self.render_programme(request, get_object_or_404(Edition, slug=edition_slug))

    @path("archive/<slug:edition_slug>/session/<slug:slug>/")
    def archived_session(self, request, edition_slug, slug):
        return self.render_session(request, get_object_or_404(Edition, slug=edition_slug), slug)

    @path("archive/<slug:edition_slug>/session/<slug:slug>/calendar/")
    def archived_session_calendar(self, request, edition_slug, slug):
        return self.render_session_calendar(get_object_or_404(Edition, slug=edition_slug), slug)

    # URLs -------------------------------------------------------------------

    def get_edition(self) -> Edition | None:
        return self.edition or Edition.objects.current()

    def programme_url(self, edition: Edition) -> str:
        if self.edition_id == edition.pk or (self.edition_id is None and edition.is_current):
            return self.url
        return self.url + self.reverse_subpage("archived_programme", kwargs={"edition_slug": edition.slug})

    def session_url(
        self, session: Session, *, edition: Edition | None = None, base: str | None = None
    ) -> str:
        edition = edition or session.edition
        base = base if base is not None else self.url
        if self.edition_id == edition.pk or (self.edition_id is None and edition.is_current):
            return base + self.reverse_subpage("session", kwargs={"slug": session.slug})
        return base + self.reverse_subpage(
            "archived_session", kwargs={"edition_slug": edition.slug, "slug": session.slug}
        )

    # Rendering --------------------------------------------------------------

    def render_programme(self, request, edition: Edition):
        form = ProgrammeFilterForm(request.GET or None, edition=edition)
        filters = form.filters()
        current = self.get_edition()
        context = self.get_context(request) | {
            "edition": edition,
            "form": form,
            "filters": filters,
            "session_list": fill_star_slots(
                self.session_list_html(edition, filters),
                request=request,
                starred=selectors.starred_session_ids(request.user),
            ),
            "is_archive": edition != current,
            "programme_url": self.programme_url(edition),
        }
        return TemplateResponse(request, "events/programme_page.html", context)

    def session_list_html(self, edition: Edition, filters: selectors.ProgrammeFilters) -> str:
        """The filtered sessions by day, as HTML that is the same for every visitor.

        Cached until the programme or any published page changes (URLs of
        sessions and speakers depend on the pages), with a marker where each
        visitor's agenda star goes.
        """
        filters_hash = hashlib.sha256(repr(filters).encode()).hexdigest()[:16]
        key = (
            f"programme-list:{programme_version(edition.pk)}:{content_version()}:{translation.get_language()}"
            f":{self.pk}:{edition.pk}:{filters_hash}"
        )
        html = cache.get(key)
        if html is None:
            sessions = list(
                selectors.filter_sessions(
                    selectors.published_sessions(edition), edition=edition, filters=filters
                )
            )
            selectors.attach_public_urls(sessions, programme=self, edition=edition)
            html = render_to_string(
                "events/includes/programme_days.html",
                {
                    "edition": edition,
                    "days": selectors.group_by_day(sessions, edition=edition),
                    "session_count": len(sessions),
                },
            )
            cache.set(key, html, 60 * 60)
        return html

    def render_session(self, request, edition: Edition | None, slug: str):
        if edition is None:
            raise Http404
        session = get_object_or_404(selectors.published_sessions(edition), slug=slug)
        selectors.attach_public_urls([session], programme=self, edition=edition)
        context = self.get_context(request) | {
            "edition": edition,
            "session": session,
            # Blocks other apps add under a session (the challenge's finalists under its pitch session).
            "sections": [
                html
                for hook in hooks.get_hooks(SESSION_SECTIONS_HOOK)
                if (html := hook(session=session, request=request))
            ],
            "starred": selectors.starred_session_ids(request.user),
            "programme_url": self.programme_url(edition),
            "is_archive": edition != self.get_edition(),
        }
        return TemplateResponse(request, "events/session_page.html", context)

    def render_session_calendar(self, edition: Edition | None, slug: str):
        if edition is None:
            raise Http404
        session = get_object_or_404(selectors.published_sessions(edition), slug=slug)
        body = ics_calendar(
            [session],
            name=session.title,
            base_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            language=translation.get_language(),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{edition.slug}-{session.slug}.ics"'
        return response


class SpeakerIndexPage(RoutablePageMixin, Page):
    """Everyone who speaks at an edition, and a page for each of them."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("speakers index")

    @path("")
    def index(self, request):
        editions = list(
            Edition.objects.filter(sessions__speakers__isnull=False).distinct().order_by("-start_date")
        )
        wanted = request.GET.get("edition")
        edition = next((e for e in editions if e.slug == wanted), None) or Edition.objects.current()
        speakers = list(selectors.edition_speakers(edition)) if edition else []
        base = self.url
        for speaker in speakers:
            speaker.public_url = self.speaker_url(speaker, base=base)
        context = self.get_context(request) | {"edition": edition, "editions": editions, "speakers": speakers}
        return TemplateResponse(request, "events/speaker_index_page.html", context)

    @path("<slug:slug>/")
    def speaker(self, request, slug):
        speaker = get_object_or_404(Speaker.objects.select_related("photo"), slug=slug)
        sessions = list(selectors.speaker_sessions(speaker))
        programme = selectors.programme_page()
        base = programme.url if programme else ""
        for session in sessions:
            session.public_url = programme.session_url(session, base=base) if programme else ""
        context = self.get_context(request) | {"speaker": speaker, "sessions": sessions}
        return TemplateResponse(request, "events/speaker_page.html", context)

    def speaker_url(self, speaker: Speaker, *, base: str | None = None) -> str:
        base = base if base is not None else self.url
        return base + self.reverse_subpage("speaker", kwargs={"slug": speaker.slug})
