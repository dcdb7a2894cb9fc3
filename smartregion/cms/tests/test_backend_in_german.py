"""What Wagtail creates or shows in English is German in the backend: the
default workflow, the tab title, the help links to wagtail.org."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow

from smartregion.accounts.roles import EDITORS
from smartregion.accounts.tests.factories import log_in_with_second_factor

pytestmark = pytest.mark.django_db

migration = importlib.import_module("smartregion.cms.migrations.0002_german_workflow_names")


def _names():
    task = GroupApprovalTask.objects.get()
    return (
        list(Workflow.objects.values_list("name", flat=True)),
        task.name,
        set(task.groups.values_list("name", flat=True)),
    )


def test_a_new_database_has_the_german_workflow_approved_by_the_editors():
    assert _names() == (["Redaktionsfreigabe"], "Redaktionsfreigabe", {EDITORS})
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_the_migration_goes_back_to_wagtails_names_and_forth_again():
    migration.to_english(apps, None)
    assert _names() == (["Moderators approval"], "Moderators approval", {"Moderators"})
    assert Group.objects.filter(name="Editors").exists()

    migration.to_german(apps, None)
    assert _names() == (["Redaktionsfreigabe"], "Redaktionsfreigabe", {EDITORS})


def test_names_an_administrator_chose_are_left_alone():
    Workflow.objects.update(name="Vier-Augen-Prinzip")

    migration.to_english(apps, None)

    assert list(Workflow.objects.values_list("name", flat=True)) == ["Vier-Augen-Prinzip"]


def test_the_page_editor_offers_the_german_workflow(client, editor, page_tree):
    log_in_with_second_factor(client, editor)
    home = page_tree.home

    html = client.get(f"/redaktion/pages/{home.pk}/edit/").content.decode()

    assert "In Redaktionsfreigabe einreichen" in html
    assert "Moderators approval" not in html


def test_the_tab_title_carries_the_platforms_name(client, editor, settings):
    settings.WAGTAIL_SITE_NAME = "Smarte Region MYK10"
    log_in_with_second_factor(client, editor)

    html = client.get("/redaktion/").content.decode()

    assert "<title>Dashboard - Smarte Region MYK10</title>" in html
    assert "- Wagtail</title>" not in html


def test_no_link_leads_to_wagtails_english_guide(client, juror):
    log_in_with_second_factor(client, juror)

    html = client.get("/redaktion/").content.decode()

    assert "guide.wagtail.org" not in html
    assert "editor-guide" not in html
    assert "Ihr Benutzerkonto in der Redaktion" in html
