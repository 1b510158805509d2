from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils.translation import get_language

from cms.mfa import SECOND_FACTORS, mfa_enrolment_pending, mfa_policy_applies


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Remember the language of the sign-up: later e-mails are sent in it."""
        user.preferred_language = (get_language() or "").split("-")[0]
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """An account that must have a second factor and has none sets one up first (cms.mfa)."""
        if mfa_enrolment_pending(request.user):
            return reverse("mfa_enrolment")
        return super().get_login_redirect_url(request)

    def get_logout_redirect_url(self, request):
        """Back to the home page in the language the person was reading."""
        return reverse("wagtail_serve", args=[""])


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """Whoever must have a second factor cannot remove their last one (cms.mfa)."""
        if authenticator.type in SECOND_FACTORS and mfa_policy_applies(authenticator.user):
            others = Authenticator.objects.filter(user_id=authenticator.user_id, type__in=SECOND_FACTORS)
            return others.exclude(pk=authenticator.pk).exists()
        return super().can_delete_authenticator(authenticator)
