package web

import (
	"net/http"

	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

type outboxData struct {
	Messages []outbox.Message
	Counts   outbox.Counts
	Status   string
	Pager    webkit.Pager
}

// outboxPage shows the messages Aswaq has queued, sent or given up on; with no mail server
// configured, this is where an administrator finds invitation links to pass on by hand.
func (h *Handlers) outboxPage(w http.ResponseWriter, r *http.Request, p *webkit.Page) (string, error) {
	status := outbox.Status(r.URL.Query().Get("status"))
	if !status.Valid() {
		status = ""
	}
	pg := webkit.NewPager(r, 50)
	f := outbox.Filter{Status: status, Limit: pg.Size, Offset: pg.Offset()}
	msgs, err := h.messages.OutboxMessages(r.Context(), f)
	if err != nil {
		return "", err
	}
	counts, err := h.messages.OutboxCounts(r.Context(), outbox.Filter{})
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
