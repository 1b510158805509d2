from django.urls import path

from startups import views

app_name = "startup"

urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("team/invite/", views.team_invite, name="team_invite"),
    path("team/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("entry/<int:challenge_pk>/", views.entry, name="entry"),
    path("entry/<int:challenge_pk>/deck/", views.deck, name="deck"),
    path("entry/<int:challenge_pk>/withdraw/", views.withdraw, name="withdraw"),
    path("entry/<int:challenge_pk>/reopen/", views.reopen, name="reopen"),
]
