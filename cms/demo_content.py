"""Demo content for seed_demo: French from the press articles in shared/seeds, with Arabic and English translations."""

# A body is a list of (block_type, value) tuples, block types:
#   ("heading", "text"), ("paragraph", "<p>HTML with only <p>, <b>, <i>, <ul>, <ol>, <li>, <a href> tags</p>"),
#   ("quote", {"text": "...", "attribution": "..."})
#
# Real public figures appear only in NEWS, which reproduces the press.
# Everywhere else people stay generic.

PAGES = {
    # ------------------------------------------------------------------ home
    "home": {
        "fr": {
            "title": "Casablanca Smart City",
            "intro": (
                "Casablanca Smart City est le congrès international qui réunit chaque année à Casablanca "
                "décideurs publics, élus, chercheurs, entreprises et startups autour de la ville intelligente. "
                "Sur place ou en ligne, venez débattre des transitions qui dessinent les métropoles de demain."
            ),
            "body": [
                ("heading", "Ville smart, vers les transitions métropolitaines durables"),
                (
                    "paragraph",
                    (
                        "<p>La 7e édition du congrès explore les transitions métropolitaines durables : "
                        "gouvernance, services urbains, inclusion sociale, environnement. Comment le numérique "
                        "peut-il améliorer la qualité des services publics et la vie quotidienne des habitants, "
                        "sans laisser personne de côté ?</p>"
                    ),
                ),
                ("heading", "Au programme"),
                (
                    "paragraph",
                    (
                        "<p>Séance inaugurale, plénières, panels et ateliers réunissent des experts marocains et "
                        "internationaux. Consultez le programme par journée, par salle ou par thématique, et "
                        "composez votre agenda personnel.</p>"
                    ),
                ),
                ("heading", "Espace innovation : trois startups récompensées"),
                (
                    "paragraph",
                    (
                        "<p>Les startups sont invitées à apporter leurs solutions aux problématiques de la ville. "
                        "Déposez votre candidature à l’appel à projets : un jury retient les finalistes, qui "
                        "présentent leur projet lors d’une séance de pitch, et <b>trois lauréats</b> sont "
                        "récompensés.</p>"
                    ),
                ),
                ("heading", "Participer sur place ou en ligne"),
                (
                    "paragraph",
                    (
                        "<p>Inscrivez-vous pour suivre le congrès à Casablanca ou en direct en ligne. Les "
                        "participants sur place reçoivent un badge avec code QR ; les participants en ligne "
                        "accèdent à la retransmission depuis leur espace personnel.</p>"
                    ),
                ),
            ],
        },
        "ar": {
            "title": "الدار البيضاء مدينة ذكية",
            "intro": (
                "مؤتمر «الدار البيضاء مدينة ذكية» موعد دولي سنوي يجمع في الدار البيضاء صنّاع القرار العمومي "
                "والمنتخبين والباحثين والمقاولات والشركات الناشئة حول قضايا المدينة الذكية. "
                "شاركوا، حضوريًا أو عن بُعد، في النقاش حول التحولات التي ترسم ملامح حواضر الغد."
            ),
            "body": [
                ("heading", "المدينة الذكية، نحو انتقالات مستدامة في الحواضر الكبرى"),
                (
                    "paragraph",
                    (
                        "<p>تتناول الدورة السابعة من المؤتمر الانتقالات المستدامة في الحواضر الكبرى: الحكامة، "
                        "والخدمات الحضرية، والإدماج الاجتماعي، والبيئة. كيف يمكن للرقمنة أن تحسّن جودة المرافق "
                        "العمومية والحياة اليومية للسكان دون أن تترك أحدًا على الهامش؟</p>"
                    ),
                ),
                ("heading", "في البرنامج"),
                (
                    "paragraph",
                    (
                        "<p>تجمع الجلسة الافتتاحية والجلسات العامة والموائد المستديرة والورشات خبراء من المغرب "
                        "ومن مختلف أنحاء العالم. تصفّحوا البرنامج حسب اليوم أو القاعة أو المحور، وأعدّوا جدول "
                        "أعمالكم الشخصي.</p>"
                    ),
                ),
                ("heading", "فضاء الابتكار: تتويج ثلاث شركات ناشئة"),
                (
                    "paragraph",
                    (
                        "<p>الشركات الناشئة مدعوّة إلى اقتراح حلول للإشكاليات التي تطرحها المدينة. قدّموا "
                        "ترشيحكم في إطار طلب المشاريع: تنتقي لجنة التحكيم المشاريع المتأهلة إلى النهائي، "
                        "فيعرضها أصحابها خلال جلسة تقديم مباشر، ثم <b>يُتوَّج ثلاثة فائزين</b>.</p>"
                    ),
                ),
                ("heading", "المشاركة حضوريًا أو عن بُعد"),
                (
                    "paragraph",
                    (
                        "<p>سجّلوا لمتابعة المؤتمر في الدار البيضاء أو مباشرة عبر الإنترنت. يتسلّم المشاركون "
                        "الحضوريون شارة تحمل رمز QR، فيما يصل المشاركون عن بُعد إلى البث المباشر من "
                        "فضائهم الشخصي.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "Casablanca Smart City",
            "intro": (
                "Casablanca Smart City is the international congress that brings public decision-makers, "
                "elected officials, researchers, businesses and startups together in Casablanca every year "
                "to shape the smart city. Join the debate on the transitions redrawing tomorrow’s "
                "metropolises, in person or online."
            ),
            "body": [
                ("heading", "Smart city: towards sustainable metropolitan transitions"),
                (
                    "paragraph",
                    (
                        "<p>The 7th edition of the congress looks at sustainable metropolitan transitions: "
                        "governance, urban services, social inclusion and the environment. How can digital "
                        "technology improve public services and residents’ everyday lives without leaving anyone "
                        "behind?</p>"
                    ),
                ),
                ("heading", "On the programme"),
                (
                    "paragraph",
                    (
                        "<p>An opening session, plenaries, panels and workshops bring together experts from "
                        "Morocco and abroad. Browse the programme by day, room or track, and build your own "
                        "personal agenda.</p>"
                    ),
                ),
                ("heading", "Innovation space: three startups rewarded"),
                (
                    "paragraph",
                    (
                        "<p>Startups are invited to come up with answers to the city’s challenges. Apply through "
                        "the call for entries: a jury selects the finalists, who pitch their projects live, and "
                        "<b>three winners</b> are rewarded.</p>"
                    ),
                ),
                ("heading", "Attend in person or online"),
                (
                    "paragraph",
                    (
                        "<p>Register to attend the congress in Casablanca or follow it live online. In-person "
                        "attendees receive a badge with a QR code; online attendees reach the live stream from "
                        "their personal account.</p>"
                    ),
                ),
            ],
        },
    },
    # ----------------------------------------------------------------- about
    "about": {
        "fr": {
            "title": "Le congrès",
            "slug": "le-congres",
            "intro": (
                "Depuis 2016, le congrès international Casablanca Smart City fait de Casablanca un lieu "
                "d’échange sur la ville intelligente, où décideurs publics, chercheurs, entreprises, startups "
                "et citoyens imaginent ensemble la ville de demain."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Organisé depuis 2016 par Casablanca Events & Animation, société de développement "
                        "local inscrite dans la démarche d’attractivité weCasablanca, le congrès s’est imposé "
                        "comme un rendez-vous de référence sur la ville intelligente. Chaque édition explore un "
                        "thème : la 4e, en juin 2021, organisée avec l’Université Mohammed VI "
                        "Polytechnique et l’Université Hassan II de Casablanca, portait sur « Smart city au "
                        "service de la résilience et de la régénération territoriale » ; la 7e a pour thème "
                        "« Ville smart, vers les transitions métropolitaines durables ».</p>"
                    ),
                ),
                ("heading", "Notre ambition"),
                (
                    "paragraph",
                    (
                        "<p>La smart city est avant tout un espace de co-création, qui mobilise l’intelligence "
                        "de toutes les forces vives du territoire. Le congrès explore des stratégies et des bonnes "
                        "pratiques de régénération territoriale inclusive et durable, créatrice de richesses et "
                        "d’emplois, et interroge l’apport du numérique à la qualité des services publics, à la "
                        "vie sociale et au cadre de vie des habitants. Parmi les thèmes abordés au fil des "
                        "éditions :</p>"
                        "<ul>"
                        "<li>la résilience territoriale et l’innovation sociale ;</li>"
                        "<li>la transformation digitale des services publics et des usages ;</li>"
                        "<li>la régénération inclusive des territoires ;</li>"
                        "<li>la transition numérique des collectivités territoriales ;</li>"
                        "<li>les transitions métropolitaines durables.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "Un format hybride, ouvert à tous"),
                (
                    "paragraph",
                    (
                        "<p>Adopté lors de la 4e édition, en pleine pandémie, le format hybride permet de "
                        "suivre le congrès sur place, à Casablanca, ou en direct en ligne. Séance inaugurale, "
                        "plénières, panels et ateliers restent ainsi ouverts à tous ceux qui ne peuvent pas se "
                        "déplacer, au Maroc comme à l’étranger.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Élus et représentants des collectivités territoriales, administrations publiques, "
                        "chercheurs et universitaires, experts marocains et étrangers, entreprises, startups, "
                        "acteurs de la société civile, artistes et citoyens : le congrès rassemble toutes celles "
                        "et tous ceux qui font la ville.</p>"
                    ),
                ),
                ("heading", "L’espace innovation et le défi startups"),
                (
                    "paragraph",
                    (
                        "<p>Nouveauté de la 7e édition, un espace innovation est dédié notamment aux "
                        "startups. La ville y expose ses problématiques, et les jeunes entreprises y répondent "
                        "par des solutions concrètes. Chaque startup candidate dépose son projet sur l’un des "
                        "thèmes du défi avant la date limite ; un jury évalue les candidatures en plusieurs "
                        "étapes, jusqu’à une séance de pitch en direct, et <b>trois startups sont "
                        "récompensées</b>. L’appel à candidatures, le règlement et le calendrier sont publiés "
                        "sur ce site.</p>"
                    ),
                ),
            ],
        },
        "ar": {
            "title": "عن المؤتمر",
            "slug": "about",
            "intro": (
                "منذ 2016، يجعل المؤتمر الدولي «الدار البيضاء مدينة ذكية» من الدار البيضاء فضاءً للتبادل حول "
                "المدينة الذكية، يلتقي فيه صنّاع القرار العمومي والباحثون والمقاولات والشركات الناشئة "
                "والمواطنون لتصوّر مدينة الغد معًا."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>تنظّم شركة التنمية المحلية «الدار البيضاء للتنشيط والتظاهرات»، المنخرطة في مقاربة "
                        "الجاذبية «وي كازابلانكا»، هذا المؤتمر منذ سنة 2016، وقد أصبح موعدًا مرجعيًا في مجال "
                        "المدينة الذكية. وتتناول كل دورة موضوعًا محددًا: فالدورة الرابعة، التي نُظّمت في يونيو "
                        "2021 بشراكة مع جامعة محمد السادس متعددة التخصصات التقنية وجامعة الحسن الثاني بالدار "
                        "البيضاء، انعقدت تحت شعار «المدينة الذكية في خدمة الصمود والتجديد الترابي»، فيما تنعقد "
                        "الدورة السابعة تحت شعار «المدينة الذكية، نحو انتقالات مستدامة في الحواضر الكبرى».</p>"
                    ),
                ),
                ("heading", "طموحنا"),
                (
                    "paragraph",
                    (
                        "<p>المدينة الذكية هي قبل كل شيء فضاء للابتكار المشترك، يستثمر ذكاء جميع القوى الحية في "
                        "المجال الترابي. ويستكشف المؤتمر استراتيجيات وممارسات فضلى في مجال التجديد الترابي "
                        "الدامج والمستدام، المُنتج للثروة ولفرص الشغل، ويتساءل عن إسهام الرقمنة في جودة المرافق "
                        "العمومية، وفي الحياة الاجتماعية، وفي إطار عيش السكان. ومن المحاور التي تناولتها "
                        "الدورات المتعاقبة:</p>"
                        "<ul>"
                        "<li>الصمود الترابي والابتكار الاجتماعي؛</li>"
                        "<li>التحول الرقمي للمرافق العمومية ولاستعمالاتها؛</li>"
                        "<li>التجديد الدامج للمجالات الترابية؛</li>"
                        "<li>الانتقال الرقمي للجماعات الترابية؛</li>"
                        "<li>الانتقالات المستدامة في الحواضر الكبرى.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "صيغة هجينة مفتوحة للجميع"),
                (
                    "paragraph",
                    (
                        "<p>اعتُمدت الصيغة الهجينة خلال الدورة الرابعة، في خضم الجائحة، وهي تتيح متابعة المؤتمر "
                        "حضوريًا في الدار البيضاء أو مباشرة عبر الإنترنت. وهكذا تظل الجلسة الافتتاحية والجلسات "
                        "العامة والموائد المستديرة والورشات مفتوحة أمام كل من يتعذّر عليه الحضور، داخل المغرب "
                        "وخارجه.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>منتخبون وممثلو الجماعات الترابية، وإدارات عمومية، وباحثون وجامعيون، وخبراء مغاربة "
                        "وأجانب، ومقاولات، وشركات ناشئة، وفاعلون من المجتمع المدني، وفنانون، ومواطنون: يجمع "
                        "المؤتمر كل من يصنعون المدينة.</p>"
                    ),
                ),
                ("heading", "فضاء الابتكار وتحدّي الشركات الناشئة"),
                (
                    "paragraph",
                    (
                        "<p>من مستجدات الدورة السابعة، فضاء للابتكار مخصص على الخصوص للشركات الناشئة، تعرض فيه "
                        "المدينة إشكالياتها وتجيب عنها المقاولات الشابة بحلول ملموسة. تودِع كل شركة ناشئة "
                        "مشروعها في أحد محاور التحدي قبل انقضاء الأجل المحدد، ثم تقيّم لجنة التحكيم الترشيحات "
                        "على مراحل تنتهي بجلسة تقديم مباشر، <b>لتُتوَّج في الختام ثلاث شركات ناشئة</b>. وتُنشر "
                        "على هذا الموقع دعوة الترشيح والنظام والجدول الزمني.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "About the congress",
            "slug": "about",
            "intro": (
                "Since 2016, the Casablanca Smart City international congress has made Casablanca a meeting "
                "place for ideas on the smart city, where public decision-makers, researchers, businesses, "
                "startups and citizens imagine the city of tomorrow together."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Organised since 2016 by Casablanca Events & Animation, the local development company "
                        "that is part of the weCasablanca attractiveness drive, the congress has become a "
                        "benchmark event on the smart city. Each edition explores a theme: the 4th, held in June "
                        "2021 with Mohammed VI Polytechnic University and Hassan II University of Casablanca, "
                        "focused on “Smart city serving territorial resilience and regeneration”; the 7th is "
                        "themed “Smart city: towards sustainable metropolitan transitions”.</p>"
                    ),
                ),
                ("heading", "Our purpose"),
                (
                    "paragraph",
                    (
                        "<p>The smart city is first and foremost a space for co-creation that draws on the "
                        "intelligence of all the driving forces of a territory. The congress explores strategies "
                        "and good practices for inclusive, sustainable territorial regeneration that creates "
                        "wealth and jobs, and asks what digital technology can bring to public services, social "
                        "life and residents’ living environment. Themes covered over the years include:</p>"
                        "<ul>"
                        "<li>territorial resilience and social innovation;</li>"
                        "<li>the digital transformation of public services and their use;</li>"
                        "<li>the inclusive regeneration of territories;</li>"
                        "<li>the digital transition of local authorities;</li>"
                        "<li>sustainable metropolitan transitions.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "A hybrid format, open to all"),
                (
                    "paragraph",
                    (
                        "<p>First adopted for the 4th edition, in the midst of the pandemic, the hybrid format lets "
                        "you attend the congress in person in Casablanca or follow it live online. The opening "
                        "session, plenaries, panels and workshops thus remain open to everyone who cannot travel, "
                        "in Morocco or abroad.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Elected officials and representatives of local authorities, public administrations, "
                        "researchers and academics, Moroccan and international experts, businesses, startups, "
                        "civil society, artists and citizens: the congress brings together everyone who makes "
                        "the city.</p>"
                    ),
                ),
                ("heading", "The innovation space and startup challenge"),
                (
                    "paragraph",
                    (
                        "<p>New at the 7th edition, an innovation space is dedicated in particular to startups. "
                        "The city sets out its challenges there, and young companies respond with practical "
                        "solutions. Each startup submits its project on one of the challenge themes before the "
                        "deadline; a jury assesses the entries in several stages, ending with a live pitch "
                        "session, and <b>three startups are rewarded</b>. The call for entries, the rules and "
                        "the timeline are published on this site.</p>"
                    ),
                ),
            ],
        },
    },
    # ------------------------------------------------------------- practical
    "practical": {
        "fr": {
            "title": "Informations pratiques",
            "slug": "informations-pratiques",
            "intro": (
                "Lieu, modes de participation, accessibilité, langues : tout ce qu’il faut savoir pour "
                "préparer votre participation au congrès, sur place ou à distance."
            ),
            "body": [
                ("heading", "Lieu"),
                (
                    "paragraph",
                    (
                        "<p>Le congrès se tient à Casablanca. L’adresse exacte du lieu, le plan d’accès et les "
                        "horaires d’accueil sont communiqués aux participants inscrits dans leur e-mail de "
                        "confirmation et dans leur espace personnel.</p>"
                    ),
                ),
                ("heading", "Sur place ou en ligne"),
                (
                    "paragraph",
                    (
                        "<p>Le congrès se déroule en format hybride. Lors de votre inscription, vous choisissez "
                        "votre mode de participation :</p>"
                        "<ul>"
                        "<li><b>Sur place</b> : vous recevez un badge nominatif au format PDF, muni d’un code QR, "
                        "à présenter à l’entrée, imprimé ou sur votre téléphone. Certains ateliers ont un nombre "
                        "de places limité : pensez à les réserver depuis votre espace personnel ; s’ils sont "
                        "complets, vous pouvez vous inscrire sur liste d’attente.</li>"
                        "<li><b>En ligne</b> : vous suivez en direct les séances retransmises depuis la page de "
                        "diffusion, accessible depuis votre espace personnel.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "Accessibilité"),
                (
                    "paragraph",
                    (
                        "<p>Le lieu est accessible aux personnes en fauteuil roulant. Une interprétation en langue "
                        "des signes peut être assurée <b>sur demande</b> : merci de nous le signaler lors de votre "
                        "inscription ou par e-mail, le plus tôt possible, afin que nous puissions l’organiser. "
                        "N’hésitez pas à nous faire part de tout autre besoin d’aménagement.</p>"
                    ),
                ),
                ("heading", "Langues des séances"),
                (
                    "paragraph",
                    (
                        "<p>Les séances se déroulent en français, en arabe ou en anglais. La langue de chaque "
                        "séance est indiquée dans le programme.</p>"
                    ),
                ),
                ("heading", "Contact"),
                (
                    "paragraph",
                    (
                        "<p>Pour toute question sur votre inscription, votre participation ou l’accessibilité, "
                        'écrivez-nous à <a href="mailto:contact@casablancasmartcity.ma">'
                        "contact@casablancasmartcity.ma</a>.</p>"
                    ),
                ),
            ],
        },
        "ar": {
            "title": "معلومات عملية",
            "slug": "practical-information",
            "intro": (
                "المكان، وصيغ المشاركة، والولوجية، ولغات الجلسات: كل ما تحتاجون إلى معرفته للتحضير "
                "لمشاركتكم في المؤتمر، حضوريًا أو عن بُعد."
            ),
            "body": [
                ("heading", "المكان"),
                (
                    "paragraph",
                    (
                        "<p>ينعقد المؤتمر في مدينة الدار البيضاء. ويُبلَّغ المشاركون المسجَّلون بالعنوان الدقيق "
                        "للمكان وبخريطة الوصول وبمواعيد الاستقبال عبر رسالة التأكيد الإلكترونية وفي فضائهم "
                        "الشخصي.</p>"
                    ),
                ),
                ("heading", "حضوريًا أو عن بُعد"),
                (
                    "paragraph",
                    (
                        "<p>ينعقد المؤتمر بصيغة هجينة، وتختارون عند التسجيل صيغة مشاركتكم:</p>"
                        "<ul>"
                        "<li><b>حضوريًا</b>: تتسلّمون شارة اسمية بصيغة PDF تحمل رمز QR، تُقدَّم عند المدخل "
                        "مطبوعةً أو على الهاتف. ولأن عدد المقاعد في بعض الورشات محدود، احرصوا على حجزها من "
                        "فضائكم الشخصي؛ وإذا اكتمل العدد، يمكنكم التسجيل في لائحة الانتظار.</li>"
                        "<li><b>عن بُعد</b>: تتابعون مباشرةً الجلسات المنقولة عبر صفحة البث، التي يمكنكم الوصول "
                        "إليها من فضائكم الشخصي.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "الولوجية"),
                (
                    "paragraph",
                    (
                        "<p>المكان مهيّأ لاستقبال مستعملي الكراسي المتحركة. ويمكن توفير الترجمة إلى لغة الإشارة "
                        "<b>عند الطلب</b>: يُرجى إخبارنا بذلك عند التسجيل أو عبر البريد الإلكتروني في أقرب وقت "
                        "ممكن حتى نتمكن من الإعداد لها. ولا تتردّدوا في إطلاعنا على أي حاجة أخرى تتعلق "
                        "بتيسير مشاركتكم.</p>"
                    ),
                ),
                ("heading", "لغات الجلسات"),
                (
                    "paragraph",
                    (
                        "<p>تُعقد الجلسات باللغة الفرنسية أو العربية أو الإنجليزية، ويُبيّن البرنامج لغة كل "
                        "جلسة.</p>"
                    ),
                ),
                ("heading", "الاتصال بنا"),
                (
                    "paragraph",
                    (
                        "<p>لأي استفسار بخصوص تسجيلكم أو مشاركتكم أو الولوجية، راسلونا على العنوان "
                        '<a href="mailto:contact@casablancasmartcity.ma">contact@casablancasmartcity.ma</a>.</p>'
                    ),
                ),
            ],
        },
        "en": {
            "title": "Practical information",
            "slug": "practical-information",
            "intro": (
                "Venue, ways to attend, accessibility and languages: everything you need to know to prepare "
                "for the congress, whether you join us in person or online."
            ),
            "body": [
                ("heading", "Venue"),
                (
                    "paragraph",
                    (
                        "<p>The congress takes place in Casablanca. The exact address of the venue, directions "
                        "and reception opening times are sent to registered attendees in their confirmation "
                        "e-mail and are available in their personal account.</p>"
                    ),
                ),
                ("heading", "In person or online"),
                (
                    "paragraph",
                    (
                        "<p>The congress is a hybrid event. When you register, you choose how you will "
                        "attend:</p>"
                        "<ul>"
                        "<li><b>In person</b>: you receive a personal PDF badge with a QR code, to show at the "
                        "entrance either printed or on your phone. Some workshops have a limited number of seats, "
                        "so remember to book them from your personal account; if a workshop is full, you can join "
                        "its waiting list.</li>"
                        "<li><b>Online</b>: you follow the streamed sessions live on the broadcast page, which you "
                        "reach from your personal account.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "Accessibility"),
                (
                    "paragraph",
                    (
                        "<p>The venue is wheelchair accessible. Sign-language interpretation can be provided "
                        "<b>on request</b>: please let us know when you register or by e-mail, as early as "
                        "possible, so that we can arrange it. Do not hesitate to tell us about any other access "
                        "needs you may have.</p>"
                    ),
                ),
                ("heading", "Session languages"),
                (
                    "paragraph",
                    (
                        "<p>Sessions are held in French, Arabic or English. The language of each session is shown "
                        "in the programme.</p>"
                    ),
                ),
                ("heading", "Contact"),
                (
                    "paragraph",
                    (
                        "<p>For any question about your registration, your attendance or accessibility, write to "
                        'us at <a href="mailto:contact@casablancasmartcity.ma">contact@casablancasmartcity.ma</a>.</p>'
                    ),
                ),
            ],
        },
    },
    # ------------------------------------------------------------ news index
    "news_index": {
        "fr": {
            "title": "Actualités",
            "slug": "actualites",
            "intro": (
                "<p>Comptes rendus des éditions passées, annonces de la prochaine édition et revue de "
                "presse : suivez l’actualité du congrès Casablanca Smart City.</p>"
            ),
        },
        "ar": {
            "title": "الأخبار",
            "slug": "news",
            "intro": (
                "<p>تقارير الدورات السابقة، ومستجدات الدورة المقبلة، ومختارات من الصحافة: تابعوا آخر أخبار "
                "مؤتمر «الدار البيضاء مدينة ذكية».</p>"
            ),
        },
        "en": {
            "title": "News",
            "slug": "news",
            "intro": (
                "<p>Reports on past editions, announcements about the coming edition and press coverage: "
                "follow the latest from the Casablanca Smart City congress.</p>"
            ),
        },
    },
}


NEWS = [
    # ------------------------------------------------- seed 000 (11/06/2021)
    {
        "key": "4e-edition-seance-inaugurale",
        "date": "2021-06-11",
        "source": "",
        "fr": {
            "title": "4e édition : la smart city au service de la résilience territoriale",
            "slug": "4e-edition-smart-city-resilience-territoriale",
            "intro": (
                "Les 9 et 10 juin 2021, la 4e édition du Smart City Casablanca Symposium a réuni, en format "
                "hybride, responsables publics, élus, chercheurs et experts autour de la résilience et de la "
                "régénération territoriale. Retour sur la séance inaugurale et sur l’atelier consacré à la "
                "transformation digitale des collectivités territoriales."
            ),
            "body": [
                ("heading", "Une séance inaugurale placée sous le signe de la co-création"),
                (
                    "paragraph",
                    (
                        "<p>Dans son mot d’ouverture du <i>Smart City Casablanca Symposium</i>, organisé les 9 et "
                        "10 juin 2021 par Casablanca Events & Animation en partenariat avec l’Université "
                        "Mohammed VI Polytechnique de Benguerir et l’Université Hassan II de Casablanca sous le "
                        "thème « Smart city au service de la résilience et de la régénération territoriale », "
                        "M. Khalid Safir, wali directeur général des Collectivités territoriales (DGCT), a déclaré "
                        "que la smart city est avant tout un espace de co-création qui met à contribution "
                        "l’intelligence de l’ensemble de ses forces vives : élus, citoyens, entreprises, société "
                        "civile, artistes et universitaires.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Le wali a ajouté que le ministère de l’Intérieur accompagne les collectivités "
                        "territoriales dans leurs chantiers de transformation digitale. Ceux-ci s’inscrivent dans "
                        "le cadre juridique défini par la Constitution et les lois organiques relatives aux "
                        "collectivités territoriales, la loi 55-19 sur la simplification des procédures et "
                        "formalités administratives et la loi 31-13 sur le droit d’accès à l’information, et ont "
                        "été accélérés par la pandémie de Covid-19. Ces bases juridiques constituent aujourd’hui "
                        "les prémices de la mise en place d’un système intelligent de gestion de nos territoires "
                        "et de nos villes.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Il a également présenté le chantier de la dématérialisation des procédures et donné "
                        "quelques exemples de plateformes d’échange de données et de gestion par la donnée.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>De son côté, M. Said Ahmidouch, wali de la région de Casablanca-Settat, a expliqué que "
                        "cette quatrième édition d’un rendez-vous organisé depuis 2016, animée par un aréopage de "
                        "personnalités et de scientifiques de haut niveau, permettra d’explorer des stratégies et "
                        "de bonnes pratiques de régénération territoriale inclusive et durable, créatrice de "
                        "richesses et d’emplois.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Mme Nezha Bouchareb, ministre de l’Aménagement du territoire national, de "
                        "l’Urbanisme, de l’Habitat et de la Politique de la ville, a précisé que le thème choisi "
                        "a pour objectif de mettre en relief le potentiel incontestable qu’offre la transformation "
                        "digitale en matière de résilience territoriale, d’amélioration de la qualité des services "
                        "publics urbains et de la qualité de vie des citoyens.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Pour sa part, M. Abdelaziz El Omari, président de la Ville de Casablanca, a rappelé "
                        "que sa ville a intégré depuis plusieurs années la transformation digitale comme axe "
                        "stratégique de son plan de développement. Considérée comme ville pilote de la "
                        "transformation numérique, elle est également la ville la plus connectée du Maroc.</p>"
                    ),
                ),
                ("heading", "Plénières et atelier sur la transformation digitale des collectivités"),
                (
                    "paragraph",
                    (
                        "<p>Après la séance inaugurale, les travaux se sont poursuivis par des plénières animées "
                        "par des chercheurs et experts marocains et étrangers sur la résilience territoriale et "
                        "l’innovation sociale, la transformation digitale des services et des usagers, et la "
                        "régénération inclusive des territoires.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>La Direction générale des collectivités territoriales, en collaboration avec d’autres "
                        "intervenants, a animé un workshop sur le thème « Les collectivités territoriales "
                        "marocaines à l’heure de la transformation digitale ». L’objectif : faire de la "
                        "transformation digitale un levier important d’amélioration de la performance des "
                        "collectivités territoriales, en dématérialisant les procédures pour une meilleure "
                        "harmonisation entre les administrations et un service optimal à l’usager.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Cinq présentations ont rythmé cet atelier :</p>"
                        "<ul>"
                        "<li>la première, par M. Brahim Bachirat, chef de division à la DGCT, sur « La loi 55.19, "
                        "levier d’accélération de la digitalisation des procédures administratives » ;</li>"
                        "<li>la deuxième, par M. Mohamed Fayçal Benachou, directeur de la société Ribatis, sur "
                        "« Rokhas, plateforme des autorisations à caractère territorial » ;</li>"
                        "<li>la troisième, par M. Anas Benouhoud, chef du département Accompagnement des "
                        "organismes publics à l’Agence de Développement du Digital, sur « Le parapheur "
                        "électronique » ;</li>"
                        "<li>la quatrième, par M. Sallaheddine Mechkouri, chef de service à la DGCT, sur la "
                        "plateforme de réclamations des collectivités territoriales « Chikaya.ma » ;</li>"
                        "<li>la cinquième, par Mme Sanae Belatiq, cheffe de service à la DGCT, sur le système "
                        "d’information de gestion des activités des conseils des collectivités territoriales, "
                        "la « Plateforme Majaliss ».</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "Une rencontre en format hybride"),
                (
                    "paragraph",
                    (
                        "<p>Ont participé à cette rencontre, en format hybride, des élus, des représentants de la "
                        "Direction générale des collectivités territoriales, de la Wilaya de Casablanca et de la "
                        "Ville de Casablanca, des chercheurs de l’Université Hassan II de Casablanca et de "
                        "l’Université Mohammed VI Polytechnique de Benguerir, ainsi que des scientifiques, "
                        "chercheurs et experts marocains et étrangers.</p>"
                    ),
                ),
            ],
        },
        "ar": {
            "title": "الدورة الرابعة: المدينة الذكية في خدمة الصمود الترابي",
            "slug": "4th-edition-smart-city-territorial-resilience",
            "intro": (
                "يومي 9 و10 يونيو 2021، جمعت الدورة الرابعة من ندوة «سمارت سيتي كازابلانكا»، بصيغة هجينة، "
                "مسؤولين عموميين ومنتخبين وباحثين وخبراء حول موضوع الصمود والتجديد الترابي. عودة إلى الجلسة "
                "الافتتاحية وإلى الورشة المخصصة للتحول الرقمي للجماعات الترابية."
            ),
            "body": [
                ("heading", "جلسة افتتاحية تضع الابتكار المشترك في الصدارة"),
                (
                    "paragraph",
                    (
                        "<p>في كلمته الافتتاحية لندوة «سمارت سيتي كازابلانكا» (<i>Smart City Casablanca "
                        "Symposium</i>)، التي نظّمتها شركة الدار البيضاء للتنشيط والتظاهرات يومي 9 و10 يونيو 2021 "
                        "بشراكة مع جامعة محمد السادس متعددة التخصصات التقنية ببنجرير وجامعة الحسن الثاني بالدار "
                        "البيضاء، تحت شعار «المدينة الذكية في خدمة الصمود والتجديد الترابي»، أكّد السيد خالد سفير، "
                        "الوالي المدير العام للجماعات الترابية، أن المدينة الذكية هي قبل كل شيء فضاء للابتكار "
                        "المشترك يستثمر ذكاء جميع قواها الحية: المنتخبين والمواطنين والمقاولات والمجتمع المدني "
                        "والفنانين والجامعيين.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وأضاف السيد الوالي أن وزارة الداخلية تواكب الجماعات الترابية في أوراش التحول الرقمي، "
                        "التي يؤطّرها السياق القانوني الذي حدّده الدستور والقوانين التنظيمية المتعلقة بالجماعات "
                        "الترابية، والقانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية، والقانون رقم "
                        "31.13 المتعلق بالحق في الحصول على المعلومات، والتي سرّعت جائحة كوفيد-19 وتيرتها. وتشكّل "
                        "هذه الأسس القانونية اليوم اللبنات الأولى لإرساء منظومة ذكية لتدبير مجالاتنا الترابية "
                        "ومدننا.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>كما قدّم السيد الوالي ورش رقمنة المساطر الإدارية، وساق أمثلة على منصات لتبادل "
                        "المعطيات وللتدبير القائم على البيانات.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>من جهته، أوضح السيد سعيد أحميدوش، والي جهة الدار البيضاء-سطات، أن هذه الدورة الرابعة "
                        "من موعد يُنظَّم منذ 2016، والتي تؤطّرها نخبة من الشخصيات والعلماء رفيعي المستوى، ستتيح "
                        "استكشاف استراتيجيات وممارسات فضلى في مجال التجديد الترابي الدامج والمستدام، المُنتج "
                        "للثروة ولفرص الشغل.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>من جانبها، أوضحت السيدة نزهة بوشارب، وزيرة إعداد التراب الوطني والتعمير والإسكان "
                        "وسياسة المدينة، أن الموضوع المختار يهدف إلى إبراز الإمكانات الأكيدة التي يتيحها التحول "
                        "الرقمي في مجال الصمود الترابي، وتحسين جودة المرافق العمومية الحضرية وجودة عيش "
                        "المواطنين.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>أما السيد عبد العزيز العماري، رئيس مجلس مدينة الدار البيضاء، فأكّد أن مدينته أدرجت "
                        "التحول الرقمي منذ سنوات محورًا استراتيجيًا في مخططها التنموي. وتُعدّ الدار البيضاء مدينة "
                        "رائدة في مجال التحول الرقمي، كما أنها المدينة الأكثر ربطًا بالشبكات في المغرب.</p>"
                    ),
                ),
                ("heading", "جلسات عامة وورشة حول التحول الرقمي للجماعات الترابية"),
                (
                    "paragraph",
                    (
                        "<p>عقب الجلسة الافتتاحية، تواصلت أشغال هذا اللقاء بجلسات عامة أطّرها باحثون وخبراء "
                        "مغاربة وأجانب، تناولت الصمود الترابي والابتكار الاجتماعي، والتحول الرقمي للخدمات "
                        "وعلاقتها بالمرتفقين، والتجديد الدامج للمجالات الترابية.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>ونشّطت المديرية العامة للجماعات الترابية، بتعاون مع متدخلين آخرين، ورشة تحت عنوان "
                        "«الجماعات الترابية المغربية في زمن التحول الرقمي». والغاية أن يصبح التحول الرقمي رافعة "
                        "أساسية لتحسين أداء الجماعات الترابية، من خلال رقمنة المساطر بما يحقق انسجامًا أفضل بين "
                        "الإدارات وخدمة مثلى للمرتفق.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وتوالت خلال هذه الورشة خمسة عروض:</p>"
                        "<ul>"
                        "<li>العرض الأول قدّمه السيد إبراهيم بشيرات، رئيس قسم بالمديرية العامة للجماعات "
                        "الترابية، حول «القانون 55.19، رافعة لتسريع رقمنة المساطر الإدارية»؛</li>"
                        "<li>العرض الثاني قدّمه السيد محمد فيصل بنعشو، مدير شركة رباتيس، حول «رخص، منصة "
                        "التراخيص ذات الطابع الترابي»؛</li>"
                        "<li>العرض الثالث قدّمه السيد أنس بنوهود، رئيس قسم مواكبة الهيئات العمومية بوكالة "
                        "التنمية الرقمية، حول «حافظة التوقيع الإلكترونية»؛</li>"
                        "<li>العرض الرابع قدّمه السيد صلاح الدين المشكوري، رئيس مصلحة بالمديرية العامة للجماعات "
                        "الترابية، حول منصة شكايات الجماعات الترابية «شكاية» (Chikaya.ma)؛</li>"
                        "<li>العرض الخامس قدّمته السيدة سناء بلعتيق، رئيسة مصلحة بالمديرية العامة للجماعات "
                        "الترابية، حول نظام المعلومات الخاص بتدبير أنشطة مجالس الجماعات الترابية «منصة "
                        "مجالس».</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "لقاء بصيغة هجينة"),
                (
                    "paragraph",
                    (
                        "<p>وشارك في هذا اللقاء، بصيغة هجينة، منتخبون وممثلون عن المديرية العامة للجماعات "
                        "الترابية وعن ولاية الدار البيضاء وعن مدينة الدار البيضاء، وباحثون من جامعة الحسن الثاني "
                        "بالدار البيضاء وجامعة محمد السادس متعددة التخصصات التقنية ببنجرير، إلى جانب علماء "
                        "وباحثين وخبراء مغاربة وأجانب.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "4th edition: the smart city at the service of territorial resilience",
            "slug": "4th-edition-smart-city-territorial-resilience",
            "intro": (
                "On 9 and 10 June 2021, the 4th edition of the Smart City Casablanca Symposium brought "
                "public officials, elected representatives, researchers and experts together, in hybrid "
                "format, to discuss territorial resilience and regeneration. A look back at the opening "
                "session and at the workshop on the digital transformation of local authorities."
            ),
            "body": [
                ("heading", "An opening session built around co-creation"),
                (
                    "paragraph",
                    (
                        "<p>Opening the <i>Smart City Casablanca Symposium</i>, held on 9 and 10 June 2021 by "
                        "Casablanca Events & Animation in partnership with Mohammed VI Polytechnic University "
                        "(Benguerir) and Hassan II University of Casablanca under the theme “Smart city serving "
                        "territorial resilience and regeneration”, Mr Khalid Safir, Wali and Director General of "
                        "Local Authorities (DGCT), stated that the smart city is first and foremost a space for "
                        "co-creation that draws on the intelligence of all its driving forces: elected officials, "
                        "citizens, businesses, civil society, artists and academics.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The Wali added that the Ministry of the Interior supports local authorities in their "
                        "digital transformation projects. These projects stem from the legal framework laid down "
                        "by the Constitution and the organic laws on local authorities, Law 55-19 on the "
                        "simplification of administrative procedures and formalities and Law 31-13 on the right "
                        "of access to information, and have been accelerated by the Covid-19 pandemic. This legal "
                        "groundwork is today laying the foundations for an intelligent system to manage our "
                        "territories and our cities.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>He also presented the drive to digitise administrative procedures and gave several "
                        "examples of data-exchange platforms and data-driven management.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>For his part, Mr Said Ahmidouch, Wali of the Casablanca-Settat region, explained that "
                        "this fourth edition of an event held since 2016, led by a distinguished line-up of "
                        "high-level figures and scientists, would explore strategies and good practices for "
                        "inclusive, sustainable territorial regeneration that creates wealth and jobs.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Ms Nezha Bouchareb, Minister of National Land-Use Planning, Urban Planning, Housing "
                        "and City Policy, said that the chosen theme aims to highlight the undeniable potential of "
                        "digital transformation for territorial resilience, for better urban public services and "
                        "for citizens’ quality of life.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Mr Abdelaziz El Omari, President of the City of Casablanca, pointed out that the city "
                        "made digital transformation a strategic pillar of its development plan several years "
                        "ago. Regarded as a pilot city for digital transformation, it is also the most connected "
                        "city in Morocco.</p>"
                    ),
                ),
                ("heading", "Plenaries and a workshop on the digital transformation of local authorities"),
                (
                    "paragraph",
                    (
                        "<p>After the opening session, the symposium continued with plenary sessions led by "
                        "Moroccan and international researchers and experts on territorial resilience and social "
                        "innovation, the digital transformation of services and users, and the inclusive "
                        "regeneration of territories.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The General Directorate of Local Authorities, together with other contributors, ran a "
                        "workshop on “Moroccan local authorities in the age of digital transformation”. The aim: "
                        "to make digital transformation a major lever for improving the performance of local "
                        "authorities, with paperless procedures ensuring better alignment between administrations "
                        "and the best possible service to users.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The workshop featured five presentations:</p>"
                        "<ul>"
                        "<li>the first, by Mr Brahim Bachirat, Head of Division at the DGCT, on “Law 55.19, a "
                        "lever for speeding up the digitisation of administrative procedures”;</li>"
                        "<li>the second, by Mr Mohamed Fayçal Benachou, Director of the company Ribatis, on "
                        "“Rokhas, the platform for territorial permits and authorisations”;</li>"
                        "<li>the third, by Mr Anas Benouhoud, Head of the Public Bodies Support Department at the "
                        "Digital Development Agency, on “The electronic signature book”;</li>"
                        "<li>the fourth, by Mr Sallaheddine Mechkouri, Head of Unit at the DGCT, on “Chikaya.ma”, "
                        "the complaints platform of Moroccan local authorities;</li>"
                        "<li>the fifth, by Ms Sanae Belatiq, Head of Unit at the DGCT, on the information system "
                        "for managing the work of local authority councils, the “Majaliss platform”.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", "A hybrid event"),
                (
                    "paragraph",
                    (
                        "<p>The symposium, held in hybrid format, brought together elected officials, "
                        "representatives of the General Directorate of Local Authorities, the Wilaya of "
                        "Casablanca and the City of Casablanca, researchers from Hassan II University of "
                        "Casablanca and Mohammed VI Polytechnic University in Benguerir, as well as Moroccan and "
                        "international scientists, researchers and experts.</p>"
                    ),
                ),
            ],
        },
    },
    # ------------------------------------------------------------- seed 003
    {
        "key": "7e-congres-villes-intelligentes",
        "date": None,
        "source": "",
        "fr": {
            "title": "Villes intelligentes : Casablanca partage son expérience",
            "slug": "villes-intelligentes-casablanca-partage-son-experience",
            "intro": (
                "Placé sous le thème « Ville smart, vers les transitions métropolitaines durables », le "
                "7e congrès international Casablanca Smart City rassemble des experts de tous horizons et "
                "accueille un espace innovation où trois startups seront récompensées."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Bien qu’elle ait inauguré le concept de smart city, la métropole, qui continue à le "
                        "concrétiser, pense aux autres. D’où le choix de « Ville smart, vers les transitions "
                        "métropolitaines durables » comme thème du 7e congrès international Casablanca Smart "
                        "City, qui se poursuit jusqu’à demain.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>La capitale économique perfectionne son expérience de smart city. Cette édition, "
                        "ouverte mercredi à l’initiative de la SDL Casablanca Events & Animation, qui fait partie "
                        "de la démarche d’attractivité weCasablanca, en est une parfaite illustration : un espace "
                        "innovation y est organisé en parallèle, dédié notamment aux startups, dont trois seront "
                        "récompensées pour leurs réponses aux problématiques de la ville. Au-delà de cette "
                        "nouveauté, la réflexion porte sur l’apport de la digitalisation à la vie sociale des "
                        "citoyens.</p>"
                    ),
                ),
                ("heading", "Répondre aux besoins sociaux"),
                (
                    "paragraph",
                    (
                        "<p>Sous cet angle, la ministre de la Solidarité, de l’Insertion sociale et de la Famille, "
                        "Aawatif Hayar, estime qu’il est « essentiel de prendre en compte les aspects sociaux de "
                        "la transition ». À son sens :</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "L’inclusion sociale doit être une priorité, en veillant à ce que tous les citoyens "
                            "bénéficient des avancées technologiques et des services améliorés."
                        ),
                        "attribution": "Aawatif Hayar, ministre de la Solidarité, de l’Insertion sociale et de la Famille",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>La responsable gouvernementale, qui rappelle les discours royaux sur l’apport des "
                        "nouvelles technologies à la société du savoir, non seulement pour le Royaume mais aussi "
                        "pour l’Afrique, ainsi que le nouveau modèle de développement marocain, met en avant "
                        "l’expérience de son département. Le ministère a ainsi, d’après elle, mis en place « une "
                        "stratégie qui met le digital au service du développement social ».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>« En 2022-2023, nous avons pu mettre le digital au service du social pour améliorer "
                        "la vie des citoyens en leur rapprochant les services sociaux, notamment pour les "
                        "personnes vulnérables ou en situation de handicap. Le nombre de bénéficiaires du pôle "
                        "social est passé de 496 000 en 2021 à 583 000 en 2022, notamment grâce aux plateformes "
                        "digitales qui ont rapproché les services sociaux des citoyens », détaille-t-elle.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Le mois dernier, son ministère a par ailleurs lancé pour la première fois le guichet "
                        "social unique à Benguerir, qui interconnecte les centres d’assistance aux personnes en "
                        "situation de handicap et un incubateur pour l’autonomisation économique des femmes. Elle "
                        "relève également le lancement récent de formations à distance pour les femmes en "
                        "situation difficile dans les villages : 37 000 femmes y sont inscrites. Ces plateformes "
                        "sont aussi destinées aux enfants en situation de handicap : 400 associations de "
                        "différentes régions ont pu s’y inscrire pour bénéficier de la scolarisation. Le tout "
                        "avec l’espoir de voir naître 500 guichets sociaux.</p>"
                    ),
                ),
                ("heading", "Ce qui se passe dans la métropole"),
                (
                    "paragraph",
                    (
                        "<p>Également de la partie, le président de la région Casablanca-Settat, Abdellatif "
                        "Maazouz, indique avoir, dans le plan de développement régional, « réservé tout un axe à "
                        "tout ce qui est transition numérique dans la gestion des affaires territoriales au "
                        "niveau de la région et dans le développement des capacités en termes d’entreprises, de "
                        "start-up et de formation des jeunes ». Il évoque l’apport de partenaires pour le "
                        "« lancement d’opérations destinées à développer tout ce qui est intelligence "
                        "territoriale et artificielle ». Et ce n’est pas tout :</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Il faut commencer par une smart family, puis city. Nous sommes en train de militer "
                            "pour des smart territories et regions en recourant aussi à des expériences "
                            "internationales."
                        ),
                        "attribution": "Abdellatif Maazouz, président de la région Casablanca-Settat",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Son Conseil préconise d’ailleurs « une stratégie régionale de digitalisation ».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>De son côté, Malika Mezzour, vice-présidente du Conseil de la ville, qui représentait "
                        "la présidente du Conseil, Nabila Rmili, met en avant « des collaborations entre les "
                        "autorités locales, le secteur privé, les citoyens et les acteurs de la société civile "
                        "pour concevoir des stratégies adaptées aux besoins spécifiques de chaque ville et mettre "
                        "en œuvre des solutions innovantes ».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Quant à Mohamed Jouahri, directeur général de Casablanca Events & Animation, il voit "
                        "dans la métropole une smart city qui « présente un modèle de gestion urbaine de ville "
                        "intelligente frugale, sociale et durable, avec une approche novatrice visant à répondre "
                        "aux besoins du citoyen tout en le plaçant au cœur de la réflexion ».</p>"
                    ),
                ),
            ],
        },
        "ar": {
            "title": "المدن الذكية: الدار البيضاء تتقاسم تجربتها",
            "slug": "smart-cities-casablanca-shares-its-experience",
            "intro": (
                "تحت شعار «المدينة الذكية، نحو انتقالات مستدامة في الحواضر الكبرى»، تجمع الدورة السابعة من "
                "المؤتمر الدولي «الدار البيضاء مدينة ذكية» خبراء من آفاق متعددة، وتحتضن فضاءً للابتكار "
                "ستُتوَّج فيه ثلاث شركات ناشئة."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>رغم أن الدار البيضاء كانت سبّاقة إلى تبنّي مفهوم المدينة الذكية، وما تزال ماضية في "
                        "تجسيده، فإنها تفكّر أيضًا في غيرها من المدن. ومن هنا جاء اختيار شعار «المدينة الذكية، "
                        "نحو انتقالات مستدامة في الحواضر الكبرى» للدورة السابعة من المؤتمر الدولي «الدار البيضاء "
                        "مدينة ذكية»، التي تتواصل أشغالها إلى غاية يوم غد.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وتواصل العاصمة الاقتصادية صقل تجربتها في مجال المدينة الذكية، وهذه الدورة، التي "
                        "افتُتحت يوم الأربعاء بمبادرة من شركة التنمية المحلية «الدار البيضاء للتنشيط والتظاهرات» "
                        "المنخرطة في مقاربة الجاذبية «وي كازابلانكا»، خير دليل على ذلك، إذ يُنظَّم بموازاتها فضاء "
                        "للابتكار مخصص على الخصوص للشركات الناشئة، ستُكافأ ثلاث منها على الحلول التي تقترحها "
                        "لإشكاليات المدينة. وإلى جانب هذا المستجد، يتمحور التفكير حول إسهام الرقمنة في الحياة "
                        "الاجتماعية للمواطنين.</p>"
                    ),
                ),
                ("heading", "الاستجابة للحاجيات الاجتماعية"),
                (
                    "paragraph",
                    (
                        "<p>ومن هذه الزاوية، ترى وزيرة التضامن والإدماج الاجتماعي والأسرة، عواطف حيار، أنه «من "
                        "الضروري أخذ الجوانب الاجتماعية للانتقال بعين الاعتبار». وفي نظرها:</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "يجب أن يكون الإدماج الاجتماعي أولوية، مع الحرص على أن يستفيد جميع المواطنين من "
                            "التقدم التكنولوجي ومن الخدمات المحسَّنة."
                        ),
                        "attribution": "عواطف حيار، وزيرة التضامن والإدماج الاجتماعي والأسرة",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>وبعد أن ذكّرت المسؤولة الحكومية بالخطب الملكية حول إسهام التكنولوجيات الحديثة في بناء "
                        "مجتمع المعرفة، لا بالنسبة إلى المملكة فحسب بل إلى إفريقيا أيضًا، وبالنموذج التنموي الجديد "
                        "للمغرب، استعرضت تجربة قطاعها الوزاري، الذي وضع، حسب قولها، «استراتيجية تجعل الرقمي في "
                        "خدمة التنمية الاجتماعية».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وتوضّح قائلة: «في 2022-2023، تمكّنّا من تسخير الرقمي لخدمة المجال الاجتماعي بهدف "
                        "تحسين حياة المواطنين عبر تقريب الخدمات الاجتماعية منهم، لا سيما الأشخاص في وضعية هشاشة "
                        "أو في وضعية إعاقة. وقد ارتفع عدد المستفيدين من القطب الاجتماعي من 496 ألفًا سنة 2021 إلى "
                        "583 ألفًا سنة 2022، بفضل المنصات الرقمية على الخصوص، التي قرّبت الخدمات الاجتماعية من "
                        "المواطنين».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وفي الشهر الماضي، أطلقت وزارتها لأول مرة الشباك الاجتماعي الموحّد ببنجرير، الذي يتيح "
                        "الربط بين مراكز مساعدة الأشخاص في وضعية إعاقة وحاضنة للتمكين الاقتصادي للنساء. كما أشارت "
                        "إلى الإطلاق الحديث لتكوين عن بُعد لفائدة النساء في وضعية صعبة بالقرى، سجّلت فيه 37 ألف "
                        "امرأة. وتستهدف هذه المنصات أيضًا الأطفال في وضعية إعاقة، إذ تمكّنت 400 جمعية من مختلف "
                        "الجهات من التسجيل فيها للاستفادة من التمدرس. وكل ذلك على أمل إحداث 500 شباك اجتماعي.</p>"
                    ),
                ),
                ("heading", "ما يجري في الحاضرة"),
                (
                    "paragraph",
                    (
                        "<p>ومن جهته، أوضح رئيس جهة الدار البيضاء-سطات، عبد اللطيف معزوز، أنه «خصّص محورًا "
                        "كاملًا»، ضمن برنامج التنمية الجهوية، «لكل ما يتعلق بالانتقال الرقمي في تدبير الشؤون "
                        "الترابية على مستوى الجهة، وبتنمية القدرات في ما يخص المقاولات والشركات الناشئة وتكوين "
                        "الشباب». وتحدّث عن إسهام الشركاء في «إطلاق عمليات ترمي إلى تطوير كل ما يتعلق بالذكاء "
                        "الترابي والذكاء الاصطناعي». وليس هذا كل شيء:</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "يجب أن نبدأ بالأسرة الذكية، ثم بالمدينة الذكية. ونحن نناضل من أجل مجالات ترابية "
                            "وجهات ذكية، مستفيدين أيضًا من التجارب الدولية."
                        ),
                        "attribution": "عبد اللطيف معزوز، رئيس جهة الدار البيضاء-سطات",
                    },
                ),
                ("paragraph", ("<p>ويدعو المجلس الذي يرأسه إلى اعتماد «استراتيجية جهوية للرقمنة».</p>")),
                (
                    "paragraph",
                    (
                        "<p>أما مليكة مزور، نائبة رئيسة مجلس المدينة، التي مثّلت رئيسة المجلس نبيلة الرميلي، فقد "
                        "أبرزت أهمية «التعاون بين السلطات المحلية والقطاع الخاص والمواطنين وفاعلي المجتمع المدني "
                        "من أجل وضع استراتيجيات ملائمة للحاجيات الخاصة بكل مدينة وتنفيذ حلول مبتكرة».</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وبالنسبة إلى محمد جواهري، المدير العام لشركة الدار البيضاء للتنشيط والتظاهرات، فإن "
                        "الحاضرة مدينة ذكية «تقدّم نموذجًا لتدبير حضري لمدينة ذكية مقتصدة واجتماعية ومستدامة، "
                        "بمقاربة مبتكرة ترمي إلى الاستجابة لحاجيات المواطن مع وضعه في صلب التفكير».</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "Smart cities: Casablanca shares its experience",
            "slug": "smart-cities-casablanca-shares-its-experience",
            "intro": (
                "Under the theme “Smart city: towards sustainable metropolitan transitions”, the 7th Casablanca "
                "Smart City international congress brings together experts from many backgrounds and hosts an "
                "innovation space where three startups will be rewarded."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Although it pioneered the smart city concept and is still putting it into practice, "
                        "the metropolis is also thinking of others. Hence the choice of “Smart city: towards "
                        "sustainable metropolitan transitions” as the theme of the 7th Casablanca Smart City "
                        "international congress, which runs until tomorrow.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Morocco’s economic capital keeps refining its smart city experience. This edition, "
                        "opened on Wednesday at the initiative of Casablanca Events & Animation, the local "
                        "development company that is part of the weCasablanca attractiveness drive, is a perfect "
                        "illustration: alongside the congress, it hosts an innovation space aimed in particular "
                        "at startups, three of which will be rewarded for their answers to the city’s challenges. "
                        "Beyond this novelty, the discussions focus on what digitalisation can bring to citizens’ "
                        "social lives.</p>"
                    ),
                ),
                ("heading", "Meeting social needs"),
                (
                    "paragraph",
                    (
                        "<p>From this angle, Aawatif Hayar, Minister of Solidarity, Social Inclusion and the "
                        "Family, believes it is “essential to take the social aspects of the transition into "
                        "account”. In her view:</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Social inclusion must be a priority, making sure that all citizens benefit from "
                            "technological progress and improved services."
                        ),
                        "attribution": "Aawatif Hayar, Minister of Solidarity, Social Inclusion and the Family",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Recalling the royal speeches on the contribution of new technologies to the knowledge "
                        "society, for the Kingdom and for Africa alike, as well as Morocco’s new development "
                        "model, the minister highlighted her department’s experience. According to her, the "
                        "ministry has put in place “a strategy that harnesses digital technology for social "
                        "development”.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>“In 2022-2023, we were able to put digital technology at the service of social policy "
                        "to improve citizens’ lives by bringing social services closer to them, particularly for "
                        "vulnerable people and people with disabilities. The number of beneficiaries of the "
                        "social cluster rose from 496,000 in 2021 to 583,000 in 2022, thanks in particular to "
                        "digital platforms that brought social services closer to citizens,” she explained.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Last month, her ministry also launched, for the first time, a one-stop social services "
                        "centre in Benguerir, which links support centres for people with disabilities with an "
                        "incubator for women’s economic empowerment. She also pointed to the recent launch of "
                        "distance training for women in difficult circumstances in rural villages, with 37,000 "
                        "women enrolled. These platforms also serve children with disabilities: 400 associations "
                        "from different regions have signed up to benefit from schooling support. All this in the "
                        "hope of seeing 500 one-stop social centres created.</p>"
                    ),
                ),
                ("heading", "What is happening in the metropolis"),
                (
                    "paragraph",
                    (
                        "<p>Also taking part, Abdellatif Maazouz, President of the Casablanca-Settat Region, said "
                        "that the regional development plan has “set aside an entire pillar for everything "
                        "related to the digital transition in the management of territorial affairs at regional "
                        "level and to capacity-building for businesses, start-ups and youth training”. He spoke "
                        "of partners’ contribution to the “launch of operations to develop everything to do with "
                        "territorial and artificial intelligence”. And that is not all:</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "We must start with a smart family, then a smart city. We are campaigning for smart "
                            "territories and regions, drawing on international experience as well."
                        ),
                        "attribution": "Abdellatif Maazouz, President of the Casablanca-Settat Region",
                    },
                ),
                ("paragraph", ("<p>His council is calling for “a regional digitalisation strategy”.</p>")),
                (
                    "paragraph",
                    (
                        "<p>Malika Mezzour, Vice-President of the City Council, representing the Council’s "
                        "President Nabila Rmili, emphasised “collaboration between local authorities, the private "
                        "sector, citizens and civil society to design strategies tailored to each city’s specific "
                        "needs and to implement innovative solutions”.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>As for Mohamed Jouahri, Director General of Casablanca Events & Animation, he sees the "
                        "metropolis as a smart city that “offers a model of frugal, social and sustainable smart "
                        "urban management, with an innovative approach that seeks to meet citizens’ needs while "
                        "placing them at the heart of the thinking”.</p>"
                    ),
                ),
            ],
        },
    },
]


ORGANISATIONS = [  # footer: organisers and partners named in the articles
    {
        "key": "casablanca-events",
        "role": "organiser",
        "website": "",
        "fr": "Casablanca Events & Animation",
        "ar": "الدار البيضاء للتنشيط والتظاهرات",
        "en": "Casablanca Events & Animation",
    },
    {
        "key": "ville-de-casablanca",
        "role": "organiser",
        "website": "",
        "fr": "Ville de Casablanca – Conseil de la Ville",
        "ar": "مدينة الدار البيضاء – مجلس المدينة",
        "en": "City of Casablanca – City Council",
    },
    {
        "key": "wecasablanca",
        "role": "partner",
        "website": "",
        "fr": "weCasablanca",
        "ar": "وي كازابلانكا",
        "en": "weCasablanca",
    },
    {
        "key": "dgct",
        "role": "partner",
        "website": "",
        "fr": "Direction Générale des Collectivités Territoriales",
        "ar": "المديرية العامة للجماعات الترابية",
        "en": "General Directorate of Local Authorities",
    },
    {
        "key": "region-casablanca-settat",
        "role": "partner",
        "website": "",
        "fr": "Région Casablanca-Settat",
        "ar": "جهة الدار البيضاء-سطات",
        "en": "Casablanca-Settat Region",
    },
    {
        "key": "add",
        "role": "partner",
        "website": "",
        "fr": "Agence de Développement du Digital",
        "ar": "وكالة التنمية الرقمية",
        "en": "Digital Development Agency",
    },
    {
        "key": "um6p",
        "role": "academic",
        "website": "",
        "fr": "Université Mohammed VI Polytechnique",
        "ar": "جامعة محمد السادس متعددة التخصصات التقنية",
        "en": "Mohammed VI Polytechnic University",
    },
    {
        "key": "uh2c",
        "role": "academic",
        "website": "",
        "fr": "Université Hassan II de Casablanca",
        "ar": "جامعة الحسن الثاني بالدار البيضاء",
        "en": "Hassan II University of Casablanca",
    },
]
