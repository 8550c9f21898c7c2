package importer

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// Options are what reading rows needs beyond the file and the mapping.
type Options struct {
	// Province finds a province code from what a cell says (a name or a code); build it
	// with ProvinceIndex from the provinces the database holds. Required.
	Province func(string) (string, bool)
	// Today bounds founding dates; zero means today in Morocco.
	Today civil.Date
	// Progress, when set, is called every few hundred rows with the number of rows read
	// and the part of the file done (0 to 1), or -1 when that is not known.
	Progress func(rows int, done float64)
}

// RowError is one problem with one row: where it is (the line or row number in the file,
// the column and its header) and what is wrong, as a catalog key and its arguments (keys
// under importer.error.* for what reading the cell found, org.error.* for what the
// organisation's own checks found). Render it with Message.
type RowError struct {
	Line   int
	Column int    // 0 is column A; -1 when the problem is with the row as a whole
	Header string // the column's header in the file
	Field  Field  // the field concerned, when known
	Key    string
	Args   []any
}

// ColumnName is the spreadsheet name of the error's column ("E"), or "".
func (e RowError) ColumnName() string { return ColumnName(e.Column) }

// Row is one data row of the file, read and checked.
type Row struct {
	Line   int
	Cells  []string         // as in the file
	Org    org.Organisation // what the row says; valid when Errors is empty
	Given  FieldSet         // the fields whose cells had a value
	Errors []RowError
}

// Valid reports whether the row can be imported.
func (r *Row) Valid() bool { return len(r.Errors) == 0 }

// Record returns the row for the store.
func (r *Row) Record() Record {
	return Record{Line: r.Line, Org: r.Org, Given: r.Given, Cells: r.Cells}
}

// converter turns cells into an organisation.
type converter struct {
	m        Mapping
	headers  []string
	opts     Options
	today    civil.Date
	date1904 bool
}

func newConverter(m Mapping, headers []string, opts Options, date1904 bool) *converter {
	today := opts.Today
	if today.IsZero() {
		today = civil.Of(time.Now().In(civil.Casablanca))
	}
	if opts.Province == nil {
		opts.Province = func(string) (string, bool) { return "", false }
	}
	return &converter{m: m, headers: headers, opts: opts, today: today, date1904: date1904}
}

// rowState is the work in progress on one row.
type rowState struct {
	c            *converter
	row          *Row
	errCols      map[int]bool
	total        int
	hasTotal     bool
	whatsapp     string
	otherCats    bool
	catsFromSect []string
}

func (s *rowState) fail(col int, f Field, key string, args ...any) {
	header := ""
	if col >= 0 && col < len(s.c.headers) {
		header = strings.TrimSpace(s.c.headers[col])
	}
	s.row.Errors = append(s.row.Errors, RowError{Line: s.row.Line, Column: col, Header: header, Field: f, Key: key, Args: args})
	s.errCols[col] = true
}

func (s *rowState) give(f Field) { s.row.Given = s.row.Given.With(f) }

// row converts the cells of one non-empty data row.
func (c *converter) row(line int, cells []string) *Row {
	r := &Row{Line: line, Cells: cells}
	s := &rowState{c: c, row: r, errCols: map[int]bool{}}
	o := &r.Org
	for col, f := range c.m.Columns {
		if f == Ignore || col >= len(cells) || blank(cells[col]) {
			continue
		}
		s.cell(col, f, strings.TrimSpace(cells[col]))
	}
	s.finish()
	if err := o.Validate(c.today); err != nil {
		s.validationErrors(err)
	}
	return r
}

