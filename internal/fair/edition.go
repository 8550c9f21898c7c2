// Package fair is the domain of fairs: an edition (a regional fair, a national salon or one
// stop of a mobile market), its kind, its dates and its life cycle.
package fair

import (
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/mltext"
)

// Kind is the format of an edition.
type Kind string

// The formats councils run (see DESIGN.md): a mobile market is ~5 days on a city square,
// a regional fair 6–10 days with 130–175 stands, a national salon the same at larger scale.
const (
	MobileMarket  Kind = "mobile_market"
	RegionalFair  Kind = "regional_fair"
	NationalSalon Kind = "national_salon"
	OtherKind     Kind = "other"
)

// Kinds lists every kind, in the order forms offer them.
var Kinds = []Kind{MobileMarket, RegionalFair, NationalSalon, OtherKind}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Status is where an edition stands in its life.
type Status string

// The life of an edition, in order.
const (
	Draft              Status = "draft"
	CallOpen           Status = "call_open"
	InReview           Status = "in_review"
	SelectionPublished Status = "selection_published"
	Running            Status = "running"
	Closed             Status = "closed"
	Reported           Status = "reported"
	Cancelled          Status = "cancelled" // announced, then called off: its page says so
)

// Edition is one fair: one place, one span of days. Counts that are zero are unknown, and so
// is an empty venue (press releases do not always name it).
type Edition struct {
	ID               int64
	Kind             Kind
	Number           int // the edition's ordinal ("third edition"); 0 when unknown
	RegionCode       string
	ProvinceCode     string
	City             mltext.Text
	Venue            mltext.Text
	Title            mltext.Text
	Slogan           mltext.Text
	StartsOn         civil.Date
	EndsOn           civil.Date
	AreaM2           int
	TargetVisitors   int
	TargetExhibitors int // people on the stands (two per organisation, usually)
	TargetOrgs       int // organisations exhibiting
	TargetStands     int
	Status           Status

	Theme        mltext.Text // the edition's theme (المحور), beside its slogan
	About        mltext.Text // what the edition aims at, in a paragraph or two
	Hours        Hours       // daily opening hours; Set is false when unknown
	LegalBasis   mltext.Text // e.g. article 82 of organic law 111.14 on regions
	Patronage    mltext.Text // e.g. under the High Patronage of His Majesty the King
	Occasion     mltext.Text // a linked day, e.g. the International Day of Cooperatives
	RepsPerStand int         // people each organisation sends to its stand; 2 by default
	CancelReason string      // why a cancelled edition was called off, as the organiser wrote it
	TourID       int64       // the mobile-market tour it belongs to; 0 for none
	Partners     []Partnership
	Spaces       []Space
	Guests       []Guest
}

// DefaultRepsPerStand is how many people an organisation sends to its stand: the press
// counts "260 exhibitors on 130 stands".
const DefaultRepsPerStand = 2

// Days is the number of days the edition is open, counting both ends.
func (e *Edition) Days() int { return e.StartsOn.DaysUntil(e.EndsOn) + 1 }

// Phase tells whether an edition is upcoming, current or past on a given day.
type Phase string

// The three phases the public sees.
const (
	Upcoming Phase = "upcoming"
	Current  Phase = "current"
	Past     Phase = "past"
)

// PhaseOn returns the edition's phase on day today.
func (e *Edition) PhaseOn(today civil.Date) Phase {
	switch {
	case today.Before(e.StartsOn):
		return Upcoming
	case today.After(e.EndsOn):
		return Past
	}
	return Current
}

