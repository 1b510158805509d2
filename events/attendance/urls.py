from django.urls import path

from events.attendance import views as door_views

app_name = "door"

urlpatterns = [
    path("", door_views.door, name="door"),
    path("<int:pk>/", door_views.door_checkin, name="checkin"),
    path("dashboard/", door_views.door_dashboard, name="dashboard"),
]
