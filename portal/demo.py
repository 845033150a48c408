"""Demo content of the portal itself: taxonomy, home and standard pages, menus, members.

Facts and names come from the documents the product was conceived from (the
socialprotection.org platform hosted by IPC-IG, its four pillars, its communities); the
sentences are our own. Every step looks up what exists first, so running it twice changes
nothing.
"""

import gettext
from urllib.parse import urlsplit

import pycountry
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from portal.demo_utils import (
    DEMO_PASSWORD,
    demo_follow,
    demo_saved_search,
    ensure_locales,
    translate_instance,
)
from portal.models import (
    Country,
    HomePage,
    MemberProfile,
    NavigationMenu,
    Region,
    StandardPage,
    Theme,
)
from portal.taxonomy_data import REGIONS, THEMES

HOME_ES = {
    "Home": "Inicio",
    "Learning from each other on social protection": "Aprender unos de otros sobre protección social",
    "A knowledge-sharing portal where practitioners, policymakers and researchers from the Global South exchange on social protection: discover publications, connect in online communities and learn from webinars.": "Un portal para compartir conocimientos donde profesionales, responsables de políticas e investigadores del Sur Global intercambian sobre protección social: descubra publicaciones, conéctese en comunidades en línea y aprenda con los webinarios.",
    "Four pillars: Discover, Connect, Learn and Share. Content in English, Spanish and French.": "Cuatro pilares: Descubrir, Conectar, Aprender y Compartir. Contenidos en inglés, español y francés.",
    "About the portal": "Acerca del portal",
    "Join the portal": "Únase al portal",
    "How to use the portal": "Cómo usar el portal",
}
HOME_FR = {
    "Home": "Accueil",
    "Learning from each other on social protection": "Apprendre les uns des autres sur la protection sociale",
    "A knowledge-sharing portal where practitioners, policymakers and researchers from the Global South exchange on social protection: discover publications, connect in online communities and learn from webinars.": "Un portail de partage de connaissances où praticiens, décideurs et chercheurs du Sud global échangent sur la protection sociale : découvrez des publications, rejoignez des communautés en ligne et apprenez grâce aux webinaires.",
    "Four pillars: Discover, Connect, Learn and Share. Content in English, Spanish and French.": "Quatre piliers : Découvrir, Connecter, Apprendre et Partager. Contenus en anglais, espagnol et français.",
    "About the portal": "À propos du portail",
    "Join the portal": "Rejoindre le portail",
    "How to use the portal": "Comment utiliser le portail",
}

ABOUT = {
    "title": "About the portal",
    "introduction": "A member-based platform for South-South learning on social protection, hosted by the International Policy Centre for Inclusive Growth (IPC-IG).",
    "heading": "Four pillars",
    "p1": "<p>The portal is organised around four pillars. <b>Discover</b> gives access to a reviewed library of publications, programmes and organisations. <b>Connect</b> brings members together in online communities, discussions and a shared calendar. <b>Learn</b> offers webinars with recordings, news and a glossary. <b>Share</b> lets members contribute their own content.</p>",
    "quote": "An active online community needs someone who looks after it, feeds it with content and keeps discussions lively.",
    "attribution": "Lesson from the platform's project report",
    "p2": "<p>The platform was translated into Spanish first and French later, because many practitioners stop engaging when content is only in English.</p>",
}
ABOUT_ES = {
    ABOUT["title"]: "Acerca del portal",
    ABOUT[
        "introduction"
    ]: "Una plataforma de miembros para el aprendizaje Sur-Sur en protección social, alojada por el Centro Internacional de Políticas para el Crecimiento Inclusivo (IPC-IG).",
    ABOUT["heading"]: "Cuatro pilares",
    "The portal is organised around four pillars. <b>Discover</b> gives access to a reviewed library of publications, programmes and organisations. <b>Connect</b> brings members together in online communities, discussions and a shared calendar. <b>Learn</b> offers webinars with recordings, news and a glossary. <b>Share</b> lets members contribute their own content.": "El portal se organiza en cuatro pilares. <b>Descubrir</b> da acceso a una biblioteca revisada de publicaciones, programas y organizaciones. <b>Conectar</b> reúne a los miembros en comunidades en línea, debates y un calendario compartido. <b>Aprender</b> ofrece webinarios con grabaciones, noticias y un glosario. <b>Compartir</b> permite a los miembros aportar su propio contenido.",
    ABOUT[
        "quote"
    ]: "Una comunidad en línea activa necesita a alguien que la cuide, la alimente con contenidos y mantenga vivos los debates.",
    ABOUT["attribution"]: "Lección del informe del proyecto de la plataforma",
    "The platform was translated into Spanish first and French later, because many practitioners stop engaging when content is only in English.": "La plataforma se tradujo primero al español y después al francés, porque muchos profesionales dejan de participar cuando el contenido solo está en inglés.",
}
ABOUT_FR = {
    ABOUT["title"]: "À propos du portail",
    ABOUT[
        "introduction"
    ]: "Une plateforme de membres pour l'apprentissage Sud-Sud en protection sociale, hébergée par le Centre international de politiques pour la croissance inclusive (IPC-IG).",
    ABOUT["heading"]: "Quatre piliers",
    "The portal is organised around four pillars. <b>Discover</b> gives access to a reviewed library of publications, programmes and organisations. <b>Connect</b> brings members together in online communities, discussions and a shared calendar. <b>Learn</b> offers webinars with recordings, news and a glossary. <b>Share</b> lets members contribute their own content.": "Le portail s'organise autour de quatre piliers. <b>Découvrir</b> donne accès à une bibliothèque révisée de publications, de programmes et d'organisations. <b>Connecter</b> réunit les membres dans des communautés en ligne, des discussions et un calendrier partagé. <b>Apprendre</b> propose des webinaires avec enregistrements, des actualités et un glossaire. <b>Partager</b> permet aux membres de contribuer leurs propres contenus.",
    ABOUT[
        "quote"
    ]: "Une communauté en ligne active a besoin de quelqu'un qui s'en occupe, l'alimente en contenus et anime les discussions.",
    ABOUT["attribution"]: "Leçon tirée du rapport de projet de la plateforme",
    "The platform was translated into Spanish first and French later, because many practitioners stop engaging when content is only in English.": "La plateforme a d'abord été traduite en espagnol, puis en français, car de nombreux praticiens cessent de participer lorsque le contenu n'existe qu'en anglais.",
}

