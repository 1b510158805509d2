from django.urls import path

from judging import views

app_name = "jury"

urlpatterns = [
    path("", views.home, name="home"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("seat/<int:juror_pk>/conflicts/", views.conflicts, name="conflicts"),
    path("entry/<int:pk>/", views.entry, name="entry"),
    path("entry/<int:pk>/deck/", views.deck, name="deck"),
    path("round/<int:round_pk>/decisions/", views.decisions, name="decisions"),
    path("decision/<int:decision_pk>/publish/", views.publish, name="publish"),
]
