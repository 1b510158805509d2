"""Speakers' slides: the file's content decides its type (not its name), its size
is bounded, its name is checked, and it is stored under a random name outside
the public media; the session page serves it once the speaker says it is public."""

import secrets
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from core.errors import UserError
from core.uploads import UploadError, name_check, pdf_passive_check, safe_stem
from events.models import ResourceVisibility, SessionResource, SessionSpeaker

PDF = "pdf"
PPTX = "pptx"
ODP = "odp"
EXTENSIONS = {
    PDF: ".pdf",
    PPTX: ".pptx",
    ODP: ".odp",
}  # PowerPoint 97-2003 files share their format with installers


CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}


def content_type(filename: str) -> str:
    """The type of a stored file, from the extension our own check gave it (never from the upload)."""
    return CONTENT_TYPES.get(PurePath(filename).suffix.lower(), "application/octet-stream")


class ResourceError(UserError):
    """A refusal shown to the speaker as it is."""


def max_bytes() -> int:
    return getattr(settings, "SLIDES_MAX_MB", 50) * 1024 * 1024


def sniff(head: bytes, upload) -> str | None:
    """The presentation type the bytes really are, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "ppt/presentation.xml" in names:
                    return PPTX
                if (
                    "mimetype" in names
                    and archive.getinfo("mimetype").file_size <= 100  # never inflate a crafted entry
                    and archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.presentation"
                ):
                    return ODP
        except zipfile.BadZipFile:
            return None
    return None


def pdf_slides_check(upload) -> None:
    """Slides may become public: a PDF must be readable, unencrypted, and hold no scripts or files."""
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ResourceError(
                _("This PDF is protected by a password or encrypted. Export it again without protection.")
            )
        pdf_passive_check(reader)
    except UploadError as refusal:
        raise ResourceError(str(refusal)) from refusal
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as error:
        raise ResourceError(_("This PDF is damaged and cannot be read. Export it again.")) from error


def resource_upload(
    *, appearance: SessionSpeaker, user, title: str, upload, visibility: str
) -> SessionResource:
    if appearance.speaker.user_id != user.pk:
        raise ResourceError(_("This is not one of your sessions."))
    try:
        name = name_check(upload.name)
    except UploadError as refusal:
        raise ResourceError(str(refusal)) from refusal
    if upload.size > max_bytes():
        raise ResourceError(
            _("This file is larger than %(size)s MB. Export a lighter version, or add a link instead.")
            % {"size": getattr(settings, "SLIDES_MAX_MB", 50)}
        )
    upload.seek(0)
    kind = sniff(upload.read(8), upload)
    if kind is None:
        raise ResourceError(
            _("This file is not a PDF, PowerPoint or OpenDocument presentation, whatever its name says.")
        )
    if kind == PDF:
        pdf_slides_check(upload)
    upload.seek(0)
    stem = safe_stem(name, "slides")
    resource = SessionResource(
        session=appearance.session,
        added_by=user,
        title=title.strip() or stem,
        filename=f"{stem}{EXTENSIONS[kind]}",
        visibility=visibility if visibility in ResourceVisibility.values else ResourceVisibility.AFTER,
    )
    resource.file.save(
        f"{secrets.token_urlsafe(16)}{EXTENSIONS[kind]}", ContentFile(upload.read()), save=False
    )
    resource.save()
    return resource


def link_add(*, appearance: SessionSpeaker, user, title: str, url: str, visibility: str) -> SessionResource:
    if appearance.speaker.user_id != user.pk:
        raise ResourceError(_("This is not one of your sessions."))
    return SessionResource.objects.create(
        session=appearance.session,
        added_by=user,
        title=title.strip() or url,
        url=url,
        visibility=visibility if visibility in ResourceVisibility.values else ResourceVisibility.AFTER,
    )
