"""Private storage: files out of the published media, served only by permission-checked views."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


class PrivateStorage(FileSystemStorage):
    """Files with names of real people, kept in PRIVATE_MEDIA_ROOT: out of MEDIA_ROOT,
    which the web server publishes; served only through permission-checked views."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()


# Types a browser may show inline; anything else is downloaded.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/webp"}


def user_file_response(file, *, filename: str, content_type: str) -> FileResponse:
    """A file somebody uploaded, served so that it cannot act as a page of this site.

    The content type is the one our checks established (never guessed from the
    name), the browser may not sniff another one, and the response runs in a
    sandbox (no script, no form, no same-origin access: a PDF with JavaScript
    inside cannot reach the site). PDFs and images are shown inline, anything
    else is downloaded; nothing is cached by shared caches.
    """
    response = FileResponse(
        file, as_attachment=content_type not in INLINE_TYPES, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
