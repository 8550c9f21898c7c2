package catalogue

import (
	"context"
	"strings"

	"github.com/aswaq/aswaq/internal/org"
)

// covers sets the Cover of each hit to its record's first photo, in one query for the
// whole page: a result list with thumbnails must not ask the database once per card.
// Photos are not in search_docs because they change without the record changing, and a
// page holds at most MaxSearchLimit hits, which the photos_owner index finds directly.
func (r searchRun) covers(ctx context.Context, hits []SearchHit) error {
	if len(hits) == 0 {
		return nil
	}
	var args sqlArgs
	var orgs, products []string
	for _, h := range hits {
		if h.Kind == KindProduct {
			products = append(products, args.add(h.ID))
		} else {
			orgs = append(orgs, args.add(h.ID))
		}
	}
	var conds []string
	if len(orgs) > 0 {
		conds = append(conds, "(owner_type = '"+org.PhotoOfOrganisation+"' AND owner_id IN ("+strings.Join(orgs, ", ")+"))")
	}
	if len(products) > 0 {
		conds = append(conds, "(owner_type = '"+org.PhotoOfProduct+"' AND owner_id IN ("+strings.Join(products, ", ")+"))")
	}
	rows, err := r.q.QueryContext(ctx, `SELECT id, owner_type, owner_id, width, height, thumb, medium, large FROM photos
		WHERE `+strings.Join(conds, " OR ")+` ORDER BY owner_type, owner_id, position, id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	type owner struct {
		kind string
		id   int64
	}
	first := map[owner]org.Photo{}
	for rows.Next() {
		var p org.Photo
		if err := rows.Scan(&p.ID, &p.OwnerType, &p.OwnerID, &p.Width, &p.Height, &p.Thumb, &p.Medium, &p.Large); err != nil {
			return err
		}
		if _, seen := first[owner{p.OwnerType, p.OwnerID}]; !seen {
			first[owner{p.OwnerType, p.OwnerID}] = p
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range hits {
		kind := org.PhotoOfOrganisation
		if hits[i].Kind == KindProduct {
			kind = org.PhotoOfProduct
		}
		hits[i].Cover = first[owner{kind, hits[i].ID}]
	}
	return nil
}
