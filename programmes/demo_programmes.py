"""The demo programme profiles: ten real social protection programmes, each written in
English and translated into Spanish and French as a translator would.

Names, dates, institutions, laws and figures come from the programmes' public record (the
ministries and agencies that run them, and the sources named with each figure); figures are
rounded as those sources round them. The sentences are our own.
"""

# Programme types and target groups: slug, English, Spanish, French.
PROGRAMME_TYPES = [
    (
        "conditional-cash-transfer",
        "Conditional cash transfer",
        "Transferencia monetaria condicionada",
        "Transfert monétaire conditionnel",
    ),
    (
        "unconditional-cash-transfer",
        "Unconditional cash transfer",
        "Transferencia monetaria no condicionada",
        "Transfert monétaire non conditionnel",
    ),
    ("social-pension", "Social pension", "Pensión social", "Pension sociale"),
    ("public-works", "Public works", "Obras públicas", "Travaux publics"),
    ("school-feeding", "School feeding", "Alimentación escolar", "Alimentation scolaire"),
    ("social-insurance", "Social insurance", "Seguro social", "Assurance sociale"),
    ("child-grant", "Child grant", "Subsidio por hijo", "Allocation pour enfant"),
]
TARGET_GROUPS = [
    ("children", "Children", "Niñas, niños y adolescentes", "Enfants"),
    ("older-persons", "Older persons", "Personas mayores", "Personnes âgées"),
    (
        "people-with-disabilities",
        "People with disabilities",
        "Personas con discapacidad",
        "Personnes handicapées",
    ),
    ("women", "Women", "Mujeres", "Femmes"),
    (
        "informal-workers",
        "Informal workers",
        "Trabajadores informales",
        "Travailleurs de l'économie informelle",
    ),
    ("poor-households", "Poor households", "Hogares pobres", "Ménages pauvres"),
    ("rural-households", "Rural households", "Hogares rurales", "Ménages ruraux"),
]

# Organisations the library's demo does not have: slug, acronym, English, Spanish, French.
ORGANISATIONS = [
    (
        "mds-brazil",
        "MDS",
        "Ministry of Development and Social Assistance, Family and Fight against Hunger (Brazil)",
        "Ministerio de Desarrollo y Asistencia Social, Familia y Combate al Hambre (Brasil)",
        "Ministère du Développement et de l'Assistance sociale, de la Famille et de la Lutte "
        "contre la faim (Brésil)",
    ),
    (
        "sedesol-mexico",
        "SEDESOL",
        "Secretariat of Social Development (Mexico)",
        "Secretaría de Desarrollo Social (México)",
        "Secrétariat au Développement social (Mexique)",
    ),
    (
        "sassa",
        "SASSA",
        "South African Social Security Agency",
        "Agencia Sudafricana de Seguridad Social",
        "Agence sud-africaine de sécurité sociale",
    ),
    (
        "mord-india",
        "MoRD",
        "Ministry of Rural Development (India)",
        "Ministerio de Desarrollo Rural (India)",
        "Ministère du Développement rural (Inde)",
    ),
    (
        "moa-ethiopia",
        "MoA",
        "Ministry of Agriculture (Ethiopia)",
        "Ministerio de Agricultura (Etiopía)",
        "Ministère de l'Agriculture (Éthiopie)",
    ),
    (
        "dswd",
        "DSWD",
        "Department of Social Welfare and Development (Philippines)",
        "Departamento de Bienestar Social y Desarrollo (Filipinas)",
        "Département de la Protection sociale et du Développement (Philippines)",
    ),
    (
        "midis",
        "MIDIS",
        "Ministry of Development and Social Inclusion (Peru)",
        "Ministerio de Desarrollo e Inclusión Social (Perú)",
        "Ministère du Développement et de l'Inclusion sociale (Pérou)",
    ),
    (
        "ndma-kenya",
        "NDMA",
        "National Drought Management Authority (Kenya)",
        "Autoridad Nacional de Gestión de la Sequía (Kenia)",
        "Autorité nationale de gestion de la sécheresse (Kenya)",
    ),
    (
        "fcdo",
        "FCDO",
        "Foreign, Commonwealth and Development Office (United Kingdom)",
        "Ministerio de Asuntos Exteriores, Commonwealth y Desarrollo (Reino Unido)",
        "Ministère des Affaires étrangères, du Commonwealth et du Développement (Royaume-Uni)",
    ),
    (
        "gestora-bolivia",
        "Gestora",
        "Public Long-Term Social Security Manager (Bolivia)",
        "Gestora Pública de la Seguridad Social de Largo Plazo (Bolivia)",
        "Gestionnaire public de la sécurité sociale de long terme (Bolivie)",
    ),
    (
        "fosis",
        "FOSIS",
        "Solidarity and Social Investment Fund (Chile)",
        "Fondo de Solidaridad e Inversión Social (Chile)",
        "Fonds de solidarité et d'investissement social (Chili)",
    ),
]

