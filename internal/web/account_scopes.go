package web

import (
	"context"
	"strconv"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/platform/webkit"
)

// accountScopes gives the accounts pages the editions and organisations a grant is scoped
// to (accountsweb.Scopes), until the organisations feature has a room of its own.
type accountScopes struct{ s *Server }

func (a accountScopes) EditionName(ctx context.Context, id int64, lang string) (string, error) {
	e, err := a.s.editions.Edition(ctx, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	return e.Title.In(lang), nil
}

func (a accountScopes) OrganisationName(ctx context.Context, id int64, lang string) (string, error) {
	o, err := a.s.store.Organisation(ctx, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", err
	}
	return o.Name.In(lang), nil
}

func (a accountScopes) EditionChoices(ctx context.Context, l *i18n.Localizer, all bool, regions []string) ([]webkit.Option, error) {
	eds, err := a.s.editions.EditionsInRegions(ctx, all, regions)
	if err != nil {
		return nil, err
	}
	var out []webkit.Option
	for _, e := range eds {
		out = append(out, webkit.Option{Value: strconv.FormatInt(e.ID, 10),
			Label: e.Title.In(string(l.Lang())) + " — " + l.DateRange(e.StartsOn.In(casablanca), e.EndsOn.In(casablanca))})
	}
	return out, nil
}

func (a accountScopes) OrganisationChoices(ctx context.Context, lang string, all bool, regions []string) ([]webkit.Option, error) {
	orgs, err := a.s.store.OrganisationsInRegions(ctx, all, regions, 1000)
	if err != nil {
		return nil, err
	}
	var out []webkit.Option
	for _, o := range orgs {
		out = append(out, webkit.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name.In(lang)})
	}
	return out, nil
}
