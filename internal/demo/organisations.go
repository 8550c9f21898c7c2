package demo

import (
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// Organisations is a small registry of plausible producers from every region, of the
// sectors and legal forms the seeds name. The names are typical of Moroccan cooperatives;
// any likeness to a real body is coincidence.
func Organisations() []org.Organisation {
	type row struct {
		form     org.LegalForm
		ar, fr   string
		province string
		sector   taxonomy.Sector
		women    bool
		youth    bool
		cats     []string
	}
	rows := []row{
		{org.Cooperative, "تعاونية الأمل للعسل", "Coopérative Al Amal du miel", "451", taxonomy.LocalProducts, false, true, []string{"honey"}},
		{org.Cooperative, "تعاونية نساء صفرو للتين", "Coopérative des femmes de Sefrou pour les figues", "451", taxonomy.LocalProducts, true, false, []string{"figs"}},
		{org.Cooperative, "تعاونية الأزرار الصفروية", "Coopérative des boutons de Sefrou", "451", taxonomy.Handicraft, true, false, []string{"passementerie_buttons"}},
		{org.Cooperative, "تعاونية النجارة التقليدية بفاس", "Coopérative de menuiserie traditionnelle de Fès", "231", taxonomy.Handicraft, false, false, []string{"woodwork"}},
		{org.Cooperative, "تعاونية الدرازة الفاسية", "Coopérative de tissage fassi", "231", taxonomy.Handicraft, false, true, []string{"weaving_carpets"}},
		{org.Association, "جمعية القفطان المغربي للخياطة والطرز", "Association du caftan marocain (couture et broderie)", "061", taxonomy.Handicraft, true, false, []string{"embroidery_caftan", "sewing"}},
		{org.Cooperative, "تعاونية زيت الزيتون تاونات", "Coopérative d'huile d'olive de Taounate", "531", taxonomy.LocalProducts, false, false, []string{"olive_oil"}},
		{org.Cooperative, "تعاونية الصبار تازة", "Coopérative du cactus de Taza", "561", taxonomy.LocalProducts, true, true, []string{"prickly_pear_cactus"}},
		{org.Cooperative, "تعاونية الأعشاب الطبية إفران", "Coopérative des plantes médicinales d'Ifrane", "271", taxonomy.NaturalCosmetics, true, false, []string{"aromatic_medicinal_herbs", "herbal_cosmetics"}},
		{org.EconomicGroup, "مجموعة ذات نفع اقتصادي أرز الأطلس", "GIE Cèdre de l'Atlas", "171", taxonomy.LocalProducts, false, false, []string{"honey", "aromatic_medicinal_herbs"}},
		{org.Cooperative, "تعاونية تيسليت للزرابي", "Coopérative Tislit des tapis", "301", taxonomy.Handicraft, true, false, []string{"weaving_carpets"}},
		{org.Cooperative, "تعاونية عسل الأطلس أزيلال", "Coopérative du miel de l'Atlas d'Azilal", "081", taxonomy.LocalProducts, false, true, []string{"honey"}},
		{org.Mutual, "تعاضدية الصناع التقليديين ببني ملال", "Mutuelle des artisans de Béni Mellal", "091", taxonomy.Services, false, false, []string{"other_services"}},
		{org.SocialEnterprise, "مقاولة اجتماعية دير الخدمات", "Entreprise sociale Dir Services", "311", taxonomy.Services, false, true, []string{"catering"}},
		{org.Cooperative, "تعاونية الورود قلعة مكونة", "Coopérative des roses de Kelâat M'Gouna", "577", taxonomy.NaturalCosmetics, true, false, []string{"cosmetic_oils"}},
		{org.Cooperative, "تعاونية تمور سجلماسة", "Coopérative des dattes de Sijilmassa", "201", taxonomy.LocalProducts, false, false, []string{"dates"}},
		{org.Cooperative, "تعاونية الزعفران تالوين", "Coopérative du safran de Taliouine", "541", taxonomy.LocalProducts, true, false, []string{"saffron"}},
		{org.Cooperative, "تعاونية أركان تمنار", "Coopérative d'argan de Tamanar", "211", taxonomy.NaturalCosmetics, true, false, []string{"argan", "cosmetic_oils"}},
		{org.Cooperative, "تعاونية أملو سوس", "Coopérative d'amlou du Souss", "001", taxonomy.LocalProducts, true, true, []string{"amlou"}},
		{org.Association, "جمعية الفخار التقليدي بآسفي", "Association de la poterie traditionnelle de Safi", "431", taxonomy.Handicraft, false, false, []string{"pottery"}},
		{org.Cooperative, "تعاونية الحلي الفضية تيزنيت", "Coopérative des bijoux en argent de Tiznit", "581", taxonomy.Handicraft, false, true, []string{"jewellery"}},
		{org.Cooperative, "تعاونية الجلد مراكش", "Coopérative du cuir de Marrakech", "351", taxonomy.Handicraft, false, false, []string{"leather"}},
		{org.Cooperative, "تعاونية الكسكس البلدي شفشاون", "Coopérative du couscous beldi de Chefchaouen", "151", taxonomy.LocalProducts, true, false, []string{"couscous_cereals"}},
		{org.Cooperative, "تعاونية جبن الماعز شفشاون", "Coopérative du fromage de chèvre de Chefchaouen", "151", taxonomy.LocalProducts, true, false, []string{"dairy"}},
		{org.Cooperative, "تعاونية السلالة الدومية العرائش", "Coopérative de vannerie en doum de Larache", "331", taxonomy.Handicraft, true, false, []string{"basketry"}},
		{org.Cooperative, "تعاونية العسل الحر بركان", "Coopérative du miel pur de Berkane", "113", taxonomy.LocalProducts, false, false, []string{"honey"}},
		{org.Association, "جمعية نساء فجيج للتمور", "Association des femmes de Figuig pour les dattes", "251", taxonomy.LocalProducts, true, false, []string{"dates"}},
		{org.Cooperative, "تعاونية الحليب الخميسات", "Coopérative laitière de Khémisset", "291", taxonomy.LocalProducts, false, false, []string{"dairy"}},
		{org.Cooperative, "تعاونية النحاس سلا", "Coopérative de dinanderie de Salé", "441", taxonomy.Handicraft, false, true, []string{"metalwork"}},
		{org.EconomicGroup, "مجموعة ذات نفع اقتصادي منتجات الغرب", "GIE Produits du Gharb", "281", taxonomy.LocalProducts, false, false, []string{"olive_oil", "couscous_cereals"}},
		{org.Cooperative, "تعاونية الطرز الرباطي", "Coopérative de broderie rbatie", "421", taxonomy.Handicraft, true, false, []string{"embroidery_caftan"}},
		{org.Cooperative, "تعاونية الصابون البلدي الجديدة", "Coopérative du savon beldi d'El Jadida", "181", taxonomy.NaturalCosmetics, true, true, []string{"soap"}},
		{org.EntraideCentre, "مركز التكوين بالتعاون الوطني الدار البيضاء", "Centre de formation de l'Entraide nationale de Casablanca", "141", taxonomy.Handicraft, true, false, []string{"sewing", "embroidery_caftan"}},
		{org.PrisonInstitution, "منتوجات المؤسسة السجنية بفاس", "Produits de l'établissement pénitentiaire de Fès", "231", taxonomy.Handicraft, false, false, []string{"woodwork", "weaving_carpets"}},
		{org.Cooperative, "تعاونية الصبار كلميم", "Coopérative du cactus de Guelmim", "261", taxonomy.LocalProducts, true, false, []string{"prickly_pear_cactus"}},
		{org.Cooperative, "تعاونية الملح الطبيعي العيون", "Coopérative du sel naturel de Laâyoune", "321", taxonomy.LocalProducts, false, true, []string{"other_local_products"}},
		{org.Cooperative, "تعاونية منتجات البحر الداخلة", "Coopérative des produits de la mer de Dakhla", "391", taxonomy.LocalProducts, true, false, []string{"other_local_products"}},
		{org.Artisan, "الصانع التقليدي محمد الزليجي", "Artisan Mohamed Zellige", "231", taxonomy.Handicraft, false, false, []string{"other_handicraft"}},
	}
	out := make([]org.Organisation, len(rows))
	for i, r := range rows {
		out[i] = org.Organisation{LegalForm: r.form, Name: mltext.Text{AR: r.ar, FR: r.fr}, ProvinceCode: r.province,
			Sector: r.sector, WomenLed: r.women, YouthLed: r.youth, Categories: r.cats}
	}
	return out
}
