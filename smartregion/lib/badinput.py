"""Requests no page can answer sensibly: a NUL byte or another control
character in the path or in a query parameter.

PostgreSQL refuses NUL in text, the full-text backends refuse other
control characters, and no link of the site ever carries one. Such a
request gets 400 with a plain page at once, before any view queries the
database with it (instead of a 500 from deep inside a query)."""

import re

from django.shortcuts import render

# C0 control characters except tab, line feed and carriage return (which a
# text field of a GET form may carry), and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(request) -> bool:
    if CONTROL_CHARACTERS.search(request.path):
        return True
    return any(
        CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(value) for value in values)
        for key, values in request.GET.lists()
    )


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)
