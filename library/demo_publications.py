"""The demo library's publications, each written for itself in its own language.

Programmes, organisations, countries, dates and figures come from the documents the product
was conceived from (../shared/seeds) and from what is publicly known about the programmes;
the titles and abstracts are our own. Works the seeds cite (ILO, UNICEF, FAO, IPC-IG papers)
keep their real titles and authors; every other author is invented. Members-only items are
working drafts shared with members, as a community would circulate them.

Each entry is one import row (``library.importer``) without its identifier and files, which
``library.demo.demo_rows`` adds. ``TRANSLATIONS`` holds the Spanish and French versions of a
few English publications, made through wagtail-localize after the import.
"""


def _pub(code, countries, kind, year, title, abstract, authors, themes, orgs, keywords, **extra):
    return {
        "locale": code,
        "countries": countries,
        "type": kind,
        "year": year,
        "title": title,
        "abstract": abstract,
        "authors": authors,
        "themes": themes,
        "organisations": orgs,
        "keywords": keywords,
        "languages": extra.pop("languages", [code]),
        "members_only": extra.pop("members_only", False),
        **extra,
    }


PUBLICATIONS = [
    # --- English ------------------------------------------------------------------------------
    _pub(
        "en",
        ["BR"],
        "journal-article",
        2012,
        "Conditionalities in practice: how Bolsa Família follows up school attendance and "
        "health check-ups",
        "Bolsa Família ties its benefit to children's school attendance and to health visits. "
        "This article follows the monitoring chain from schools and clinics to municipal social "
        "assistance offices, and argues that a family missing its conditions is better read as "
        "a warning sign of vulnerability than as a reason to suspend payments.",
        ["Oliveira, Clara", "Souza, Marcelo"],
        ["conditional-cash-transfers", "children"],
        ["ipc-ig", "world-bank"],
        ["Bolsa Família", "conditionalities", "education"],
        languages=["en", "pt"],
    ),
    _pub(
        "en",
        ["BR"],
        "working-paper",
        2019,
        "Keeping a social registry current: update cycles in Brazil's Cadastro Único",
        "The Cadastro Único is the gateway to dozens of federal programmes in Brazil. This paper "
        "looks at how municipalities keep household records up to date, what a two-year update "
        "cycle means for the accuracy of the data, and where cross-checks against other "
        "administrative databases helped or led to families being wrongly dropped.",
        ["Lima, Beatriz", "Carvalho, Rodrigo"],
        ["social-registries", "systems"],
        ["ipc-ig"],
        ["Cadastro Único", "data quality"],
    ),
    _pub(
        "en",
        ["ZA"],
        "evaluation",
        2014,
        "Extending the Child Support Grant to adolescents: early effects of the age extension",
        "South Africa raised the age limit of the Child Support Grant step by step until it "
        "reached 18 in 2012. Comparing survey rounds before and after each step, we find that "
        "newly eligible girls were less likely to leave school early, while effects on boys "
        "were small. Late registration, often for want of a birth certificate, remains the "
        "main reason eligible adolescents miss out.",
        ["Nkosi, Thandiwe", "Rahman, Farida"],
        ["cash-transfers", "children"],
        ["unicef"],
        ["Child Support Grant", "adolescents"],
    ),
    _pub(
        "en",
        ["MW"],
        "evaluation",
        2016,
        "Malawi Social Cash Transfer Programme: findings of the endline impact evaluation",
        "This evaluation compares households in two districts that joined the programme with "
        "households still waiting to enter it. Two years on, recipient households ate more "
        "meals a day, owned more small livestock and were less likely to send children to work; "
        "the transfer did not reduce adults' work on their own farms. The report closes with "
        "recommendations on the size and regularity of payments.",
        ["Phiri, Grace", "Banda, Chikondi", "Otieno, Brian"],
        ["cash-transfers", "children"],
        ["transfer-project", "unicef"],
        ["Malawi Social Cash Transfer Programme", "food security"],
    ),
    _pub(
        "en",
        ["ZM"],
        "journal-article",
        2015,
        "Unconditional cash and productive investment: the Zambia Child Grant after three years",
        "Households with a child under five in three districts received a flat monthly transfer "
        "with no conditions attached. Three years after the programme began, recipients had "
        "spent part of it on seed, fertiliser and goats, and their non-farm businesses were more "
        "common. The article discusses why a grant aimed at young children also changes how "
        "poor rural families earn a living.",
        ["Mwale, Joseph", "Kowalski, Anna"],
        ["cash-transfers", "children"],
        ["transfer-project"],
        ["Zambia Child Grant", "productive impacts"],
    ),
    _pub(
        "en",
        ["GH"],
        "case-study",
        2017,
        "Paying LEAP beneficiaries electronically: Ghana's move to e-zwich cards",
        "Ghana's LEAP programme moved from cash handed out at community pay points to payments "
        "onto biometric e-zwich cards. This case study describes how the switch was prepared, "
        "how beneficiaries without a bank account were enrolled and which delays payment "
        "officers met in the first cycles, and what other programmes can learn before changing "
        "their payment system.",
        ["Mensah, Kwame", "Asante, Efua"],
        ["cash-transfers"],
        ["transfer-project", "unicef"],
        ["LEAP", "e-payments"],
    ),
    _pub(
        "en",
        ["LS"],
        "policy-brief",
        2014,
        "Linking cash and agriculture: five recommendations from the Lesotho Child Grants "
        "Programme",
        "Many households of the Lesotho Child Grants Programme farm small plots. Drawing on a "
        "pilot that offered vegetable seeds and training alongside the grant, this brief "
        "recommends aligning payment dates with the planting season, sharing one registry "
        "between the ministries of social development and agriculture, and budgeting for "
        "extension workers from the start.",
        ["Mokoena, Palesa", "Dupont, Amélie"],
        ["cash-transfers", "children"],
        ["fao", "unicef"],
        ["Lesotho Child Grants Programme", "agriculture"],
    ),
    _pub(
        "en",
        ["KE"],
        "report",
        2011,
        "Caring for orphans in Kenya: how households use the CT-OVC transfer",
        "Kenya's Cash Transfer for Orphans and Vulnerable Children supports households that "
        "foster orphans, most of them headed by grandmothers. Based on interviews in six "
        "counties, the report shows that the transfer goes first on food and school uniforms, "
        "and that caregivers value its predictability more than its amount.",
        ["Otieno, Brian", "Wanjiru, Mercy"],
        ["cash-transfers", "children"],
        ["unicef", "world-bank"],
        ["CT-OVC", "orphans"],
        languages=["en", "sw"],
    ),
    _pub(
        "en",
        ["ET"],
        "evaluation",
        2018,
        "The Productive Safety Net Programme in the 2015–2016 drought: did it scale up in time?",
        "Ethiopia's Productive Safety Net Programme has a contingency budget to reach more "
        "people when the rains fail. This evaluation traces how the programme responded to the "
        "El Niño drought of 2015–2016: additional transfers reached most woredas within three "
        "months, but households outside the programme waited longer than its clients for "
        "humanitarian aid.",
        ["Tadesse, Hiwot", "Haddad, Samir"],
        ["public-works", "shock-responsive"],
        ["wfp", "world-bank"],
        ["PSNP", "drought"],
    ),
    _pub(
        "en",
        ["RW"],
        "working-paper",
        2017,
        "Public works wages and household labour under Rwanda's Vision 2020 Umurenge Programme",
        "The public works component of the Vision 2020 Umurenge Programme pays a daily wage for "
        "terracing, roads and water works. This paper asks whether the work crowds out farming "
        "on households' own land. It finds that families shift work between their members "
        "rather than giving up their plots, and that women with young children take part less "
        "unless the work is close to home.",
        ["Uwase, Claudine", "Torres, Julián"],
        ["public-works"],
        ["world-bank"],
        ["Vision 2020 Umurenge", "public works"],
    ),
    _pub(
        "en",
        ["ID"],
        "report",
        2020,
        "Targeting Indonesia's Programa Keluarga Harapan with the unified database",
        "Programa Keluarga Harapan selects its families from the national unified database of "
        "poor and vulnerable households. The report reviews how the database is updated by "
        "local governments, how exclusion errors are detected, and how the programme grew to "
        "ten million families, with recommendations on appeals and on data sharing between "
        "ministries.",
        ["Santoso, Dewi", "Nguyen, Thi Lan"],
        ["conditional-cash-transfers", "social-registries"],
        ["dfat", "world-bank"],
        ["Programa Keluarga Harapan", "targeting"],
    ),
    _pub(
        "en",
        ["IN"],
        "journal-article",
        2010,
        "Guaranteed work and rural wages: early evidence from the Mahatma Gandhi National Rural "
        "Employment Guarantee",
        "The Act entitles every rural household to up to 100 days of paid work a year. Using "
        "district data from the first phases of roll-out, the article finds that agricultural "
        "wages rose faster where the guarantee arrived earlier, especially for women, and "
        "discusses what this means for the programme's effect on people who never take part.",
        ["Sharma, Priya", "Rao, Anand"],
        ["public-works", "labour-market"],
        ["ilo"],
        ["MGNREGA", "rural wages"],
    ),
    _pub(
        "en",
        ["TH"],
        "case-study",
        2019,
        "Health insurance at scale: how Thailand's Universal Coverage Scheme decides what is "
        "covered",
        "Since 2002 Thailand's Universal Coverage Scheme has covered the people who have no "
        "other health insurance. This case study describes how new medicines and treatments are "
        "assessed for cost and benefit before they enter the benefit package, who takes the "
        "decision, and how the process has kept spending under control without closing access.",
        ["Srisuk, Kanya", "Kowalski, Anna"],
        ["health-insurance", "health"],
        ["ilo", "undp"],
        ["Universal Coverage Scheme", "benefit package"],
    ),
    _pub(
        "en",
        [],
        "toolkit",
        2021,
        "Running a community of practice on South-South cooperation: a facilitator's toolkit",
        "Drawn from the Community of Practice on South-South Cooperation for Children, which "
        "UNICEF and IPC-IG set up under an agreement signed in February 2018, this toolkit "
        "takes facilitators through planning a webinar series, welcoming new members and "
        "following up discussions. By October 2021 the community had 191 members and had held "
        "ten webinars; checklists and templates are included.",
        ["Diallo, Aminata", "Moreno, Lucía"],
        ["south-south", "children"],
        ["unicef", "ipc-ig"],
        ["community of practice", "webinars"],
    ),
    _pub(
        "en",
        ["BR"],
        "report",
        2017,
        "Buying from family farmers: Brazil's National School Feeding Programme and "
        "South-South cooperation",
        "Brazilian law requires at least 30 per cent of federal school feeding funds to be spent "
        "on food from family farms. This report explains how municipalities organise these "
        "purchases, what it has meant for small producers, and how countries in Africa and Latin "
        "America have adapted the model with the support of WFP.",
        ["Almeida, Juliana", "Mensah, Kwame"],
        ["school-feeding", "south-south"],
        ["wfp"],
        ["National School Feeding Programme", "family farming"],
        languages=["en", "pt"],
    ),
    _pub(
        "en",
        ["RW"],
        "policy-brief",
        2016,
        "Rural women's economic empowerment: what social protection can add",
        "Rural women in Rwanda farm most of the land but rarely control what it earns. This brief "
        "draws on the joint programme on rural women's economic empowerment and recommends "
        "three changes to social protection: paying transfers to women directly, offering public "
        "works close to home with childcare, and linking recipients to savings groups.",
        ["Mukamana, Josiane", "Rahman, Farida"],
        ["gender", "informal-economy"],
        ["un-women", "fao", "ifpri"],
        ["women's economic empowerment", "rural women"],
    ),
    _pub(
        "en",
        [],
        "report",
        2016,
        "Empowering rural women through social protection",
        "The second paper of FAO's Rural Transformations technical series reviews how cash "
        "transfers, public works and social insurance reach rural women, and where their design "
        "still assumes that women are only carers. It proposes entry points for making "
        "programmes gender-sensitive, from targeting to the time demanded of participants.",
        [],
        ["gender"],
        ["fao"],
        ["rural women", "gender-sensitive social protection"],
    ),
    _pub(
        "en",
        [],
        "working-paper",
        2015,
        "Social protection for children: key policy trends and statistics",
        "Policy paper No. 14 of the ILO's social protection series brings together figures on "
        "child and family benefits around the world: how many children they reach, what "
        "governments spend on them and how coverage has changed. It discusses the gap between "
        "high-income and low-income countries and the policies that have closed it fastest.",
        [],
        ["children", "systems"],
        ["ilo"],
        ["child benefits", "coverage"],
    ),
    _pub(
        "en",
        [],
        "working-paper",
        2012,
        "The Impact of Social Protection on Children: A review of the literature",
        "A working paper of the UNICEF Office of Research in Florence that brings together "
        "evaluations of cash transfers, school feeding, health insurance and other instruments "
        "and sorts their effects on children's health, education and protection. It points out "
        "where the evidence is thin, in particular for young children and for social insurance.",
        ["Sanfilippo, M.", "de Neubourg, C.", "Martorano, B."],
        ["children"],
        ["unicef"],
        ["literature review", "children"],
    ),
    _pub(
        "en",
        [],
        "policy-brief",
        2017,
        "Promoting child- and gender-sensitive outcomes in cash transfer programmes: a review of "
        "different strategies in programme administration",
        "Research Brief 61 of IPC-IG looks at the administrative side of cash transfers, from "
        "registration and payment to case management and grievance handling, and at how each "
        "step can work for children and for women or against them. Examples come from "
        "programmes in Latin America, Africa and Asia.",
        ["Tebaldi, R.", "Esser, A.", "Davidsen, A.D."],
        ["cash-transfers", "gender", "children"],
        ["ipc-ig"],
        ["programme administration", "gender"],
    ),
    _pub(
        "en",
        ["BR", "ID", "TH"],
        "journal-article",
        2023,
        "Shock-responsive social protection after COVID-19: what social registries made possible",
        "When the pandemic struck, countries with a broad social registry could add new "
        "beneficiaries within weeks. Comparing Brazil, Indonesia and Thailand, the article shows "
        "that the share of the population already registered mattered more than the registry's "
        "technology, and that informal workers were the hardest group to reach everywhere.",
        ["Nguyen, Thi Lan", "Oliveira, Clara", "Srisuk, Kanya"],
        ["shock-responsive", "social-registries"],
        ["world-bank"],
        ["COVID-19", "social registries"],
    ),
    _pub(
        "en",
        ["RW", "MW"],
        "toolkit",
        2022,
        "Measuring women's economic empowerment in cash transfer evaluations: a minimum set of "
        "indicators",
        "Evaluations of social protection often report women's outcomes as an afterthought. "
        "This toolkit proposes twelve indicators, from control over the transfer to time use "
        "and decision-making, with survey questions tested in Rwanda and Malawi and advice on "
        "combining them with qualitative interviews.",
        ["Moreno, Lucía", "Mukamana, Josiane"],
        ["gender", "cash-transfers"],
        ["un-women", "fao"],
        ["evaluation", "women's economic empowerment"],
    ),
    _pub(
        "en",
        [],
        "report",
        2017,
        "A gateway for South-South learning: the socialprotection.org platform in 2015–2016",
        "This report reviews the first phase of socialprotection.org, the knowledge-sharing "
        "platform run by IPC-IG with funding from DFAT. By December 2016 it had 1,550 members "
        "and 2,347 reviewed publications, and its 21 webinars with 13 partner institutions had "
        "drawn 1,756 participants. It sets out what the team learned about moderating online "
        "communities and why the platform needed Spanish and French versions.",
        ["Haddad, Samir", "Oliveira, Clara"],
        ["south-south", "systems"],
        ["ipc-ig", "dfat"],
        ["socialprotection.org", "knowledge sharing"],
    ),
    _pub(
        "en",
        ["MA"],
        "journal-article",
        2015,
        "Labelled, not conditioned: what Morocco's Tayssir shows about cash for schooling",
        "Tayssir pays families in poor rural communes a transfer explicitly meant for their "
        "children's schooling. In an experiment across the communes where it was introduced, "
        "the transfer reduced drop-out about as much when attendance was not checked as when "
        "it was. The article argues that the label alone told parents what the money was for, "
        "and asks when costly monitoring of conditions is worth it.",
        ["Benali, Karim", "Kowalski, Anna"],
        ["conditional-cash-transfers", "children"],
        ["world-bank"],
        ["Tayssir", "labelled cash transfer"],
        languages=["en", "ar"],
    ),
    _pub(
        "en",
        ["ML"],
        "working-paper",
        2025,
        "Draft for member comments: paying Jigisemejiri households in insecure areas",
        "A working draft circulated to members before publication. It describes how "
        "Jigisemejiri has kept paying households in regions where field staff can no longer "
        "travel, through mobile money and local partners, and asks members for examples of "
        "remote verification from other programmes in the Sahel.",
        ["Diallo, Aminata", "Haddad, Samir"],
        ["cash-transfers", "shock-responsive"],
        ["world-bank"],
        ["Jigisemejiri", "mobile money"],
        members_only=True,
    ),
    _pub(
        "en",
        ["IN"],
        "report",
        2024,
        "Internal review: grievance redress for delayed wages in the rural employment guarantee",
        "Working notes of the members' review group on the Mahatma Gandhi National Rural "
        "Employment Guarantee. They summarise the complaints members collected about late wage "
        "payments, compare the helplines of three states and list questions for the next "
        "meeting before a public version is written.",
        ["Sharma, Priya", "Torres, Julián"],
        ["public-works", "labour-market"],
        ["ilo"],
        ["MGNREGA", "grievance redress"],
        members_only=True,
    ),
    _pub(
        "en",
        [],
        "toolkit",
        2025,
        "Working draft: onboarding checklist for new community moderators",
        "A checklist members are testing before it is shared more widely: what a new moderator "
        "does in the first month of an online community, how to plan announcements and how to "
        "revive a quiet discussion. Members are invited to add what worked in their own "
        "communities.",
        ["Moreno, Lucía", "Dupont, Amélie"],
        ["south-south"],
        ["ipc-ig"],
        ["moderation", "online communities"],
        members_only=True,
    ),
    # --- Spanish ------------------------------------------------------------------------------
    _pub(
        "es",
        ["BR"],
        "journal-article",
        2014,
        "Bolsa Família y la autonomía económica de las mujeres: lo que dice la evidencia",
        "Bolsa Família paga la transferencia preferentemente a las madres. Este artículo revisa "
        "los estudios publicados desde 2004 y concluye que el programa ha mejorado el acceso de "
        "las beneficiarias al crédito y su regreso a los estudios, aunque ha hecho poco por "
        "repartir el trabajo de cuidado dentro del hogar.",
        ["Moreno, Lucía", "Souza, Marcelo"],
        ["conditional-cash-transfers", "gender"],
        ["ipc-ig"],
        ["Bolsa Família", "autonomía económica"],
    ),
    _pub(
        "es",
        ["MX"],
        "evaluation",
        2008,
        "Oportunidades en el México rural: efectos sobre la inscripción en secundaria",
        "La evaluación compara localidades que entraron al programa en distintos años. Las becas "
        "educativas, más altas para las niñas, aumentaron la inscripción en secundaria sobre "
        "todo entre las adolescentes indígenas. El efecto fue menor en las comunidades más "
        "alejadas de una escuela, lo que apunta a los límites de la oferta educativa.",
        ["Hernández, Rosa", "Torres, Julián"],
        ["conditional-cash-transfers", "children"],
        ["world-bank", "idb"],
        ["Oportunidades", "educación secundaria"],
    ),
    _pub(
        "es",
        ["MX"],
        "policy-brief",
        2016,
        "De Oportunidades a Prospera: recomendaciones para vincular las transferencias con la "
        "inclusión productiva",
        "Con el cambio de nombre en 2014, Prospera quiso sumar a las transferencias el acceso a "
        "empleo, crédito y proyectos productivos. Esta nota propone tres ajustes: coordinar los "
        "padrones de los programas productivos con el del programa, dar prioridad a las "
        "titulares que ya participan en grupos de ahorro y medir la inclusión con indicadores "
        "propios.",
        ["Hernández, Rosa", "Castillo, Andrés"],
        ["conditional-cash-transfers", "gender"],
        ["world-bank", "idb"],
        ["Prospera", "inclusión productiva"],
    ),
    _pub(
        "es",
        ["CO"],
        "evaluation",
        2010,
        "Familias en Acción en los municipios pequeños: resultados en la nutrición infantil",
        "Esta evaluación analiza el componente de nutrición de Familias en Acción en municipios "
        "de menos de cien mil habitantes. Los niños menores de siete años de las familias "
        "beneficiarias crecieron más y enfermaron menos de diarrea, pero el efecto desaparece "
        "donde los centros de salud no podían atender los controles exigidos.",
        ["Castillo, Andrés", "Rincón, Paula"],
        ["conditional-cash-transfers", "children", "health"],
        ["idb"],
        ["Familias en Acción", "nutrición"],
    ),
    _pub(
        "es",
        ["CO"],
        "case-study",
        2021,
        "Familias en Acción durante la pandemia: pagos extraordinarios y giros digitales",
        "En 2020 Colombia adelantó y aumentó los pagos de Familias en Acción y los llevó a "
        "billeteras móviles. El estudio de caso reconstruye cómo se decidió, qué papel tuvieron "
        "los bancos y los operadores, y por qué las familias rurales sin cobertura de telefonía "
        "siguieron dependiendo del pago en efectivo.",
        ["Rincón, Paula", "Moreno, Lucía"],
        ["conditional-cash-transfers", "shock-responsive"],
        ["idb"],
        ["Familias en Acción", "COVID-19", "pagos digitales"],
    ),
    _pub(
        "es",
        ["BO"],
        "working-paper",
        2013,
        "Renta Dignidad y el consumo de los hogares con personas mayores en Bolivia",
        "Desde 2008 Renta Dignidad paga una pensión no contributiva a todas las personas de 60 "
        "años o más. Con datos de las encuestas de hogares, este documento muestra que el "
        "consumo aumentó en los hogares que la reciben, sobre todo en alimentos, y que una parte "
        "de la pensión se comparte con los nietos en edad escolar.",
        ["Quispe, Mario", "Torres, Julián"],
        ["social-pensions"],
        ["ilo"],
        ["Renta Dignidad", "personas mayores"],
    ),
    _pub(
        "es",
        ["BO"],
        "policy-brief",
        2019,
        "¿Es sostenible una pensión universal? El financiamiento de Renta Dignidad",
        "Renta Dignidad se financia en gran parte con el Impuesto Directo a los Hidrocarburos, "
        "cuyos ingresos suben y bajan con el precio del gas. La nota estima el costo de la "
        "pensión hasta 2030 y recomienda crear un fondo de estabilización y diversificar sus "
        "fuentes antes de ampliar el monto.",
        ["Quispe, Mario", "Vargas, Elena"],
        ["social-pensions", "financing"],
        ["ilo"],
        ["Renta Dignidad", "financiamiento"],
    ),
    _pub(
        "es",
        ["NI"],
        "case-study",
        2017,
        "Cajas Rurales en Nicaragua: ahorro y crédito en manos de las mujeres campesinas",
        "Las Cajas Rurales apoyadas por la FAO reúnen a productoras que ahorran juntas y se "
        "prestan entre ellas. Este estudio de caso describe cómo funcionan, qué garantías piden "
        "y cómo algunas cajas se han convertido en la puerta de entrada de las mujeres a los "
        "programas públicos de fomento productivo.",
        ["Vargas, Elena", "Dupont, Amélie"],
        ["gender", "informal-economy"],
        ["fao"],
        ["Cajas Rurales", "mujeres rurales"],
    ),
    _pub(
        "es",
        ["BR"],
        "toolkit",
        2018,
        "Guía para la cooperación Sur-Sur en alimentación escolar",
        "Esta caja de herramientas reúne lo aprendido en las misiones de cooperación sobre el "
        "Programa Nacional de Alimentação Escolar de Brasil. Ofrece pasos para diagnosticar el "
        "programa propio, organizar una visita de estudio y preparar compras públicas a la "
        "agricultura familiar, con fichas para los equipos de los ministerios.",
        ["Almeida, Juliana", "Castillo, Andrés"],
        ["school-feeding", "south-south"],
        ["wfp"],
        ["alimentación escolar", "cooperación Sur-Sur"],
    ),
    _pub(
        "es",
        ["BR", "CO", "MX"],
        "report",
        2022,
        "Registros sociales en América Latina: interoperabilidad y protección de datos",
        "El informe compara los registros sociales de Brasil, Colombia y México: qué datos "
        "recogen, con qué bases administrativas se cruzan y qué reglas protegen la información "
        "de los hogares. Propone una lista de salvaguardas mínimas para los países que están "
        "conectando su registro con otros sistemas del Estado.",
        ["Lima, Beatriz", "Rincón, Paula"],
        ["social-registries", "systems"],
        ["idb", "world-bank"],
        ["registros sociales", "protección de datos"],
    ),
    _pub(
        "es",
        ["BO"],
        "evaluation",
        2024,
        "Borrador interno: evaluación de medio término de Renta Dignidad en el altiplano",
        "Versión preliminar compartida con los miembros antes de su revisión. Resume las "
        "entrevistas realizadas en comunidades del altiplano sobre el cobro de la pensión, las "
        "distancias hasta los puntos de pago y el papel de los familiares que cobran en nombre "
        "de las personas mayores. Se agradecen comentarios sobre el cuestionario.",
        ["Quispe, Mario", "Vargas, Elena"],
        ["social-pensions"],
        ["ilo"],
        ["Renta Dignidad", "puntos de pago"],
        members_only=True,
    ),
    _pub(
        "es",
        ["MX", "NI"],
        "working-paper",
        2025,
        "Versión para miembros: indicadores de género en los programas de transferencias",
        "Documento de trabajo en discusión dentro de la comunidad. Propone indicadores para "
        "medir el control de las mujeres sobre las transferencias y su carga de cuidados, y los "
        "prueba con datos de México y Nicaragua. Los autores piden a los miembros ejemplos de "
        "encuestas que ya los incluyan.",
        ["Hernández, Rosa", "Vargas, Elena"],
        ["gender", "cash-transfers"],
        ["un-women", "fao"],
        ["género", "indicadores"],
        members_only=True,
    ),
    # --- French -------------------------------------------------------------------------------
    _pub(
        "fr",
        ["MA"],
        "evaluation",
        2012,
        "Tayssir : effets des transferts sur la scolarisation en milieu rural",
        "Lancé en 2008 dans les communes rurales les plus pauvres, Tayssir verse aux familles "
        "une aide liée à la scolarité de leurs enfants. L'évaluation montre que les abandons en "
        "primaire ont nettement reculé, y compris là où la condition d'assiduité n'était pas "
        "contrôlée : le simple fait d'associer l'argent à l'école a suffi à changer les choix "
        "des parents.",
        ["Benali, Karim", "Dupont, Amélie"],
        ["conditional-cash-transfers", "children"],
        ["world-bank"],
        ["Tayssir", "scolarisation"],
        languages=["fr", "ar"],
    ),
    _pub(
        "fr",
        ["MA"],
        "policy-brief",
        2018,
        "Tayssir, dix ans après : quatre recommandations pour le collège",
        "Le programme a fait ses preuves au primaire, mais c'est au passage au collège que les "
        "filles rurales quittent l'école. Cette note propose d'étendre l'aide aux premières "
        "années du collège, de la coupler au transport et à l'internat, de simplifier "
        "l'inscription et de mieux suivre les élèves qui changent de commune.",
        ["Benali, Karim", "El Idrissi, Nadia"],
        ["conditional-cash-transfers", "children"],
        ["world-bank"],
        ["Tayssir", "collège"],
    ),
    _pub(
        "fr",
        ["SN"],
        "case-study",
        2016,
        "Les bourses de sécurité familiale et le Registre national unique au Sénégal",
        "Lancé en 2013, le Programme national de bourses de sécurité familiale devait atteindre "
        "300 000 ménages. Cette étude de cas montre comment le ciblage des bénéficiaires a "
        "servi à bâtir le Registre national unique, aujourd'hui utilisé par d'autres programmes, "
        "et quelles difficultés ont posé les mises à jour dans les zones rurales.",
        ["Ndiaye, Fatou", "Diallo, Aminata"],
        ["cash-transfers", "social-registries"],
        ["world-bank"],
        ["bourses de sécurité familiale", "registre social"],
    ),
    _pub(
        "fr",
        ["SN"],
        "working-paper",
        2020,
        "Bourses de sécurité familiale et activité des femmes : une analyse des ménages "
        "bénéficiaires",
        "La bourse est versée le plus souvent à une femme du ménage. À partir d'une enquête "
        "auprès de 1 200 ménages, ce document de travail montre qu'une partie des bénéficiaires "
        "a lancé un petit commerce ou rejoint une tontine, mais que l'effet reste limité sans "
        "accompagnement ni accès au crédit.",
        ["Ndiaye, Fatou", "Sow, Mamadou"],
        ["cash-transfers", "gender"],
        ["world-bank"],
        ["bourses de sécurité familiale", "autonomisation des femmes"],
    ),
    _pub(
        "fr",
        ["ML"],
        "evaluation",
        2017,
        "Jigisemejiri : évaluation d'impact des transferts monétaires sur la sécurité alimentaire",
        "Jigisemejiri, « l'arbre de l'espoir » en bambara, verse des transferts trimestriels "
        "aux ménages pauvres du Mali. L'évaluation, menée dans les régions du Sud, constate une "
        "meilleure consommation alimentaire pendant la soudure et davantage d'investissements "
        "dans le petit élevage ; les effets sur la scolarisation sont faibles.",
        ["Traoré, Ousmane", "Kowalski, Anna"],
        ["cash-transfers", "shock-responsive"],
        ["world-bank"],
        ["Jigisemejiri", "sécurité alimentaire"],
    ),
    _pub(
        "fr",
        ["NE"],
        "case-study",
        2019,
        "Les clubs Dimitra au Niger : écoute communautaire et résilience face aux chocs",
        "Les clubs Dimitra réunissent des femmes et des hommes d'un même village qui discutent "
        "de leurs problèmes et décident ensemble d'agir. Cette étude de cas, soutenue par la "
        "FAO, montre comment des clubs ont organisé des banques de céréales et des alertes "
        "avant la saison sèche, et comment les femmes y ont pris la parole.",
        ["Issoufou, Mariama", "Dupont, Amélie"],
        ["shock-responsive", "gender"],
        ["fao"],
        ["clubs Dimitra", "résilience"],
    ),
    _pub(
        "fr",
        ["ML", "NE", "SN"],
        "report",
        2021,
        "Protection sociale adaptative au Sahel : enseignements du Mali, du Niger et du Sénégal",
        "Sécheresses, inondations et insécurité frappent les mêmes ménages année après année. "
        "Ce rapport compare la manière dont trois pays ont relié leurs filets sociaux aux "
        "systèmes d'alerte précoce et au financement des risques, et recommande de préparer "
        "à l'avance les listes de bénéficiaires et les mécanismes de paiement.",
        ["Traoré, Ousmane", "Ndiaye, Fatou", "Haddad, Samir"],
        ["shock-responsive", "systems"],
        ["world-bank", "wfp"],
        ["Sahel", "protection sociale adaptative"],
    ),
    _pub(
        "fr",
        [],
        "toolkit",
        2022,
        "Animer une communauté en ligne : guide pratique pour les modérateurs",
        "Ce guide s'adresse aux institutions partenaires qui ouvrent une communauté en ligne "
        "sur la protection sociale. Il explique comment rédiger une note conceptuelle, "
        "planifier des webinaires, publier des annonces et relancer une discussion qui "
        "s'essouffle. Une communauté active a besoin d'un animateur attitré : le guide aide à "
        "définir son rôle dès le départ.",
        ["Dupont, Amélie", "Diallo, Aminata"],
        ["south-south"],
        ["ipc-ig"],
        ["communautés en ligne", "modération"],
    ),
    _pub(
        "fr",
        ["ML", "SN"],
        "journal-article",
        2014,
        "Ciblage communautaire ou score de pauvreté ? Une comparaison au Mali et au Sénégal",
        "Les programmes de transferts du Sahel combinent souvent un premier choix par la "
        "communauté et un score calculé à partir des caractéristiques des ménages. Cet article "
        "compare les deux méthodes sur les mêmes villages : elles ne retiennent pas les mêmes "
        "ménages, et les villageois jugent plus juste le choix fait en assemblée.",
        ["Sow, Mamadou", "Traoré, Ousmane"],
        ["cash-transfers", "social-registries"],
        ["world-bank"],
        ["ciblage", "approximation des moyens d'existence"],
    ),
    _pub(
        "fr",
        [],
        "policy-brief",
        2016,
        "Genre et protection sociale : dépasser le seul rôle de mère",
        "Beaucoup de programmes s'adressent aux femmes en tant que mères et responsables des "
        "enfants. Cette note d'orientation montre qu'ils peuvent aussi reconnaître leur rôle "
        "économique : horaires adaptés des travaux publics, paiements sur un compte à leur nom, "
        "liens avec l'épargne et le crédit. Elle s'appuie sur des exemples d'Afrique et "
        "d'Amérique latine.",
        ["El Idrissi, Nadia", "Moreno, Lucía"],
        ["gender", "cash-transfers"],
        ["fao", "un-women"],
        ["genre", "autonomisation économique"],
    ),
    _pub(
        "fr",
        ["SN"],
        "report",
        2025,
        "Version de travail : revue du Registre national unique du Sénégal",
        "Document interne soumis aux membres avant sa diffusion. Il dresse l'état des mises à "
        "jour du registre depuis 2020, recense les programmes qui l'utilisent et propose des "
        "questions pour l'atelier de validation. Les remarques des membres seront intégrées à "
        "la version publique.",
        ["Ndiaye, Fatou", "Sow, Mamadou"],
        ["social-registries", "systems"],
        ["world-bank"],
        ["registre social", "mise à jour"],
        members_only=True,
    ),
    _pub(
        "fr",
        ["MA"],
        "policy-brief",
        2024,
        "Note interne aux membres : suivi de la réforme du ciblage au Maroc",
        "Note de suivi rédigée pour les membres de la communauté. Elle fait le point sur le "
        "déploiement du Registre social unifié et de l'identifiant numérique des ménages, sur "
        "le calendrier de bascule des programmes existants et sur les questions encore ouvertes "
        "pour les familles qui perdent leur droit à une aide.",
        ["El Idrissi, Nadia", "Benali, Karim"],
        ["social-registries", "conditional-cash-transfers"],
        ["world-bank"],
        ["Registre social unifié", "ciblage"],
        members_only=True,
    ),
]