HELP = {
    "title": "How to use the portal",
    "introduction": "Create an account, complete your profile and choose how often we email you.",
    "p1": "<p>Sign up with your email address and confirm it from the message we send you. Then complete your profile: organisation, country and areas of expertise help other members find you in the member directory.</p>",
    "cta_heading": "Ready to join?",
    "cta_text": "Membership is free for practitioners, policymakers and researchers.",
    "cta_label": "Sign up",
}
HELP_ES = {
    HELP["title"]: "Cómo usar el portal",
    HELP[
        "introduction"
    ]: "Cree una cuenta, complete su perfil y elija con qué frecuencia le escribimos.",
    "Sign up with your email address and confirm it from the message we send you. Then complete your profile: organisation, country and areas of expertise help other members find you in the member directory.": "Regístrese con su correo electrónico y confírmelo desde el mensaje que le enviamos. Luego complete su perfil: la organización, el país y las áreas de especialización ayudan a otros miembros a encontrarle en el directorio.",
    HELP["cta_heading"]: "¿Listo para unirse?",
    HELP[
        "cta_text"
    ]: "La membresía es gratuita para profesionales, responsables de políticas e investigadores.",
    HELP["cta_label"]: "Registrarse",
}
HELP_FR = {
    HELP["title"]: "Comment utiliser le portail",
    HELP[
        "introduction"
    ]: "Créez un compte, complétez votre profil et choisissez la fréquence de nos courriels.",
    "Sign up with your email address and confirm it from the message we send you. Then complete your profile: organisation, country and areas of expertise help other members find you in the member directory.": "Inscrivez-vous avec votre adresse électronique et confirmez-la depuis le message que nous vous envoyons. Complétez ensuite votre profil : l'organisation, le pays et les domaines d'expertise aident les autres membres à vous trouver dans l'annuaire.",
    HELP["cta_heading"]: "Prêt à nous rejoindre ?",
    HELP[
        "cta_text"
    ]: "L'adhésion est gratuite pour les praticiens, les décideurs et les chercheurs.",
    HELP["cta_label"]: "S'inscrire",
}

TERMS = {
    "title": "Privacy and terms of use",
    "introduction": "How the portal handles members' personal data and what members agree to when they share content.",
    "p1": "<p>Members' profiles are visible to other logged-in members only when they choose to appear in the directory. Webinar registration data is seen by the portal's staff only. Members can change their notification settings or close their account at any time.</p>",
}

