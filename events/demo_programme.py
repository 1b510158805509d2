"""Demo programme: rooms, tracks, speakers and sessions of the 4th and 7th editions.

The content follows the two press articles in the shared seeds: the 4th
edition's opening, its three plenary themes and the DGCT workshop with its
five presentations; the 7th edition's themes, its Innovation Space and the
startup challenge with three winners. The people are fictional.

Every row is found by its natural key and brought up to date, so running the
seed again changes nothing. Times are local to the edition's time zone.
"""

import datetime
import zoneinfo

from django.db import transaction

from core.cache import programme_changed
from events.models import (
    AttendanceFormat,
    Edition,
    Room,
    Session,
    SessionKind,
    SessionLanguage,
    SessionSpeaker,
    Speaker,
    SpeakerRole,
    Track,
)

LIVESTREAM_URL = "https://live.casablancasmartcity.ma/{slug}"
REPLAY_URL = "https://replay.casablancasmartcity.ma/{edition}/{slug}"

HYBRID = AttendanceFormat.HYBRID
IN_PERSON = AttendanceFormat.IN_PERSON
ONLINE = AttendanceFormat.ONLINE
FR = SessionLanguage.FRENCH
AR = SessionLanguage.ARABIC
EN = SessionLanguage.ENGLISH
CHAIR = SpeakerRole.CHAIR
MODERATOR = SpeakerRole.MODERATOR
SPEAKER = SpeakerRole.SPEAKER


# ---------------------------------------------------------------------------
# Organisations (French, Arabic, English), as named in the press articles
# ---------------------------------------------------------------------------

CEA = ("Casablanca Events & Animation", "الدار البيضاء للتنشيط والتظاهرات", "Casablanca Events & Animation")
VILLE = ("Ville de Casablanca", "جماعة الدار البيضاء", "City of Casablanca")
REGION = ("Région Casablanca-Settat", "جهة الدار البيضاء-سطات", "Casablanca-Settat Region")
DGCT = (
    "DGCT – Ministère de l'Intérieur",
    "المديرية العامة للجماعات الترابية – وزارة الداخلية",
    "DGCT (General Directorate of Local Authorities) – Ministry of the Interior",
)
UH2C = (
    "Université Hassan II de Casablanca",
    "جامعة الحسن الثاني بالدار البيضاء",
    "Hassan II University of Casablanca",
)
UM6P = (
    "Université Mohammed VI Polytechnique",
    "جامعة محمد السادس متعددة التخصصات التقنية",
    "Mohammed VI Polytechnic University",
)
ADD = ("Agence de Développement du Digital", "وكالة التنمية الرقمية", "Digital Development Agency")
RIBATIS = ("Ribatis", "ريباتيس", "Ribatis")
SOLIDARITE = (
    "Ministère de la Solidarité, de l'Insertion sociale et de la Famille",
    "وزارة التضامن والإدماج الاجتماعي والأسرة",
    "Ministry of Solidarity, Social Integration and the Family",
)
COLLECTIF = (
    "Collectif associatif pour l'inclusion numérique de Casablanca",
    "الائتلاف الجمعوي للإدماج الرقمي بالدار البيضاء",
    "Casablanca Digital Inclusion Collective",
)


# ---------------------------------------------------------------------------
# Speakers (fictional people)
# ---------------------------------------------------------------------------

