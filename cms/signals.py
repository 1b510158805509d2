"""Published content changed: cached pages must not be served any more.

Cache coherence only (see core.cache): page publication, moves and
deletions, and the site-wide snippets and settings shown on every page.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.models import NavigationLink, NavigationSettings, Organisation
from core.cache import content_changed


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def page_changed(sender, **kwargs):
    content_changed()


@receiver([post_save, post_delete], sender=Organisation)
@receiver([post_save, post_delete], sender=NavigationSettings)
@receiver([post_save, post_delete], sender=NavigationLink)
@receiver([post_save, post_delete], sender=get_image_model())
def site_chrome_changed(sender, **kwargs):
    content_changed()


@receiver(post_delete)
def page_deleted(sender, **kwargs):
    # Deleting a page sends post_delete for its specific class, whichever it is.
    if issubclass(sender, Page):
        content_changed()
