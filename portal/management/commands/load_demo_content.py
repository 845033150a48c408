"""Build the demo portal: pages, translations, taxonomy, members, then each app's content."""

import importlib
import importlib.util

from django.core.management.base import BaseCommand

from portal.demo_utils import DEMO_PASSWORD

# Order matters: communities and webinars link to library publications.
DEMO_APPS = ["portal", "library", "community_pages", "webinars"]


class Command(BaseCommand):
    """``manage.py load_demo_content``."""

    help = (
        "Load the demo content in English, Spanish and French. Safe to run again: existing "
        "demo content is kept and updated, nothing is duplicated."
    )

    def handle(self, *args, **options):
        """Loads each app's demo content in ``DEMO_APPS`` order, then the menus, and lists the demo
        accounts."""
        accounts = []
        for app in DEMO_APPS:
            if importlib.util.find_spec(f"{app}.demo") is None:
                continue
            module = importlib.import_module(f"{app}.demo")
            self.stdout.write(f"Loading demo content: {app}")
            accounts.extend(module.load(self) or [])
        # Menus last: they link to the sections the apps have just created.
        from portal.demo import load_menus_and_home

        load_menus_and_home(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if accounts:
            self.stdout.write("Demo accounts (log in at /en/accounts/login/ with the email):")
            for email, role in accounts:
                self.stdout.write(f"  {email:<40} {role}")
            self.stdout.write(f"  Password for every demo account: {DEMO_PASSWORD}")
