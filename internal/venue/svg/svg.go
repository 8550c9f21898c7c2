// Package svg draws a venue plan as a standalone SVG document: the outline, the entrances
// with their clearances, the zones tinted by kind with their names, the stands with their
// codes, facilities and the side they open on, an optional highlighted stand and, for
// printing, a legend. Coordinates are metres (the viewBox is the plan in metres), so a
// stand's rectangle in the file reads as on the plan.
//
// The drawing is accessible: the document is an image with a title and a description
// (role="img", aria-labelledby), and each stand is a <g> with an id ("stand-P-014"), a
// data-code attribute and a <title> a screen reader or a mouse pointer shows. Pages that
// zoom, pan and select use those ids; a printed plan uses PageA3 and the legend. A page may
// also make each stand a link (Options.Link; the drawing is then a group, not an image, so
// the links stay reachable) and carry the stylesheet itself (Options.Inline, CSS).
//
// Every word is passed in Labels, already translated, so the package needs no catalog. With
// RTL set the document is marked right to left (Arabic names read correctly, the legend
// runs from the right) while stand codes stay left to right.
package svg

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/venue"
)

// Labels are the words of the drawing, in the reader's language.
type Labels struct {
	Lang  string // BCP 47 tag for xml:lang: "ar", "fr", "en"
	RTL   bool
	Title string // "Plan of the 3rd regional fair, Fès"
	Desc  string // a sentence: "130 stands in three poles; entrance on the south side."
	// Zones names zones by code; a zone without a name is labelled with its code.
	Zones map[string]string
	// Stands gives the title of a stand by code ("P-014 · Coopérative Al Amal · honey");
	// a stand without one is titled with its code.
	Stands map[string]string
	// Legend words: the stand kinds present, the facilities, the entrance and the scale.
	Kinds                              map[venue.StandKind]string
	Power, Water, Accessible, Entrance string
	Front                              string // "side open on the aisle"
	ScaleBar                           string // "10 m"
}

// Page is the paper the drawing is sized for.
type Page int

// Screen leaves the size to the page (the SVG scales to its container); PageA3 sizes it for
// an A3 sheet in landscape, the plan and its legend fitted inside.
const (
	Screen Page = iota
	PageA3
)

// Options choose what to draw.
type Options struct {
	Highlight string // a stand code to highlight ("you are here", the stand being edited)
	Legend    bool
	Page      Page
	// Link, when set, makes each stand a link to the address it returns for the stand's
	// code (the stand's edit form, the organisation's page); "" leaves a stand unlinked.
	Link func(code string) string
	// Inline leaves the <style> element out, for a drawing placed inside an HTML page whose
	// Content-Security-Policy forbids inline styles: the page's stylesheet carries CSS.
	Inline bool
	// Marked stands are drawn as matches (a search's results), besides the highlight.
	Marked map[string]bool
}

const margin = 200 // around the plan, in centimetres