MEMBERS = [
    # email, first, last, organisation, country ISO, expertise slugs, language, bio
    (
        "mariana.balboni@example.org",
        "Mariana",
        "Balboni",
        "IPC-IG",
        "BR",
        ["south-south", "children"],
        "en",
        "Senior project officer coordinating the Community of Practice on South-South Cooperation for Children.",
    ),
    (
        "martha.santos@example.org",
        "Martha",
        "Santos",
        "UNICEF",
        "US",
        ["children", "health"],
        "en",
        "Programme manager working on South-South and triangular cooperation for child-related goals.",
    ),
    (
        "yihua.teng@example.org",
        "Yihua",
        "Teng",
        "UNICEF",
        "CN",
        ["health", "south-south"],
        "en",
        "Programme officer focusing on primary health care and maternal and child health.",
    ),
    (
        "amina.diallo@example.org",
        "Amina",
        "Diallo",
        "Ministère de la Solidarité",
        "SN",
        ["cash-transfers", "social-registries"],
        "fr",
        "Responsable du registre national unique et des programmes de transferts monétaires.",
    ),
    (
        "lucia.fernandez@example.org",
        "Lucía",
        "Fernández",
        "Ministerio de Desarrollo Social",
        "UY",
        ["gender", "social-pensions"],
        "es",
        "Especialista en protección social con enfoque de género y pensiones no contributivas.",
    ),
    (
        "omar.haddad@example.org",
        "Omar",
        "Haddad",
        "UNICEF MENA Regional Office",
        "JO",
        ["shock-responsive", "children"],
        "en",
        "Social policy specialist supporting social protection responses in the Middle East and North Africa.",
    ),
]


def load(command):
    """Load the portal's demo content (taxonomy, home and standard pages, members); returns
    the demo account to list."""
    locales = ensure_locales()
    load_taxonomy(locales)
    load_pages(locales)
    listed = load_members()
    # Lucía follows older people's pensions, Bolivia and Uruguay (her timeline, My portal).
    en = locales["en"]
    demo_follow("theme", Theme.objects.filter(locale=en, slug="social-pensions").first())
    for iso in ("BO", "UY"):
        demo_follow("country", Country.objects.filter(locale=en, iso_code=iso).first())
    return listed


def load_menus_and_home(command):
    """Run after every app's demo content: menus link to the sections the apps created."""
    locales = ensure_locales()
    home = HomePage.objects.get(locale=locales["en"])
    load_menus(locales, home)
    # Lucía saved a Spanish library search (pensions in Bolivia, in her daily digest) and a
    # site search in Spanish (weekly); what the demo published this month is new to her.
    demo_saved_search("library", "theme=social-pensions&country=bo", "es", "daily", days=30)
    demo_saved_search("site", "q=transferencias+monetarias&lang=es", "es", "weekly")


def load_taxonomy(locales):
    """Regions with their countries (and every other country, without a region) and themes,
    in English, Spanish and French."""
    en = locales["en"]
    for slug, en_name, es_name, fr_name, codes in REGIONS:
        region, _c = Region.objects.get_or_create(locale=en, slug=slug, defaults={"name": en_name})
        for code, name in (("es", es_name), ("fr", fr_name)):
            if not region.has_translation(locales[code]):
                translate_instance(region, code, {en_name: name})
        for iso in codes.split():
            _country(iso, region, locales)
    # Countries pycountry knows that no region lists (territories): kept without a region.
    for entry in pycountry.countries:
        _country(entry.alpha_2, None, locales)
    for slug, en_name, es_name, fr_name, parent_slug in THEMES:
        parent = Theme.objects.get(locale=en, slug=parent_slug) if parent_slug else None
        theme, _c = Theme.objects.get_or_create(
            locale=en, slug=slug, defaults={"name": en_name, "parent": parent}
        )
        for code, name in (("es", es_name), ("fr", fr_name)):
            if not theme.has_translation(locales[code]):
                translate_instance(theme, code, {en_name: name})


_translations = {}


def _country_name(iso, language):
    entry = pycountry.countries.get(alpha_2=iso)
    if entry is None:
        return None
    name = getattr(entry, "common_name", None) or entry.name
    if language == "en":
        return name
    if language not in _translations:
        _translations[language] = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
        )
    return _translations[language].gettext(entry.name)


def _country(iso, region, locales):
    en_name = _country_name(iso, "en")
    if en_name is None:  # XK (Kosovo) has no ISO 3166-1 entry
        en_name = {"XK": "Kosovo"}.get(iso, iso)
    country = Country.objects.filter(locale=locales["en"], iso_code=iso).first()
    if country is None:
        country = Country.objects.create(
            locale=locales["en"], iso_code=iso, name=en_name, region=region
        )
    elif region is not None and country.region_id is None:
        country.region = region
        country.save(update_fields=["region"])
    for code in ("es", "fr"):
        translated = country.get_translation_or_none(locales[code])
        name = _country_name(iso, code) or en_name
        if translated is None:
            translated = country.copy_for_translation(locales[code])
        elif translated.name == name and translated.region_id == getattr(region, "pk", None):
            continue
        translated.name = name
        # A translation's relations point at the source rows (portal.translation).
        translated.region = region
        translated.save()
    return country


