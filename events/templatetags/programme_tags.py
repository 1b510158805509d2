"""The agenda star, the one per-person part of programme pages.

The list of sessions is the same for everyone and is cached as HTML with a
marker where each star goes; `fill_star_slots` puts each person's stars in.
"""

import re

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

STAR_SLOT = re.compile(r"<!--star:(\d+)-->")


def star_button(*, session_id: int, starred: bool, csrf_token: str, next_url: str) -> str:
    """A small form that adds the session to the agenda, or takes it out.

    The button is described by the session card's title (aria-describedby),
    so that a screen reader tells which session it acts on.
    """
    if starred:
        action, symbol, label = "remove", "★", gettext("Remove from my agenda")
    else:
        action, symbol, label = "add", "☆", gettext("Add to my agenda")
    return format_html(
        '<form class="star-form" method="post" action="{action_url}">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
        '<input type="hidden" name="next" value="{next}">'
        '<input type="hidden" name="action" value="{action}">'
        '<button type="submit" class="button button--small button--secondary star-button{on}" '
        'aria-describedby="session-{pk}-title"><span aria-hidden="true">{symbol}</span> {label}</button>'
        "</form>",
        action_url=reverse("events:agenda_toggle", args=[session_id]),
        csrf=csrf_token,
        next=next_url,
        action=action,
        on=" star-button--on" if starred else "",
        pk=session_id,
        symbol=symbol,
        label=label,
    )


def fill_star_slots(html: str, *, request, starred: set[int]) -> str:
    """`html` is rendered template output; what goes in is format_html's: still safe."""
    if not request.user.is_authenticated:
        return mark_safe(STAR_SLOT.sub("", html))
    csrf_token = get_token(request)
    next_url = request.get_full_path()
    return mark_safe(
        STAR_SLOT.sub(
            lambda match: star_button(
                session_id=int(match.group(1)),
                starred=int(match.group(1)) in starred,
                csrf_token=csrf_token,
                next_url=next_url,
            ),
            html,
        )
    )


@register.simple_tag
def star_slot(session) -> str:
    return format_html("<!--star:{}-->", session.pk)


@register.simple_tag(takes_context=True)
def star(context, session) -> str:
    request = context["request"]
    if not request.user.is_authenticated:
        return ""
    return star_button(
        session_id=session.pk,
        starred=session.pk in context.get("starred", ()),
        csrf_token=get_token(request),
        next_url=request.get_full_path(),
    )


@register.simple_tag
def public_resources(session):
    """The session's slides and links that its speakers have made public."""
    from django.utils import timezone

    now = timezone.now()
    return [resource for resource in session.resources.all() if resource.is_public(now=now)]
