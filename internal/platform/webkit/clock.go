package webkit

import "github.com/aswaq/aswaq/internal/civil"

// Casablanca is the zone every fair's dates and hours are in (civil.Casablanca).
var Casablanca = civil.Casablanca

// Today is the date in Morocco.
func (k *Kit) Today() civil.Date { return civil.Of(k.now().In(civil.Casablanca)) }
