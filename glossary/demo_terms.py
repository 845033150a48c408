"""The demo glossary's terms, each written in English, Spanish and French.

Every term is ``(slug, themes, related, sources, {language: (title, abbreviation, synonyms,
definition)})``: themes are the portal's theme slugs, related the slugs of other terms here,
sources ``(title, url)`` pairs naming the public pages the definitions follow. Definitions
are our own sentences, after the ILO's, the World Bank's, UNICEF's and socialprotection.org's
glossaries.
"""

SP_GLOSSARY = ("socialprotection.org, Glossary", "https://socialprotection.org/learn/glossary")
ILO_WSPR = (
    "ILO, World Social Protection Report 2020–22",
    "https://www.ilo.org/publications/flagship-reports/world-social-protection-report-2020-22",
)
ILO_R202 = (
    "ILO, Social Protection Floors Recommendation, 2012 (No. 202)",
    "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R202",
)
ILO_C102 = (
    "ILO, Social Security (Minimum Standards) Convention, 1952 (No. 102)",
    "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102",
)
WB_TARGETING = (
    "World Bank, Revisiting Targeting in Social Assistance (2022)",
    "https://openknowledge.worldbank.org/handle/10986/36293",
)
WB_SOURCEBOOK = (
    "World Bank, Sourcebook on the Foundations of Social Protection Delivery Systems (2020)",
    "https://openknowledge.worldbank.org/handle/10986/34044",
)
WB_SSN = (
    "World Bank, The State of Social Safety Nets 2018",
    "https://openknowledge.worldbank.org/handle/10986/29115",
)
WB_ASP = (
    "World Bank, Adaptive Social Protection: Building Resilience to Shocks (2020)",
    "https://openknowledge.worldbank.org/handle/10986/33785",
)
UNICEF_FRAMEWORK = (
    "UNICEF, Global Social Protection Programme Framework (2019)",
    "https://www.unicef.org/reports/global-social-protection-programme-framework-2019",
)
WFP_SCHOOL_MEALS = ("WFP, School meals", "https://www.wfp.org/school-meals")
BRAC_GRADUATION = ("BRAC, Ultra-Poor Graduation Initiative", "https://bracupgi.org/")

