package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The generator writes names the way the registry holds them: Arabic always, French
// usually, with the spelling variants people really type (hamza or not, ة or ه, ى or ي,
// "Coopérative" or "Cooperative" or "COOP."), legal-form words, cooperative name words,
// activities and Moroccan places.

// nameWord is a cooperative name word in Arabic (with its variants) and French.
type nameWord struct {
	ar []string
	fr []string
}

var nameWords = []nameWord{
	{[]string{"الأمل", "الامل"}, []string{"Al Amal", "El Amal"}},
	{[]string{"النور"}, []string{"Annour", "En-Nour"}},
	{[]string{"الخير"}, []string{"Al Khair", "El Kheir"}},
	{[]string{"البركة", "البركه"}, []string{"Al Baraka", "Baraka"}},
	{[]string{"الفلاح"}, []string{"Al Falah", "El Fellah"}},
	{[]string{"الوفاء"}, []string{"Al Wafae", "El Wafa"}},
	{[]string{"النجاح"}, []string{"Ennajah", "Najah"}},
	{[]string{"الإخلاص", "الاخلاص"}, []string{"Al Ikhlass"}},
	{[]string{"التقدم"}, []string{"Attakaddoum"}},
	{[]string{"الازدهار", "الإزدهار"}, []string{"Al Izdihar"}},
	{[]string{"الرحمة", "الرحمه"}, []string{"Errahma"}},
	{[]string{"السلام"}, []string{"Assalam", "Salam"}},
	{[]string{"الفتح"}, []string{"Al Fath"}},
	{[]string{"الهدى", "الهدي"}, []string{"Al Houda"}},
	{[]string{"الصفاء"}, []string{"Assafae"}},
	{[]string{"الوحدة", "الوحده"}, []string{"Al Wahda"}},
	{[]string{"التضامن"}, []string{"Attadamoun", "Solidarité"}},
	{[]string{"الأمان", "الامان"}, []string{"Al Amane"}},
	{[]string{"الريان"}, []string{"Errayane"}},
	{[]string{"الشروق"}, []string{"Achourouk"}},
	{[]string{"الفجر"}, []string{"Al Fajr"}},
	{[]string{"الأطلس", "الاطلس"}, []string{"Atlas", "Al Atlas"}},
	{[]string{"الزيتونة", "الزيتونه"}, []string{"Zitouna"}},
	{[]string{"النخلة", "النخله"}, []string{"Annakhla"}},
	{[]string{"الواحة", "الواحه"}, []string{"Al Waha", "L'Oasis"}},
	{[]string{"الجبل"}, []string{"Al Jabal"}},
	{[]string{"السنبلة", "السنبله"}, []string{"Assounboula", "L'Épi"}},
	{[]string{"الورود"}, []string{"Al Wouroud", "Les Roses"}},
	{[]string{"الياسمين"}, []string{"Yasmine"}},
	{[]string{"الأملاح", "الاملاح"}, []string{"Al Amlah"}},
	{[]string{"الآمال", "الامال"}, []string{"Al Amal"}},
	{[]string{"تيفاوين"}, []string{"Tifawin"}},
	{[]string{"أمود", "امود"}, []string{"Amoud"}},
	{[]string{"تودرت"}, []string{"Toudert"}},
	{[]string{"أسيف", "اسيف"}, []string{"Assif"}},
	{[]string{"تامونت"}, []string{"Tamount"}},
	{[]string{"إيمان", "ايمان"}, []string{"Imane"}},
	{[]string{"أزور", "ازور"}, []string{"Azour"}},
	{[]string{"تافسوت"}, []string{"Tafsout"}},
	{[]string{"تيليلا"}, []string{"Tilila"}},
	{[]string{"نساء المستقبل"}, []string{"Femmes de l'avenir"}},
	{[]string{"شباب الغد"}, []string{"Jeunes de demain"}},
	{[]string{"المرأة القروية", "المراة القرويه"}, []string{"Femme rurale"}},
	{[]string{"أيادي الخير", "ايادي الخير"}, []string{"Mains de bienfaisance"}},
	{[]string{"الصناعة الأصيلة"}, []string{"Artisanat authentique"}},
}

