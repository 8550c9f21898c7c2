package application

import (
	"math"
	"time"

	"github.com/aswaq/aswaq/internal/call"
)

// Review is one reviewer's scores of one application, or the reviewer's declaration of a
// conflict of interest (then it holds no scores and the application goes to someone else).
type Review struct {
	ApplicationID int64
	ReviewerID    int64
	Scores        map[string]int // by criterion code, on the criterion's scale
	Comment       string
	Conflict      bool
	SubmittedAt   time.Time // zero while the review is only assigned
}

// Done reports whether the reviewer has scored the application.
func (r *Review) Done() bool { return !r.SubmittedAt.IsZero() && !r.Conflict }

// Facts are what computed criteria read about an applicant.
type Facts struct {
	FirstParticipation bool
	WomenLed           bool
	YouthLed           bool
	NeverBenefited     bool
	FoodSafety         bool
}

// Part is one criterion's share of a final score.
type Part struct {
	Code    string
	Weight  int
	Value   float64 // 0–1: the mean of the reviews on the scale, or 0/1 for a computed rule
	Points  float64 // the weighted points out of 100
	Reviews int     // how many reviews scored it (reviewers' criteria)
}

// Score is an application's final score out of 100, with its parts. Complete is false
// while a reviewers' criterion has no review yet.
type Score struct {
	Total    float64
	Parts    []Part
	Complete bool
}

// Final computes the weighted mean of the reviews and the computed criteria, out of 100,
// rounded to hundredths (the selection works on hundredths).
func Final(c *call.Call, reviews []Review, f Facts) Score {
	s := Score{Complete: true}
	weights := 0
	for _, cr := range c.Criteria {
		weights += cr.Weight
	}
	if weights == 0 {
		return s
	}
	for _, cr := range c.Criteria {
		p := Part{Code: cr.Code, Weight: cr.Weight}
		switch cr.Source {
		case call.Computed:
			if f.holds(cr.Rule) {
				p.Value = 1
			}
		default:
			sum := 0.0
			for _, r := range reviews {
				if v, ok := r.Scores[cr.Code]; ok && r.Done() {
					sum += float64(min(max(v, 0), cr.Max)) / float64(cr.Max)
					p.Reviews++
				}
			}
			if p.Reviews == 0 {
				s.Complete = false
			} else {
				p.Value = sum / float64(p.Reviews)
			}
		}
		p.Points = 100 * p.Value * float64(cr.Weight) / float64(weights)
		s.Total += p.Points
		s.Parts = append(s.Parts, p)
	}
	s.Total = math.Round(s.Total*100) / 100
	return s
}

func (f Facts) holds(r call.Rule) bool {
	switch r {
	case call.FirstParticipation:
		return f.FirstParticipation
	case call.WomenLed:
		return f.WomenLed
	case call.YouthLed:
		return f.YouthLed
	case call.NeverBenefited:
		return f.NeverBenefited
	case call.FoodSafetyAuthorised:
		return f.FoodSafety
	}
	return false
}
