"""Demo content for online communities (``load_demo_content``).

The communities named in the operators' guide, one per privacy setting plus an archived one,
with members, a pending request and a working group. What each community contains (its
announcements, discussions with comments and replies, event, file, attachment and resource
pages, on its own topic) is data in ``community_pages.demo_content``. A community that
exists already is left as it is, so running the command twice changes nothing.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page

from community_pages.demo_content import CONTENT, PEOPLE, PORTAL_PEOPLE
from community_pages.models import (
    Announcement,
    Attachment,
    Comment,
    CommunityEvent,
    CommunityFile,
    CommunityIndexPage,
    CommunityPage,
    CommunityResourcePage,
    Membership,
    Report,
    Thread,
    WorkingGroup,
    WorkingGroupMembership,
)
from library.models import Organisation, PublicationPage
from portal.demo import demo_user
from portal.demo_utils import demo_follow, ensure_locales, translate_instance
from portal.models import Country, HomePage, Region, Theme

INDEX = {
    "en": ("Online communities", "Spaces where practitioners exchange on one topic."),
    "es": ("Comunidades en línea", "Espacios donde profesionales intercambian sobre un tema."),
    "fr": ("Communautés en ligne", "Des espaces où les praticiens échangent sur un thème."),
}

COMMUNITIES = [
    {
        "slug": "ssc-for-children",
        "title": "Community of Practice on South-South Cooperation for Children",
        "es": "Comunidad de práctica sobre cooperación Sur-Sur para la niñez",
        "fr": "Communauté de pratique sur la coopération Sud-Sud pour les enfants",
        "privacy": "public",
        "intro": "Practitioners sharing how South-South cooperation delivers results for children.",
        "description": "<p>Co-sponsored by UNICEF, the IPC-IG and UNOSSC since February 2018.</p>",
        "overview": "<p>South-South cooperation, set out in the 1978 Buenos Aires Plan of Action, "
        "lets countries with similar challenges adapt each other's home-grown solutions.</p>",
        "purpose": "<p>A space to connect practitioners working on children's rights across "
        "regions, collect promising practices and incubate ideas.</p>",
        "strategy": "<p>Global webinars at least three times a year, online meetings, paper "
        "reviews and a pool of experts; founding organisations invite their networks.</p>",
        "timeline": [
            ("February", "Create the community"),
            ("March", "Invite members, set up the structure, upload documents"),
            ("May", "Launch webinar on good practices in SSC for children"),
            ("September", "Second global webinar: children in BAPA+40"),
        ],
        "sponsors": ["unicef", "ipc-ig"],
        "partners": ["unossc"],
        "themes": ["children", "south-south"],
        "regions": [],
        "group": "Pool of experts on SSC for Children",
    },
    {
        "slug": "gender-sensitive-social-protection",
        "title": "Gender-sensitive Social Protection",
        "es": "Protección social sensible al género",
        "fr": "Protection sociale sensible au genre",
        "privacy": "open",
        "intro": "FAO and IPC-IG convene discussions and webinars on women's economic empowerment.",
        "description": "<p>A collaboration between FAO and the IPC-IG started in October 2015.</p>",
        "overview": "<p>Social programmes often name women as recipients; they narrow gender gaps "
        "only when designed to do so.</p>",
        "purpose": "<p>Discussion forums ahead of each webinar, and a two-page summary after.</p>",
        "strategy": "<p>A nine-month inception plan alternating forums and webinars.</p>",
        "timeline": [("Month 1-3", "Overview webinar and first forum")],
        "sponsors": ["fao"],
        "partners": ["ipc-ig"],
        "themes": ["gender"],
        "regions": [],
    },
    {
        "slug": "spiac-b-gender-working-group",
        "title": "SPIAC-B Gender Working Group",
        "es": "Grupo de trabajo de género del SPIAC-B",
        "fr": "Groupe de travail sur le genre du SPIAC-B",
        "privacy": "private",
        "intro": "Agencies of the SPIAC-B coordinating their work on gender.",
        "description": "<p>Membership is by invitation of the group's coordinators.</p>",
        "themes": ["gender", "financing"],
        "regions": [],
    },
    {
        "slug": "social-protection-mena",
        "title": "Social Protection in the Middle East and North Africa",
        "es": "Protección social en Oriente Medio y Norte de África",
        "fr": "Protection sociale au Moyen-Orient et en Afrique du Nord",
        "privacy": "semi-private",
        "intro": "Research and exchange on social protection in the MENA region.",
        "description": "<p>With 91 members and 118 posts on the original platform.</p>",
        "eligibility": "<p>Practitioners and researchers working on social protection in the "
        "region; tell us about your work when you ask to join.</p>",
        "themes": ["social-assistance"],
        "regions": ["middle-east-north-africa"],
    },
    {
        "slug": "social-registries-integrated-mis",
        "title": "Social Registries and integrated MISs",
        "es": "Registros sociales y SIG integrados",
        "fr": "Registres sociaux et SIG intégrés",
        "privacy": "open",
        "intro": "Country cases, governance tools and technology for integrated information systems.",
        "description": "<p>Moderated by Valentina Barca and Richard Chirchir; driven by members.</p>",
        "themes": ["social-registries", "systems"],
        "regions": [],
    },
    {
        "slug": "ambassadors-programme",
        "title": "Ambassadors' Programme",
        "es": "Programa de embajadores",
        "fr": "Programme des ambassadeurs",
        "privacy": "hidden",
        "intro": "The platform's ambassadors introduce themselves and coordinate outreach.",
        "description": "<p>Only the platform's ambassadors see this community; the platform "
        "team invites new ambassadors.</p>",
        "themes": [],
        "regions": [],
    },
    {
        "slug": "social-protection-for-employment",
        "title": "Social Protection for Employment Community",
        "es": "Comunidad de protección social para el empleo",
        "fr": "Communauté protection sociale pour l'emploi",
        "privacy": "public",
        "archived": True,
        "intro": "Unemployment protection and active labour market policies (archived).",
        "description": "<p>The community is archived; its discussions remain available.</p>",
        "themes": ["unemployment-protection", "active-labour-market"],
        "regions": ["east-asia-pacific"],
    },
]

INTRODUCTIONS = {
    "Practitioners sharing how South-South cooperation delivers results for children.": (
        "Profesionales que comparten cómo la cooperación Sur-Sur da resultados para la niñez.",
        "Des praticiens partagent comment la coopération Sud-Sud produit des résultats pour les enfants.",
    ),
    "FAO and IPC-IG convene discussions and webinars on women's economic empowerment.": (
        "La FAO y el IPC-IG convocan debates y seminarios web sobre el empoderamiento económico de las mujeres.",
        "La FAO et l'IPC-IG animent des discussions et des webinaires sur l'autonomisation économique des femmes.",
    ),
    "Agencies of the SPIAC-B coordinating their work on gender.": (
        "Organismos del SPIAC-B que coordinan su trabajo sobre género.",
        "Des agences du SPIAC-B qui coordonnent leur travail sur le genre.",
    ),
    "Research and exchange on social protection in the MENA region.": (
        "Investigación e intercambio sobre protección social en la región MENA.",
        "Recherche et échanges sur la protection sociale dans la région MENA.",
    ),
    "Country cases, governance tools and technology for integrated information systems.": (
        "Casos de países, herramientas de gobernanza y tecnología para sistemas de información integrados.",
        "Études de cas, outils de gouvernance et technologies pour des systèmes d'information intégrés.",
    ),
    "The platform's ambassadors introduce themselves and coordinate outreach.": (
        "Los embajadores de la plataforma se presentan y coordinan la difusión.",
        "Les ambassadeurs de la plateforme se présentent et coordonnent la diffusion.",
    ),
    "Unemployment protection and active labour market policies (archived).": (
        "Protección por desempleo y políticas activas del mercado laboral (archivada).",
        "Protection contre le chômage et politiques actives du marché du travail (archivée).",
    ),
}

# The rest of the communities' texts (descriptions, concept notes, eligibility, timelines) as
# their Spanish and French versions read, by the segment wagtail-localize lists (a paragraph's
# text without its tags, a timeline cell).
TEXTS = {
    "Co-sponsored by UNICEF, the IPC-IG and UNOSSC since February 2018.": (
        "Copatrocinada por UNICEF, el IPC-IG y la UNOSSC desde febrero de 2018.",
        "Coparrainée par l'UNICEF, l'IPC-IG et l'UNOSSC depuis février 2018.",
    ),
    "South-South cooperation, set out in the 1978 Buenos Aires Plan of Action, lets countries "
    "with similar challenges adapt each other's home-grown solutions.": (
        "La cooperación Sur-Sur, definida en el Plan de Acción de Buenos Aires de 1978, permite "
        "que países con desafíos parecidos adapten las soluciones que otros crearon en casa.",
        "La coopération Sud-Sud, définie par le Plan d'action de Buenos Aires de 1978, permet à "
        "des pays aux défis comparables d'adapter les solutions nées chez leurs voisins.",
    ),
    "A space to connect practitioners working on children's rights across regions, collect "
    "promising practices and incubate ideas.": (
        "Un espacio para conectar a quienes trabajan por los derechos de la niñez en distintas "
        "regiones, reunir prácticas prometedoras y dar forma a nuevas ideas.",
        "Un espace pour relier les praticiens des droits de l'enfant de toutes les régions, "
        "recueillir les pratiques prometteuses et faire mûrir des idées.",
    ),
    "Global webinars at least three times a year, online meetings, paper reviews and a pool "
    "of experts; founding organisations invite their networks.": (
        "Seminarios web mundiales al menos tres veces al año, reuniones en línea, revisión de "
        "documentos y un grupo de especialistas; las organizaciones fundadoras invitan a sus "
        "redes.",
        "Des webinaires mondiaux au moins trois fois par an, des réunions en ligne, des "
        "relectures de documents et un vivier d'experts ; les organisations fondatrices invitent "
        "leurs réseaux.",
    ),
    "February": ("Febrero", "Février"),
    "March": ("Marzo", "Mars"),
    "May": ("Mayo", "Mai"),
    "September": ("Septiembre", "Septembre"),
    "Month 1-3": ("Meses 1 a 3", "Mois 1 à 3"),
    "Create the community": ("Crear la comunidad", "Créer la communauté"),
    "Invite members, set up the structure, upload documents": (
        "Invitar a los miembros, organizar la estructura, subir los documentos",
        "Inviter les membres, mettre en place la structure, déposer les documents",
    ),
    "Launch webinar on good practices in SSC for children": (
        "Seminario web de lanzamiento sobre buenas prácticas de CSS para la niñez",
        "Webinaire de lancement sur les bonnes pratiques de CSS pour les enfants",
    ),
    "Second global webinar: children in BAPA+40": (
        "Segundo seminario web mundial: la niñez en PABA+40",
        "Deuxième webinaire mondial : les enfants dans PABA+40",
    ),
    "Overview webinar and first forum": (
        "Seminario web de presentación y primer foro",
        "Webinaire de présentation et premier forum",
    ),
    "A collaboration between FAO and the IPC-IG started in October 2015.": (
        "Una colaboración entre la FAO y el IPC-IG iniciada en octubre de 2015.",
        "Une collaboration entre la FAO et l'IPC-IG lancée en octobre 2015.",
    ),
    "Social programmes often name women as recipients; they narrow gender gaps only when "
    "designed to do so.": (
        "Los programas sociales suelen pagar a las mujeres; solo reducen las brechas de género "
        "cuando se diseñan para ello.",
        "Les programmes sociaux versent souvent les prestations aux femmes ; ils ne réduisent "
        "les écarts entre les sexes que s'ils sont conçus pour cela.",
    ),
    "Discussion forums ahead of each webinar, and a two-page summary after.": (
        "Foros de debate antes de cada seminario web y un resumen de dos páginas después.",
        "Des forums de discussion avant chaque webinaire, et une synthèse de deux pages après.",
    ),
    "A nine-month inception plan alternating forums and webinars.": (
        "Un plan de arranque de nueve meses que alterna foros y seminarios web.",
        "Un plan de démarrage de neuf mois qui alterne forums et webinaires.",
    ),
    "Membership is by invitation of the group's coordinators.": (
        "Se participa por invitación de quienes coordinan el grupo.",
        "On y entre sur invitation des coordinateurs du groupe.",
    ),
    "With 91 members and 118 posts on the original platform.": (
        "Con 91 miembros y 118 publicaciones en la plataforma original.",
        "Avec 91 membres et 118 messages sur la plateforme d'origine.",
    ),
    "Practitioners and researchers working on social protection in the region; tell us about "
    "your work when you ask to join.": (
        "Profesionales e investigadores que trabajan en protección social en la región; "
        "cuéntenos a qué se dedica cuando pida unirse.",
        "Praticiens et chercheurs de la protection sociale dans la région ; présentez votre "
        "travail en demandant à nous rejoindre.",
    ),
    "Moderated by Valentina Barca and Richard Chirchir; driven by members.": (
        "Moderada por Valentina Barca y Richard Chirchir; la impulsan sus miembros.",
        "Animée par Valentina Barca et Richard Chirchir ; portée par ses membres.",
    ),
    "Only the platform's ambassadors see this community; the platform team invites new "
    "ambassadors.": (
        "Solo los embajadores de la plataforma ven esta comunidad; el equipo de la plataforma "
        "invita a los nuevos embajadores.",
        "Seuls les ambassadeurs de la plateforme voient cette communauté ; l'équipe de la "
        "plateforme invite les nouveaux ambassadeurs.",
    ),
    "The community is archived; its discussions remain available.": (
        "La comunidad está archivada; sus debates siguen disponibles.",
        "La communauté est archivée ; ses discussions restent consultables.",
    ),
}


def link_public_versions(command):
    """Point the demo announcements that have a public version at it (a news article, loaded
    after the communities); by title, so the communities need not know the news app."""
    en = ensure_locales()["en"]
    linked = 0
    for spec in COMMUNITIES:
        for item in CONTENT.get(spec["slug"], {}).get("announcements", []):
            if not item.get("public"):
                continue
            page = Page.objects.live().filter(locale=en, title=item["public"]).first()
            if page is not None:
                linked += Announcement.objects.filter(
                    community__slug=spec["slug"], title=item["title"], public_page=None
                ).update(public_page=page)
    command.stdout.write(f"  {linked} announcements linked to their public version.")


def load(command):
    """Load the communities' demo content (people, the directory, communities with members,
    content, attachments and readings); returns the demo accounts to list."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        command.stdout.write("  No home page: run the portal demo first.")
        return []
    people = load_people()
    index = load_index(home)
    communities = {}
    for spec in COMMUNITIES:
        communities[spec["slug"]] = load_community(index, spec, people)
    for spec in COMMUNITIES:
        load_attachment(communities[spec["slug"]], spec, people)
    load_reports(communities["ssc-for-children"], people)
    ssc = communities["ssc-for-children"]
    mena = communities["social-protection-mena"]
    if not ssc.related_communities.exists():
        ssc.related_communities.set([communities["gender-sensitive-social-protection"], mena])
        ssc.save_revision().publish()
    for slug, keywords in READINGS.items():
        load_readings(communities[slug], keywords)
    # The demo follower follows an open community she has not joined.
    demo_follow("community", communities["social-registries-integrated-mis"])
    return [
        (people["staff"].email, "administrator (staff: sees every community)"),
        (people["admin"].email, "community administrator (SSC4C, MENA, SPIAC-B, Ambassadors)"),
        (people["member"].email, "community member (member of most communities)"),
        (people["outsider"].email, "logged-in non-member"),
    ]


