from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from events.api import api
from events.attendance.live_views import live
from events.registration.webhooks import stripe_webhook
from events.speakers.views import resource_file

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Before Wagtail's own login view, which knows neither rate limits nor second factors.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("slides/<int:resource_pk>/<str:filename>", resource_file, name="resource_file"),
]

urlpatterns += i18n_patterns(
    path("accounts/profile/", views.account_profile, name="account_profile"),
    path("accounts/2fa/required/", views.mfa_enrolment, name="mfa_enrolment"),
    path("accounts/", include("allauth.urls")),
    path("agenda/", include("events.programme.urls")),
    path("register/", include("events.registration.urls")),
    path("door/", include("events.attendance.urls")),
    path("speaker/", include("events.speakers.urls")),
    path("startup/", include("startups.urls")),
    path("jury/", include("judging.urls")),
    path("live/<int:session_id>/", live, name="live"),
    # Before Wagtail's front-end login view (Django's plain LoginView).
    path("_util/login/", views.login_elsewhere, name="frontend_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
