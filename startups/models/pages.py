"""The challenge's page in the site tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .challenges import Challenge


class ChallengePage(Page):
    """The public call: themes, eligibility, timeline and prizes; later its finalists and winners."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to present the challenge of the current edition."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("challenge")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("challenge page")

    def get_challenge(self) -> Challenge | None:
        if self.challenge_id:
            return self.challenge
        return Challenge.objects.filter(edition__is_current=True).select_related("edition").first()

    def get_context(self, request, *args, **kwargs):
        from startups import selectors

        context = super().get_context(request, *args, **kwargs)
        challenge = self.get_challenge()
        context["challenge"] = challenge
        if challenge is not None:
            context.update(selectors.challenge_presentation(challenge, user=request.user))
        return context
