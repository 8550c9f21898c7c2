// Package editions owns an edition's life: its facts (kind, dates, place, partners, poles
// and spaces, guests), the mobile-market tours, its call for applications, and the moves
// from one status to the next, each through the workflow that does its work and checks
// its preconditions.
package editions

import "github.com/aswaq/aswaq/internal/platform/db"

// Service is the editions feature.
type Service struct{ db *db.DB }

// New returns the editions service over d.
func New(d *db.DB) *Service { return &Service{db: d} }
