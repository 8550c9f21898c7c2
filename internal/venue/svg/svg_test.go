package svg

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/placement/salon"
	"github.com/aswaq/aswaq/internal/venue"
)

func draw(t *testing.T, p venue.Plan, l Labels, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p, l, o); err != nil {
		t.Fatal(err)
	}
	// Well-formed XML, whatever the labels hold.
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, b.String())
		}
	}
	return b.String()
}

func TestDrawRegionalFair(t *testing.T) {
	p, err := salon.Regional.Plan()
	if err != nil {
		t.Fatal(err)
	}
	p.Stands[0].Water = true
	l := Labels{Lang: "ar", RTL: true, Title: "تصميم المعرض الجهوي", Desc: "179 رواقا في ثلاثة أقطاب",
		Zones:  map[string]string{"P": "قطب المنتوجات", "I": "القطب المؤسساتي"},
		Stands: map[string]string{"P-014": "P-014 · تعاونية الأمل <عسل> & \"زيت\""},
		Kinds:  map[venue.StandKind]string{venue.ProductStand: "رواق المنتوجات", venue.DemoStand: "never drawn"},
		Power:  "كهرباء", Water: "ماء", Accessible: "ولوجية", Entrance: "المدخل", Front: "واجهة الرواق", ScaleBar: "10 م"}
	out := draw(t, p, l, Options{Highlight: "P-014", Legend: true, Page: PageA3})
	for _, want := range []string{
		`role="img" aria-labelledby="plan-title plan-desc" xml:lang="ar" direction="rtl"`,
		`width="420mm" height="297mm"`,
		`viewBox="-2 -2 84 71"`, // 80 × 60 m and 2 m margins, 7 m of legend
		`<g class="stand k-product hl" id="stand-P-014" data-code="P-014"><title>P-014 · تعاونية الأمل &lt;عسل&gt; &amp; &quot;زيت&quot;</title>`,
		`<title>P-001</title>`, `>قطب المنتوجات</text>`, `>C</text>`, // an unnamed zone shows its code
		`direction="ltr" unicode-bidi="embed">P-150</text>`,
		`<g class="entrance" id="entrance-A"><rect class="clear" x="37" y="54" width="6" height="6"/><line class="door" x1="37" y1="60" x2="43" y2="60"/>`,
		`>رواق المنتوجات</text>`, `>10 م</text>`, `class="water"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(out, "never drawn") {
		t.Error("legend lists a kind the plan does not have")
	}
	if n := strings.Count(out, `<g class="stand`); n != len(p.Stands) {
		t.Errorf("%d stands drawn, %d in the plan", n, len(p.Stands))
	}
	// Small: a stand costs a few hundred bytes.
	if per := len(out) / len(p.Stands); per > 450 {
		t.Errorf("%d bytes per stand", per)
	}
}

func TestDrawScreenLTR(t *testing.T) {
	p := venue.Plan{Outline: venue.RectOutline(venue.Rect{W: 1000, H: 800}),
		Entrances: []venue.Entrance{{Code: "B", At: venue.Point{X: 0, Y: 400}, Width: 200, Clearance: 300}},
		Stands:    []venue.Stand{{Code: "X-1", Rect: venue.Rect{X: 500, Y: 100, W: 250, H: 300}, Facing: venue.West, Kind: venue.FoodStand}}}
	out := draw(t, p, Labels{Lang: "fr", Title: "Plan"}, Options{})
	for _, want := range []string{`direction="ltr"`, `<line class="door" x1="0" y1="3" x2="0" y2="5"/>`,
		`<line class="front" x1="5" y1="1" x2="5" y2="4"/>`, `class="stand k-food"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "width=\"420mm\"") || strings.Contains(out, `class="legend"`) {
		t.Error("screen drawing sized for paper or with a legend")
	}
}

// A drawing for a page: stands are links, the drawing a group, matches marked, and no
// <style> element when the page carries the stylesheet.
func TestLinkedInlineDrawing(t *testing.T) {
	p := venue.Plan{Outline: venue.RectOutline(venue.Rect{W: 1000, H: 1000}),
		Zones:  []venue.Zone{{Code: "P", Kind: fair.ProductsPole, Rect: venue.Rect{W: 1000, H: 1000}}},
		Stands: []venue.Stand{{Code: "P-01", Zone: "P", Kind: venue.ProductStand, Facing: venue.South, Rect: venue.Rect{X: 100, Y: 100, W: 300, H: 300}}}}
	var b strings.Builder
	link := func(code string) string { return "/fr/plan?stand=" + code + "&x=1" }
	if err := Write(&b, p, Labels{Lang: "fr"}, Options{Link: link, Inline: true, Marked: map[string]bool{"P-01": true}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`role="group"`, `<a href="/fr/plan?stand=P-01&amp;x=1"><g class="stand k-product mark"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "<style") {
		t.Error("an inline drawing has a <style> element")
	}
}
