"""Demo data for the startup challenge of the 7th edition: the call and a dozen fictional entries.

Idempotent like the rest of seed_demo: rows are found by slug or e-mail and
brought up to date. Entries are written directly (not through the services)
because they reproduce states reached over weeks; each gets a log line
saying so.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from events.models import Edition
from startups.models import (
    Challenge,
    ChallengePrize,
    ChallengeTheme,
    MemberRole,
    Startup,
    StartupMember,
    Submission,
    SubmissionLog,
    SubmissionStatus,
)

THEMES = [
    (
        "mobilite",
        ("Mobilité urbaine", "التنقل الحضري", "Urban mobility"),
        (
            "Fluidifier les déplacements, relier tramway, BRT et bus, et rendre la marche et le vélo plus sûrs.",
            "تسهيل التنقل، وربط الترامواي والحافلات، وجعل المشي وركوب الدراجات أكثر أمانًا.",
            "Smoother journeys, better links between tram, BRT and buses, and safer walking and cycling.",
        ),
    ),
    (
        "energie",
        ("Efficacité énergétique", "النجاعة الطاقية", "Energy efficiency"),
        (
            "Réduire la consommation de l’éclairage public et des bâtiments, produire et stocker localement.",
            "خفض استهلاك الإنارة العمومية والمباني، والإنتاج والتخزين المحلي للطاقة.",
            "Cut the energy used by street lighting and buildings; produce and store it locally.",
        ),
    ),
    (
        "eau",
        ("Gestion de l’eau", "تدبير الماء", "Water management"),
        (
            "Détecter les fuites, économiser l’eau potable, réutiliser les eaux usées traitées.",
            "رصد التسربات، وترشيد الماء الصالح للشرب، وإعادة استعمال المياه العادمة المعالجة.",
            "Detect leaks, save drinking water, reuse treated wastewater.",
        ),
    ),
    (
        "dechets",
        ("Déchets et économie circulaire", "النفايات والاقتصاد الدائري", "Waste and circular economy"),
        (
            "Mieux trier, collecter au bon moment et valoriser les déchets de la ville.",
            "تحسين الفرز، والجمع في الوقت المناسب، وتثمين نفايات المدينة.",
            "Better sorting, collection at the right time, and value from the city’s waste.",
        ),
    ),
    (
        "services-numeriques",
        ("Services publics numériques", "الخدمات العمومية الرقمية", "Digital public services"),
        (
            "Des démarches en ligne simples, accessibles en arabe et en français, pour tous les usagers.",
            "مساطر إلكترونية بسيطة ومتاحة بالعربية والفرنسية لجميع المرتفقين.",
            "Simple online procedures, in Arabic and French, for every resident.",
        ),
    ),
    (
        "inclusion",
        ("Inclusion sociale", "الإدماج الاجتماعي", "Social inclusion"),
        (
            "Une ville intelligente pour tous : quartiers périphériques, personnes âgées, personnes handicapées.",
            "مدينة ذكية للجميع: الأحياء الهامشية والمسنون والأشخاص في وضعية إعاقة.",
            "A smart city for everyone: outlying districts, older people, people with disabilities.",
        ),
    ),
]

PRIZES = [
    (
        1,
        ("Grand prix de la ville intelligente", "الجائزة الكبرى للمدينة الذكية", "Smart City Grand Prize"),
        100_000,
    ),
    (2, ("Prix de l’impact", "جائزة الأثر", "Impact Prize"), 60_000),
    (3, ("Prix de l’audace", "جائزة الجرأة", "Boldness Prize"), 40_000),
]
PRIZE_TEXT = (
    "Une dotation en numéraire, un accompagnement de six mois et un pilote avec les services de la ville.",
    "منحة مالية ومواكبة لمدة ستة أشهر وتجربة نموذجية مع مصالح المدينة.",
    "A cash award, six months of mentoring and a pilot with the city’s services.",
)

SUMMARY = (
    "Nouveauté de la 7e édition, l’espace innovation invite les startups à répondre aux problématiques "
    "de Casablanca. Choisissez un thème, présentez votre solution et votre impact attendu pour la ville. "
    "Un jury présélectionne les candidatures, retient des finalistes qui pitchent en direct pendant le "
    "congrès, et trois startups sont récompensées.",
    "جديد الدورة السابعة: يدعو فضاء الابتكار الشركات الناشئة إلى تقديم حلول لإشكاليات الدار البيضاء. "
    "اختاروا محورًا، وقدموا حلكم وأثره المنتظر على المدينة. تنتقي لجنة التحكيم الترشيحات، وتختار المتأهلين "
    "للنهائي الذين يعرضون مشاريعهم مباشرة خلال المؤتمر، وتُكافأ ثلاث شركات ناشئة.",
    "New at the 7th edition, the innovation space invites startups to answer Casablanca’s problems. "
    "Choose a theme, present your solution and its expected impact for the city. A jury screens the "
    "entries and selects finalists who pitch live during the congress; three startups are rewarded.",
)
ELIGIBILITY = (
    "Startups immatriculées au Maroc depuis moins de sept ans, ou porteurs de projet en cours "
    "d’immatriculation. La solution doit pouvoir être testée à Casablanca dans l’année. "
    "Une seule candidature par startup.",
    "الشركات الناشئة المسجلة بالمغرب منذ أقل من سبع سنوات، أو حاملو المشاريع في طور التسجيل. "
    "يجب أن يكون الحل قابلًا للتجريب في الدار البيضاء خلال السنة. ترشيح واحد لكل شركة ناشئة.",
    "Startups registered in Morocco for less than seven years, or founders whose company is being "
    "registered. The solution must be testable in Casablanca within the year. One entry per startup.",
)
RULES = (
    "1. La candidature est complète : thème, description, pitch deck PDF (20 pages au plus), acceptation "
    "du règlement.\n2. Les candidatures sont modifiables jusqu’à la date limite, puis verrouillées.\n"
    "3. Le comité d’organisation vérifie l’éligibilité ; le jury note les candidatures éligibles sur une "
    "grille pondérée, les notes de chaque juré étant normalisées.\n4. Les finalistes pitchent en direct ; "
    "le classement final combine les classements des jurés (méthode de Schulze).\n5. Égalités : "
    "confrontation directe, puis note du critère principal, puis médiane, puis décision motivée du "
    "président du jury.\n6. Les données sont traitées conformément à la loi 09-08.",
    "1. يكون الترشيح كاملًا: المحور والوصف وعرض PDF (20 صفحة على الأكثر) وقبول النظام.\n"
    "2. يمكن تعديل الترشيحات إلى غاية الأجل المحدد، ثم تُقفل.\n3. تتحقق لجنة التنظيم من الأهلية، "
    "وتنقط لجنة التحكيم الترشيحات المؤهلة وفق شبكة مرجحة مع توحيد نقط كل عضو.\n4. يعرض المتأهلون "
    "للنهائي مشاريعهم مباشرة، ويجمع الترتيب النهائي ترتيبات أعضاء اللجنة (طريقة شولتزه).\n"
    "5. عند التعادل: المواجهة المباشرة، ثم نقطة المعيار الرئيسي، ثم الوسيط، ثم قرار معلل لرئيس اللجنة.\n"
    "6. تُعالج المعطيات وفقًا للقانون 09-08.",
    "1. An entry is complete: theme, description, PDF pitch deck (20 pages at most), acceptance of the "
    "rules.\n2. Entries can be changed until the deadline, then they are locked.\n3. The organisers check "
    "eligibility; the jury scores eligible entries on a weighted rubric, each juror’s scores being "
    "normalised.\n4. Finalists pitch live; the final ranking combines the jurors’ rankings (Schulze "
    "method).\n5. Ties: head-to-head, then the primary criterion’s score, then the median, then a reasoned "
    "decision of the jury chair.\n6. Personal data is processed under Moroccan law 09-08.",
)

# name, city, founded, stage, sector, theme, status, title, owner e-mail
STARTUPS = [
    (
        "Darb Mobility",
        "Casablanca",
        2023,
        "prototype",
        "mobility",
        "mobilite",
        SubmissionStatus.DRAFT,
        "Darb : un trajet, un billet, tous les modes",
        "startup@example.org",
    ),
    (
        "Nour Grid",
        "Casablanca",
        2021,
        "revenue",
        "energy",
        "energie",
        SubmissionStatus.ELIGIBLE,
        "Éclairage public piloté à la demande",
        None,
    ),
    (
        "Qatra Sense",
        "Rabat",
        2022,
        "mvp",
        "water",
        "eau",
        SubmissionStatus.ELIGIBLE,
        "Capteurs de fuites pour les réseaux de quartier",
        None,
    ),
    (
        "Recyclik",
        "Casablanca",
        2020,
        "growth",
        "waste",
        "dechets",
        SubmissionStatus.ELIGIBLE,
        "Collecte des recyclables à la demande, payée en points",
        None,
    ),
    (
        "Idara Plus",
        "Mohammedia",
        2022,
        "mvp",
        "govtech",
        "services-numeriques",
        SubmissionStatus.ELIGIBLE,
        "Rendez-vous et suivi des démarches en arrondissement",
        None,
    ),
    (
        "Hay Connect",
        "Casablanca",
        2024,
        "prototype",
        "inclusion",
        "inclusion",
        SubmissionStatus.SUBMITTED,
        "Un réseau d’entraide numérique pour les quartiers",
        None,
    ),
    (
        "Tram'Flow",
        "Casablanca",
        2023,
        "mvp",
        "mobility",
        "mobilite",
        SubmissionStatus.ELIGIBLE,
        "Prévoir l’affluence aux stations de tramway",
        None,
    ),
    (
        "Shams Roof",
        "Marrakech",
        2019,
        "growth",
        "energy",
        "energie",
        SubmissionStatus.NOT_ELIGIBLE,
        "Toitures solaires pour les écoles",
        None,
    ),
    (
        "GreenBin Maroc",
        "Tanger",
        2024,
        "idea",
        "waste",
        "dechets",
        SubmissionStatus.DRAFT,
        "Bacs de tri connectés",
        None,
    ),
    (
        "Sahtek Link",
        "Casablanca",
        2022,
        "mvp",
        "health",
        "inclusion",
        SubmissionStatus.WITHDRAWN,
        "Téléconsultation dans les centres de proximité",
        None,
    ),
    (
        "Ma3ak",
        "Fès",
        2023,
        "prototype",
        "inclusion",
        "inclusion",
        SubmissionStatus.SUBMITTED,
        "Guidage audio des personnes aveugles dans les administrations",
        None,
    ),
    (
        "Ardia Water",
        "Agadir",
        2021,
        "revenue",
        "water",
        "eau",
        SubmissionStatus.DRAFT,
        "Réutilisation des eaux grises pour les espaces verts",
        None,
    ),
]
NOT_ELIGIBLE_REASON = (
    "La startup est immatriculée depuis plus de sept ans (2016 selon le registre du commerce), "
    "ce que le règlement exclut."
)


def _challenge(edition: Edition, *, now: datetime.datetime) -> Challenge:
    tz = edition.tz
    final = datetime.datetime.combine(edition.start_date, datetime.time(16, 0), tzinfo=tz)
    deadline = datetime.datetime.combine(
        timezone.localdate(now, tz) + datetime.timedelta(days=30), datetime.time(23, 59), tzinfo=tz
    )
    challenge = Challenge.objects.filter(edition=edition).first() or Challenge(edition=edition)
    fields = {
        "opens_at": datetime.datetime.combine(
            timezone.localdate(now, tz) - datetime.timedelta(days=20), datetime.time(9, 0), tzinfo=tz
        ),
        "submission_deadline": deadline,
        "shortlist_at": deadline + datetime.timedelta(days=14),
        "final_pitch_at": final,
    }
    for index, code in enumerate(("fr", "ar", "en")):
        fields[f"title_{code}"] = (
            "Défi startups Casablanca Smart City",
            "تحدي الشركات الناشئة للدار البيضاء المدينة الذكية",
            "Casablanca Smart City startup challenge",
        )[index]
        fields[f"summary_{code}"] = SUMMARY[index]
        fields[f"eligibility_{code}"] = ELIGIBILITY[index]
        fields[f"rules_{code}"] = RULES[index]
    for name, value in fields.items():
        setattr(challenge, name, value)
    challenge.save()
    for order, (slug, names, descriptions) in enumerate(THEMES):
        ChallengeTheme.objects.update_or_create(
            challenge=challenge,
            slug=slug,
            defaults={
                "sort_order": order,
                **{f"name_{code}": names[i] for i, code in enumerate(("fr", "ar", "en"))},
                **{f"description_{code}": descriptions[i] for i, code in enumerate(("fr", "ar", "en"))},
            },
        )
    for rank, titles, amount in PRIZES:
        ChallengePrize.objects.update_or_create(
            challenge=challenge,
            rank=rank,
            defaults={
                "sort_order": rank,
                "amount": amount,
                **{f"title_{code}": titles[i] for i, code in enumerate(("fr", "ar", "en"))},
                **{f"description_{code}": PRIZE_TEXT[i] for i, code in enumerate(("fr", "ar", "en"))},
            },
        )
    return challenge


SLIDES = [
    ("Le problème", "Ce que vivent les Casablancais aujourd’hui, chiffres à l’appui."),
    ("La solution", "Comment nous y répondons, et ce qui est déjà testé."),
    ("L’équipe", "Qui fait quoi, et pourquoi nous."),
]


def demo_decks(startups: list[tuple[str, str]]) -> list[bytes]:
    """A short real PDF deck per (name, title), rendered by WeasyPrint in one pass and split."""
    from django.utils.html import escape
    from pypdf import PdfReader, PdfWriter

    from core.pdf import pdf_render

    body = "".join(
        f"<section><h1>{escape(heading)}</h1><p>{escape(text)}</p></section>"
        for name, title in startups
        for heading, text in [(name, title), *SLIDES]
    )
    css = (
        "@page { size: 254mm 142.9mm; margin: 18mm } section { break-after: page } "
        "h1 { font: 700 28pt 'Noto Sans', sans-serif; color: #0b5c7a } p { font: 16pt 'Noto Sans', sans-serif }"
    )
    whole = PdfReader(
        io.BytesIO(pdf_render(f"<html><head><style>{css}</style></head><body>{body}</body></html>"))
    )
    per_deck = len(SLIDES) + 1
    decks = []
    for index in range(len(startups)):
        writer = PdfWriter()
        for page in whole.pages[index * per_deck : (index + 1) * per_deck]:
            writer.add_page(page)
        buffer = io.BytesIO()
        writer.write(buffer)
        decks.append(buffer.getvalue())
    return decks


def seed_challenge(*, edition: Edition) -> Challenge:
    now = timezone.now()
    challenge = _challenge(edition, now=now)
    themes = {theme.slug: theme for theme in challenge.themes.all()}
    User = get_user_model()
    missing = [
        (row[0], row[7])
        for row in STARTUPS
        if row[6] != SubmissionStatus.DRAFT
        and not Submission.objects.filter(challenge=challenge, startup__name=row[0]).exclude(deck="").exists()
    ]
    decks = dict(zip([name for name, _title in missing], demo_decks(missing) if missing else [], strict=True))
    for index, (name, city, founded, stage, sector, theme_slug, status, title, owner_email) in enumerate(
        STARTUPS
    ):
        slug = slugify(name)
        startup = Startup.objects.filter(slug=slug).first() or Startup(slug=slug)
        startup.name = name
        startup.city = city
        startup.country = "Maroc"
        startup.founded_year = 2016 if status == SubmissionStatus.NOT_ELIGIBLE else founded
        startup.stage = stage
        startup.sector = sector
        startup.website = f"https://{slug}.example.org/"
        startup.description = (
            f"{name} conçoit à {city} des solutions pour la ville : {title[0].lower()}{title[1:]}."
        )
        startup.language = "ar" if index % 4 == 3 else "fr"
        startup.save()
        email = owner_email or f"equipe@{slug}.example.org"
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email, first_name="Équipe", last_name=name)
            user.set_unusable_password()
            user.save()
        if not StartupMember.objects.filter(user=user).exists():
            StartupMember.objects.create(startup=startup, user=user, role=MemberRole.OWNER)
        submission = Submission.objects.filter(challenge=challenge, startup=startup).first()
        if submission is None:
            submission = Submission(challenge=challenge, startup=startup)
        submission.theme = themes[theme_slug]
        submission.title = title
        submission.problem = (
            f"Casablanca compte plus de quatre millions d’habitants ; sur le thème « {themes[theme_slug].name_fr} », "
            "les services de la ville manquent de données fiables et les usagers de solutions simples."
        )
        submission.solution = (
            f"{name} propose : {title[0].lower()}{title[1:]}. Un pilote de trois mois est prêt."
        )
        submission.target_users = "Les habitants, les services techniques de la commune et les délégataires."
        submission.impact = (
            "Moins de temps perdu, moins de ressources gaspillées, un service mesurable par quartier."
        )
        submission.traction = (
            "" if status == SubmissionStatus.DRAFT else "Deux pilotes, 1 200 utilisateurs actifs."
        )
        submission.business_model = (
            "Abonnement annuel payé par la collectivité ou le délégataire, par quartier équipé."
        )
        submission.team = "Trois fondateurs : produit, ingénierie, terrain. Deux développeurs."
        submission.video_url = f"https://vimeo.com/{700000000 + index}" if index % 3 else ""
        if submission.pk is None:  # later runs keep what judging made of it
            submission.status = status
            submission.status_reason = NOT_ELIGIBLE_REASON if status == SubmissionStatus.NOT_ELIGIBLE else ""
        if status != SubmissionStatus.DRAFT:
            submission.rules_accepted_at = submission.rules_accepted_at or now - datetime.timedelta(days=5)
            submission.submitted_at = submission.submitted_at or now - datetime.timedelta(days=12 - index)
            if not submission.deck and name in decks:
                data = decks[name]
                submission.deck.save(f"demo-{slug}.pdf", ContentFile(data), save=False)
                submission.deck_filename = f"{slug}-pitch.pdf"
                submission.deck_pages = len(SLIDES) + 1
                submission.deck_size = len(data)
        if status == SubmissionStatus.WITHDRAWN:
            submission.withdrawn_at = submission.withdrawn_at or now - datetime.timedelta(days=2)
        is_new = submission.pk is None
        submission.save()
        if is_new:
            SubmissionLog.objects.create(
                submission=submission, action="demo", to_status=submission.status, note="seed_demo"
            )
    return challenge