def load_pages(locales):
    """The home page (replacing Wagtail's welcome page) as the default site's root, the about,
    help and terms pages, and the translations of all but the terms; returns the home page."""
    en = locales["en"]
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        # Wagtail's welcome page (a plain Page at the top of the tree) is replaced by ours.
        for welcome in Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ):
            if not welcome.get_children().exists():
                welcome.delete()
        home = HomePage(
            title="Home",
            slug="home",
            locale=en,
            hero_title="Learning from each other on social protection",
            hero_text="A knowledge-sharing portal where practitioners, policymakers and researchers from the Global South exchange on social protection: discover publications, connect in online communities and learn from webinars.",
            introduction="Four pillars: Discover, Connect, Learn and Share. Content in English, Spanish and French.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    # The site answers at BASE_URL on every load (`make run` sets it from PORT), so the
    # addresses Wagtail builds (the API's html_url) match the portal's.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": base.hostname or "localhost",
            "port": base.port or (443 if base.scheme == "https" else 80),
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )

    about = _child(
        home,
        StandardPage,
        "about",
        ABOUT["title"],
        ABOUT["introduction"],
        [
            ("heading", ABOUT["heading"]),
            ("paragraph", ABOUT["p1"]),
            ("quote", {"text": ABOUT["quote"], "attribution": ABOUT["attribution"]}),
            ("paragraph", ABOUT["p2"]),
        ],
    )
    help_page = _child(
        home,
        StandardPage,
        "how-to-use-the-portal",
        HELP["title"],
        HELP["introduction"],
        [
            ("paragraph", HELP["p1"]),
            (
                "call_to_action",
                {
                    "heading": HELP["cta_heading"],
                    "text": HELP["cta_text"],
                    "link": {
                        "label": HELP["cta_label"],
                        "page": None,
                        "view": "account_signup",
                        "url": "",
                    },
                },
            ),
        ],
    )
    # Left untranslated on purpose: Spanish and French readers see the fallback notice.
    _child(
        home,
        StandardPage,
        "privacy-and-terms",
        TERMS["title"],
        TERMS["introduction"],
        [("paragraph", TERMS["p1"])],
    )
    if not home.hero_links:
        home.hero_links = [
            ("link", {"label": "About the portal", "page": about, "url": ""}),
            ("link", {"label": "How to use the portal", "page": help_page, "url": ""}),
        ]
        home.save_revision().publish()
    for code, strings in (("es", HOME_ES), ("fr", HOME_FR)):
        translate_instance(HomePage.objects.get(pk=home.pk), code, strings)
    for page, es, fr in ((about, ABOUT_ES, ABOUT_FR), (help_page, HELP_ES, HELP_FR)):
        translate_instance(page, "es", es)
        translate_instance(page, "fr", fr)
    return HomePage.objects.get(pk=home.pk)


def _child(parent, model, slug, title, introduction, body, **extra):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, introduction=introduction, body=body, **extra)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


# The main menu: the portal's four pillars, each a group of the sections the apps made
# (by the slug of the home page's child), then About. A link may be a view of the portal.
MENU_GROUPS = [
    ("Discover", ["library", "programmes", "organisations"]),
    ("Connect", ["communities", "events"]),
    ("Learn", ["webinars", "news", "glossary"]),
    ("Share", [("Propose a publication", "library:submit"), "communities", "surveys"]),
]
MENU_LABELS = {
    "es": {
        "Discover": "Descubrir",
        "Connect": "Conectar",
        "Learn": "Aprender",
        "Share": "Compartir",
        "Propose a publication": "Proponer una publicación",
        "Start a discussion": "Iniciar un debate",
        "Run a survey": "Hacer una encuesta",
    },
    "fr": {
        "Discover": "Découvrir",
        "Connect": "Connecter",
        "Learn": "Apprendre",
        "Share": "Partager",
        "Propose a publication": "Proposer une publication",
        "Start a discussion": "Lancer une discussion",
        "Run a survey": "Lancer une enquête",
    },
}
# What a section is for, in Share: communities are where members start discussions, the
# surveys section where they ask each other.
SHARE_LABELS = {"communities": "Start a discussion", "surveys": "Run a survey"}


