package importer

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/textfold"
)

// toASCIIDigits reads Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII
// digits, and the Arabic decimal separator as a point.
func toASCIIDigits(s string) string {
	if isASCIIString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '٫':
			return '.'
		case '٬':
			return ','
		}
		return r
	}, textfold.ASCIIDigits(s))
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// blankWords are what people put in a cell to say there is nothing.
var blankWords = map[string]bool{"-": true, "--": true, "---": true, "—": true, "–": true, ".": true, "..": true,
	"...": true, "/": true, "_": true, "n/a": true, "#n/a": true, "néant": true, "neant": true, "null": true,
	"none": true, "nil": true, "لا يوجد": true, "لايوجد": true, "غير متوفر": true, "بدون": true, "/ ": true}

// blank reports whether a cell says nothing.
func blank(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || blankWords[strings.ToLower(s)]
}

// integral returns a spreadsheet number without its fraction or exponent ("6.12345678E8"
// → "612345678", "14.0" → "14"), or "" when s is not a whole number.
func integral(s string) string {
	s = strings.TrimSpace(toASCIIDigits(s))
	if s == "" {
		return ""
	}
	if org.Digits(s) == s {
		return s
	}
	if !strings.ContainsAny(s, ".eE") || strings.ContainsAny(s, " ,") {
		return ""
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) || f > 1e17 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', 0, 64)
}

// parseCount reads a member count: a whole number, with Arabic-Indic digits, possibly
// followed by a word ("14 امرأة").
func parseCount(s string) (int, bool) {
	if d := integral(s); d != "" {
		n, err := strconv.Atoi(d)
		return n, err == nil && n <= 1_000_000
	}
	s = strings.TrimSpace(toASCIIDigits(s))
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	rest := strings.TrimSpace(s[end:])
	for _, r := range rest {
		if unicode.IsDigit(r) || r == '-' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s[:end])
	return n, err == nil && n <= 1_000_000
}

// parseBool reads yes/no as councils write it: نعم/لا, oui/non, yes/no, x, 1/0, ✓.
func parseBool(s string) (bool, bool) {
	t := strings.TrimSpace(s)
	switch {
	case strings.ContainsAny(t, trueMarks) && len([]rune(t)) == 1:
		return true, true
	case strings.ContainsAny(t, falseMarks) && len([]rune(t)) == 1:
		return false, true
	}
	v, ok := vocabs().bools[strings.Join(words(s), " ")]
	return v, ok
}

// monthNames are the month names of dates written in words: Moroccan and Middle-Eastern
// Arabic, French and English, folded. Folded on first use, not at start-up.
var monthNames = sync.OnceValue(func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [][]string{
		{"يناير", "جانفي", "كانون الثاني", "janvier", "janv", "january", "jan"},
		{"فبراير", "فيفري", "شباط", "février", "fevr", "févr", "february", "feb"},
		{"مارس", "آذار", "mars", "march", "mar"},
		{"أبريل", "ابريل", "افريل", "نيسان", "avril", "avr", "april", "apr"},
		{"ماي", "مايو", "أيار", "mai", "may"},
		{"يونيو", "يونيه", "جوان", "حزيران", "juin", "june", "jun"},
		{"يوليوز", "يوليو", "جويلية", "تموز", "juillet", "juil", "july", "jul"},
		{"غشت", "أغسطس", "اغسطس", "أوت", "آب", "août", "aout", "august", "aug"},
		{"شتنبر", "سبتمبر", "أيلول", "septembre", "sept", "september", "sep"},
		{"أكتوبر", "اكتوبر", "تشرين الأول", "octobre", "oct", "october"},
		{"نونبر", "نوفمبر", "تشرين الثاني", "novembre", "nov", "november"},
		{"دجنبر", "ديسمبر", "كانون الأول", "décembre", "dec", "déc", "december"},
	} {
		for _, n := range names {
			m[strings.Join(words(n), " ")] = time.Month(i + 1)
		}
	}
	return m
})

// dateErr says why a date was refused.
type dateErr int

const (
	dateOK dateErr = iota
	dateBad
	dateYearOnly
)