// Validate checks an edition before it is stored and reports every problem at once, as
// catalog keys. The seeds hold a real example of what it refuses: a fair announced "from 10
// to 5 December".
func (e *Edition) Validate() error {
	e.trim()
	var v apperr.Validation
	v.Check(e.Kind.Valid(), "kind", "fair.error.kind")
	v.Check(e.Number >= 0, "number", "fair.error.number")
	v.Check(e.RegionCode != "", "region", "fair.error.region_required")
	v.Check(e.ProvinceCode != "", "province", "fair.error.province_required")
	v.Check(e.City.AR != "" && e.City.FR != "", "city", "fair.error.city_required")
	v.Check(e.Title.AR != "" && e.Title.FR != "", "title", "fair.error.title_required")
	v.Check(!e.StartsOn.IsZero(), "starts_on", "fair.error.start_required")
	v.Check(!e.EndsOn.IsZero(), "ends_on", "fair.error.end_required")
	if !e.StartsOn.IsZero() && !e.EndsOn.IsZero() {
		v.Check(!e.EndsOn.Before(e.StartsOn), "ends_on", "fair.error.ends_before_start",
			"start", e.StartsOn, "end", e.EndsOn)
	}
	v.Check(e.AreaM2 >= 0, "area_m2", "fair.error.area_negative")
	v.Check(e.TargetVisitors >= 0, "target_visitors", "fair.error.target_negative")
	v.Check(e.TargetExhibitors >= 0, "target_exhibitors", "fair.error.target_negative")
	v.Check(e.TargetOrgs >= 0, "target_organisations", "fair.error.target_negative")
	v.Check(e.TargetStands >= 0, "target_stands", "fair.error.target_negative")
	if e.RepsPerStand == 0 {
		e.RepsPerStand = DefaultRepsPerStand
	}
	v.Check(e.RepsPerStand >= 1 && e.RepsPerStand <= 10, "reps_per_stand", "fair.error.reps_per_stand")
	v.Check(!e.Hours.Set || e.Hours.Opens != e.Hours.Closes, "hours", "fair.error.hours_empty")
	if e.Status == "" {
		e.Status = Draft
	}
	v.Check(e.Status.Valid(), "status", "fair.error.status")
	e.validateParts(&v)
	return v.Err()
}

func (e *Edition) trim() {
	for _, t := range []*mltext.Text{&e.City, &e.Venue, &e.Title, &e.Slogan, &e.Theme, &e.About,
		&e.LegalBasis, &e.Patronage, &e.Occasion} {
		*t = t.Trimmed()
	}
	for i := range e.Partners {
		e.Partners[i].Name = e.Partners[i].Name.Trimmed()
		e.Partners[i].Convention = strings.TrimSpace(e.Partners[i].Convention)
	}
	for i := range e.Spaces {
		e.Spaces[i].Name = e.Spaces[i].Name.Trimmed()
	}
	for i := range e.Guests {
		e.Guests[i].Name = e.Guests[i].Name.Trimmed()
	}
}

// validateParts checks the partners, spaces and guests, naming each problem's row (fields
// "partners.2", counted from 1, as the form shows them).
func (e *Edition) validateParts(v *apperr.Validation) {
	for i, p := range e.Partners {
		f := "partners." + strconv.Itoa(i+1)
		v.Check(p.Name.AR != "" || p.Name.FR != "", f, "fair.error.partner_name", "row", i+1)
		v.Check(p.Role.Valid(), f, "fair.error.partner_role", "row", i+1)
	}
	total := 0
	for i, sp := range e.Spaces {
		f := "spaces." + strconv.Itoa(i+1)
		v.Check(sp.Kind.Valid(), f, "fair.error.space_kind", "row", i+1)
		v.Check(sp.AreaM2 >= 0, f, "fair.error.space_area", "row", i+1)
		v.Check(sp.Stands >= 0, f, "fair.error.space_stands", "row", i+1)
		if e.AreaM2 > 0 && sp.AreaM2 > e.AreaM2 {
			v.Add(f, "fair.error.space_larger_than_venue", "row", i+1, "area", sp.AreaM2, "venue", e.AreaM2)
		}
		total += max(sp.AreaM2, 0)
	}
	if e.AreaM2 > 0 && total > e.AreaM2 {
		v.Add("spaces", "fair.error.spaces_exceed_venue", "total", total, "venue", e.AreaM2)
	}
	for i, g := range e.Guests {
		f := "guests." + strconv.Itoa(i+1)
		v.Check(g.Kind.Valid(), f, "fair.error.guest_kind", "row", i+1)
		v.Check(g.Name.AR != "" || g.Name.FR != "", f, "fair.error.guest_name", "row", i+1)
	}
}
