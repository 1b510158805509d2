"""Read-only API for conference apps and partners: /api/v1/ (OpenAPI at /api/v1/openapi.json).

Operations parse the request, read through the selectors and exports, and
shape the answer; texts come in the language asked with ``?lang=``. The
schedule exports are rendered once per programme version and language, then
served from the cache. Read operations answer HEAD as GET without the body.
The door's scanning apps check badges in with a scanner device's token
(`events.attendance.devices`).
"""

import datetime
import functools
import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from uuid import UUID

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Schema, Status
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer

from core.cache import content_version, programme_version
from core.i18n import language_codes
from events.attendance.checkin import checkin_scan
from events.attendance.devices import DeviceRefused, device_authenticate
from events.models import CheckInMethod, Edition, Room, Session, Speaker
from events.programme import exports, selectors


class CongressAPI(NinjaAPI):
    """The OpenAPI document lists GET only for the read operations that also answer HEAD.

    HEAD is GET without the body (RFC 9110); listing it too would give two
    operations one operationId, which OpenAPI forbids.
    """

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            operations.pop("head", None)
        return schema


api = CongressAPI(
    title="Casablanca Smart City API",
    version="1",
    urls_namespace="api-v1",
    description="Editions, programme, speakers and rooms of the Casablanca Smart City congress.",
    # Ninja's interactive docs load Swagger UI from a CDN; the site ships no
    # third-party code at run time, so only the OpenAPI document is served.
    docs_url=None,
)

# The site's languages, as an enum in the OpenAPI document (read once, when the URLs load).
Language = Literal[tuple(language_codes())]
CACHE_CONTROL = "public, max-age=300"
EXPORT_TIMEOUT = 60 * 60

# Slugs as the models allow them. Anything else (a NUL, a space, a very long
# string) is refused with a 422 before it reaches the database or a cache key.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
EditionSlug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        max_length=Edition._meta.get_field("slug").max_length,
        description="The edition's slug, e.g. 2026.",
    ),
]
SessionSlug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        max_length=Session._meta.get_field("slug").max_length,
        description="The session's slug within its edition.",
    ),
]


def read(path: str, **options):
    """A read-only operation: it answers GET, and HEAD with the same status and headers."""
    return api.api_operation(["GET", "HEAD"], path, **options)