// cell converts one non-blank cell.
func (s *rowState) cell(col int, f Field, v string) {
	o := &s.row.Org
	c := s.c
	text := func(dst *string) {
		*dst = strings.Join(strings.Fields(v), " ")
		s.give(f)
	}
	switch f {
	case Name:
		ar, fr := splitScripts(v)
		if ar != "" {
			o.Name.AR = strings.Join(strings.Fields(ar), " ")
			s.give(NameAR)
		}
		if fr != "" && !c.m.Has(NameFR) || ar == "" {
			o.Name.FR = strings.Join(strings.Fields(fr), " ")
			s.give(NameFR)
		}
	case NameAR:
		text(&o.Name.AR)
	case NameFR:
		text(&o.Name.FR)
	case Description:
		if hasArabic(v) {
			o.Description.AR = strings.TrimSpace(v)
			s.give(DescriptionAR)
		} else {
			o.Description.FR = strings.TrimSpace(v)
			s.give(DescriptionFR)
		}
	case DescriptionAR:
		o.Description.AR = strings.TrimSpace(v)
		s.give(f)
	case DescriptionFR:
		o.Description.FR = strings.TrimSpace(v)
		s.give(f)
	case LegalForm:
		vals, _ := vocabs().legalForms.find(v)
		if len(vals) == 0 {
			s.fail(col, f, "importer.error.legal_form", "value", v)
			return
		}
		o.LegalForm = org.LegalForm(vals[0])
		s.give(f)
	case Province:
		code, ok := c.opts.Province(v)
		if !ok {
			s.fail(col, f, "importer.error.province", "value", v)
			return
		}
		o.ProvinceCode = code
		s.give(f)
	case Sector:
		if vals, _ := vocabs().sectors.find(v); len(vals) > 0 {
			o.Sector = taxonomy.Sector(vals[0])
			s.give(f)
			return
		}
		// A category in the sector column ("العسل") names its sector.
		if cats, unknown := vocabs().categories.find(v); len(cats) > 0 && !unknown {
			cat, _ := taxonomy.Lookup(cats[0])
			o.Sector = cat.Sector
			s.give(f)
			s.catsFromSect = cats
			return
		}
		s.fail(col, f, "importer.error.sector", "value", v)
	case Categories:
		for _, item := range splitList(v) {
			if blank(item) {
				continue
			}
			cats, unknown := vocabs().categories.find(item)
			if len(cats) == 0 && unknown {
				s.otherCats = true
			}
			for _, cat := range cats {
				if !slices.Contains(o.Categories, cat) {
					o.Categories = append(o.Categories, cat)
				}
			}
		}
		s.give(f)
	case Programmes:
		for _, item := range splitList(v) {
			if blank(item) {
				continue
			}
			progs, _ := vocabs().programmes.find(item)
			if len(progs) == 0 {
				progs = []string{string(taxonomy.OtherProgramme)}
			}
			for _, p := range progs {
				if !slices.Contains(o.Programmes, taxonomy.Programme(p)) {
					o.Programmes = append(o.Programmes, taxonomy.Programme(p))
				}
			}
		}
		s.give(f)
	case ICE:
		ice, ok := normalizeICE(v)
		if !ok {
			s.fail(col, f, "importer.error.ice", "value", v)
			return
		}
		o.Identifiers.ICE = ice
		s.give(f)
	case RegisterNumber:
		if d := integral(v); d != "" {
			v = d
		}
		text(&o.Identifiers.RegisterNumber)
	case RegisterCourt:
		text(&o.Identifiers.RegisterCourt)
	case ReceiptNumber:
		if d := integral(v); d != "" {
			v = d
		}
		text(&o.Identifiers.ReceiptNumber)
	case FoodSafetyNo:
		text(&o.FoodSafetyNo)
	case Address:
		text(&o.Contact.Address)
	case ReceiptDate, FoundedOn:
		d, e := parseDate(v, c.date1904, c.today)
		switch e {
		case dateYearOnly:
			s.fail(col, f, "importer.error.date_year_only", "value", v)
			return
		case dateBad:
			s.fail(col, f, "importer.error.date", "value", v)
			return
		}
		if f == ReceiptDate {
			o.Identifiers.ReceiptDate = d
		} else {
			o.FoundedOn = d
		}
		s.give(f)
	case FoundedYear:
		d, ok := parseYear(v, c.date1904, c.today)
		if !ok {
			s.fail(col, f, "importer.error.year", "value", v)
			return
		}
		o.FoundedOn = d
		s.give(FoundedOn)
	case Phone, Phone2:
		phones := splitPhones(v)
		var ok []string
		for _, p := range phones {
			n, valid := normalizePhone(p)
			if !valid {
				s.fail(col, f, "importer.error.phone", "value", p)
				return
			}
			ok = append(ok, n)
		}
		if f == Phone2 {
			o.Contact.Phone2 = ok[0]
			s.give(Phone2)
			return
		}
		o.Contact.Phone = ok[0]
		s.give(Phone)
		if len(ok) > 1 && o.Contact.Phone2 == "" { // a Phone2 column further right wins
			o.Contact.Phone2 = ok[1]
			s.give(Phone2)
		}
	case WhatsApp:
		if b, ok := parseBool(v); ok {
			o.Contact.WhatsApp = b
			s.give(f)
			return
		}
		n, ok := normalizePhone(v)
		if !ok {
			s.fail(col, f, "importer.error.whatsapp", "value", v)
			return
		}
		s.whatsapp = n
	case Email:
		if !strings.Contains(v, "@") {
			s.fail(col, f, "importer.error.email", "value", v)
			return
		}
		text(&o.Contact.Email)
	case Website:
		text(&o.Contact.Website)
	case Facebook:
		text(&o.Contact.Facebook)
	case Instagram:
		text(&o.Contact.Instagram)
	case MembersTotal, MembersWomen, MembersMen, MembersUnder35:
		n, ok := parseCount(v)
		if !ok {
			s.fail(col, f, "importer.error.number", "value", v)
			return
		}
		switch f {
		case MembersTotal:
			s.total, s.hasTotal = n, true
		case MembersWomen:
			o.Members.Women = n
		case MembersMen:
			o.Members.Men = n
		case MembersUnder35:
			o.Members.Under35 = n
		}
		if f != MembersTotal {
			s.give(f)
		}
	case WomenLed, YouthLed:
		b, ok := parseBool(v)
		if !ok {
			s.fail(col, f, "importer.error.boolean", "value", v)
			return
		}
		if f == WomenLed {
			o.WomenLed = b
		} else {
			o.YouthLed = b
		}
		s.give(f)
	}
}

