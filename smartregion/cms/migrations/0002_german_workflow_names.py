"""German names for what Wagtail's own migrations create in English.

wagtailcore 0048 turns the publish permissions of its default groups into a
workflow and a task named "Moderators approval"; the page editor then offers
"In Moderators approval einreichen". The task's group "Moderators" has no
members here (the editors, group "Redaktion", publish), so a page submitted
to it waited for nobody: the task now goes to the editors. Wagtail's default
groups keep their permissions and only get German names.

Only rows that still carry Wagtail's English names are touched, so names an
administrator chose are left alone; the reverse restores the English names.
"""

from django.db import migrations

WORKFLOW = ("Moderators approval", "Redaktionsfreigabe")
GROUPS = [
    ("Moderators", "Seitenfreigabe (Wagtail-Vorgabe)"),
    ("Editors", "Seitenbearbeitung (Wagtail-Vorgabe)"),
]
EDITORS = "Redaktion"


def _rename(apps, forward):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    old, new = WORKFLOW if forward else WORKFLOW[::-1]
    group_names = GROUPS if forward else [(new_, old_) for old_, new_ in GROUPS]
    for old_name, new_name in group_names:
        if not Group.objects.filter(name=new_name).exists():
            Group.objects.filter(name=old_name).update(name=new_name)
    Workflow.objects.filter(name=old).update(name=new)
    approvers_from, approvers_to = (GROUPS[0][1], EDITORS) if forward else (EDITORS, GROUPS[0][0])
    for task in GroupApprovalTask.objects.filter(name=old):
        task.name = new
        task.save(update_fields=["name"])
        groups = set(task.groups.values_list("name", flat=True))
        if groups == {approvers_from}:
            task.groups.set(Group.objects.filter(name=approvers_to))


def to_german(apps, schema_editor):
    _rename(apps, forward=True)


def to_english(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("accounts", "0004_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
