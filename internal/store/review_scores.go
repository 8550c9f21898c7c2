package store

import (
	"context"
	"encoding/json"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// AppScore is an application's final score with how many of its reviews are done and
// how many are still awaited.
type AppScore struct {
	application.Score
	Done    int // reviews submitted (conflicts left out)
	Pending int // reviews assigned and not yet submitted
}

// factsQuery reads what computed criteria need to know of an application's organisation.
// First participation: the organisation never submitted an application to an edition that
// began earlier. Never benefited: it was never selected for one.
const factsQuery = `SELECT a.id, o.women_led, o.youth_led, o.food_safety_no <> '',
	EXISTS (SELECT 1 FROM applications b JOIN editions eb ON eb.id = b.edition_id
		WHERE b.organisation_id = a.organisation_id AND b.edition_id <> a.edition_id
		AND b.submitted_at IS NOT NULL AND eb.starts_on < e.starts_on),
	EXISTS (SELECT 1 FROM applications b JOIN editions eb ON eb.id = b.edition_id
		WHERE b.organisation_id = a.organisation_id AND b.edition_id <> a.edition_id
		AND b.decision = 'selected' AND eb.starts_on < e.starts_on)
	FROM applications a JOIN organisations o ON o.id = a.organisation_id JOIN editions e ON e.id = a.edition_id`

// ApplicationFacts returns what the computed criteria of an application look at.
func (s *Store) ApplicationFacts(ctx context.Context, appID int64) (application.Facts, error) {
	facts, err := s.facts(ctx, ` WHERE a.id = $1`, appID)
	return facts[appID], err
}

func (s *Store) facts(ctx context.Context, where string, args ...any) (map[int64]application.Facts, error) {
	out := map[int64]application.Facts{}
	err := eachRow(ctx, s.db, factsQuery+where, args, func(sc scanner) error {
		var id int64
		var f application.Facts
		var before, selected bool
		err := sc.Scan(&id, &f.WomenLed, &f.YouthLed, &f.FoodSafety, &before, &selected)
		f.FirstParticipation, f.NeverBenefited = !before, !selected
		out[id] = f
		return err
	})
	return out, err
}

// reviewsOf reads the reviews of the applications that where selects.
func (s *Store) reviewsOf(ctx context.Context, where string, args ...any) (map[int64][]application.Review, error) {
	out := map[int64][]application.Review{}
	err := eachRow(ctx, s.db, `SELECT r.application_id, r.reviewer_id, r.scores, r.conflict, r.submitted_at
		FROM reviews r JOIN applications a ON a.id = r.application_id`+where, args, func(sc scanner) error {
		var r application.Review
		var scores string
		if err := sc.Scan(&r.ApplicationID, &r.ReviewerID, &scores, &r.Conflict, timeCol(&r.SubmittedAt)); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(scores), &r.Scores); err != nil {
			return err
		}
		out[r.ApplicationID] = append(out[r.ApplicationID], r)
		return nil
	})
	return out, err
}

// ApplicationScores computes the final score of every application of an edition.
func (s *Store) ApplicationScores(ctx context.Context, editionID int64) (map[int64]AppScore, error) {
	c, err := s.Editions().Call(ctx, editionID)
	if err != nil {
		return nil, err
	}
	return s.scores(ctx, &c, ` WHERE a.edition_id = $1`, editionID)
}

// ScoresOf computes the final scores of the given applications of c's edition (a page of
// the list).
func (s *Store) ScoresOf(ctx context.Context, c *call.Call, ids []int64) (map[int64]AppScore, error) {
	if len(ids) == 0 {
		return map[int64]AppScore{}, nil
	}
	var args db.Args
	where := ` WHERE a.edition_id = ` + args.Add(c.EditionID) + ` AND a.id IN (` + db.List(&args, ids) + `)`
	return s.scores(ctx, c, where, args...)
}

func (s *Store) scores(ctx context.Context, c *call.Call, where string, args ...any) (map[int64]AppScore, error) {
	facts, err := s.facts(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	reviews, err := s.reviewsOf(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]AppScore, len(facts))
	for id, f := range facts {
		out[id] = FinalScore(c, reviews[id], f)
	}
	return out, nil
}

// FinalScore is application.Final with the reviews counted. A score is complete only when
// every review the call asks for is in: a missing review would change it.
func FinalScore(c *call.Call, reviews []application.Review, f application.Facts) AppScore {
	sc := AppScore{Score: application.Final(c, reviews, f)}
	byReviewers := false
	for _, cr := range c.Criteria {
		byReviewers = byReviewers || cr.Source == call.ByReviewers
	}
	for _, r := range reviews {
		switch {
		case r.Done():
			sc.Done++
		case !r.Conflict:
			sc.Pending++
		}
	}
	if byReviewers && (sc.Pending > 0 || sc.Done < c.ReviewersEach) {
		sc.Complete = false
	}
	return sc
}
