package importer

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/geo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/org"
)

// ExportColumns are the columns of an export, in order. Their headers are the field
// labels in the export's language, which Propose maps back: an export re-imports as it is.
var ExportColumns = []Field{NameAR, NameFR, LegalForm, Province, Sector, Categories, ICE, RegisterNumber,
	RegisterCourt, ReceiptNumber, ReceiptDate, FoundedOn, Address, Phone, Phone2, WhatsApp, Email, Website, Facebook,
	Instagram, MembersWomen, MembersMen, MembersUnder35, WomenLed, YouthLed, Programmes, FoodSafetyNo, DescriptionAR,
	DescriptionFR}

// Exporter writes organisations as a CSV or XLSX registry, one at a time.
//
// CSV is UTF-8 with a byte-order mark, so Excel shows Arabic right; fields are separated by
// ';' in Arabic and French (what Excel expects in Moroccan and French settings) and ','
// in English. XLSX has a styled, frozen header row, real dates, and reads right to left in
// Arabic; it is streamed through temporary files, not built in memory.
type Exporter struct {
	format    Format
	w         io.Writer
	z         *i18n.Localizer
	provinces map[string]geo.Prov
	csv       *csv.Writer
	sheet     *sheetWriter
	n         int
}

// NewExporter starts an export to w in format and language lang. provinces are the
// database's, to write province names.
func NewExporter(w io.Writer, format Format, lang i18n.Lang, provinces []geo.Prov) (*Exporter, error) {
	b := catalogs()
	if b == nil {
		_, err := i18n.Load()
		return nil, err
	}
	e := &Exporter{format: format, w: w, z: b.For(lang), provinces: map[string]geo.Prov{}}
	for _, p := range provinces {
		e.provinces[p.Code] = p
	}
	header := make([]string, len(ExportColumns))
	for i, f := range ExportColumns {
		header[i] = e.z.T(f.LabelKey())
	}
	switch format {
	case CSV:
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
		e.csv = csv.NewWriter(w)
		if lang != i18n.EN {
			e.csv.Comma = ';'
		}
		return e, e.csv.Write(header)
	case XLSX:
		widths := map[int]float64{0: 32, 1: 32, 5: 30, 12: 30, 27: 40, 28: 40}
		s, err := newSheetWriter(e.z, "importer.export.sheet", header, widths)
		if err != nil {
			return nil, err
		}
		e.sheet = s
		return e, nil
	}
	return nil, refuse("importer.error.format", "format", string(format))
}

// Write adds one organisation.
func (e *Exporter) Write(o *org.Organisation) error {
	e.n++
	if e.format == CSV {
		rec := make([]string, len(ExportColumns))
		for i, f := range ExportColumns {
			v := e.value(o, f)
			if d, ok := v.(civil.Date); ok {
				if !d.IsZero() {
					rec[i] = d.In(time.UTC).Format("02/01/2006")
				}
				continue
			}
			rec[i] = v.(string)
		}
		return e.csv.Write(rec)
	}
	cells := make([]any, len(ExportColumns))
	for i, f := range ExportColumns {
		switch v := e.value(o, f).(type) {
		case civil.Date:
			if v.IsZero() {
				cells[i] = ""
			} else {
				cells[i] = e.sheet.date(v.In(time.UTC))
			}
		case string:
			if n, err := strconv.Atoi(v); err == nil && isCount(f) {
				cells[i] = n
			} else {
				cells[i] = v
			}
		}
	}
	return e.sheet.add(cells)
}

func isCount(f Field) bool { return f == MembersWomen || f == MembersMen || f == MembersUnder35 }

// Count is how many organisations were written.
func (e *Exporter) Count() int { return e.n }

// Close finishes the file.
func (e *Exporter) Close() error {
	if e.format == CSV {
		e.csv.Flush()
		return e.csv.Error()
	}
	return e.sheet.finish(e.w)
}

// value is what column f shows of o: a string, or a civil.Date for dates.
func (e *Exporter) value(o *org.Organisation, f Field) any {
	z := e.z
	switch f {
	case NameAR:
		return o.Name.AR
	case NameFR:
		return o.Name.FR
	case LegalForm:
		return z.T("org.legal_form." + string(o.LegalForm))
	case Province:
		p, ok := e.provinces[o.ProvinceCode]
		switch {
		case !ok:
			return o.ProvinceCode
		case z.Lang() == i18n.AR:
			return p.NameAR
		default:
			return p.NameFR
		}
	case Sector:
		return z.T("taxonomy.sector." + string(o.Sector))
	case Categories:
		return e.list(len(o.Categories), func(i int) string { return z.T("taxonomy.category." + o.Categories[i]) })
	case Programmes:
		return e.list(len(o.Programmes), func(i int) string { return z.T("taxonomy.programme." + string(o.Programmes[i])) })
	case ICE:
		return o.Identifiers.ICE
	case RegisterNumber:
		return o.Identifiers.RegisterNumber
	case RegisterCourt:
		return o.Identifiers.RegisterCourt
	case ReceiptNumber:
		return o.Identifiers.ReceiptNumber
	case ReceiptDate:
		return o.Identifiers.ReceiptDate
	case FoundedOn:
		return o.FoundedOn
	case Address:
		return o.Contact.Address
	case Phone:
		return displayPhone(o.Contact.Phone)
	case Phone2:
		return displayPhone(o.Contact.Phone2)
	case WhatsApp:
		if o.Contact.Phone == "" {
			return ""
		}
		return e.yesNo(o.Contact.WhatsApp)
	case Email:
		return o.Contact.Email
	case Website:
		return o.Contact.Website
	case Facebook:
		return o.Contact.Facebook
	case Instagram:
		return o.Contact.Instagram
	case MembersWomen:
		return count(o.Members.Women)
	case MembersMen:
		return count(o.Members.Men)
	case MembersUnder35:
		return count(o.Members.Under35)
	case WomenLed:
		return e.yesNo(o.WomenLed)
	case YouthLed:
		return e.yesNo(o.YouthLed)
	case FoodSafetyNo:
		return o.FoodSafetyNo
	case DescriptionAR:
		return o.Description.AR
	case DescriptionFR:
		return o.Description.FR
	}
	return ""
}

func (e *Exporter) list(n int, label func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = label(i)
	}
	sep := ", "
	if e.z.Lang() == i18n.AR {
		sep = "، "
	}
	return strings.Join(parts, sep)
}

func (e *Exporter) yesNo(b bool) string {
	if b {
		return e.z.T("importer.value.yes")
	}
	return e.z.T("importer.value.no")
}

// count leaves unknown (zero) member counts empty.
func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// displayPhone writes a Moroccan number as people read it, "06 12 34 56 78" (a
// spreadsheet keeps that as text, with its leading zero); other numbers stay in E.164.
func displayPhone(e164 string) string {
	rest, ok := strings.CutPrefix(e164, "+212")
	if !ok || len(rest) != 9 {
		return e164
	}
	d := "0" + rest
	return d[0:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:8] + " " + d[8:10]
}
