package fair

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/mltext"
)

// PartnerRole is what a body does for an edition. The press names them in this order: the
// regional council organises, a ministry or the wilaya is a partner, a province
// collaborates, and programmes such as INDH fund.
type PartnerRole string

// The roles a body can hold in an edition.
const (
	Organiser    PartnerRole = "organiser"
	Partner      PartnerRole = "partner"
	Collaborator PartnerRole = "collaborator"
	Funder       PartnerRole = "funder"
)

// PartnerRoles lists the roles in the order forms offer them.
var PartnerRoles = []PartnerRole{Organiser, Partner, Collaborator, Funder}

// Valid reports whether r is a known role.
func (r PartnerRole) Valid() bool { return oneOf(r, PartnerRoles) }

// Partnership is one body behind an edition, with its role and the reference of the
// convention that binds it, when there is one.
type Partnership struct {
	Name       mltext.Text
	Role       PartnerRole
	Convention string // the convention's reference or title, as the council writes it
}

// SpaceKind is what a pole or space of the venue is for.
type SpaceKind string

// The poles and spaces the seeds describe.
const (
	ProductsPole      SpaceKind = "products"
	InstitutionalPole SpaceKind = "institutional"
	InternationalPole SpaceKind = "international"
	RegionsSpace      SpaceKind = "regions"
	TrainingRoom      SpaceKind = "training"
	DemoSpace         SpaceKind = "demo"
	KidsArea          SpaceKind = "kids"
	HeritageSpace     SpaceKind = "heritage"
	Stage             SpaceKind = "stage"
	OtherSpace        SpaceKind = "other"
)

// SpaceKinds lists the kinds in the order forms offer them.
var SpaceKinds = []SpaceKind{ProductsPole, InstitutionalPole, InternationalPole, RegionsSpace,
	TrainingRoom, DemoSpace, KidsArea, HeritageSpace, Stage, OtherSpace}

// Valid reports whether k is a known kind.
func (k SpaceKind) Valid() bool { return oneOf(k, SpaceKinds) }

// Space is one pole or space of an edition: the products pole with its 130 stands, the
// kids area… Name is optional: the kind names it when empty.
type Space struct {
	Kind   SpaceKind
	Name   mltext.Text
	AreaM2 int // 0 when unknown
	Stands int // 0 when it has no stands or the number is unknown
}

// GuestKind tells a guest country from a guest region (a foreign region such as Corsica, or
// another Moroccan region).
type GuestKind string

// The kinds of guests.
const (
	GuestCountry GuestKind = "country"
	GuestRegion  GuestKind = "region"
)

// GuestKinds lists the kinds in the order forms offer them.
var GuestKinds = []GuestKind{GuestCountry, GuestRegion}

// Valid reports whether k is a known kind.
func (k GuestKind) Valid() bool { return oneOf(k, GuestKinds) }

// Guest is a country or region an edition hosts, usually in its international pole.
type Guest struct {
	Kind GuestKind
	Name mltext.Text
}

// Hours are an edition's daily opening hours, in minutes after midnight, local time
// (Africa/Casablanca). Closing may pass midnight (a summer market open 17:00–01:00): then
// Closes is smaller than Opens.
type Hours struct {
	Opens, Closes int
	Set           bool
}

// ParseClock reads "HH:MM" (24-hour clock; "9:30" too) as minutes after midnight.
func ParseClock(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(m) != 2 || len(h) == 0 || len(h) > 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}

// Clock writes minutes after midnight as "HH:MM".
func Clock(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

func oneOf[T comparable](x T, all []T) bool {
	for _, y := range all {
		if x == y {
			return true
		}
	}
	return false
}
