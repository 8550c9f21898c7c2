package web_test

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/demo"
)

// seedFacts are the facts each press release of shared/seeds states, as the public page of
// its edition must show them in Arabic (Moroccan month names, grouped figures) and French.
// The city in French picks the edition.
var seedFacts = []struct {
	file  string
	city  string
	ar    []string
	fr    []string
	other func(t *testing.T) // facts checked some other way
}{
	{file: "000_f3f6df5c972442b2.txt", city: "Sefrou",
		ar: []string{"12 – 16 يوليوز 2022", "5 أيام", "ساحة مساي", "صفرو", "1.500 متر مربع", "10.000", "52",
			"اقتصاد اجتماعي وتضامني متنوع وسياحة مستدامة وواعدة", "اليوم العالمي للتعاونيات",
			"المادة 82 من القانون التنظيمي رقم 111.14", "2022-2027", "مجلس جهة فاس-مكناس",
			"وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني", "ولاية جهة فاس-مكناس", "عمالة إقليم صفرو",
			"المؤسسات السجنية", "التعاون الوطني", "أروقة مفتوحة", "الدورة 1"},
		fr: []string{"12 – 16 juillet 2022", "Place Massay", "1\u202f500 m²", "10\u202f000", "Journée internationale des coopératives"}},
	{file: "001_28086953c8de5fec.txt", city: "Taza",
		// The release says "from 10 to 5 December"; the demo stores the five days from the 10th.
		ar: []string{"10 – 14 دجنبر 2022", "تازة", "في الانتاج متعاونون وفي الشراء متضامنون", "الدورة 2",
			"مجلس جهة فاس-مكناس", "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني", "منتجات التجميل الطبيعية"},
		fr: []string{"10 – 14 décembre 2022", "Taza"},
		other: func(t *testing.T) {
			e := demo.Fairs()[1]
			e.StartsOn, e.EndsOn = civil.MustNew(2022, 12, 10), civil.MustNew(2022, 12, 5)
			if err := e.Validate(); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("the release's own dates (10 to 5 December) were accepted: %v", err)
			}
		}},
	{file: "002_02be7957ae63f49e.txt", city: "Fès",
		ar: []string{"15 – 24 أكتوبر 2022", "فضاء سباق الخيل", "فاس", "4.000 متر مربع", "260", "130", "الدورة 3",
			"الاقتصاد الاجتماعي والتضامني دعامة للتنمية الجهوية ورافعة للنموذج التنموي الجديد",
			"قطب المنتوجات", "قطب التعاون الدولي", "القطب المؤسساتي", "كورسيكا", "فلسطين", "الإمارات العربية المتحدة", "السنغال",
			"حفل القفطان"},
		fr: []string{"15 – 24 octobre 2022", "Espace de l&#39;hippodrome", "4\u202f000 m²", "Sénégal"}},
	{file: "003_bfbbda293a7b60d3.txt", city: "Khénifra",
		ar: []string{"28 نونبر – 3 دجنبر 2022", "ساحة المسيرة الخضراء", "خنيفرة", "5.000 متر مربع", "320", "الدورة 3",
			"الاقتصاد الاجتماعي والتضامني رافعة لتنمية السياحة الجبلية والمستدامة",
			"تحت الرعاية السامية لصاحب الجلالة الملك محمد السادس", "مجلس جهة بني ملال-خنيفرة",
			"قاعة للندوات والورشات التكوينية", "فضاء للألعاب خاص بالأطفال", "فضاء لتثمين التراث اللامادي", "فضاء للجهات",
			"أزيلال", "بني ملال"},
		fr: []string{"28 novembre – 3 décembre 2022", "Place de la Marche Verte", "5\u202f000 m²"}},
	{file: "004_4f161d7930ddf862.txt", city: "Ouarzazate",
		ar: []string{"17 – 22 شتنبر 2025", "فضاء المصلى", "ورزازات", "4.000 متر مربع", "320", "160", "175", "الدورة 2",
			"الاقتصاد الاجتماعي والتضامني رافعة أساسية للتمكين الاقتصادي للمرأة والشباب بالوسط القروي",
			"مجلس جهة درعة تافيلالت", "ولاية جهة درعة تافيلالت", "كتابة الدولة المكلفة بالصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
			"80 تعاونية للصناعة التقليدية و80 للمنتوجات المجالية", "15 رواقا", "فضاء ورشات مراحل الإنتاج"},
		fr: []string{"17 – 22 septembre 2025", "Espace Al Moussalla", "4\u202f000 m²"}},
}

func TestSeedFactsOnPublicPages(t *testing.T) {
	st := demoSQLite(t)
	srv := newServer(t, st)
	eds, err := st.Editions().Editions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, e := range eds {
		ids[e.City.FR] = e.ID
	}
	for _, seed := range seedFacts {
		t.Run(seed.file, func(t *testing.T) {
			id, ok := ids[seed.city]
			if !ok {
				t.Fatalf("no edition in %s", seed.city)
			}
			for lang, facts := range map[string][]string{"ar": seed.ar, "fr": seed.fr} {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest("GET", "/"+lang+"/fairs/"+strconv.FormatInt(id, 10), nil))
				if rec.Code != http.StatusOK {
					t.Fatalf("%s page: %d", lang, rec.Code)
				}
				body := rec.Body.String()
				if lang == "ar" {
					body = html.UnescapeString(body)
				}
				for _, f := range facts {
					if !strings.Contains(body, f) {
						t.Errorf("%s page does not show %q", lang, f)
					}
				}
			}
			if seed.other != nil {
				seed.other(t)
			}
		})
	}
}
