package demo

import (
	"math/rand/v2"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
)

// productKind is a product commonly sold in a category, with the usual price range of a
// unit at Moroccan SSE fairs, in dirhams.
type productKind struct {
	ar, fr   string
	unit     org.Unit
	min, max int64 // dirhams
}

// productKinds are what the producers of each category sell. Prices are those seen on
// stands and in cooperatives' shops: a registry of plausible products, not a price list.
var productKinds = map[string][]productKind{
	"weaving_carpets": {{"زربية أمازيغية منسوجة يدويا", "Tapis amazigh tissé main", org.SquareMetre, 600, 1500},
		{"حنبل صوفي", "Hanbel en laine", org.Piece, 800, 2200}, {"وسادة منسوجة", "Coussin tissé", org.Piece, 150, 300}},
	"pottery": {{"طاجين فخاري", "Tajine en terre cuite", org.Piece, 80, 200}, {"آنية فخارية مزخرفة", "Vase en poterie décorée", org.Piece, 120, 400},
		{"صحن خزفي", "Plat en céramique", org.Piece, 60, 150}},
	"woodwork": {{"صندوق من خشب العرعار", "Coffret en thuya", org.Piece, 150, 600}, {"طاولة خشبية منقوشة", "Table basse sculptée", org.Piece, 1200, 3500},
		{"ملاعق خشبية", "Cuillères en bois", org.Set, 40, 90}},
	"leather": {{"بلغة جلدية", "Babouches en cuir", org.Piece, 150, 350}, {"حقيبة جلدية", "Sac en cuir", org.Piece, 350, 900},
		{"محفظة جلدية", "Portefeuille en cuir", org.Piece, 120, 250}},
	"sewing": {{"جلابة تقليدية", "Djellaba traditionnelle", org.Piece, 600, 1800}, {"فوقية رجالية", "Gandoura pour homme", org.Piece, 250, 600},
		{"قميص مطرز", "Chemise brodée", org.Piece, 200, 450}},
	"embroidery_caftan": {{"قفطان مطرز", "Caftan brodé", org.Piece, 2500, 8000}, {"تكشيطة", "Takchita", org.Piece, 3500, 12000},
		{"مفرش مطرز", "Nappe brodée", org.Piece, 300, 900}},
	"passementerie_buttons": {{"أزرار العقاد الحريرية", "Boutons en soie", org.Set, 50, 150}, {"سفيفة", "Galon sfifa", org.Metre, 20, 60}},
	"basketry": {{"سلة الدوم", "Panier en doum", org.Piece, 60, 180}, {"قفة تقليدية", "Couffin traditionnel", org.Piece, 80, 200},
		{"طبق الدوم", "Plateau en doum", org.Piece, 50, 120}},
	"metalwork": {{"صينية نحاسية", "Plateau en cuivre", org.Piece, 400, 1500}, {"فانوس نحاسي", "Lanterne en cuivre", org.Piece, 250, 900},
		{"مقراج نحاسي", "Bouilloire en cuivre", org.Piece, 300, 700}},
	"jewellery": {{"دملج فضي", "Bracelet en argent", org.Piece, 400, 1500}, {"خاتم فضي", "Bague en argent", org.Piece, 150, 500},
		{"خلالة فضية", "Fibule en argent", org.Piece, 500, 2000}},
	"other_handicraft": {{"زليج تقليدي", "Zellige traditionnel", org.SquareMetre, 400, 900}, {"مرآة مزخرفة بالزليج", "Miroir en zellige", org.Piece, 300, 800}},
	"honey": {{"عسل الزعتر", "Miel de thym", org.Kilogram, 250, 400}, {"عسل السدر", "Miel de jujubier", org.Kilogram, 400, 700},
		{"عسل الدغموس", "Miel d'euphorbe", org.Kilogram, 300, 500}, {"عسل الأزهار", "Miel toutes fleurs", org.Kilogram, 150, 250}},
	"olive_oil": {{"زيت الزيتون البكر الممتاز", "Huile d'olive extra vierge", org.Litre, 70, 110}, {"زيتون أسود مرقد", "Olives noires confites", org.Kilogram, 40, 70},
		{"زيتون أخضر بالحامض", "Olives vertes au citron", org.Kilogram, 30, 50}},
	"argan": {{"زيت الأركان الغذائي", "Huile d'argan alimentaire", org.Litre, 300, 450}, {"أملو بالأركان", "Amlou à l'argan", org.Box, 80, 150}},
	"figs":  {{"تين مجفف", "Figues sèches", org.Kilogram, 60, 120}, {"مربى التين", "Confiture de figues", org.Box, 35, 60}},
	"dates": {{"تمر المجهول", "Dattes Mejhoul", org.Kilogram, 90, 180}, {"تمر بوفقوس", "Dattes Boufeggous", org.Kilogram, 50, 90},
		{"عجينة التمر", "Pâte de dattes", org.Kilogram, 40, 70}},
	"prickly_pear_cactus": {{"زيت بذور الصبار", "Huile de pépins de figue de barbarie", org.Box, 150, 350},
		{"مربى الهندية", "Confiture de figue de barbarie", org.Box, 35, 60}},
	"aromatic_medicinal_herbs": {{"زعتر مجفف", "Thym séché", org.Kilogram, 80, 150}, {"إكليل الجبل المجفف", "Romarin séché", org.Kilogram, 60, 120},
		{"خليط أعشاب الشاي", "Mélange d'herbes pour le thé", org.Box, 25, 50}},
	"saffron": {{"زعفران حر", "Safran pur", org.Gram, 25, 40}},
	"couscous_cereals": {{"كسكس بلدي", "Couscous beldi", org.Kilogram, 25, 45}, {"كسكس الشعير", "Couscous d'orge", org.Kilogram, 20, 35},
		{"بلبولة", "Orge concassé (belboula)", org.Kilogram, 15, 25}},
	"dairy": {{"جبن الماعز", "Fromage de chèvre", org.Kilogram, 120, 200}, {"سمن بلدي", "Smen beldi", org.Kilogram, 120, 250},
		{"لبن", "Lben", org.Litre, 8, 12}},
	"amlou":                {{"أملو باللوز والأركان", "Amlou aux amandes et à l'argan", org.Box, 80, 150}, {"أملو بالكاوكاو", "Amlou aux cacahuètes", org.Box, 40, 70}},
	"other_local_products": {{"ملح طبيعي", "Sel naturel", org.Kilogram, 10, 25}, {"أخطبوط مجفف", "Poulpe séché", org.Kilogram, 150, 250}},
	"soap": {{"الصابون البلدي", "Savon beldi", org.Box, 25, 50}, {"صابون بالأعشاب", "Savon aux plantes", org.Piece, 20, 40},
		{"الغاسول", "Ghassoul", org.Box, 20, 45}},
	"cosmetic_oils": {{"زيت الأركان التجميلي", "Huile d'argan cosmétique", org.Box, 80, 150}, {"ماء الورد", "Eau de rose", org.Box, 30, 60},
		{"زيت اللوز الحلو", "Huile d'amande douce", org.Box, 50, 90}},
	"herbal_cosmetics": {{"كريم بالأعشاب", "Crème aux plantes", org.Box, 60, 120}, {"قناع الطين", "Masque à l'argile", org.Box, 40, 80}},
	"catering":         {{"وجبة كسكس تقليدي", "Repas de couscous traditionnel", org.Service, 80, 150}, {"حلويات مغربية", "Pâtisseries marocaines", org.Kilogram, 120, 220}},
	"rural_tourism":    {{"ليلة في دار الضيافة", "Nuit en maison d'hôtes", org.Service, 300, 600}, {"جولة مع مرشد محلي", "Randonnée avec un guide local", org.Service, 200, 400}},
	"other_services":   {{"ورشة تكوينية", "Atelier de formation", org.Service, 150, 400}},
}