def _menu_items(pages):
    items = []
    for label, entries in MENU_GROUPS:
        links = []
        for entry in entries:
            if isinstance(entry, tuple):
                links.append({"label": entry[0], "page": None, "view": entry[1], "url": ""})
            elif page := pages.get(entry):
                title = SHARE_LABELS.get(entry, page.title) if label == "Share" else page.title
                links.append({"label": title, "page": page, "view": "", "url": ""})
        if links:
            items.append(("group", {"label": label, "links": links}))
    if about := pages.get("about"):
        items.append(("link", {"label": about.title, "page": about, "view": "", "url": ""}))
    return items


def menu_page_ids(items):
    """The ids of the pages a menu's items (links and groups of links) point at."""
    ids = set()
    for block in items:
        links = block.value["links"] if block.block_type == "group" else [block.value]
        ids.update(link["page"].pk for link in links if link.get("page"))
    return ids


def load_menus(locales, home):
    """Main menu: the pillars with the home page's children (apps add their sections);
    footer: about and terms."""
    en = locales["en"]
    main = NavigationMenu.objects.filter(locale=en, slot="main").first()
    pages = {p.slug: p for p in home.get_children().specific()}
    if main is None:
        main = NavigationMenu.objects.create(locale=en, slot="main", items=[])
    items = _menu_items(pages)
    wanted = [p for slug, p in pages.items() if any(slug in e for _l, e in MENU_GROUPS)]
    wanted += [pages["about"]] if "about" in pages else []
    groups = [block for block in main.items if block.block_type == "group"]
    if not groups or {p.pk for p in wanted} - menu_page_ids(main.items):
        main.items = items
        main.save()
    footer = NavigationMenu.objects.filter(locale=en, slot="footer").first()
    if footer is None:
        footer = NavigationMenu.objects.create(
            locale=en,
            slot="footer",
            items=[
                ("link", {"label": "About the portal", "page": pages["about"], "url": ""}),
                (
                    "link",
                    {
                        "label": "How to use the portal",
                        "page": pages["how-to-use-the-portal"],
                        "url": "",
                    },
                ),
                (
                    "link",
                    {
                        "label": "Privacy and terms of use",
                        "page": pages["privacy-and-terms"],
                        "url": "",
                    },
                ),
            ],
            footer_text="<p>A knowledge-sharing platform hosted by IPC-IG with support from its partners.</p>",
        )
    labels_es = MENU_LABELS["es"] | {
        p.title: p.get_translation(locales["es"]).title
        for p in wanted
        if p.has_translation(locales["es"])
    }
    labels_fr = MENU_LABELS["fr"] | {
        p.title: p.get_translation(locales["fr"]).title
        for p in wanted
        if p.has_translation(locales["fr"])
    }
    translate_instance(main, "es", labels_es)
    translate_instance(main, "fr", labels_fr)
    translate_instance(
        footer,
        "es",
        {
            "About the portal": "Acerca del portal",
            "How to use the portal": "Cómo usar el portal",
            "Privacy and terms of use": "Privacidad y condiciones de uso",
            "A knowledge-sharing platform hosted by IPC-IG with support from its partners.": "Una plataforma para compartir conocimientos alojada por el IPC-IG con el apoyo de sus socios.",
        },
    )
    translate_instance(
        footer,
        "fr",
        {
            "About the portal": "À propos du portail",
            "How to use the portal": "Comment utiliser le portail",
            "Privacy and terms of use": "Confidentialité et conditions d'utilisation",
            "A knowledge-sharing platform hosted by IPC-IG with support from its partners.": "Une plateforme de partage de connaissances hébergée par l'IPC-IG avec le soutien de ses partenaires.",
        },
    )


def demo_user(email, first, last, *, staff=False):
    """A demo account with a verified email and a profile (created once, then reused)."""
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0][:150],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            is_staff=staff,
        )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    MemberProfile.objects.get_or_create(user=user)
    return user


def load_members():
    """Demo members with their profiles; returns the account to list."""
    en_countries = {c.iso_code: c for c in Country.objects.filter(locale__language_code="en")}
    themes = {t.slug: t for t in Theme.objects.filter(locale__language_code="en")}
    for email, first, last, org, iso, expertise, language, bio in MEMBERS:
        user = demo_user(email, first, last)
        profile = user.profile
        if not profile.organisation:
            profile.organisation = org
            profile.country = en_countries.get(iso)
            profile.preferred_language = language
            profile.bio = bio
            profile.save()
            profile.expertise.set([themes[s] for s in expertise if s in themes])
    return [(MEMBERS[0][0], "member (IPC-IG)")]
