package importer

import (
	"strings"

	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/org"
)

// provinceVariants are other ways councils write province names, by statistics-office
// code: the city alone for double names, older or English spellings, the Arabic without
// hamza. Accents, case, hyphens, the Arabic article and words such as «إقليم», «عمالة»,
// «Province de» are already ignored by the comparison.
var provinceVariants = map[string][]string{
	"511": {"Tanger", "Tangier", "Tangiers", "طنجة", "Tanger Asilah"},
	"573": {"Mdiq", "M'diq", "Fnideq", "المضيق", "الفنيدق"},
	"571": {"Tetouan", "Tetuan", "تطوان"},
	"227": {"Fahs Anjra", "Anjra", "الفحص انجرة", "أنجرة"},
	"051": {"Al Hoceima", "Hoceima", "Alhoceima", "El Hoceima", "الحسيمة"},
	"151": {"Chaouen", "Chefchaouene", "الشاون"},
	"405": {"Ouazzane", "Wazzan"},
	"411": {"Oujda", "وجدة", "Oujda Angad"},
	"167": {"Driouche"},
	"275": {"Jerrada"},
	"231": {"Fes", "Fez", "فاس"},
	"061": {"Meknes", "مكناس"},
	"271": {"Ifrane", "افران"},
	"591": {"Moulay Yaacoub", "Moulay Yakoub", "مولاي يعقوب"},
	"131": {"Boulmane"},
	"421": {"Rabat", "الرباط"},
	"441": {"Sale", "سلا"},
	"501": {"Temara", "Skhirat", "Skhirate", "Skhirat Temara", "تمارة", "الصخيرات", "الصخيرات تمارة"},
	"281": {"Kenitra"},
	"291": {"Khemisset"},
	"091": {"Beni Mellal", "Beni-Mellal", "بني ملال"},
	"255": {"Fkih Ben Salah", "Fquih Bensalah", "Fkih Bensalah", "الفقيه بنصالح"},
	"301": {"Khenifra"},
	"141": {"Casa", "Casablanca Anfa", "Dar El Beida", "البيضاء", "الدار البيضاء انفا"},
	"371": {"Mohammedia", "Mohamedia"},
	"181": {"Jadida", "El Jadida", "الجديدة"},
	"385": {"Nouasseur"},
	"355": {"Mediouna"},
	"111": {"Ben Slimane", "Benslimane", "بن سليمان"},
	"117": {"Berrchid"},
	"351": {"Marrakesh", "Marrakech", "مراكش"},
	"041": {"Haouz", "Al Haouz", "الحوز"},
	"191": {"Kelaa des Sraghna", "Kelaat Sraghna", "Kalaat Sraghna", "El Kelaa", "Sraghna", "السراغنة", "قلعة السراغنة"},
	"427": {"Rhamna", "Rehamna"},
	"431": {"Safi", "اسفي", "آسفي"},
	"201": {"Er-Rachidia", "Rachidia", "Errachidia", "الراشيدية"},
	"401": {"Ouarzazat"},
	"577": {"Tinerhir", "Tineghir"},
	"001": {"Agadir", "أكادير", "اكادير", "Agadir Ida Outanane", "اكادير اداوتنان"},
	"273": {"Inezgane", "Ait Melloul", "إنزكان", "انزكان", "آيت ملول", "انزكان ايت ملول"},
	"163": {"Chtouka", "Chtouka Ait Baha", "Biougra", "اشتوكة", "شتوكة", "شتوكة آيت باها"},
	"261": {"Goulimine", "Guelmim", "كلميم", "ݣلميم"},
	"071": {"Assa Zag", "Assa", "آسا الزاك", "اسا"},
	"521": {"Tantan", "Tan Tan"},
	"473": {"Ifni", "Sidi Ifni"},
	"321": {"Laayoune", "Layoune", "El Aaiun", "Laâyoune", "العيون"},
	"121": {"Boujador", "Bojador"},
	"221": {"Smara", "Semara", "Es Semara", "السمارة"},
	"391": {"Dakhla", "Oued Eddahab", "Oued Ed Dahab", "الداخلة", "وادي الذهب"},
	"066": {"Aousserd", "Awsard"},
}

// provinceNoise are words that name the kind of division rather than which one.
var provinceNoise = map[string]bool{"province": true, "prefecture": true, "prov": true, "pref": true,
	"اقليم": true, "عماله": true, "مقاطعات": true, "عمالات": true}

// provinceArticles are the French transcriptions of the Arabic article, which people
// write or leave out ("El Jadida", "Jadida").
var provinceArticles = map[string]bool{"el": true, "al": true, "es": true, "er": true, "ed": true, "ad": true}

func provinceKeys(s string) []string {
	w := words(s)
	for len(w) > 0 && provinceNoise[w[0]] {
		w = w[1:]
	}
	if len(w) == 0 {
		return nil
	}
	keys := []string{strings.Join(w, "")}
	if len(w) > 1 && provinceArticles[w[0]] {
		keys = append(keys, strings.Join(w[1:], ""))
	}
	return keys
}

// ProvinceIndex returns a lookup that finds a province by its code ("451", or "51" as a
// spreadsheet keeps it) or by its name in Arabic or French, written as people write it
// ("فاس", "Fès", "Fes", "إقليم صفرو", "Province de Sefrou", "Tanger"). Pass it the
// provinces the database holds (store.Provinces); a name that could be two provinces is
// not guessed.
func ProvinceIndex(provs []geo.Prov) func(string) (string, bool) {
	byCode := map[string]string{}
	byName := map[string]string{}
	ambiguous := map[string]bool{}
	add := func(key, code string) {
		if prev, ok := byName[key]; ok && prev != code {
			ambiguous[key] = true
		}
		byName[key] = code
	}
	for _, p := range provs {
		byCode[p.Code] = p.Code
		for _, n := range append([]string{p.NameAR, p.NameFR}, provinceVariants[p.Code]...) {
			for _, k := range provinceKeys(n) {
				add(k, p.Code)
			}
		}
	}
	for k := range ambiguous {
		delete(byName, k)
	}
	return func(s string) (string, bool) {
		if d := numericDigits(s); d != "" {
			for len(d) < 3 {
				d = "0" + d
			}
			code, ok := byCode[d]
			return code, ok
		}
		for _, k := range provinceKeys(s) {
			if code, ok := byName[k]; ok {
				return code, true
			}
		}
		return "", false
	}
}

// numericDigits returns the digits of s when s is only a number (Arabic-Indic digits
// allowed, a spreadsheet's "51.0" too), else "".
func numericDigits(s string) string {
	s = strings.TrimSpace(toASCIIDigits(s))
	if i := strings.IndexByte(s, '.'); i > 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	if s == "" || org.Digits(s) != s {
		return ""
	}
	return s
}
