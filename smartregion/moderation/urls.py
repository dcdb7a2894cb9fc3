from django.urls import path

from smartregion.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.transparency, name="transparency"),
    path("melden/<str:key>/<int:pk>/", views.report, name="report"),
    path("widerspruch/<int:action_pk>/", views.object_to, name="object"),
]
