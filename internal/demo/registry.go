package demo

import (
	"fmt"

	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// registryPerProvince is how many generated organisations each province gets in the
// demo, so that every region has a realistic registry to browse, search and select from.
const registryPerProvince = 5

// nameWords are the words Moroccan cooperatives are commonly named after, with their
// usual French transliteration.
var nameWords = []struct{ ar, fr string }{
	{"الأمل", "Al Amal"}, {"النور", "Annour"}, {"الخير", "Al Khair"}, {"البركة", "Al Baraka"}, {"الفلاح", "Al Falah"},
	{"الوفاء", "Al Wafae"}, {"الصفاء", "Assafae"}, {"التضامن", "Attadamoun"}, {"الإخلاص", "Al Ikhlas"}, {"النجاح", "Annajah"},
	{"الرحمة", "Arrahma"}, {"السلام", "Assalam"}, {"تيفاوت", "Tifawt"}, {"تودرت", "Toudert"}, {"أسيف", "Assif"},
	{"تامونت", "Tamount"}, {"إيمان", "Imane"}, {"الزيتونة", "Zitouna"}, {"الواحة", "Al Waha"}, {"الجبل", "Al Jabal"},
}

// categoryWords name a cooperative after what it makes.
var categoryWords = map[string]struct{ ar, fr string }{
	"weaving_carpets": {"للنسيج والزرابي", "de tissage"}, "pottery": {"للفخار", "de poterie"},
	"woodwork": {"للنجارة", "de menuiserie"}, "leather": {"للجلد", "du cuir"}, "sewing": {"للخياطة", "de couture"},
	"embroidery_caftan": {"للطرز والقفطان", "de broderie"}, "passementerie_buttons": {"للعقاد", "de passementerie"},
	"basketry": {"للسلالة", "de vannerie"}, "metalwork": {"للنحاس", "de dinanderie"}, "jewellery": {"للحلي", "de bijoux"},
	"honey": {"للعسل", "du miel"}, "olive_oil": {"لزيت الزيتون", "d'huile d'olive"}, "argan": {"للأركان", "d'argan"},
	"figs": {"للتين", "des figues"}, "dates": {"للتمور", "des dattes"}, "prickly_pear_cactus": {"للصبار", "du cactus"},
	"aromatic_medicinal_herbs": {"للأعشاب الطبية", "des plantes médicinales"}, "saffron": {"للزعفران", "du safran"},
	"couscous_cereals": {"للكسكس", "du couscous"}, "dairy": {"للحليب", "laitière"}, "amlou": {"لأملو", "d'amlou"},
	"soap": {"للصابون البلدي", "du savon beldi"}, "cosmetic_oils": {"للزيوت التجميلية", "des huiles cosmétiques"},
	"rural_tourism": {"للسياحة القروية", "de tourisme rural"}, "catering": {"للطبخ التقليدي", "de cuisine traditionnelle"},
}

// generatedOrganisations makes a deterministic registry: a few organisations in every
// province, of the sectors and categories of the seeds, with plausible names, members and
// contacts. The same call always gives the same records.
func generatedOrganisations(provinces []geo.Prov, perProvince int) []org.Organisation {
	cats := make([]string, 0, len(categoryWords))
	for _, c := range taxonomy.Categories {
		if _, ok := categoryWords[c.Code]; ok {
			cats = append(cats, c.Code)
		}
	}
	var out []org.Organisation
	n := 0
	for _, p := range provinces {
		for i := 0; i < perProvince; i++ {
			n++
			word := nameWords[(n*7+i)%len(nameWords)]
			code := cats[(n*5+i*3)%len(cats)]
			cat, _ := taxonomy.Lookup(code)
			cw := categoryWords[code]
			form := org.Cooperative
			prefixAR, prefixFR := "تعاونية", "Coopérative"
			switch n % 9 {
			case 3:
				form, prefixAR, prefixFR = org.Association, "جمعية", "Association"
			case 6:
				form, prefixAR, prefixFR = org.EconomicGroup, "مجموعة ذات نفع اقتصادي", "GIE"
			}
			women := (n * 3) % 25
			men := (n * 7) % 11
			o := org.Organisation{
				LegalForm:    form,
				Name:         mltext.Text{AR: fmt.Sprintf("%s %s %s %s", prefixAR, word.ar, cw.ar, p.NameAR), FR: fmt.Sprintf("%s %s %s %s", prefixFR, word.fr, cw.fr, p.NameFR)},
				ProvinceCode: p.Code,
				Sector:       cat.Sector,
				Categories:   []string{code},
				Members:      org.Members{Women: women, Men: men, Under35: (women + men) / 3},
				WomenLed:     women > men,
				YouthLed:     n%4 == 0,
				Contact:      org.Contact{Phone: fmt.Sprintf("06%08d", 10000000+n*7919%89999999), WhatsApp: n%2 == 0, PhonePublic: n%3 != 0},
				Description: mltext.Text{
					AR: fmt.Sprintf("%s %s من إقليم %s، تضم %d عضوا.", prefixAR, cw.ar, p.NameAR, women+men),
					FR: fmt.Sprintf("%s %s de la province de %s, %d membres.", prefixFR, cw.fr, p.NameFR, women+men),
				},
			}
			if n%5 == 0 {
				o.Programmes = []taxonomy.Programme{taxonomy.INDH}
			}
			if cat.Food && n%2 == 0 {
				o.FoodSafetyNo = fmt.Sprintf("ONSSA-%05d", n)
			}
			out = append(out, o)
		}
	}
	return out
}
