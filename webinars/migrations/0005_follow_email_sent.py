"""Announcement becomes FollowEmailSent: the log of follow emails sent to a series'
followers (one row per webinar and kind), not to be confused with a community's
announcements."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('webinars', '0004_translatable_questions'),
    ]

    operations = [
        migrations.RenameModel(
            old_name='Announcement',
            new_name='FollowEmailSent',
        ),
        migrations.RemoveConstraint(
            model_name='followemailsent',
            name='webinars_unique_announcement',
        ),
        migrations.AddConstraint(
            model_name='followemailsent',
            constraint=models.UniqueConstraint(fields=('webinar_key', 'kind'), name='webinars_unique_follow_email'),
        ),
    ]