// legalWord is how an organisation's name starts, by legal form.
var legalWords = map[string]struct{ ar, fr []string }{
	"cooperative":             {[]string{"تعاونية", "تعاونيه", "التعاونية"}, []string{"Coopérative", "Cooperative", "COOPERATIVE", "Coop."}},
	"association":             {[]string{"جمعية", "جمعيه"}, []string{"Association", "Assoc."}},
	"economic_interest_group": {[]string{"مجموعة ذات النفع الاقتصادي"}, []string{"GIE"}},
	"cooperative_union":       {[]string{"اتحاد تعاونيات", "اتحاد التعاونيات"}, []string{"Union des coopératives"}},
	"artisan":                 {[]string{"الصانع", "المعلم"}, []string{"Artisan", "Maâlem"}},
}

var legalForms = []string{"cooperative", "cooperative", "cooperative", "cooperative", "cooperative", "cooperative",
	"association", "association", "economic_interest_group", "cooperative_union", "artisan"}

// product is a kind of product of a category, in Arabic and French.
type product struct{ ar, fr string }

// category is a taxonomy category with its sector, its activity word for
// organisation names, and the products it sells.
type category struct {
	code, sector   string
	activityAR     []string
	activityFR     string
	products       []product
	unit           string
	priceLo, price int // dirhams
}