# Spanish and French versions of English publications, keyed by the English title:
# {language: (title, abstract)}. Authors, year, files and classification are the source's.
TRANSLATIONS = {
    "Malawi Social Cash Transfer Programme: findings of the endline impact evaluation": {
        "fr": (
            "Malawi Social Cash Transfer Programme : résultats de l'évaluation d'impact finale",
            "Cette évaluation compare, dans deux districts, les ménages entrés dans le programme "
            "à ceux qui attendaient encore d'y entrer. Deux ans plus tard, les ménages "
            "bénéficiaires prenaient davantage de repas par jour, possédaient plus de petit "
            "bétail et envoyaient moins souvent leurs enfants travailler ; le transfert n'a pas "
            "réduit le travail des adultes sur leurs propres champs. Le rapport se termine par "
            "des recommandations sur le montant et la régularité des paiements.",
        ),
    },
    "The Productive Safety Net Programme in the 2015–2016 drought: did it scale up in time?": {
        "fr": (
            "Le Productive Safety Net Programme face à la sécheresse de 2015-2016 : a-t-il "
            "réagi à temps ?",
            "Le Productive Safety Net Programme éthiopien dispose d'un budget de réserve pour "
            "aider davantage de personnes quand les pluies manquent. Cette évaluation retrace "
            "sa réponse à la sécheresse liée à El Niño en 2015-2016 : les transferts "
            "supplémentaires ont atteint la plupart des woredas en moins de trois mois, mais "
            "les ménages extérieurs au programme ont attendu l'aide humanitaire plus longtemps "
            "que ses bénéficiaires.",
        ),
    },
    "Health insurance at scale: how Thailand's Universal Coverage Scheme decides what is covered": {
        "es": (
            "Un seguro de salud a gran escala: cómo decide el Universal Coverage Scheme de "
            "Tailandia qué se cubre",
            "Desde 2002, el Universal Coverage Scheme de Tailandia cubre a quienes no tienen "
            "otro seguro de salud. Este estudio de caso describe cómo se evalúan el costo y el "
            "beneficio de los nuevos medicamentos y tratamientos antes de incluirlos en el "
            "paquete, quién toma la decisión y cómo el proceso ha contenido el gasto sin "
            "restringir el acceso.",
        ),
    },
    "Running a community of practice on South-South cooperation: a facilitator's toolkit": {
        "es": (
            "Cómo animar una comunidad de práctica sobre cooperación Sur-Sur: caja de "
            "herramientas para facilitadores",
            "Basada en la Comunidad de Práctica sobre Cooperación Sur-Sur para la Niñez, que "
            "UNICEF y el IPC-IG crearon con un acuerdo firmado en febrero de 2018, esta caja de "
            "herramientas acompaña a los facilitadores en la planificación de una serie de "
            "webinarios, la acogida de nuevos miembros y el seguimiento de los debates. En "
            "octubre de 2021 la comunidad tenía 191 miembros y había celebrado diez webinarios; "
            "incluye listas de verificación y plantillas.",
        ),
        "fr": (
            "Animer une communauté de pratique sur la coopération Sud-Sud : boîte à outils pour "
            "les facilitateurs",
            "Tirée de la Communauté de pratique sur la coopération Sud-Sud pour les enfants, "
            "créée par l'UNICEF et l'IPC-IG à la suite d'un accord signé en février 2018, cette "
            "boîte à outils accompagne les facilitateurs dans la préparation d'une série de "
            "webinaires, l'accueil des nouveaux membres et le suivi des discussions. En octobre "
            "2021, la communauté comptait 191 membres et avait organisé dix webinaires ; des "
            "listes de contrôle et des modèles sont fournis.",
        ),
    },
    "Buying from family farmers: Brazil's National School Feeding Programme and "
    "South-South cooperation": {
        "es": (
            "Comprar a la agricultura familiar: el National School Feeding Programme de Brasil "
            "y la cooperación Sur-Sur",
            "La ley brasileña obliga a destinar al menos el 30 % de los fondos federales de "
            "alimentación escolar a alimentos de la agricultura familiar. Este informe explica "
            "cómo organizan esas compras los municipios, qué han significado para los pequeños "
            "productores y cómo países de África y América Latina han adaptado el modelo con el "
            "apoyo del PMA.",
        ),
        "fr": (
            "Acheter aux exploitations familiales : le National School Feeding Programme du "
            "Brésil et la coopération Sud-Sud",
            "La loi brésilienne impose de consacrer au moins 30 % des fonds fédéraux "
            "d'alimentation scolaire à des produits de l'agriculture familiale. Ce rapport "
            "explique comment les municipalités organisent ces achats, ce qu'ils ont changé "
            "pour les petits producteurs et comment des pays d'Afrique et d'Amérique latine ont "
            "adapté le modèle avec l'appui du PAM.",
        ),
    },
    "Rural women's economic empowerment: what social protection can add": {
        "es": (
            "Empoderamiento económico de las mujeres rurales: lo que puede aportar la "
            "protección social",
            "En Ruanda, las mujeres rurales cultivan la mayor parte de la tierra, pero rara vez "
            "controlan lo que produce. Esta nota se apoya en el programa conjunto sobre el "
            "empoderamiento económico de las mujeres rurales y recomienda tres cambios en la "
            "protección social: pagar las transferencias directamente a las mujeres, ofrecer "
            "obras públicas cerca del hogar y con cuidado infantil, y vincular a las "
            "beneficiarias con grupos de ahorro.",
        ),
        "fr": (
            "Autonomisation économique des femmes rurales : ce que la protection sociale peut "
            "apporter",
            "Au Rwanda, les femmes rurales cultivent la plus grande partie des terres, mais "
            "maîtrisent rarement ce qu'elles rapportent. Cette note s'appuie sur le programme "
            "conjoint pour l'autonomisation économique des femmes rurales et recommande trois "
            "changements : verser les transferts directement aux femmes, proposer des travaux "
            "publics près du domicile avec une garde d'enfants, et relier les bénéficiaires à "
            "des groupes d'épargne.",
        ),
    },
    "Shock-responsive social protection after COVID-19: what social registries made possible": {
        "es": (
            "Protección social reactiva ante crisis después de la COVID-19: lo que hicieron "
            "posible los registros sociales",
            "Cuando llegó la pandemia, los países con un registro social amplio pudieron sumar "
            "nuevos beneficiarios en pocas semanas. Al comparar Brasil, Indonesia y Tailandia, "
            "el artículo muestra que la proporción de la población ya registrada pesó más que "
            "la tecnología del registro, y que los trabajadores informales fueron en todas "
            "partes el grupo más difícil de alcanzar.",
        ),
    },
    "A gateway for South-South learning: the socialprotection.org platform in 2015–2016": {
        "es": (
            "Una puerta al aprendizaje Sur-Sur: la plataforma socialprotection.org en 2015-2016",
            "Este informe revisa la primera fase de socialprotection.org, la plataforma de "
            "intercambio de conocimientos gestionada por el IPC-IG con financiamiento del DFAT. "
            "En diciembre de 2016 contaba con 1550 miembros y 2347 publicaciones revisadas, y "
            "sus 21 webinarios con 13 instituciones asociadas habían reunido a 1756 "
            "participantes. Expone lo que el equipo aprendió sobre la moderación de comunidades "
            "en línea y por qué la plataforma necesitaba versiones en español y en francés.",
        ),
        "fr": (
            "Une passerelle pour l'apprentissage Sud-Sud : la plateforme socialprotection.org en "
            "2015-2016",
            "Ce rapport fait le bilan de la première phase de socialprotection.org, la "
            "plateforme de partage de connaissances gérée par l'IPC-IG grâce à un financement "
            "du DFAT. En décembre 2016, elle comptait 1 550 membres et 2 347 publications "
            "révisées, et ses 21 webinaires organisés avec 13 institutions partenaires avaient "
            "réuni 1 756 participants. Il expose ce que l'équipe a appris sur la modération des "
            "communautés en ligne et pourquoi la plateforme avait besoin de versions espagnole "
            "et française.",
        ),
    },
}