def _head_without_body(run):
    """Answer HEAD like GET, without the body (and say how long the body would be)."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        if request.method == "HEAD" and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


api.add_decorator(_head_without_body, mode="view")


# Schemas ---------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str


class ValidationErrorItem(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    """What a request with a bad parameter or body gets: one item per problem."""

    detail: list[ValidationErrorItem]


# What every read operation about one edition may answer, besides its 200.
NOT_FOUND_OR_INVALID = {404: ErrorOut, 422: ValidationErrorOut}


class EditionOut(Schema):
    slug: str
    number: int
    title: str
    theme: str
    start_date: datetime.date
    end_date: datetime.date
    time_zone: str
    format: str
    is_current: bool
    venue: str
    city: str


class RoomOut(Schema):
    id: int
    guid: UUID
    name: str
    capacity: int | None
    location: str
    accessibility: str


class RoomRef(Schema):
    id: int | None
    name: str


class TrackOut(Schema):
    slug: str
    name: str
    color: str


class SessionSpeakerOut(Schema):
    slug: str
    name: str
    role: str
    role_label: str


class SessionOut(Schema):
    id: int
    guid: UUID
    slug: str
    title: str
    abstract: str
    description: str
    kind: str
    kind_label: str
    format: str
    language: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    duration_minutes: int
    room: RoomRef
    track: TrackOut | None
    speakers: list[SessionSpeakerOut]
    url: str
    has_stream: bool
    has_replay: bool


class SpeakerOut(Schema):
    slug: str
    name: str
    name_ar: str
    display_name: str
    organisation: str
    job_title: str
    bio: str
    website: str
    linkedin: str
    url: str


# Shaping ---------------------------------------------------------------------------


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


def _edition_out(edition: Edition) -> dict:
    return {
        "slug": edition.slug,
        "number": edition.number,
        "title": edition.title,
        "theme": edition.theme,
        "start_date": edition.start_date,
        "end_date": edition.end_date,
        "time_zone": edition.time_zone,
        "format": edition.format,
        "is_current": edition.is_current,
        "venue": edition.venue,
        "city": edition.city,
    }


def _session_out(session: Session, *, url: str) -> dict:
    return {
        "id": session.pk,
        "guid": exports.session_guid(session),
        "slug": session.slug,
        "title": session.title,
        "abstract": session.abstract,
        "description": session.description,
        "kind": session.kind,
        "kind_label": str(session.get_kind_display()),
        "format": session.format,
        "language": session.language,
        "starts_at": session.local_start,
        "ends_at": session.local_end,
        "duration_minutes": int(session.duration.total_seconds()) // 60,
        "room": {
            "id": session.room_id,
            "name": session.room.name if session.room else exports.online_room_name(),
        },
        "track": (
            {"slug": session.track.slug, "name": session.track.name, "color": session.track.color}
            if session.track
            else None
        ),
        "speakers": [
            {
                "slug": appearance.speaker.slug,
                "name": appearance.speaker.display_name,
                "role": appearance.role,
                "role_label": str(appearance.get_role_display()),
            }
            for appearance in session.speakers.all()
        ],
        "url": url,
        # Stream addresses are for registered attendees only (the session's live page).
        "has_stream": bool(session.livestream_url),
        "has_replay": bool(session.replay_url),
    }


def _speaker_out(speaker: Speaker, *, url: str) -> dict:
    return {
        "slug": speaker.slug,
        "name": speaker.name,
        "name_ar": speaker.name_ar,
        "display_name": speaker.display_name,
        "organisation": speaker.organisation,
        "job_title": speaker.job_title,
        "bio": speaker.bio,
        "website": speaker.website,
        "linkedin": speaker.linkedin,
        "url": url,
    }


def _room_out(room: Room) -> dict:
    return {
        "id": room.pk,
        "guid": exports.room_guid(room),
        "name": room.name,
        "capacity": room.capacity,
        "location": room.location,
        "accessibility": room.accessibility,
    }


@dataclass(frozen=True)
class Export:
    """A rendered export, kept as sent: plain, gzipped, and its ETag."""

    body: bytes
    gzipped: bytes
    etag: str


def _edition_id(slug: str) -> int:
    """The edition's id, without a query once known (editions change the content version)."""
    key = f"api:edition-id:{content_version()}:{slug}"
    edition_id = cache.get(key)
    if edition_id is None:
        edition_id = get_object_or_404(Edition.objects.values_list("pk", flat=True), slug=slug)
        cache.set(key, edition_id, EXPORT_TIMEOUT)
    return edition_id


def _cached_export(slug: str, *, fmt: str, lang: str, render: Callable[[Edition], bytes]) -> Export:
    """The export, rendered and compressed at most once per programme (and site content) version.

    A cached export is served without touching the database.
    """
    edition_id = _edition_id(slug)
    key = f"api:schedule:{edition_id}:{programme_version(edition_id)}:{content_version()}:{fmt}:{lang}"
    export = cache.get(key)
    if export is None:
        body = render(Edition.objects.get(pk=edition_id))
        export = Export(
            body=body,
            gzipped=gzip.compress(body, compresslevel=6, mtime=0),
            etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        )
        cache.set(key, export, EXPORT_TIMEOUT)
    return export