var categories = []category{
	{"honey", "local_products", []string{"للعسل", "لإنتاج العسل", "لتربية النحل"}, "du miel", []product{
		{"عسل الزعتر", "Miel de thym"}, {"عسل السدر", "Miel de jujubier"}, {"عسل الدغموس", "Miel d'euphorbe"},
		{"عسل الخروب", "Miel de caroube"}, {"عسل البرتقال", "Miel d'oranger"}, {"عسل الكاليتوس", "Miel d'eucalyptus"},
		{"عسل حر", "Miel pur"}, {"عسل الزعتر الجبلي", "Miel de thym de montagne"}}, "kg", 120, 400},
	{"olive_oil", "local_products", []string{"للزيتون", "لإنتاج زيت الزيتون"}, "de l'olive", []product{
		{"زيت الزيتون البكر الممتاز", "Huile d'olive extra vierge"}, {"زيت الزيتون", "Huile d'olive"}, {"زيتون مصبر", "Olives de table"},
		{"زيتون أسود", "Olives noires"}}, "litre", 50, 90},
	{"argan", "local_products", []string{"للأركان", "لإنتاج زيت الأركان"}, "de l'argan", []product{
		{"زيت الأركان الغذائي", "Huile d'argan alimentaire"}, {"زيت أركان محمص", "Huile d'argan torréfiée"}}, "litre", 250, 450},
	{"amlou", "local_products", []string{"للأملو"}, "d'amlou", []product{{"أملو باللوز", "Amlou aux amandes"}, {"أملو تقليدي", "Amlou traditionnel"}}, "box", 60, 120},
	{"figs", "local_products", []string{"للتين", "لتثمين التين"}, "de la figue", []product{
		{"تين مجفف", "Figues sèches"}, {"مربى التين", "Confiture de figues"}, {"تين بلدي", "Figues beldi"}}, "kg", 40, 90},
	{"dates", "local_products", []string{"للتمور"}, "des dattes", []product{
		{"تمر المجهول", "Dattes Medjool"}, {"تمر بوفقوس", "Dattes Boufeggous"}, {"معجون التمر", "Pâte de dattes"}}, "kg", 40, 160},
	{"prickly_pear_cactus", "local_products", []string{"للصبار", "لتثمين الهندية"}, "du cactus", []product{
		{"زيت بذور الصبار", "Huile de pépins de figue de Barbarie"}, {"مربى الهندية", "Confiture de figue de Barbarie"}}, "ml", 30, 900},
	{"aromatic_medicinal_herbs", "local_products", []string{"للأعشاب الطبية والعطرية", "للنباتات العطرية"}, "des plantes aromatiques", []product{
		{"الزعتر البري", "Thym sauvage"}, {"إكليل الجبل", "Romarin"}, {"الخزامى", "Lavande"}, {"الشيبة", "Absinthe"}, {"النعناع", "Menthe"}}, "g", 10, 60},
	{"saffron", "local_products", []string{"للزعفران"}, "du safran", []product{{"زعفران تالوين", "Safran de Taliouine"}, {"زعفران حر", "Safran pur"}}, "g", 30, 60},
	{"couscous_cereals", "local_products", []string{"للكسكس", "للحبوب"}, "du couscous", []product{
		{"كسكس الشعير", "Couscous d'orge"}, {"كسكس بالقمح الكامل", "Couscous au blé complet"}, {"البركوكش", "Berkoukech"}, {"دقيق الذرة", "Farine de maïs"}}, "kg", 20, 50},
	{"dairy", "local_products", []string{"للحليب", "لمشتقات الحليب"}, "du lait", []product{
		{"جبن الماعز", "Fromage de chèvre"}, {"السمن البلدي", "Smen beldi"}, {"زبدة بلدية", "Beurre beldi"}}, "kg", 60, 200},
	{"soap", "natural_cosmetics", []string{"للصابون"}, "du savon", []product{
		{"صابون بلدي", "Savon noir"}, {"صابون بالأركان", "Savon à l'argan"}, {"صابون بالغاسول", "Savon au ghassoul"}}, "piece", 15, 40},
	{"cosmetic_oils", "natural_cosmetics", []string{"للزيوت التجميلية"}, "des huiles cosmétiques", []product{
		{"زيت الأركان التجميلي", "Huile d'argan cosmétique"}, {"زيت اللوز الحلو", "Huile d'amande douce"}}, "ml", 60, 200},
	{"herbal_cosmetics", "natural_cosmetics", []string{"لمستحضرات التجميل"}, "des cosmétiques naturels", []product{
		{"غاسول", "Ghassoul"}, {"ماء الورد", "Eau de rose"}, {"حناء", "Henné"}}, "box", 20, 80},
	{"weaving_carpets", "handicraft", []string{"للنسيج", "للزرابي", "للنسيج التقليدي"}, "du tissage", []product{
		{"زربية أمازيغية", "Tapis amazigh"}, {"حنبل", "Hanbel"}, {"زربية الأطلس", "Tapis du Moyen Atlas"}, {"زربية رباطية", "Tapis de Rabat"}}, "square_metre", 400, 2500},
	{"pottery", "handicraft", []string{"للفخار"}, "de la poterie", []product{
		{"طاجين فخاري", "Tajine en terre cuite"}, {"جرة", "Jarre"}, {"مزهرية", "Vase"}}, "piece", 40, 300},
	{"woodwork", "handicraft", []string{"للنجارة", "لخشب العرعار"}, "du bois", []product{
		{"صندوق من خشب العرعار", "Coffret en thuya"}, {"طاولة منقوشة", "Table sculptée"}}, "piece", 100, 1500},
	{"leather", "handicraft", []string{"للجلد", "للدباغة"}, "du cuir", []product{
		{"بلغة", "Babouches"}, {"حقيبة جلدية", "Sac en cuir"}, {"محفظة", "Portefeuille"}}, "piece", 80, 600},
	{"embroidery_caftan", "handicraft", []string{"للخياطة والطرز", "للقفطان"}, "de la couture", []product{
		{"قفطان", "Caftan"}, {"جلابة", "Djellaba"}, {"تكشيطة", "Takchita"}, {"طرز فاسي", "Broderie de Fès"}}, "piece", 500, 5000},
	{"passementerie_buttons", "handicraft", []string{"للعقاد", "للسفيفة"}, "de la passementerie", []product{
		{"عقاد", "Boutons sfifa"}, {"سفيفة", "Sfifa"}}, "set", 20, 150},
	{"basketry", "handicraft", []string{"للدوم", "للصناعات الدومية"}, "de la vannerie", []product{
		{"قفة من الدوم", "Panier en doum"}, {"طبق", "Tbak"}}, "piece", 30, 150},
	{"metalwork", "handicraft", []string{"للنحاس"}, "du cuivre", []product{
		{"صينية نحاسية", "Plateau en cuivre"}, {"فانوس", "Lanterne"}, {"إبريق", "Théière"}}, "piece", 100, 900},
	{"jewellery", "handicraft", []string{"للحلي"}, "des bijoux", []product{{"حلي فضية", "Bijoux en argent"}, {"خلالة", "Fibule"}}, "piece", 150, 1500},
	{"catering", "services", []string{"للطبخ", "للتغذية"}, "de la cuisine", []product{
		{"وجبة تقليدية", "Repas traditionnel"}, {"حلويات مغربية", "Pâtisseries marocaines"}, {"خبز بلدي", "Pain beldi"}}, "service", 30, 150},
	{"rural_tourism", "services", []string{"للسياحة القروية"}, "du tourisme rural", []product{
		{"مبيت في دار الضيافة", "Nuitée en gîte"}, {"جولة في الجبل", "Randonnée en montagne"}}, "service", 200, 600},
}

