from django.urls import path

from events.attendance import views as door_views
from events.registration import views

app_name = "registration"

urlpatterns = [
    path("", views.register, name="register"),
    path("me/", views.mine, name="mine"),
    path("me/details/", views.edit, name="edit"),
    path("me/cancel/", views.cancel, name="cancel"),
    path("me/badge.pdf", door_views.my_badge, name="badge"),
    path("certificate/<slug:edition_slug>.pdf", door_views.my_certificate, name="certificate"),
    path("receipt/<str:reference>/", views.receipt, name="receipt"),
    path("pay/<str:reference>/", views.pay, name="pay"),
    path("pay/<str:reference>/done/", views.pay_return, name="pay_return"),
    path("waiting-list/<int:ticket_type_id>/", views.ticket_waiting_list_join, name="waiting_list_join"),
    path("waiting-list/leave/<str:token>/", views.waiting_list_leave, name="waiting_list_leave"),
    path("offer/<str:token>/", views.offer, name="offer"),
    path("workshops/<int:session_id>/book/", views.workshop_book, name="workshop_book"),
    path("workshops/<int:session_id>/cancel/", views.workshop_cancel, name="workshop_cancel"),
    path(
        "workshops/<int:session_id>/waiting-list/",
        views.workshop_waiting_list_join,
        name="workshop_waiting_list_join",
    ),
]
