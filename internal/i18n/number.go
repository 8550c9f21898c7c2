package i18n

// Number and money formats. Digits are always Western (0-9), as Moroccan
// institutions write them in Arabic too. Separators follow CLDR for each
// language as written in Morocco:
//
//	ar   10.000      1.234,50 درهم     (ar-MA: '.' groups, ',' decimals)
//	fr   10 000      1 234,50 MAD      (group: U+202F narrow no-break space)
//	zgh  10 000      1 234,50 MAD      (as French)
//	en   10,000      MAD 1,234.50      (CLDR English puts the ISO code first)
//
// The space between amount and currency is U+00A0 (no-break space) so an
// amount never wraps away from its unit. In Arabic a negative sign is
// preceded by U+200E (left-to-right mark), as CLDR does, so a right-to-left
// page shows "-5" and not "5-".
const (
	nbsp       = "\u00a0"
	narrowNBSP = "\u202f"
	lrm        = "\u200e"
)

// numberFormat is how one language writes numbers and dirhams.
type numberFormat struct {
	group, decimal, minus string
	currency              string
	currencyFirst         bool
}

func (l Lang) numberFormat() numberFormat {
	switch l {
	case AR:
		return numberFormat{group: ".", decimal: ",", minus: lrm + "-", currency: "درهم"}
	case EN:
		return numberFormat{group: ",", decimal: ".", minus: "-", currency: "MAD", currencyFirst: true}
	}
	// fr, zgh
	return numberFormat{group: narrowNBSP, decimal: ",", minus: "-", currency: "MAD"}
}

// Number formats an integer with the language's digit grouping.
func (z *Localizer) Number(n int64) string {
	f := z.lang.numberFormat()
	var buf [48]byte
	b := buf[:0]
	if n < 0 {
		b = append(b, f.minus...)
	}
	b = appendGrouped(b, abs(n), f.group)
	return string(b)
}

// Money formats an amount given in integer centimes (how Aswaq stores
// money) as dirhams with two decimals, e.g. Money(123450) is
// "1.234,50 درهم" in Arabic.
func (z *Localizer) Money(centimes int64) string {
	f := z.lang.numberFormat()
	u := abs(centimes)
	var buf [64]byte
	b := buf[:0]
	if centimes < 0 {
		b = append(b, f.minus...)
	}
	if f.currencyFirst {
		b = append(b, f.currency...)
		b = append(b, nbsp...)
	}
	b = appendGrouped(b, u/100, f.group)
	b = append(b, f.decimal...)
	b = append(b, byte('0'+u%100/10), byte('0'+u%10))
	if !f.currencyFirst {
		b = append(b, nbsp...)
		b = append(b, f.currency...)
	}
	return string(b)
}

// abs returns |n| as an unsigned number, correct for math.MinInt64.
func abs(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// appendGrouped appends u in decimal with sep between groups of three.
func appendGrouped(b []byte, u uint64, sep string) []byte {
	var digits [20]byte
	i := len(digits)
	for {
		i--
		digits[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	d := digits[i:]
	for j, c := range d {
		if j > 0 && (len(d)-j)%3 == 0 {
			b = append(b, sep...)
		}
		b = append(b, c)
	}
	return b
}
