"""Build the demo portal: pages, translations, taxonomy, members, then each app's content.

Each app registers its loader with the ``register_demo_content`` hook; the hook's ``order``
puts them in sequence (portal 0, library 10, communities 20, webinars 30, glossary 40:
communities and webinars link to library publications, glossary terms to the themes). A loader takes the command (for its output) and
returns the demo accounts it made, as ``(email, role)`` pairs.
"""

from django.core.management.base import BaseCommand
from wagtail import hooks

from portal.demo import load_menus_and_home
from portal.demo_utils import DEMO_PASSWORD


class Command(BaseCommand):
    """``manage.py load_demo_content``."""

    help = (
        "Load the demo content in English, Spanish and French. Safe to run again: existing "
        "demo content is kept and updated, nothing is duplicated."
    )

    def handle(self, *args, **options):
        """Runs each registered demo loader in order, then the menus, and lists the demo
        accounts."""
        accounts = []
        for load in hooks.get_hooks("register_demo_content"):
            self.stdout.write(f"Loading demo content: {load.__module__.split('.')[0]}")
            accounts.extend(load(self) or [])
        # Menus last: they link to the sections the apps have just created.
        load_menus_and_home(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if accounts:
            self.stdout.write("Demo accounts (log in at /en/accounts/login/ with the email):")
            for email, role in accounts:
                self.stdout.write(f"  {email:<40} {role}")
            self.stdout.write(f"  Password for every demo account: {DEMO_PASSWORD}")
