from django.urls import path

from smartregion.events import views

app_name = "events"

urlpatterns = [
    path("veranstaltungen/", views.event_list, name="event-list"),
    path("veranstaltungen/archiv/", views.event_archive, name="event-archive"),
    path("veranstaltungen.ics", views.calendar_feed, name="calendar-feed"),
    path("veranstaltungen/<int:pk>/", views.event_detail, name="event-detail"),
    path("veranstaltungen/<int:pk>/kalender.ics", views.event_ics, name="event-ics"),
    path("veranstaltungen/<int:pk>/anmelden/", views.register, name="register"),
    path("veranstaltungen/<int:pk>/anmeldung-gesendet/", views.registration_sent, name="registration-sent"),
    path(
        "veranstaltungen/anmeldung/<str:token>/bestaetigen/",
        views.confirm_registration,
        name="confirm-registration",
    ),
    path("veranstaltungen/anmeldung/<str:token>/abmelden/", views.cancel_registration, name="cancel-registration"),
    path("veranstaltungen/<slug:slug>.ics", views.municipality_calendar_feed, name="municipality-calendar-feed"),
]
