package web

import (
	"bufio"
	"net/http"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// exportApplications downloads the list as it is filtered, every page of it, as CSV or
// XLSX in the page's language: one row per application with its organisation's facts,
// its eligibility, its published decision and waitlist rank, its final score and the
// points of each criterion.
func (s *Server) exportApplications(w http.ResponseWriter, r *http.Request, p *page, e fair.Edition, format string) (string, error) {
	f, ctype := importer.CSV, csvType
	switch format {
	case "csv":
	case "xlsx":
		f, ctype = importer.XLSX, xlsxType
	default:
		return "", apperr.New(apperr.Invalid, "importer.error.format", "format", format)
	}
	c, err := s.editions.Call(r.Context(), e.ID)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	filter, _ := appFilterFrom(r, e.ID)
	filter.Limit = -1
	rows, _, _, err := s.store.ListApplications(r.Context(), filter)
	if err != nil {
		return "", err
	}
	scores, err := s.store.ApplicationScores(r.Context(), e.ID)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	z := s.i18n.For(fileLang(p.Lang))
	header := []string{z.T("review.col.reference"), z.T("review.col.organisation"), z.T("review.col.legal_form"),
		z.T("review.col.province"), z.T("review.col.sector"), z.T("review.col.women_led"), z.T("review.col.youth_led"),
		z.T("review.col.status"), z.T("review.col.eligibility"), z.T("review.col.reason"), z.T("review.col.decision"),
		z.T("review.col.waitlist_rank"), z.T("review.col.score"), z.T("review.col.complete")}
	for _, cr := range c.Criteria {
		header = append(header, criterionLabel(z, cr))
	}
	download(w, "aswaq-applications-"+idText(e.ID)+"-"+s.today().String()+"."+string(f), ctype)
	bw := bufio.NewWriterSize(w, 64<<10)
	err = writeApplications(bw, f, z, header, rows, scores, &c, func(row store.AppRow) []any {
		var rank any = ""
		if row.Decision == application.Waitlisted && row.WaitlistRank > 0 {
			rank = row.WaitlistRank
		}
		yes := func(b bool) string {
			if b {
				return z.T("review.yes")
			}
			return z.T("review.no")
		}
		return []any{row.Reference, row.Name.In(string(z.Lang())), z.T("org.legal_form." + string(row.LegalForm)),
			s.provinceName(row.Province, string(z.Lang())), z.T("taxonomy.sector." + string(row.Sector)), yes(row.WomenLed),
			yes(row.YouthLed), z.T("review.status." + string(row.Status)), z.T("review.eligibility." + string(row.Eligibility)),
			row.EligibilityReason, decisionLabel(z, row.Outcome(), 0), rank}
	}, z.T("review.yes"), z.T("review.no"))
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		// Headers are gone: cut the connection so the browser reports a failed download.
		s.log.Error("export applications", "id", requestID(r), "err", err)
		panic(http.ErrAbortHandler)
	}
	return "", nil
}

func writeApplications(bw *bufio.Writer, f importer.Format, z *i18n.Localizer, header []string, rows []store.AppRow,
	scores map[int64]store.AppScore, c *call.Call, facts func(store.AppRow) []any, yes, no string) error {
	widths := map[int]float64{1: 36, 9: 36}
	out, err := importer.NewRowWriter(bw, f, z, "review.export.sheet", header, widths)
	if err != nil {
		return err
	}
	for _, row := range rows {
		cells := facts(row)
		sc, ok := scores[row.ID]
		if !ok || row.Status != application.Submitted {
			cells = append(cells, "", "")
			for range c.Criteria {
				cells = append(cells, "")
			}
		} else {
			complete := no
			if sc.Complete {
				complete = yes
			}
			cells = append(cells, round2(sc.Total), complete)
			for _, part := range sc.Parts {
				cells = append(cells, round2(part.Points))
			}
		}
		if err := out.Write(cells); err != nil {
			return err
		}
	}
	return out.Close()
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

// criterionLabel names a criterion in z's language: its own label, or for a computed one
// the rule that computes it.
func criterionLabel(z *i18n.Localizer, cr call.Criterion) string {
	if cr.Source == call.Computed {
		return z.T("review.rule." + string(cr.Rule))
	}
	if l := cr.Label.In(string(z.Lang())); l != "" {
		return l
	}
	return cr.Code
}
