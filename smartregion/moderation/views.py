"""The public side of the moderation: reporting, objecting, and the
transparency page."""

from django.http import Http404


def transparency(request):
    raise Http404


def report(request, key, pk):
    raise Http404


def object_to(request, action_pk):
    raise Http404