# Library publications each community lists on its "Key readings" page (title keywords).
READINGS = {
    "ssc-for-children": ["Child Support Grant", "Zambia Child Grant", "Orphan"],
    "gender-sensitive-social-protection": ["Rural women"],
    "social-protection-mena": ["Tayssir"],
    "social-registries-integrated-mis": ["Single registries", "Cadastro"],
    "social-protection-for-employment": ["Public works", "Rural Employment Guarantee"],
}


def load_readings(community, keywords):
    """A list of library publications on the community's first resource page (once)."""
    resource = CommunityResourcePage.objects.child_of(community).order_by("path").first()
    if resource is None or any(b.block_type == "publication_list" for b in resource.body):
        return
    found = PublicationPage.objects.live().filter(locale=community.locale, members_only=False)
    publications = [p for k in keywords if (p := found.filter(title__icontains=k).first())]
    if not publications:
        return
    resource.body.append(
        ("publication_list", {"heading": "From the library", "publications": publications})
    )
    resource.save_revision().publish()


def load_people():
    """The demo users by role and first name, with their profiles; the staff user is a
    superuser."""
    staff = demo_user("platform.admin@example.org", "Paula", "Admin", staff=True)
    if not staff.is_superuser:
        staff.is_superuser = True
        staff.save(update_fields=["is_superuser"])
    people = {
        "staff": staff,
        "admin": demo_user("martha.santos@example.org", "Martha", "Santos"),
        "coadmin": demo_user("mariana.balboni@example.org", "Mariana", "Balboni"),
        "member": demo_user("tomas.lopez@example.org", "Tomas", "Lopez"),
        "member2": demo_user("maja.nihlmark@example.org", "Maja", "Nihlmark"),
        "member3": demo_user("fazley.mahmud@example.org", "Fazley", "Mahmud"),
        "applicant": demo_user("vinicius.ferreira@example.org", "Vinicius", "Ferreira"),
        "outsider": demo_user("nina.visitor@example.org", "Nina", "Visitor"),
    }
    # The content (demo_content) names people by first name.
    for name, role in [("martha", "admin"), ("mariana", "coadmin"), ("tomas", "member")]:
        people[name] = people[role]
    for name, role in [("maja", "member2"), ("fazley", "member3"), ("vinicius", "applicant")]:
        people[name] = people[role]
    for key, (email, first, last) in PORTAL_PEOPLE.items():
        people[key] = demo_user(email, first, last)
    countries = {c.iso_code: c for c in Country.objects.filter(locale__language_code="en")}
    for key, (email, first, last, organisation, iso, language, bio) in PEOPLE.items():
        people[key] = demo_user(email, first, last)
        profile = people[key].profile
        if not profile.organisation:
            profile.organisation, profile.country = organisation, countries.get(iso)
            profile.preferred_language, profile.bio = language, bio
            profile.save()
    return people


