package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// The edition form's repeated rows (partners, spaces, guests) are numbered fields such as
// "partners.2.name_ar", so a row's error lands next to it. The form shows the stored rows
// and a few empty ones; "add rows" sends the form back with more, without saving, so it
// works without JavaScript. Empty rows are ignored.

// editionFromForm reads the edition form. Values that cannot be read (a number that is not
// one, a time that is not one) become field errors on f; what was typed is kept.
func (h *Handlers) editionFromForm(r *http.Request, f *webkit.Form, id int64) fair.Edition {
	r.ParseForm()
	v := r.PostForm
	text := func(name string) mltext.Text {
		return mltext.Text{AR: v.Get(name + "_ar"), FR: v.Get(name + "_fr"), ZGH: v.Get(name + "_zgh")}
	}
	e := fair.Edition{
		ID: id, Kind: fair.Kind(v.Get("kind")), ProvinceCode: v.Get("province"),
		City: text("city"), Venue: text("venue"), Title: text("title"), Slogan: text("slogan"), Theme: text("theme"),
		About: text("about"), LegalBasis: text("legal_basis"), Patronage: text("patronage"), Occasion: text("occasion"),
	}
	e.Venue.ZGH, e.City.ZGH = "", ""              // not asked: place names are shown as written in Arabic or French
	if p, ok := h.Provinces[e.ProvinceCode]; ok { // the region is the host province's
		e.RegionCode = p.RegionCode
	}
	e.Number = webkit.ReadCount(f, "number", v.Get("number"))
	e.StartsOn = webkit.ReadDate(f, "starts_on", v.Get("starts_on"))
	e.EndsOn = webkit.ReadDate(f, "ends_on", v.Get("ends_on"))
	e.AreaM2 = webkit.ReadCount(f, "area_m2", v.Get("area_m2"))
	e.TargetVisitors = webkit.ReadCount(f, "target_visitors", v.Get("target_visitors"))
	e.TargetExhibitors = webkit.ReadCount(f, "target_exhibitors", v.Get("target_exhibitors"))
	e.TargetOrgs = webkit.ReadCount(f, "target_organisations", v.Get("target_organisations"))
	e.TargetStands = webkit.ReadCount(f, "target_stands", v.Get("target_stands"))
	e.RepsPerStand = webkit.ReadCount(f, "reps_per_stand", v.Get("reps_per_stand"))
	if tour := strings.TrimSpace(v.Get("tour")); tour != "" {
		e.TourID, _ = strconv.ParseInt(tour, 10, 64)
	}
	e.Hours = formHours(f, v.Get("opens_at"), v.Get("closes_at"))
	for i := 1; i <= webkit.RowCount(v, "partners"); i++ {
		pre := "partners." + strconv.Itoa(i) + "."
		p := fair.Partnership{Name: mltext.Text{AR: v.Get(pre + "name_ar"), FR: v.Get(pre + "name_fr")},
			Role: fair.PartnerRole(v.Get(pre + "role")), Convention: v.Get(pre + "convention")}
		if !p.Name.Trimmed().IsZero() || strings.TrimSpace(p.Convention) != "" {
			e.Partners = append(e.Partners, p)
		}
	}
	for i := 1; i <= webkit.RowCount(v, "spaces"); i++ {
		pre := "spaces." + strconv.Itoa(i) + "."
		sp := fair.Space{Kind: fair.SpaceKind(v.Get(pre + "kind")), Name: mltext.Text{AR: v.Get(pre + "name_ar"), FR: v.Get(pre + "name_fr")}}
		sp.AreaM2 = webkit.ReadCount(f, "spaces."+strconv.Itoa(i), v.Get(pre+"area_m2"))
		sp.Stands = webkit.ReadCount(f, "spaces."+strconv.Itoa(i), v.Get(pre+"stands"))
		if sp.Kind != "" || !sp.Name.Trimmed().IsZero() || sp.AreaM2 != 0 || sp.Stands != 0 {
			e.Spaces = append(e.Spaces, sp)
		}
	}
	for i := 1; i <= webkit.RowCount(v, "guests"); i++ {
		pre := "guests." + strconv.Itoa(i) + "."
		g := fair.Guest{Kind: fair.GuestKind(v.Get(pre + "kind")), Name: mltext.Text{AR: v.Get(pre + "name_ar"), FR: v.Get(pre + "name_fr")}}
		if !g.Name.Trimmed().IsZero() {
			e.Guests = append(e.Guests, g)
		}
	}
	return e
}