SPEAKERS = [
    {
        "slug": "leila-benjelloun",
        "name": "Leila Benjelloun",
        "name_ar": "ليلى بنجلون",
        "organisation": CEA,
        "job_title": (
            "Directrice des programmes et des congrès",
            "مديرة البرامج والمؤتمرات",
            "Director of programmes and congresses",
        ),
        "bio": (
            "Leila Benjelloun dirige les programmes et les congrès de Casablanca Events & Animation, "
            "la société de développement local chargée des grands événements de la métropole. Elle "
            "coordonne depuis plusieurs éditions la programmation du congrès Casablanca Smart City et "
            "ses partenariats universitaires.",
            "تدير ليلى بنجلون البرامج والمؤتمرات بشركة الدار البيضاء للتنشيط والتظاهرات، شركة التنمية "
            "المحلية المكلفة بالتظاهرات الكبرى للعاصمة الاقتصادية. وتنسق منذ عدة دورات برنامج مؤتمر "
            "الدار البيضاء المدينة الذكية وشراكاته مع الجامعات.",
            "Leila Benjelloun heads programmes and congresses at Casablanca Events & Animation, the "
            "local development company in charge of the city's major events. She has coordinated the "
            "Casablanca Smart City congress programme and its university partnerships for several editions.",
        ),
    },
    {
        "slug": "ahmed-filali",
        "name": "Ahmed Filali",
        "name_ar": "أحمد الفيلالي",
        "organisation": CEA,
        "job_title": (
            "Responsable de l'Espace innovation",
            "مسؤول فضاء الابتكار",
            "Head of the Innovation Space",
        ),
        "bio": (
            "Ahmed Filali pilote l'Espace innovation du congrès et le challenge qui invite les startups à "
            "répondre aux problématiques de la ville. Ingénieur de formation, il a accompagné une centaine "
            "de jeunes entreprises dans leurs premières expérimentations avec des collectivités.",
            "يشرف أحمد الفيلالي على فضاء الابتكار بالمؤتمر وعلى التحدي الذي يدعو المقاولات الناشئة إلى "
            "تقديم حلول لإشكاليات المدينة. وهو مهندس في الأصل، رافق نحو مئة مقاولة فتية في تجاربها "
            "الأولى مع الجماعات الترابية.",
            "Ahmed Filali runs the congress's Innovation Space and the challenge that asks startups to "
            "answer the city's problems. An engineer by training, he has supported around a hundred young "
            "companies through their first pilots with local authorities.",
        ),
    },
    {
        "slug": "mounia-lazrak",
        "name": "Mounia Lazrak",
        "name_ar": "منية لزرق",
        "organisation": VILLE,
        "job_title": (
            "Conseillère déléguée à la ville intelligente",
            "مستشارة مفوضة مكلفة بالمدينة الذكية",
            "Councillor for the smart city",
        ),
        "bio": (
            "Élue au Conseil de la Ville de Casablanca, Mounia Lazrak y suit les projets de ville "
            "intelligente et de services numériques aux habitants. Elle défend une approche qui associe "
            "les arrondissements, les associations de quartier et les entreprises locales.",
            "منية لزرق عضوة منتخبة بمجلس جماعة الدار البيضاء، تتابع مشاريع المدينة الذكية والخدمات "
            "الرقمية الموجهة للسكان. وتدافع عن مقاربة تشرك المقاطعات وجمعيات الأحياء والمقاولات المحلية.",
            "An elected member of Casablanca City Council, Mounia Lazrak oversees smart city projects and "
            "digital services for residents. She champions an approach that brings in the districts, "
            "neighbourhood associations and local businesses.",
        ),
    },
    {
        "slug": "omar-tahiri",
        "name": "Omar Tahiri",
        "name_ar": "عمر الطاهري",
        "organisation": VILLE,
        "job_title": (
            "Directeur des systèmes d'information",
            "مدير نظم المعلومات",
            "Chief Information Officer",
        ),
        "bio": (
            "Omar Tahiri dirige les systèmes d'information de la Ville de Casablanca, où il a conduit la "
            "mise en ligne de nombreuses démarches et la modernisation des infrastructures numériques. Il "
            "s'intéresse particulièrement à l'interopérabilité entre administrations.",
            "يدير عمر الطاهري نظم المعلومات بجماعة الدار البيضاء، حيث قاد رقمنة عدد كبير من المساطر "
            "وتحديث البنيات التحتية الرقمية. ويهتم بشكل خاص بالتشغيل البيني بين الإدارات.",
            "Omar Tahiri is Chief Information Officer of the City of Casablanca, where he has led the move "
            "of many procedures online and the modernisation of its digital infrastructure. Interoperability "
            "between administrations is his particular interest.",
        ),
    },
    {
        "slug": "soufiane-marzouki",
        "name": "Soufiane Marzouki",
        "name_ar": "سفيان المرزوقي",
        "organisation": VILLE,
        "job_title": ("Responsable des données urbaines", "مسؤول البيانات الحضرية", "Head of urban data"),
        "bio": (
            "Soufiane Marzouki est responsable des données urbaines à la Ville de Casablanca. Il coordonne "
            "les projets d'ouverture des données de la ville et les tableaux de bord qu'utilisent les "
            "services pour suivre la mobilité, la propreté et l'éclairage public.",
            "سفيان المرزوقي مسؤول البيانات الحضرية بجماعة الدار البيضاء. ينسق مشاريع فتح بيانات المدينة "
            "ولوحات القيادة التي تعتمدها المصالح لتتبع التنقل والنظافة والإنارة العمومية.",
            "Soufiane Marzouki is head of urban data at the City of Casablanca. He coordinates the city's "
            "open data projects and the dashboards its departments use to monitor mobility, street "
            "cleaning and public lighting.",
        ),
    },
    {
        "slug": "nawal-idrissi",
        "name": "Nawal Idrissi",
        "name_ar": "نوال الإدريسي",
        "organisation": REGION,
        "job_title": (
            "Directrice de la transition numérique",
            "مديرة الانتقال الرقمي",
            "Director of digital transition",
        ),
        "bio": (
            "Nawal Idrissi dirige la transition numérique à la Région Casablanca-Settat, où elle coordonne "
            "le volet numérique du plan de développement régional. Ses chantiers couvrent la mutualisation "
            "des plateformes entre communes, le soutien aux startups et la formation des jeunes aux métiers "
            "du numérique.",
            "تدير نوال الإدريسي الانتقال الرقمي بجهة الدار البيضاء-سطات، حيث تنسق المحور الرقمي لبرنامج "
            "التنمية الجهوية. وتشمل أوراشها تعاضد المنصات بين الجماعات، ودعم المقاولات الناشئة، وتكوين "
            "الشباب في مهن الرقمي.",
            "Nawal Idrissi leads the digital transition at the Casablanca-Settat Region, where she "
            "coordinates the digital strand of the regional development plan. Her work covers shared "
            "platforms for municipalities, support for startups and training young people for digital jobs.",
        ),
    },
    {
        "slug": "hicham-bekkali",
        "name": "Hicham Bekkali",
        "name_ar": "هشام البقالي",
        "organisation": DGCT,
        "job_title": (
            "Directeur de projet, transformation digitale des collectivités territoriales",
            "مدير مشروع التحول الرقمي للجماعات الترابية",
            "Project director, digital transformation of local authorities",
        ),
        "bio": (
            "Hicham Bekkali conduit des projets de transformation digitale des collectivités territoriales "
            "à la Direction Générale des Collectivités Territoriales. Il accompagne les communes dans la "
            "dématérialisation de leurs procédures et l'adoption des plateformes nationales.",
            "يقود هشام البقالي مشاريع التحول الرقمي للجماعات الترابية بالمديرية العامة للجماعات الترابية. "
            "ويواكب الجماعات في رقمنة مساطرها واعتماد المنصات الوطنية.",
            "Hicham Bekkali leads digital transformation projects for local authorities at the General "
            "Directorate of Local Authorities (DGCT). He helps municipalities move their procedures online "
            "and adopt the national platforms.",
        ),
    },
    {
        "slug": "adil-bennis",
        "name": "Adil Bennis",
        "name_ar": "عادل بنيس",
        "organisation": DGCT,
        "job_title": (
            "Chef de division, simplification des procédures",
            "رئيس قسم تبسيط المساطر",
            "Head of division, simplification of procedures",
        ),
        "bio": (
            "Adil Bennis est chef de division à la DGCT, chargé de la simplification des procédures "
            "administratives. Juriste de formation, il a participé à la déclinaison de la loi 55.19 dans "
            "les collectivités territoriales.",
            "عادل بنيس رئيس قسم بالمديرية العامة للجماعات الترابية مكلف بتبسيط المساطر الإدارية. وهو "
            "قانوني في الأصل، شارك في تنزيل القانون 55.19 على مستوى الجماعات الترابية.",
            "Adil Bennis is a head of division at the DGCT in charge of simplifying administrative "
            "procedures. A lawyer by training, he has worked on rolling out Law 55.19 across local "
            "authorities.",
        ),
    },
    {
        "slug": "rachid-ouazzani",
        "name": "Rachid Ouazzani",
        "name_ar": "رشيد الوزاني",
        "organisation": DGCT,
        "job_title": (
            "Chef de service, relation avec les usagers",
            "رئيس مصلحة العلاقة مع المرتفقين",
            "Head of user relations",
        ),
        "bio": (
            "Rachid Ouazzani est chef de service à la DGCT, en charge de la relation avec les usagers. Il "
            "suit le traitement des réclamations adressées aux collectivités territoriales et l'analyse des "
            "attentes des citoyens.",
            "رشيد الوزاني رئيس مصلحة بالمديرية العامة للجماعات الترابية مكلف بالعلاقة مع المرتفقين. يتابع "
            "معالجة الشكايات الموجهة إلى الجماعات الترابية وتحليل انتظارات المواطنين.",
            "Rachid Ouazzani is head of user relations at the DGCT. He oversees how complaints sent to local "
            "authorities are handled and analyses what citizens expect.",
        ),
    },
    {
        "slug": "khadija-berrada",
        "name": "Khadija Berrada",
        "name_ar": "خديجة برادة",
        "organisation": DGCT,
        "job_title": (
            "Cheffe de service, systèmes d'information des conseils",
            "رئيسة مصلحة نظم معلومات المجالس",
            "Head of council information systems",
        ),
        "bio": (
            "Khadija Berrada est cheffe de service à la DGCT, responsable des systèmes d'information des "
            "conseils élus. Elle accompagne la numérisation du travail des conseils, de la convocation des "
            "sessions à l'archivage des délibérations.",
            "خديجة برادة رئيسة مصلحة بالمديرية العامة للجماعات الترابية، مسؤولة عن نظم معلومات المجالس "
            "المنتخبة. وتواكب رقمنة عمل المجالس، من استدعاء الدورات إلى أرشفة المداولات.",
            "Khadija Berrada is head of council information systems at the DGCT. She supports the "
            "digitisation of elected councils' work, from calling sessions to archiving deliberations.",
        ),
    },
    {
        "slug": "mehdi-sebti",
        "name": "Mehdi Sebti",
        "name_ar": "مهدي السبتي",
        "organisation": RIBATIS,
        "job_title": (
            "Directeur de projets, plateformes publiques",
            "مدير مشاريع المنصات العمومية",
            "Project director, public platforms",
        ),
        "bio": (
            "Mehdi Sebti est directeur de projets chez Ribatis, éditeur de solutions numériques pour le "
            "secteur public. Il a travaillé sur plusieurs plateformes d'autorisations et de services en "
            "ligne déployées auprès de collectivités marocaines.",
            "مهدي السبتي مدير مشاريع بشركة ريباتيس المتخصصة في تطوير الحلول الرقمية للقطاع العام. اشتغل "
            "على عدة منصات للرخص والخدمات الإلكترونية المعتمدة لدى جماعات ترابية مغربية.",
            "Mehdi Sebti is a project director at Ribatis, a developer of digital solutions for the public "
            "sector. He has worked on several authorisation and online service platforms used by Moroccan "
            "local authorities.",
        ),
    },
    {
        "slug": "zineb-alami",
        "name": "Zineb Alami",
        "name_ar": "زينب العلمي",
        "organisation": ADD,
        "job_title": (
            "Responsable des solutions de dématérialisation",
            "مسؤولة حلول رقمنة المساطر الإدارية",
            "Head of paperless administration solutions",
        ),
        "bio": (
            "Zineb Alami est responsable des solutions de dématérialisation à l'Agence de Développement du "
            "Digital. Elle accompagne les administrations dans l'adoption de la signature électronique et "
            "de la circulation des documents sans papier.",
            "زينب العلمي مسؤولة عن حلول رقمنة المساطر الإدارية بوكالة التنمية الرقمية. وتواكب الإدارات "
            "في اعتماد التوقيع الإلكتروني وتداول الوثائق دون ورق.",
            "Zineb Alami heads paperless administration solutions at the Digital Development Agency. She "
            "helps administrations adopt electronic signatures and paper-free document workflows.",
        ),
    },
    {
        "slug": "nadia-el-fassi",
        "name": "Nadia El Fassi",
        "name_ar": "نادية الفاسي",
        "organisation": ADD,
        "job_title": (
            "Cheffe de projet, conception de services numériques",
            "رئيسة مشروع تصميم الخدمات الرقمية",
            "Project lead, digital service design",
        ),
        "bio": (
            "Nadia El Fassi est cheffe de projet en conception de services numériques à l'Agence de "
            "Développement du Digital. Elle anime des ateliers de co-conception avec les usagers et promeut "
            "des services publics accessibles en arabe, en amazighe et en français.",
            "نادية الفاسي رئيسة مشروع في تصميم الخدمات الرقمية بوكالة التنمية الرقمية. تنشط ورشات للتصميم "
            "المشترك مع المرتفقين، وتعمل على تعزيز خدمات عمومية متاحة بالعربية والأمازيغية والفرنسية.",
            "Nadia El Fassi is a digital service design project lead at the Digital Development Agency. She "
            "runs co-design workshops with users and promotes public services available in Arabic, Amazigh "
            "and French.",
        ),
    },
    {
        "slug": "imane-kabbaj",
        "name": "Imane Kabbaj",
        "name_ar": "إيمان القباج",
        "organisation": SOLIDARITE,
        "job_title": (
            "Directrice de projet, services sociaux numériques",
            "مديرة مشروع الخدمات الاجتماعية الرقمية",
            "Project director, digital social services",
        ),
        "bio": (
            "Imane Kabbaj dirige des projets de services sociaux numériques au Ministère de la Solidarité, "
            "de l'Insertion sociale et de la Famille. Elle travaille à rapprocher les services sociaux des "
            "personnes vulnérables et en situation de handicap grâce aux plateformes en ligne et aux "
            "guichets de proximité.",
            "تدير إيمان القباج مشاريع الخدمات الاجتماعية الرقمية بوزارة التضامن والإدماج الاجتماعي والأسرة. "
            "وتعمل على تقريب الخدمات الاجتماعية من الأشخاص في وضعية هشاشة أو إعاقة بفضل المنصات "
            "الإلكترونية وشبابيك القرب.",
            "Imane Kabbaj leads digital social service projects at the Ministry of Solidarity, Social "
            "Integration and the Family. She works on bringing social services closer to vulnerable people "
            "and people with disabilities through online platforms and local service desks.",
        ),
    },
    {
        "slug": "fatima-zahra-ennaji",
        "name": "Fatima Zahra Ennaji",
        "name_ar": "فاطمة الزهراء الناجي",
        "organisation": COLLECTIF,
        "job_title": ("Coordinatrice", "منسقة", "Coordinator"),
        "bio": (
            "Fatima Zahra Ennaji coordonne un collectif d'associations casablancaises engagées pour "
            "l'inclusion numérique. Chaque année, le réseau forme des milliers d'habitants, notamment des "
            "femmes et des personnes âgées, à l'usage des services en ligne.",
            "تنسق فاطمة الزهراء الناجي ائتلافا من الجمعيات البيضاوية الملتزمة بالإدماج الرقمي. ويكوّن هذا "
            "الائتلاف كل سنة آلاف السكان، ولا سيما النساء والمسنين، على استعمال الخدمات الإلكترونية.",
            "Fatima Zahra Ennaji coordinates a collective of Casablanca associations working on digital "
            "inclusion. Each year the network trains thousands of residents, particularly women and older "
            "people, to use online services.",
        ),
    },
    {
        "slug": "samira-chraibi",
        "name": "Samira Chraibi",
        "name_ar": "سميرة الشرايبي",
        "organisation": UH2C,
        "job_title": (
            "Professeure d'urbanisme et d'aménagement",
            "أستاذة التعمير وإعداد التراب",
            "Professor of urban and regional planning",
        ),
        "bio": (
            "Samira Chraibi est professeure d'urbanisme et d'aménagement à l'Université Hassan II de "
            "Casablanca. Ses recherches portent sur la résilience des quartiers et la gouvernance "
            "métropolitaine ; elle a participé à plusieurs éditions du congrès comme modératrice et "
            "rapporteure.",
            "سميرة الشرايبي أستاذة التعمير وإعداد التراب بجامعة الحسن الثاني بالدار البيضاء. تنصب أبحاثها "
            "على صمود الأحياء وحكامة الحواضر الكبرى، وقد شاركت في عدة دورات من المؤتمر بصفتها مسيّرة "
            "ومقررة.",
            "Samira Chraibi is a professor of urban and regional planning at Hassan II University of "
            "Casablanca. Her research covers neighbourhood resilience and metropolitan governance; she has "
            "taken part in several editions of the congress as moderator and rapporteur.",
        ),
    },
    {
        "slug": "younes-kettani",
        "name": "Younes Kettani",
        "name_ar": "يونس الكتاني",
        "organisation": UM6P,
        "job_title": (
            "Professeur associé en sciences urbaines",
            "أستاذ مشارك في العلوم الحضرية",
            "Associate professor of urban science",
        ),
        "bio": (
            "Younes Kettani est professeur associé en sciences urbaines à l'Université Mohammed VI "
            "Polytechnique. Il étudie l'usage des données et de la modélisation pour la planification des "
            "villes moyennes et des régions.",
            "يونس الكتاني أستاذ مشارك في العلوم الحضرية بجامعة محمد السادس متعددة التخصصات التقنية. يدرس "
            "استعمال البيانات والنمذجة في تخطيط المدن المتوسطة والجهات.",
            "Younes Kettani is an associate professor of urban science at Mohammed VI Polytechnic "
            "University. He studies how data and modelling can support planning for mid-sized cities and "
            "regions.",
        ),
    },
    {
        "slug": "hajar-bouzidi",
        "name": "Hajar Bouzidi",
        "name_ar": "هاجر البوزيدي",
        "organisation": UM6P,
        "job_title": (
            "Chercheuse en intelligence artificielle appliquée aux territoires",
            "باحثة في الذكاء الاصطناعي المطبق على المجالات الترابية",
            "Researcher in artificial intelligence for territories",
        ),
        "bio": (
            "Hajar Bouzidi est chercheuse en intelligence artificielle appliquée aux territoires à "
            "l'Université Mohammed VI Polytechnique. Elle travaille sur des outils d'aide à la décision "
            "transparents et explicables pour les collectivités.",
            "هاجر البوزيدي باحثة في الذكاء الاصطناعي المطبق على المجالات الترابية بجامعة محمد السادس "
            "متعددة التخصصات التقنية. تشتغل على أدوات شفافة وقابلة للتفسير للمساعدة على اتخاذ القرار "
            "لفائدة الجماعات الترابية.",
            "Hajar Bouzidi is a researcher in artificial intelligence for territories at Mohammed VI "
            "Polytechnic University. She works on transparent, explainable decision-support tools for local "
            "authorities.",
        ),
    },
    {
        "slug": "claire-moreau",
        "name": "Claire Moreau",
        "name_ar": "",
        "organisation": ("Université Gustave Eiffel", "جامعة غوستاف إيفل", "Université Gustave Eiffel"),
        "job_title": (
            "Professeure d'aménagement urbain",
            "أستاذة التهيئة الحضرية",
            "Professor of urban planning",
        ),
        "bio": (
            "Claire Moreau est professeure d'aménagement urbain à l'Université Gustave Eiffel. Spécialiste "
            "de la ville frugale, elle a conseillé plusieurs métropoles françaises et méditerranéennes sur "
            "la sobriété de leurs projets urbains.",
            "كلير مورو أستاذة التهيئة الحضرية بجامعة غوستاف إيفل. وهي متخصصة في المدينة المقتصدة في "
            "الموارد، وقد قدمت استشارات لعدة حواضر فرنسية ومتوسطية حول ترشيد استهلاك الموارد في مشاريعها "
            "الحضرية.",
            "Claire Moreau is a professor of urban planning at Université Gustave Eiffel. A specialist in "
            "the frugal city, she has advised several French and Mediterranean metropolitan areas on making "
            "their urban projects less resource-hungry.",
        ),
    },
    {
        "slug": "jordi-puig",
        "name": "Jordi Puig",
        "name_ar": "",
        "organisation": ("Ville de Barcelone", "مدينة برشلونة", "Barcelona City Council"),
        "job_title": (
            "Directeur de l'innovation numérique",
            "مدير الابتكار الرقمي",
            "Director of digital innovation",
        ),
        "bio": (
            "Jordi Puig dirige l'innovation numérique à la Ville de Barcelone. Il a piloté des programmes de "
            "plateformes urbaines ouvertes et de participation citoyenne en ligne, et plaide pour la "
            "souveraineté numérique des villes.",
            "يدير جوردي بويغ الابتكار الرقمي بمدينة برشلونة. أشرف على برامج للمنصات الحضرية المفتوحة "
            "والمشاركة المواطنة عبر الإنترنت، ويدافع عن السيادة الرقمية للمدن.",
            "Jordi Puig is director of digital innovation at Barcelona City Council. He has led programmes on "
            "open urban platforms and online citizen participation, and argues for cities' digital "
            "sovereignty.",
        ),
    },
    {
        "slug": "ana-ribeiro",
        "name": "Ana Ribeiro",
        "name_ar": "",
        "organisation": ("Université de Lisbonne", "جامعة لشبونة", "University of Lisbon"),
        "job_title": (
            "Chercheuse en sobriété numérique",
            "باحثة في الاقتصاد في الموارد الرقمية",
            "Researcher in digital sufficiency",
        ),
        "bio": (
            "Ana Ribeiro est chercheuse à l'Université de Lisbonne, où elle étudie l'empreinte "
            "environnementale des services numériques publics. Elle a mis au point une méthode de mesure "
            "utilisée par plusieurs municipalités portugaises.",
            "آنا ريبيرو باحثة بجامعة لشبونة، تدرس البصمة البيئية للخدمات الرقمية العمومية. وقد طورت منهجية "
            "للقياس تعتمدها عدة بلديات برتغالية.",
            "Ana Ribeiro is a researcher at the University of Lisbon, where she studies the environmental "
            "footprint of public digital services. She developed a measurement method used by several "
            "Portuguese municipalities.",
        ),
    },
    {
        "slug": "pieter-van-dijk",
        "name": "Pieter van Dijk",
        "name_ar": "",
        "organisation": ("Ville d'Amsterdam", "مدينة أمستردام", "City of Amsterdam"),
        "job_title": (
            "Conseiller principal, données ouvertes",
            "مستشار أول في البيانات المفتوحة",
            "Senior open data adviser",
        ),
        "bio": (
            "Pieter van Dijk est conseiller principal en données ouvertes à la Ville d'Amsterdam. Il "
            "accompagne les services municipaux dans la publication de leurs données et la définition de "
            "règles éthiques pour leur réutilisation.",
            "بيتر فان دايك مستشار أول في البيانات المفتوحة بمدينة أمستردام. يواكب المصالح البلدية في نشر "
            "بياناتها ووضع قواعد أخلاقية لإعادة استعمالها.",
            "Pieter van Dijk is senior open data adviser at the City of Amsterdam. He helps municipal "
            "departments publish their data and set ethical rules for its reuse.",
        ),
    },
    {
        "slug": "amina-diallo",
        "name": "Amina Diallo",
        "name_ar": "",
        "organisation": ("Ville de Dakar", "مدينة داكار", "City of Dakar"),
        "job_title": (
            "Responsable de la stratégie ville intelligente",
            "مسؤولة استراتيجية المدينة الذكية",
            "Smart city strategy lead",
        ),
        "bio": (
            "Amina Diallo est responsable de la stratégie ville intelligente à la Ville de Dakar. Elle "
            "travaille sur les services municipaux accessibles par téléphone mobile et sur la coopération "
            "numérique entre villes africaines.",
            "أمينة ديالو مسؤولة استراتيجية المدينة الذكية بمدينة داكار. تشتغل على الخدمات البلدية المتاحة "
            "عبر الهاتف المحمول وعلى التعاون الرقمي بين المدن الإفريقية.",
            "Amina Diallo leads smart city strategy for the City of Dakar. She works on municipal services "
            "delivered by mobile phone and on digital cooperation between African cities.",
        ),
    },
    {
        "slug": "marc-andre-gagnon",
        "name": "Marc-André Gagnon",
        "name_ar": "",
        "organisation": ("Université de Montréal", "جامعة مونتريال", "Université de Montréal"),
        "job_title": (
            "Professeur en innovation urbaine et entrepreneuriat",
            "أستاذ الابتكار الحضري وريادة الأعمال",
            "Professor of urban innovation and entrepreneurship",
        ),
        "bio": (
            "Marc-André Gagnon est professeur en innovation urbaine et entrepreneuriat à l'Université de "
            "Montréal. Il a présidé plusieurs jurys de défis d'innovation ouverte lancés par des villes et "
            "étudie la collaboration entre collectivités et startups.",
            "مارك أندريه غانيون أستاذ الابتكار الحضري وريادة الأعمال بجامعة مونتريال. ترأس عدة لجان تحكيم "
            "لتحديات الابتكار المفتوح التي أطلقتها مدن، ويدرس التعاون بين الجماعات الترابية والمقاولات "
            "الناشئة.",
            "Marc-André Gagnon is a professor of urban innovation and entrepreneurship at Université de "
            "Montréal. He has chaired several juries for open innovation challenges run by cities and "
            "studies how local governments and startups work together.",
        ),
    },
    {
        "slug": "sofia-marchetti",
        "name": "Sofia Marchetti",
        "name_ar": "",
        "organisation": ("Politecnico di Milano", "البوليتكنيك بميلانو", "Politecnico di Milano"),
        "job_title": (
            "Professeure de planification régionale",
            "أستاذة التخطيط الجهوي",
            "Professor of regional planning",
        ),
        "bio": (
            "Sofia Marchetti est professeure de planification régionale au Politecnico di Milano. Ses "
            "travaux comparent les stratégies numériques des régions européennes et leur articulation avec "
            "les politiques métropolitaines.",
            "صوفيا ماركيتي أستاذة التخطيط الجهوي بالبوليتكنيك بميلانو. تقارن أعمالها بين الاستراتيجيات "
            "الرقمية للجهات الأوروبية ومدى انسجامها مع سياسات الحواضر الكبرى.",
            "Sofia Marchetti is a professor of regional planning at Politecnico di Milano. Her work compares "
            "European regions' digital strategies and how they fit with metropolitan policies.",
        ),
    },
]


