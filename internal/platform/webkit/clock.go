package webkit

import (
	"time"
	_ "time/tzdata" // Morocco's zone must be known even on a server without tzdata

	"github.com/aswaq/aswaq/internal/civil"
)

// Casablanca is the zone every fair's dates and hours are in.
var Casablanca = func() *time.Location {
	loc, err := time.LoadLocation("Africa/Casablanca")
	if err != nil {
		panic(err)
	}
	return loc
}()

// Today is the date in Morocco.
func (k *Kit) Today() civil.Date { return civil.Of(k.now().In(Casablanca)) }
