from django import template

from cms.mfa import mfa_enrolment_in_progress

register = template.Library()


@register.simple_tag(takes_context=True)
def mfa_enrolling(context) -> bool:
    """True between the enrolment page and the end of the second factor's set-up."""
    request = context.get("request")
    return request is not None and mfa_enrolment_in_progress(request)
