package web

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/textfold"
	"github.com/aswaq/aswaq/internal/venue"
	"github.com/aswaq/aswaq/internal/venue/svg"
)

func (s *Server) mapRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/fairs/{id}/map", perm: authz.Public, page: s.fairMap},
		{pattern: "GET /{lang}/fairs/{id}/map.svg", perm: authz.Public, page: s.fairMapSVG},
		{pattern: "GET /{lang}/applications/{id}/stand", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.standPage},
	}
}

// mapView is the public map of an edition.
type mapView struct {
	EditionID int64
	Fair      string
	FairURL   string
	HasPlan   bool
	SVG       template.HTML
	Query     string
	Matches   int
	Stand     string // the stand asked for (?stand=), highlighted
	Poles     []mapPole
}

// mapPole is a pole and its stands, for the text list screen readers and phones read.
type mapPole struct {
	Name   string
	Stands []mapStand
}

type mapStand struct {
	Code    string
	Name    string // the organisation, or nothing for a free stand
	Href    string // its catalogue page, when it is in the catalogue
	Match   bool
	Current bool
}

// fairMap is the public map: the drawing with poles and stand codes, the list of stands
// with their organisations, and a search on organisation names and product categories
// whose matches are marked on the drawing and in the list.
func (s *Server) fairMap(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := mapView{EditionID: e.ID, Fair: e.Title.In(p.Code), FairURL: "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10),
		Query: q, Stand: r.URL.Query().Get("stand")}
	p.Title = p.L.T("map.title", "fair", v.Fair)
	p.Data = &v
	ep, err := s.store.Plan(r.Context(), e.ID)
	if apperr.CodeOf(err) == apperr.NotFound {
		return "fair_map", nil
	}
	if err != nil {
		return "", err
	}
	placed, err := s.store.PlacedOrganisations(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	v.HasPlan = true
	on := map[string][]store.PlacedOrganisation{}
	for _, o := range placed {
		if o.Stand != "" && o.Validated { // only organisations the catalogue shows are named in public
			on[o.Stand] = append(on[o.Stand], o)
		}
	}
	match := s.mapMatcher(p, q)
	marked := map[string]bool{}
	titles := map[string]string{}
	byZone := map[string]*mapPole{}
	for _, z := range ep.Plan.Zones {
		v.Poles = append(v.Poles, mapPole{Name: zoneName(p, z)})
	}
	for i, z := range ep.Plan.Zones {
		byZone[z.Code] = &v.Poles[i]
	}
	for _, st := range ep.Plan.Stands {
		pole := byZone[st.Zone]
		if len(on[st.Code]) == 0 {
			pole.Stands = append(pole.Stands, mapStand{Code: st.Code, Current: st.Code == v.Stand})
			continue
		}
		for _, o := range on[st.Code] {
			ms := mapStand{Code: st.Code, Name: o.Name.In(p.Code), Current: st.Code == v.Stand,
				Href: "/" + p.Code + "/catalogue/organisations/" + strconv.FormatInt(o.OrganisationID, 10)}
			if match != nil && match(o) {
				ms.Match, marked[st.Code] = true, true
				v.Matches++
			}
			titles[st.Code] = st.Code + " · " + ms.Name
			pole.Stands = append(pole.Stands, ms)
		}
	}
	v.SVG = drawPlan(ep.Plan, planLabels(p, &e, ep.Plan, titles), svg.Options{Highlight: v.Stand, Marked: marked})
	return "fair_map", nil
}

// mapMatcher returns whether an organisation matches the search, or nil without one.
// Names and the category labels are folded as the catalogue search folds them, so
// "cooperative" finds "Coopérative" and the Arabic spellings with or without hamza and
// vowels find each other; a category matches by its label in French, Arabic or the page's
// language.
func (s *Server) mapMatcher(p *page, q string) func(store.PlacedOrganisation) bool {
	fq := textfold.Fold(q)
	if fq == "" {
		return nil
	}
	ar, fr := s.i18n.For("ar"), s.i18n.For("fr")
	return func(o store.PlacedOrganisation) bool {
		if strings.Contains(textfold.Fold(o.Name.AR), fq) || strings.Contains(textfold.Fold(o.Name.FR), fq) {
			return true
		}
		for _, c := range o.Categories {
			key := "taxonomy.category." + c
			for _, label := range []string{p.L.T(key), ar.T(key), fr.T(key)} {
				if strings.Contains(textfold.Fold(label), fq) {
					return true
				}
			}
		}
		return false
	}
}

// standView is an exhibitor's stand page.
type standView struct {
	ApplicationID int64
	Organisation  string
	Fair          string
	FairID        int64
	Stand         string
	Pole          string
	Size          string
	Facilities    []string
	Neighbours    []string
	SVG           template.HTML
	Practical     string
	State         string // "stand", "no_plan", "no_stand"
}

// standPage shows a selected organisation its stand on the plan (highlighted), its
// neighbours and the organiser's practical information.
func (s *Server) standPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	ac, err := s.applicationContext(r.Context(), id)
	if err != nil {
		return "", err
	}
	e := ac.Edition
	v := standView{ApplicationID: id, Organisation: ac.Org.Name.In(p.Code), Fair: e.Title.In(p.Code), FairID: e.ID, State: "no_plan"}
	p.Title = p.L.T("map.stand_title")
	p.Data = &v
	ep, err := s.store.Plan(r.Context(), e.ID)
	if apperr.CodeOf(err) == apperr.NotFound {
		return "stand", nil
	}
	if err != nil {
		return "", err
	}
	v.Practical = ep.Practical.In(p.Code)
	stands, err := s.store.OrganisationStands(r.Context(), ac.Org.ID)
	if err != nil {
		return "", err
	}
	code := stands[e.ID]
	st, _, ok := ep.Plan.Stand(code)
	if !ok {
		v.State = "no_stand"
		return "stand", nil
	}
	v.State, v.Stand = "stand", code
	if z, ok := ep.Plan.Zone(st.Zone); ok {
		v.Pole = zoneName(p, z)
	}
	v.Size = p.L.T("map.stand_size", "width", venue.Metres(st.Rect.W), "depth", venue.Metres(st.Rect.H))
	for _, f := range []struct {
		on  bool
		key string
	}{{st.Power, "map.legend.power"}, {st.Water, "map.legend.water"}, {st.Accessible, "map.legend.accessible"}} {
		if f.on {
			v.Facilities = append(v.Facilities, p.L.T(f.key))
		}
	}
	placed, err := s.store.PlacedOrganisations(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	names := map[string]string{}
	for _, o := range placed {
		if o.Stand != "" && o.OrganisationID != ac.Org.ID {
			names[o.Stand] = o.Name.In(p.Code)
		}
	}
	for _, n := range ep.Plan.Neighbours() {
		other := ""
		switch code {
		case n.A:
			other = n.B
		case n.B:
			other = n.A
		default:
			continue
		}
		who := names[other]
		if who == "" {
			who = p.L.T("map.free")
		}
		v.Neighbours = append(v.Neighbours, p.L.T("map.neighbour."+string(n.Relation), "stand", other, "org", who))
	}
	titles := map[string]string{code: code + " · " + v.Organisation}
	v.SVG = drawPlan(ep.Plan, planLabels(p, &e, ep.Plan, titles), svg.Options{Highlight: code})
	return "stand", nil
}

// orgStandLinks are "stand P-014 at <fair>" lines for an organisation's catalogue page: its
// stands at the editions it was selected for that are not over yet, each linking to the
// map with the stand highlighted.
func (s *Server) orgStandLinks(ctx context.Context, p *page, orgID int64, fairs []fair.Edition) ([]option, error) {
	stands, err := s.store.OrganisationStands(ctx, orgID)
	if err != nil || len(stands) == 0 {
		return nil, err
	}
	var out []option
	today := s.today()
	for i := range fairs {
		e := &fairs[i]
		code, ok := stands[e.ID]
		if !ok || e.PhaseOn(today) == fair.Past || e.Status == fair.Draft {
			continue
		}
		href := "/" + p.Code + "/fairs/" + strconv.FormatInt(e.ID, 10) + "/map?stand=" + url.QueryEscape(code)
		out = append(out, option{Value: href, Label: p.L.T("map.org_stand", "stand", code, "fair", e.Title.In(p.Code))})
	}
	return out, nil
}

// fairMapSVG is the plan as a standalone drawing, with its legend and the exhibitors'
// names in the stands' titles, for other sites and documents to embed (<img src=…>);
// ?stand= highlights one stand.
func (s *Server) fairMapSVG(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	e, err := s.publicEdition(r)
	if err != nil {
		return "", err
	}
	ep, err := s.store.Plan(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	placed, err := s.store.PlacedOrganisations(r.Context(), e.ID)
	if err != nil {
		return "", err
	}
	titles := map[string]string{}
	for _, o := range placed {
		if o.Stand != "" && o.Validated {
			titles[o.Stand] = o.Stand + " · " + o.Name.In(p.Code)
		}
	}
	var b bytes.Buffer
	if err := svg.Write(&b, ep.Plan, planLabels(p, &e, ep.Plan, titles), svg.Options{Highlight: r.URL.Query().Get("stand"), Legend: true}); err != nil {
		return "", err
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(b.Bytes())
	return "", nil
}