def _export_response(
    request: HttpRequest, export: Export, *, content_type: str, filename: str = ""
) -> HttpResponse:
    """Conference apps poll the schedule: answer 304 when unchanged, gzip when they accept it."""
    if export.etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    elif "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(export.gzipped, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(export.body, content_type=content_type)
    response["ETag"] = export.etag
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = CACHE_CONTROL
    if filename and response.status_code == 200:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _binary_body(content_type: str, description: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


# Operations ------------------------------------------------------------------------


@read(
    "/editions/",
    response={200: list[EditionOut], 422: ValidationErrorOut},
    tags=["editions"],
    summary="All editions",
)
def edition_list(request: HttpRequest, response: HttpResponse, lang: Language = "fr"):
    response["Cache-Control"] = CACHE_CONTROL
    with translation.override(lang):
        return [_edition_out(edition) for edition in Edition.objects.all()]


@read(
    "/editions/{slug}/schedule.json",
    response={200: dict[str, Any], 304: None, **NOT_FOUND_OR_INVALID},
    tags=["schedule"],
    summary="Schedule, frab / c3voc JSON",
    description="The published programme in the c3voc schedule JSON format (https://c3voc.de/schedule/schema.json).",
)
def schedule_json(request: HttpRequest, slug: EditionSlug, lang: Language = "fr"):
    body = _cached_export(
        slug,
        fmt="json",
        lang=lang,
        render=lambda edition: json.dumps(
            exports.schedule_json(edition, language=lang, base_url=_base_url()), ensure_ascii=False
        ).encode(),
    )
    return _export_response(request, body, content_type="application/json; charset=utf-8")


@read(
    "/editions/{slug}/schedule.xml",
    response={200: None, 304: None, **NOT_FOUND_OR_INVALID},
    tags=["schedule"],
    summary="Schedule, frab XML",
    openapi_extra=_binary_body("application/xml", "The published programme as frab schedule XML."),
)
def schedule_xml(request: HttpRequest, slug: EditionSlug, lang: Language = "fr"):
    body = _cached_export(
        slug,
        fmt="xml",
        lang=lang,
        render=lambda edition: exports.schedule_xml(edition, language=lang, base_url=_base_url()),
    )
    return _export_response(request, body, content_type="application/xml; charset=utf-8")


@read(
    "/editions/{slug}/schedule.ics",
    response={200: None, 304: None, **NOT_FOUND_OR_INVALID},
    tags=["schedule"],
    summary="Schedule, iCalendar",
    openapi_extra=_binary_body("text/calendar", "The published programme as an iCalendar file (RFC 5545)."),
)
def schedule_ics(request: HttpRequest, slug: EditionSlug, lang: Language = "fr"):
    def render(edition: Edition) -> bytes:
        with translation.override(lang):
            name = edition.title
        return exports.ics_calendar(
            selectors.published_sessions(edition), name=name, base_url=_base_url(), language=lang
        )

    body = _cached_export(slug, fmt="ics", lang=lang, render=render)
    return _export_response(
        request,
        body,
        content_type="text/calendar; charset=utf-8",
        filename=f"casablanca-smart-city-{slug}.ics",
    )


@read(
    "/editions/{slug}/sessions/",
    response={200: list[SessionOut], **NOT_FOUND_OR_INVALID},
    tags=["programme"],
    summary="Published sessions",
)
def session_list(request: HttpRequest, response: HttpResponse, slug: EditionSlug, lang: Language = "fr"):
    edition = _edition(slug)
    response["Cache-Control"] = CACHE_CONTROL
    with translation.override(lang):
        urls = exports.SessionUrls(language=lang, base_url=_base_url())
        return [_session_out(session, url=urls(session)) for session in selectors.published_sessions(edition)]


@read(
    "/editions/{slug}/sessions/{session_slug}",
    response={200: SessionOut, **NOT_FOUND_OR_INVALID},
    tags=["programme"],
    summary="One published session",
)
def session_detail(
    request: HttpRequest,
    response: HttpResponse,
    slug: EditionSlug,
    session_slug: SessionSlug,
    lang: Language = "fr",
):
    edition = _edition(slug)
    session = get_object_or_404(selectors.published_sessions(edition), slug=session_slug)
    response["Cache-Control"] = CACHE_CONTROL
    with translation.override(lang):
        urls = exports.SessionUrls(language=lang, base_url=_base_url())
        return _session_out(session, url=urls(session))


@read(
    "/editions/{slug}/speakers/",
    response={200: list[SpeakerOut], **NOT_FOUND_OR_INVALID},
    tags=["programme"],
    summary="Speakers of published sessions",
)
def speaker_list(request: HttpRequest, response: HttpResponse, slug: EditionSlug, lang: Language = "fr"):
    edition = _edition(slug)
    response["Cache-Control"] = CACHE_CONTROL
    with translation.override(lang):
        speaker_urls = selectors.SpeakerUrls(language=lang)
        return [
            _speaker_out(speaker, url=exports.absolute_url(_base_url(), speaker_urls(speaker)))
            for speaker in selectors.edition_speakers(edition)
        ]


@read(
    "/editions/{slug}/rooms/",
    response={200: list[RoomOut], **NOT_FOUND_OR_INVALID},
    tags=["programme"],
    summary="Rooms",
)
def room_list(request: HttpRequest, response: HttpResponse, slug: EditionSlug, lang: Language = "fr"):
    edition = _edition(slug)
    response["Cache-Control"] = CACHE_CONTROL
    with translation.override(lang):
        return [_room_out(room) for room in edition.rooms.all()]


# The door ---------------------------------------------------------------------------


class ScannerDeviceAuth(HttpBearer):
    """Scanning apps send their scanner device's token: ``Authorization: Bearer <token>``, over HTTPS.

    Organisers issue and revoke devices in the admin. A wrong token is only
    unknown (401): no counter of failures, so guessing cannot lock the door's
    phones out. A revoked device, or one for another edition, is refused (403).
    """

    def __call__(self, request: HttpRequest):
        # Ninja's own parsing logs an unexpected header in DEBUG; a credential never reaches a log here.
        scheme, _space, token = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme:
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str):
        try:
            return device_authenticate(token=token)
        except DeviceRefused as refusal:
            raise AuthorizationError(message=refusal.message) from None


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    """401 says how to authenticate (RFC 9110, RFC 6750), and whether the token sent was wrong."""
    response = api.create_response(request, {"detail": str(exc)}, status=401)
    challenge = 'Bearer realm="door"'
    if request.headers.get("Authorization", "").lower().startswith("bearer "):
        challenge += ', error="invalid_token"'
    response["WWW-Authenticate"] = challenge
    return response


