from django.urls import path

from smartregion.comments import views

app_name = "comments"

urlpatterns = [
    path("<slug:key>/<int:pk>/", views.thread, name="thread"),
    path("<slug:key>/<int:pk>/neu/", views.comment_create, name="comment-create"),
    path("<int:pk>/antworten/", views.comment_reply, name="comment-reply"),
    path("<int:pk>/bearbeiten/", views.comment_edit, name="comment-edit"),
    path("<int:pk>/entfernen/", views.comment_remove, name="comment-remove"),
]