# ---------------------------------------------------------------------------
# 7th edition: "Ville smart, vers les transitions métropolitaines durables"
# ---------------------------------------------------------------------------

ROOMS_7 = {
    "pleniere": {
        "name": ("Grande salle plénière", "القاعة الكبرى للجلسات العامة", "Main plenary hall"),
        "capacity": 800,
        "location": (
            "Rez-de-chaussée, aile nord – entrée principale",
            "الطابق الأرضي، الجناح الشمالي – المدخل الرئيسي",
            "Ground floor, north wing – main entrance",
        ),
        "accessibility": (
            "Accès de plain-pied et emplacements réservés aux fauteuils roulants au premier rang. "
            "Interprétation en langue des signes marocaine pour toutes les séances plénières, boucle "
            "magnétique et interprétation simultanée français–arabe–anglais.",
            "ولوج مباشر دون درج وأماكن مخصصة للكراسي المتحركة في الصف الأول. ترجمة إلى لغة الإشارة "
            "المغربية في جميع الجلسات العامة، مع حلقة سمعية مغناطيسية وترجمة فورية بين الفرنسية والعربية "
            "والإنجليزية.",
            "Step-free access with wheelchair spaces in the front row. Moroccan Sign Language "
            "interpretation for every plenary session, induction loop and simultaneous interpretation "
            "between French, Arabic and English.",
        ),
    },
    "anfa": {
        "name": ("Salle Anfa", "قاعة أنفا", "Anfa Room"),
        "capacity": 120,
        "location": ("1er étage, aile nord", "الطابق الأول، الجناح الشمالي", "First floor, north wing"),
        "accessibility": (
            "Accessible par ascenseur depuis le hall d'accueil ; emplacements pour fauteuils roulants à "
            "l'entrée de la salle.",
            "يمكن الوصول إليها بالمصعد انطلاقا من بهو الاستقبال؛ أماكن مخصصة للكراسي المتحركة عند مدخل "
            "القاعة.",
            "Lift access from the reception hall; wheelchair spaces by the entrance.",
        ),
    },
    "atlas": {
        "name": ("Salle Atlas", "قاعة الأطلس", "Atlas Room"),
        "capacity": 60,
        "location": ("1er étage, aile sud", "الطابق الأول، الجناح الجنوبي", "First floor, south wing"),
        "accessibility": (
            "Accessible par ascenseur ; tables de travail réglables en hauteur, avec une place pour "
            "fauteuil roulant à chaque îlot.",
            "يمكن الوصول إليها بالمصعد؛ طاولات عمل قابلة لتعديل الارتفاع، مع مكان لكرسي متحرك في كل "
            "مجموعة عمل.",
            "Lift access; height-adjustable worktables with room for a wheelchair at every table group.",
        ),
    },
    "innovation": {
        "name": ("Espace innovation", "فضاء الابتكار", "Innovation Space"),
        "capacity": 150,
        "location": (
            "Rez-de-chaussée, hall d'exposition sud",
            "الطابق الأرضي، بهو المعارض الجنوبي",
            "Ground floor, south exhibition hall",
        ),
        "accessibility": (
            "Espace de plain-pied ; scène accessible par une rampe et emplacements réservés aux fauteuils "
            "roulants face à la scène.",
            "فضاء دون درج؛ منصة يمكن الصعود إليها عبر منحدر، وأماكن مخصصة للكراسي المتحركة قبالة المنصة.",
            "Step-free space; ramp access to the stage and wheelchair spaces facing it.",
        ),
    },
}

