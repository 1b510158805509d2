from django.urls import path

from events.programme import views

app_name = "events"

urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("sessions/<int:session_id>/", views.agenda_toggle, name="agenda_toggle"),
    path("tracks.css", views.track_colours, name="track_colours"),
]
