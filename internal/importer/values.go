package importer

import (
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// The words councils write for each legal form, sector, category and programme, in
// Arabic, French and English. The catalog labels (org.legal_form.*, taxonomy.*) and the
// codes themselves are added to these lists, so an export always reads back.

var legalFormWords = map[org.LegalForm][]string{
	org.Cooperative: {"تعاونية", "تعاونيات", "تعاونية فلاحية", "تعاونية حرفية", "coopérative", "cooperative", "coop",
		"coopérative agricole", "coopérative artisanale", "scoop"},
	org.CooperativeUnion: {"اتحاد التعاونيات", "اتحاد تعاونيات", "اتحاد", "union de coopératives", "union des coopératives",
		"union", "cooperative union", "union of cooperatives"},
	org.Association: {"جمعية", "جمعيات", "جمعية تنموية", "association", "assoc", "asso", "ass"},
	org.EconomicGroup: {"مجموعة ذات نفع اقتصادي", "مجموعة النفع الاقتصادي", "مجموعات ذات النفع الاقتصادي", "gie", "g i e",
		"groupement d'intérêt économique", "groupement", "economic interest group"},
	org.Mutual:           {"تعاضدية", "mutuelle", "mutual"},
	org.SocialEnterprise: {"مقاولة اجتماعية", "المقاولة الاجتماعية", "entreprise sociale", "social enterprise"},
	org.Artisan:          {"صانع تقليدي", "صانعة تقليدية", "حرفي", "حرفية", "صانع", "artisan", "artisane"},
	org.PublicBody:       {"مؤسسة عمومية", "établissement public", "public body", "partenaire"},
	org.EntraideCentre:   {"التعاون الوطني", "مركز التعاون الوطني", "entraide nationale", "centre de l'entraide nationale"},
	org.PrisonInstitution: {"مؤسسة سجنية", "المندوبية العامة لإدارة السجون", "établissement pénitentiaire", "prison",
		"prison institution"},
	org.ForeignGuest: {"ضيف أجنبي", "invité étranger", "foreign guest", "étranger"},
}

var sectorWords = map[taxonomy.Sector][]string{
	taxonomy.Handicraft: {"الصناعة التقليدية", "الصناعات التقليدية", "صناعة تقليدية", "الحرف", "الحرف اليدوية", "حرفي",
		"artisanat", "artisanal", "handicraft", "crafts", "craft"},
	taxonomy.LocalProducts: {"المنتوجات المجالية", "المنتجات المجالية", "المنتوجات المحلية", "المنتجات المحلية",
		"منتوجات مجالية", "الفلاحة", "فلاحي", "الصناعة الغذائية", "produits du terroir", "terroir", "produits locaux",
		"agroalimentaire", "agriculture", "agricole", "local products"},
	taxonomy.NaturalCosmetics: {"منتجات التجميل الطبيعية", "مستحضرات التجميل", "التجميل", "مواد التجميل",
		"cosmétiques naturels", "cosmétique", "cosmétiques", "cosmetics", "natural cosmetics"},
	taxonomy.Services: {"الخدمات", "خدمات", "services", "service"},
}

var categoryWords = map[string][]string{
	"weaving_carpets":       {"النسيج", "الزرابي", "زربية", "الزربية", "الدرازة", "النسيج والزرابي", "tissage", "tapis", "zerbia", "weaving", "carpets", "rugs"},
	"pottery":               {"الفخار", "الخزف", "poterie", "céramique", "pottery", "ceramics"},
	"woodwork":              {"النجارة", "الخشب", "النقش على الخشب", "menuiserie", "bois", "ébénisterie", "marqueterie", "woodwork"},
	"leather":               {"الجلد", "الجلود", "الدباغة", "البلغة", "cuir", "maroquinerie", "babouches", "leather"},
	"sewing":                {"الخياطة", "الخياطة التقليدية", "couture", "confection", "sewing"},
	"embroidery_caftan":     {"الطرز", "التطريز", "القفطان", "الطرز والقفطان", "broderie", "caftan", "embroidery"},
	"passementerie_buttons": {"العقاد", "الأزرار", "السفيفة", "العقاد والأزرار", "passementerie", "boutons", "buttons"},
	"basketry":              {"الدوم", "الصناعات الدومية", "السلالة", "الحلفاء", "vannerie", "osier", "basketry"},
	"metalwork":             {"النحاس", "الحدادة", "الصناعات النحاسية", "dinanderie", "ferronnerie", "cuivre", "metalwork"},
	"jewellery":             {"الحلي", "المجوهرات", "الفضة", "bijoux", "bijou", "bijouterie", "jewellery", "jewelry"},
	"other_handicraft":      {"صناعات تقليدية أخرى", "autre artisanat", "other handicraft"},
	"honey":                 {"العسل", "عسل", "النحل", "تربية النحل", "النحالة", "miel", "apiculture", "honey", "beekeeping"},
	"olive_oil":             {"زيت الزيتون", "الزيتون", "huile d'olive", "olive", "olives", "oléiculture", "olive oil"},
	"argan":                 {"الأركان", "أركان", "زيت الأركان", "argan", "huile d'argan"},
	"figs":                  {"التين", "تين", "التين المجفف", "figues", "figue", "figs"},
	"dates":                 {"التمور", "التمر", "النخيل", "dattes", "datte", "dates"},
	"prickly_pear_cactus":   {"الصبار", "الهندية", "الهندي", "التين الشوكي", "figue de barbarie", "figues de barbarie", "cactus", "prickly pear", "opuntia"},
	"aromatic_medicinal_herbs": {"الأعشاب الطبية", "الأعشاب العطرية", "الأعشاب الطبية والعطرية", "النباتات الطبية",
		"النباتات العطرية والطبية", "النباتات الطبية والعطرية", "الأعشاب", "plantes aromatiques", "plantes médicinales",
		"plantes aromatiques et médicinales", "pam", "herbes", "aromatic herbs", "medicinal herbs", "herbs"},
	"saffron":              {"الزعفران", "زعفران", "safran", "saffron"},
	"couscous_cereals":     {"الكسكس", "الحبوب", "المعجنات", "العجائن", "couscous", "céréales", "pâtes", "cereals"},
	"dairy":                {"الحليب", "منتجات الحليب", "الألبان", "الأجبان", "الجبن", "lait", "produits laitiers", "fromage", "dairy"},
	"amlou":                {"أملو", "املو", "amlou"},
	"other_local_products": {"منتوجات مجالية أخرى", "autres produits du terroir", "other local products"},
	"soap":                 {"الصابون", "الصابون البلدي", "savon", "savon beldi", "soap"},
	"cosmetic_oils":        {"الزيوت التجميلية", "زيوت تجميلية", "huiles cosmétiques", "cosmetic oils"},
	"herbal_cosmetics":     {"مستحضرات تجميل بالأعشاب", "الغاسول", "cosmétiques aux plantes", "ghassoul", "herbal cosmetics"},
	"catering":             {"الطبخ", "التغذية", "الممون", "الطبخ والتغذية", "traiteur", "restauration", "catering"},
	"rural_tourism":        {"السياحة القروية", "السياحة الجبلية", "الإيواء", "tourisme rural", "gîte", "rural tourism"},
	"other_services":       {"خدمات أخرى", "autres services", "other services"},
}

var programmeWords = map[taxonomy.Programme][]string{
	taxonomy.INDH:           {"المبادرة الوطنية للتنمية البشرية", "المبادرة", "indh", "initiative nationale pour le développement humain"},
	taxonomy.Mourafaka:      {"مرافقة", "برنامج مرافقة", "mourafaka", "mourafaka"},
	taxonomy.Mouazara:       {"مؤازرة", "برنامج مؤازرة", "mouazara", "mouwazara"},
	taxonomy.WomenArtisans:  {"التمكين الاقتصادي للنساء الحرفيات", "النساء الحرفيات", "femmes artisanes", "women artisans"},
	taxonomy.OtherProgramme: {"برنامج آخر", "أخرى", "autre", "autre programme", "other"},
}

// Booleans; check marks are read before folding, which drops symbols.
var trueWords = []string{"نعم", "اجل", "صحيح", "x", "oui", "o", "yes", "y", "1", "true", "vrai", "v"}
var falseWords = []string{"لا", "كلا", "non", "n", "no", "0", "false", "faux"}
var trueMarks, falseMarks = "✓✔☑✅", "✗✘☒❌"

type vocabularies struct {
	legalForms, sectors, categories, programmes *vocab
	bools                                       map[string]bool
}

var vocabs = sync.OnceValue(func() *vocabularies {
	v := &vocabularies{legalForms: newVocab(), sectors: newVocab(), categories: newVocab(), programmes: newVocab(),
		bools: map[string]bool{}}
	for _, f := range org.LegalForms {
		v.legalForms.add(string(f), append(labels("org.legal_form."+string(f)), append(legalFormWords[f], codeWords(string(f)))...)...)
	}
	for _, s := range taxonomy.Sectors {
		v.sectors.add(string(s), append(labels("taxonomy.sector."+string(s)), append(sectorWords[s], codeWords(string(s)))...)...)
	}
	for _, c := range taxonomy.Categories {
		v.categories.add(c.Code, append(labels("taxonomy.category."+c.Code), append(categoryWords[c.Code], codeWords(c.Code))...)...)
	}
	for _, p := range taxonomy.Programmes {
		v.programmes.add(string(p), append(labels("taxonomy.programme."+string(p)), append(programmeWords[p], codeWords(string(p)))...)...)
	}
	for _, vv := range []*vocab{v.legalForms, v.sectors, v.categories, v.programmes} {
		vv.sort()
	}
	for _, w := range trueWords {
		v.bools[strings.Join(words(w), " ")] = true
	}
	for _, w := range falseWords {
		v.bools[strings.Join(words(w), " ")] = false
	}
	return v
})

// codeWords is a code as words ("olive_oil" → "olive oil").
func codeWords(code string) string { return strings.ReplaceAll(code, "_", " ") }
