"""Send Elasticsearch the index updates it missed while it was down (run it on a schedule)."""

from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backend

from search.pending import pending_count, replay


class Command(BaseCommand):
    """``manage.py replay_search_updates [--limit N]``."""

    help = "Replay the index updates Elasticsearch missed while it was down or failing."

    def add_arguments(self, parser):
        """Adds ``--limit``: replay at most this many updates."""
        parser.add_argument("--limit", type=int, default=None, help="at most this many")

    def handle(self, *args, limit=None, **options):
        """Replays the pending updates (nothing when the engine is not Elasticsearch) and reports
        how many were sent and how many are left."""

        backend = get_search_backend()
        if not hasattr(backend, "es"):
            self.stdout.write("The search engine is not Elasticsearch: nothing to replay.")
            return
        sent = replay(backend, limit=limit)
        left = pending_count()
        self.stdout.write(f"{sent} updates replayed, {left} left.")