INDEX = {
    "en": (
        "Programmes",
        "Profiles of social protection programmes around the world: who they reach, what they "
        "pay, who runs them and what has been written about them.",
    ),
    "es": (
        "Programas",
        "Fichas de programas de protección social de todo el mundo: a quién llegan, qué "
        "prestaciones ofrecen, quién los gestiona y qué se ha escrito sobre ellos.",
    ),
    "fr": (
        "Programmes",
        "Des fiches sur les programmes de protection sociale du monde entier : qui ils "
        "touchent, ce qu'ils versent, qui les met en œuvre et ce qui a été écrit à leur sujet.",
    ),
}


def _programme(title, acronym, countries, kind, targets, themes, years, **extra):
    return {
        "title": title,
        "acronym": acronym,
        "countries": countries,
        "type": kind,
        "targets": targets,
        "themes": themes,
        "years": years,
        "implementing": extra.pop("implementing", []),
        "funding": extra.pop("funding", []),
        "coverage": extra.pop("coverage", []),
        "links": extra.pop("links", []),
        "publications": extra.pop("publications", []),
        "webinars": extra.pop("webinars", []),
        "communities": extra.pop("communities", []),
        "text": extra.pop("text"),
    }


# Each programme's text in every language: (title, introduction, legal basis, benefits,
# targeting). A title the same in every language is the programme's own name.
PROGRAMMES = [
    _programme(
        "Bolsa Família",
        "PBF",
        ["BR"],
        "conditional-cash-transfer",
        ["poor-households", "children", "women"],
        ["conditional-cash-transfers"],
        (2003, None),
        implementing=["mds-brazil"],
        funding=["world-bank"],
        coverage=[
            (
                21_000_000,
                "families",
                2023,
                "MDS, Bolsa Família monthly payroll",
                "https://www.gov.br/mds/pt-br/acoes-e-programas/bolsa-familia",
            )
        ],
        links=[("gov.br/mds", "https://www.gov.br/mds/pt-br/acoes-e-programas/bolsa-familia")],
        publications=[
            "Conditionalities in practice: how Bolsa Família",
            "Bolsa Família y la autonomía económica",
            "Keeping a social registry current",
        ],
        webinars=["Gender-sensitive Social Protection"],
        communities=["Social Registries and integrated MISs"],
        text={
            "en": (
                "Bolsa Família",
                "Brazil's federal cash transfer for families in poverty, paid mostly to "
                "mothers and linked to school attendance, vaccination and prenatal care.",
                "Created by a provisional measure in 2003, converted into Law 10.836 of 2004; "
                "relaunched by Law 14.601 of 2023.",
                "A monthly transfer per family, with additional amounts for each child, "
                "pregnant woman and nursing mother, paid through a bank card.",
                "Families registered in the Cadastro Único whose monthly income per person "
                "is below the poverty line set by the federal government.",
            ),
            "es": (
                "Bolsa Família",
                "La transferencia monetaria federal de Brasil para las familias en situación "
                "de pobreza, pagada sobre todo a las madres y vinculada a la asistencia "
                "escolar, la vacunación y los controles prenatales.",
                "Creado por una medida provisional en 2003, convertida en la Ley 10.836 de "
                "2004; relanzado por la Ley 14.601 de 2023.",
                "Una transferencia mensual por familia, con montos adicionales por cada hijo, "
                "embarazada y madre lactante, que se cobra con una tarjeta bancaria.",
                "Familias inscritas en el Cadastro Único cuyo ingreso mensual por persona "
                "está por debajo de la línea de pobreza fijada por el Gobierno federal.",
            ),
            "fr": (
                "Bolsa Família",
                "Le transfert monétaire fédéral du Brésil destiné aux familles pauvres, versé "
                "le plus souvent aux mères et lié à la scolarisation, à la vaccination et au "
                "suivi prénatal.",
                "Créé par une mesure provisoire en 2003, devenue la loi 10.836 de 2004 ; "
                "relancé par la loi 14.601 de 2023.",
                "Un versement mensuel par famille, complété pour chaque enfant, chaque femme "
                "enceinte et chaque mère allaitante, retiré avec une carte bancaire.",
                "Les familles inscrites au Cadastro Único dont le revenu mensuel par personne "
                "est inférieur au seuil de pauvreté fixé par le gouvernement fédéral.",
            ),
        },
    ),
    _programme(
        "Prospera",
        "",
        ["MX"],
        "conditional-cash-transfer",
        ["poor-households", "children", "women"],
        ["conditional-cash-transfers"],
        (1997, 2019),
        implementing=["sedesol-mexico"],
        funding=["idb", "world-bank"],
        coverage=[(6_800_000, "families", 2016, "SEDESOL, programme operating figures", "")],
        publications=["Oportunidades en el México rural"],
        text={
            "en": (
                "Prospera (Progresa, Oportunidades)",
                "Mexico's conditional cash transfer, started as Progresa in 1997, renamed "
                "Oportunidades in 2002 and Prospera in 2014, and closed in 2019.",
                "Operating rules published each year in the Official Journal of the "
                "Federation; created by presidential decree in 1997.",
                "Bimonthly grants for food and for each child in school, rising with the "
                "school grade and higher for girls in secondary school.",
                "Rural localities chosen by a marginality index, then households selected "
                "by a proxy means test and checked in community assemblies.",
            ),
            "es": (
                "Prospera (Progresa, Oportunidades)",
                "El programa de transferencias condicionadas de México, que nació como "
                "Progresa en 1997, pasó a llamarse Oportunidades en 2002 y Prospera en 2014, "
                "y cerró en 2019.",
                "Reglas de operación publicadas cada año en el Diario Oficial de la "
                "Federación; creado por decreto presidencial en 1997.",
                "Apoyos bimestrales para la alimentación y becas por cada hijo que estudia, "
                "que aumentan con el grado escolar y son mayores para las niñas en "
                "secundaria.",
                "Localidades rurales elegidas según un índice de marginación y, dentro de "
                "ellas, hogares seleccionados con una prueba de medios indirecta y validados "
                "en asambleas comunitarias.",
            ),
            "fr": (
                "Prospera (Progresa, Oportunidades)",
                "Le transfert monétaire conditionnel du Mexique, lancé sous le nom de "
                "Progresa en 1997, rebaptisé Oportunidades en 2002 puis Prospera en 2014, et "
                "fermé en 2019.",
                "Règles de fonctionnement publiées chaque année au Journal officiel de la "
                "Fédération ; créé par décret présidentiel en 1997.",
                "Des aides bimestrielles pour l'alimentation et des bourses pour chaque "
                "enfant scolarisé, plus élevées dans les classes supérieures et pour les "
                "filles au collège.",
                "Des localités rurales choisies selon un indice de marginalité, puis des "
                "ménages retenus par un test de revenu indirect et validés en assemblée "
                "communautaire.",
            ),
        },
    ),
    _programme(
        "Renta Dignidad",
        "",
        ["BO"],
        "social-pension",
        ["older-persons"],
        ["social-pensions"],
        (2008, None),
        # The Gestora has paid it since 2023, in place of the pension fund administrators.
        implementing=["gestora-bolivia"],
        coverage=[
            (
                1_100_000,
                "older-persons",
                2023,
                "HelpAge International, Pension Watch social pensions database",
                "https://www.pension-watch.net/",
            )
        ],
        publications=[
            "Renta Dignidad y el consumo de los hogares",
            "¿Es sostenible una pensión universal?",
        ],
        text={
            "es": (
                "Renta Dignidad",
                "La pensión no contributiva universal de Bolivia para todas las personas de "
                "60 años o más, tengan o no una jubilación.",
                "Ley 3791 de 2007, de la Renta Universal de Vejez.",
                "Un pago mensual a cada persona mayor, algo menor para quienes ya cobran una "
                "jubilación contributiva, y un aporte para gastos funerarios.",
                "Ninguna prueba de ingresos: basta con residir en Bolivia y haber cumplido "
                "60 años. Se financia sobre todo con el Impuesto Directo a los "
                "Hidrocarburos.",
            ),
            "en": (
                "Renta Dignidad",
                "Bolivia's universal non-contributory pension for everyone aged 60 or over, "
                "whether or not they receive a retirement pension.",
                "Law 3791 of 2007 on the Universal Old-Age Pension.",
                "A monthly payment to every older person, slightly lower for those who "
                "already draw a contributory pension, and a grant towards funeral costs.",
                "No means test: living in Bolivia and being 60 or over is enough. It is "
                "funded mainly from the Direct Tax on Hydrocarbons.",
            ),
            "fr": (
                "Renta Dignidad",
                "La pension non contributive universelle de la Bolivie, versée à toutes les "
                "personnes de 60 ans et plus, qu'elles touchent ou non une retraite.",
                "Loi 3791 de 2007 relative à la rente universelle de vieillesse.",
                "Un versement mensuel à chaque personne âgée, un peu moindre pour celles qui "
                "perçoivent déjà une retraite contributive, et une aide aux frais funéraires.",
                "Aucune condition de ressources : il suffit de résider en Bolivie et d'avoir "
                "60 ans. Elle est financée surtout par l'impôt direct sur les hydrocarbures.",
            ),
        },
    ),
    _programme(
        "Child Support Grant",
        "CSG",
        ["ZA"],
        "child-grant",
        ["children", "poor-households"],
        ["cash-transfers"],
        (1998, None),
        implementing=["sassa"],
        coverage=[
            (
                13_000_000,
                "children",
                2023,
                "SASSA, annual statistical report",
                "https://www.sassa.gov.za/",
            )
        ],
        links=[("sassa.gov.za", "https://www.sassa.gov.za/")],
        publications=["Extending the Child Support Grant to adolescents"],
        webinars=["South-South Cooperation for Children: thematic webinars"],
        communities=["Community of Practice on South-South Cooperation for Children"],
        text={
            "en": (
                "Child Support Grant",
                "South Africa's largest social grant by number of beneficiaries: a monthly "
                "payment to the primary caregiver of a child in a low-income household.",
                "Social Assistance Act 13 of 2004 and its regulations.",
                "A monthly grant per child, paid to the caregiver until the child turns 18.",
                "A means test on the caregiver's income (and a spouse's), with a higher "
                "threshold for couples; no condition on how the grant is spent.",
            ),
            "es": (
                "Child Support Grant (subsidio de manutención infantil)",
                "El subsidio social más extendido de Sudáfrica por número de beneficiarios: "
                "un pago mensual a quien cuida de un niño o una niña en un hogar de bajos "
                "ingresos.",
                "Ley de Asistencia Social 13 de 2004 y su reglamento.",
                "Un subsidio mensual por cada hijo, pagado a la persona cuidadora hasta que "
                "el niño cumple 18 años.",
                "Una prueba de ingresos de la persona cuidadora (y de su cónyuge), con un "
                "umbral más alto para las parejas; sin condiciones sobre el uso del dinero.",
            ),
            "fr": (
                "Child Support Grant (allocation de soutien à l'enfant)",
                "La prestation sociale sud-africaine qui compte le plus de bénéficiaires : un "
                "versement mensuel à la personne qui s'occupe d'un enfant dans un ménage à "
                "faible revenu.",
                "Loi 13 de 2004 sur l'assistance sociale et ses règlements d'application.",
                "Une allocation mensuelle par enfant, versée à la personne qui en a la garde "
                "jusqu'aux 18 ans de l'enfant.",
                "Un plafond de ressources de la personne qui a la garde (et de son conjoint), "
                "plus élevé pour les couples ; aucune condition sur l'usage de l'argent.",
            ),
        },
    ),
    _programme(
        "Mahatma Gandhi National Rural Employment Guarantee Act",
        "MGNREGA",
        ["IN"],
        "public-works",
        ["rural-households", "informal-workers", "women"],
        ["public-works"],
        (2006, None),
        implementing=["mord-india"],
        coverage=[
            (
                60_000_000,
                "households",
                2023,
                "Ministry of Rural Development, MGNREGA management information system",
                "https://nrega.nic.in/",
            )
        ],
        links=[("nrega.nic.in", "https://nrega.nic.in/")],
        publications=["Guaranteed work and rural wages"],
        communities=["Social Protection for Employment Community"],
        text={
            "en": (
                "Mahatma Gandhi National Rural Employment Guarantee Act",
                "India's legal guarantee of paid work for rural households: the largest "
                "public works programme in the world.",
                "National Rural Employment Guarantee Act, 2005 (renamed after Mahatma Gandhi "
                "in 2009).",
                "Up to 100 days a year of unskilled manual work per household at the "
                "notified wage, within five kilometres of home, or an unemployment allowance "
                "if no work is offered within 15 days.",
                "Self-selection: any rural household whose adult members are willing to do "
                "unskilled manual work may register and ask for work.",
            ),
            "es": (
                "Ley Nacional Mahatma Gandhi de Garantía del Empleo Rural (MGNREGA)",
                "La garantía legal de trabajo remunerado para los hogares rurales de la "
                "India: el mayor programa de obras públicas del mundo.",
                "Ley Nacional de Garantía del Empleo Rural de 2005 (lleva el nombre de "
                "Mahatma Gandhi desde 2009).",
                "Hasta 100 días al año de trabajo manual no calificado por hogar, al salario "
                "fijado, a menos de cinco kilómetros de casa, o un subsidio de desempleo si "
                "no se ofrece trabajo en 15 días.",
                "Autoselección: cualquier hogar rural cuyos adultos estén dispuestos a hacer "
                "trabajo manual no calificado puede inscribirse y pedir trabajo.",
            ),
            "fr": (
                "Loi nationale Mahatma Gandhi de garantie de l'emploi rural (MGNREGA)",
                "La garantie légale de travail rémunéré pour les ménages ruraux de l'Inde : "
                "le plus vaste programme de travaux publics au monde.",
                "Loi nationale de 2005 sur la garantie de l'emploi rural (qui porte le nom "
                "de Mahatma Gandhi depuis 2009).",
                "Jusqu'à 100 jours par an de travail manuel non qualifié par ménage, au "
                "salaire fixé, à moins de cinq kilomètres du domicile, ou une allocation de "
                "chômage si aucun travail n'est proposé sous 15 jours.",
                "Auto-ciblage : tout ménage rural dont les adultes acceptent un travail "
                "manuel non qualifié peut s'inscrire et demander du travail.",
            ),
        },
    ),
    _programme(
        "Productive Safety Net Programme",
        "PSNP",
        ["ET"],
        "public-works",
        ["rural-households", "poor-households"],
        ["public-works"],
        (2005, None),
        implementing=["moa-ethiopia"],
        funding=["world-bank", "fcdo", "wfp"],
        coverage=[
            (
                8_000_000,
                "people",
                2015,
                "World Bank, PSNP 4 project appraisal document",
                "https://www.worldbank.org/",
            )
        ],
        publications=["The Productive Safety Net Programme in the 2015"],
        communities=["Social Protection for Employment Community"],
        text={
            "en": (
                "Productive Safety Net Programme",
                "Ethiopia's safety net for chronically food-insecure rural households, "
                "which pays for work on community assets and scales up in droughts.",
                "A government programme under the national social protection policy of "
                "2014, run with a group of development partners.",
                "Cash or food for six months a year in exchange for work on soil and water "
                "conservation, roads and schools; direct support without work for those who "
                "cannot work.",
                "Chronically food-insecure districts, then households chosen by community "
                "food security task forces.",
            ),
            "es": (
                "Programa de Red de Seguridad Productiva (PSNP)",
                "La red de seguridad de Etiopía para los hogares rurales con inseguridad "
                "alimentaria crónica, que paga por trabajos en bienes comunitarios y se "
                "amplía durante las sequías.",
                "Un programa del Gobierno enmarcado en la política nacional de protección "
                "social de 2014, gestionado con un grupo de socios para el desarrollo.",
                "Dinero o alimentos durante seis meses al año a cambio de trabajo en "
                "conservación de suelos y agua, caminos y escuelas; apoyo directo sin "
                "trabajo para quienes no pueden trabajar.",
                "Distritos con inseguridad alimentaria crónica y, dentro de ellos, hogares "
                "elegidos por comités comunitarios de seguridad alimentaria.",
            ),
            "fr": (
                "Programme de filets de sécurité productifs (PSNP)",
                "Le filet de sécurité de l'Éthiopie pour les ménages ruraux en insécurité "
                "alimentaire chronique, qui rémunère des travaux d'intérêt collectif et "
                "s'étend en période de sécheresse.",
                "Un programme gouvernemental inscrit dans la politique nationale de "
                "protection sociale de 2014, mené avec un groupe de partenaires au "
                "développement.",
                "De l'argent ou des vivres six mois par an en échange de travaux de "
                "conservation des sols et de l'eau, de pistes et d'écoles ; un soutien "
                "direct sans travail pour les personnes qui ne peuvent pas travailler.",
                "Des districts en insécurité alimentaire chronique, puis des ménages choisis "
                "par des comités communautaires de sécurité alimentaire.",
            ),
        },
    ),
    _programme(
        "Pantawid Pamilyang Pilipino Program",
        "4Ps",
        ["PH"],
        "conditional-cash-transfer",
        ["poor-households", "children"],
        ["conditional-cash-transfers"],
        (2008, None),
        implementing=["dswd"],
        funding=["world-bank"],
        coverage=[
            (
                4_400_000,
                "households",
                2023,
                "DSWD, Pantawid Pamilya programme data",
                "https://pantawid.dswd.gov.ph/",
            )
        ],
        links=[("pantawid.dswd.gov.ph", "https://pantawid.dswd.gov.ph/")],
        text={
            "en": (
                "Pantawid Pamilyang Pilipino Program",
                "The Philippines' conditional cash transfer for poor households with "
                "children, institutionalised by law in 2019.",
                "Republic Act 11310 of 2019 (the 4Ps Act).",
                "Health and education grants per household, paid for up to seven years, "
                "and a rice subsidy.",
                "Households identified as poor by the national household targeting system "
                "(Listahanan), with children up to 18 or a pregnant member.",
            ),
            "es": (
                "Pantawid Pamilyang Pilipino Program (4Ps)",
                "La transferencia monetaria condicionada de Filipinas para los hogares pobres "
                "con hijos, institucionalizada por ley en 2019.",
                "Ley de la República 11310 de 2019 (Ley de las 4Ps).",
                "Subsidios de salud y educación por hogar, pagados durante un máximo de "
                "siete años, y un subsidio para la compra de arroz.",
                "Hogares identificados como pobres por el sistema nacional de focalización "
                "(Listahanan), con hijos de hasta 18 años o una integrante embarazada.",
            ),
            "fr": (
                "Pantawid Pamilyang Pilipino Program (4Ps)",
                "Le transfert monétaire conditionnel des Philippines pour les ménages pauvres "
                "avec enfants, inscrit dans la loi en 2019.",
                "Loi de la République 11310 de 2019 (loi sur les 4Ps).",
                "Des allocations de santé et d'éducation par ménage, versées jusqu'à sept "
                "ans, et une aide à l'achat de riz.",
                "Les ménages reconnus pauvres par le système national de ciblage "
                "(Listahanan), avec des enfants de moins de 18 ans ou une femme enceinte.",
            ),
        },
    ),
    _programme(
        "Juntos",
        "",
        ["PE"],
        "conditional-cash-transfer",
        ["poor-households", "children", "women"],
        ["conditional-cash-transfers"],
        (2005, None),
        implementing=["midis"],
        coverage=[
            (
                700_000,
                "households",
                2022,
                "MIDIS, Juntos programme statistics",
                "https://www.gob.pe/juntos",
            )
        ],
        links=[("gob.pe/juntos", "https://www.gob.pe/juntos")],
        webinars=["Gender-sensitive Social Protection"],
        text={
            "es": (
                "Juntos",
                "El Programa Nacional de Apoyo Directo a los Más Pobres del Perú: una "
                "transferencia condicionada para hogares en pobreza con gestantes, niñas, "
                "niños y adolescentes.",
                "Decreto Supremo 032-2005-PCM; adscrito al MIDIS desde 2012.",
                "Un incentivo monetario bimestral por hogar, que se cobra en el banco o en "
                "puntos de pago itinerantes en las zonas rurales.",
                "Distritos con alta pobreza, hogares calificados como pobres en el Padrón "
                "General de Hogares y validación en asambleas comunales.",
            ),
            "en": (
                "Juntos",
                "Peru's National Programme of Direct Support to the Poorest: a conditional "
                "transfer for poor households with pregnant women, children and adolescents.",
                "Supreme Decree 032-2005-PCM; under MIDIS since 2012.",
                "A bimonthly cash incentive per household, collected at the bank or at "
                "mobile pay points in rural areas.",
                "Districts with high poverty, households classified as poor in the General "
                "Household Register, and validation in community assemblies.",
            ),
            "fr": (
                "Juntos",
                "Le Programme national d'aide directe aux plus pauvres du Pérou : un "
                "transfert conditionnel pour les ménages pauvres comptant des femmes "
                "enceintes, des enfants et des adolescents.",
                "Décret suprême 032-2005-PCM ; rattaché au MIDIS depuis 2012.",
                "Une incitation monétaire bimestrielle par ménage, retirée à la banque ou à "
                "des points de paiement itinérants en zone rurale.",
                "Des districts très pauvres, des ménages classés pauvres dans le registre "
                "général des ménages, et une validation en assemblée communautaire.",
            ),
        },
    ),
    _programme(
        "Hunger Safety Net Programme",
        "HSNP",
        ["KE"],
        "unconditional-cash-transfer",
        ["poor-households", "rural-households"],
        ["cash-transfers"],
        (2009, None),
        implementing=["ndma-kenya"],
        funding=["fcdo"],
        coverage=[
            (
                100_000,
                "households",
                2019,
                "NDMA, HSNP programme data",
                "https://www.hsnp.or.ke/",
            )
        ],
        links=[("hsnp.or.ke", "https://www.hsnp.or.ke/")],
        text={
            "en": (
                "Hunger Safety Net Programme",
                "Kenya's unconditional cash transfer for poor households in the arid north, "
                "designed to grow quickly when drought strikes.",
                "Part of Kenya's National Safety Net Programme under the Social Assistance "
                "Act of 2013.",
                "A regular bimonthly transfer paid into a bank account, and emergency "
                "payments to many more households when drought indicators cross a "
                "threshold.",
                "Households in Mandera, Marsabit, Turkana and Wajir ranked by community-based "
                "targeting and a proxy means test.",
            ),
            "es": (
                "Programa de Red de Seguridad contra el Hambre (HSNP)",
                "La transferencia no condicionada de Kenia para los hogares pobres del norte "
                "árido, pensada para ampliarse con rapidez cuando llega la sequía.",
                "Forma parte del Programa Nacional de Redes de Seguridad de Kenia, en el "
                "marco de la Ley de Asistencia Social de 2013.",
                "Una transferencia bimestral regular ingresada en una cuenta bancaria y pagos "
                "de emergencia a muchos más hogares cuando los indicadores de sequía superan "
                "un umbral.",
                "Hogares de Mandera, Marsabit, Turkana y Wajir ordenados mediante "
                "focalización comunitaria y una prueba de medios indirecta.",
            ),
            "fr": (
                "Programme de filet de sécurité contre la faim (HSNP)",
                "Le transfert non conditionnel du Kenya pour les ménages pauvres du nord "
                "aride, conçu pour s'étendre vite en cas de sécheresse.",
                "Composante du programme national de filets de sécurité du Kenya, dans le "
                "cadre de la loi de 2013 sur l'assistance sociale.",
                "Un versement bimestriel régulier sur un compte bancaire, et des paiements "
                "d'urgence à bien plus de ménages quand les indicateurs de sécheresse "
                "franchissent un seuil.",
                "Les ménages de Mandera, Marsabit, Turkana et Wajir classés par un ciblage "
                "communautaire et un test de revenu indirect.",
            ),
        },
    ),
    _programme(
        "Chile Solidario",
        "",
        ["CL"],
        "conditional-cash-transfer",
        ["poor-households", "older-persons", "people-with-disabilities"],
        ["cash-transfers"],
        (2002, 2012),
        implementing=["fosis"],
        text={
            "es": (
                "Chile Solidario",
                "El sistema de protección social chileno para las familias en extrema "
                "pobreza, que combinaba acompañamiento psicosocial, transferencias y acceso "
                "preferente a los servicios públicos.",
                "Ley 19.949 de 2004; reemplazado por el Ingreso Ético Familiar en 2012.",
                "Un bono de protección decreciente durante dos años de acompañamiento y, "
                "después, un bono de egreso, además de los subsidios a los que la familia "
                "tenía derecho.",
                "Familias en extrema pobreza según la Ficha de Protección Social, invitadas "
                "a firmar un contrato familiar con el programa Puente.",
            ),
            "en": (
                "Chile Solidario",
                "Chile's social protection system for families in extreme poverty, which "
                "combined psychosocial support, cash transfers and priority access to public "
                "services.",
                "Law 19.949 of 2004; replaced by the Ethical Family Income in 2012.",
                "A protection bonus that tapered over two years of family support, then an "
                "exit bonus, on top of the subsidies the family was entitled to.",
                "Families in extreme poverty according to the Social Protection Record, "
                "invited to sign a family contract with the Puente programme.",
            ),
            "fr": (
                "Chile Solidario",
                "Le système chilien de protection sociale pour les familles en extrême "
                "pauvreté, qui associait accompagnement psychosocial, transferts monétaires "
                "et accès prioritaire aux services publics.",
                "Loi 19.949 de 2004 ; remplacé par le Revenu éthique familial en 2012.",
                "Une prime de protection dégressive pendant deux ans d'accompagnement, puis "
                "une prime de sortie, en plus des aides auxquelles la famille avait droit.",
                "Les familles en extrême pauvreté selon la fiche de protection sociale, "
                "invitées à signer un contrat familial avec le programme Puente.",
            ),
        },
    ),
]
