package web

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// health answers load balancers and monitors: 200 once the database answers, 503 otherwise.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	body := map[string]string{"status": "ok", "database": string(s.store.Engine()), "version": s.version}
	status := http.StatusOK
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check", "err", err)
		body["status"] = "unavailable"
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}