def load_index(home):
    """The communities directory under the English home, with its translations."""
    index = CommunityIndexPage.objects.filter(locale=home.locale, slug="communities").first()
    if index is None:
        title, intro = INDEX["en"]
        index = home.add_child(
            instance=CommunityIndexPage(title=title, slug="communities", introduction=intro)
        )
        index.save_revision().publish()
        for code in ("es", "fr"):
            translate_instance(
                index, code, {INDEX["en"][0]: INDEX[code][0], INDEX["en"][1]: INDEX[code][1]}
            )
    return index


def load_community(index, spec, people):
    """The community of ``spec`` under ``index``: created once, with its members, content and
    translations; an existing one is returned as it is."""
    page = CommunityPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
    if page is not None:
        return page
    page = CommunityPage(
        title=spec["title"],
        slug=spec["slug"],
        introduction=spec["intro"],
        description=spec["description"],
        overview=spec.get("overview", ""),
        purpose=spec.get("purpose", ""),
        engagement_strategy=spec.get("strategy", ""),
        eligibility=spec.get("eligibility", ""),
        privacy=spec["privacy"],
        archived=spec.get("archived", False),
        timeline=[
            ("activity", {"period": p, "activity": a, "kind": ""})
            for p, a in spec.get("timeline", [])
        ],
    )
    organisations = Organisation.objects.filter(locale=index.locale)
    page.sponsor_organisations = list(organisations.filter(slug__in=spec.get("sponsors", [])))
    page.partner_organisations = list(organisations.filter(slug__in=spec.get("partners", [])))
    index.add_child(instance=page)
    page.themes.set(Theme.objects.filter(locale=index.locale, slug__in=spec["themes"]))
    page.regions.set(Region.objects.filter(locale=index.locale, slug__in=spec["regions"]))
    page.save_revision().publish()
    page = CommunityPage.objects.get(pk=page.pk)
    load_members(page, spec, people)
    load_content(page, spec, people)
    for index_, code in enumerate(("es", "fr")):
        strings = {spec["title"]: spec[code]}
        strings.update({source: texts[index_] for source, texts in TEXTS.items()})
        if spec["intro"] in INTRODUCTIONS:
            strings[spec["intro"]] = INTRODUCTIONS[spec["intro"]][index_]
        translate_instance(page, code, strings)
    return CommunityPage.objects.get(pk=page.pk)


