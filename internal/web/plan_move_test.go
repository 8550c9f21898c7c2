package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/venue"
)

// TestMovingAStandByItsPosition is what a drag on the drawing sends: the stand and its new
// place. A free place is saved; a place on a neighbour is refused, naming both stands, and
// the plan is unchanged.
func TestMovingAStandByItsPosition(t *testing.T) {
	st := demoSQLite(t)
	f := newFixture(t, st)
	ctx := context.Background()
	edition := demoPlanEdition(t, st)
	ep, err := st.Plan(ctx, edition)
	if err != nil {
		t.Fatal(err)
	}
	p1, _, _ := ep.Plan.Stand("P-001")
	p2, _, _ := ep.Plan.Stand("P-002")
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "admin")
	target := "/fr/admin/editions/" + itoa64(edition) + "/plan/stands"
	onNeighbour := url.Values{"action": {"move"}, "st_stand": {"P-001"}, "mv_x": {venue.Metres(p2.Rect.X)}, "mv_y": {venue.Metres(p2.Rect.Y)}}
	code, _, body := b.post(target, onNeighbour)
	if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "P-001") || !strings.Contains(html.UnescapeString(body), "P-002") {
		t.Fatalf("move onto a neighbour: %d", code)
	}
	if again, _ := st.Plan(ctx, edition); !reflect.DeepEqual(again.Plan, ep.Plan) {
		t.Fatal("a refused move changed the plan")
	}
	// Free P-002's place, then move P-001 half-way into it.
	if code, _, _ := b.post(target, url.Values{"action": {"delete"}, "st_stand": {"P-002"}}); code != http.StatusSeeOther {
		t.Fatalf("delete P-002: %d", code)
	}
	half := venue.Point{X: (p1.Rect.X + p2.Rect.X) / 2, Y: (p1.Rect.Y + p2.Rect.Y) / 2}
	move := url.Values{"action": {"move"}, "st_stand": {"P-001"}, "mv_x": {venue.Metres(half.X)}, "mv_y": {venue.Metres(half.Y)}}
	if code, _, _ := b.post(target, move); code != http.StatusSeeOther {
		t.Fatalf("move into the freed place: %d", code)
	}
	after, _ := st.Plan(ctx, edition)
	if moved, _, _ := after.Plan.Stand("P-001"); moved.Rect.X != half.X || moved.Rect.Y != half.Y {
		t.Fatalf("P-001 at %+v, want %+v", moved.Rect, half)
	}
}

// TestEditingAPole: a pole too small for its stands is refused, naming them, and nothing
// changes; a deleted pole takes its stands with it.
func TestEditingAPole(t *testing.T) {
	st := demoSQLite(t)
	f := newFixture(t, st)
	ctx := context.Background()
	edition := demoPlanEdition(t, st)
	ep, _ := st.Plan(ctx, edition)
	z := ep.Plan.Zones[0]
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "admin")
	target := "/fr/admin/editions/" + itoa64(edition) + "/plan/zones/edit"
	tiny := url.Values{"zone": {z.Code}, "action": {"save"}, "ze_x": {venue.Metres(z.Rect.X)}, "ze_y": {venue.Metres(z.Rect.Y)}, "ze_w": {"1"}, "ze_d": {"1"}}
	code, _, body := b.post(target, tiny)
	if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), z.Code+"-") {
		t.Fatalf("pole too small for its stands: %d", code)
	}
	if again, _ := st.Plan(ctx, edition); !reflect.DeepEqual(again.Plan, ep.Plan) {
		t.Fatal("a refused pole change changed the plan")
	}
	if code, _, _ := b.post(target, url.Values{"zone": {z.Code}, "action": {"delete"}}); code != http.StatusSeeOther {
		t.Fatalf("delete pole: %d", code)
	}
	after, _ := st.Plan(ctx, edition)
	if _, ok := after.Plan.Zone(z.Code); ok {
		t.Fatal("pole still there")
	}
	for _, s := range after.Plan.Stands {
		if s.Zone == z.Code {
			t.Fatalf("stand %s outlived its pole", s.Code)
		}
	}
}

