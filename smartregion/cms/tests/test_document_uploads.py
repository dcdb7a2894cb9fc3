"""Editors may upload PDF, ODT and DOCX documents, nothing else: an SVG or
HTML file served from the portal's own origin could run script."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from smartregion.accounts.tests.factories import log_in_with_second_factor


def upload(name, content=b"%PDF-1.4\n%%EOF\n"):
    return SimpleUploadedFile(name, content)


def test_only_pdf_odt_and_docx_are_allowed():
    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == ["docx", "odt", "pdf"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["zeichnung.svg", "seite.html", "seite.htm", "skript.js", "ohne-endung"])
def test_the_document_form_rejects_other_files(client, editor, name):
    log_in_with_second_factor(client, editor)

    response = client.post(
        "/redaktion/documents/add/",
        {
            "title": "Versuch",
            "file": upload(name, b"<svg onload=alert(1)>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert "pdf, odt, docx" in str(response.context["form"].errors["file"])
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_multiple_upload_rejects_other_files(client, editor):
    log_in_with_second_factor(client, editor)

    response = client.post("/redaktion/documents/multiple/add/", {"files[]": upload("zeichnung.svg", b"<svg/>")})

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Document.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["protokoll.pdf", "Protokoll.PDF", "einladung.odt", "bericht.docx"])
def test_the_document_form_accepts_the_allowed_kinds(client, editor, name):
    log_in_with_second_factor(client, editor)

    response = client.post(
        "/redaktion/documents/add/",
        {"title": "Protokoll", "file": upload(name), "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "Protokoll"
    assert document.uploaded_by_user == editor
