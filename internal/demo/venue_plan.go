package demo

import (
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/venue"
)

// OuarzazatePlan is a plan of the 2025 Drâa-Tafilalet fair (seed 004) on its 4,000 m²: an
// 80 × 50 m esplanade entered from the south, the products pole with its 160 stands in the
// north, and along the south side the institutional pole (15 stands), the training and
// demonstration spaces and the stage. The press reports give the figures, not the layout:
// the layout is made up, with the generator, so that `serve --demo` shows a map.
func OuarzazatePlan() (venue.Plan, error) {
	p := venue.Plan{
		Outline: venue.RectOutline(venue.Rect{W: 8000, H: 5000}),
		Entrances: []venue.Entrance{
			{Code: "A", Name: mltext.Text{AR: "المدخل الرئيسي", FR: "Entrée principale"}, At: venue.Point{X: 4000, Y: 5000}, Width: 800, Clearance: 500},
			{Code: "B", At: venue.Point{X: 0, Y: 4000}, Width: 400, Clearance: 300},
		},
		Zones: []venue.Zone{
			{Code: "P", Kind: fair.ProductsPole, Name: mltext.Text{AR: "قطب المنتوجات المجالية", FR: "Pôle des produits du terroir"}, Rect: venue.Rect{X: 200, Y: 200, W: 7600, H: 3300}},
			{Code: "I", Kind: fair.InstitutionalPole, Name: mltext.Text{AR: "القطب المؤسساتي", FR: "Pôle institutionnel"}, Rect: venue.Rect{X: 400, Y: 3600, W: 2700, H: 900}},
			{Code: "T", Kind: fair.TrainingRoom, Name: mltext.Text{AR: "فضاء الورشات التكوينية", FR: "Ateliers de formation"}, Rect: venue.Rect{X: 3300, Y: 3600, W: 1400, H: 900}},
			{Code: "D", Kind: fair.DemoSpace, Name: mltext.Text{AR: "فضاء ورشات مراحل الإنتاج", FR: "Démonstrations de production"}, Rect: venue.Rect{X: 4900, Y: 3600, W: 1400, H: 900}},
			{Code: "S", Kind: fair.Stage, Name: mltext.Text{AR: "المنصة", FR: "Scène"}, Rect: venue.Rect{X: 6500, Y: 3600, W: 1300, H: 900}},
		},
	}
	p, _, err := p.Generate(venue.Layout{Zone: "P", StandWidth: 300, StandDepth: 300, Aisle: 300, MaxRun: 12, Rows: venue.RowsEastWest})
	if err != nil {
		return p, err
	}
	if p, _, err = p.Generate(venue.Layout{Zone: "I", StandWidth: 300, StandDepth: 300, Aisle: 300, Rows: venue.RowsEastWest, Power: true}); err != nil {
		return p, err
	}
	// The generator fits 168 and 18: the last places in walking order stay empty, as the
	// fair had 160 and 15.
	return trim(trim(p, "P", 160), "I", 15), nil
}

// trim keeps the first n stands of a zone, in walking order.
func trim(p venue.Plan, zone string, n int) venue.Plan {
	kept := p.Stands[:0:0]
	for _, s := range p.Stands {
		if s.Zone == zone {
			if n == 0 {
				continue
			}
			n--
		}
		kept = append(kept, s)
	}
	p.Stands = kept
	return p
}
