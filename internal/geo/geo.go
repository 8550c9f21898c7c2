// Package geo holds Morocco's administrative divisions as Aswaq uses them: the 12 regions,
// each run by a regional council that organises fairs, and the 75 prefectures and provinces
// that host fairs and that exhibitors come from.
package geo

// Region is one of the twelve regions, identified by its statistics-office code ("03").
type Region struct {
	Code   string
	NameAR string
	NameFR string
}

// ProvinceKind tells a prefecture (urban) from a province.
type ProvinceKind string

// The two kinds of province-level division.
const (
	Prefecture ProvinceKind = "prefecture"
	Province   ProvinceKind = "province"
)

// Prov is a prefecture or province, identified by its statistics-office code ("451").
type Prov struct {
	Code       string
	RegionCode string
	NameAR     string
	NameFR     string
	Kind       ProvinceKind
}