def load_members(page, spec, people):
    """The community's administrators, members, a pending applicant (semi-private ones) and
    its working group, as ``spec`` says."""

    def add(user, role="member", status="active", message=""):
        Membership.objects.get_or_create(
            community=page,
            user=user,
            defaults={"role": role, "status": status, "message": message},
        )

    invitation_only = spec["privacy"] in ("private", "hidden")
    add(
        people["admin"]
        if spec["slug"] != "social-registries-integrated-mis"
        else people["coadmin"],
        role="admin",
    )
    if spec["slug"] in ("ssc-for-children", "social-protection-mena"):
        add(people["coadmin"], role="admin")
    if spec["slug"] != "social-registries-integrated-mis" or not invitation_only:
        add(people["member"])
    add(people["member2"])
    if not invitation_only:
        add(people["member3"])
    for key in CONTENT[spec["slug"]].get("members", ()):
        add(people[key])
    if spec["privacy"] == "semi-private":
        add(
            people["applicant"],
            status="pending",
            message="I work on cash transfers in Jordan and would like to join.",
        )
    if spec.get("group"):
        group = WorkingGroup.objects.create(
            community=page,
            locale=page.locale,
            name=spec["group"],
            description="Experts who review papers and answer members' questions.",
        )
        for user in (people["admin"], people["member"]):
            WorkingGroupMembership.objects.get_or_create(group=group, user=user)


