"""What the demo communities contain: written for each community, as data (``demo.py`` loads it).

``PORTAL_PEOPLE`` and ``PEOPLE`` are the demo members who post besides the accounts
``demo.load_people`` names (the content names everyone by first name). ``CONTENT`` maps a
community's slug to its extra members, announcements, discussions (each comment by one of
the people; ``reply_to`` is the position of the comment it answers), its working group's
discussions, an event, a file, the PDF attached to the first comment of its first
discussion, and its resource pages. Days count back from today (from the archived
community's last activity for that one); an event's days count forward, in its time zone.
Paragraphs are separated by blank lines.

Titles of restricted content (every community but the open ones, and every file) are the
privacy crawl's markers: each is distinctive and used once, and no public text repeats it.
"""

# Members the portal demo creates with their profiles (email, first name, last name).
PORTAL_PEOPLE = {
    "yihua": ("yihua.teng@example.org", "Yihua", "Teng"),
    "omar": ("omar.haddad@example.org", "Omar", "Haddad"),
    "amina": ("amina.diallo@example.org", "Amina", "Diallo"),
    "lucia": ("lucia.fernandez@example.org", "Lucía", "Fernández"),
}

# Members only the communities know: (email, first name, last name, organisation,
# country ISO code, language, biography).
PEOPLE = {
    "karim": (
        "karim.alaoui@example.org",
        "Karim",
        "Alaoui",
        "Observatoire national du développement humain",
        "MA",
        "fr",
        "Chargé d'études sur l'évaluation des programmes sociaux et le ciblage au Maroc.",
    ),
    "chinedu": (
        "chinedu.okeke@example.org",
        "Chinedu",
        "Okeke",
        "University of Nigeria, Nsukka",
        "NG",
        "en",
        "Lecturer in social policy; platform ambassador for West Africa since 2019.",
    ),
    "camila": (
        "camila.rojas@example.org",
        "Camila",
        "Rojas",
        "Departamento para la Prosperidad Social",
        "CO",
        "es",
        "Profesional de seguimiento de transferencias monetarias; embajadora de la plataforma.",
    ),
    "sarah": (
        "sarah.mensah@example.org",
        "Sarah",
        "Mensah",
        "World Food Programme",
        "GH",
        "en",
        "Gender and social protection adviser working on cash-based transfers in West Africa.",
    ),
}

