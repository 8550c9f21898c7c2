package web

import (
	"context"
	"net/http"
	"slices"

	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/authz"
	"github.com/aswaq/aswaq/internal/i18n"
)

func (s *Server) peopleRoutes() []route {
	return []route{
		{pattern: "POST /{lang}/applications/{id}/people", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.addPerson},
		{pattern: "POST /{lang}/applications/{id}/people/{person}/delete", perm: authz.EditOrganisation, resource: s.applicantResource, page: s.removePerson},
		{pattern: "GET /{lang}/admin/editions/{id}/people", perm: authz.ManageEditions, resource: s.editionResource, page: s.peoplePage},
	}
}

// standPeopleView is the applicant's list of people for the stand, with the form to add one.
type standPeopleView struct {
	Show    bool // the organisation was selected
	People  []personView
	Limit   int
	Full    bool
	Form    *form
	Genders []option
	Roles   []option
}

type personView struct {
	ID         int64
	Name       string
	NationalID string
	Phone      string
	Gender     string
	Role       string
}

func personViewOf(l *i18n.Localizer, p application.StandPerson) personView {
	return personView{ID: p.ID, Name: p.Name, NationalID: p.NationalID, Phone: p.Phone,
		Gender: l.T("people.gender." + string(p.Gender)), Role: l.T("people.role." + string(p.Role))}
}

// standPeople fills the stand-people section of the application page.
func (s *Server) standPeople(ctx context.Context, l *i18n.Localizer, appID int64, f *form) (standPeopleView, error) {
	var v standPeopleView
	d, limit, err := s.store.ApplicationDecision(ctx, appID)
	if err != nil || d != application.Selected {
		return v, err
	}
	people, err := s.store.StandPeople(ctx, appID)
	if err != nil {
		return v, err
	}
	v.Show, v.Limit, v.Full, v.Form = true, limit, len(people) >= limit, f
	if v.Form == nil {
		v.Form = newForm()
	}
	for _, p := range people {
		v.People = append(v.People, personViewOf(l, p))
	}
	for _, g := range application.Genders {
		v.Genders = append(v.Genders, option{Value: string(g), Label: l.T("people.gender." + string(g))})
	}
	for _, r := range application.PersonRoles {
		v.Roles = append(v.Roles, option{Value: string(r), Label: l.T("people.role." + string(r))})
	}
	return v, nil
}

func (s *Server) addPerson(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	f := formFrom(r)
	person := application.StandPerson{ApplicationID: id, Name: f.Get("name"), NationalID: f.Get("national_id"),
		Phone: f.Get("phone"), Gender: application.Gender(f.Get("gender")), Role: application.PersonRole(f.Get("role"))}
	if err := s.store.AddStandPerson(r.Context(), &person); err != nil {
		if !f.Fail(p.L, err) {
			return "", err
		}
		p.Status = http.StatusUnprocessableEntity
		return s.renderApplicationWithPeople(r.Context(), p, id, f)
	}
	s.flash(r, "people.flash.added")
	http.Redirect(w, r, s.applicationURL(p, id)+"#people", http.StatusSeeOther)
	return "", nil
}

func (s *Server) removePerson(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	person, err := pathID(r, "person")
	if err != nil {
		return "", err
	}
	if err := s.store.RemoveStandPerson(r.Context(), id, person); err != nil {
		return "", err
	}
	s.flash(r, "people.flash.removed")
	http.Redirect(w, r, s.applicationURL(p, id)+"#people", http.StatusSeeOther)
	return "", nil
}

// peopleRow is one selected organisation on the organisers' list of who comes.
type peopleRow struct {
	AppID   int64
	Name    string
	Missing int
	People  []personView
}

type peopleData struct {
	EditionID int64
	Edition   fairCard
	Rows      []peopleRow
	Limit     int
	Complete  int
	Total     int
	Women     int
	Men       int
}

// peoplePage shows organisers who each selected organisation sends, and who is missing.
func (s *Server) peoplePage(w http.ResponseWriter, r *http.Request, p *page) (string, error) {
	id, _ := pathID(r, "id")
	e, err := s.editions.Edition(r.Context(), id)
	if err != nil {
		return "", err
	}
	exhibitors, err := s.store.SelectionCandidates(r.Context(), id)
	if err != nil {
		return "", err
	}
	people, err := s.store.EditionPeople(r.Context(), id)
	if err != nil {
		return "", err
	}
	d := peopleData{EditionID: id, Edition: s.fairCard(p.L, &e), Limit: e.RepsPerStand}
	for _, c := range exhibitors {
		if c.Decision != application.Selected || c.Status != application.Submitted {
			continue
		}
		row := peopleRow{AppID: c.ApplicationID, Name: c.Name.In(p.Code), Missing: max(e.RepsPerStand-len(people[c.ApplicationID]), 0)}
		for _, x := range people[c.ApplicationID] {
			row.People = append(row.People, personViewOf(p.L, x))
			if x.Gender == application.Female {
				d.Women++
			} else {
				d.Men++
			}
		}
		d.Total++
		if row.Missing == 0 {
			d.Complete++
		}
		d.Rows = append(d.Rows, row)
	}
	// Those who still owe names come first.
	slices.SortStableFunc(d.Rows, func(a, b peopleRow) int { return b.Missing - a.Missing })
	p.Title, p.Data = p.L.T("people.title"), d
	return "people", nil
}
