"""The demo news articles: nine stories, three first written in each language, each with its
Spanish, French or English version as a translator would write it.

The facts (figures of the platform's first years, the community of practice on South-South
cooperation for children, the programmes named) come from the documents the product was
conceived from (../shared/seeds) and from the programmes' public record; the sentences are
our own.
"""

import datetime

# Each article: the language it was written in, its date, author, terms (slugs and ISO codes
# of the source-language rows) and its text in every language: (title, summary, body).
ARTICLES = [
    {
        "locale": "en",
        "date": datetime.date(2017, 1, 16),
        "author": "socialprotection.org",
        "themes": ["south-south", "systems"],
        "regions": [],
        "countries": [],
        "text": {
            "en": (
                "socialprotection.org closes 2016 with 1,550 members",
                "The knowledge-sharing platform grew eightfold in visits during its second "
                "year and now holds more than two thousand publications.",
                "Monthly visits rose from about ten thousand in December 2015 to nearly 85,000 "
                "a year later, with most readers coming from Europe, Latin America and Africa. "
                "Over the year the team organised 21 webinars with 13 partner institutions, "
                "which drew almost four thousand registrations.",
            ),
            "es": (
                "socialprotection.org cierra 2016 con 1.550 miembros",
                "La plataforma para compartir conocimiento multiplicó por ocho sus visitas en "
                "su segundo año y ya reúne más de dos mil publicaciones.",
                "Las visitas mensuales pasaron de unas diez mil en diciembre de 2015 a casi "
                "85.000 un año después; la mayoría de los lectores llega desde Europa, América "
                "Latina y África. Durante el año, el equipo organizó 21 seminarios web con 13 "
                "instituciones asociadas, que sumaron casi cuatro mil inscripciones.",
            ),
            "fr": (
                "socialprotection.org termine 2016 avec 1 550 membres",
                "La plateforme de partage de connaissances a multiplié ses visites par huit "
                "au cours de sa deuxième année et compte désormais plus de deux mille "
                "publications.",
                "Les visites mensuelles sont passées d'environ dix mille en décembre 2015 à "
                "près de 85 000 un an plus tard, venues surtout d'Europe, d'Amérique latine "
                "et d'Afrique. Dans l'année, l'équipe a organisé 21 webinaires avec 13 "
                "institutions partenaires, pour près de quatre mille inscriptions.",
            ),
        },
    },
    {
        "locale": "en",
        "date": datetime.date(2021, 8, 10),
        "author": "CoP-SSC4C",
        "themes": ["children", "health", "south-south"],
        "regions": [],
        "countries": [],
        "text": {
            "en": (
                "Child and adolescent mental health webinar reaches 57 countries",
                "The community of practice on South-South cooperation for children held its "
                "tenth webinar since its launch, on mental health during the pandemic.",
                "UNICEF and IPC-IG started the community in 2018 to connect practitioners "
                "working for children across the global South. Since 2020 its webinars have "
                "looked at how countries kept health and social services running through "
                "COVID-19, and the July session gathered participants from 57 countries.",
            ),
            "es": (
                "El seminario web sobre salud mental infantil y adolescente llega a 57 países",
                "La comunidad de práctica sobre cooperación Sur-Sur para la infancia celebró "
                "su décimo seminario web desde su creación, dedicado a la salud mental "
                "durante la pandemia.",
                "UNICEF y el IPC-IG crearon la comunidad en 2018 para conectar a quienes "
                "trabajan por la infancia en el Sur global. Desde 2020, sus seminarios web "
                "analizan cómo los países mantuvieron los servicios sociales y de salud "
                "durante la COVID-19; la sesión de julio reunió a participantes de 57 países.",
            ),
            "fr": (
                "Le webinaire sur la santé mentale des enfants et des adolescents touche 57 pays",
                "La communauté de pratique sur la coopération Sud-Sud pour l'enfance a tenu "
                "son dixième webinaire depuis son lancement, consacré à la santé mentale "
                "pendant la pandémie.",
                "L'UNICEF et l'IPC-IG ont lancé la communauté en 2018 pour relier les "
                "praticiens qui travaillent pour l'enfance dans les pays du Sud. Depuis 2020, "
                "ses webinaires examinent comment les pays ont maintenu leurs services "
                "sociaux et de santé face à la COVID-19 ; la séance de juillet a réuni des "
                "participants de 57 pays.",
            ),
        },
    },
    {
        "locale": "en",
        "date": datetime.date(2025, 2, 3),
        "author": "Marta Oliveira",
        "themes": ["public-works", "shock-responsive"],
        "regions": ["sub-saharan-africa"],
        "countries": ["ET"],
        "text": {
            "en": (
                "Twenty years of Ethiopia's Productive Safety Net Programme",
                "Launched in 2005, the PSNP pairs seasonal public works with direct support "
                "for households that cannot work.",
                "The programme replaced emergency food appeals with predictable transfers, so "
                "that families no longer sell their assets in a bad year. Its public works "
                "build terraces, roads and water points, and its design has informed safety "
                "nets across the Horn of Africa.",
            ),
            "es": (
                "Veinte años del Programa de Red de Seguridad Productiva de Etiopía",
                "Creado en 2005, el PSNP combina obras públicas estacionales con apoyo "
                "directo a los hogares que no pueden trabajar.",
                "El programa sustituyó los llamamientos de ayuda alimentaria de emergencia "
                "por transferencias previsibles, para que las familias no tengan que vender "
                "sus bienes en un mal año. Sus obras públicas construyen terrazas, caminos y "
                "puntos de agua, y su diseño ha inspirado redes de seguridad en todo el "
                "Cuerno de África.",
            ),
            "fr": (
                "Vingt ans du Programme de filets sociaux productifs de l'Éthiopie",
                "Lancé en 2005, le PSNP associe des travaux publics saisonniers à un soutien "
                "direct aux ménages qui ne peuvent pas travailler.",
                "Le programme a remplacé les appels d'aide alimentaire d'urgence par des "
                "transferts prévisibles : les familles n'ont plus à vendre leurs biens lors "
                "d'une mauvaise année. Ses chantiers aménagent des terrasses, des routes et "
                "des points d'eau, et sa conception a inspiré des filets sociaux dans toute "
                "la Corne de l'Afrique.",
            ),
        },
    },
    {
        "locale": "es",
        "date": datetime.date(2023, 10, 20),
        "author": "Lucía Fernández",
        "themes": ["conditional-cash-transfers", "gender"],
        "regions": ["latin-america-caribbean"],
        "countries": ["BR"],
        "text": {
            "es": (
                "Bolsa Família cumple veinte años",
                "El programa brasileño de transferencias condicionadas, creado en 2003, "
                "sigue siendo una referencia para la región.",
                "Bolsa Família entrega un ingreso mensual a las familias pobres a cambio de "
                "que los niños asistan a la escuela y a los controles de salud. Los estudios "
                "recogidos por ONU Mujeres señalan además que mejoró el acceso de las mujeres "
                "al crédito y su regreso a los estudios.",
            ),
            "en": (
                "Bolsa Família turns twenty",
                "Brazil's conditional cash transfer programme, created in 2003, remains a "
                "reference for the region.",
                "Bolsa Família pays poor families a monthly income on condition that children "
                "attend school and health check-ups. Studies gathered by UN Women also find "
                "that it improved women's access to credit and their return to education.",
            ),
            "fr": (
                "Bolsa Família a vingt ans",
                "Le programme brésilien de transferts monétaires conditionnels, créé en 2003, "
                "reste une référence pour la région.",
                "Bolsa Família verse un revenu mensuel aux familles pauvres, à condition que "
                "les enfants aillent à l'école et aux visites de santé. Les études réunies "
                "par ONU Femmes montrent aussi qu'il a amélioré l'accès des femmes au crédit "
                "et leur retour aux études.",
            ),
        },
    },
    {
        "locale": "es",
        "date": datetime.date(2024, 5, 6),
        "author": "Lucía Fernández",
        "themes": ["social-pensions"],
        "regions": ["latin-america-caribbean"],
        "countries": ["BO"],
        "text": {
            "es": (
                "Renta Dignidad: una pensión para todas las personas mayores de Bolivia",
                "Desde 2008, la pensión no contributiva llega a toda persona de 60 años o "
                "más, haya cotizado o no.",
                "Renta Dignidad se financia en gran parte con los ingresos de los "
                "hidrocarburos y se paga también a quienes reciben una jubilación, con un "
                "monto menor. Es una de las pocas pensiones universales de América Latina y "
                "un ejemplo citado a menudo en los debates sobre la vejez en la región.",
            ),
            "en": (
                "Renta Dignidad: a pension for every older person in Bolivia",
                "Since 2008 the non-contributory pension has reached everyone aged 60 or "
                "over, whether or not they paid contributions.",
                "Renta Dignidad is largely funded from hydrocarbon revenue and is also paid, "
                "at a lower rate, to people who draw a retirement pension. It is one of Latin "
                "America's few universal pensions and an example often cited in the region's "
                "debates on old age.",
            ),
            "fr": (
                "Renta Dignidad : une pension pour toutes les personnes âgées de Bolivie",
                "Depuis 2008, la pension non contributive est versée à toute personne de 60 "
                "ans ou plus, qu'elle ait cotisé ou non.",
                "Renta Dignidad est financée en grande partie par les recettes des "
                "hydrocarbures et versée aussi, à un taux moindre, aux retraités. C'est "
                "l'une des rares pensions universelles d'Amérique latine, souvent citée dans "
                "les débats régionaux sur la vieillesse.",
            ),
        },
    },
    {
        "locale": "es",
        "date": datetime.date(2019, 9, 2),
        "author": "Lucía Fernández",
        "themes": ["conditional-cash-transfers", "children"],
        "regions": ["latin-america-caribbean"],
        "countries": ["MX"],
        "text": {
            "es": (
                "De Progresa a Prospera: lo que dejan dos décadas de transferencias en México",
                "El programa que inspiró a medio mundo cambió de nombre en 2014 y da paso "
                "ahora a las becas escolares.",
                "Nacido como Progresa en 1997 y rebautizado después como Oportunidades y "
                "Prospera, el programa fue de los primeros en evaluar su impacto con rigor. "
                "Sus evaluaciones mostraron avances en la asistencia escolar y la salud "
                "infantil, y su modelo se replicó en toda América Latina.",
            ),
            "en": (
                "From Progresa to Prospera: two decades of cash transfers in Mexico",
                "The programme that inspired half the world was renamed in 2014 and now "
                "gives way to school grants.",
                "Born as Progresa in 1997, then renamed Oportunidades and Prospera, the "
                "programme was among the first to evaluate its impact rigorously. Its "
                "evaluations showed gains in school attendance and child health, and its "
                "model was copied across Latin America.",
            ),
            "fr": (
                "De Progresa à Prospera : deux décennies de transferts au Mexique",
                "Le programme qui a inspiré la moitié du monde, rebaptisé en 2014, cède la "
                "place aux bourses scolaires.",
                "Né sous le nom de Progresa en 1997, devenu ensuite Oportunidades puis "
                "Prospera, le programme a été l'un des premiers à évaluer rigoureusement son "
                "impact. Ses évaluations ont montré des progrès de la scolarisation et de la "
                "santé des enfants, et son modèle a été repris dans toute l'Amérique latine.",
            ),
        },
    },
    {
        "locale": "fr",
        "date": datetime.date(2023, 4, 3),
        "author": "Claire Dubois",
        "themes": ["cash-transfers", "children", "gender"],
        "regions": ["sub-saharan-africa"],
        "countries": ["ZA"],
        "text": {
            "fr": (
                "Afrique du Sud : le Child Support Grant, 25 ans après",
                "Versée depuis 1998 à la personne qui s'occupe de l'enfant, l'allocation est "
                "devenue le plus vaste transfert social du pays.",
                "Le Child Support Grant est versé chaque mois, le plus souvent aux mères, "
                "sous condition de ressources. Les études citées par ONU Femmes indiquent "
                "qu'il a facilité l'accès des femmes à un emploi rémunéré, en plus de ses "
                "effets sur la nutrition et la scolarité des enfants.",
            ),
            "en": (
                "South Africa: the Child Support Grant, 25 years on",
                "Paid since 1998 to a child's primary caregiver, the grant has become the "
                "country's largest social transfer.",
                "The Child Support Grant is paid every month, most often to mothers, subject "
                "to a means test. Studies cited by UN Women find that it eased women's access "
                "to paid work, on top of its effects on children's nutrition and schooling.",
            ),
            "es": (
                "Sudáfrica: el Child Support Grant, 25 años después",
                "Pagada desde 1998 a la persona que cuida del niño, la prestación se ha "
                "convertido en la mayor transferencia social del país.",
                "El Child Support Grant se paga cada mes, casi siempre a las madres, previa "
                "comprobación de ingresos. Los estudios citados por ONU Mujeres indican que "
                "facilitó el acceso de las mujeres al empleo remunerado, además de sus "
                "efectos en la nutrición y la escolaridad infantil.",
            ),
        },
    },
    {
        "locale": "fr",
        "date": datetime.date(2017, 3, 20),
        "author": "socialprotection.org",
        "themes": ["south-south"],
        "regions": [],
        "countries": [],
        "text": {
            "fr": (
                "La plateforme parle espagnol, et bientôt français",
                "Après sa version espagnole, socialprotection.org prépare une version "
                "française pour mieux toucher l'Afrique francophone.",
                "Les décideurs qui ne lisent pas l'anglais hésitent à participer : c'est ce "
                "qu'a montré la première année de la plateforme. L'équipe accompagne "
                "désormais chaque nouveau membre dans son inscription et traduit les guides "
                "essentiels, en commençant par l'espagnol puis le français.",
            ),
            "en": (
                "The platform speaks Spanish, and French is next",
                "After its Spanish version, socialprotection.org is preparing a French one "
                "to reach French-speaking Africa.",
                "Policymakers who do not read English are slow to take part: the platform's "
                "first year made that plain. The team now helps each new member to register "
                "and is translating the essential guides, Spanish first, then French.",
            ),
            "es": (
                "La plataforma habla español, y pronto francés",
                "Tras su versión en español, socialprotection.org prepara una en francés "
                "para llegar mejor al África francófona.",
                "Quienes toman decisiones y no leen inglés dudan en participar: así lo "
                "mostró el primer año de la plataforma. El equipo acompaña ahora a cada "
                "nuevo miembro en su registro y traduce las guías esenciales, primero al "
                "español y luego al francés.",
            ),
        },
    },
    {
        "locale": "fr",
        "date": datetime.date(2020, 11, 16),
        "author": "Claire Dubois",
        "themes": ["shock-responsive", "south-south"],
        "regions": [],
        "countries": [],
        "text": {
            "fr": (
                "COVID-19 : la protection sociale en première ligne",
                "Face à la pandémie, les pays ont étendu leurs transferts en quelques "
                "semaines et se tournent les uns vers les autres pour apprendre.",
                "Le recensement mondial des mesures tenu par la Banque mondiale compte des "
                "centaines de nouveaux programmes ou extensions dans plus de deux cents pays "
                "et territoires. La demande de coopération Sud-Sud a suivi : les pays qui "
                "avaient pris de l'avance sur la courbe de l'épidémie partagent ce qui a "
                "marché.",
            ),
            "en": (
                "COVID-19: social protection on the front line",
                "Facing the pandemic, countries widened their transfers within weeks and "
                "are turning to one another to learn.",
                "The World Bank's global tally of measures counts hundreds of new or "
                "extended programmes in more than two hundred countries and territories. "
                "Demand for South-South cooperation has followed, with countries that were "
                "ahead of the epidemic curve sharing what worked.",
            ),
            "es": (
                "COVID-19: la protección social en primera línea",
                "Ante la pandemia, los países ampliaron sus transferencias en pocas semanas "
                "y buscan aprender unos de otros.",
                "El recuento mundial de medidas que lleva el Banco Mundial registra cientos "
                "de programas nuevos o ampliados en más de doscientos países y territorios. "
                "La demanda de cooperación Sur-Sur ha crecido al mismo ritmo: los países que "
                "iban por delante en la curva de la epidemia comparten lo que funcionó.",
            ),
        },
    },
]

INDEX = {
    "en": ("News", "The latest on social protection: programmes, people and the platform."),
    "es": (
        "Noticias",
        "Lo último sobre protección social: programas, personas y la plataforma.",
    ),
    "fr": (
        "Actualités",
        "Les dernières nouvelles de la protection sociale : programmes, acteurs et plateforme.",
    ),
}
