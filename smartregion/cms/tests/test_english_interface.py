"""The English interface under /en/. The English catalogue may not be
compiled, so only the language of the document is checked, not the words."""

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/en/kommunen/", "/en/kommunen/mendig/", "/en/themen/", "/en/suche/"])
def test_english_pages_declare_their_language(client, page_tree, url):
    MunicipalityFactory(slug="mendig")

    response = client.get(url)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text


@pytest.mark.django_db
def test_german_is_the_default_without_prefix(client, page_tree):
    response = client.get("/kommunen/")

    assert '<html lang="de">' in response.text


@pytest.mark.django_db
def test_the_language_switch_links_the_same_page_in_the_other_language(client, page_tree):
    german = client.get("/kommunen/")
    english = client.get("/en/kommunen/")

    assert '<a href="/en/kommunen/" lang="en" hreflang="en">English</a>' in german.text
    assert '<span aria-current="true" lang="de">Deutsch</span>' in german.text
    assert '<a href="/kommunen/" lang="de" hreflang="de">Deutsch</a>' in english.text


@pytest.mark.django_db
def test_an_english_news_item_keeps_its_address(client, page_tree):
    NewsPageFactory(parent=page_tree.news_index, slug="breitband")

    response = client.get("/en/aktuelles/breitband/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
