"""Checks every upload shares, whatever it is (slides, decks, photos, logos)."""

import unicodedata
import warnings
from pathlib import PurePath

from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from core.errors import UserError


class UploadError(UserError):
    """An upload refused for what it is, shown to the person who sent it."""


def safe_stem(name: str, fallback: str) -> str:
    """The name without its extension, reduced to safe characters (or `fallback` if nothing is left)."""
    try:
        return get_valid_filename(PurePath(name).stem)[:100] or fallback
    except SuspiciousFileOperation:  # nothing usable in it, e.g. "€€"
        return fallback


def name_check(name: str) -> str:
    """A plain file name: no folders, no control characters, not hidden, not absurdly long."""
    if (
        not name
        or len(name) > 150
        or PurePath(name).name != name
        or "\\" in name
        or ".." in name
        or name.startswith(".")
        or any(unicodedata.category(char).startswith("C") for char in name)
        or any(char in name for char in '<>:"|?*')
    ):
        raise UploadError(
            _("This file name cannot be used. Rename the file with letters, digits, dashes or spaces only.")
        )
    return name


PICTURE_FORMATS = ("JPEG", "PNG", "WEBP")
# A small file can inflate to gigabytes of pixels: the size in the header is read before decoding.
PICTURE_MAX_PIXELS = 40_000_000


def picture_open(upload, *, max_mb: int, min_side: int, max_pixels: int = PICTURE_MAX_PIXELS) -> Image.Image:
    """The upload as a decoded, upright picture, if it is a JPEG, PNG or WebP of sensible size.

    Every picture people send (speakers' photos, startups' logos) comes through
    here: its type from its content, its size in bytes, its size in pixels read
    from the header before anything is decoded, then its smallest side.
    """
    if upload.size > max_mb * 1024 * 1024:
        raise UploadError(_("The picture is larger than %(size)s MB.") % {"size": max_mb})
    try:
        upload.seek(0)
        with warnings.catch_warnings():  # Pillow's own bomb warning: our cap below is stricter
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(upload)
        with probe:
            kind, (width, height) = probe.format, probe.size
            if kind in PICTURE_FORMATS and width * height <= max_pixels:
                probe.verify()
        if kind not in PICTURE_FORMATS:
            raise ValueError(kind)
        if width * height > max_pixels:
            raise UploadError(
                _("The picture is too large in pixels (%(width)s × %(height)s): export it smaller.")
                % {"width": width, "height": height}
            )
        upload.seek(0)
        picture = ImageOps.exif_transpose(Image.open(upload))
        picture.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise UploadError(_("This file is not a picture we can read (JPEG, PNG or WebP).")) from error
    if min(picture.size) < min_side:
        raise UploadError(
            _("The picture is too small: at least %(side)s pixels on each side.") % {"side": min_side}
        )
    return picture


ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm"}


def pdf_active_content(reader) -> list[str]:
    """What in a PDF (read by pypdf) could act when it is opened: scripts, launches, attached files.

    PDFs shown to others (decks to the jury, public slides) must have none.
    """
    found = set()

    def action(value) -> None:
        value = value.get_object() if value is not None else None
        if isinstance(value, dict) and value.get("/S") in ACTIVE_ACTIONS:
            found.add(_("scripts or actions"))

    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names:
        found.add(_("scripts or actions"))
    if "/EmbeddedFiles" in names:
        found.add(_("attached files"))
    action(root.get("/OpenAction"))
    if "/AA" in root:
        found.add(_("scripts or actions"))
    form = root.get("/AcroForm")
    if form is not None and "/XFA" in form.get_object():
        found.add(_("scripts or actions"))
    for page in reader.pages:
        if "/AA" in page:
            found.add(_("scripts or actions"))
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action(annotation.get("/A"))
            if "/AA" in annotation:
                found.add(_("scripts or actions"))
            if annotation.get("/Subtype") == "/FileAttachment":
                found.add(_("attached files"))
    return sorted(found)


def pdf_passive_check(reader) -> None:
    """Refuse a PDF with active content, saying what it holds and how to make a plain one."""
    found = pdf_active_content(reader)
    if found:
        raise UploadError(
            _("This PDF contains %(what)s. Export it again as a plain PDF (print to PDF removes them).")
            % {"what": _(" and ").join(str(item) for item in found)}
        )
