from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def trivial(request):
    """The floor: what the same gunicorn serves when a view does nothing."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *site_urlpatterns]
