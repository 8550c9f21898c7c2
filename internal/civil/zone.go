package civil

import (
	"time"
	_ "time/tzdata" // Morocco's zone must be known even on a server without tzdata
)

// Casablanca is Morocco's time zone, in which every fair's dates and hours are given and
// "today" is reckoned. It is UTC+1 most of the year and UTC+0 around Ramadan, on dates
// the government sets each year: only the zone database knows them, so never replace it
// with a fixed offset. The database is embedded in the binary, so loading it fails only
// if that embedded copy is broken.
var Casablanca = mustLoadLocation("Africa/Casablanca")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("civil: " + err.Error())
	}
	return loc
}