def paragraphs(text):
    """The HTML of a text whose paragraphs are separated by blank lines."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"<p>{part}</p>" for part in text.split("\n\n"))


def load_content(page, spec, people):
    """The community's own announcements, discussions, event, file and resource pages."""
    data = CONTENT[spec["slug"]]
    now = timezone.now() - timedelta(days=500 if spec.get("archived") else 0)
    for item in data["announcements"]:
        Announcement.objects.create(
            community=page,
            author=people[item["by"]],
            created_at=now - timedelta(days=item["days"]),
            title=item["title"],
            body=paragraphs(item["text"]),
        )
    group = WorkingGroup.objects.filter(community=page).first()
    for item in data["threads"]:
        load_thread(page, None, item, people, now)
    for item in data.get("group_threads", ()):
        load_thread(page, group, item, people, now)
    load_event(page, spec, data["event"], people, now)
    load_file(page, data["file"], people, now)
    for resource in data["pages"]:
        resource = CommunityResourcePage(
            title=resource["title"],
            topic=resource["topic"],
            introduction=resource["intro"],
            body=[("paragraph", paragraphs(resource["text"]))],
        )
        page.add_child(instance=resource)
        resource.save_revision().publish()
    if spec.get("archived"):
        old = datetime(2024, 1, 15, tzinfo=UTC)
        CommunityPage.objects.filter(translation_key=page.translation_key).update(
            last_activity_at=old
        )