// TestVenueSizeAndEntrances: a venue made smaller than its poles is refused; an entrance is
// added on a wall and deleted; an entrance of no width is refused.
func TestVenueSizeAndEntrances(t *testing.T) {
	st := demoSQLite(t)
	f := newFixture(t, st)
	ctx := context.Background()
	edition := demoPlanEdition(t, st)
	ep, _ := st.Plan(ctx, edition)
	b := newBrowser(t, f.srv)
	b.cookies[sessionCookie] = f.cookie(t, "admin")
	base := "/fr/admin/editions/" + itoa64(edition) + "/plan"
	if code, _, body := b.post(base+"/outline", url.Values{"venue_w": {"10"}, "venue_d": {"10"}}); code != http.StatusUnprocessableEntity ||
		!strings.Contains(problemsIn(body), "<li>") {
		t.Fatalf("venue smaller than its poles: %d %s", code, problemsIn(body))
	}
	if again, _ := st.Plan(ctx, edition); !reflect.DeepEqual(again.Plan, ep.Plan) {
		t.Fatal("a refused resize changed the plan")
	}
	add := url.Values{"ent_code": {"z"}, "ent_side": {"w"}, "ent_along": {"2"}, "ent_width": {"0"}, "ent_clearance": {"1"}}
	if code, _, _ := b.post(base+"/entrances", add); code != http.StatusUnprocessableEntity {
		t.Fatalf("an entrance of no width: %d", code)
	}
	add.Set("ent_width", "3")
	if code, _, body := b.post(base+"/entrances", add); code != http.StatusSeeOther {
		t.Fatalf("add entrance: %d %s", code, problemsIn(body))
	}
	after, _ := st.Plan(ctx, edition)
	if len(after.Plan.Entrances) != len(ep.Plan.Entrances)+1 || after.Plan.Entrances[len(after.Plan.Entrances)-1].At != (venue.Point{X: 0, Y: 200}) {
		t.Fatalf("entrances: %+v", after.Plan.Entrances)
	}
	if code, _, _ := b.post(base+"/entrances", url.Values{"action": {"delete"}, "entrance": {"Z"}}); code != http.StatusSeeOther {
		t.Fatalf("delete entrance: %d", code)
	}
	if final, _ := st.Plan(ctx, edition); len(final.Plan.Entrances) != len(ep.Plan.Entrances) {
		t.Fatal("entrance not deleted")
	}
}

// problemsIn picks the listed problems out of a page, for failure messages.
func problemsIn(body string) string {
	i := strings.Index(body, `class="form-error" role="alert"><ul>`)
	if i < 0 {
		return ""
	}
	return html.UnescapeString(body[i:min(len(body), i+600)])
}

// TestEmbeddableMap: the public plan as a standalone SVG, with a legend and a stand
// highlighted, for other sites to embed.
func TestEmbeddableMap(t *testing.T) {
	st := demoSQLite(t)
	f := newFixture(t, st)
	edition := demoPlanEdition(t, st)
	code, hdr, body := newBrowser(t, f.srv).do("GET", "/ar/fairs/"+itoa64(edition)+"/map.svg?stand=P-001", nil, nil)
	if code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "image/svg+xml") {
		t.Fatalf("map.svg: %d %s", code, hdr.Get("Content-Type"))
	}
	if !strings.HasPrefix(strings.TrimSpace(body), "<svg") || !strings.Contains(body, `class="legend"`) || !strings.Contains(body, `id="stand-P-001"`) ||
		!strings.Contains(body, "<style") {
		t.Fatalf("not a standalone drawing with its legend:\n%s", body[:min(len(body), 400)])
	}
}

// demoPlanEdition is the demo edition that has a venue plan (Ouarzazate 2025).
func demoPlanEdition(t *testing.T, st *store.Store) int64 {
	t.Helper()
	eds, err := st.Editions().Editions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range eds {
		if _, err := st.Plan(context.Background(), e.ID); err == nil {
			return e.ID
		}
	}
	t.Fatal("the demo has no plan")
	return 0
}
