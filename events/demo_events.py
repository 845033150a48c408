"""The demo calendar: its index, the kinds of event and nine events around December 2026
(six ahead, three past), each first written in English, Spanish or French and given its
other versions as a translator would write them.

Places, organisations and programmes are real (Brazil's Cadastro Único, the Geneva
International Conference Centre, the United Nations complex at Gigiri); the events, their
dates and every sentence are our own.
"""

# (title, introduction) per language.
INDEX = {
    "en": (
        "Events",
        "Conferences, trainings, study tours and workshops on social protection, with the "
        "portal's webinars and the meetings of its communities.",
    ),
    "es": (
        "Eventos",
        "Conferencias, cursos, visitas de estudio y talleres sobre protección social, junto "
        "con los seminarios web del portal y las reuniones de sus comunidades.",
    ),
    "fr": (
        "Événements",
        "Conférences, formations, voyages d'étude et ateliers sur la protection sociale, "
        "avec les webinaires du portail et les rencontres de ses communautés.",
    ),
}

# slug, English, Spanish, French.
EVENT_TYPES = [
    ("conference", "Conference", "Conferencia", "Conférence"),
    ("training", "Training course", "Curso de formación", "Formation"),
    ("study-tour", "Study tour", "Visita de estudio", "Voyage d'étude"),
    ("workshop", "Workshop", "Taller", "Atelier"),
    ("meeting", "Meeting", "Reunión", "Réunion"),
    ("forum", "Forum", "Foro", "Forum"),
]