def load_event(page, spec, event, people, now):
    """The community's online event, at a round hour in its organiser's time zone."""
    day = (now + timedelta(days=event["days"])).astimezone(ZoneInfo(event["time_zone"]))
    start = day.replace(hour=event["hour"], minute=0, second=0, microsecond=0)
    CommunityEvent.objects.create(
        community=page,
        author=people[event["by"]],
        created_at=min(now, start) - timedelta(days=7),
        title=event["title"],
        description=event["text"],
        start=start,
        end=start + timedelta(hours=1, minutes=30),
        time_zone=event["time_zone"],
        online=True,
        online_url=f"https://meet.example.org/{spec['slug']}",
    )


def load_file(page, spec_file, people, now):
    """The community's members-only working document (a short text file)."""
    content = spec_file["text"].encode()
    item = CommunityFile(
        community=page,
        author=people[spec_file["by"]],
        created_at=now - timedelta(days=12),
        title=spec_file["title"],
        category=spec_file["category"],
        description=spec_file["about"],
        original_name=spec_file["name"],
        content_type="text/plain",
        size=len(content),
    )
    item.file.save(spec_file["name"], ContentFile(content), save=False)
    item.save()


def load_thread(page, group, item, people, now):
    """A discussion with its comments, five hours apart; ``reply_to`` makes a reply."""
    start = now - timedelta(days=item["days"])
    comments = item.get("comments", [])
    thread = Thread.objects.create(
        community=page,
        working_group=group,
        author=people[item["by"]],
        created_at=start,
        last_activity_at=start + timedelta(hours=5 * len(comments)),
        title=item["title"],
        body=paragraphs(item["text"]),
        comment_count=len(comments),
    )
    created = []
    for position, comment in enumerate(comments, start=1):
        parent = created[comment["reply_to"]] if "reply_to" in comment else None
        created.append(
            Comment.objects.create(
                thread=thread,
                parent=parent,
                author=people[comment["by"]],
                created_at=start + timedelta(hours=5 * position),
                body=paragraphs(comment["text"]),
            )
        )


