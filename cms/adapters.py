from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_logout_redirect_url(self, request):
        """Back to the home page in the language the person was reading."""
        return reverse("wagtail_serve", args=[""])
