package web

import (
	"net/http"

	"github.com/aswaq/aswaq/internal/outbox"
)

type outboxData struct {
	Messages []outbox.Message
	Counts   outbox.Counts
	Status   string
	Pager    pager
}

// outboxPage shows the messages Aswaq has queued, sent or given up on; with no mail server
// configured, this is where an administrator finds invitation links to pass on by hand.
func (s *Server) outboxPage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	status := outbox.Status(r.URL.Query().Get("status"))
	if !status.Valid() {
		status = ""
	}
	pg := newPager(r, 50)
	f := outbox.Filter{Status: status, Limit: pg.Size, Offset: pg.Offset()}
	msgs, err := s.store.OutboxMessages(r.Context(), f)
	if err != nil {
		return "", err
	}
	counts, err := s.store.OutboxCounts(r.Context(), outbox.Filter{})
	if err != nil {
		return "", err
	}
	total := counts.Total()
	switch status {
	case outbox.Pending:
		total = counts.Pending
	case outbox.Sent:
		total = counts.Sent
	case outbox.Failed:
		total = counts.Failed
	}
	p.Title = p.L.T("outbox.title")
	p.Data = outboxData{Messages: msgs, Counts: counts, Status: string(status), Pager: pg.WithTotal(total, r.URL)}
	return "outbox", nil
}
