package importer

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/aswaq/aswaq/internal/apperr"
)

// headerWords are the column titles councils use, per field, in Arabic, French and
// English. A header matches a field when its words (see words: folded, small words and
// the Arabic article dropped) equal a synonym's; failing that, when they contain a
// synonym's words in a row, the longest such synonym winning ("رقم هاتف الرئيس" is a
// phone, "عدد أعضاء التعاونية" a member count, not a name). Ignore lists the columns that
// look like ours but are not (the president's name, serial numbers, remarks), so that
// "Nom du président" is not taken for the organisation's name. The labels of
// importer.field.* in the catalogs are added, so Aswaq's own exports always map back.
var headerWords = []struct {
	field Field
	words []string
}{
	{Name, []string{"اسم التعاونية", "اسم الجمعية", "اسم الهيئة", "اسم المؤسسة", "اسم المنظمة", "اسم التعاونية أو الجمعية",
		"الاسم", "اسم", "التسمية", "الهيئة", "التعاونية", "الجمعية", "المؤسسة", "المستفيد",
		"nom", "nom de la coopérative", "nom de l'organisation", "nom de l'association", "nom de la structure",
		"raison sociale", "dénomination", "dénomination sociale", "intitulé", "organisation", "coopérative",
		"association", "structure", "bénéficiaire", "name", "organisation name", "organization", "cooperative"}},
	{NameAR, []string{"الاسم بالعربية", "الاسم باللغة العربية", "التسمية بالعربية", "الاسم بالحروف العربية",
		"nom en arabe", "nom arabe", "nom ar", "dénomination arabe", "raison sociale en arabe", "arabic name",
		"name in arabic", "name arabic", "name ar"}},
	{NameFR, []string{"الاسم بالفرنسية", "الاسم باللغة الفرنسية", "الاسم بالحروف اللاتينية", "التسمية بالفرنسية",
		"nom en français", "nom français", "nom fr", "nom latin", "dénomination française", "raison sociale en français",
		"french name", "name in french", "name french", "name fr"}},
	{LegalForm, []string{"الشكل القانوني", "الصفة القانونية", "الطبيعة القانونية", "النوع", "نوع الهيئة", "صنف الهيئة",
		"forme juridique", "statut juridique", "nature juridique", "type", "type d'organisation", "type de structure",
		"catégorie juridique", "legal form", "legal status", "type of organisation"}},
	{Province, []string{"الإقليم", "العمالة", "العمالة أو الإقليم", "الإقليم أو العمالة", "العمالة/الإقليم", "رمز الإقليم",
		"province", "préfecture", "province/préfecture", "préfecture ou province", "province ou préfecture",
		"prov", "code province", "prefecture"}},
	{Sector, []string{"القطاع", "قطاع النشاط", "مجال النشاط", "المجال", "الميدان", "secteur", "secteur d'activité",
		"filière", "domaine", "domaine d'activité", "sector"}},
	{Categories, []string{"النشاط", "نوع النشاط", "الأنشطة", "النشاط الرئيسي", "طبيعة النشاط", "المنتوج", "المنتوجات",
		"المنتجات", "المنتوج الرئيسي", "activité", "activités", "activité principale", "produits", "produit",
		"produits principaux", "type d'activité", "nature de l'activité", "catégorie", "catégories", "activity",
		"products", "categories", "main activity"}},
	{ICE, []string{"ice", "i.c.e", "التعريف الموحد", "رقم التعريف الموحد", "المعرف الموحد", "التعريف الموحد للمقاولة",
		"identifiant commun de l'entreprise", "identifiant commun", "n° ice", "numéro ice"}},
	{RegisterNumber, []string{"رقم التسجيل", "رقم السجل", "رقم القيد", "رقم التسجيل في السجل المحلي", "رقم السجل التجاري",
		"السجل التجاري", "السجل المحلي", "n° d'inscription", "numéro d'inscription", "n° inscription", "rc", "r.c",
		"n° rc", "numéro rc", "registre de commerce", "n° registre", "numéro d'enregistrement", "register number",
		"registration number", "n° d'immatriculation", "immatriculation"}},
	{RegisterCourt, []string{"المحكمة", "المحكمة الابتدائية", "مكان التسجيل", "tribunal", "tribunal de première instance",
		"court", "register court"}},
	{ReceiptNumber, []string{"رقم الوصل", "رقم الوصل النهائي", "الوصل النهائي", "الوصل", "récépissé", "n° récépissé",
		"numéro du récépissé", "récépissé définitif", "receipt number", "receipt"}},
	{ReceiptDate, []string{"تاريخ الوصل", "تاريخ الوصل النهائي", "تاريخ الحصول على الوصل", "date du récépissé",
		"date récépissé", "receipt date"}},
	{FoundedOn, []string{"تاريخ التأسيس", "تاريخ الإنشاء", "تاريخ الإحداث", "تاريخ التأسيس الفعلي", "date de création",
		"date de constitution", "date création", "date d'agrément", "founded", "date founded", "founding date",
		"creation date"}},
	{FoundedYear, []string{"سنة التأسيس", "سنة الإنشاء", "سنة الإحداث", "année de création", "année de constitution",
		"année création", "année", "year founded", "founding year", "year"}},
	{Address, []string{"العنوان", "المقر", "عنوان المقر", "المقر الاجتماعي", "الموقع", "adresse", "siège", "siège social",
		"adresse du siège", "address", "localisation"}},
	{Phone, []string{"الهاتف", "رقم الهاتف", "هاتف", "الهاتف النقال", "الهاتف المحمول", "المحمول", "النقال", "جوال",
		"رقم الجوال", "هاتف الرئيس", "هاتف الرئيسة", "رقم هاتف الرئيس", "رقم الهاتف الرئيس", "tél", "tel", "téléphone",
		"gsm", "portable", "mobile", "numéro de téléphone", "n° de téléphone", "n° tél", "tél du président",
		"téléphone du président", "phone", "telephone", "phone number"}},
	{Phone2, []string{"الهاتف 2", "هاتف آخر", "الهاتف الثاني", "الهاتف الثابت", "الهاتف القار", "tél 2", "téléphone 2",
		"gsm 2", "fixe", "téléphone fixe", "tél fixe", "autre téléphone", "phone 2", "second phone", "other phone"}},
	{WhatsApp, []string{"واتساب", "الواتساب", "رقم الواتساب", "whatsapp", "whatsapp number", "n° whatsapp"}},
	{Email, []string{"البريد الإلكتروني", "البريد الالكتروني", "الإيميل", "الايميل", "البريد", "email", "e-mail", "courriel",
		"adresse email", "adresse e-mail", "mail", "adresse électronique"}},
	{Website, []string{"الموقع الإلكتروني", "الموقع الالكتروني", "موقع الأنترنت", "site web", "site internet", "site",
		"website", "web"}},
	{Facebook, []string{"فيسبوك", "فايسبوك", "صفحة الفيسبوك", "الفيسبوك", "facebook", "page facebook", "fb"}},
	{Instagram, []string{"إنستغرام", "انستغرام", "انستجرام", "انستاغرام", "instagram", "insta"}},
	{MembersTotal, []string{"عدد الأعضاء", "عدد المنخرطين", "مجموع الأعضاء", "العدد الإجمالي للأعضاء", "عدد المتعاونين",
		"عدد المنخرطات والمنخرطين", "المجموع", "nombre d'adhérents", "nombre de membres", "nombre total de membres",
		"effectif", "total membres", "adhérents", "membres", "total", "members", "number of members"}},
	{MembersWomen, []string{"عدد النساء", "عدد الإناث", "عدد المنخرطات", "النساء", "الإناث", "منها نساء", "عدد العضوات",
		"nombre de femmes", "femmes", "dont femmes", "adhérentes", "nombre d'adhérentes", "women", "women members"}},
	{MembersMen, []string{"عدد الرجال", "عدد الذكور", "الرجال", "الذكور", "منها رجال", "nombre d'hommes", "hommes",
		"dont hommes", "men", "men members"}},
	{MembersUnder35, []string{"عدد الشباب", "الشباب", "أقل من 35 سنة", "عدد الأعضاء أقل من 35 سنة", "الشباب أقل من 35 سنة",
		"jeunes", "nombre de jeunes", "moins de 35 ans", "jeunes moins de 35 ans", "under 35", "members under 35", "youth"}},
	{WomenLed, []string{"تسيرها نساء", "تسيرها امرأة", "نسائية", "تعاونية نسائية", "رئاسة نسائية", "الرئيس امرأة",
		"dirigée par des femmes", "dirigée par une femme", "féminine", "coopérative féminine", "présidée par une femme",
		"women-led", "women led"}},
	{YouthLed, []string{"يسيرها شباب", "شبابية", "تعاونية شبابية", "dirigée par des jeunes", "jeunes promoteurs",
		"coopérative de jeunes", "youth-led", "youth led"}},
	{Programmes, []string{"البرنامج", "البرامج", "برنامج الدعم", "البرامج المستفاد منها", "الدعم", "programme",
		"programmes", "programme d'appui", "programme de soutien", "financement", "programme", "support programme"}},
	{FoodSafetyNo, []string{"رقم الترخيص الصحي", "الترخيص الصحي", "رقم ترخيص أونسا", "أونسا", "onssa", "n° onssa",
		"autorisation sanitaire", "agrément sanitaire", "n° d'autorisation sanitaire", "food safety number"}},
	{Description, []string{"الوصف", "نبذة", "نبذة عن التعاونية", "تقديم", "description", "présentation", "descriptif"}},
	{DescriptionAR, []string{"الوصف بالعربية", "description en arabe", "description ar", "description in arabic"}},
	{DescriptionFR, []string{"الوصف بالفرنسية", "description en français", "description fr", "description in french"}},
	{Ignore, []string{"الرقم الترتيبي", "الرقم", "ر ت", "ع ر", "رقم", "n°", "n° d'ordre", "numéro d'ordre", "ordre", "numéro",
		"الجهة", "région", "الجماعة", "commune", "الدائرة", "cercle", "المدينة", "ville", "city", "douar", "الدوار",
		"ملاحظات", "ملاحظة", "observations", "observation", "remarques", "notes", "الرئيس", "اسم الرئيس", "اسم الرئيسة",
		"الرئيس أو الرئيسة", "اسم ونسب الرئيس", "الاسم الكامل للرئيس", "président", "présidente", "nom du président",
		"nom de la présidente", "nom et prénom", "nom et prénom du président", "nom du responsable", "responsable",
		"gérant", "cin", "رقم البطاقة الوطنية", "البطاقة الوطنية", "الأخطاء", "erreurs", "errors", "error",
		"situation", "الوضعية", "statut", "status", "aswaq id"}},
}

