package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

// reviewRoutes are the pages of the review step: the organisers' list of an edition's
// applications and their view of one, the reviewers' list and scoring form, and the
// download of an application's documents.
func (s *Server) reviewRoutes() []route {
	return []route{
		{pattern: "GET /{lang}/admin/editions/{id}/applications", perm: authz.ManageEditions, resource: s.editionResource, page: s.applicationsPage},
		{pattern: "POST /{lang}/admin/editions/{id}/reviewers/assign", perm: authz.ManageEditions, resource: s.editionResource, page: s.assignReviewers},
		{pattern: "GET /{lang}/admin/applications/{id}", perm: authz.ManageEditions, resource: s.applicationResource, page: s.applicationAdminPage},
		{pattern: "POST /{lang}/admin/applications/{id}/eligibility", perm: authz.ManageEditions, resource: s.applicationResource, page: s.setEligibility},
		{pattern: "GET /{lang}/documents/{id}/{doc}", perm: authz.ReadApplication, resource: s.applicationResource, page: s.downloadDocument},
		{pattern: "GET /{lang}/review", perm: authz.ReviewApplications, page: s.reviewListPage},
		{pattern: "GET /{lang}/review/{id}", perm: authz.ReviewApplications, resource: s.applicationResource, page: s.reviewPage},
		{pattern: "POST /{lang}/review/{id}", perm: authz.ReviewApplications, resource: s.applicationResource, page: s.saveReview},
		{pattern: "POST /{lang}/review/{id}/conflict", perm: authz.ReviewApplications, resource: s.applicationResource, page: s.declareConflict},
	}
}

// applicationResource is where the application named in the path belongs: its edition's
// region (for organisers), the edition (for its reviewers) and the organisation (for its
// representatives).
func (s *Server) applicationResource(r *http.Request) (authz.Resource, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return authz.Resource{}, err
	}
	region, edition, orgID, err := s.store.ApplicationRegion(r.Context(), id)
	if err != nil {
		return authz.Resource{}, err
	}
	return authz.Resource{Regions: []string{region}, Edition: edition, Organisation: orgID}, nil
}

// idText writes a record id for a URL.
func idText(n int64) string { return strconv.FormatInt(n, 10) }

// scoreText writes a score out of 100 with at most two decimals, with the language's
// decimal separator.
func scoreText(l i18n.Lang, v float64) string {
	s := strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
	if l != i18n.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