CONTENT = {
    "ssc-for-children": {
        "members": ["yihua", "omar"],
        "announcements": [
            {
                "by": "martha",
                "days": 24,
                "title": "Call for examples: exchanges between countries that changed services for children",
                "text": "Dear members, we are updating the compendium of South-South examples that "
                "UNICEF first put together with ten cases. If your office or ministry took part "
                "in an exchange with another country, send us one page: who took part, what was "
                "exchanged, what changed for children and whom to contact.\n\n"
                "Mariana and I will go through the notes with the pool of experts and come back "
                "to each of you before anything is published.",
            },
            {
                "by": "martha",
                "days": 12,
                "title": "Our webinar on children's mental health is in the portal's news",
                "text": "The news team wrote up our webinar on child and adolescent mental "
                "health, with the figures of the 57 countries that joined. The article is "
                "public: share it with colleagues who are not members yet.",
                # The news article members may pass on (linked once the news is loaded).
                "public": "Child and adolescent mental health webinar reaches 57 countries",
            },
            {
                "by": "mariana",
                "days": 4,
                "title": "Slides of our webinar on adolescent mental health, and the open questions",
                "text": "Thank you to everyone who joined from so many countries. The slides are on "
                "the webinars page, and the recording will follow as soon as the interpretation is edited.\n\n"
                "We ran out of time for about twenty questions; the speakers have agreed to "
                "answer them in a discussion next week.",
            },
        ],
        "threads": [
            {
                "by": "tomas",
                "days": 16,
                "title": "Water operators' partnership between Mozambique and Cunene, Angola",
                "text": "Some news from southern Angola. FIPAG, the Mozambican public water "
                "operator, and Vitens Evides International have started a one-year Water "
                "Operators' Partnership with the provincial utility in Ondjiva. FIPAG engineers "
                "who spent eleven years improving supply in Mozambican cities now work next to "
                "their Angolan colleagues.\n\n"
                "We are drafting the monitoring framework. Has anyone measured what a "
                "utility-to-utility partnership means for children, beyond the number of new "
                "connections?",
                "comments": [
                    {
                        "by": "maja",
                        "text": "Many thanks for sharing this, Tomas. It would fit well in the "
                        "thematic webinar on WASH: could you and the FIPAG team present it in "
                        "ten minutes? I attach the draft agenda.",
                    },
                    {
                        "by": "tomas",
                        "reply_to": 0,
                        "text": "With pleasure, Maja. I will ask the FIPAG team lead to join us "
                        "from Maputo. Warm regards from Ondjiva.",
                    },
                    {
                        "by": "yihua",
                        "text": "From the health side: keep it to a few indicators the utility "
                        "already collects. Hours of supply in peri-urban areas and water quality "
                        "tests at schools and health centres tell you a lot about children.",
                    },
                ],
            },
            {
                "by": "martha",
                "days": 9,
                "title": "How do country offices report results of South-South cooperation?",
                "text": "When we reviewed the country office annual reports, South-South "
                "cooperation was mentioned often but results almost never: a study visit is "
                "reported, what the visitors changed afterwards is not.\n\n"
                "How do you document exchanges in your office? A template, a follow-up call six "
                "months later, nothing yet? Examples are welcome, even rough ones.",
                "comments": [
                    {
                        "by": "omar",
                        "text": "In the regional office we keep a simple log per exchange: the "
                        "question the host country answered, the people involved, and a call "
                        "with the visiting team three and six months later. The second call is "
                        "the one that shows whether anything was adopted.",
                    },
                    {
                        "by": "mariana",
                        "reply_to": 0,
                        "text": "Omar, could we start from your log for the guidance package? "
                        "I can adapt it and share a draft here for comments.",
                    },
                    {
                        "by": "fazley",
                        "text": "Please add a line on cost. Governments ask us what an exchange "
                        "costs compared with hiring a consultant, and we rarely have the figure.",
                    },
                ],
            },
            {
                "by": "yihua",
                "days": 5,
                "title": "Peer exchange on eliminating mother-to-child transmission of HIV and syphilis",
                "text": "Cuba and Thailand were validated for eliminating mother-to-child "
                "transmission of HIV and syphilis, and several countries are now on the same "
                "path. Programme managers keep asking how antenatal testing was organised in "
                "primary health care.\n\n"
                "We could set up a virtual exchange with the Thai programme managers. Which "
                "countries would take part, and what would you want to ask them?",
                "comments": [
                    {
                        "by": "maja",
                        "text": "Two offices in Southern Africa have asked for exactly this. "
                        "Their main question is how testing reached women who come late to "
                        "antenatal care.",
                    },
                    {
                        "by": "martha",
                        "reply_to": 0,
                        "text": "Let us make that the first session then. Yihua, shall we "
                        "invite UNOSSC to co-host?",
                    },
                ],
            },
        ],
        "group_threads": [
            {
                "by": "martha",
                "days": 7,
                "title": "Reviewers for the compendium chapters on birth registration and early childhood",
                "text": "Who in the pool can review two chapters of the compendium this month, "
                "one on birth registration and one on early childhood development? About four "
                "pages each; comments in the margin are enough.",
                "comments": [
                    {
                        "by": "tomas",
                        "text": "I can take early childhood development and send comments by the "
                        "20th.",
                    },
                ],
            },
        ],
        "event": {
            "by": "martha",
            "days": 10,
            "hour": 10,
            "time_zone": "America/New_York",
            "title": "Planning call for the community's next global webinar on SSC for children",
            "text": "Agenda: choice of theme, speakers from at least two regions, and who writes "
            "the summary for members.",
        },
        "file": {
            "by": "mariana",
            "title": "Template for submitting a South-South example to the compendium",
            "category": "Templates",
            "name": "compendium-example-template.txt",
            "about": "One page per example, sent to the administrators.",
            "text": "Countries involved:\nWhat was exchanged (study visit, technical "
            "assistance, joint training):\nWhat changed for children:\nEvidence available:\n"
            "Contact person:\n",
        },
        "attachment": ("wash-webinar-draft-agenda.pdf", "WASH webinar: draft agenda and speakers"),
        "pages": [
            {
                "title": "Promising practices of cooperation between countries for children",
                "topic": "Resources",
                "intro": "Examples members collected of exchanges that improved children's lives.",
                "text": "Each example says which countries took part, what was adapted from the "
                "other country and what changed for children. Add yours through the compendium "
                "template in Files.",
            },
            {
                "title": "Recordings and slides of the community's global webinars",
                "topic": "Learning",
                "intro": "Every webinar the community held, with its slides and summary.",
                "text": "Topics so far include good practices in South-South cooperation for "
                "children, children in the BAPA+40 outcome, maternal and child health, and "
                "water and sanitation.",
            },
        ],
    },
    "gender-sensitive-social-protection": {
        "members": ["lucia", "amina"],
        "announcements": [
            {
                "by": "martha",
                "days": 30,
                "title": "Forum open before the overview webinar on gender and social protection",
                "text": "The forum runs for two weeks before the webinar. The moderators from FAO "
                "and the IPC-IG will read every contribution and use it to prepare the "
                "panel's questions, so please post your cases now rather than during the "
                "webinar.",
            },
            {
                "by": "martha",
                "days": 2,
                "title": "Two-page summary of the first forum",
                "text": "The summary of the forum on women as recipients of transfers is ready. "
                "It lists the points where members disagreed, which the next webinar will take "
                "up.",
            },
        ],
        "threads": [
            {
                "by": "maja",
                "days": 20,
                "title": "Does paying the transfer to women empower them?",
                "text": "Many programmes pay the transfer to the mother. Prospera, Bolsa Família "
                "and the Child Support Grant are often quoted as improving women's position, "
                "but other studies find that women mostly gain extra duties: meetings, "
                "conditions to meet, queues at the pay point.\n\n"
                "Where have you seen the design make the difference: the choice of recipient, "
                "the conditions, or what comes with the cash?",
                "comments": [
                    {
                        "by": "lucia",
                        "text": "En Uruguay la titularidad de las transferencias es mayoritariamente "
                        "femenina desde hace años, y por sí sola no cambió el reparto de las "
                        "tareas de cuidado. Lo que sí movió la aguja fue sumar servicios: el "
                        "Sistema Nacional Integrado de Cuidados, creado en 2015, amplió los centros para la "
                        "primera infancia y muchas madres pudieron volver a trabajar o a "
                        "estudiar. Adjunto unas notas que preparamos para el ministerio.",
                    },
                    {
                        "by": "maja",
                        "reply_to": 0,
                        "text": "Thank you, Lucía, this is exactly the kind of case the panel "
                        "needs. Would you be willing to speak for five minutes in the webinar?",
                    },
                    {
                        "by": "lucia",
                        "reply_to": 0,
                        "text": "Con gusto. Puedo presentar los datos de cobertura de los centros "
                        "y lo que dicen las evaluaciones.",
                    },
                    {
                        "by": "fazley",
                        "text": "The conditions matter too. Where health conditions are checked "
                        "strictly, the time cost falls almost entirely on the mother.",
                    },
                ],
            },
            {
                "by": "amina",
                "days": 12,
                "title": "Bourses de sécurité familiale et travail des femmes rurales au Sénégal",
                "text": "Au Sénégal, les bourses de sécurité familiale sont versées en grande "
                "majorité à des femmes. Sur le terrain, nous voyons que beaucoup les utilisent "
                "pour financer une petite activité ou cotiser à leur groupement, surtout quand "
                "les mesures d'accompagnement fonctionnent.\n\n"
                "La difficulté, c'est le temps : entre les séances de sensibilisation, les "
                "travaux agricoles et les corvées d'eau, les journées sont déjà pleines. "
                "Comment d'autres pays ont-ils organisé l'accompagnement sans alourdir la "
                "charge des bénéficiaires ?",
                "comments": [
                    {
                        "by": "tomas",
                        "text": "In southern Angola the sessions moved to the water points and "
                        "the market days, where women already were. Attendance went up and "
                        "nobody had to walk an extra hour.",
                    },
                    {
                        "by": "amina",
                        "reply_to": 0,
                        "text": "Merci Tomas, c'est une très bonne idée. Nous allons proposer aux "
                        "relais communautaires de tenir les séances les jours de marché.",
                    },
                    {
                        "by": "lucia",
                        "text": "En nuestro caso ayudó mucho dejar que las participantes eligieran "
                        "el horario de los talleres en cada localidad.",
                    },
                ],
            },
            {
                "by": "fazley",
                "days": 6,
                "title": "Childcare at public works sites: what has worked?",
                "text": "Public works schedules rarely fit women with young children. India's "
                "rural employment guarantee provides for crèches at worksites, and Ethiopia's "
                "safety net programme lightens the workload of pregnant and breastfeeding "
                "women. How well do these provisions work in practice?",
                "comments": [
                    {
                        "by": "maja",
                        "text": "The provisions are there on paper; the reports I have read say "
                        "the crèches often exist only where a local officer pushes for them.",
                    },
                    {
                        "by": "fazley",
                        "reply_to": 0,
                        "text": "That matches what I heard. Then the question is what makes the "
                        "provision enforceable: a budget line, or counting it in the monitoring.",
                    },
                ],
            },
        ],
        "event": {
            "by": "martha",
            "days": 12,
            "hour": 14,
            "time_zone": "Europe/Rome",
            "title": "Preparatory call for the webinar on gender-sensitive programme design",
            "text": "With the FAO and IPC-IG moderators: the panel, the questions from the forum "
            "and the cases members proposed.",
        },
        "file": {
            "by": "martha",
            "title": "Inception plan of the forum and webinar series, nine months",
            "category": "Planning",
            "name": "inception-plan.txt",
            "about": "Month by month: forums, webinars and who moderates them.",
            "text": "Months 1-3: community set-up, overview webinar and first forum.\n"
            "Months 4-6: webinars on rural women and on programme design.\n"
            "Months 7-9: webinars on financial inclusion and on measuring empowerment.\n",
        },
        "attachment": ("cuidados-uruguay-notas.pdf", "Notas sobre transferencias y cuidados"),
        "pages": [
            {
                "title": "Key readings on women's economic empowerment",
                "topic": "Resources",
                "intro": "Papers and reports the moderators recommend before each webinar.",
                "text": "Start with the overview papers, then the country evaluations that "
                "measured women's income, assets and decision-making.",
            },
            {
                "title": "Webinar series on gender-sensitive social protection",
                "topic": "Learning",
                "intro": "The series' webinars, each with its forum and two-page summary.",
                "text": "The series starts with an overview and moves on to rural women, "
                "programme design, financial inclusion and evaluation.",
            },
        ],
    },
    "spiac-b-gender-working-group": {
        "members": ["sarah"],
        "announcements": [
            {
                "by": "martha",
                "days": 18,
                "title": "Gender Group meeting: draft agenda and the road to the CSW",
                "text": "The draft agenda is in the calendar entry for the call. The main item is what "
                "the group brings to the Commission on the Status of Women: a joint side "
                "event, a short statement, or both. Please send comments by Friday.",
            },
        ],
        "threads": [
            {
                "by": "martha",
                "days": 15,
                "title": "Joint agency messages for the Gender Group side event at the CSW",
                "text": "We need three messages every agency can sign. My proposal: count unpaid "
                "care in the design of programmes, make payment systems work for women, and "
                "report results by sex as a minimum. Comments welcome before the meeting.",
                "comments": [
                    {
                        "by": "sarah",
                        "text": "WFP can sign all three. On payments I would add a line on "
                        "phone ownership: many women we pay by mobile money use a relative's "
                        "phone.",
                    },
                    {
                        "by": "martha",
                        "reply_to": 0,
                        "text": "Good point, Sarah. I will fold it into the second message.",
                    },
                    {
                        "by": "maja",
                        "text": "Could we have one example per message, ideally from a country "
                        "government rather than from one of our agencies?",
                    },
                ],
            },
            {
                "by": "maja",
                "days": 8,
                "title": "Survey of gender-responsive delivery practices across member agencies",
                "text": "Before we write anything on delivery, let us find out what agencies "
                "already do: who receives the payment, how grievances reach women, and whether "
                "staff can refer cases of gender-based violence. I have drafted ten questions.",
                "comments": [
                    {
                        "by": "tomas",
                        "text": "Ten questions is right. Please add one on whether women were "
                        "consulted on the pay point location.",
                    },
                    {
                        "by": "maja",
                        "reply_to": 0,
                        "text": "Added. I will circulate the final version on Monday.",
                    },
                ],
            },
        ],
        "event": {
            "by": "martha",
            "days": 9,
            "hour": 15,
            "time_zone": "Europe/Zurich",
            "title": "Gender Group quarterly coordination call of member agencies",
            "text": "Agenda: side event at the CSW, survey of delivery practices, work plan "
            "review.",
        },
        "file": {
            "by": "martha",
            "title": "Gender Group work plan, draft for comments by member agencies",
            "category": "Planning",
            "name": "gender-group-work-plan-draft.txt",
            "about": "Comments from member agencies by the next quarterly call.",
            "text": "1. Joint messages and side event at the CSW.\n2. Survey of "
            "gender-responsive delivery practices.\n3. Note on financing.\n",
        },
        "attachment": ("wfp-mobile-money-notes.pdf", "Mobile money payments to women: field notes"),
        "pages": [
            {
                "title": "About the Gender Group and its member agencies",
                "topic": "About",
                "intro": "Why the group exists, who takes part and how it works.",
                "text": "The group brings together the agencies of the board that work on "
                "gender-responsive social protection; it meets every quarter and in person "
                "before the CSW.",
            },
            {
                "title": "Gender Group Work Plan and milestones",
                "topic": "Work plan",
                "intro": "What the group has committed to this year, and by when.",
                "text": "Milestones are reviewed at every quarterly call; each has a lead agency.",
            },
            {
                "title": "Financing gender-responsive social protection: agency notes",
                "topic": "Topics",
                "intro": "Notes and evidence members shared on financing.",
                "text": "What care services, maternity benefits and adapted public works cost, "
                "and how governments have paid for them.",
            },
        ],
    },
    "social-protection-mena": {
        "members": ["omar", "karim"],
        "announcements": [
            {
                "by": "mariana",
                "days": 14,
                "title": "Answers from the webinar on social protection since the Arab uprisings",
                "text": "Rana Jawad and Markus Loewe have answered the questions we could not take "
                "during the webinar. Their answers are in Discussions; please continue the "
                "conversation there.",
            },
            {
                "by": "martha",
                "days": 3,
                "title": "New in the MENA research reports: child- and gender-sensitive cash transfers",
                "text": "We have added the research brief by Tebaldi, Esser and Davidsen on how "
                "programme administration can improve outcomes for children and women.",
            },
        ],
        "threads": [
            {
                "by": "mariana",
                "days": 13,
                "title": "Webinar follow-up: universal or means-tested schemes in the region?",
                "text": "Pascal Annycke asked why international lenders support only "
                "means-tested schemes. Markus's answer, in short: the research side of the World "
                "Bank is more open to universal approaches than its operations, and governments "
                "that replaced subsidies with cash transfers spent only a small share of the "
                "savings on them.\n\n"
                "What do you see in your countries?",
                "comments": [
                    {
                        "by": "omar",
                        "text": "In Jordan the National Aid Fund scaled up quickly during the "
                        "pandemic because the registry and the payment system were already "
                        "there. Means-testing was the price of that speed.",
                    },
                    {
                        "by": "karim",
                        "text": "Au Maroc, le débat a changé avec le Registre social unifié : on "
                        "cible toujours, mais avec un score calculé sur des données "
                        "administratives plutôt que sur des enquêtes ponctuelles. La "
                        "généralisation de l'assurance maladie montre aussi qu'on peut viser "
                        "large quand la volonté politique suit.",
                    },
                    {
                        "by": "mariana",
                        "reply_to": 1,
                        "text": "Merci Karim. Would you write a short note on the unified "
                        "registry for the research page? Members keep asking about it.",
                    },
                    {
                        "by": "karim",
                        "reply_to": 1,
                        "text": "Avec plaisir, je vous l'envoie d'ici la fin du mois.",
                    },
                ],
            },
            {
                "by": "omar",
                "days": 10,
                "title": "Compensating households after subsidy reform: Jordan, Egypt and Morocco",
                "text": "Jordan replaced the bread subsidy with cash compensation, and Egypt built "
                "Takaful and Karama while cutting energy subsidies. Both learned that the "
                "compensation has to arrive before prices rise, not after.\n\n"
                "Has anyone compared how fast households were paid and who was missed?",
                "comments": [
                    {
                        "by": "karim",
                        "text": "Le Maroc suit le même chemin : l'aide sociale directe a "
                        "commencé avant la baisse progressive de la subvention du gaz butane. "
                        "Il est encore tôt pour mesurer qui a été oublié.",
                    },
                    {
                        "by": "maja",
                        "text": "UNICEF looked at families with children in two of these cases. "
                        "I will ask the authors whether the paper can be shared here.",
                    },
                    {
                        "by": "omar",
                        "reply_to": 1,
                        "text": "Thank you, Maja, that would help the country teams a lot.",
                    },
                ],
            },
            {
                "by": "karim",
                "days": 6,
                "title": "Tayssir et scolarisation : que retenir de l'évaluation ?",
                "text": "L'évaluation de Tayssir a montré qu'un transfert simplement associé à "
                "l'école, sans contrôle strict de l'assiduité, réduisait déjà beaucoup "
                "l'abandon scolaire en milieu rural. Dix ans plus tard, le programme a changé "
                "d'échelle et de ciblage.\n\n"
                "Quelles leçons les autres pays de la région en ont-ils tirées pour leurs "
                "propres programmes ?",
                "comments": [
                    {
                        "by": "omar",
                        "text": "It was quoted a lot in Jordan when the education component of "
                        "the cash programme was designed: the argument for light conditions "
                        "came largely from Tayssir.",
                    },
                    {
                        "by": "karim",
                        "reply_to": 0,
                        "text": "Intéressant. Avez-vous un document de conception que je "
                        "pourrais citer ?",
                    },
                ],
            },
        ],
        "event": {
            "by": "mariana",
            "days": 11,
            "hour": 11,
            "time_zone": "Asia/Amman",
            "title": "MENA members' call on financing cash transfers after subsidy reform",
            "text": "Short presentations from Jordan and Morocco, then open discussion.",
        },
        "file": {
            "by": "martha",
            "title": "MENA research mapping: studies by country, working draft",
            "category": "Research",
            "name": "mena-research-mapping.txt",
            "about": "Add the studies you know of, one line per study.",
            "text": "Egypt: Takaful and Karama evaluations.\nJordan: National Aid Fund "
            "expansion.\nMorocco: Tayssir evaluation; unified social registry.\n",
        },
        "attachment": ("nat-aid-fund-expansion.pdf", "National Aid Fund expansion: key figures"),
        "pages": [
            {
                "title": "IPC-IG and UNICEF MENARO research reports",
                "topic": "Research",
                "intro": "Country studies and briefs the two organisations produced together.",
                "text": "Mappings of social protection for children, country profiles and policy "
                "briefs.",
            },
            {
                "title": "Webinars of the MENA community, with answers to questions",
                "topic": "Learning",
                "intro": "Recordings, slides and the written answers of the speakers.",
                "text": "Including the webinar on changes in social protection since the Arab "
                "uprisings, with Rana Jawad and Markus Loewe.",
            },
            {
                "title": "Additional literature on social protection for children",
                "topic": "Research",
                "intro": "Background literature members recommend.",
                "text": "General reviews from UNICEF, the ILO and the UNICEF Office of Research on "
                "social protection and children.",
            },
        ],
    },
    "social-registries-integrated-mis": {
        "members": ["amina", "lucia", "omar"],
        "announcements": [
            {
                "by": "mariana",
                "days": 25,
                "title": "The paper behind our discussions has a new version",
                "text": "Valentina Barca and Richard Chirchir's paper on single registries and "
                'integrated MISs has been revised and published as "Integrating Data and '
                "Information Management for Social Protection: definitions, trends and best "
                'practice". The country cases page links to it.',
            },
            {
                "by": "mariana",
                "days": 6,
                "title": "Share your data sharing agreements",
                "text": "We are collecting agreements, MoUs and terms of reference for the "
                "governance page. Remove names and figures you cannot share, and upload the "
                "rest to Files.",
            },
        ],
        "threads": [
            {
                "by": "amina",
                "days": 18,
                "title": "Mise à jour du registre : enquêtes de masse ou guichets permanents ?",
                "text": "Au Sénégal, le Registre national unique a été constitué par de grandes "
                "enquêtes, et les données vieillissent vite : naissances, décès, ménages qui "
                "déménagent. Nous hésitons entre refaire une enquête tous les quatre ans et "
                "ouvrir des guichets permanents dans les communes.\n\n"
                "Quels pays ont essayé les guichets, et à quel coût ?",
                "comments": [
                    {
                        "by": "lucia",
                        "text": "En Uruguay combinamos las dos cosas: visitas a los hogares para "
                        "quienes se postulan y cruces mensuales con los registros "
                        "administrativos a través del SIIAS. Los cruces detectan muchos cambios "
                        "sin salir a campo.",
                    },
                    {
                        "by": "amina",
                        "reply_to": 0,
                        "text": "Merci Lucía. Le croisement avec l'état civil nous aiderait "
                        "beaucoup, mais il faut d'abord un accord avec le ministère concerné.",
                    },
                    {
                        "by": "omar",
                        "text": "The National Aid Fund in Jordan lets households update their "
                        "data online, then checks it against other ministries' records. "
                        "The online window brought in many updates we would never have "
                        "collected in the field.",
                    },
                ],
            },
            {
                "by": "fazley",
                "days": 11,
                "title": "Linking databases when there is no national ID number",
                "text": "Two programmes want to share a registry, but half the records have no "
                "ID number. Matching on name, date of birth and village gives us too many "
                "false matches. Has anyone used probabilistic record linkage at scale?",
                "comments": [
                    {
                        "by": "mariana",
                        "text": "The Barca and Chirchir paper has a section on this; several "
                        "countries combined automatic matching with manual review of the "
                        "doubtful pairs.",
                    },
                    {
                        "by": "fazley",
                        "reply_to": 0,
                        "text": "Thanks, I will read it. Manual review of doubtful pairs is what "
                        "we can afford.",
                    },
                    {
                        "by": "tomas",
                        "text": "Keep a record of every manual decision. When the ID system "
                        "arrives you will want to know which links were guessed.",
                    },
                ],
            },
            {
                "by": "maja",
                "days": 4,
                "title": "Data protection clauses in agreements between ministries",
                "text": "Which clauses have you found essential in a data sharing agreement: "
                "purpose limitation, retention periods, who answers for a breach? I am "
                "reviewing a draft for a ministry of social affairs.",
                "comments": [
                    {
                        "by": "amina",
                        "text": "Pour nous, la clause la plus utile a été la liste précise des "
                        "variables partagées, avec la raison de chacune.",
                    },
                    {
                        "by": "maja",
                        "reply_to": 0,
                        "text": "Merci Amina, that is a good test: a variable with no reason goes.",
                    },
                ],
            },
        ],
        "event": {
            "by": "mariana",
            "days": 14,
            "hour": 12,
            "time_zone": "UTC",
            "title": "Clinic on data sharing agreements for social registries",
            "text": "Bring a draft agreement or a question; the moderators and members who have "
            "negotiated one will comment.",
        },
        "file": {
            "by": "mariana",
            "title": "Model data sharing agreement between two ministries (annotated)",
            "category": "Governance tools",
            "name": "model-data-sharing-agreement.txt",
            "about": "Each clause with a note on why it matters.",
            "text": "Parties:\nPurpose of the data sharing:\nVariables shared and why:\n"
            "Retention period:\nSecurity measures:\nResponsibility in case of a breach:\n",
        },
        "attachment": ("siias-cruces-registros.pdf", "Cruces de registros administrativos"),
        "pages": [
            {
                "title": "Country case studies: building an integrated information system",
                "topic": "Country cases",
                "intro": "How countries set up their social registries and integrated systems.",
                "text": "The historical evolution and main steps in each country, with links to "
                "the documents members shared.",
            },
            {
                "title": "Governance tools: manuals, agreements and terms of reference",
                "topic": "Governance",
                "intro": "Documents to set up and run an integrated system.",
                "text": "Operational manuals, data sharing agreements and MoUs, and terms of "
                "reference for registry staff.",
            },
            {
                "title": "Technology: hardware, software, backup and security",
                "topic": "Technology",
                "intro": "What members learned about the technical side.",
                "text": "Hosting, software choices, backups and the secure transfer of data "
                "between institutions.",
            },
        ],
    },
    "ambassadors-programme": {
        "members": ["chinedu", "camila"],
        "announcements": [
            {
                "by": "martha",
                "days": 10,
                "title": "Outreach kit for presenting the portal in Spanish and French",
                "text": "The platform now works in English, Spanish and French. The outreach kit "
                "in Files has slides in the three languages; please use them at your next "
                "event.",
            },
        ],
        "threads": [
            {
                "by": "martha",
                "days": 21,
                "title": "Ambassadors, please introduce yourselves to each other",
                "text": "Tell us where you are, what you work on and which events you plan to "
                "attend this year. It helps us connect ambassadors who work on the same "
                "topics.",
                "comments": [
                    {
                        "by": "chinedu",
                        "text": "Hello all, I teach social policy in Nsukka and coordinate a "
                        "reading group on cash transfers with my students. I will present the "
                        "platform at two conferences in West Africa this year.",
                    },
                    {
                        "by": "camila",
                        "text": "¡Hola a todos! Trabajo en el seguimiento de transferencias "
                        "monetarias en Bogotá. Me interesa sobre todo acercar la plataforma a "
                        "los equipos territoriales que no leen en inglés.",
                    },
                    {
                        "by": "martha",
                        "reply_to": 1,
                        "text": "Welcome, Camila. The Spanish version is exactly for those "
                        "teams; let us talk about a session for them.",
                    },
                    {
                        "by": "tomas",
                        "text": "Greetings from Angola. I work on water and sanitation with "
                        "UNICEF and can help with Portuguese-speaking colleagues.",
                    },
                ],
            },
            {
                "by": "chinedu",
                "days": 7,
                "title": "Presenting the platform in university social policy courses",
                "text": "My students now use the library for their essays. Has anyone built a "
                "short exercise around the glossary or the programme profiles?",
                "comments": [
                    {
                        "by": "camila",
                        "text": "Cuando capacito a equipos nuevos, les pido comparar dos perfiles "
                        "de programas del mismo tipo en países distintos. Funciona muy bien "
                        "para discutir el diseño.",
                    },
                    {
                        "by": "chinedu",
                        "reply_to": 0,
                        "text": "Great idea, Camila. I will try it with my second-year class.",
                    },
                ],
            },
        ],
        "event": {
            "by": "martha",
            "days": 8,
            "hour": 13,
            "time_zone": "Africa/Lagos",
            "title": "Ambassadors' monthly check-in on outreach plans",
            "text": "Each ambassador: one event planned, one question for the platform team.",
        },
        "file": {
            "by": "martha",
            "title": "Ambassadors' outreach kit with slides in three languages",
            "category": "Outreach",
            "name": "ambassadors-outreach-kit.txt",
            "about": "Slides and talking points in English, Spanish and French.",
            "text": "Slides: what the platform offers, how to join a community, how to "
            "contribute a publication.\nTalking points for conferences and courses.\n",
        },
        "attachment": ("reading-group-cash-transfers.pdf", "Reading group on cash transfers"),
        "pages": [
            {
                "title": "How to present the platform: a guide for ambassadors",
                "topic": "Outreach",
                "intro": "What to show in ten minutes, and how to answer common questions.",
                "text": "Start with the library and one community close to the audience's "
                "work; end by showing how to create an account.",
            },
        ],
    },
    "social-protection-for-employment": {
        "members": ["vinicius"],
        "announcements": [
            {
                "by": "martha",
                "days": 40,
                "title": "Recording of the session on unemployment insurance in Asia",
                "text": "The recording and slides of last week's session are on the resources "
                "page. Thank you to the speakers from Malaysia and Viet Nam.",
            },
            {
                "by": "martha",
                "days": 2,
                "title": "This community will close for new posts at the end of the month",
                "text": "After three years the community's activity has moved to the platform's "
                "discussions on labour markets. Everything posted here stays available to "
                "members.",
            },
        ],
        "threads": [
            {
                "by": "fazley",
                "days": 30,
                "title": "Malaysia's unemployment insurance: allowances with training support",
                "text": "Malaysia's parliament has voted an employment insurance scheme that pays "
                "allowances to workers who lose their jobs and funds training and job search "
                "support. Employers object to the contributions. How have other countries in "
                "the region handled that argument?",
                "comments": [
                    {
                        "by": "vinicius",
                        "text": "Viet Nam is the obvious comparison: contributions shared by "
                        "employers, workers and the state, and support for vocational "
                        "training built into the benefit. I attach my notes from a recent review.",
                    },
                    {
                        "by": "fazley",
                        "reply_to": 0,
                        "text": "Thank you, Vinicius. I have added the review to the documents "
                        "section.",
                    },
                    {
                        "by": "maja",
                        "text": "Employers tend to accept contributions better when the scheme "
                        "also pays for retraining they need. Worth saying early.",
                    },
                ],
            },
            {
                "by": "vinicius",
                "days": 20,
                "title": "Do conditional cash transfers pay off later in the labour market?",
                "text": "The World Bank's work on the productive role of social protection argues "
                "that investing in children's health and schooling pays back in adult "
                "earnings. Where have you followed beneficiaries into work? What did you "
                "observe?",
                "comments": [
                    {
                        "by": "fazley",
                        "text": "Few programmes have followed children long enough. The long-term "
                        "studies of Progresa in Mexico are the main exception I know.",
                    },
                    {
                        "by": "tomas",
                        "text": "And schooling without local jobs sends young people to the "
                        "cities; measure migration too.",
                    },
                    {
                        "by": "vinicius",
                        "reply_to": 1,
                        "text": "Agreed, Tomas. Migration changes the picture of who benefits.",
                    },
                ],
            },
        ],
        "event": {
            "by": "martha",
            "days": -47,
            "hour": 9,
            "time_zone": "Asia/Kuala_Lumpur",
            "title": "Session on unemployment insurance in East Asia and the Pacific",
            "text": "Speakers from Malaysia and Viet Nam on contributions, benefits and training.",
        },
        "file": {
            "by": "fazley",
            "title": "Unemployment protection in East Asia: country notes for members",
            "category": "Research",
            "name": "unemployment-protection-country-notes.txt",
            "about": "Short notes on three schemes, shared for the session.",
            "text": "Malaysia: employment insurance scheme.\nViet Nam: unemployment insurance "
            "with training.\nThailand: unemployment benefit in the social security fund.\n",
        },
        "attachment": ("viet-nam-ui-review-notes.pdf", "Unemployment insurance in Viet Nam: notes"),
        "pages": [
            {
                "title": "Public works and employment guarantees: members' readings",
                "topic": "Resources",
                "intro": "Evaluations of public works and employment guarantee schemes.",
                "text": "Start with the evaluations of employment guarantees in South Asia, then "
                "the reviews of public works in Africa.",
            },
        ],
    },
}