TRACKS_7 = {
    "transitions-metropolitaines": {
        "name": (
            "Transitions métropolitaines durables",
            "التحولات الحضرية المستدامة للحواضر الكبرى",
            "Sustainable metropolitan transitions",
        ),
        "color": "#0b5c7a",
    },
    "services-publics-numeriques": {
        "name": ("Services publics numériques", "الخدمات العمومية الرقمية", "Digital public services"),
        "color": "#c2410c",
    },
    "inclusion-sociale-numerique": {
        "name": (
            "Inclusion sociale et numérique",
            "الإدماج الاجتماعي والرقمي",
            "Social and digital inclusion",
        ),
        "color": "#7e3fa0",
    },
    "innovation-startups": {
        "name": ("Innovation et startups", "الابتكار والمقاولات الناشئة", "Innovation and startups"),
        "color": "#2f855a",
    },
}

COFFEE_BREAK = {
    "kind": SessionKind.BREAK,
    "format": IN_PERSON,
    "language": FR,
    "room": None,
    "title": ("Pause-café", "استراحة قهوة", "Coffee break"),
    "abstract": (
        "Pause-café dans le hall d'exposition et visite des stands de l'Espace innovation.",
        "استراحة قهوة ببهو المعارض وزيارة أروقة فضاء الابتكار.",
        "Coffee in the exhibition hall and a visit to the Innovation Space stands.",
    ),
}

LUNCH = {
    "kind": SessionKind.BREAK,
    "format": IN_PERSON,
    "language": FR,
    "room": None,
    "title": ("Déjeuner", "وجبة الغداء", "Lunch"),
    "abstract": (
        "Déjeuner servi dans le hall d'exposition.",
        "يقدَّم الغداء ببهو المعارض.",
        "Lunch served in the exhibition hall.",
    ),
}

