from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Remember the language of the sign-up: later e-mails are sent in it."""
        user.preferred_language = (get_language() or "").split("-")[0]
        return super().save_user(request, user, form, commit=commit)

    def get_logout_redirect_url(self, request):
        """Back to the home page in the language the person was reading."""
        return reverse("wagtail_serve", args=[""])
