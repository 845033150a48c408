"""Demo organisations directory: a profile page for each organisation of the demo taxonomy
(``library.demo.ORGANISATIONS``), written in English and translated into Spanish and French.

Each entry: the taxonomy row's slug, its kind, the ISO code of the country it is based in
(empty for an international body), its website, then the introduction and description in
English, Spanish and French.
"""

from wagtail_localize.strings import StringValue

from portal.demo_utils import translate_instance
from portal.models import Country, HomePage
from portal.slugs import slug_for

from .models import Organisation, OrganisationIndexPage, OrganisationPage

INDEX = {
    "en": (
        "Organisations",
        "Governments, UN agencies, development banks, research centres and networks working "
        "on social protection, with what each has published, runs or takes part in.",
    ),
    "es": (
        "Organizaciones",
        "Gobiernos, agencias de la ONU, bancos de desarrollo, centros de investigación y "
        "redes que trabajan en protección social, con lo que cada una publica, dirige o apoya.",
    ),
    "fr": (
        "Organisations",
        "Gouvernements, agences des Nations unies, banques de développement, centres de "
        "recherche et réseaux actifs dans la protection sociale, avec ce que chacun publie, "
        "conduit ou soutient.",
    ),
}

PROFILES = [
    {
        "slug": "ipc-ig",
        "kind": "research",
        "country": "BR",
        "website": "https://ipcig.org",
        "en": (
            "A UNDP global centre in Brasília for South–South learning on social policy.",
            "The International Policy Centre for Inclusive Growth produces research on social "
            "protection, runs training and hosts online communities where practitioners of "
            "the Global South exchange experience. It is a partnership between the United "
            "Nations Development Programme and the Government of Brazil.",
        ),
        "es": (
            "Un centro global del PNUD en Brasilia para el aprendizaje Sur-Sur en política social.",
            "El Centro Internacional de Políticas para el Crecimiento Inclusivo investiga "
            "sobre protección social, ofrece formación y acoge comunidades en línea donde "
            "profesionales del Sur Global comparten experiencias. Es una alianza entre el "
            "Programa de las Naciones Unidas para el Desarrollo y el Gobierno de Brasil.",
        ),
        "fr": (
            "Un centre mondial du PNUD à Brasília pour l'apprentissage Sud-Sud en politique "
            "sociale.",
            "Le Centre international de politiques pour la croissance inclusive mène des "
            "recherches sur la protection sociale, organise des formations et anime des "
            "communautés en ligne où les praticiens des pays du Sud échangent leurs "
            "expériences. C'est un partenariat entre le PNUD et le Gouvernement du Brésil.",
        ),
    },
    {
        "slug": "giz",
        "kind": "donor",
        "country": "DE",
        "website": "https://www.giz.de",
        "en": (
            "Germany's development agency, with a global programme on social protection.",
            "GIZ works for the German Government in more than 120 countries. Its sector "
            "programme on social protection advises governments on building social registries, "
            "health coverage and shock-responsive systems.",
        ),
        "es": (
            "La agencia alemana de cooperación, con un programa global de protección social.",
            "La GIZ trabaja para el Gobierno alemán en más de 120 países. Su programa "
            "sectorial de protección social asesora a los gobiernos en registros sociales, "
            "cobertura de salud y sistemas que responden a las crisis.",
        ),
        "fr": (
            "L'agence allemande de coopération, avec un programme mondial de protection sociale.",
            "La GIZ travaille pour le Gouvernement allemand dans plus de 120 pays. Son "
            "programme sectoriel de protection sociale conseille les gouvernements sur les "
            "registres sociaux, la couverture santé et les systèmes réactifs aux chocs.",
        ),
    },
    {
        "slug": "dfat",
        "kind": "government",
        "country": "AU",
        "website": "https://www.dfat.gov.au",
        "en": (
            "Australia's foreign ministry, a funder of social protection in Asia and the Pacific.",
            "The Australian Department of Foreign Affairs and Trade funds research and "
            "technical assistance on social protection, including the portal's knowledge "
            "sharing work in Asia and the Pacific.",
        ),
        "es": (
            "El ministerio de Exteriores de Australia, financiador de la protección social en "
            "Asia y el Pacífico.",
            "El Departamento de Asuntos Exteriores y Comercio de Australia financia "
            "investigación y asistencia técnica en protección social, incluido el trabajo "
            "del portal para compartir conocimientos en Asia y el Pacífico.",
        ),
        "fr": (
            "Le ministère australien des Affaires étrangères, bailleur de la protection "
            "sociale en Asie-Pacifique.",
            "Le ministère australien des Affaires étrangères et du Commerce finance la "
            "recherche et l'assistance technique en protection sociale, dont le partage de "
            "connaissances du portail en Asie et dans le Pacifique.",
        ),
    },
    {
        "slug": "unicef",
        "kind": "un_agency",
        "country": "",
        "website": "https://www.unicef.org",
        "en": (
            "The UN agency for children, a leading voice on child-sensitive social protection.",
            "UNICEF supports governments in more than 190 countries and territories to design "
            "child grants, expand cash transfers to families and make social protection "
            "systems reach every child.",
        ),
        "es": (
            "La agencia de la ONU para la infancia, referente en protección social sensible a "
            "la niñez.",
            "UNICEF apoya a los gobiernos de más de 190 países y territorios para diseñar "
            "asignaciones por hijo, ampliar las transferencias a las familias y lograr que la "
            "protección social llegue a cada niño y niña.",
        ),
        "fr": (
            "L'agence des Nations unies pour l'enfance, une voix majeure de la protection "
            "sociale sensible aux enfants.",
            "L'UNICEF aide les gouvernements de plus de 190 pays et territoires à concevoir des "
            "allocations pour enfants, à étendre les transferts aux familles et à faire en "
            "sorte que la protection sociale atteigne chaque enfant.",
        ),
    },
    {
        "slug": "un-women",
        "kind": "un_agency",
        "country": "",
        "website": "https://www.unwomen.org",
        "en": (
            "The UN entity for gender equality and the empowerment of women.",
            "UN Women works with governments on gender-responsive social protection: care "
            "services, maternity benefits and cash transfers designed with women's economic "
            "security in mind.",
        ),
        "es": (
            "La entidad de la ONU para la igualdad de género y el empoderamiento de las mujeres.",
            "ONU Mujeres trabaja con los gobiernos en una protección social con perspectiva de "
            "género: servicios de cuidado, prestaciones por maternidad y transferencias "
            "pensadas para la seguridad económica de las mujeres.",
        ),
        "fr": (
            "L'entité des Nations unies pour l'égalité des sexes et l'autonomisation des femmes.",
            "ONU Femmes travaille avec les gouvernements à une protection sociale sensible au "
            "genre : services de garde, prestations de maternité et transferts conçus pour la "
            "sécurité économique des femmes.",
        ),
    },
    {
        "slug": "world-bank",
        "kind": "development_bank",
        "country": "",
        "website": "https://www.worldbank.org",
        "en": (
            "The largest funder of social safety nets in low- and middle-income countries.",
            "The World Bank lends to and advises governments on safety nets, social registries, "
            "delivery systems and adaptive social protection, and publishes the ASPIRE "
            "database of programme coverage.",
        ),
        "es": (
            "El mayor financiador de redes de protección social en países de ingreso bajo y "
            "mediano.",
            "El Banco Mundial presta a los gobiernos y los asesora en redes de protección, "
            "registros sociales, sistemas de entrega y protección social adaptativa, y publica "
            "la base de datos ASPIRE sobre cobertura de programas.",
        ),
        "fr": (
            "Le premier bailleur des filets sociaux dans les pays à revenu faible et "
            "intermédiaire.",
            "La Banque mondiale finance et conseille les gouvernements sur les filets sociaux, "
            "les registres sociaux, les systèmes de mise en œuvre et la protection sociale "
            "adaptative ; elle publie la base de données ASPIRE sur la couverture des "
            "programmes.",
        ),
    },
    {
        "slug": "fao",
        "kind": "un_agency",
        "country": "IT",
        "website": "https://www.fao.org",
        "en": (
            "The UN agency against hunger, working on social protection for rural families.",
            "Based in Rome, FAO links social protection with agriculture and food security: "
            "cash transfers for smallholders, school feeding with local produce and coverage "
            "for fishers and forest workers.",
        ),
        "es": (
            "La agencia de la ONU contra el hambre, que trabaja en protección social para las "
            "familias rurales.",
            "Con sede en Roma, la FAO vincula la protección social con la agricultura y la "
            "seguridad alimentaria: transferencias para pequeños productores, alimentación "
            "escolar con productos locales y cobertura para pescadores y trabajadores "
            "forestales.",
        ),
        "fr": (
            "L'agence des Nations unies contre la faim, engagée pour la protection sociale des "
            "familles rurales.",
            "Basée à Rome, la FAO relie protection sociale, agriculture et sécurité "
            "alimentaire : transferts aux petits exploitants, cantines scolaires approvisionnées "
            "localement et couverture des pêcheurs et des travailleurs forestiers.",
        ),
    },
    {
        "slug": "ilo",
        "kind": "un_agency",
        "country": "CH",
        "website": "https://www.ilo.org",
        "en": (
            "The UN agency for the world of work and the guardian of social security standards.",
            "From Geneva, the International Labour Organization sets the standards of social "
            "security, including Recommendation No. 202 on social protection floors, and "
            "publishes the World Social Protection Report.",
        ),
        "es": (
            "La agencia de la ONU para el mundo del trabajo y guardiana de las normas de "
            "seguridad social.",
            "Desde Ginebra, la Organización Internacional del Trabajo fija las normas de "
            "seguridad social, entre ellas la Recomendación núm. 202 sobre los pisos de "
            "protección social, y publica el Informe Mundial sobre la Protección Social.",
        ),
        "fr": (
            "L'agence des Nations unies pour le monde du travail, gardienne des normes de "
            "sécurité sociale.",
            "Depuis Genève, l'Organisation internationale du Travail fixe les normes de "
            "sécurité sociale, dont la Recommandation n° 202 sur les socles de protection "
            "sociale, et publie le Rapport mondial sur la protection sociale.",
        ),
    },
    {
        "slug": "undp",
        "kind": "un_agency",
        "country": "",
        "website": "https://www.undp.org",
        "en": (
            "The UN's development network, present in some 170 countries and territories.",
            "UNDP helps countries reduce poverty and inequality, including through social "
            "protection policy, and co-founded the International Policy Centre for Inclusive "
            "Growth with Brazil.",
        ),
        "es": (
            "La red de desarrollo de la ONU, presente en unos 170 países y territorios.",
            "El PNUD ayuda a los países a reducir la pobreza y la desigualdad, también con "
            "políticas de protección social, y fundó con Brasil el Centro Internacional de "
            "Políticas para el Crecimiento Inclusivo.",
        ),
        "fr": (
            "Le réseau de développement des Nations unies, présent dans quelque 170 pays et "
            "territoires.",
            "Le PNUD aide les pays à réduire la pauvreté et les inégalités, notamment par les "
            "politiques de protection sociale, et a fondé avec le Brésil le Centre "
            "international de politiques pour la croissance inclusive.",
        ),
    },
    {
        "slug": "wfp",
        "kind": "un_agency",
        "country": "IT",
        "website": "https://www.wfp.org",
        "en": (
            "The UN's food assistance agency and a partner of national school feeding.",
            "The World Food Programme supports governments with school meals, cash-based "
            "transfers and social protection that can scale up when droughts, floods or "
            "conflicts strike.",
        ),
        "es": (
            "La agencia de asistencia alimentaria de la ONU, aliada de la alimentación escolar "
            "nacional.",
            "El Programa Mundial de Alimentos apoya a los gobiernos con comidas escolares, "
            "transferencias en efectivo y una protección social capaz de ampliarse ante "
            "sequías, inundaciones o conflictos.",
        ),
        "fr": (
            "L'agence d'aide alimentaire des Nations unies, partenaire des cantines scolaires "
            "nationales.",
            "Le Programme alimentaire mondial appuie les gouvernements avec des repas scolaires, "
            "des transferts monétaires et une protection sociale capable de s'étendre face aux "
            "sécheresses, aux inondations ou aux conflits.",
        ),
    },
    {
        "slug": "ifpri",
        "kind": "research",
        "country": "US",
        "website": "https://www.ifpri.org",
        "en": (
            "A research centre on food policy that evaluates many safety net programmes.",
            "Based in Washington, IFPRI has evaluated cash transfer and public works "
            "programmes such as PROGRESA in Mexico and the Productive Safety Net Programme in "
            "Ethiopia.",
        ),
        "es": (
            "Un centro de investigación en políticas alimentarias que evalúa numerosos "
            "programas de protección.",
            "Con sede en Washington, el IFPRI ha evaluado programas de transferencias y de "
            "obras públicas como PROGRESA en México y el Programa de Red de Protección "
            "Productiva de Etiopía.",
        ),
        "fr": (
            "Un centre de recherche sur les politiques alimentaires qui évalue de nombreux "
            "filets sociaux.",
            "Basé à Washington, l'IFPRI a évalué des programmes de transferts et de travaux "
            "publics comme PROGRESA au Mexique et le Programme de filets sociaux productifs "
            "en Éthiopie.",
        ),
    },
    {
        "slug": "transfer-project",
        "kind": "network",
        "country": "US",
        "website": "https://transfer.cpc.unc.edu",
        "en": (
            "A research network on the impact of government cash transfers in Africa.",
            "The Transfer Project, based at the University of North Carolina, brings together "
            "governments, UNICEF, FAO and researchers to evaluate national cash transfer "
            "programmes in sub-Saharan Africa.",
        ),
        "es": (
            "Una red de investigación sobre el impacto de las transferencias públicas en África.",
            "The Transfer Project, con sede en la Universidad de Carolina del Norte, reúne a "
            "gobiernos, UNICEF, la FAO e investigadores para evaluar los programas nacionales "
            "de transferencias en África subsahariana.",
        ),
        "fr": (
            "Un réseau de recherche sur l'impact des transferts monétaires publics en Afrique.",
            "The Transfer Project, basé à l'Université de Caroline du Nord, réunit "
            "gouvernements, UNICEF, FAO et chercheurs pour évaluer les programmes nationaux de "
            "transferts monétaires en Afrique subsaharienne.",
        ),
    },
    {
        "slug": "idb",
        "kind": "development_bank",
        "country": "US",
        "website": "https://www.iadb.org",
        "en": (
            "The main source of development finance for Latin America and the Caribbean.",
            "The Inter-American Development Bank finances and studies conditional cash "
            "transfers, pensions and early childhood programmes across the region.",
        ),
        "es": (
            "La principal fuente de financiamiento para el desarrollo de América Latina y el "
            "Caribe.",
            "El Banco Interamericano de Desarrollo financia y estudia las transferencias "
            "condicionadas, las pensiones y los programas de primera infancia de la región.",
        ),
        "fr": (
            "La principale source de financement du développement en Amérique latine et dans "
            "les Caraïbes.",
            "La Banque interaméricaine de développement finance et étudie les transferts "
            "conditionnels, les pensions et les programmes de petite enfance de la région.",
        ),
    },
]