SESSIONS_7 = [
    # ---- Day 1 ---------------------------------------------------------------
    {
        "slug": "accueil-et-cafe-de-bienvenue",
        "kind": SessionKind.BREAK,
        "day": 0,
        "start": "08:30",
        "end": "09:30",
        "room": None,
        "format": IN_PERSON,
        "language": FR,
        "title": (
            "Accueil des participants et café de bienvenue",
            "استقبال المشاركين وقهوة الترحيب",
            "Registration and welcome coffee",
        ),
        "abstract": (
            "Retrait des badges au hall d'accueil, café de bienvenue et découverte des stands de l'Espace "
            "innovation.",
            "سحب الشارات ببهو الاستقبال، وقهوة الترحيب، والتعرف على أروقة فضاء الابتكار.",
            "Badge collection in the reception hall, welcome coffee and a first look at the Innovation Space "
            "stands.",
        ),
    },
    {
        "slug": "seance-inaugurale",
        "kind": SessionKind.OPENING,
        "day": 0,
        "start": "09:30",
        "end": "10:45",
        "room": "pleniere",
        "format": HYBRID,
        "language": FR,
        "title": ("Séance inaugurale", "الجلسة الافتتاحية", "Opening session"),
        "abstract": (
            "Ouverture officielle du 7e Congrès international Casablanca Smart City. Les représentants de "
            "la Ville, de la Région Casablanca-Settat et des partenaires institutionnels présentent le thème "
            "de l'édition, « Ville smart, vers les transitions métropolitaines durables », et lancent le "
            "challenge startups de l'Espace innovation.",
            "الافتتاح الرسمي للمؤتمر الدولي السابع للدار البيضاء المدينة الذكية. يقدم ممثلو الجماعة وجهة "
            "الدار البيضاء-سطات والشركاء المؤسساتيون موضوع هذه الدورة، «المدينة الذكية، نحو تحولات حضرية "
            "مستدامة للحواضر الكبرى»، ويعلنون انطلاق تحدي المقاولات الناشئة بفضاء الابتكار.",
            "Official opening of the 7th Casablanca Smart City International Congress. Representatives of "
            "the City, the Casablanca-Settat Region and institutional partners introduce this year's theme, "
            "“Smart city: towards sustainable metropolitan transitions”, and launch the Innovation Space "
            "startup challenge.",
        ),
        "speakers": [
            ("leila-benjelloun", CHAIR),
            ("mounia-lazrak", SPEAKER),
            ("nawal-idrissi", SPEAKER),
            ("imane-kabbaj", SPEAKER),
        ],
    },
    {**COFFEE_BREAK, "slug": "pause-cafe-jour-1", "day": 0, "start": "10:45", "end": "11:15"},
    {
        "slug": "pleniere-inclusion-sociale-transition-numerique",
        "kind": SessionKind.PLENARY,
        "day": 0,
        "start": "11:15",
        "end": "12:45",
        "room": "pleniere",
        "track": "inclusion-sociale-numerique",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Plénière – L'inclusion sociale au cœur de la transition numérique",
            "جلسة عامة – الإدماج الاجتماعي في صلب الانتقال الرقمي",
            "Plenary – Putting social inclusion at the heart of the digital transition",
        ),
        "abstract": (
            "Comment faire en sorte que chaque citoyen bénéficie des avancées technologiques et de services "
            "publics améliorés ? Guichets sociaux, plateformes de services à distance, formation des femmes "
            "en milieu rural, accessibilité pour les personnes en situation de handicap : la plénière "
            "confronte les politiques publiques marocaines aux expériences d'autres villes africaines et au "
            "regard de la société civile.",
            "كيف نضمن استفادة جميع المواطنين من التقدم التكنولوجي ومن خدمات عمومية أفضل؟ الشبابيك "
            "الاجتماعية، ومنصات الخدمات عن بعد، وتكوين النساء في الوسط القروي، وولوجيات الأشخاص في وضعية "
            "إعاقة: تقارن هذه الجلسة العامة السياسات العمومية المغربية بتجارب مدن إفريقية أخرى وبرؤية "
            "المجتمع المدني.",
            "How can every citizen benefit from technological progress and better public services? "
            "One-stop social service desks, remote service platforms, training for women in rural areas, "
            "accessibility for people with disabilities: this plenary sets Moroccan public policy alongside "
            "the experience of other African cities and the view of civil society.",
        ),
        "speakers": [
            ("samira-chraibi", CHAIR),
            ("imane-kabbaj", SPEAKER),
            ("fatima-zahra-ennaji", SPEAKER),
            ("amina-diallo", SPEAKER),
        ],
    },
    {
        "slug": "atelier-ouvrir-et-reutiliser-les-donnees-de-la-ville",
        "kind": SessionKind.WORKSHOP,
        "day": 0,
        "start": "11:15",
        "end": "12:45",
        "room": "atlas",
        "track": "services-publics-numeriques",
        "format": IN_PERSON,
        "language": EN,
        "capacity": 30,
        "title": (
            "Atelier – Ouvrir et réutiliser les données de la ville",
            "ورشة – فتح بيانات المدينة وإعادة استعمالها",
            "Workshop – Opening up and reusing city data",
        ),
        "abstract": (
            "Atelier pratique pour les agents territoriaux, les chercheurs et les startups : repérer les "
            "jeux de données utiles, les publier dans des formats ouverts, documenter leur qualité et "
            "organiser leur réutilisation, à partir de cas concrets de Casablanca et d'Amsterdam.",
            "ورشة تطبيقية لفائدة أطر الجماعات الترابية والباحثين والمقاولات الناشئة: تحديد مجموعات "
            "البيانات المفيدة، ونشرها بصيغ مفتوحة، وتوثيق جودتها، وتنظيم إعادة استعمالها، انطلاقا من حالات "
            "ملموسة من الدار البيضاء وأمستردام.",
            "A hands-on workshop for local government staff, researchers and startups: finding the datasets "
            "that matter, publishing them in open formats, documenting their quality and organising their "
            "reuse, based on real cases from Casablanca and Amsterdam.",
        ),
        "description": (
            "Places limitées à 30 participants, sur réservation. Prévoir un ordinateur portable ; l'atelier "
            "se déroule en anglais, avec des supports en français.",
            "عدد المقاعد محدود في 30 مشاركا، والحجز مسبق. يرجى إحضار حاسوب محمول؛ تجري الورشة باللغة "
            "الإنجليزية مع وثائق مساندة بالفرنسية.",
            "Limited to 30 participants, booking required. Bring a laptop; the workshop is held in English, "
            "with supporting material in French.",
        ),
        "speakers": [("soufiane-marzouki", SPEAKER), ("pieter-van-dijk", SPEAKER)],
    },
    {**LUNCH, "slug": "dejeuner-jour-1", "day": 0, "start": "12:45", "end": "14:15"},
    {
        "slug": "keynote-de-la-smart-city-a-la-metropole-durable",
        "kind": SessionKind.KEYNOTE,
        "day": 0,
        "start": "14:15",
        "end": "15:00",
        "room": "pleniere",
        "track": "transitions-metropolitaines",
        "format": HYBRID,
        "language": EN,
        "title": (
            "Keynote – De la smart city à la métropole durable : dix ans de transitions urbaines",
            "محاضرة رئيسية – من المدينة الذكية إلى الحاضرة المستدامة: عشر سنوات من التحولات الحضرية",
            "Keynote – From smart city to sustainable metropolis: ten years of urban transitions",
        ),
        "abstract": (
            "Capteurs, plateformes de données, services en ligne : que reste-t-il des promesses de la ville "
            "intelligente lorsqu'on les mesure à l'aune du climat, de la cohésion sociale et des finances "
            "publiques ? Retour d'expérience d'une grande métropole européenne et pistes pour des "
            "transitions métropolitaines guidées par les besoins des habitants.",
            "أجهزة الاستشعار ومنصات البيانات والخدمات الإلكترونية: ماذا تبقى من وعود المدينة الذكية حين "
            "نقيسها بمعايير المناخ والتماسك الاجتماعي والمالية العمومية؟ عرض لتجربة حاضرة أوروبية كبرى "
            "ومقترحات لتحولات حضرية تنطلق من حاجيات السكان.",
            "Sensors, data platforms, online services: what is left of the smart city's promises once they "
            "are measured against climate goals, social cohesion and public finances? Lessons from a large "
            "European metropolis and ideas for metropolitan transitions driven by residents' needs.",
        ),
        "speakers": [("jordi-puig", SPEAKER)],
    },
    {
        "slug": "pitchs-challenge-startups",
        "kind": SessionKind.PITCH,
        "day": 0,
        "start": "14:30",
        "end": "17:00",
        "room": "innovation",
        "track": "innovation-startups",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Challenge startups – Pitchs des finalistes",
            "تحدي المقاولات الناشئة – عروض المتأهلين للنهائي",
            "Startup challenge – Finalists' pitches",
        ),
        "abstract": (
            "Dans l'Espace innovation, les startups finalistes présentent au jury leurs réponses aux "
            "problématiques de la ville : mobilité, gestion des déchets, efficacité énergétique, accès aux "
            "services sociaux. Trois d'entre elles seront récompensées lors de la séance de clôture.",
            "في فضاء الابتكار، تقدم المقاولات الناشئة المتأهلة للنهائي أمام لجنة التحكيم حلولها لإشكاليات "
            "المدينة: التنقل، وتدبير النفايات، والنجاعة الطاقية، والولوج إلى الخدمات الاجتماعية. وستُتوَّج "
            "ثلاث منها خلال الجلسة الختامية.",
            "In the Innovation Space, the finalist startups present to the jury their answers to the city's "
            "problems: mobility, waste management, energy efficiency, access to social services. Three of "
            "them will receive awards at the closing session.",
        ),
        "description": (
            "Chaque startup dispose de sept minutes de pitch, suivies de cinq minutes de questions du jury. "
            "Le public peut suivre les pitchs sur place ou en direct.",
            "لكل مقاولة ناشئة سبع دقائق لتقديم عرضها، تليها خمس دقائق لأسئلة لجنة التحكيم. ويمكن للجمهور "
            "متابعة العروض حضوريا أو عبر البث المباشر.",
            "Each startup has seven minutes to pitch, followed by five minutes of questions from the jury. "
            "The audience can follow the pitches on site or live online.",
        ),
        "speakers": [
            ("ahmed-filali", MODERATOR),
            ("marc-andre-gagnon", CHAIR),
            ("soufiane-marzouki", SPEAKER),
        ],
    },
    {
        "slug": "atelier-concevoir-un-service-public-numerique-avec-ses-usagers",
        "kind": SessionKind.WORKSHOP,
        "day": 0,
        "start": "14:30",
        "end": "16:30",
        "room": "atlas",
        "track": "services-publics-numeriques",
        "format": IN_PERSON,
        "language": AR,
        "capacity": 35,
        "title": (
            "Atelier – Concevoir un service public numérique avec ses usagers",
            "ورشة – تصميم خدمة عمومية رقمية بمشاركة مرتفقيها",
            "Workshop – Designing a digital public service with its users",
        ),
        "abstract": (
            "À partir des réclamations reçues et des parcours réels des usagers, les participants "
            "cartographient une démarche administrative, repèrent les points de blocage et prototypent un "
            "service en ligne plus simple, accessible et disponible en arabe et en français.",
            "انطلاقا من الشكايات المتوصل بها ومن المسارات الفعلية للمرتفقين، يرسم المشاركون خريطة مسطرة "
            "إدارية، ويحددون مواطن التعثر، ويصممون نموذجا أوليا لخدمة إلكترونية أبسط وأيسر ولوجا ومتاحة "
            "بالعربية والفرنسية.",
            "Starting from complaints received and users' real journeys, participants map an administrative "
            "procedure, spot where it breaks down and prototype a simpler, accessible online service "
            "available in Arabic and French.",
        ),
        "description": (
            "Places limitées à 35 participants, sur réservation. Atelier animé en arabe.",
            "عدد المقاعد محدود في 35 مشاركا، والحجز مسبق. تنشَّط الورشة باللغة العربية.",
            "Limited to 35 participants, booking required. Run in Arabic.",
        ),
        "speakers": [
            ("nadia-el-fassi", SPEAKER),
            ("rachid-ouazzani", SPEAKER),
            ("mehdi-sebti", SPEAKER),
        ],
    },
    {
        "slug": "panel-strategie-regionale-de-digitalisation",
        "kind": SessionKind.PANEL,
        "day": 0,
        "start": "15:15",
        "end": "16:45",
        "room": "anfa",
        "track": "services-publics-numeriques",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Panel – Vers une stratégie régionale de digitalisation : des smart cities aux smart regions",
            "مائدة مستديرة – نحو استراتيجية جهوية للرقمنة: من المدن الذكية إلى الجهات الذكية",
            "Panel – Towards a regional digitalisation strategy: from smart cities to smart regions",
        ),
        "abstract": (
            "Le plan de développement régional consacre un axe entier à la transition numérique : gestion "
            "des affaires territoriales, développement des entreprises et des startups, formation des "
            "jeunes. Le panel discute de la gouvernance d'une stratégie régionale de digitalisation, de la "
            "mutualisation des plateformes entre communes et des enseignements d'autres régions européennes.",
            "يخصص برنامج التنمية الجهوية محورا كاملا للانتقال الرقمي: تدبير الشأن الترابي، وتنمية المقاولات "
            "والمقاولات الناشئة، وتكوين الشباب. تناقش هذه المائدة المستديرة حكامة استراتيجية جهوية للرقمنة، "
            "وتعاضد المنصات بين الجماعات، ودروس تجارب جهات أوروبية أخرى.",
            "The regional development plan devotes a whole strand to the digital transition: running "
            "territorial affairs, growing companies and startups, and training young people. The panel "
            "discusses how to govern a regional digitalisation strategy, how municipalities can share "
            "platforms, and what other European regions have learned.",
        ),
        "speakers": [
            ("younes-kettani", MODERATOR),
            ("nawal-idrissi", SPEAKER),
            ("omar-tahiri", SPEAKER),
            ("sofia-marchetti", SPEAKER),
        ],
    },
    {
        "slug": "webinaire-villes-intelligentes-africaines",
        "kind": SessionKind.PANEL,
        "day": 0,
        "start": "17:15",
        "end": "18:15",
        "room": None,
        "track": "transitions-metropolitaines",
        "format": ONLINE,
        "language": EN,
        "title": (
            "Webinaire – Villes intelligentes africaines : regards croisés Casablanca–Dakar",
            "ندوة رقمية – المدن الذكية الإفريقية: نظرات متقاطعة بين الدار البيضاء وداكار",
            "Webinar – African smart cities: Casablanca and Dakar compared",
        ),
        "abstract": (
            "Session en ligne consacrée aux trajectoires des métropoles africaines : croissance urbaine "
            "rapide, économie informelle, services sur téléphone mobile. Comment adapter les outils de la "
            "ville intelligente aux réalités du continent et partager les solutions entre villes africaines ?",
            "جلسة عبر الإنترنت مخصصة لمسارات الحواضر الإفريقية: النمو الحضري السريع، والاقتصاد غير "
            "المهيكل، والخدمات عبر الهاتف المحمول. كيف نكيّف أدوات المدينة الذكية مع واقع القارة ونتقاسم "
            "الحلول بين المدن الإفريقية؟",
            "An online session on the paths of African metropolises: rapid urban growth, the informal "
            "economy, mobile services. How can smart city tools be adapted to the continent's realities, "
            "and solutions shared between African cities?",
        ),
        "speakers": [
            ("hajar-bouzidi", MODERATOR),
            ("amina-diallo", SPEAKER),
            ("younes-kettani", SPEAKER),
        ],
    },
    # ---- Day 2 ---------------------------------------------------------------
    {
        "slug": "pleniere-territoires-et-regions-intelligents",
        "kind": SessionKind.PLENARY,
        "day": 1,
        "start": "09:30",
        "end": "11:00",
        "room": "pleniere",
        "track": "transitions-metropolitaines",
        "format": HYBRID,
        "language": AR,
        "title": (
            "Plénière – Territoires et régions intelligents : l'intelligence territoriale au service du "
            "développement",
            "جلسة عامة – مجالات وجهات ذكية: الذكاء الترابي في خدمة التنمية",
            "Plenary – Smart territories and regions: territorial intelligence for development",
        ),
        "abstract": (
            "De la famille à la ville, puis aux territoires et aux régions : comment étendre l'intelligence "
            "territoriale et l'intelligence artificielle au-delà des grandes villes ? La plénière, tenue en "
            "arabe, aborde la dématérialisation des procédures, le pilotage par la donnée des conseils élus "
            "et la réduction des écarts entre territoires urbains et ruraux.",
            "من الأسرة إلى المدينة، ثم إلى المجالات الترابية والجهات: كيف نوسع الذكاء الترابي والذكاء "
            "الاصطناعي ليتجاوزا المدن الكبرى؟ تتناول هذه الجلسة العامة، المنعقدة باللغة العربية، رقمنة "
            "المساطر، والتدبير المعتمد على البيانات داخل المجالس المنتخبة، وتقليص الفوارق بين المجالات "
            "الحضرية والقروية.",
            "From the family to the city, then to territories and regions: how can territorial intelligence "
            "and artificial intelligence reach beyond the big cities? Held in Arabic, this plenary covers "
            "paperless procedures, data-driven management of elected councils and narrowing the gaps "
            "between urban and rural areas.",
        ),
        "speakers": [
            ("nawal-idrissi", CHAIR),
            ("hicham-bekkali", SPEAKER),
            ("khadija-berrada", SPEAKER),
            ("younes-kettani", SPEAKER),
        ],
    },
    {
        "slug": "atelier-intelligence-artificielle-et-decision-publique",
        "kind": SessionKind.WORKSHOP,
        "day": 1,
        "start": "09:30",
        "end": "11:00",
        "room": "atlas",
        "track": "services-publics-numeriques",
        "format": IN_PERSON,
        "language": FR,
        "capacity": 25,
        "title": (
            "Atelier – Intelligence artificielle et décision publique : cas pratiques",
            "ورشة – الذكاء الاصطناعي والقرار العمومي: حالات تطبيقية",
            "Workshop – Artificial intelligence and public decision-making: case studies",
        ),
        "abstract": (
            "Prévision de la demande de transport, tri des réclamations, maintenance de l'éclairage public : "
            "en petits groupes, les participants évaluent des cas d'usage de l'IA pour une collectivité, les "
            "données qu'ils exigent, leurs risques et les garanties à prévoir (transparence, protection des "
            "données personnelles, contrôle humain).",
            "توقع الطلب على النقل، وفرز الشكايات، وصيانة الإنارة العمومية: يقيّم المشاركون، ضمن مجموعات "
            "صغيرة، حالات استعمال الذكاء الاصطناعي داخل جماعة ترابية، والمعطيات التي تتطلبها، ومخاطرها، "
            "والضمانات الواجب توفيرها (الشفافية، وحماية المعطيات الشخصية، والرقابة البشرية).",
            "Forecasting transport demand, sorting complaints, maintaining street lighting: in small groups, "
            "participants assess AI use cases for a local authority, the data they need, their risks and "
            "the safeguards required (transparency, personal data protection, human oversight).",
        ),
        "description": (
            "Places limitées à 25 participants, sur réservation. Aucune compétence en programmation n'est "
            "requise.",
            "عدد المقاعد محدود في 25 مشاركا، والحجز مسبق. لا تُشترط أي معرفة بالبرمجة.",
            "Limited to 25 participants, booking required. No programming skills needed.",
        ),
        "speakers": [("hajar-bouzidi", SPEAKER), ("omar-tahiri", SPEAKER)],
    },
    {**COFFEE_BREAK, "slug": "pause-cafe-jour-2", "day": 1, "start": "11:00", "end": "11:30"},
    {
        "slug": "panel-autorites-locales-secteur-prive-societe-civile",
        "kind": SessionKind.PANEL,
        "day": 1,
        "start": "11:30",
        "end": "13:00",
        "room": "pleniere",
        "track": "inclusion-sociale-numerique",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Panel – Autorités locales, secteur privé et société civile : co-construire la ville "
            "intelligente",
            "مائدة مستديرة – السلطات المحلية والقطاع الخاص والمجتمع المدني: البناء المشترك للمدينة الذكية",
            "Panel – Local authorities, the private sector and civil society: building the smart city "
            "together",
        ),
        "abstract": (
            "Chaque ville est singulière : concevoir des stratégies adaptées aux besoins de chaque "
            "territoire suppose de faire travailler ensemble élus, administrations, entreprises, "
            "associations et citoyens. Le panel partage des exemples de partenariats réussis, leurs modes "
            "de gouvernance et leurs limites.",
            "لكل مدينة خصوصياتها: إن إعداد استراتيجيات ملائمة لحاجيات كل مجال ترابي يقتضي أن يعمل "
            "المنتخبون والإدارات والمقاولات والجمعيات والمواطنون جنبا إلى جنب. تعرض هذه المائدة المستديرة "
            "أمثلة لشراكات ناجحة، وأنماط حكامتها، وحدودها.",
            "Every city is different: designing strategies suited to each territory's needs means getting "
            "elected officials, administrations, businesses, associations and citizens to work together. "
            "The panel shares examples of successful partnerships, how they are governed and where they "
            "fall short.",
        ),
        "speakers": [
            ("samira-chraibi", MODERATOR),
            ("mounia-lazrak", SPEAKER),
            ("mehdi-sebti", SPEAKER),
            ("fatima-zahra-ennaji", SPEAKER),
        ],
    },
    {
        "slug": "panel-achat-public-innovant",
        "kind": SessionKind.PANEL,
        "day": 1,
        "start": "11:30",
        "end": "13:00",
        "room": "anfa",
        "track": "innovation-startups",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Panel – Achat public innovant : comment la ville travaille avec les startups",
            "مائدة مستديرة – الشراء العمومي المبتكر: كيف تتعامل المدينة مع المقاولات الناشئة",
            "Panel – Innovative public procurement: how the city works with startups",
        ),
        "abstract": (
            "Expérimentations, appels à défis, marchés d'innovation : quels outils permettent à une "
            "collectivité d'acheter des solutions nouvelles tout en respectant les règles de la commande "
            "publique ? Regards croisés d'une agence nationale, d'une ville européenne et d'un spécialiste "
            "de l'entrepreneuriat urbain.",
            "التجريب، ودعوات التحدي، وصفقات الابتكار: ما الأدوات التي تتيح لجماعة ترابية اقتناء حلول "
            "جديدة مع احترام قواعد الطلبيات العمومية؟ نظرات متقاطعة لوكالة وطنية ومدينة أوروبية وخبير في "
            "ريادة الأعمال الحضرية.",
            "Pilots, challenge calls, innovation contracts: which tools let a local authority buy new "
            "solutions while staying within public procurement rules? Perspectives from a national agency, "
            "a European city and an urban entrepreneurship specialist.",
        ),
        "speakers": [
            ("ahmed-filali", MODERATOR),
            ("zineb-alami", SPEAKER),
            ("pieter-van-dijk", SPEAKER),
            ("marc-andre-gagnon", SPEAKER),
        ],
    },
    {
        "slug": "en-ligne-empreinte-environnementale-des-services-numeriques",
        "kind": SessionKind.PANEL,
        "day": 1,
        "start": "11:30",
        "end": "12:30",
        "room": None,
        "track": "transitions-metropolitaines",
        "format": ONLINE,
        "language": EN,
        "title": (
            "En ligne – Mesurer et réduire l'empreinte environnementale des services numériques urbains",
            "عبر الإنترنت – قياس البصمة البيئية للخدمات الرقمية الحضرية والحد منها",
            "Online – Measuring and reducing the environmental footprint of urban digital services",
        ),
        "abstract": (
            "Centres de données, terminaux, capteurs : le numérique urbain consomme de l'énergie et des "
            "ressources. Cette session en ligne présente des méthodes pour mesurer l'empreinte des services "
            "numériques et des pistes concrètes pour une ville intelligente frugale.",
            "مراكز البيانات والأجهزة الطرفية وأجهزة الاستشعار: يستهلك الرقمي الحضري الطاقة والموارد. تقدم "
            "هذه الجلسة عبر الإنترنت مناهج لقياس البصمة البيئية للخدمات الرقمية، ومقترحات عملية من أجل "
            "مدينة ذكية مقتصدة في الموارد.",
            "Data centres, devices, sensors: urban digital services consume energy and resources. This "
            "online session presents methods for measuring the footprint of digital services and practical "
            "steps towards a frugal smart city.",
        ),
        "speakers": [
            ("hajar-bouzidi", MODERATOR),
            ("ana-ribeiro", SPEAKER),
            ("sofia-marchetti", SPEAKER),
        ],
    },
    {**LUNCH, "slug": "dejeuner-jour-2", "day": 1, "start": "13:00", "end": "14:30"},
    {
        "slug": "pleniere-smart-city-frugale-sociale-et-durable",
        "kind": SessionKind.PLENARY,
        "day": 1,
        "start": "14:30",
        "end": "16:00",
        "room": "pleniere",
        "track": "transitions-metropolitaines",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Plénière – Une smart city frugale, sociale et durable",
            "جلسة عامة – مدينة ذكية مقتصدة واجتماعية ومستدامة",
            "Plenary – A frugal, social and sustainable smart city",
        ),
        "abstract": (
            "Placer le citoyen au cœur de la réflexion et faire mieux avec moins : la plénière explore un "
            "modèle de gestion urbaine frugal, qui privilégie les solutions sobres, réutilisables et "
            "mesurables, et s'interroge sur les indicateurs permettant de suivre l'impact social et "
            "environnemental des projets.",
            "وضع المواطن في صلب التفكير وتحقيق الأفضل بموارد أقل: تستكشف هذه الجلسة العامة نموذجا للتدبير "
            "الحضري المقتصد يفضّل الحلول البسيطة والقابلة لإعادة الاستعمال والقياس، وتتساءل عن المؤشرات "
            "التي تتيح تتبع الأثر الاجتماعي والبيئي للمشاريع.",
            "Putting citizens at the centre and doing more with less: this plenary explores a frugal model "
            "of urban management that favours lean, reusable and measurable solutions, and asks which "
            "indicators can track the social and environmental impact of projects.",
        ),
        "speakers": [
            ("younes-kettani", MODERATOR),
            ("claire-moreau", SPEAKER),
            ("omar-tahiri", SPEAKER),
            ("jordi-puig", SPEAKER),
        ],
    },
    {
        "slug": "seance-de-cloture-et-remise-des-prix",
        "kind": SessionKind.PLENARY,
        "day": 1,
        "start": "16:30",
        "end": "17:30",
        "room": "pleniere",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Séance de clôture et remise des prix du challenge startups",
            "الجلسة الختامية وتسليم جوائز تحدي المقاولات الناشئة",
            "Closing session and startup challenge awards",
        ),
        "abstract": (
            "Synthèse des travaux du congrès par la rapporteure générale, annonce des trois startups "
            "lauréates du challenge de l'Espace innovation et remise des prix, puis mot de clôture des "
            "organisateurs.",
            "تقديم خلاصات أشغال المؤتمر من طرف المقررة العامة، والإعلان عن المقاولات الناشئة الثلاث "
            "الفائزة في تحدي فضاء الابتكار وتسليم الجوائز، ثم كلمة اختتام المنظمين.",
            "The rapporteur general sums up the congress, the three winning startups of the Innovation "
            "Space challenge are announced and receive their awards, and the organisers close the event.",
        ),
        "speakers": [
            ("leila-benjelloun", CHAIR),
            ("samira-chraibi", SPEAKER),
            ("marc-andre-gagnon", SPEAKER),
            ("mounia-lazrak", SPEAKER),
        ],
    },
]


