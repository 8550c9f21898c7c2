package web

import (
	"github.com/aswaq/aswaq/internal/civil"
	"time"
	_ "time/tzdata" // Morocco's zone must be known even on a server without tzdata
)

// casablanca is the zone every fair's dates and hours are in.
var casablanca = mustLoadLocation("Africa/Casablanca")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// today is the date in Morocco.
func (s *Server) today() civil.Date { return civil.Of(s.now().In(casablanca)) }
