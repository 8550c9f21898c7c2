package web

import (
	"bytes"
	"html/template"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/venue"
	"github.com/aswaq/aswaq/internal/venue/svg"
)

// planLabels are the drawing's words in the page's language; stands are titled by titles
// (code → "P-014 · Coopérative Al Amal"), the rest by their code.
func planLabels(p *page, e *fair.Edition, pl venue.Plan, titles map[string]string) svg.Labels {
	l := svg.Labels{Lang: p.Code, RTL: p.Dir == "rtl", Zones: map[string]string{}, Stands: titles,
		Title: p.L.T("map.svg_title", "fair", e.Title.In(p.Code)),
		Desc:  p.L.T("map.svg_desc", "stands", len(pl.Stands), "poles", len(pl.Zones), "entrances", len(pl.Entrances)),
		Kinds: map[venue.StandKind]string{}, Power: p.L.T("map.legend.power"), Water: p.L.T("map.legend.water"),
		Accessible: p.L.T("map.legend.accessible"), Entrance: p.L.T("map.legend.entrance"),
		Front: p.L.T("map.legend.front"), ScaleBar: p.L.T("map.legend.scale")}
	for _, z := range pl.Zones {
		l.Zones[z.Code] = zoneName(p, z)
	}
	for _, k := range venue.StandKinds {
		l.Kinds[k] = p.L.T("map.kind." + string(k))
	}
	return l
}

// zoneName is a pole's name in the page's language, or its kind's name when it has none.
func zoneName(p *page, z venue.Zone) string {
	if n := z.Name.In(p.Code); n != "" {
		return n
	}
	return p.L.T("fairs.space." + string(z.Kind))
}

// drawPlan draws a plan for a page: inline (the page's stylesheet css/plan.css carries the
// drawing's rules, as the Content-Security-Policy forbids a <style> element in a page).
// The svg package escapes every text it writes, so the result is safe HTML.
func drawPlan(pl venue.Plan, l svg.Labels, o svg.Options) template.HTML {
	var b bytes.Buffer
	o.Inline = true
	if err := svg.Write(&b, pl, l, o); err != nil {
		return ""
	}
	return template.HTML(b.String())
}

// problems turns an error of the venue, placement or store packages into sentences in the
// reader's language: a plan refused for three overlaps shows the three.
func problems(l *i18n.Localizer, err error) []string {
	e, ok := apperr.As(err)
	if !ok {
		return nil
	}
	if len(e.Fields) == 0 {
		return []string{l.T(e.Key, e.Args...)}
	}
	out := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		out = append(out, l.T(f.Key, f.Args...))
	}
	return out
}

// userMistake reports whether err is the user's to correct (a refused plan, a taken
// stand) rather than a failure of the system.
func userMistake(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.Invalid, apperr.Conflict:
		return true
	}
	return false
}
