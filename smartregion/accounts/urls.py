from django.urls import path

from smartregion.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("daten/", views.data_export, name="data-export"),
    path("daten.json", views.data_export_json, name="data-export-json"),
    path("loeschen/", views.delete_account, name="delete"),
]
