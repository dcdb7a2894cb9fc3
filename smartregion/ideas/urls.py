from django.urls import path

from smartregion.ideas.views import ideas, similar, store

app_name = "ideas"

urlpatterns = [
    path("beteiligung/<slug:slug>/ideen/neu/", ideas.idea_create, name="idea-create"),
    path("beteiligung/<slug:slug>/ideen/aehnliche/", similar.similar_ideas, name="similar-ideas"),
    path("beteiligung/<slug:slug>/ideen/<int:pk>/", ideas.idea_detail, name="idea-detail"),
    path("beteiligung/<slug:slug>/ideen/<int:pk>/bearbeiten/", ideas.idea_edit, name="idea-edit"),
    path("beteiligung/<slug:slug>/ideen/<int:pk>/zurueckziehen/", ideas.idea_withdraw, name="idea-withdraw"),
    path("beteiligung/<slug:slug>/ideen/<int:pk>/unterstuetzen/", ideas.idea_support, name="idea-support"),
    path("ideenspeicher/", store.idea_store, name="idea-store"),
    path("ideenspeicher/karte.json", store.idea_store_map_data, name="idea-store-map-data"),
    path("ideenspeicher/ideen.csv", store.idea_store_csv, name="idea-store-csv"),
    path("ideenspeicher/feed/", store.IdeaStoreFeed(), name="idea-store-feed"),
]
