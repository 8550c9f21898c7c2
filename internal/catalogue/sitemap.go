package catalogue

import "context"

// PublicIDs lists, in order, the ids of the validated organisations and of their products
// (at most limit of each), for the sitemap.
func (s *Service) PublicIDs(ctx context.Context, limit int) (orgs, products []int64, err error) {
	orgs, err = s.ids(ctx, `SELECT id FROM organisations WHERE status = 'validated' AND merged_into IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, nil, err
	}
	products, err = s.ids(ctx, `SELECT x.id FROM products x JOIN organisations o ON o.id = x.organisation_id
		WHERE o.status = 'validated' AND o.merged_into IS NULL AND x.available ORDER BY x.id LIMIT $1`, limit)
	return orgs, products, err
}

func (s *Service) ids(ctx context.Context, q string, limit int) ([]int64, error) {
	rows, err := s.db.Q(ctx).QueryContext(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
