"""Pitch decks: a real, readable, unencrypted PDF within the challenge's size and page limits,
and the response that shows a stored deck (to its startup, the organisers and the jury).

The content decides (not the file's name or the browser's content type), and
every refusal says what to do about it.
"""

import io
import logging
from dataclasses import dataclass

from django.http import FileResponse
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from core.errors import UserError
from core.storage import user_file_response
from core.uploads import UploadError, name_check, pdf_passive_check, safe_stem

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed decks are refused, not logged as warnings


class DeckError(UserError):
    """A refusal shown to the startup as it is."""


@dataclass(frozen=True)
class Deck:
    data: bytes
    filename: str
    pages: int
    size: int


def deck_check(upload, *, max_mb: int, max_pages: int) -> Deck:
    try:
        name = name_check(upload.name or "")
    except UploadError as refusal:
        raise DeckError(str(refusal)) from refusal
    if upload.size > max_mb * 1024 * 1024:
        raise DeckError(
            _("The deck weighs %(size)s MB; the limit is %(limit)s MB. Export it with compressed images.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}", "limit": max_mb}
        )
    upload.seek(0)
    data = upload.read()
    if not data.startswith(b"%PDF-"):
        raise DeckError(_("This file is not a PDF, whatever its name says. Export your deck as PDF."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DeckError(
                _("This PDF is protected by a password or encrypted. Export it again without protection.")
            )
        pages = len(reader.pages)
        for page in reader.pages:  # every page must have a readable size
            page.mediabox.width  # noqa: B018
        pdf_passive_check(reader)  # jurors open it: no scripts, no attached files
    except UploadError as refusal:
        raise DeckError(str(refusal)) from refusal
    except DeckError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as error:
        raise DeckError(
            _("This PDF is damaged and cannot be read. Export it again from your presentation software.")
        ) from error
    if pages == 0:
        raise DeckError(_("This PDF has no pages."))
    if pages > max_pages:
        raise DeckError(
            _("The deck has %(pages)s pages; the limit is %(limit)s. Keep the slides that matter.")
            % {"pages": pages, "limit": max_pages}
        )
    stem = safe_stem(name, "deck")
    return Deck(data=data, filename=f"{stem}.pdf", pages=pages, size=len(data))


def deck_response(*, submission, filename: str | None = None) -> FileResponse:
    """The entry's deck, shown in the browser in a sandbox (see `core.storage.user_file_response`),
    named `filename` or else as the startup uploaded it."""
    return user_file_response(
        submission.deck.open("rb"),
        filename=filename or submission.deck_filename or "deck.pdf",
        content_type="application/pdf",
    )