// Write draws the plan. It does not validate it: a plan with faults is drawn as it is, so
// that the organiser can see them.
func Write(w io.Writer, p venue.Plan, l Labels, o Options) error {
	bw := bufio.NewWriter(w)
	b := p.Outline.Bounds()
	for _, z := range p.Zones {
		b = union(b, z.Rect)
	}
	for _, s := range p.Stands {
		b = union(b, s.Rect)
	}
	view := venue.Rect{X: b.X - margin, Y: b.Y - margin, W: b.W + 2*margin, H: b.H + 2*margin}
	legendH := 0
	if o.Legend {
		legendH = 700
	}
	dir := "ltr"
	if l.RTL {
		dir = "rtl"
	}
	size := ""
	if o.Page == PageA3 {
		size = ` width="420mm" height="297mm"`
	}
	// An image's content is hidden from assistive technology, so a drawing whose stands
	// are links is a group instead: the links stay reachable and announced.
	role := "img"
	if o.Link != nil {
		role = "group"
	}
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s %s %s %s"%s role="%s" aria-labelledby="plan-title plan-desc" xml:lang="%s" direction="%s" font-family="'Noto Naskh Arabic','Noto Sans',sans-serif">`+"\n",
		m(view.X), m(view.Y), m(view.W), m(view.H+legendH), size, role, esc(l.Lang), dir)
	fmt.Fprintf(bw, "<title id=\"plan-title\">%s</title><desc id=\"plan-desc\">%s</desc>\n", esc(l.Title), esc(l.Desc))
	if !o.Inline {
		bw.WriteString("<style>\n" + CSS + "</style>\n")
	}
	drawOutline(bw, p)
	for _, z := range p.Zones {
		name := l.Zones[z.Code]
		if name == "" {
			name = z.Code
		}
		fmt.Fprintf(bw, `<g class="zone z-%s" id="zone-%s"><rect %s/><text class="zname" x="%s" y="%s" font-size="%s">%s</text></g>`+"\n",
			zoneClass(z.Kind), esc(z.Code), rectAttrs(z.Rect), m(z.Rect.X+z.Rect.W/2), m(z.Rect.Y-40), m(min(120, max(60, z.Rect.W/20))), esc(name))
	}
	for _, s := range p.Stands {
		href := ""
		if o.Link != nil {
			href = o.Link(s.Code)
		}
		if href != "" {
			fmt.Fprintf(bw, `<a href="%s">`, esc(href))
		}
		drawStand(bw, s, l, s.Code == o.Highlight, o.Marked[s.Code])
		if href != "" {
			bw.WriteString("</a>\n")
		}
	}
	drawEntrances(bw, p)
	if o.Legend {
		drawLegend(bw, p, l, venue.Rect{X: view.X, Y: view.Y + view.H, W: view.W, H: legendH})
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// CSS is the drawing's stylesheet: written in the document unless Options.Inline, when the
// page that holds the drawing serves it as a file.
const CSS = `.outline{fill:#fff;stroke:#333;stroke-width:.3}
.zone rect{stroke:#999;stroke-width:.1;stroke-dasharray:.6 .3}
.z-products rect{fill:#fdf3dc}.z-institutional rect{fill:#e2edf8}.z-international rect{fill:#e6f3e2}.z-other rect{fill:#f1f1f1}
.zname{fill:#555;text-anchor:middle}
.stand rect{stroke:#555;stroke-width:.06}
.k-product rect{fill:#f7d58f}.k-institutional rect{fill:#93bde6}.k-international rect{fill:#9dd39a}.k-demo rect{fill:#dcb5e6}.k-food rect{fill:#f3ab8e}
.front{stroke:#222;stroke-width:.2}
.code{fill:#222;text-anchor:middle;dominant-baseline:central}
.hl rect{stroke:#c0392b;stroke-width:.35}
.power{fill:#e6a700}.water{fill:#2e86de}.access{fill:#222}
.clear{fill:#2ecc71;fill-opacity:.12;stroke:#27ae60;stroke-width:.08;stroke-dasharray:.4 .2}
.door{stroke:#27ae60;stroke-width:.6}.dname{fill:#1e8449;text-anchor:middle;font-weight:bold}
.legend text{fill:#222;dominant-baseline:central}
.mark rect{fill:#e74c3c;fill-opacity:.85}
`

func drawOutline(w *bufio.Writer, p venue.Plan) {
	if len(p.Outline) == 0 {
		return
	}
	pts := make([]string, len(p.Outline))
	for i, pt := range p.Outline {
		pts[i] = m(pt.X) + "," + m(pt.Y)
	}
	fmt.Fprintf(w, "<polygon class=\"outline\" points=\"%s\"/>\n", strings.Join(pts, " "))
}

func drawStand(w *bufio.Writer, s venue.Stand, l Labels, hl, marked bool) {
	title := l.Stands[s.Code]
	if title == "" {
		title = s.Code
	}
	class := "stand k-" + string(s.Kind)
	if hl {
		class += " hl"
	}
	if marked {
		class += " mark"
	}
	r := s.Rect
	fs := min(r.W, r.H) / 5
	fmt.Fprintf(w, `<g class="%s" id="stand-%s" data-code="%s"><title>%s</title><rect %s/>`, esc(class), esc(s.Code), esc(s.Code), esc(title), rectAttrs(r))
	x1, y1, x2, y2 := r.X, r.Y, r.Right(), r.Y // the front edge
	switch s.Facing {
	case venue.South:
		y1, y2 = r.Bottom(), r.Bottom()
	case venue.East:
		x1, y1, x2, y2 = r.Right(), r.Y, r.Right(), r.Bottom()
	case venue.West:
		x1, y1, x2, y2 = r.X, r.Y, r.X, r.Bottom()
	}
	fmt.Fprintf(w, `<line class="front" x1="%s" y1="%s" x2="%s" y2="%s"/>`, m(x1), m(y1), m(x2), m(y2))
	fmt.Fprintf(w, `<text class="code" x="%s" y="%s" font-size="%s" direction="ltr" unicode-bidi="embed">%s</text>`,
		m(r.X+r.W/2), m(r.Y+r.H/2), m(fs), esc(s.Code))
	// Facilities as small marks along the stand's top, from its left.
	mark := min(r.W, r.H) / 10
	x := r.X + mark + 10
	y := r.Y + mark + 10
	if s.Power {
		fmt.Fprintf(w, `<circle class="power" cx="%s" cy="%s" r="%s"/>`, m(x), m(y), m(mark))
		x += 2*mark + 10
	}
	if s.Water {
		fmt.Fprintf(w, `<circle class="water" cx="%s" cy="%s" r="%s"/>`, m(x), m(y), m(mark))
		x += 2*mark + 10
	}
	if s.Accessible {
		fmt.Fprintf(w, `<text class="access" x="%s" y="%s" font-size="%s" dominant-baseline="central" text-anchor="middle">♿</text>`, m(x), m(y), m(3*mark))
	}
	w.WriteString("</g>\n")
}

func drawEntrances(w *bufio.Writer, p venue.Plan) {
	for _, e := range p.Entrances {
		c, ok := p.Outline.Clearance(e)
		if !ok {
			continue
		}
		half := e.Width / 2
		x1, y1, x2, y2 := e.At.X-half, e.At.Y, e.At.X-half+e.Width, e.At.Y
		if !(c.X == e.At.X-half && c.W == e.Width && (c.Y == e.At.Y || c.Bottom() == e.At.Y)) { // a west or east wall
			x1, y1, x2, y2 = e.At.X, e.At.Y-half, e.At.X, e.At.Y-half+e.Width
		}
		fmt.Fprintf(w, `<g class="entrance" id="entrance-%s">`, esc(e.Code))
		if !c.Empty() {
			fmt.Fprintf(w, `<rect class="clear" %s/>`, rectAttrs(c))
		}
		fmt.Fprintf(w, `<line class="door" x1="%s" y1="%s" x2="%s" y2="%s"/><text class="dname" x="%s" y="%s" font-size="1" direction="ltr" unicode-bidi="embed">%s</text></g>`+"\n",
			m(x1), m(y1), m(x2), m(y2), m(c.X+c.W/2), m(c.Y+c.H/2), esc(e.Code))
	}
}

// drawLegend lays the legend out in one line under the plan: the stand kinds present, the
// facilities, the front, the entrance and a 10 m scale bar; from the right in RTL.
func drawLegend(w *bufio.Writer, p venue.Plan, l Labels, box venue.Rect) {
	type item struct {
		mark string
		text string
	}
	var items []item
	seen := map[venue.StandKind]bool{}
	for _, s := range p.Stands {
		seen[s.Kind] = true
	}
	for _, k := range venue.StandKinds {
		if seen[k] && l.Kinds[k] != "" {
			items = append(items, item{fmt.Sprintf(`<g class="k-%s"><rect x="-0.5" y="-0.5" width="1" height="1" stroke="#555" stroke-width=".06"/></g>`, k), l.Kinds[k]})
		}
	}
	for _, it := range []item{
		{`<circle class="power" r=".3"/>`, l.Power}, {`<circle class="water" r=".3"/>`, l.Water},
		{`<text class="access" font-size=".9" text-anchor="middle">♿</text>`, l.Accessible},
		{`<line class="front" x1="-.5" y1=".4" x2=".5" y2=".4"/>`, l.Front},
		{`<line class="door" x1="-.5" y1="0" x2=".5" y2="0"/>`, l.Entrance},
	} {
		if it.text != "" {
			items = append(items, it)
		}
	}
	fmt.Fprintf(w, `<g class="legend" font-size="0.9">`)
	step := box.W / max(len(items)+1, 1)
	y := box.Y + box.H/2
	for i, it := range items {
		x := box.X + step/2 + i*step
		anchor, dx := "start", 80
		if l.RTL {
			x = box.Right() - step/2 - i*step
			anchor, dx = "end", -80
		}
		fmt.Fprintf(w, `<g transform="translate(%s %s)">%s<text x="%s" text-anchor="%s">%s</text></g>`, m(x), m(y), it.mark, m(dx), anchor, esc(it.text))
	}
	if l.ScaleBar != "" {
		x := box.Right() - step/2 - 1000
		if l.RTL {
			x = box.X + step/2
		}
		fmt.Fprintf(w, `<g class="scale"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#222" stroke-width=".25"/><text x="%s" y="%s" text-anchor="middle" direction="ltr">%s</text></g>`,
			m(x), m(y), m(x+1000), m(y), m(x+500), m(y-100), esc(l.ScaleBar))
	}
	w.WriteString("</g>\n")
}

func zoneClass(k fair.SpaceKind) string {
	switch k {
	case fair.ProductsPole, fair.InstitutionalPole, fair.InternationalPole:
		return string(k)
	}
	return "other"
}

func rectAttrs(r venue.Rect) string {
	return fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, m(r.X), m(r.Y), m(r.W), m(r.H))
}

func union(a, b venue.Rect) venue.Rect {
	if a.Empty() {
		return b
	}
	if b.Empty() {
		return a
	}
	x, y := min(a.X, b.X), min(a.Y, b.Y)
	return venue.Rect{X: x, Y: y, W: max(a.Right(), b.Right()) - x, H: max(a.Bottom(), b.Bottom()) - y}
}

// m writes centimetres as metres.
func m(cm int) string { return venue.Metres(cm) }

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func esc(s string) string { return escaper.Replace(s) }