// finish fills what one column tells about another: the legal form from the name, the
// sector from the activity, the men from the total, the WhatsApp number.
func (s *rowState) finish() {
	o := &s.row.Org
	m := s.c.m
	if o.LegalForm == "" && !s.hasErrorFor(LegalForm) {
		if lf, ok := inferLegalForm(o.Name.AR); ok {
			o.LegalForm = lf
		} else if lf, ok := inferLegalForm(o.Name.FR); ok {
			o.LegalForm = lf
		} else {
			s.fail(m.Column(LegalForm), LegalForm, "importer.error.legal_form_missing")
		}
	}
	for _, c := range s.catsFromSect {
		if !slices.Contains(o.Categories, c) && !s.row.Given.Has(Categories) {
			o.Categories = append(o.Categories, c)
		}
	}
	if o.Sector == "" && !s.hasErrorFor(Sector) {
		for _, code := range o.Categories {
			if c, ok := taxonomy.Lookup(code); ok {
				o.Sector = c.Sector
				break
			}
		}
		if o.Sector == "" {
			col := m.Column(Sector)
			if col < 0 {
				col = m.Column(Categories)
			}
			s.fail(col, Sector, "importer.error.sector_missing")
		}
	}
	// An activity no category names is kept as the sector's "other" category.
	if s.otherCats && o.Sector != "" {
		if other := "other_" + string(o.Sector); !slices.Contains(o.Categories, other) {
			if _, ok := taxonomy.Lookup(other); ok {
				o.Categories = append(o.Categories, other)
			}
		}
	}
	if s.hasTotal {
		given := s.row.Given
		switch {
		case given.Has(MembersWomen) && !given.Has(MembersMen):
			if s.total < o.Members.Women {
				s.fail(m.Column(MembersTotal), MembersTotal, "importer.error.members_total",
					"total", strconv.Itoa(s.total), "part", strconv.Itoa(o.Members.Women))
			} else {
				o.Members.Men = s.total - o.Members.Women
				s.give(MembersMen)
			}
		case given.Has(MembersMen) && !given.Has(MembersWomen):
			if s.total < o.Members.Men {
				s.fail(m.Column(MembersTotal), MembersTotal, "importer.error.members_total",
					"total", strconv.Itoa(s.total), "part", strconv.Itoa(o.Members.Men))
			} else {
				o.Members.Women = s.total - o.Members.Men
				s.give(MembersWomen)
			}
		}
	}
	if n := s.whatsapp; n != "" {
		switch {
		case o.Contact.Phone == "" || o.Contact.Phone == n:
			o.Contact.Phone, o.Contact.WhatsApp = n, true
			s.give(Phone)
			s.give(WhatsApp)
		case o.Contact.Phone2 == "":
			o.Contact.Phone2 = n
			s.give(Phone2)
		}
	}
}

// inferLegalForm reads the legal form from the first words of a name: "تعاونية الأمل",
// "Association Nour", "اتحاد تعاونيات …".
func inferLegalForm(name string) (org.LegalForm, bool) {
	w := words(name)
	for i := 0; i < 2 && i < len(w); i++ {
		if p, ok := vocabs().legalForms.longestAt(w, i); ok {
			return org.LegalForm(p.value), true
		}
	}
	return "", false
}

// validationErrors turns the organisation's own field errors into row errors, pointing
// at the column that fed the field, and leaves out those about a column that already
// has an error.
func (s *rowState) validationErrors(err error) {
	e, ok := apperr.As(err)
	if !ok {
		s.fail(-1, Ignore, "importer.error.internal")
		return
	}
	for _, fe := range e.Fields {
		col, field := -1, Ignore
		for _, f := range orgFieldColumns[fe.Field] {
			if c := s.c.m.Column(f); c >= 0 {
				col, field = c, f
				break
			}
		}
		if col >= 0 && s.errCols[col] {
			continue
		}
		if (fe.Field == "sector" || fe.Field == "legal_form") && s.hasErrorFor(Field(fe.Field)) {
			continue
		}
		s.fail(col, field, fe.Key, fe.Args...)
	}
}

func (s *rowState) hasErrorFor(f Field) bool {
	for _, e := range s.row.Errors {
		if e.Field == f {
			return true
		}
	}
	return false
}
