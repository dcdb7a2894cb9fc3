from django.urls import path

from smartregion.region import views

app_name = "region"

urlpatterns = [
    path("kommunen/", views.municipality_list, name="municipality-list"),
    path("kommunen/karte.geojson", views.municipality_map_data, name="municipality-map-data"),
    path("kommunen/<slug:slug>/", views.municipality_detail, name="municipality-detail"),
    path("themen/", views.topic_index, name="topic-index"),
    path("themen/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("zukunftsaufgaben/<slug:slug>/", views.focus_area_detail, name="focus-area-detail"),
]