# Reports of posts to the administrators (reporter, reason, and for one already dealt with,
# the administrator's decision and comment): the Moderation screen and the Manage page show
# what waits, and what was decided.
REPORTS = [
    ("member", "This reply advertises a paid training course; it is not part of the discussion."),
    ("member2", "El comentario repite el mismo enlace tres veces; parece publicidad."),
    (
        "member3",
        "Le ton de ce commentaire est blessant envers l'équipe du bureau de pays.",
        "Le ton est vif mais le propos reste respectueux : nous gardons le message.",
    ),
]


def load_reports(page, people):
    """Reports of the community's discussion comments by members who did not write them
    (once): two waiting, one dealt with."""
    if Report.objects.filter(community=page).exists():
        return
    comments = list(
        Comment.objects.filter(thread__community=page, thread__working_group=None)
        .select_related("thread")
        .order_by("pk")
    )
    now = timezone.now()
    for days, (reporter, reason, *decided) in enumerate(REPORTS, start=1):
        user = people[reporter]
        comment = next((c for c in comments if c.author_id != user.pk), None)
        if comment is None:
            continue
        comments.remove(comment)
        Report.objects.create(
            community=page,
            thread=comment.thread,
            comment=comment,
            reporter=user,
            reason=reason,
            created_at=now - timedelta(days=days * 3),
            **(
                {
                    "status": Report.Status.CLOSED,
                    "closed_at": now - timedelta(days=days),
                    "closed_by": people["admin"],
                    "decision": Report.Decision.KEPT,
                    "closing_comment": decided[0],
                }
                if decided
                else {}
            ),
        )


def demo_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), small enough to build by hand."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def load_attachment(page, spec, people):
    """A PDF attached to the first comment of the community's first discussion (once)."""
    comment = (
        Comment.objects.filter(thread__community=page, thread__working_group=None, parent=None)
        .select_related("thread")
        .order_by("pk")
        .first()
    )
    if comment is None or Attachment.objects.filter(thread=comment.thread).exists():
        return
    name, text = CONTENT[spec["slug"]]["attachment"]
    content = demo_pdf(text)
    item = Attachment(
        thread=comment.thread,
        comment=comment,
        uploaded_by=comment.author,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
    )
    item.file.save(name, ContentFile(content), save=False)
    item.save()
