"""Editors and moderators manage the library taxonomy (document types, organisations,
document languages) in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["documenttype", "organisation", "documentlanguage"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("library")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="library",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete")],
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