# ---------------------------------------------------------------------------
# 4th edition (archive): "Smart city au service de la résilience et de la
# régénération territoriale", 9-10 June 2021, hybrid
# ---------------------------------------------------------------------------

ROOMS_4 = {
    "pleniere": {
        "name": ("Salle plénière", "قاعة الجلسات العامة", "Plenary hall"),
        "capacity": 250,
        "location": ("Rez-de-chaussée", "الطابق الأرضي", "Ground floor"),
        "accessibility": (
            "Accès de plain-pied ; jauge réduite et places espacées selon les mesures sanitaires en vigueur "
            "en juin 2021.",
            "ولوج دون درج؛ طاقة استيعابية مخفضة ومقاعد متباعدة وفق التدابير الصحية المعمول بها في يونيو "
            "2021.",
            "Step-free access; reduced capacity and distanced seating under the health measures in force in "
            "June 2021.",
        ),
    },
    "ateliers": {
        "name": ("Salle des ateliers", "قاعة الورشات", "Workshop room"),
        "capacity": 80,
        "location": ("1er étage", "الطابق الأول", "First floor"),
        "accessibility": ("Accessible par ascenseur.", "يمكن الوصول إليها بالمصعد.", "Lift access."),
    },
}

TRACKS_4 = {
    "resilience-innovation-sociale": {
        "name": (
            "Résilience territoriale et innovation sociale",
            "الصمود الترابي والابتكار الاجتماعي",
            "Territorial resilience and social innovation",
        ),
        "color": "#0b5c7a",
    },
    "transformation-digitale": {
        "name": (
            "Transformation digitale des services et usagers",
            "التحول الرقمي للخدمات والمرتفقين",
            "Digital transformation of services and users",
        ),
        "color": "#c2410c",
    },
    "regeneration-inclusive": {
        "name": (
            "Régénération inclusive des territoires",
            "التجديد الدامج للمجالات الترابية",
            "Inclusive regeneration of territories",
        ),
        "color": "#2f855a",
    },
}