class CheckInIn(Schema):
    token: str = Field(max_length=200)
    scan_id: str = Field("", max_length=64)


class CheckInOut(Schema):
    outcome: Literal["ok", "already", "revoked", "unknown", "other_edition", "online"]
    message: str
    name: str | None = None
    name_ar: str | None = None
    ticket_type: str | None = None
    role: str | None = None
    checked_in_at: str | None = None


@api.post(
    "/checkin/",
    auth=ScannerDeviceAuth(),
    response={
        200: CheckInOut,
        401: ErrorOut,
        403: ErrorOut,
        422: ValidationErrorOut,
        503: ErrorOut,
    },
    tags=["door"],
    summary="Check a badge in",
    description=(
        "Authenticate with a scanner device's token (`Authorization: Bearer <token>`; organisers issue "
        "devices in the admin, under Congress > Scanner devices). Send the text of a badge's QR code as "
        "`token`. Each registration is let in once; `outcome` says `ok`, `already` (with when and by whom), "
        "`revoked`, `unknown`, `other_edition` or `online` (an online ticket). Send the same `scan_id` again "
        "(a retried request) and the answer is the same `ok`.\n\n"
        "401: no token, or a token that is nobody's (with `WWW-Authenticate: Bearer`). "
        "403: the device was revoked, or is for another edition than the current one. "
        "422: the body is not as described. 503: no edition is current, the door is closed."
    ),
)
def checkin_api(request: HttpRequest, body: CheckInIn):
    device = request.auth
    edition = device.edition
    if not edition.is_current:
        return Status(503, {"detail": _("The door is closed: no edition is current.")})
    result = checkin_scan(
        payload=body.token,
        edition=edition,
        actor=None,
        device=device,
        method=CheckInMethod.API,
        scan_id=body.scan_id,
    )
    registration = result.registration
    return {
        "outcome": result.outcome,
        "message": result.message,
        "name": f"{registration.first_name} {registration.last_name}" if registration else None,
        "name_ar": (registration.name_ar or None) if registration else None,
        "ticket_type": str(registration.ticket_type.name) if registration else None,
        "role": registration.ticket_type.role if registration else None,
        "checked_in_at": result.checkin.at.isoformat() if result.checkin else None,
    }