// headerMatcher is the compiled table.
type headerMatcher struct {
	exact   map[string]Field
	phrases []headerPhrase
}

type headerPhrase struct {
	toks  []string
	field Field
}

var headers = sync.OnceValue(func() *headerMatcher {
	h := &headerMatcher{exact: map[string]Field{}}
	add := func(f Field, s string) {
		w := words(s)
		if len(w) == 0 {
			return
		}
		key := strings.Join(w, " ")
		if _, dup := h.exact[key]; !dup {
			h.exact[key] = f
		}
		h.phrases = append(h.phrases, headerPhrase{w, f})
	}
	// Catalog labels first: they are what Aswaq itself writes.
	for _, f := range Fields {
		for _, l := range labels(f.LabelKey()) {
			add(f, l)
		}
	}
	for _, e := range headerWords {
		for _, s := range e.words {
			add(e.field, s)
		}
	}
	return h
})

// MatchHeader returns the field a column title names, or Ignore.
func MatchHeader(title string) Field {
	f, _ := headers().match(title)
	return f
}

// match returns the field of a title and whether the title was recognised at all (a
// title recognised as one to ignore is recognised).
func (h *headerMatcher) match(title string) (Field, bool) {
	w := words(title)
	if len(w) == 0 {
		return Ignore, false
	}
	if f, ok := h.exact[strings.Join(w, " ")]; ok {
		return f, true
	}
	best, bestPos, found := headerPhrase{}, 0, false
	for _, p := range h.phrases {
		pos := indexWords(w, p.toks)
		if pos < 0 {
			continue
		}
		better := !found || len(p.toks) > len(best.toks) ||
			len(p.toks) == len(best.toks) && (best.field == Ignore && p.field != Ignore ||
				(best.field == Ignore) == (p.field == Ignore) && pos < bestPos)
		if better {
			best, bestPos, found = p, pos, true
		}
	}
	return best.field, found
}

