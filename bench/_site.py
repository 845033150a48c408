"""The site the benchmarks build their data under: the three languages and an English home
page as the default site's root (``testserver``, as the test client asks)."""


def bench_home():
    """Create the locales and the home page; return the home page."""
    from wagtail.models import Page, Site  # noqa: PLC0415 - called after django.setup()

    from portal.factories import HomePageFactory, locale  # noqa: PLC0415 - likewise

    en = locale("en")
    locale("es")
    locale("fr")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-home", locale=en)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home