TERMS = [
    (
        "means-test",
        ["social-assistance"],
        ["proxy-means-test", "targeting"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Means test",
                "",
                "income test, means testing",
                "A way of deciding eligibility by measuring a household's income and, often, "
                "its assets against a threshold. Only those below the threshold receive the "
                "benefit.",
            ),
            "es": (
                "Comprobación de medios",
                "",
                "prueba de medios, verificación de ingresos",
                "Método que determina la elegibilidad midiendo los ingresos y, a menudo, los "
                "bienes de un hogar frente a un umbral. Solo quienes quedan por debajo del "
                "umbral reciben la prestación.",
            ),
            "fr": (
                "Examen des ressources",
                "",
                "condition de ressources, contrôle des ressources",
                "Méthode qui détermine l'éligibilité en comparant les revenus et souvent le "
                "patrimoine d'un ménage à un seuil. Seuls les ménages sous ce seuil reçoivent "
                "la prestation.",
            ),
        },
    ),
    (
        "proxy-means-test",
        ["social-assistance", "social-registries"],
        ["means-test", "targeting", "social-registry"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Proxy means test",
                "PMT",
                "proxy means testing",
                "An estimate of a household's welfare from characteristics that are easy to "
                "observe, such as housing, assets and household size, used where incomes "
                "cannot be verified. Households scoring below a cut-off are eligible.",
            ),
            "es": (
                "Comprobación de medios sustitutiva",
                "PMT",
                "prueba de medios indirecta, índice de focalización",
                "Estimación del bienestar de un hogar a partir de características fáciles de "
                "observar, como la vivienda, los bienes y el tamaño del hogar, cuando los "
                "ingresos no se pueden verificar. Los hogares con un puntaje inferior al "
                "corte son elegibles.",
            ),
            "fr": (
                "Examen indirect des ressources",
                "PMT",
                "test multidimensionnel des moyens d'existence",
                "Estimation du bien-être d'un ménage à partir de caractéristiques faciles à "
                "observer, comme le logement, les biens et la taille du ménage, lorsque les "
                "revenus ne peuvent pas être vérifiés. Les ménages dont le score est inférieur "
                "au seuil sont éligibles.",
            ),
        },
    ),
    (
        "targeting",
        ["social-assistance"],
        ["means-test", "categorical-targeting", "inclusion-error", "exclusion-error"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Targeting",
                "",
                "beneficiary selection",
                "The set of rules and methods a programme uses to direct its benefits to a "
                "chosen group, such as the poorest households. Every method makes inclusion "
                "and exclusion errors and has costs of its own.",
            ),
            "es": (
                "Focalización",
                "",
                "selección de beneficiarios, targeting",
                "Conjunto de reglas y métodos con que un programa dirige sus prestaciones a "
                "un grupo elegido, como los hogares más pobres. Todo método comete errores de "
                "inclusión y de exclusión y tiene sus propios costos.",
            ),
            "fr": (
                "Ciblage",
                "",
                "sélection des bénéficiaires",
                "Ensemble des règles et méthodes par lesquelles un programme oriente ses "
                "prestations vers un groupe choisi, par exemple les ménages les plus pauvres. "
                "Toute méthode commet des erreurs d'inclusion et d'exclusion et a un coût.",
            ),
        },
    ),
    (
        "graduation",
        ["social-assistance", "labour-market"],
        ["cash-plus", "public-works"],
        [BRAC_GRADUATION, SP_GLOSSARY],
        {
            "en": (
                "Graduation",
                "",
                "graduation approach, graduation model",
                "A sequenced package for extremely poor households, typically consumption "
                "support, an asset transfer, training, coaching and savings, meant to lift "
                "them into sustainable livelihoods. The term also names leaving a programme "
                "once its eligibility criteria are no longer met.",
            ),
            "es": (
                "Graduación",
                "",
                "enfoque de graduación, modelo de graduación",
                "Paquete secuenciado para hogares en pobreza extrema, con apoyo al consumo, "
                "transferencia de activos, capacitación, acompañamiento y ahorro, que busca "
                "llevarlos a medios de vida sostenibles. También designa la salida de un "
                "programa cuando ya no se cumplen sus criterios.",
            ),
            "fr": (
                "Graduation",
                "",
                "approche de graduation, sortie de la pauvreté",
                "Ensemble séquencé destiné aux ménages extrêmement pauvres, avec soutien à la "
                "consommation, transfert d'actifs, formation, accompagnement et épargne, pour "
                "les mener vers des moyens de subsistance durables. Le terme désigne aussi la "
                "sortie d'un programme lorsque ses critères ne sont plus remplis.",
            ),
        },
    ),
    (
        "social-registry",
        ["social-registries", "systems"],
        ["single-registry", "management-information-system", "proxy-means-test"],
        [WB_SOURCEBOOK, SP_GLOSSARY],
        {
            "en": (
                "Social registry",
                "",
                "registry of potential beneficiaries",
                "An information system holding data on people and households who may be "
                "eligible for social programmes, used for intake, registration and the "
                "assessment of needs. Several programmes can select their beneficiaries from "
                "it.",
            ),
            "es": (
                "Registro social",
                "",
                "registro social de hogares, padrón de potenciales beneficiarios",
                "Sistema de información con datos de personas y hogares que pueden ser "
                "elegibles para programas sociales, usado para la admisión, el registro y la "
                "evaluación de necesidades. Varios programas pueden seleccionar en él a sus "
                "beneficiarios.",
            ),
            "fr": (
                "Registre social",
                "",
                "registre des bénéficiaires potentiels",
                "Système d'information contenant des données sur les personnes et les "
                "ménages susceptibles d'être éligibles aux programmes sociaux, utilisé pour "
                "l'accueil, l'enregistrement et l'évaluation des besoins. Plusieurs "
                "programmes peuvent y sélectionner leurs bénéficiaires.",
            ),
        },
    ),
    (
        "conditionality",
        ["conditional-cash-transfers"],
        ["conditional-cash-transfer", "unconditional-cash-transfer"],
        [WB_SSN, SP_GLOSSARY],
        {
            "en": (
                "Conditionality",
                "",
                "conditions, co-responsibilities",
                "A requirement beneficiaries must meet to keep receiving a benefit, such as "
                "children's school attendance or health check-ups. Conditions may be enforced "
                "with penalties or only encouraged (soft conditions).",
            ),
            "es": (
                "Condicionalidad",
                "",
                "corresponsabilidades, condiciones",
                "Requisito que los beneficiarios deben cumplir para seguir recibiendo una "
                "prestación, como la asistencia escolar de los niños o los controles de "
                "salud. Puede exigirse con sanciones o solo promoverse (condicionalidad "
                "blanda).",
            ),
            "fr": (
                "Conditionnalité",
                "",
                "conditions, coresponsabilités",
                "Exigence que les bénéficiaires doivent remplir pour continuer à recevoir une "
                "prestation, comme la scolarisation des enfants ou les visites de santé. Elle "
                "peut être assortie de sanctions ou seulement encouragée (conditionnalité "
                "souple).",
            ),
        },
    ),
    (
        "conditional-cash-transfer",
        ["conditional-cash-transfers", "cash-transfers"],
        ["conditionality", "unconditional-cash-transfer"],
        [WB_SSN, SP_GLOSSARY],
        {
            "en": (
                "Conditional cash transfer",
                "CCT",
                "conditional cash transfer programme",
                "A regular cash payment to poor households on condition that they invest in "
                "their children's human capital, for example through school attendance and "
                "health visits. Brazil's Bolsa Família and Mexico's Progresa are well-known "
                "examples.",
            ),
            "es": (
                "Transferencia monetaria condicionada",
                "TMC",
                "programa de transferencias condicionadas",
                "Pago regular en efectivo a hogares pobres a cambio de que inviertan en el "
                "capital humano de sus hijos, por ejemplo con asistencia escolar y controles "
                "de salud. Bolsa Família en Brasil y Progresa en México son ejemplos "
                "conocidos.",
            ),
            "fr": (
                "Transfert monétaire conditionnel",
                "TMC",
                "programme de transferts conditionnels",
                "Versement régulier d'argent à des ménages pauvres à condition qu'ils "
                "investissent dans le capital humain de leurs enfants, par exemple par la "
                "scolarisation et les visites de santé. Bolsa Família au Brésil et Progresa "
                "au Mexique en sont des exemples connus.",
            ),
        },
    ),
    (
        "unconditional-cash-transfer",
        ["cash-transfers"],
        ["conditional-cash-transfer", "universal-basic-income", "child-grant"],
        [WB_SSN, SP_GLOSSARY],
        {
            "en": (
                "Unconditional cash transfer",
                "UCT",
                "unconditional transfer",
                "A cash payment given to eligible people without requiring them to do "
                "anything in return. Recipients decide how to use the money.",
            ),
            "es": (
                "Transferencia monetaria no condicionada",
                "TMNC",
                "transferencia incondicional",
                "Pago en efectivo a personas elegibles sin exigirles ninguna contrapartida. "
                "Quienes lo reciben deciden cómo usar el dinero.",
            ),
            "fr": (
                "Transfert monétaire non conditionnel",
                "TMNC",
                "transfert inconditionnel",
                "Versement d'argent à des personnes éligibles sans contrepartie exigée. Les "
                "bénéficiaires décident de l'usage de l'argent.",
            ),
        },
    ),
    (
        "universal-basic-income",
        ["cash-transfers", "financing"],
        ["unconditional-cash-transfer", "social-protection-floor"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Universal basic income",
                "UBI",
                "basic income, citizen's income",
                "A regular cash payment to every individual, without a means test and "
                "without conditions. Few countries pay one nationally; most evidence comes "
                "from pilots.",
            ),
            "es": (
                "Renta básica universal",
                "RBU",
                "ingreso básico universal, renta ciudadana",
                "Pago regular en efectivo a cada persona, sin comprobación de medios ni "
                "condiciones. Pocos países lo pagan a escala nacional; la mayor parte de la "
                "evidencia proviene de pilotos.",
            ),
            "fr": (
                "Revenu de base universel",
                "RBU",
                "revenu universel, allocation universelle",
                "Versement régulier d'argent à chaque personne, sans examen des ressources ni "
                "conditions. Peu de pays en versent un à l'échelle nationale ; l'essentiel "
                "des données vient d'expériences pilotes.",
            ),
        },
    ),
    (
        "social-pension",
        ["social-pensions"],
        ["non-contributory-pension", "contributory-pension"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Social pension",
                "",
                "old-age grant",
                "A regular cash benefit for older people financed from taxes rather than "
                "contributions. It may be universal above an age or limited to those without "
                "another pension or income.",
            ),
            "es": (
                "Pensión social",
                "",
                "pensión para adultos mayores",
                "Prestación monetaria regular para personas mayores financiada con impuestos "
                "y no con cotizaciones. Puede ser universal a partir de una edad o limitarse "
                "a quienes no tienen otra pensión ni ingresos.",
            ),
            "fr": (
                "Pension sociale",
                "",
                "allocation vieillesse",
                "Prestation monétaire régulière pour les personnes âgées financée par "
                "l'impôt plutôt que par des cotisations. Elle peut être universelle à partir "
                "d'un âge ou réservée aux personnes sans autre pension ni revenu.",
            ),
        },
    ),
    (
        "public-works",
        ["public-works", "labour-market"],
        ["labour-market-programmes", "graduation"],
        [WB_SSN, SP_GLOSSARY],
        {
            "en": (
                "Public works programme",
                "PWP",
                "workfare, cash for work, employment guarantee",
                "A programme that pays cash or food in return for work, often on community "
                "infrastructure. India's Mahatma Gandhi National Rural Employment Guarantee "
                "is the largest.",
            ),
            "es": (
                "Programa de obras públicas",
                "",
                "empleo temporal, dinero por trabajo, garantía de empleo",
                "Programa que paga en efectivo o en alimentos a cambio de trabajo, a menudo "
                "en infraestructura comunitaria. La garantía nacional de empleo rural "
                "Mahatma Gandhi de la India es el mayor.",
            ),
            "fr": (
                "Programme de travaux publics",
                "",
                "travaux à haute intensité de main-d'œuvre, argent contre travail",
                "Programme qui rémunère un travail en argent ou en nourriture, souvent sur "
                "des infrastructures communautaires. La garantie nationale d'emploi rural "
                "Mahatma Gandhi en Inde est le plus grand.",
            ),
        },
    ),
    (
        "school-feeding",
        ["school-feeding", "children"],
        ["cash-plus", "social-assistance"],
        [WFP_SCHOOL_MEALS, SP_GLOSSARY],
        {
            "en": (
                "School feeding",
                "",
                "school meals, school lunch programme",
                "The provision of meals, snacks or take-home rations to children at school. "
                "It supports nutrition and attendance and, when food is bought locally, "
                "farmers' incomes.",
            ),
            "es": (
                "Alimentación escolar",
                "",
                "comedores escolares, programa de alimentación escolar",
                "Provisión de comidas, refrigerios o raciones para llevar a los niños en la "
                "escuela. Apoya la nutrición y la asistencia y, cuando los alimentos se "
                "compran localmente, los ingresos de los agricultores.",
            ),
            "fr": (
                "Alimentation scolaire",
                "",
                "cantines scolaires, repas scolaires",
                "Fourniture de repas, de collations ou de rations à emporter aux enfants à "
                "l'école. Elle soutient la nutrition et la fréquentation scolaire et, quand "
                "les aliments sont achetés localement, les revenus des agriculteurs.",
            ),
        },
    ),
    (
        "social-insurance",
        ["social-insurance"],
        ["contributory-pension", "social-assistance"],
        [ILO_C102, SP_GLOSSARY],
        {
            "en": (
                "Social insurance",
                "",
                "contributory social security",
                "Schemes financed by contributions from workers and employers, sometimes "
                "with state subsidies, that protect members against risks such as old age, "
                "sickness, disability and unemployment. Entitlement follows from "
                "contributions paid.",
            ),
            "es": (
                "Seguro social",
                "",
                "seguridad social contributiva",
                "Regímenes financiados con cotizaciones de trabajadores y empleadores, a "
                "veces con subsidios del Estado, que protegen a sus afiliados frente a "
                "riesgos como la vejez, la enfermedad, la discapacidad y el desempleo. El "
                "derecho nace de las cotizaciones pagadas.",
            ),
            "fr": (
                "Assurance sociale",
                "",
                "sécurité sociale contributive",
                "Régimes financés par les cotisations des travailleurs et des employeurs, "
                "parfois avec des subventions publiques, qui protègent leurs affiliés contre "
                "des risques comme la vieillesse, la maladie, l'invalidité et le chômage. Le "
                "droit découle des cotisations versées.",
            ),
        },
    ),
    (
        "social-assistance",
        ["social-assistance"],
        ["social-insurance", "targeting", "unconditional-cash-transfer"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Social assistance",
                "",
                "social safety nets, non-contributory transfers",
                "Non-contributory benefits in cash or in kind, financed from taxes, for "
                "people living in poverty or vulnerability. It includes cash transfers, "
                "social pensions, school feeding and public works.",
            ),
            "es": (
                "Asistencia social",
                "",
                "redes de protección social, transferencias no contributivas",
                "Prestaciones no contributivas en efectivo o en especie, financiadas con "
                "impuestos, para personas en situación de pobreza o vulnerabilidad. Incluye "
                "transferencias monetarias, pensiones sociales, alimentación escolar y obras "
                "públicas.",
            ),
            "fr": (
                "Assistance sociale",
                "",
                "filets sociaux, transferts non contributifs",
                "Prestations non contributives en espèces ou en nature, financées par "
                "l'impôt, pour les personnes pauvres ou vulnérables. Elle comprend les "
                "transferts monétaires, les pensions sociales, l'alimentation scolaire et les "
                "travaux publics.",
            ),
        },
    ),
    (
        "coverage-gap",
        ["systems", "financing"],
        ["exclusion-error", "social-protection-floor"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Coverage gap",
                "",
                "protection gap",
                "The share of a population, or of a group in need, that no social protection "
                "benefit reaches. The ILO estimated that in 2020 more than half of the "
                "world's population had no benefit at all.",
            ),
            "es": (
                "Brecha de cobertura",
                "",
                "brecha de protección",
                "Proporción de una población, o de un grupo con necesidades, a la que no "
                "llega ninguna prestación de protección social. La OIT estimó que en 2020 "
                "más de la mitad de la población mundial no recibía ninguna.",
            ),
            "fr": (
                "Déficit de couverture",
                "",
                "écart de couverture, déficit de protection",
                "Part d'une population, ou d'un groupe dans le besoin, qu'aucune prestation "
                "de protection sociale n'atteint. L'OIT estimait qu'en 2020 plus de la moitié "
                "de la population mondiale n'en recevait aucune.",
            ),
        },
    ),
    (
        "inclusion-error",
        ["social-assistance"],
        ["exclusion-error", "targeting"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Inclusion error",
                "",
                "leakage, type II error",
                "The share of a programme's beneficiaries who do not meet its eligibility "
                "criteria. It is reduced by stricter targeting, usually at the price of more "
                "exclusion errors.",
            ),
            "es": (
                "Error de inclusión",
                "",
                "filtración",
                "Proporción de los beneficiarios de un programa que no cumplen sus criterios "
                "de elegibilidad. Se reduce con una focalización más estricta, por lo general "
                "a costa de más errores de exclusión.",
            ),
            "fr": (
                "Erreur d'inclusion",
                "",
                "fuite",
                "Part des bénéficiaires d'un programme qui ne remplissent pas ses critères "
                "d'éligibilité. Un ciblage plus strict la réduit, le plus souvent au prix de "
                "davantage d'erreurs d'exclusion.",
            ),
        },
    ),
    (
        "exclusion-error",
        ["social-assistance"],
        ["inclusion-error", "coverage-gap", "targeting"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Exclusion error",
                "",
                "undercoverage, type I error",
                "The share of the people a programme means to reach who do not receive it. "
                "Causes include targeting methods, lack of information, distance and the "
                "cost of applying.",
            ),
            "es": (
                "Error de exclusión",
                "",
                "subcobertura",
                "Proporción de las personas a las que un programa busca llegar que no lo "
                "reciben. Sus causas incluyen el método de focalización, la falta de "
                "información, la distancia y el costo de postular.",
            ),
            "fr": (
                "Erreur d'exclusion",
                "",
                "sous-couverture",
                "Part des personnes qu'un programme veut atteindre qui ne le reçoivent pas. "
                "Elle tient à la méthode de ciblage, au manque d'information, à la distance "
                "et au coût de la demande.",
            ),
        },
    ),
    (
        "benefit-incidence",
        ["social-assistance", "financing"],
        ["targeting", "inclusion-error"],
        [WB_SSN, SP_GLOSSARY],
        {
            "en": (
                "Benefit incidence",
                "",
                "incidence analysis",
                "How a programme's spending or benefits are distributed across the "
                "population, usually by income or consumption quintile. It shows what share "
                "of benefits reaches the poorest.",
            ),
            "es": (
                "Incidencia de los beneficios",
                "",
                "análisis de incidencia",
                "Distribución del gasto o de las prestaciones de un programa entre la "
                "población, por lo general por quintil de ingreso o de consumo. Muestra qué "
                "parte de los beneficios llega a los más pobres.",
            ),
            "fr": (
                "Incidence des prestations",
                "",
                "analyse d'incidence",
                "Répartition des dépenses ou des prestations d'un programme dans la "
                "population, le plus souvent par quintile de revenu ou de consommation. Elle "
                "montre quelle part des prestations atteint les plus pauvres.",
            ),
        },
    ),
    (
        "shock-responsive-social-protection",
        ["shock-responsive"],
        ["adaptive-social-protection", "social-registry"],
        [WB_ASP, SP_GLOSSARY],
        {
            "en": (
                "Shock-responsive social protection",
                "SRSP",
                "shock-sensitive social protection",
                "The use of social protection systems to respond to large shocks such as "
                "droughts, floods, epidemics or economic crises. Programmes may pay existing "
                "beneficiaries more (vertical expansion) or reach new ones (horizontal "
                "expansion).",
            ),
            "es": (
                "Protección social reactiva ante emergencias",
                "",
                "protección social sensible a choques, protección social adaptable a crisis",
                "Uso de los sistemas de protección social para responder a grandes choques "
                "como sequías, inundaciones, epidemias o crisis económicas. Los programas "
                "pueden pagar más a los beneficiarios actuales (expansión vertical) o llegar "
                "a nuevos (expansión horizontal).",
            ),
            "fr": (
                "Protection sociale réactive aux chocs",
                "",
                "protection sociale réactive aux crises",
                "Recours aux systèmes de protection sociale pour répondre à de grands chocs "
                "comme les sécheresses, les inondations, les épidémies ou les crises "
                "économiques. Les programmes peuvent verser davantage aux bénéficiaires "
                "existants (extension verticale) ou en atteindre de nouveaux (extension "
                "horizontale).",
            ),
        },
    ),
    (
        "adaptive-social-protection",
        ["shock-responsive"],
        ["shock-responsive-social-protection", "cash-plus"],
        [WB_ASP, SP_GLOSSARY],
        {
            "en": (
                "Adaptive social protection",
                "ASP",
                "",
                "An approach that builds the resilience of poor households before shocks "
                "hit, and prepares programmes to scale up when they do. It joins social "
                "protection with disaster risk management and climate adaptation.",
            ),
            "es": (
                "Protección social adaptativa",
                "",
                "",
                "Enfoque que fortalece la resiliencia de los hogares pobres antes de que "
                "ocurran los choques y prepara los programas para ampliarse cuando ocurren. "
                "Une la protección social con la gestión del riesgo de desastres y la "
                "adaptación al cambio climático.",
            ),
            "fr": (
                "Protection sociale adaptative",
                "",
                "",
                "Approche qui renforce la résilience des ménages pauvres avant les chocs et "
                "prépare les programmes à s'étendre lorsqu'ils surviennent. Elle relie la "
                "protection sociale à la gestion des risques de catastrophe et à "
                "l'adaptation au changement climatique.",
            ),
        },
    ),
    (
        "social-protection-floor",
        ["systems", "financing"],
        ["coverage-gap", "social-pension", "child-grant"],
        [ILO_R202, SP_GLOSSARY],
        {
            "en": (
                "Social protection floor",
                "SPF",
                "national social protection floor",
                "A nationally defined set of basic guarantees that secure, over the life "
                "cycle, access to essential health care and basic income security. It was "
                "set out in the ILO's Recommendation No. 202 of 2012.",
            ),
            "es": (
                "Piso de protección social",
                "PPS",
                "piso nacional de protección social",
                "Conjunto de garantías básicas definido por cada país que asegura, a lo "
                "largo del ciclo de vida, el acceso a la atención de salud esencial y una "
                "seguridad básica del ingreso. Lo estableció la Recomendación núm. 202 de la "
                "OIT, de 2012.",
            ),
            "fr": (
                "Socle de protection sociale",
                "SPS",
                "socle national de protection sociale",
                "Ensemble de garanties élémentaires défini par chaque pays qui assure, tout "
                "au long de la vie, l'accès aux soins de santé essentiels et une sécurité "
                "élémentaire de revenu. Il a été défini par la Recommandation n° 202 de "
                "l'OIT, en 2012.",
            ),
        },
    ),
    (
        "categorical-targeting",
        ["social-assistance"],
        ["targeting", "social-pension", "child-grant"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Categorical targeting",
                "",
                "demographic targeting, group targeting",
                "Selecting beneficiaries by a category that is easy to verify, such as age, "
                "disability or place of residence, rather than by income. Social pensions "
                "and child grants often use it.",
            ),
            "es": (
                "Focalización categórica",
                "",
                "focalización demográfica",
                "Selección de beneficiarios por una categoría fácil de verificar, como la "
                "edad, la discapacidad o el lugar de residencia, y no por los ingresos. Las "
                "pensiones sociales y las asignaciones por hijo suelen usarla.",
            ),
            "fr": (
                "Ciblage catégoriel",
                "",
                "ciblage démographique",
                "Sélection des bénéficiaires selon une catégorie facile à vérifier, comme "
                "l'âge, le handicap ou le lieu de résidence, plutôt que selon le revenu. Les "
                "pensions sociales et les allocations pour enfants y recourent souvent.",
            ),
        },
    ),
    (
        "community-based-targeting",
        ["social-assistance"],
        ["targeting", "proxy-means-test"],
        [WB_TARGETING, SP_GLOSSARY],
        {
            "en": (
                "Community-based targeting",
                "CBT",
                "community targeting",
                "Selecting beneficiaries through community members or leaders, who rank "
                "households by need. It draws on local knowledge but may be swayed by local "
                "power.",
            ),
            "es": (
                "Focalización comunitaria",
                "",
                "focalización basada en la comunidad",
                "Selección de beneficiarios por miembros o líderes de la comunidad, que "
                "ordenan los hogares según su necesidad. Aprovecha el conocimiento local, "
                "pero puede verse influida por el poder local.",
            ),
            "fr": (
                "Ciblage communautaire",
                "",
                "ciblage à base communautaire",
                "Sélection des bénéficiaires par des membres ou des responsables de la "
                "communauté, qui classent les ménages selon leurs besoins. Elle s'appuie sur "
                "le savoir local mais peut subir l'influence des pouvoirs locaux.",
            ),
        },
    ),
    (
        "grievance-redress-mechanism",
        ["systems"],
        ["management-information-system", "exclusion-error"],
        [WB_SOURCEBOOK, SP_GLOSSARY],
        {
            "en": (
                "Grievance redress mechanism",
                "GRM",
                "complaints mechanism, appeals mechanism",
                "The channels and procedures through which applicants and beneficiaries can "
                "complain, appeal decisions and have problems resolved. It makes programmes "
                "accountable and helps correct exclusion errors.",
            ),
            "es": (
                "Mecanismo de quejas y reclamos",
                "",
                "mecanismo de atención de reclamos, mecanismo de apelación",
                "Canales y procedimientos por los que solicitantes y beneficiarios pueden "
                "presentar quejas, apelar decisiones y obtener solución a sus problemas. "
                "Hace que los programas rindan cuentas y ayuda a corregir errores de "
                "exclusión.",
            ),
            "fr": (
                "Mécanisme de gestion des plaintes",
                "",
                "mécanisme de recours, mécanisme de réclamation",
                "Canaux et procédures par lesquels les demandeurs et les bénéficiaires "
                "peuvent se plaindre, contester une décision et faire résoudre leurs "
                "problèmes. Il rend les programmes redevables et aide à corriger les erreurs "
                "d'exclusion.",
            ),
        },
    ),
    (
        "management-information-system",
        ["systems", "social-registries"],
        ["single-registry", "social-registry"],
        [WB_SOURCEBOOK, SP_GLOSSARY],
        {
            "en": (
                "Management information system",
                "MIS",
                "programme MIS",
                "The software and databases that run a programme's processes: enrolment, "
                "payments, monitoring of conditions, grievances and reporting. An integrated "
                "MIS links several programmes' systems.",
            ),
            "es": (
                "Sistema de información de gestión",
                "SIG",
                "sistema de información gerencial",
                "Programas informáticos y bases de datos que ejecutan los procesos de un "
                "programa: inscripción, pagos, seguimiento de corresponsabilidades, reclamos "
                "e informes. Un SIG integrado conecta los sistemas de varios programas.",
            ),
            "fr": (
                "Système d'information de gestion",
                "SIG",
                "SIG de programme",
                "Logiciels et bases de données qui font fonctionner les processus d'un "
                "programme : inscription, paiements, suivi des conditions, plaintes et "
                "rapports. Un SIG intégré relie les systèmes de plusieurs programmes.",
            ),
        },
    ),
    (
        "single-registry",
        ["social-registries", "systems"],
        ["social-registry", "management-information-system"],
        [
            (
                "Barca and Chirchir, Single registries and integrated MISs (DFAT, 2014)",
                "https://socialprotection.org/discover/publications",
            ),
            SP_GLOSSARY,
        ],
        {
            "en": (
                "Single registry",
                "",
                "integrated beneficiary registry",
                "A warehouse of data that brings together information from the management "
                "information systems of several programmes. It gives an overview of who "
                "receives what and helps coordinate programmes.",
            ),
            "es": (
                "Registro único",
                "",
                "registro integrado de beneficiarios",
                "Depósito de datos que reúne la información de los sistemas de información "
                "de gestión de varios programas. Ofrece una visión de quién recibe qué y "
                "ayuda a coordinar los programas.",
            ),
            "fr": (
                "Registre unique",
                "",
                "registre intégré des bénéficiaires",
                "Entrepôt de données qui rassemble les informations des systèmes "
                "d'information de gestion de plusieurs programmes. Il montre qui reçoit quoi "
                "et aide à coordonner les programmes.",
            ),
        },
    ),
    (
        "cash-plus",
        ["cash-transfers", "children"],
        ["graduation", "unconditional-cash-transfer"],
        [UNICEF_FRAMEWORK, SP_GLOSSARY],
        {
            "en": (
                "Cash plus",
                "",
                "cash plus programming",
                "Cash transfers combined with other support, such as information, training, "
                "nutrition supplements or links to services. The additional components "
                "address barriers that cash alone does not remove.",
            ),
            "es": (
                "Efectivo plus",
                "",
                "cash plus, transferencias con componentes complementarios",
                "Transferencias monetarias combinadas con otros apoyos, como información, "
                "capacitación, suplementos nutricionales o vínculos con servicios. Los "
                "componentes adicionales atienden barreras que el efectivo solo no elimina.",
            ),
            "fr": (
                "Cash plus",
                "",
                "transferts monétaires plus",
                "Transferts monétaires associés à d'autres appuis, comme l'information, la "
                "formation, des compléments nutritionnels ou l'orientation vers des "
                "services. Ces composantes lèvent des obstacles que l'argent seul ne lève "
                "pas.",
            ),
        },
    ),
    (
        "labour-market-programmes",
        ["labour-market", "active-labour-market"],
        ["public-works", "graduation"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Labour market programmes",
                "LMP",
                "active labour market policies, ALMP",
                "Programmes that help people find and keep work, such as training, job "
                "search assistance, wage subsidies and public employment. Passive programmes "
                "replace income during unemployment.",
            ),
            "es": (
                "Programas del mercado laboral",
                "",
                "políticas activas del mercado de trabajo",
                "Programas que ayudan a las personas a encontrar y conservar un empleo, como "
                "la capacitación, la intermediación laboral, los subsidios salariales y el "
                "empleo público. Los programas pasivos sustituyen los ingresos durante el "
                "desempleo.",
            ),
            "fr": (
                "Programmes du marché du travail",
                "",
                "politiques actives du marché du travail",
                "Programmes qui aident les personnes à trouver et garder un emploi, comme la "
                "formation, l'aide à la recherche d'emploi, les subventions salariales et "
                "l'emploi public. Les programmes passifs remplacent le revenu pendant le "
                "chômage.",
            ),
        },
    ),
    (
        "contributory-pension",
        ["contributory-pensions", "social-insurance"],
        ["non-contributory-pension", "social-insurance"],
        [ILO_C102, SP_GLOSSARY],
        {
            "en": (
                "Contributory pension",
                "",
                "social insurance pension",
                "A pension paid from a scheme to which the worker, and usually the employer, "
                "contributed during working life. Its amount depends on contributions or "
                "earnings.",
            ),
            "es": (
                "Pensión contributiva",
                "",
                "pensión de la seguridad social",
                "Pensión pagada por un régimen al que el trabajador, y por lo general el "
                "empleador, cotizó durante la vida laboral. Su monto depende de las "
                "cotizaciones o de los salarios.",
            ),
            "fr": (
                "Pension contributive",
                "",
                "pension de sécurité sociale",
                "Pension versée par un régime auquel le travailleur, et le plus souvent "
                "l'employeur, a cotisé pendant la vie active. Son montant dépend des "
                "cotisations ou des salaires.",
            ),
        },
    ),
    (
        "non-contributory-pension",
        ["social-pensions"],
        ["social-pension", "contributory-pension"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Non-contributory pension",
                "",
                "tax-financed pension",
                "A pension financed from general taxes that does not require past "
                "contributions. It closes the gap left by contributory schemes for people "
                "who worked informally.",
            ),
            "es": (
                "Pensión no contributiva",
                "",
                "pensión financiada con impuestos",
                "Pensión financiada con impuestos generales que no exige cotizaciones "
                "previas. Cubre el vacío que dejan los regímenes contributivos para quienes "
                "trabajaron en la informalidad.",
            ),
            "fr": (
                "Pension non contributive",
                "",
                "pension financée par l'impôt",
                "Pension financée par l'impôt qui n'exige pas de cotisations passées. Elle "
                "comble le vide laissé par les régimes contributifs pour les personnes ayant "
                "travaillé dans l'informel.",
            ),
        },
    ),
    (
        "child-grant",
        ["children", "cash-transfers"],
        ["categorical-targeting", "unconditional-cash-transfer"],
        [UNICEF_FRAMEWORK, SP_GLOSSARY],
        {
            "en": (
                "Child grant",
                "",
                "child benefit, child allowance",
                "A regular cash benefit paid for children, to their parents or caregivers. "
                "It is universal in some countries and targeted in others, as with South "
                "Africa's Child Support Grant.",
            ),
            "es": (
                "Asignación por hijo",
                "",
                "asignación familiar, prestación por hijo",
                "Prestación monetaria regular pagada por los niños a sus padres o "
                "cuidadores. Es universal en algunos países y focalizada en otros, como la "
                "Asignación Universal por Hijo en Argentina.",
            ),
            "fr": (
                "Allocation pour enfant",
                "",
                "allocations familiales, prestation pour enfant",
                "Prestation monétaire régulière versée pour les enfants à leurs parents ou à "
                "ceux qui en ont la charge. Elle est universelle dans certains pays et ciblée "
                "dans d'autres, comme la Child Support Grant en Afrique du Sud.",
            ),
        },
    ),
    (
        "informal-economy",
        ["informal-economy", "social-insurance"],
        ["coverage-gap", "social-insurance"],
        [ILO_WSPR, SP_GLOSSARY],
        {
            "en": (
                "Informal economy",
                "",
                "informal sector, informal employment",
                "Economic activities by workers and units that are not covered, or "
                "insufficiently covered, by formal arrangements such as labour law and "
                "social insurance. Its workers are the largest group left out of "
                "contributory protection.",
            ),
            "es": (
                "Economía informal",
                "",
                "sector informal, empleo informal",
                "Actividades económicas de trabajadores y unidades que no están cubiertas, o "
                "lo están insuficientemente, por sistemas formales como la legislación "
                "laboral y el seguro social. Sus trabajadores son el mayor grupo excluido de "
                "la protección contributiva.",
            ),
            "fr": (
                "Économie informelle",
                "",
                "secteur informel, emploi informel",
                "Activités économiques de travailleurs et d'unités qui ne sont pas couverts, "
                "ou insuffisamment, par des dispositifs formels comme le droit du travail et "
                "l'assurance sociale. Ses travailleurs forment le plus grand groupe exclu de "
                "la protection contributive.",
            ),
        },
    ),
    (
        "universal-health-coverage",
        ["health", "health-insurance"],
        ["social-protection-floor", "social-insurance"],
        [ILO_R202, SP_GLOSSARY],
        {
            "en": (
                "Universal health coverage",
                "UHC",
                "health coverage for all",
                "Everyone having access to the health services they need without suffering "
                "financial hardship. Social health insurance and tax-financed health systems "
                "are the main ways to reach it.",
            ),
            "es": (
                "Cobertura sanitaria universal",
                "CSU",
                "cobertura universal de salud",
                "Que todas las personas tengan acceso a los servicios de salud que necesitan "
                "sin pasar dificultades económicas. El seguro social de salud y los sistemas "
                "financiados con impuestos son las principales vías para lograrla.",
            ),
            "fr": (
                "Couverture sanitaire universelle",
                "CSU",
                "couverture maladie universelle",
                "Accès de chacun aux services de santé dont il a besoin sans difficultés "
                "financières. L'assurance maladie sociale et les systèmes de santé financés "
                "par l'impôt sont les principaux moyens d'y parvenir.",
            ),
        },
    ),
]
