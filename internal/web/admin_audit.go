package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/authz"
)

func (s *Server) adminRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/audit", perm: authz.ViewAudit, page: s.auditPage},
	}
}

// auditRow is one entry as the viewer shows it.
type auditRow struct {
	Entry  audit.Entry
	When   string
	Action string
	Region string
	Before string
	After  string
}

type auditData struct {
	Rows  []auditRow
	Form  *form
	Pager pager
}

// auditPage lists the log within the viewer's regions, filtered by record, user and dates.
func (s *Server) auditPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	q := r.URL.Query()
	f := newForm()
	for _, k := range []string{"type", "record", "actor", "from", "to"} {
		f.Values[k] = strings.TrimSpace(q.Get(k))
	}
	all, regions := authz.Scope(p.User, authz.ViewAudit)
	filter := audit.Filter{RecordType: f.Get("type"), RecordID: f.Get("record"), AllRegions: all, Regions: regions, ViewerID: p.User.UserID}
	if a := f.Get("actor"); a != "" {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			f.Errors["actor"] = p.L.T("audit.error.actor")
		}
		filter.ActorID = id
	}
	for _, d := range []struct {
		field string
		into  *time.Time
		end   bool
	}{{"from", &filter.From, false}, {"to", &filter.To, true}} {
		if v := f.Get(d.field); v != "" {
			t, err := time.ParseInLocation(time.DateOnly, v, casablanca)
			if err != nil {
				f.Errors[d.field] = p.L.T("audit.error.date")
				continue
			}
			if d.end {
				t = t.Add(24*time.Hour - time.Nanosecond)
			}
			*d.into = t
		}
	}
	data := auditData{Form: f}
	if f.HasErrors() {
		p.Status = http.StatusUnprocessableEntity
	} else {
		pg := newPager(r, 50)
		filter.Limit, filter.Offset = pg.Size, pg.Offset()
		entries, total, err := s.store.Audit().Entries(r.Context(), filter)
		if err != nil {
			return "", err
		}
		data.Pager = pg.WithTotal(total, r.URL)
		for _, e := range entries {
			at := e.At.In(casablanca)
			data.Rows = append(data.Rows, auditRow{
				Entry:  e,
				When:   p.L.Date(at) + " " + at.Format("15:04"),
				Action: p.L.T("audit.action." + strings.ReplaceAll(e.Action, ".", "_")),
				Region: s.regionName(e.RegionCode, p.Code),
				Before: prettyJSON(e.Before),
				After:  prettyJSON(e.After),
			})
		}
	}
	p.Title, p.Data = p.L.T("audit.title"), data
	return "audit", nil
}

func prettyJSON(s string) string {
	if s == "" {
		return ""
	}
	var buf bytes.Buffer
	if json.Indent(&buf, []byte(s), "", "  ") != nil {
		return s
	}
	return buf.String()
}