def _segment(text):
    """A plain-text field as wagtail-localize lists it among a page's segments."""
    return StringValue.from_plaintext(text).data


def load(locales):
    """The directory under each home page and one profile per demo organisation, in the
    three languages; returns how many pages or translations it made (0 on a second run)."""
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return 0
    made = 0
    title, introduction = INDEX["en"]
    index = OrganisationIndexPage.objects.filter(locale=locales["en"]).first()
    if index is None:
        index = OrganisationIndexPage(title=title, slug="organisations", introduction=introduction)
        home.add_child(instance=index)
        index.save_revision().publish()
        made += 1
    for code in ("es", "fr"):
        if not index.has_translation(locales[code]):
            translated_title, translated_introduction = INDEX[code]
            translate_instance(
                index,
                code,
                {
                    _segment(title): _segment(translated_title),
                    _segment(index.slug): slug_for(translated_title, index.slug),
                    _segment(introduction): _segment(translated_introduction),
                },
            )
            made += 1
    for data in PROFILES:
        made += _profile(index, data, locales)
    return made


def _profile(index, data, locales):
    en = locales["en"]
    organisation = Organisation.objects.filter(locale=en, slug=data["slug"]).first()
    if organisation is None:
        return 0
    made = 0
    if not organisation.website:
        organisation.website = data["website"]
        organisation.save(update_fields=["website"])
    page = OrganisationPage.objects.filter(organisation=organisation, locale=en).first()
    introduction, description = data["en"]
    if page is None:
        page = OrganisationPage(
            title=organisation.name,
            slug=organisation.slug,
            organisation=organisation,
            kind=data["kind"],
            country=Country.objects.filter(locale=en, iso_code=data["country"]).first(),
            introduction=introduction,
            description=description,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    for code in ("es", "fr"):
        if page.has_translation(locales[code]):
            continue
        name = organisation.get_translation(locales[code]).name
        translated_introduction, translated_description = data[code]
        translate_instance(
            page,
            code,
            {
                _segment(page.title): _segment(name),
                _segment(page.slug): page.slug,
                _segment(introduction): _segment(translated_introduction),
                _segment(description): _segment(translated_description),
            },
        )
        made += 1
    return made
