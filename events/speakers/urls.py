from django.urls import path

from events.speakers import views as speaker_views

app_name = "speaker"

urlpatterns = [
    path("", speaker_views.my_sessions, name="sessions"),
    path("profile/", speaker_views.profile, name="profile"),
    path("invitation/<str:token>/", speaker_views.invitation, name="invitation"),
    path("sessions/<int:pk>/", speaker_views.answer, name="answer"),
    path("sessions/<int:pk>/edit/", speaker_views.edit, name="edit"),
    path("sessions/<int:pk>/resources/", speaker_views.resource_add, name="resource_add"),
    path(
        "sessions/<int:pk>/resources/<int:resource_pk>/delete/",
        speaker_views.resource_delete,
        name="resource_delete",
    ),
]