DGCT_WORKSHOP_TITLE = (
    "les Collectivités Territoriales marocaines à l'heure de la transformation digitale",
    "الجماعات الترابية المغربية في زمن التحول الرقمي",
    "Moroccan local authorities in the age of digital transformation",
)

# The five presentations of the DGCT workshop, in the order of the article:
# slug, start, end, presenter, title, abstract.
DGCT_PRESENTATIONS = [
    (
        "atelier-dgct-loi-55-19",
        "14:00",
        "14:30",
        "adil-bennis",
        (
            "La Loi 55.19, levier d'accélération de la digitalisation des procédures administratives",
            "القانون 55.19، رافعة لتسريع رقمنة المساطر الإدارية",
            "Law 55.19, a lever for speeding up the digitisation of administrative procedures",
        ),
        (
            "Présentation de la loi 55.19 relative à la simplification des procédures et formalités "
            "administratives, et de ses effets sur la digitalisation des procédures des collectivités "
            "territoriales.",
            "تقديم القانون 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية، وآثاره على رقمنة مساطر "
            "الجماعات الترابية.",
            "An overview of Law 55.19 on the simplification of administrative procedures and formalities, "
            "and of its effect on the digitisation of local authorities' procedures.",
        ),
    ),
    (
        "atelier-dgct-rokhas",
        "14:30",
        "15:00",
        "mehdi-sebti",
        (
            "Rokhas, plateforme des autorisations à caractère territorial",
            "رخص، منصة الرخص ذات الطابع الترابي",
            "Rokhas, the platform for territorial authorisations",
        ),
        (
            "La plateforme Rokhas dématérialise le dépôt, l'instruction et la délivrance des autorisations à "
            "caractère territorial (urbanisme, activités économiques), pour des délais plus courts et une "
            "meilleure traçabilité.",
            "تتيح منصة رخص رقمنة إيداع طلبات الرخص ذات الطابع الترابي (التعمير والأنشطة الاقتصادية) "
            "ودراستها وتسليمها، من أجل آجال أقصر وتتبع أفضل.",
            "The Rokhas platform moves the filing, review and issuing of territorial authorisations "
            "(planning permits, business licences) online, for shorter lead times and better traceability.",
        ),
    ),
    (
        "atelier-dgct-parapheur-electronique",
        "15:00",
        "15:30",
        "zineb-alami",
        (
            "Le Parapheur Électronique",
            "حامل التوقيعات الإلكتروني",
            "The electronic signature book (Parapheur Électronique)",
        ),
        (
            "Le parapheur électronique permet la circulation et la signature électronique des documents "
            "administratifs entre services, sans papier et avec une traçabilité complète.",
            "يتيح حامل التوقيعات الإلكتروني تداول الوثائق الإدارية بين المصالح وتوقيعها إلكترونيا، دون ورق "
            "ومع تتبع كامل لمراحلها.",
            "The electronic signature book lets administrative documents circulate between departments and "
            "be signed electronically, without paper and with a full audit trail.",
        ),
    ),
    (
        "atelier-dgct-chikaya-ma",
        "15:30",
        "16:00",
        "rachid-ouazzani",
        (
            "La plateforme de réclamations des Collectivités Territoriales « Chikaya.ma »",
            "منصة شكايات الجماعات الترابية «Chikaya.ma»",
            "The local authorities' complaints platform “Chikaya.ma”",
        ),
        (
            "Chikaya.ma permet aux citoyens de déposer leurs réclamations auprès des collectivités "
            "territoriales et d'en suivre le traitement, et aux collectivités d'analyser les demandes pour "
            "améliorer leurs services.",
            "تمكّن منصة «Chikaya.ma» المواطنين من تقديم شكاياتهم إلى الجماعات الترابية وتتبع معالجتها، "
            "وتمكّن الجماعات من تحليل الطلبات لتحسين خدماتها.",
            "Chikaya.ma lets citizens file complaints with local authorities and follow how they are "
            "handled, and helps authorities analyse requests to improve their services.",
        ),
    ),
    (
        "atelier-dgct-plateforme-majaliss",
        "16:00",
        "16:45",
        "khadija-berrada",
        (
            "Le système d'information de gestion des activités des conseils des collectivités territoriales "
            "« Plateforme Majaliss »",
            "نظام المعلومات لتدبير أنشطة مجالس الجماعات الترابية «منصة مجالس»",
            "The information system for managing the activities of local authority councils, “Majaliss "
            "platform”",
        ),
        (
            "La plateforme Majaliss outille la gestion des activités des conseils des collectivités "
            "territoriales : préparation des sessions, ordres du jour, délibérations et archivage. La "
            "présentation est suivie d'un échange avec la salle et les participants en ligne.",
            "تيسّر منصة مجالس تدبير أنشطة مجالس الجماعات الترابية: التحضير للدورات، وجداول الأعمال، "
            "والمداولات، والأرشفة. ويلي العرضَ نقاشٌ مع الحاضرين والمشاركين عن بعد.",
            "The Majaliss platform supports the work of local authority councils: preparing sessions, "
            "agendas, deliberations and archiving. The presentation is followed by a discussion with the "
            "room and online participants.",
        ),
    ),
]


def _dgct_workshop_description() -> tuple[str, str, str]:
    titles = [presentation[4] for presentation in DGCT_PRESENTATIONS]
    intro = (
        f"Atelier « {DGCT_WORKSHOP_TITLE[0]} », animé par la Direction Générale des Collectivités "
        "Territoriales avec d'autres intervenants. Objectif : faire de la transformation digitale un levier "
        "d'amélioration de la performance des collectivités territoriales, en dématérialisant les "
        "procédures pour une meilleure harmonisation entre administrations et un service optimal à "
        "l'usager.\n\nProgramme de l'atelier :",
        f"ورشة «{DGCT_WORKSHOP_TITLE[1]}»، من تنشيط المديرية العامة للجماعات الترابية بمشاركة متدخلين "
        "آخرين. الهدف: جعل التحول الرقمي رافعة لتحسين أداء الجماعات الترابية، عبر رقمنة المساطر من أجل "
        "انسجام أفضل بين الإدارات وخدمة مثلى للمرتفق.\n\nبرنامج الورشة:",
        f"Workshop “{DGCT_WORKSHOP_TITLE[2]}”, led by the General Directorate of Local Authorities (DGCT) "
        "with other contributors. Its aim: make digital transformation a lever for local authorities' "
        "performance, moving procedures online for better coordination between administrations and the "
        "best possible service to users.\n\nWorkshop programme:",
    )
    return tuple(
        "\n".join([intro[lang], *(f"{n}. {title[lang]}" for n, title in enumerate(titles, start=1))])
        for lang in range(3)
    )


def _dgct_sessions() -> list[dict]:
    description = _dgct_workshop_description()
    sessions = []
    for slug, start, end, presenter, title, abstract in DGCT_PRESENTATIONS:
        sessions.append(
            {
                "slug": slug,
                "kind": SessionKind.WORKSHOP,
                "day": 1,
                "start": start,
                "end": end,
                "room": "ateliers",
                "track": "transformation-digitale",
                "format": HYBRID,
                "language": FR,
                "capacity": 80,
                "title": title,
                "abstract": abstract,
                "description": description,
                "speakers": [("hicham-bekkali", CHAIR), (presenter, SPEAKER)],
            }
        )
    return sessions