// indexWords returns where sub occurs in w as consecutive words, or -1.
func indexWords(w, sub []string) int {
	for i := 0; i+len(sub) <= len(w); i++ {
		if slices.Equal(w[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// Mapping says which field each column of the file feeds: Columns[i] for the column i
// (0 is column A), Ignore for the columns left out. Propose fills it from the headers; a
// mapping form shows one choice per column (Fields, labelled by Field.LabelKey) and
// posts the codes back through Set.
type Mapping struct {
	Columns []Field
}

// Propose maps each header to a field. A field taken by an earlier column is not given
// twice, except that a second phone column becomes Phone2.
func Propose(headerCells []string) Mapping {
	m := Mapping{Columns: make([]Field, len(headerCells))}
	taken := map[Field]bool{}
	for i, h := range headerCells {
		f := MatchHeader(h)
		if f == Phone && taken[Phone] && !taken[Phone2] {
			f = Phone2
		}
		if f == Ignore || taken[f] {
			continue
		}
		taken[f] = true
		m.Columns[i] = f
	}
	return m
}

// Field returns the field of column col (Ignore beyond the mapped columns).
func (m Mapping) Field(col int) Field {
	if col < 0 || col >= len(m.Columns) {
		return Ignore
	}
	return m.Columns[col]
}

// Set maps column col to the field whose code is given ("" to ignore the column), as
// posted by a mapping form. Columns beyond the current ones are added.
func (m *Mapping) Set(col int, code string) error {
	f, ok := ParseField(code)
	if !ok || col < 0 || col > 16383 {
		return apperr.New(apperr.Invalid, "importer.error.mapping_field", "field", code)
	}
	for len(m.Columns) <= col {
		m.Columns = append(m.Columns, Ignore)
	}
	m.Columns[col] = f
	return nil
}

// Column returns the column that feeds f, or -1.
func (m Mapping) Column(f Field) int {
	if f == Ignore {
		return -1
	}
	return slices.Index(m.Columns, f)
}

// Has reports whether some column feeds f.
func (m Mapping) Has(f Field) bool { return m.Column(f) >= 0 }

// Missing lists what the file must have and the mapping lacks: a name, the province,
// and the sector or the activity (from which the sector is deduced). The legal form may
// be missing: it is then read from the name ("تعاونية …", "Association …").
func (m Mapping) Missing() []Field {
	var out []Field
	if !m.Has(Name) && !m.Has(NameAR) {
		out = append(out, NameAR)
	}
	if !m.Has(Province) {
		out = append(out, Province)
	}
	if !m.Has(Sector) && !m.Has(Categories) {
		out = append(out, Sector)
	}
	return out
}

// Check reports a mapping that cannot be used: a field given by two columns, or a
// required field given by none (see Missing). headers name the columns in the message.
func (m Mapping) Check(headers []string) error {
	seen := map[Field]int{}
	for i, f := range m.Columns {
		if f == Ignore {
			continue
		}
		if j, dup := seen[f]; dup {
			return apperr.New(apperr.Invalid, "importer.error.mapping_duplicate",
				"first", columnTitle(j, headers), "second", columnTitle(i, headers), "field", f.LabelKey())
		}
		seen[f] = i
	}
	if missing := m.Missing(); len(missing) > 0 {
		keys := make([]string, len(missing))
		for i, f := range missing {
			keys[i] = f.LabelKey()
		}
		return apperr.New(apperr.Invalid, "importer.error.missing_columns", "fields", strings.Join(keys, ","))
	}
	return nil
}

// ColumnName is the spreadsheet name of column i (0 → "A", 26 → "AA").
func ColumnName(i int) string {
	if i < 0 {
		return ""
	}
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

func columnTitle(i int, headers []string) string {
	if i < len(headers) && strings.TrimSpace(headers[i]) != "" {
		return fmt.Sprintf("%s (%s)", ColumnName(i), strings.TrimSpace(headers[i]))
	}
	return ColumnName(i)
}
