from django.urls import path

from smartregion.participation import views

app_name = "participation"

urlpatterns = [
    path("beteiligung/", views.process_list, name="process-list"),
    path("beteiligung/<slug:slug>/", views.process_detail, name="process-detail"),
]
