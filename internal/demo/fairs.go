package demo

import (
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
)

// The bodies most seed fairs share.
var (
	fesMeknesCouncil = fair.Partnership{
		Name: mltext.Text{AR: "مجلس جهة فاس-مكناس", FR: "Conseil de la région Fès-Meknès"}, Role: fair.Organiser}
	ministry = fair.Partnership{Name: mltext.Text{
		AR: "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
		FR: "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire",
	}, Role: fair.Partner}
)

// Tours are the mobile-market tours of the seeds: the Fès-Meknès markets of 2022 went to
// Sefrou in July and Taza in December. LoadWith puts each mobile market in the tour of its
// region and year.
func Tours() []fair.Tour {
	return []fair.Tour{{RegionCode: "03", Year: 2022, Title: mltext.Text{
		AR: "الأسواق المتنقلة للاقتصاد الاجتماعي والتضامني بجهة فاس-مكناس 2022",
		FR: "Marchés itinérants de l'économie sociale et solidaire de Fès-Meknès 2022",
	}}}
}

// Fairs are the five fairs of the press releases Aswaq grew from (shared/seeds), with the
// facts those releases state. Where a release is wrong or silent, the comment says what was
// chosen and why.
func Fairs() []fair.Edition {
	return []fair.Edition{
		{ // Seed 000: Sefrou mobile market, Fès-Meknès, July 2022.
			// The release calls it both "the first in Sefrou province" and "this second
			// edition"; Taza (December 2022) announces itself as the second, so this is the first.
			Kind: fair.MobileMarket, Number: 1, RegionCode: "03", ProvinceCode: "451",
			City:  mltext.Text{AR: "صفرو", FR: "Sefrou", ZGH: "ⵚⴼⵔⵓ"},
			Venue: mltext.Text{AR: "ساحة مساي", FR: "Place Massay"},
			Title: mltext.Text{
				AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني بإقليم صفرو",
				FR: "Marché itinérant de l'économie sociale et solidaire – province de Sefrou",
			},
			Slogan: mltext.Text{
				AR: "اقتصاد اجتماعي وتضامني متنوع وسياحة مستدامة وواعدة",
				FR: "Une économie sociale et solidaire diversifiée et un tourisme durable et prometteur",
			},
			StartsOn: civil.MustNew(2022, 7, 12), EndsOn: civil.MustNew(2022, 7, 16),
			AreaM2: 1500, TargetVisitors: 10000, TargetOrgs: 52,
			Status: fair.Closed,
			LegalBasis: mltext.Text{
				AR: "تفعيل مقتضيات المادة 82 من القانون التنظيمي رقم 111.14 المتعلق بالجهات، وتنزيل مشاريع برنامج التنمية الجهوية في نسخته الثانية 2022-2027",
				FR: "Article 82 de la loi organique n° 111.14 relative aux régions ; projets du programme de développement régional, deuxième génération 2022-2027",
			},
			Occasion: mltext.Text{AR: "اليوم العالمي للتعاونيات", FR: "Journée internationale des coopératives"},
			About: mltext.Text{
				AR: "يقترب السوق من صغار المتعاونين ويتيح لهم فرصا جديدة للتسويق بعيدا عن الوسطاء. تشارك 52 تعاونية من داخل الجهة وخارجها على امتداد 5 أيام داخل أروقة مفتوحة، بمنتجات الصناعة التقليدية والعسل والتين والأعشاب الطبية وزيت الزيتون والدرازة والنجارة ومنتوجات الصبار والأزرار والخياطة، وبمنتوجات المؤسسات السجنية وبعض مراكز التعاون الوطني. ويرافقه برنامج للتكوين وتقوية القدرات في التسويق العادي والإلكتروني والتدبير الإداري والإلمام القانوني، وفقرات فنية من تراث إقليم صفرو، ولقاء تواصلي حول الالتقائية بين السياحة المستدامة والاقتصاد الاجتماعي والتضامني.",
				FR: "Le marché rapproche les petits coopérateurs du public et leur ouvre de nouveaux débouchés sans intermédiaires. 52 coopératives de la région et d'ailleurs exposent pendant 5 jours dans des stands ouverts : artisanat, miel, figues, plantes médicinales, huile d'olive, tissage, menuiserie, produits du cactus, boutons, couture, ainsi que les produits des établissements pénitentiaires et de centres de l'Entraide nationale. Au programme : formations en marketing classique et en ligne, gestion administrative et cadre juridique, spectacles du patrimoine de Sefrou et une rencontre sur la convergence entre tourisme durable et économie sociale et solidaire.",
			},
			Partners: []fair.Partnership{fesMeknesCouncil, ministry,
				{Name: mltext.Text{AR: "ولاية جهة فاس-مكناس", FR: "Wilaya de la région Fès-Meknès"}, Role: fair.Partner},
				{Name: mltext.Text{AR: "عمالة إقليم صفرو", FR: "Province de Sefrou"}, Role: fair.Collaborator}},
			Spaces: []fair.Space{
				{Kind: fair.ProductsPole, Name: mltext.Text{AR: "أروقة مفتوحة", FR: "Stands en espace ouvert"}, Stands: 52},
				{Kind: fair.TrainingRoom, Name: mltext.Text{AR: "فضاء الورشات والندوات", FR: "Espace des ateliers et séminaires"}},
			},
		},
		{ // Seed 001: Taza mobile market, second edition, opened Saturday 10 December 2022.
			// The release says it runs "from 10 to 5 December", which cannot be; a mobile market
			// lasts five days, so the demo stores 10–14 December. The release names no venue.
			Kind: fair.MobileMarket, Number: 2, RegionCode: "03", ProvinceCode: "561",
			City: mltext.Text{AR: "تازة", FR: "Taza", ZGH: "ⵜⴰⵣⴰ"},
			Title: mltext.Text{
				AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني بتازة",
				FR: "Marché itinérant de l'économie sociale et solidaire à Taza",
			},
			Slogan: mltext.Text{
				AR: "في الانتاج متعاونون وفي الشراء متضامنون",
				FR: "Coopératifs dans la production, solidaires dans l'achat",
			},
			StartsOn: civil.MustNew(2022, 12, 10), EndsOn: civil.MustNew(2022, 12, 14),
			Status: fair.Closed,
			About: mltext.Text{
				AR: "تعرّف هذه النسخة الثانية بالمنتجات المجالية لأقاليم جهة فاس-مكناس وباقي جهات المملكة، عبر أروقة لتعاونيات الصناعة التقليدية والمنتجات المجالية ومنتجات التجميل الطبيعية والخدمات، مع ورشات تكوينية وندوات في التسويق العادي والإلكتروني والتدبير الإداري والمالي.",
				FR: "Cette deuxième édition fait connaître les produits du terroir des provinces de Fès-Meknès et des autres régions du Royaume, avec des stands de coopératives d'artisanat, de produits du terroir, de cosmétiques naturels et de services, et des ateliers et séminaires sur le marketing classique et en ligne et la gestion administrative et financière.",
			},
			Partners: []fair.Partnership{fesMeknesCouncil, ministry},
		},
		{ // Seed 002: third regional fair of Fès-Meknès, Fès hippodrome, October 2022.
			Kind: fair.RegionalFair, Number: 3, RegionCode: "03", ProvinceCode: "231",
			City:  mltext.Text{AR: "فاس", FR: "Fès", ZGH: "ⴼⴰⵙ"},
			Venue: mltext.Text{AR: "فضاء سباق الخيل", FR: "Espace de l'hippodrome"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني لجهة فاس-مكناس",
				FR: "Salon régional de l'économie sociale et solidaire de Fès-Meknès",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني دعامة للتنمية الجهوية ورافعة للنموذج التنموي الجديد",
				FR: "L'économie sociale et solidaire, pilier du développement régional et levier du nouveau modèle de développement",
			},
			StartsOn: civil.MustNew(2022, 10, 15), EndsOn: civil.MustNew(2022, 10, 24),
			AreaM2: 4000, TargetExhibitors: 260, TargetStands: 130,
			Status: fair.Closed,
			About: mltext.Text{
				AR: "معرض في تصميم جديد داخل فضاء مفتوح على مساحة 4000 متر مربع، من ثلاثة أقطاب رئيسية، ويتميز بتنظيم النسخة الأولى من حفل القفطان، وبندوات ومحاضرات ودورات تكوينية تستهدف أيضا التعاونيات غير المشاركة في المعرض من كافة عمالات وأقاليم الجهة.",
				FR: "Un salon repensé en espace ouvert sur 4 000 m², organisé en trois pôles, avec la première édition du Caftan Show et des séminaires, conférences et formations ouverts aussi aux coopératives non exposantes de toutes les préfectures et provinces de la région.",
			},
			Partners: []fair.Partnership{fesMeknesCouncil, ministry},
			Spaces: []fair.Space{
				{Kind: fair.ProductsPole, Stands: 130},
				{Kind: fair.InternationalPole},
				{Kind: fair.InstitutionalPole},
			},
			Guests: []fair.Guest{
				{Kind: fair.GuestRegion, Name: mltext.Text{AR: "جهة كورسيكا (فرنسا)", FR: "Collectivité de Corse (France)"}},
				{Kind: fair.GuestCountry, Name: mltext.Text{AR: "فلسطين", FR: "Palestine"}},
				{Kind: fair.GuestCountry, Name: mltext.Text{AR: "الإمارات العربية المتحدة", FR: "Émirats arabes unis"}},
				{Kind: fair.GuestCountry, Name: mltext.Text{AR: "السنغال", FR: "Sénégal"}},
			},
		},
		{ // Seed 003: third regional fair of Béni Mellal-Khénifra, Khénifra. The release
			// (undated) says it opened "yesterday, Monday" and runs "until 3 December"; the
			// fair resumed after two years of Covid-19, so 2022, and the Monday before
			// 3 December 2022 is 28 November.
			Kind: fair.RegionalFair, Number: 3, RegionCode: "05", ProvinceCode: "301",
			City:  mltext.Text{AR: "خنيفرة", FR: "Khénifra", ZGH: "ⵅⵏⵉⴼⵕⴰ"},
			Venue: mltext.Text{AR: "ساحة المسيرة الخضراء", FR: "Place de la Marche Verte"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني لجهة بني ملال-خنيفرة",
				FR: "Salon régional de l'économie sociale et solidaire de Béni Mellal-Khénifra",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني رافعة لتنمية السياحة الجبلية والمستدامة",
				FR: "L'économie sociale et solidaire, levier du développement du tourisme de montagne et durable",
			},
			StartsOn: civil.MustNew(2022, 11, 28), EndsOn: civil.MustNew(2022, 12, 3),
			AreaM2: 5000, TargetExhibitors: 320,
			Status: fair.Closed,
			Patronage: mltext.Text{
				AR: "تحت الرعاية السامية لصاحب الجلالة الملك محمد السادس",
				FR: "Sous le Haut Patronage de Sa Majesté le Roi Mohammed VI",
			},
			About: mltext.Text{
				AR: "بعد دورتي أزيلال وبني ملال، وبعد سنتين من التوقف بسبب جائحة كوفيد-19، تحط الدورة الثالثة بخنيفرة لتثمين وتسويق المنتوجات المجالية والنهوض بالسياحة الجبلية، بمشاركة 320 عارضا يمثلون تعاونيات حرفية وجمعيات مهنية وتعاضديات ومقاولات اجتماعية، مع ورشات حول الحكامة والتدبير وورشة تحسيسية حول الحماية الاجتماعية.",
				FR: "Après Azilal et Béni Mellal, et deux ans d'arrêt dus au Covid-19, la troisième édition s'installe à Khénifra pour valoriser les produits du terroir et le tourisme de montagne : 320 exposants de coopératives artisanales, d'associations professionnelles, de mutuelles et d'entreprises sociales, des ateliers sur la gouvernance et la gestion et une séance de sensibilisation à la protection sociale.",
			},
			Partners: []fair.Partnership{
				{Name: mltext.Text{AR: "مجلس جهة بني ملال-خنيفرة", FR: "Conseil de la région Béni Mellal-Khénifra"}, Role: fair.Organiser},
				ministry},
			Spaces: []fair.Space{
				{Kind: fair.ProductsPole},
				{Kind: fair.TrainingRoom, Name: mltext.Text{AR: "قاعة للندوات والورشات التكوينية", FR: "Salle des séminaires et des ateliers de formation"}},
				{Kind: fair.KidsArea, Name: mltext.Text{AR: "فضاء للألعاب خاص بالأطفال", FR: "Espace de jeux pour enfants"}},
				{Kind: fair.HeritageSpace, Name: mltext.Text{AR: "فضاء لتثمين التراث اللامادي", FR: "Espace de valorisation du patrimoine immatériel"}},
				{Kind: fair.RegionsSpace, Name: mltext.Text{AR: "فضاء للجهات", FR: "Espace des régions"}},
				{Kind: fair.InstitutionalPole, Name: mltext.Text{AR: "فضاء للشركاء المؤسساتيين", FR: "Espace des partenaires institutionnels"}},
			},
		},
		{ // Seed 004: second regional fair of Drâa-Tafilalet, Ouarzazate, September 2025:
			// 160 organisations (80 handicraft + 80 local products) and 15 institutional stands.
			Kind: fair.RegionalFair, Number: 2, RegionCode: "08", ProvinceCode: "401",
			City:  mltext.Text{AR: "ورزازات", FR: "Ouarzazate", ZGH: "ⵡⴰⵔⵣⴰⵣⴰⵜ"},
			Venue: mltext.Text{AR: "فضاء المصلى", FR: "Espace Al Moussalla"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني بجهة درعة تافيلالت",
				FR: "Salon régional de l'économie sociale et solidaire de Drâa-Tafilalet",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني رافعة أساسية للتمكين الاقتصادي للمرأة والشباب بالوسط القروي",
				FR: "L'économie sociale et solidaire, levier essentiel de l'autonomisation économique des femmes et des jeunes en milieu rural",
			},
			StartsOn: civil.MustNew(2025, 9, 17), EndsOn: civil.MustNew(2025, 9, 22),
			AreaM2: 4000, TargetExhibitors: 320, TargetOrgs: 160, TargetStands: 175,
			Status: fair.Closed,
			LegalBasis: mltext.Text{
				AR: "تفعيل الاختصاص الذاتي للجهة المتعلق بإنعاش الاقتصاد الاجتماعي والمنتجات الجهوية، وتنزيل الاستراتيجية الوطنية للوزارة",
				FR: "Compétence propre de la région en matière de promotion de l'économie sociale et des produits régionaux ; stratégie nationale du ministère",
			},
			About: mltext.Text{
				AR: "منصة لتسويق المنتجات المجالية والتمكين الاقتصادي للمرأة والشباب في الوسط القروي: 160 هيئة مهنية (80 تعاونية للصناعة التقليدية و80 للمنتوجات المجالية) يمثلها حوالي 320 عارضة وعارض، و15 رواقا مؤسساتيا، مع دورات تكوينية وورشات علمية، وورشات لمراحل الإنتاج، وعروض موسيقية وفلكلورية وتكريم التعاونيات الرائدة.",
				FR: "Une vitrine des produits du terroir et de l'autonomisation économique des femmes et des jeunes ruraux : 160 organisations (80 coopératives d'artisanat et 80 de produits du terroir) représentées par quelque 320 exposantes et exposants, 15 stands institutionnels, des formations et ateliers, des démonstrations des étapes de production, des spectacles de musique et de folklore et la distinction de coopératives pionnières.",
			},
			Partners: []fair.Partnership{
				{Name: mltext.Text{AR: "مجلس جهة درعة تافيلالت", FR: "Conseil de la région Drâa-Tafilalet"}, Role: fair.Organiser,
					Convention: "اتفاقية مجلس الجهة – الوزارة – الولاية"},
				{Name: mltext.Text{
					AR: "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني، كتابة الدولة المكلفة بالصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
					FR: "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire – Secrétariat d'État chargé de l'Artisanat et de l'Économie sociale et solidaire",
				}, Role: fair.Partner, Convention: "اتفاقية مجلس الجهة – الوزارة – الولاية"},
				{Name: mltext.Text{AR: "ولاية جهة درعة تافيلالت", FR: "Wilaya de la région Drâa-Tafilalet"}, Role: fair.Partner,
					Convention: "اتفاقية مجلس الجهة – الوزارة – الولاية"},
			},
			Spaces: []fair.Space{
				{Kind: fair.ProductsPole, Name: mltext.Text{AR: "فضاء لعرض وتسويق المنتجات المجالية", FR: "Espace d'exposition et de vente des produits du terroir"}, Stands: 160},
				{Kind: fair.InstitutionalPole, Name: mltext.Text{AR: "الفضاء المؤسساتي", FR: "Espace institutionnel"}, Stands: 15},
				{Kind: fair.TrainingRoom, Name: mltext.Text{AR: "فضاء الورشات التكوينية", FR: "Espace des ateliers de formation"}},
				{Kind: fair.DemoSpace, Name: mltext.Text{AR: "فضاء ورشات مراحل الإنتاج", FR: "Espace des démonstrations de production"}},
				{Kind: fair.Stage},
			},
		},
	}
}