SESSIONS_4 = [
    {
        "slug": "seance-inaugurale",
        "kind": SessionKind.OPENING,
        "day": 0,
        "start": "09:30",
        "end": "11:00",
        "room": "pleniere",
        "format": HYBRID,
        "language": FR,
        "title": ("Séance inaugurale", "الجلسة الافتتاحية", "Opening session"),
        "abstract": (
            "Ouverture du Smart City Casablanca Symposium, organisé par Casablanca Events & Animation en "
            "partenariat avec l'Université Mohammed VI Polytechnique et l'Université Hassan II de "
            "Casablanca. La smart city y est présentée comme un espace de co-création mobilisant élus, "
            "citoyens, entreprises, société civile, artistes et universitaires, et la transformation "
            "digitale des collectivités territoriales, accélérée par la pandémie de Covid-19, comme un levier "
            "de résilience.",
            "افتتاح ندوة الدار البيضاء للمدينة الذكية، التي تنظمها شركة الدار البيضاء للتنشيط والتظاهرات "
            "بشراكة مع جامعة محمد السادس متعددة التخصصات التقنية وجامعة الحسن الثاني بالدار البيضاء. "
            "وتُقدَّم فيها المدينة الذكية باعتبارها فضاء للإبداع المشترك يعبّئ المنتخبين والمواطنين "
            "والمقاولات والمجتمع المدني والفنانين والجامعيين، والتحول الرقمي للجماعات الترابية، الذي سرّعته "
            "جائحة كوفيد-19، رافعةً للصمود.",
            "Opening of the Smart City Casablanca Symposium, organised by Casablanca Events & Animation with "
            "Mohammed VI Polytechnic University and Hassan II University of Casablanca. The smart city is "
            "presented as a space for co-creation that draws on elected officials, citizens, businesses, "
            "civil society, artists and academics, and the digital transformation of local authorities, "
            "accelerated by the Covid-19 pandemic, as a lever for resilience.",
        ),
        "speakers": [
            ("leila-benjelloun", CHAIR),
            ("hicham-bekkali", SPEAKER),
            ("samira-chraibi", SPEAKER),
            ("younes-kettani", SPEAKER),
        ],
    },
    {
        "slug": "pleniere-resilience-territoriale-et-innovation-sociale",
        "kind": SessionKind.PLENARY,
        "day": 0,
        "start": "11:30",
        "end": "13:00",
        "room": "pleniere",
        "track": "resilience-innovation-sociale",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Plénière – Résilience territoriale et innovation sociale",
            "جلسة عامة – الصمود الترابي والابتكار الاجتماعي",
            "Plenary – Territorial resilience and social innovation",
        ),
        "abstract": (
            "Chercheurs et experts marocains et étrangers reviennent sur la façon dont les territoires ont "
            "traversé la crise sanitaire : solidarités de quartier, initiatives citoyennes, outils "
            "numériques déployés dans l'urgence, et ce qu'il faut en garder pour des territoires plus "
            "résilients.",
            "يستعرض باحثون وخبراء مغاربة وأجانب كيف اجتازت المجالات الترابية الأزمة الصحية: التضامن داخل "
            "الأحياء، والمبادرات المواطنة، والأدوات الرقمية التي اعتُمدت على وجه الاستعجال، وما ينبغي "
            "الاحتفاظ به من أجل مجالات ترابية أكثر صمودا.",
            "Moroccan and international researchers and experts look back on how territories came through "
            "the health crisis: neighbourhood solidarity, citizen initiatives, digital tools set up in a "
            "hurry, and what should be kept to make territories more resilient.",
        ),
        "speakers": [
            ("samira-chraibi", MODERATOR),
            ("claire-moreau", SPEAKER),
            ("fatima-zahra-ennaji", SPEAKER),
        ],
    },
    {
        "slug": "pleniere-transformation-digitale-des-services-et-usagers",
        "kind": SessionKind.PLENARY,
        "day": 0,
        "start": "14:30",
        "end": "16:30",
        "room": "pleniere",
        "track": "transformation-digitale",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Plénière – Transformation digitale des services et usagers",
            "جلسة عامة – التحول الرقمي للخدمات والمرتفقين",
            "Plenary – Digital transformation of services and users",
        ),
        "abstract": (
            "Dématérialisation des procédures, échanges de données entre administrations, gestion par la "
            "donnée : comment la transformation digitale améliore-t-elle la qualité des services publics "
            "urbains et la vie quotidienne des usagers ? Retours d'expérience de Casablanca, Barcelone et "
            "Lisbonne.",
            "رقمنة المساطر، وتبادل المعطيات بين الإدارات، والتدبير المعتمد على البيانات: كيف يحسّن التحول "
            "الرقمي جودة الخدمات العمومية الحضرية والحياة اليومية للمرتفقين؟ تجارب من الدار البيضاء "
            "وبرشلونة ولشبونة.",
            "Paperless procedures, data exchange between administrations, data-driven management: how does "
            "digital transformation improve the quality of urban public services and users' daily lives? "
            "Experience from Casablanca, Barcelona and Lisbon.",
        ),
        "speakers": [
            ("younes-kettani", MODERATOR),
            ("omar-tahiri", SPEAKER),
            ("jordi-puig", SPEAKER),
            ("ana-ribeiro", SPEAKER),
        ],
    },
    {
        "slug": "pleniere-regeneration-inclusive-des-territoires",
        "kind": SessionKind.PLENARY,
        "day": 1,
        "start": "09:30",
        "end": "11:30",
        "room": "pleniere",
        "track": "regeneration-inclusive",
        "format": HYBRID,
        "language": FR,
        "title": (
            "Plénière – Régénération inclusive des territoires",
            "جلسة عامة – التجديد الدامج للمجالات الترابية",
            "Plenary – Inclusive regeneration of territories",
        ),
        "abstract": (
            "Stratégies et bonnes pratiques de régénération territoriale inclusive et durable, créatrice de "
            "richesses et d'emplois : requalification de quartiers, revitalisation des centres anciens, "
            "place des habitants dans les projets.",
            "استراتيجيات وممارسات فضلى للتجديد الترابي الدامج والمستدام، المنتج للثروة ولفرص الشغل: إعادة "
            "تأهيل الأحياء، وإنعاش المدن العتيقة، ومكانة السكان في المشاريع.",
            "Strategies and good practice for inclusive, sustainable territorial regeneration that creates "
            "wealth and jobs: neighbourhood renewal, revitalising historic centres, and the place of "
            "residents in projects.",
        ),
        "speakers": [
            ("hajar-bouzidi", MODERATOR),
            ("sofia-marchetti", SPEAKER),
            ("nawal-idrissi", SPEAKER),
            ("amina-diallo", SPEAKER),
        ],
    },
    *_dgct_sessions(),
]


# ---------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------


def _translated(name: str, texts: tuple[str, str, str]) -> dict[str, str]:
    fr, ar, en = texts
    return {f"{name}_fr": fr, f"{name}_ar": ar, f"{name}_en": en}


def _save(instance, fields: dict):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


def _local(edition: Edition, day: int, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day),
        datetime.time(hour, minute),
        tzinfo=zoneinfo.ZoneInfo(edition.time_zone),
    )


def _seed_speakers() -> dict[str, Speaker]:
    speakers = {}
    for row in SPEAKERS:
        speaker = Speaker.objects.filter(slug=row["slug"]).first() or Speaker(slug=row["slug"])
        speakers[row["slug"]] = _save(
            speaker,
            {
                "name": row["name"],
                "name_ar": row["name_ar"],
                **_translated("organisation", row["organisation"]),
                **_translated("job_title", row["job_title"]),
                **_translated("bio", row["bio"]),
            },
        )
    return speakers


def _seed_rooms(edition: Edition, rows: dict) -> dict[str, Room]:
    rooms = {}
    for order, (key, row) in enumerate(rows.items(), start=1):
        name_fr = row["name"][0]
        room = Room.objects.filter(edition=edition, name_fr=name_fr).first() or Room(
            edition=edition, name_fr=name_fr
        )
        rooms[key] = _save(
            room,
            {
                **_translated("name", row["name"]),
                "capacity": row["capacity"],
                **_translated("location", row["location"]),
                **_translated("accessibility", row["accessibility"]),
                "sort_order": order,
            },
        )
    return rooms


def _seed_tracks(edition: Edition, rows: dict) -> dict[str, Track]:
    tracks = {}
    for order, (slug, row) in enumerate(rows.items(), start=1):
        track = Track.objects.filter(edition=edition, slug=slug).first() or Track(edition=edition, slug=slug)
        tracks[slug] = _save(
            track, {**_translated("name", row["name"]), "color": row["color"], "sort_order": order}
        )
    return tracks


def _session_fields(edition: Edition, row: dict, rooms: dict, tracks: dict, *, past: bool) -> dict:
    slug = row["slug"]
    room = rooms[row["room"]] if row.get("room") else None
    online = row["format"] in (HYBRID, ONLINE) and row["kind"] != SessionKind.BREAK
    return {
        "kind": row["kind"],
        "format": row["format"],
        "language": row["language"],
        **_translated("title", row["title"]),
        **_translated("abstract", row["abstract"]),
        **_translated("description", row.get("description", ("", "", ""))),
        "starts_at": _local(edition, row["day"], row["start"]),
        "ends_at": _local(edition, row["day"], row["end"]),
        "room": room,
        "track": tracks[row["track"]] if row.get("track") else None,
        "capacity": row.get("capacity"),
        "livestream_url": LIVESTREAM_URL.format(slug=slug) if online and not past else "",
        "replay_url": REPLAY_URL.format(edition=edition.slug, slug=slug) if online and past else "",
        "is_published": True,
    }


def _seed_sessions(
    edition: Edition, rows: list[dict], rooms: dict, tracks: dict, speakers: dict, *, past: bool
):
    wanted = {row["slug"]: _session_fields(edition, row, rooms, tracks, past=past) for row in rows}

    # Sessions moved since an earlier run (the current edition's dates follow
    # the day the demo is loaded) leave their rooms first, so that no session
    # is ever saved on top of another one's old slot.
    def slot(fields: dict) -> tuple:
        return (getattr(fields["room"], "pk", None), fields["starts_at"], fields["ends_at"])

    placed = Session.objects.filter(edition=edition, slug__in=wanted, room__isnull=False)
    moved = [s.pk for s in placed if (s.room_id, s.starts_at, s.ends_at) != slot(wanted[s.slug])]
    Session.objects.filter(pk__in=moved).update(room=None)

    for row in rows:
        slug = row["slug"]
        session = Session.objects.filter(edition=edition, slug=slug).first() or Session(
            edition=edition, slug=slug
        )
        _save(session, wanted[slug])

        cast = row.get("speakers", [])
        for order, (speaker_slug, role) in enumerate(cast):
            speaker = speakers[speaker_slug]
            link = SessionSpeaker.objects.filter(session=session, speaker=speaker).first() or SessionSpeaker(
                session=session, speaker=speaker
            )
            _save(link, {"role": role, "sort_order": order})
        SessionSpeaker.objects.filter(session=session).exclude(
            speaker__slug__in=[speaker_slug for speaker_slug, _role in cast]
        ).delete()


def seed_programme(*, editions: dict[int, Edition]) -> None:
    """Idempotent: create or update rooms, tracks, speakers and sessions of the 4th and 7th editions."""
    plan = [
        (editions[4], ROOMS_4, TRACKS_4, SESSIONS_4, True),
        (editions[7], ROOMS_7, TRACKS_7, SESSIONS_7, False),
    ]
    with transaction.atomic():
        speakers = _seed_speakers()
        for edition, room_rows, track_rows, session_rows, past in plan:
            rooms = _seed_rooms(edition, room_rows)
            tracks = _seed_tracks(edition, track_rows)
            _seed_sessions(edition, session_rows, rooms, tracks, speakers, past=past)
            transaction.on_commit(lambda edition_id=edition.pk: programme_changed(edition_id))
