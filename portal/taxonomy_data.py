"""Reference data for the shared taxonomy: regions with their countries, and themes.

Regions follow the World Bank's seven geographic regions. Country names come from pycountry
(ISO 3166-1) with its Spanish and French translations, so no list of names is kept here.
"""

REGIONS = [
    # slug, English, Spanish, French, ISO alpha-2 codes
    (
        "east-asia-pacific",
        "East Asia and Pacific",
        "Asia oriental y el Pacífico",
        "Asie de l'Est et Pacifique",
        "AS AU BN CN FJ FM GU HK ID JP KH KI KP KR LA MH MM MN MO MP MY NC NR NZ PF PG PH PW SB TH "
        "TL TO TV TW VN VU WS",
    ),
    (
        "europe-central-asia",
        "Europe and Central Asia",
        "Europa y Asia central",
        "Europe et Asie centrale",
        "AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GI GL GR HR HU IE IM IS IT "
        "KG KZ LI LT LU LV MC MD ME MK NL NO PL PT RO RS RU SE SI SK SM TJ TM TR UA UZ XK",
    ),
    (
        "latin-america-caribbean",
        "Latin America and the Caribbean",
        "América Latina y el Caribe",
        "Amérique latine et Caraïbes",
        "AG AR AW BB BO BR BS BZ CL CO CR CU CW DM DO EC GD GT GY HN HT JM KN KY LC MF MX NI PA PE "
        "PR PY SR SV SX TC TT UY VC VE VG VI",
    ),
    (
        "middle-east-north-africa",
        "Middle East and North Africa",
        "Oriente Medio y Norte de África",
        "Moyen-Orient et Afrique du Nord",
        "AE BH DJ DZ EG IL IQ IR JO KW LB LY MA MT OM PS QA SA SY TN YE",
    ),
    ("north-america", "North America", "América del Norte", "Amérique du Nord", "BM CA US"),
    ("south-asia", "South Asia", "Asia meridional", "Asie du Sud", "AF BD BT IN LK MV NP PK"),
    (
        "sub-saharan-africa",
        "Sub-Saharan Africa",
        "África subsahariana",
        "Afrique subsaharienne",
        "AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA "
        "NE NG RW SC SD SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW",
    ),
]

# slug, English, Spanish, French, parent slug
THEMES = [
    ("social-assistance", "Social assistance", "Asistencia social", "Assistance sociale", None),
    (
        "cash-transfers",
        "Cash transfers",
        "Transferencias monetarias",
        "Transferts monétaires",
        "social-assistance",
    ),
    (
        "conditional-cash-transfers",
        "Conditional cash transfers",
        "Transferencias monetarias condicionadas",
        "Transferts monétaires conditionnels",
        "cash-transfers",
    ),
    (
        "school-feeding",
        "School feeding",
        "Alimentación escolar",
        "Alimentation scolaire",
        "social-assistance",
    ),
    (
        "public-works",
        "Public works programmes",
        "Programas de obras públicas",
        "Programmes de travaux publics",
        "social-assistance",
    ),
    (
        "social-pensions",
        "Social pensions",
        "Pensiones sociales",
        "Pensions sociales",
        "social-assistance",
    ),
    ("social-insurance", "Social insurance", "Seguro social", "Assurance sociale", None),
    (
        "health-insurance",
        "Health insurance",
        "Seguro de salud",
        "Assurance maladie",
        "social-insurance",
    ),
    (
        "contributory-pensions",
        "Contributory pensions",
        "Pensiones contributivas",
        "Pensions contributives",
        "social-insurance",
    ),
    (
        "unemployment-protection",
        "Unemployment protection",
        "Protección por desempleo",
        "Protection contre le chômage",
        "social-insurance",
    ),
    (
        "labour-market",
        "Labour market and employment",
        "Mercado laboral y empleo",
        "Marché du travail et emploi",
        None,
    ),
    (
        "active-labour-market",
        "Active labour market policies",
        "Políticas activas de mercado laboral",
        "Politiques actives du marché du travail",
        "labour-market",
    ),
    (
        "informal-economy",
        "Informal economy",
        "Economía informal",
        "Économie informelle",
        "labour-market",
    ),
    ("gender", "Gender", "Género", "Genre", None),
    ("children", "Children and families", "Niñez y familias", "Enfants et familles", None),
    (
        "health",
        "Health and universal health coverage",
        "Salud y cobertura sanitaria universal",
        "Santé et couverture sanitaire universelle",
        None,
    ),
    (
        "systems",
        "Social protection systems",
        "Sistemas de protección social",
        "Systèmes de protection sociale",
        None,
    ),
    (
        "social-registries",
        "Social registries and integrated MIS",
        "Registros sociales y sistemas integrados de información",
        "Registres sociaux et systèmes d'information intégrés",
        "systems",
    ),
    (
        "financing",
        "Financing social protection",
        "Financiamiento de la protección social",
        "Financement de la protection sociale",
        "systems",
    ),
    (
        "shock-responsive",
        "Shock-responsive social protection",
        "Protección social reactiva ante crisis",
        "Protection sociale réactive aux chocs",
        "systems",
    ),
    (
        "south-south",
        "South-South and triangular cooperation",
        "Cooperación Sur-Sur y triangular",
        "Coopération Sud-Sud et triangulaire",
        None,
    ),
]
