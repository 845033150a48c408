"""Page types render in every language; switcher, hreflang and fallbacks behave."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from portal.factories import IndexPageFactory, StandardPageFactory
from portal.models import HomePage, IndexPage, NavigationMenu, StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def translate(page, locale, title):
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    return copy


def test_root_redirects_by_browser_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").url == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").url == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/en/"


@pytest.mark.parametrize(
    "code,heading",
    [("en", "Learning from each other"), ("es", "Inicio hero"), ("fr", "Accueil hero")],
)
def test_home_page_renders_in_every_language(client, home, code, heading):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    assert html.find("h1").get_text(strip=True) == heading
    assert html.find("a", class_="skip-link")["href"] == "#main"


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_standard_and_index_pages_render_in_every_language(client, home, locales, code):
    section = IndexPageFactory(parent=home, slug="resources", title="Resources")
    StandardPageFactory(parent=section, slug="guide", title="Guide")
    about = StandardPageFactory(parent=home, slug="about", title="About")
    if code != "en":
        translate(about, locales[code], f"About {code}")
    response = client.get(f"/{code}/about/")
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == (
        "About" if code == "en" else f"About {code}"
    )
    listing = client.get(f"/{code}/resources/")
    assert listing.status_code == 200
    assert "Guide" in listing.content.decode()


def test_switcher_and_hreflang_point_at_the_translations(client, home, locales):
    about = StandardPageFactory(parent=home, slug="about", title="About")
    es_home = home.get_translation(locales["es"])
    about_es = translate(about, locales["es"], "Acerca")
    about_es.slug = "acerca"
    about_es.save_revision().publish()
    html = soup(client.get("/en/about/"))
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher["es"] == "/es/acerca/"
    assert switcher["fr"] == "/fr/about/"  # not translated: fallback URL under /fr/
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}
    assert alternates["es"].endswith("/es/acerca/")
    assert alternates["en"].endswith("/en/about/")
    assert "fr" not in alternates  # only real translations are announced
    assert alternates["x-default"] == alternates["en"]
    assert es_home.url == "/es/"


def test_untranslated_page_falls_back_to_source_with_notice(client, home):
    StandardPageFactory(parent=home, slug="privacy", title="Privacy")
    response = client.get("/fr/privacy/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert html.find("h1").get_text(strip=True) == "Privacy"
    notice = html.find(class_="notice-fallback")
    assert notice is not None and "English" in notice.get_text()
    # The interface stays French.
    assert html.find("a", class_="skip-link").get_text(strip=True) == "Aller au contenu principal"


def test_a_fallback_marks_its_text_with_the_source_language_and_points_at_the_source(client, home):
    """Shown under /fr/ in English, the page's own text says it is English (screen readers
    pronounce it right), its canonical address is the English page, and search engines do
    not index it a second time; the French interface around it stays French."""
    StandardPageFactory(parent=home, slug="privacy", title="Privacy", introduction="Who reads")
    html = soup(client.get("/fr/privacy/"))
    assert html.find("h1")["lang"] == "en"
    assert html.find(class_="intro")["lang"] == "en"
    assert html.find("link", rel="canonical")["href"].endswith("/en/privacy/")
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert html.find(class_="notice-fallback")["lang"] == "fr"
    assert not html.find(class_="skip-link").has_attr("lang")

    own = soup(client.get("/en/privacy/"))
    assert not own.find("h1").has_attr("lang")  # the page's language is the document's
    assert own.find("link", rel="canonical")["href"] == "http://127.0.0.1:8000/en/privacy/"
    assert own.find("meta", attrs={"name": "robots"}) is None


def test_the_switcher_keeps_the_readers_query_and_section(client, home, locales):
    """Switching language keeps filters, search terms and the page number, and a routable
    page's section."""
    about = StandardPageFactory(parent=home, slug="about", title="About")
    about_es = translate(about, locales["es"], "Acerca")
    about_es.slug = "acerca"
    about_es.save_revision().publish()
    html = soup(client.get("/en/about/?theme=gender&q=cash+transfers&page=2"))
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher["es"] == "/es/acerca/?theme=gender&q=cash+transfers&page=2"
    assert switcher["fr"] == "/fr/about/?theme=gender&q=cash+transfers&page=2"


def test_translated_page_has_no_fallback_notice(client, home, locales):
    about = StandardPageFactory(parent=home, slug="about", title="About")
    translate(about, locales["es"], "Acerca")
    assert soup(client.get("/es/about/")).find(class_="notice-fallback") is None


def test_missing_page_is_a_404_in_every_language(client, home):
    for code in ("en", "es", "fr"):
        assert client.get(f"/{code}/does-not-exist/").status_code == 404


def test_navigation_menu_follows_the_readers_language(client, home, locales):
    about = StandardPageFactory(parent=home, slug="about", title="About")
    about_es = translate(about, locales["es"], "Acerca")
    about_es.slug = "acerca-de"
    about_es.save_revision().publish()
    NavigationMenu.objects.create(
        locale=locales["en"],
        slot="main",
        items=[("link", {"label": "About us", "page": about, "url": ""})],
    )
    html = soup(client.get("/es/"))
    link = html.select_one(".main-nav a")
    assert link["href"] == "/es/acerca-de/"


def test_page_type_rules(home):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert StandardPage.can_create_at(home)
    assert IndexPage.can_create_at(home)
    assert not HomePage.can_create_at(home)


def _field_panels(panel):
    from wagtail.admin.panels import FieldPanel

    if isinstance(panel, FieldPanel):
        yield panel
    for child in getattr(panel, "children", ()):
        yield from _field_panels(child)


def _editable_models():
    from django.apps import apps
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models

    ours = {"portal", "library", "community_pages", "webinars", "programmes", "search"}
    models = [m for m in get_page_models() + get_snippet_models() if m._meta.app_label in ours]
    return sorted(set(models), key=lambda m: m._meta.label) or [apps.get_model("portal.HomePage")]


@pytest.mark.parametrize("model", _editable_models(), ids=lambda m: m._meta.label)
def test_every_editor_facing_field_has_help_text(model):
    """Every field an editor fills in the admin explains itself (Wagtail's own fields aside)."""
    from wagtail.admin.panels import get_edit_handler
    from wagtail.models import Page

    own_page_fields = {
        "title",
        "slug",
        "seo_title",
        "search_description",
        "show_in_menus",
        "go_live_at",
        "expire_at",
    }
    missing = []
    handler = model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)
    for panel in _field_panels(handler):
        name = panel.field_name
        if issubclass(model, Page) and name in own_page_fields:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:
            continue  # a form-only field or relation with its own panel
        if not getattr(field, "editable", True):
            continue
        if not (panel.help_text or getattr(field, "help_text", "")):
            missing.append(name)
    assert missing == [], f"{model.__name__} fields without help text: {missing}"


def test_admin_loads_for_an_editor(client, home, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200
    response = client.get(f"/admin/pages/add/portal/standardpage/{home.pk}/")
    assert response.status_code == 200


def test_sitemap_lists_pages_of_every_language(client, home, locales):
    about = StandardPageFactory(parent=home, slug="about", title="About")
    translate(about, locales["es"], "Acerca")
    body = client.get("/sitemap.xml").content.decode()
    assert "/en/about/" in body and "/es/about/" in body


def test_api_lists_live_pages(client, home):
    StandardPageFactory(parent=home, slug="about", title="About")
    data = client.get("/api/v2/pages/?type=portal.StandardPage").json()
    assert [item["title"] for item in data["items"]] == ["About"]
