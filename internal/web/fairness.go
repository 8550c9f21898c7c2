package web

import (
	"net/http"
	"sort"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
)

// fairnessRow is one province's share: applicants and selected in this edition, and how
// the province fared in the region's earlier editions (hosting, exhibitors).
type fairnessRow struct {
	Province     string
	Applicants   int
	Selected     int
	Hosted       int
	HostedCities []string
	PastSelected int
}

type fairnessData struct {
	Edition fairCard
	ID      int64
	Rows    []fairnessRow
	Total   fairnessRow
}

// fairnessPage shows, per province of the region (and invited ones), the applicants and
// the selected, beside how the province fared in the region's past editions: where the
// fair went, and how many of its organisations exhibited. It makes the councils' promise
// of territorial fairness (العدالة المجالية) checkable with figures.
func (s *Server) fairnessPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	in, err := s.selectionInputs(r.Context(), id)
	if err != nil {
		return "", err
	}
	rows := map[string]*fairnessRow{}
	get := func(code string) *fairnessRow {
		if rows[code] == nil {
			rows[code] = &fairnessRow{Province: s.provinceName(code, p.Code)}
		}
		return rows[code]
	}
	for _, pr := range s.provinceList {
		if pr.RegionCode == in.Edition.RegionCode {
			get(pr.Code)
		}
	}
	for _, code := range in.Call.InvitedProvinces {
		get(code)
	}
	for _, c := range in.Cands {
		if c.Status != application.Submitted {
			continue
		}
		row := get(c.Province)
		row.Applicants++
		if c.Decision == application.Selected {
			row.Selected++
		}
	}
	eds, err := s.editions.EditionsInRegions(r.Context(), false, []string{in.Edition.RegionCode})
	if err != nil {
		return "", err
	}
	for _, e := range eds {
		if e.ID == id || !e.StartsOn.Before(in.Edition.StartsOn) {
			continue
		}
		row := get(e.ProvinceCode)
		row.Hosted++
		row.HostedCities = append(row.HostedCities, e.City.In(p.Code)+" "+p.L.Date(e.StartsOn.In(casablanca)))
		cands, err := s.store.SelectionCandidates(r.Context(), e.ID)
		if apperr.CodeOf(err) == apperr.NotFound {
			continue // an edition without a call in Aswaq: only its hosting counts
		}
		if err != nil {
			return "", err
		}
		for _, c := range cands {
			if c.Decision == application.Selected {
				get(c.Province).PastSelected++
			}
		}
	}
	d := fairnessData{Edition: s.fairCard(p.L, &in.Edition), ID: id}
	for _, row := range rows {
		d.Rows = append(d.Rows, *row)
		d.Total.Applicants += row.Applicants
		d.Total.Selected += row.Selected
		d.Total.Hosted += row.Hosted
		d.Total.PastSelected += row.PastSelected
	}
	sort.Slice(d.Rows, func(i, j int) bool { return d.Rows[i].Province < d.Rows[j].Province })
	p.Title, p.Data = p.L.T("selection.fairness_title"), d
	return "fairness", nil
}
