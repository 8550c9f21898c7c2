package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/aswaq/aswaq/internal/store"
)

// Retention of what the server keeps only for a while.
const (
	maintenanceEvery = time.Hour
	sentMessagesKept = 90 * 24 * time.Hour // sent messages hold one-time links: do not keep them for ever
)

// maintain removes expired sessions, old sent messages and stale import uploads, hourly, until ctx ends. Several
// processes may run it at once: each deletion is idempotent.
func maintain(ctx context.Context, st *store.Store, log *slog.Logger) {
	tick := time.NewTicker(maintenanceEvery)
	defer tick.Stop()
	for {
		if n, err := st.Accounts().DeleteExpiredSessions(ctx); err != nil && ctx.Err() == nil {
			log.Error("removing expired sessions", "err", err)
		} else if n > 0 {
			log.Info("expired sessions removed", "count", n)
		}
		if n, err := st.Messages().PurgeOutbox(ctx, time.Now().Add(-sentMessagesKept)); err != nil && ctx.Err() == nil {
			log.Error("purging the outbox", "err", err)
		} else if n > 0 {
			log.Info("old sent messages removed", "count", n)
		}
		if n, err := st.DeleteUploadsBefore(ctx, time.Now().Add(-store.UploadsKept)); err != nil && ctx.Err() == nil {
			log.Error("removing old import uploads", "err", err)
		} else if n > 0 {
			log.Info("old import uploads removed", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