// formHours reads the opening and closing times; both or neither must be given.
func formHours(f *webkit.Form, opens, closes string) fair.Hours {
	opens, closes = strings.TrimSpace(opens), strings.TrimSpace(closes)
	if opens == "" && closes == "" {
		return fair.Hours{}
	}
	o, ok1 := fair.ParseClock(opens)
	c, ok2 := fair.ParseClock(closes)
	if !ok1 || !ok2 {
		f.ReadError("hours", "fair.error.hours_format")
		return fair.Hours{}
	}
	return fair.Hours{Opens: o, Closes: c, Set: true}
}

// editionValues fills the form from a stored edition, for editing, with spare empty rows.
func editionValues(e fair.Edition) *webkit.Form {
	f := webkit.NewForm()
	set := func(k, v string) { f.Values[k] = v }
	setText := func(name string, t mltext.Text) {
		set(name+"_ar", t.AR)
		set(name+"_fr", t.FR)
		set(name+"_zgh", t.ZGH)
	}
	count := func(k string, n int) {
		if n != 0 {
			set(k, strconv.Itoa(n))
		}
	}
	set("kind", string(e.Kind))
	set("province", e.ProvinceCode)
	count("number", e.Number)
	for name, t := range map[string]mltext.Text{"title": e.Title, "slogan": e.Slogan, "theme": e.Theme, "about": e.About,
		"city": e.City, "venue": e.Venue, "legal_basis": e.LegalBasis, "patronage": e.Patronage, "occasion": e.Occasion} {
		setText(name, t)
	}
	if !e.StartsOn.IsZero() {
		set("starts_on", e.StartsOn.String())
		set("ends_on", e.EndsOn.String())
	}
	if e.Hours.Set {
		set("opens_at", fair.Clock(e.Hours.Opens))
		set("closes_at", fair.Clock(e.Hours.Closes))
	}
	count("area_m2", e.AreaM2)
	count("target_visitors", e.TargetVisitors)
	count("target_exhibitors", e.TargetExhibitors)
	count("target_organisations", e.TargetOrgs)
	count("target_stands", e.TargetStands)
	count("reps_per_stand", e.RepsPerStand)
	if e.TourID != 0 {
		set("tour", strconv.FormatInt(e.TourID, 10))
	}
	for i, p := range e.Partners {
		pre := "partners." + strconv.Itoa(i+1) + "."
		set(pre+"name_ar", p.Name.AR)
		set(pre+"name_fr", p.Name.FR)
		set(pre+"role", string(p.Role))
		set(pre+"convention", p.Convention)
	}
	for i, sp := range e.Spaces {
		pre := "spaces." + strconv.Itoa(i+1) + "."
		set(pre+"kind", string(sp.Kind))
		set(pre+"name_ar", sp.Name.AR)
		set(pre+"name_fr", sp.Name.FR)
		count(pre+"area_m2", sp.AreaM2)
		count(pre+"stands", sp.Stands)
	}
	for i, g := range e.Guests {
		pre := "guests." + strconv.Itoa(i+1) + "."
		set(pre+"kind", string(g.Kind))
		set(pre+"name_ar", g.Name.AR)
		set(pre+"name_fr", g.Name.FR)
	}
	set("partners.rows", strconv.Itoa(len(e.Partners)+webkit.SpareRows))
	set("spaces.rows", strconv.Itoa(len(e.Spaces)+webkit.SpareRows))
	set("guests.rows", strconv.Itoa(len(e.Guests)+webkit.SpareRows))
	return f
}

// editionGroups are the edition form's repeated groups.
var editionGroups = []string{"partners", "spaces", "guests"}