// places are villages and towns whose names cooperatives take.
var places = []struct{ ar, fr string }{
	{"صفرو", "Sefrou"}, {"إيموزار", "Imouzzer"}, {"أزرو", "Azrou"}, {"تازة", "Taza"}, {"ورزازات", "Ouarzazate"},
	{"تنغير", "Tinghir"}, {"تالوين", "Taliouine"}, {"إملشيل", "Imilchil"}, {"خنيفرة", "Khénifra"}, {"شفشاون", "Chefchaouen"},
	{"زاكورة", "Zagora"}, {"تافراوت", "Tafraout"}, {"أكادير", "Agadir"}, {"الصويرة", "Essaouira"}, {"بني ملال", "Béni Mellal"},
	{"ميدلت", "Midelt"}, {"الريش", "Rich"}, {"أزيلال", "Azilal"}, {"تارودانت", "Taroudant"}, {"فكيك", "Figuig"},
}

// provinces are the codes of the 75 prefectures and provinces, filled from the database.
var provinces []string

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// orgRecord is a generated organisation.
type orgRecord struct {
	id                 int64
	legalForm          string
	nameAR, nameFR     string
	province, sector   string
	categories         []string
	womenLed, youthLed bool
	ice, register      string
}

func genOrganisation(r *rand.Rand, id int64) orgRecord {
	lf := pick(r, legalForms)
	lw := legalWords[lf]
	cat := pick(r, categories)
	w := pick(r, nameWords)
	o := orgRecord{id: id, legalForm: lf, province: pick(r, provinces), sector: cat.sector, categories: []string{cat.code},
		womenLed: r.IntN(3) == 0, youthLed: r.IntN(4) == 0}
	ar := []string{pick(r, lw.ar), pick(r, w.ar)}
	fr := []string{pick(r, lw.fr), pick(r, w.fr)}
	switch r.IntN(6) {
	case 0, 1:
		ar = append(ar, pick(r, cat.activityAR))
		fr = append(fr, cat.activityFR)
	case 2:
		p := pick(r, places)
		ar = append(ar, p.ar)
		fr = append(fr, p.fr)
	case 3:
		w2 := pick(r, nameWords)
		ar = append(ar, pick(r, w2.ar))
		fr = append(fr, pick(r, w2.fr))
	}
	if r.IntN(3) == 0 {
		other := pick(r, categories)
		if other.sector == cat.sector && other.code != cat.code {
			o.categories = append(o.categories, other.code)
		}
	}
	o.nameAR = strings.Join(ar, " ")
	if r.IntN(8) != 0 {
		o.nameFR = strings.Join(fr, " ")
	}
	if lf == "cooperative" || lf == "cooperative_union" {
		o.register = fmt.Sprintf("%d/%d", r.IntN(900)+1, 2005+r.IntN(20))
		if r.IntN(2) == 0 {
			o.ice = ice(r)
		}
	}
	return o
}

// ice makes a valid ICE: 13 digits and a key making the number a multiple of 97.
func ice(r *rand.Rand) string {
	base := fmt.Sprintf("%013d", r.Int64N(1e13))
	rem := 0
	for _, c := range base + "00" {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return base + fmt.Sprintf("%02d", (97-rem)%97)
}

// productRecord is a generated product.
type productRecord struct {
	orgID              int64
	nameAR, nameFR     string
	category           string
	priceMin, priceMax int64
	unit               string
	available          bool
}

var qualifiers = []struct{ ar, fr string }{
	{"بلدي", "beldi"}, {"طبيعي", "naturel"}, {"عضوي", "bio"}, {"ممتاز", "extra"}, {"تقليدي", "traditionnel"},
}

func genProduct(r *rand.Rand, o *orgRecord) productRecord {
	code := pick(r, o.categories)
	var cat category
	for _, c := range categories {
		if c.code == code {
			cat = c
		}
	}
	p := pick(r, cat.products)
	rec := productRecord{orgID: o.id, nameAR: p.ar, nameFR: p.fr, category: cat.code, unit: cat.unit, available: r.IntN(5) != 0}
	switch r.IntN(5) {
	case 0:
		q := pick(r, qualifiers)
		rec.nameAR += " " + q.ar
		rec.nameFR += " " + q.fr
	case 1:
		pl := pick(r, places)
		rec.nameAR += " " + pl.ar
		rec.nameFR += " de " + pl.fr
	}
	if r.IntN(6) == 0 {
		rec.nameFR = ""
	}
	if r.IntN(4) != 0 {
		rec.priceMin = int64(cat.priceLo+r.IntN(cat.price-cat.priceLo+1)) * 100
		if r.IntN(4) == 0 {
			rec.priceMax = rec.priceMin + int64(r.IntN(cat.price)+1)*100
		}
	}
	return rec
}