# Each event: the language it was written in; its type; start and end on the organiser's
# clock and the organiser's zone; attendance; host country (ISO code); organisers, themes
# and regions (slugs of the source-language rows); registration link; and per language
# (title, summary, body, venue, city).
EVENTS = [
    {
        "locale": "es",
        "type": "conference",
        "start": (2027, 2, 23, 9, 0),
        "end": (2027, 2, 25, 17, 30),
        "time_zone": "America/Bogota",
        "mode": "hybrid",
        "country": "CO",
        "organisers": ["un-women", "ilo", "idb"],
        "themes": ["gender", "systems"],
        "regions": ["latin-america-caribbean"],
        "registration_url": "https://events.example.org/genero-proteccion-social-2027",
        "text": {
            "es": (
                "Conferencia regional sobre protección social y género en América Latina y "
                "el Caribe",
                "Tres días para revisar cómo los sistemas de protección social de la región "
                "reconocen el trabajo de cuidados y llegan a las mujeres en la informalidad.",
                "Ministerios de desarrollo social, institutos de seguridad social y "
                "organizaciones de mujeres compartirán lo aprendido en los últimos diez años: "
                "transferencias que no refuerzan estereotipos, sistemas de cuidados como el "
                "de Bogotá y pensiones que cuentan los años dedicados a criar. Habrá "
                "traducción simultánea al inglés y al portugués, y las sesiones plenarias se "
                "transmitirán en línea.",
                "Ágora Bogotá Centro de Convenciones",
                "Bogotá",
            ),
            "en": (
                "Regional conference on social protection and gender in Latin America and "
                "the Caribbean",
                "Three days to review how the region's social protection systems recognise "
                "care work and reach women in informal jobs.",
                "Ministries of social development, social security institutes and women's "
                "organisations will share what the last ten years have taught them: "
                "transfers that do not reinforce stereotypes, care systems such as Bogotá's, "
                "and pensions that count the years spent raising children. Simultaneous "
                "interpretation into English and Portuguese is provided, and the plenary "
                "sessions are streamed online.",
                "Ágora Bogotá Convention Centre",
                "Bogotá",
            ),
            "fr": (
                "Conférence régionale sur la protection sociale et le genre en Amérique "
                "latine et dans les Caraïbes",
                "Trois jours pour examiner comment les systèmes de protection sociale de la "
                "région reconnaissent le travail de soins et atteignent les femmes de "
                "l'économie informelle.",
                "Ministères du développement social, caisses de sécurité sociale et "
                "organisations de femmes mettront en commun dix ans d'expérience : des "
                "transferts qui ne renforcent pas les stéréotypes, des systèmes de soins "
                "comme celui de Bogota, des retraites qui comptent les années consacrées aux "
                "enfants. L'interprétation simultanée en anglais et en portugais est "
                "assurée ; les séances plénières sont retransmises en ligne.",
                "Centre de congrès Ágora Bogotá",
                "Bogota",
            ),
        },
    },
    {
        "locale": "en",
        "type": "training",
        "start": (2027, 1, 19, 9, 0),
        "end": (2027, 1, 21, 12, 0),
        "time_zone": "America/New_York",
        "mode": "online",
        "country": "",
        "organisers": ["world-bank", "ipc-ig"],
        "themes": ["social-registries"],
        "regions": [],
        "registration_url": "https://events.example.org/social-registries-training",
        "text": {
            "en": (
                "Online training: building and using social registries",
                "Three mornings on how a social registry is designed, kept up to date and "
                "shared between programmes, for staff of ministries and agencies.",
                "The course follows a registry's life: defining who is registered and how, "
                "collecting and checking the data, linking it with civil registration and "
                "tax records, protecting personal information and letting several programmes "
                "draw on the same records. Each morning ends with a case from a country that "
                "built its registry in the last decade. Places are limited to sixty "
                "participants.",
                "Online (the link is sent to registered participants)",
                "",
            ),
            "es": (
                "Curso en línea: cómo construir y usar un registro social",
                "Tres mañanas para entender cómo se diseña, se actualiza y se comparte entre "
                "programas un registro social, dirigidas al personal de ministerios y "
                "agencias.",
                "El curso sigue la vida de un registro: definir quién se inscribe y cómo, "
                "recoger y verificar los datos, cruzarlos con el registro civil y los datos "
                "tributarios, proteger la información personal y permitir que varios "
                "programas usen los mismos datos. Cada mañana termina con el caso de un país "
                "que creó su registro en la última década. El cupo es de sesenta personas.",
                "En línea (el enlace se envía a las personas inscritas)",
                "",
            ),
            "fr": (
                "Formation en ligne : construire et utiliser un registre social",
                "Trois matinées pour comprendre comment un registre social se conçoit, se "
                "met à jour et se partage entre programmes, à l'intention des équipes des "
                "ministères et des agences.",
                "La formation suit la vie d'un registre : décider qui s'inscrit et comment, "
                "collecter et vérifier les données, les croiser avec l'état civil et les "
                "fichiers fiscaux, protéger les informations personnelles et permettre à "
                "plusieurs programmes de s'appuyer sur les mêmes données. Chaque matinée se "
                "termine par l'exemple d'un pays qui a bâti son registre au cours des dix "
                "dernières années. Soixante places sont ouvertes.",
                "En ligne (le lien est envoyé aux personnes inscrites)",
                "",
            ),
        },
    },
    {
        "locale": "en",
        "type": "study-tour",
        "start": (2027, 3, 8, 9, 0),
        "end": (2027, 3, 12, 16, 0),
        "time_zone": "America/Sao_Paulo",
        "mode": "in_person",
        "country": "BR",
        "organisers": ["ipc-ig", "wfp"],
        "themes": ["social-registries", "south-south"],
        "regions": ["sub-saharan-africa"],
        "registration_url": "",
        "text": {
            "en": (
                "South–South study tour: Brazil's Cadastro Único",
                "Delegations from African ministries spend a week in Brasília and in a "
                "municipality of Goiás to see how Brazil's single registry works day to day.",
                "The Cadastro Único records more than forty million low-income families and "
                "is used by some thirty federal programmes, Bolsa Família first among them. "
                "Participants meet the federal team that runs it, spend a day at a municipal "
                "social assistance centre where families are interviewed and registered, and "
                "discuss with their Brazilian counterparts what could be adapted at home. "
                "Places are reserved for nominated delegations.",
                "Ministry of Development and Social Assistance, Esplanada dos Ministérios",
                "Brasília",
            ),
            "es": (
                "Visita de estudio Sur-Sur: el Cadastro Único de Brasil",
                "Delegaciones de ministerios africanos pasan una semana en Brasilia y en un "
                "municipio de Goiás para ver cómo funciona a diario el registro único "
                "brasileño.",
                "El Cadastro Único reúne a más de cuarenta millones de familias de bajos "
                "ingresos y lo utilizan unos treinta programas federales, empezando por "
                "Bolsa Família. Las delegaciones se reunirán con el equipo federal que lo "
                "gestiona, pasarán un día en un centro municipal de asistencia social donde "
                "se entrevista e inscribe a las familias y conversarán con sus pares "
                "brasileños sobre lo que podría adaptarse en sus países. Las plazas están "
                "reservadas a las delegaciones designadas.",
                "Ministerio de Desarrollo y Asistencia Social, Esplanada dos Ministérios",
                "Brasilia",
            ),
            "fr": (
                "Voyage d'étude Sud-Sud : le Cadastro Único du Brésil",
                "Des délégations de ministères africains passent une semaine à Brasília et "
                "dans une commune de l'État de Goiás pour voir comment fonctionne, au "
                "quotidien, le registre unique brésilien.",
                "Le Cadastro Único recense plus de quarante millions de familles à faibles "
                "revenus et sert à une trentaine de programmes fédéraux, à commencer par "
                "Bolsa Família. Les participants rencontrent l'équipe fédérale qui le gère, "
                "passent une journée dans un centre municipal d'assistance sociale où les "
                "familles sont reçues et inscrites, puis discutent avec leurs homologues "
                "brésiliens de ce qui pourrait être repris chez eux. Les places sont "
                "réservées aux délégations désignées.",
                "Ministère du Développement et de l'Assistance sociale, Esplanada dos Ministérios",
                "Brasília",
            ),
        },
    },
    {
        "locale": "fr",
        "type": "forum",
        "start": (2027, 3, 16, 9, 30),
        "end": (2027, 3, 17, 18, 0),
        "time_zone": "Europe/Zurich",
        "mode": "hybrid",
        "country": "CH",
        "organisers": ["ilo", "world-bank"],
        "themes": ["systems", "financing"],
        "regions": [],
        "registration_url": "https://events.example.org/forum-protection-sociale-universelle",
        "text": {
            "fr": (
                "Forum mondial OIT–Banque mondiale sur la protection sociale universelle",
                "Deux jours à Genève pour faire le point sur les engagements pris en faveur "
                "d'une protection sociale pour tous et sur la manière de la financer.",
                "Plus de la moitié de la population mondiale n'a encore accès à aucune "
                "prestation de protection sociale. Ministres, partenaires sociaux et "
                "bailleurs examineront les stratégies nationales d'extension de la "
                "couverture, l'espace budgétaire disponible et le rôle des financements "
                "internationaux. Les débats sont interprétés en anglais, en espagnol et en "
                "français et retransmis en direct.",
                "Centre International de Conférences Genève (CICG)",
                "Genève",
            ),
            "en": (
                "ILO–World Bank global forum on universal social protection",
                "Two days in Geneva to take stock of the commitments made to social "
                "protection for all, and of how to pay for it.",
                "More than half of the world's population still has no access to any social "
                "protection benefit. Ministers, workers' and employers' organisations and "
                "funders will review national strategies to extend coverage, the fiscal "
                "space available and the part international finance can play. The debates "
                "are interpreted into English, Spanish and French and streamed live.",
                "Geneva International Conference Centre (CICG)",
                "Geneva",
            ),
            "es": (
                "Foro mundial OIT–Banco Mundial sobre protección social universal",
                "Dos días en Ginebra para hacer balance de los compromisos asumidos con una "
                "protección social para todas las personas y de cómo financiarla.",
                "Más de la mitad de la población mundial sigue sin acceso a ninguna "
                "prestación de protección social. Ministros, organizaciones de trabajadores "
                "y de empleadores y financiadores analizarán las estrategias nacionales para "
                "ampliar la cobertura, el espacio fiscal disponible y el papel del "
                "financiamiento internacional. Los debates cuentan con interpretación al "
                "inglés, al español y al francés y se transmiten en directo.",
                "Centro Internacional de Conferencias de Ginebra (CICG)",
                "Ginebra",
            ),
        },
    },
    {
        "locale": "en",
        "type": "workshop",
        "start": (2027, 2, 9, 8, 30),
        "end": (2027, 2, 11, 17, 0),
        "time_zone": "Africa/Nairobi",
        "mode": "in_person",
        "country": "KE",
        "organisers": ["wfp", "unicef"],
        "themes": ["shock-responsive"],
        "regions": ["sub-saharan-africa"],
        "registration_url": "https://events.example.org/shock-responsive-nairobi",
        "text": {
            "en": (
                "Workshop on shock-responsive social protection in East Africa",
                "Programme managers and disaster risk teams from the Horn of Africa work "
                "through how cash transfers can scale up ahead of a drought.",
                "Kenya's Hunger Safety Net Programme pays extra households when satellite "
                "data show pasture failing; Ethiopia's Productive Safety Net Programme has "
                "a contingency budget for bad years. The workshop takes these designs apart "
                "with the teams that run them: early-warning triggers, pre-registered "
                "households, payment systems that can grow quickly, and who pays when the "
                "rains fail.",
                "United Nations Office at Nairobi, Gigiri",
                "Nairobi",
            ),
            "es": (
                "Taller sobre protección social reactiva ante crisis en África oriental",
                "Responsables de programas y equipos de gestión de riesgos del Cuerno de "
                "África analizan cómo ampliar las transferencias monetarias antes de una "
                "sequía.",
                "El programa keniano de redes de seguridad contra el hambre paga a más "
                "hogares cuando los datos satelitales muestran que los pastos se agotan; el "
                "programa etíope de redes de seguridad productivas dispone de un presupuesto "
                "de contingencia para los malos años. El taller desmonta estos diseños con "
                "los equipos que los gestionan: alertas tempranas, hogares inscritos de "
                "antemano, sistemas de pago capaces de crecer rápido y quién paga cuando no "
                "llueve.",
                "Oficina de las Naciones Unidas en Nairobi, Gigiri",
                "Nairobi",
            ),
            "fr": (
                "Atelier sur la protection sociale adaptative en Afrique de l'Est",
                "Gestionnaires de programmes et équipes de gestion des risques de la Corne "
                "de l'Afrique étudient comment étendre les transferts monétaires avant une "
                "sécheresse.",
                "Au Kenya, le programme de filets de sécurité contre la faim verse des "
                "transferts à davantage de ménages quand les images satellites montrent que "
                "les pâturages s'épuisent ; en Éthiopie, le programme de filets de sécurité "
                "productifs prévoit un budget de contingence pour les mauvaises années. "
                "L'atelier décortique ces dispositifs avec les équipes qui les gèrent : "
                "seuils d'alerte précoce, ménages préinscrits, systèmes de paiement capables "
                "de monter en charge et partage des coûts quand la pluie manque.",
                "Office des Nations unies à Nairobi, Gigiri",
                "Nairobi",
            ),
        },
    },
    {
        "locale": "es",
        "type": "meeting",
        "start": (2026, 12, 15, 9, 0),
        "end": (2026, 12, 15, 13, 0),
        "time_zone": "America/Lima",
        "mode": "hybrid",
        "country": "PE",
        "organisers": ["idb"],
        "themes": ["social-pensions"],
        "regions": ["latin-america-caribbean"],
        "registration_url": "",
        "text": {
            "es": (
                "Reunión técnica sobre pensiones sociales en los países andinos",
                "Los equipos de Pensión 65, Renta Dignidad y Colombia Mayor comparan cómo "
                "pagan y cómo llegan a las personas mayores de zonas rurales.",
                "Una mañana de trabajo entre los equipos que administran las pensiones no "
                "contributivas de Perú, Bolivia y Colombia: medios de pago en comunidades "
                "sin bancos, actualización de los padrones y coordinación con los servicios "
                "de salud. La reunión es presencial en Lima, con conexión en línea para los "
                "equipos regionales.",
                "Sede del Banco Interamericano de Desarrollo en Lima, San Isidro",
                "Lima",
            ),
            "en": (
                "Technical meeting on social pensions in the Andean countries",
                "The teams behind Pensión 65, Renta Dignidad and Colombia Mayor compare how "
                "they pay older people in rural areas and how they reach them.",
                "A working morning for the teams that run the non-contributory pensions of "
                "Peru, Bolivia and Colombia: ways of paying in communities without banks, "
                "keeping the lists of beneficiaries up to date, and working with health "
                "services. The meeting takes place in Lima, with an online connection for "
                "regional teams.",
                "Inter-American Development Bank office in Lima, San Isidro",
                "Lima",
            ),
            "fr": (
                "Réunion technique sur les pensions sociales dans les pays andins",
                "Les équipes de Pensión 65, de Renta Dignidad et de Colombia Mayor comparent "
                "leurs façons de payer les personnes âgées des zones rurales et de les "
                "atteindre.",
                "Une matinée de travail entre les équipes qui gèrent les pensions non "
                "contributives du Pérou, de la Bolivie et de la Colombie : moyens de paiement "
                "dans les communautés sans banque, mise à jour des listes de bénéficiaires, "
                "coordination avec les services de santé. La réunion se tient à Lima, avec "
                "une connexion en ligne pour les équipes régionales.",
                "Bureau de la Banque interaméricaine de développement à Lima, San Isidro",
                "Lima",
            ),
        },
    },
    {
        "locale": "fr",
        "type": "workshop",
        "start": (2026, 10, 20, 9, 0),
        "end": (2026, 10, 22, 17, 0),
        "time_zone": "Africa/Dakar",
        "mode": "in_person",
        "country": "SN",
        "organisers": ["unicef", "wfp"],
        "themes": ["cash-transfers", "children"],
        "regions": ["sub-saharan-africa"],
        "registration_url": "",
        "text": {
            "fr": (
                "Atelier régional sur les transferts monétaires et la nutrition au Sahel",
                "Trois jours à Dakar pour relier les transferts monétaires aux services de "
                "nutrition des jeunes enfants.",
                "Des équipes du Sénégal, du Mali, du Niger, du Burkina Faso et de Mauritanie "
                "ont comparé leurs programmes de transferts et leurs liens avec les centres "
                "de santé : calendrier des paiements pendant la soudure, messages sur "
                "l'alimentation des nourrissons, suivi de la croissance des enfants des "
                "ménages bénéficiaires.",
                "King Fahd Palace, route de la Corniche Ouest",
                "Dakar",
            ),
            "en": (
                "Regional workshop on cash transfers and nutrition in the Sahel",
                "Three days in Dakar on linking cash transfers with nutrition services for "
                "young children.",
                "Teams from Senegal, Mali, Niger, Burkina Faso and Mauritania compared their "
                "cash transfer programmes and how they work with health centres: paying "
                "during the lean season, advice on feeding infants, and monitoring the "
                "growth of children in the households that receive transfers.",
                "King Fahd Palace, Corniche Ouest",
                "Dakar",
            ),
            "es": (
                "Taller regional sobre transferencias monetarias y nutrición en el Sahel",
                "Tres días en Dakar para vincular las transferencias monetarias con los "
                "servicios de nutrición de la primera infancia.",
                "Equipos de Senegal, Malí, Níger, Burkina Faso y Mauritania compararon sus "
                "programas de transferencias y su relación con los centros de salud: pagos "
                "durante la época de escasez, consejos sobre la alimentación de los lactantes "
                "y seguimiento del crecimiento de los niños de los hogares beneficiarios.",
                "Hotel King Fahd Palace, Corniche Ouest",
                "Dakar",
            ),
        },
    },
    {
        "locale": "en",
        "type": "conference",
        "start": (2026, 9, 7, 9, 0),
        "end": (2026, 9, 9, 17, 0),
        "time_zone": "Asia/Bangkok",
        "mode": "hybrid",
        "country": "TH",
        "organisers": ["ilo", "undp"],
        "themes": ["financing"],
        "regions": ["east-asia-pacific"],
        "registration_url": "",
        "text": {
            "en": (
                "Asia-Pacific conference on financing social protection",
                "Finance and labour ministries from the region discussed how to pay for "
                "wider coverage as populations age.",
                "Thailand's universal health coverage scheme and the region's new social "
                "pensions served as cases for three days of debate on tax and contribution "
                "mixes, on bringing informal workers into social insurance, and on "
                "protecting social spending when budgets are cut.",
                "United Nations Conference Centre, Rajadamnern Nok Avenue",
                "Bangkok",
            ),
            "es": (
                "Conferencia de Asia y el Pacífico sobre el financiamiento de la protección social",
                "Ministerios de Hacienda y de Trabajo de la región debatieron cómo financiar "
                "una cobertura más amplia ante el envejecimiento de la población.",
                "El sistema de cobertura sanitaria universal de Tailandia y las nuevas "
                "pensiones sociales de la región sirvieron de casos para tres días de debate "
                "sobre la combinación de impuestos y cotizaciones, la incorporación de los "
                "trabajadores informales a la seguridad social y la protección del gasto "
                "social en tiempos de recortes.",
                "Centro de Conferencias de las Naciones Unidas, avenida Rajadamnern Nok",
                "Bangkok",
            ),
            "fr": (
                "Conférence Asie-Pacifique sur le financement de la protection sociale",
                "Ministères des finances et du travail de la région ont débattu de la façon "
                "de financer une couverture plus large face au vieillissement.",
                "Le régime de couverture santé universelle de la Thaïlande et les nouvelles "
                "pensions sociales de la région ont nourri trois jours de débats sur la "
                "combinaison de l'impôt et des cotisations, l'affiliation des travailleurs "
                "informels à la sécurité sociale et la protection des dépenses sociales en "
                "période de restrictions budgétaires.",
                "Centre de conférences des Nations unies, avenue Rajadamnern Nok",
                "Bangkok",
            ),
        },
    },
    {
        "locale": "es",
        "type": "workshop",
        "start": (2026, 11, 10, 9, 0),
        "end": (2026, 11, 11, 16, 0),
        "time_zone": "America/Panama",
        "mode": "in_person",
        "country": "PA",
        "organisers": ["un-women", "unicef"],
        "themes": ["gender", "children"],
        "regions": ["latin-america-caribbean"],
        "registration_url": "",
        "text": {
            "es": (
                "Taller regional sobre cuidados y protección social",
                "Dos días en Ciudad de Panamá sobre cómo los programas sociales pueden "
                "aliviar la carga de cuidados que recae en las mujeres.",
                "Equipos de Centroamérica y el Caribe revisaron experiencias de guarderías "
                "vinculadas a transferencias, licencias para trabajadoras independientes y "
                "servicios para personas mayores dependientes, y acordaron una hoja de ruta "
                "para incluir los cuidados en sus estrategias nacionales.",
                "Ciudad del Saber, Clayton",
                "Ciudad de Panamá",
            ),
            "en": (
                "Regional workshop on care and social protection",
                "Two days in Panama City on how social programmes can ease the burden of "
                "care that falls on women.",
                "Teams from Central America and the Caribbean reviewed childcare linked to "
                "cash transfers, leave for self-employed women and services for dependent "
                "older people, and agreed on a road map to bring care into their national "
                "strategies.",
                "City of Knowledge (Ciudad del Saber), Clayton",
                "Panama City",
            ),
            "fr": (
                "Atelier régional sur les soins et la protection sociale",
                "Deux jours à Panama sur la manière dont les programmes sociaux peuvent "
                "alléger la charge des soins qui pèse sur les femmes.",
                "Des équipes d'Amérique centrale et des Caraïbes ont examiné des crèches "
                "liées aux transferts monétaires, des congés pour les travailleuses "
                "indépendantes et des services pour les personnes âgées dépendantes, puis "
                "se sont accordées sur une feuille de route pour intégrer les soins à leurs "
                "stratégies nationales.",
                "Cité du savoir (Ciudad del Saber), Clayton",
                "Panama",
            ),
        },
    },
]
