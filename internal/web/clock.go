package web

import "github.com/aswaq/aswaq/internal/civil"

// casablanca is the zone every fair's dates and hours are in.
var casablanca = civil.Casablanca

// today is the date in Morocco.
func (s *Server) today() civil.Date { return civil.Of(s.now().In(casablanca)) }