// productsFor makes 1 to 5 products for an organisation from the kinds of its categories,
// with prices drawn around the usual range (rounded to 5 dirhams) and most of them
// available. rng makes the choice repeatable.
func productsFor(o *org.Organisation, rng *rand.Rand) []org.Product {
	var kinds []productKind
	var cats []string
	for _, c := range o.Categories {
		for _, k := range productKinds[c] {
			kinds, cats = append(kinds, k), append(cats, c)
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	n := min(1+rng.IntN(5), len(kinds))
	var out []org.Product
	for _, i := range rng.Perm(len(kinds))[:n] {
		k := kinds[i]
		lo := k.min + rng.Int64N(k.max-k.min+1)*2/3
		lo -= lo % 5
		p := org.Product{Name: mltext.Text{AR: k.ar, FR: k.fr}, Category: cats[i], Unit: k.unit, PriceMin: lo * 100,
			Available:   rng.IntN(10) != 0,
			Description: mltext.Text{AR: k.ar + " من إنتاج " + o.Name.AR + ".", FR: k.fr + ", produit par " + o.Name.FR + "."}}
		if rng.IntN(3) == 0 { // a range: sizes or qualities
			hi := lo + (k.max-lo)/2
			p.PriceMax = (hi - hi%5) * 100
		}
		out = append(out, p)
	}
	return out
}