// parseDate reads a date as Moroccan spreadsheets hold it: 2019-04-02, 02/04/2019,
// 2/4/2019, 02-04-19, 02.04.2019 (day first), "2 أبريل 2019", or an Excel serial number
// (days since 1899-12-30, or since 1904-01-01 in workbooks that use that system). A time
// of day after the date is ignored. A year alone is refused: it is not a date.
func parseDate(s string, date1904 bool, today civil.Date) (civil.Date, dateErr) {
	s = strings.TrimSpace(toASCIIDigits(s))
	if i := strings.IndexAny(s, "T "); i >= 8 && strings.Contains(s[i:], ":") {
		s = strings.TrimSpace(s[:i])
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		switch {
		case f == math.Trunc(f) && f >= 1800 && f <= 2200:
			return civil.Date{}, dateYearOnly
		case f >= 61 && f <= 2958465: // serial numbers below 61 fall before 1 March 1900
			return excelSerial(f, date1904), dateOK
		}
		return civil.Date{}, dateBad
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' || r == ',' })
	if len(parts) != 3 {
		return civil.Date{}, dateBad
	}
	nums := make([]int, 3)
	month := time.Month(0)
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil {
			nums[i] = n
			continue
		}
		m, ok := monthNames()[strings.Join(words(p), " ")]
		if !ok || i != 1 {
			return civil.Date{}, dateBad
		}
		month = m
	}
	var y, d int
	switch {
	case len(parts[0]) == 4: // year first: 2019-04-02
		y, month, d = nums[0], time.Month(nums[1]), nums[2]
	case month != 0:
		d, y = nums[0], nums[2]
	default: // day first, as Moroccans write it
		d, month, y = nums[0], time.Month(nums[1]), nums[2]
	}
	if len(parts[2]) == 2 && len(parts[0]) != 4 {
		if y <= today.Year%100 {
			y += 2000
		} else {
			y += 1900
		}
	}
	if y < 1000 {
		return civil.Date{}, dateBad
	}
	date, err := civil.New(y, month, d)
	if err != nil {
		return civil.Date{}, dateBad
	}
	return date, dateOK
}

func excelSerial(f float64, date1904 bool) civil.Date {
	days := int(math.Floor(f))
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return civil.Of(base.AddDate(0, 0, days))
}

// parseYear reads a founding year ("2019", "٢٠١٩", "2019.0") as 1 January of that year; a
// full date is read as a date.
func parseYear(s string, date1904 bool, today civil.Date) (civil.Date, bool) {
	if d := integral(s); len(d) == 4 {
		y, _ := strconv.Atoi(d)
		if y >= 1900 && y <= today.Year {
			return civil.MustNew(y, time.January, 1), true
		}
		return civil.Date{}, false
	}
	d, e := parseDate(s, date1904, today)
	return d, e == dateOK
}

// splitList cuts a cell that lists several things.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', '،', ';', '؛', '/', '|', '+', '\n', '\r', '•':
			return true
		}
		return false
	})
}

// splitPhones cuts a phone cell that holds several numbers ("0612345678 / 0535652020").
// Dashes and spaces inside one number are kept: "0612-345678" is one number.
func splitPhones(s string) []string {
	s = strings.NewReplacer(" و ", "/", " et ", "/", " ou ", "/", " or ", "/").Replace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '/', ',', '،', ';', '؛', '|', '\n', '\r':
			return true
		}
		return false
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// normalizePhone reads a Moroccan phone number as account.NormalizePhone does, and also
// as a spreadsheet keeps it when the cell was a number: without its leading zero,
// possibly in exponent form.
func normalizePhone(s string) (string, bool) {
	if d := integral(s); d != "" && len(d) == 9 {
		s = "0" + d
	} else if d != "" {
		s = d
	}
	n, err := account.NormalizePhone(s)
	return n, err == nil
}

// normalizeICE reads an ICE; a spreadsheet that held it as a number has lost its leading
// zeros, which are put back when the padded number is a valid ICE.
func normalizeICE(s string) (string, bool) {
	d := integral(s)
	if d == "" {
		d = org.Digits(s)
	}
	if len(d) >= 11 && len(d) < 15 {
		if padded := strings.Repeat("0", 15-len(d)) + d; org.ValidICE(padded) {
			d = padded
		}
	}
	return d, org.ValidICE(d)
}

// hasArabic reports whether s has Arabic letters.
func hasArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// splitScripts cuts a cell that gives a name in both languages ("تعاونية الأمل - Coopérative
// Al Amal", "Coopérative Al Amal (تعاونية الأمل)") into its Arabic and its Latin parts.
func splitScripts(s string) (ar, fr string) {
	s = strings.TrimSpace(s)
	if !hasArabic(s) {
		return "", s
	}
	parts := strings.FieldsFunc(strings.NewReplacer(" - ", "|", " – ", "|", " / ", "|").Replace(s), func(r rune) bool {
		return r == '|' || r == '(' || r == ')'
	})
	var a, l []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case hasArabic(p):
			a = append(a, p)
		case strings.IndexFunc(p, unicode.IsLetter) >= 0:
			l = append(l, p)
		default:
			a = append(a, p)
		}
	}
	if len(a) == 0 || len(l) == 0 {
		return s, ""
	}
	return strings.Join(a, " "), strings.Join(l, " ")
}
