package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/editions"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/selection"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func intp(n int) *int { return &n }

func sefrou() fair.Edition {
	return fair.Edition{
		Kind: fair.MobileMarket, Number: 1, RegionCode: "03", ProvinceCode: "451",
		City:     mltext.Text{AR: "صفرو", FR: "Sefrou"},
		Title:    mltext.Text{AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني", FR: "Marché itinérant de l'ESS"},
		StartsOn: civil.MustNew(2027, 7, 12), EndsOn: civil.MustNew(2027, 7, 16),
	}
}

// openSefrouCall stores the Sefrou edition and a call open now, asking cooperatives and
// associations of the region (and of Khénifra, invited) for statutes, and cooperatives for
// their ICE certificate.
func openSefrouCall(t *testing.T, s *store.Store) (fairID int64, c call.Call) {
	t.Helper()
	ctx := context.Background()
	e := sefrou()
	if err := s.Editions().CreateEdition(ctx, &e); err != nil {
		t.Fatal(err)
	}
	c = call.Call{EditionID: e.ID, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour),
		LegalForms: []org.LegalForm{org.Cooperative, org.Association}, InvitedProvinces: []string{"301"},
		Documents: []call.DocumentRule{{Kind: call.Statutes}, {Kind: call.ICECertificate, LegalForms: []org.LegalForm{org.Cooperative}}},
		Questions: []call.Question{{Key: "members", Label: mltext.Text{FR: "Membres actifs"}, Kind: call.Number, Required: true},
			{Key: "first", Label: mltext.Text{FR: "Première fois ?"}, Kind: call.YesNo}},
		Criteria: []call.Criterion{{Code: "quality", Label: mltext.Text{FR: "Qualité"}, Weight: 60, Source: call.ByReviewers, Max: 20},
			{Code: "women", Weight: 40, Source: call.Computed, Rule: call.WomenLed}},
		Quotas: []selection.Quota{{Attr: "sector", Value: "handicraft", Min: intp(20), Max: intp(26)}},
		Stands: 52}
	if err := s.Editions().SaveCall(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.Editions().Take(ctx, e.ID, editions.OpenTheCall, editions.StepInput{}); err != nil {
		t.Fatal(err)
	}
	return e.ID, c
}

var pdf = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func TestCallRoundTripAndRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		id, c := openSefrouCall(t, s)
		got, err := s.Editions().Call(ctx, id)
		if err != nil || len(got.Criteria) != 2 || *got.Quotas[0].Max != 26 || got.ReviewersEach != 2 || got.Stands != 52 ||
			!got.OpensAt.Equal(c.OpensAt.UTC().Truncate(time.Microsecond)) {
			t.Fatalf("read back %+v, %v", got, err)
		}
		bad := got
		bad.ClosesAt = bad.OpensAt.Add(-time.Minute) // closes before it opens
		bad.Quotas = []selection.Quota{{Attr: "province", Value: "*", Min: intp(5), Max: intp(2)}}
		err = s.Editions().SaveCall(ctx, &bad)
		ae, _ := apperr.As(err)
		if ae == nil || len(ae.Fields) != 2 || ae.Fields[0].Key != "call.error.closes_before_opens" || ae.Fields[1].Key != "call.error.quota_min_max" {
			t.Fatalf("bad call: %v", err)
		}
		bad = got
		bad.InvitedProvinces = []string{"999"}
		if err := s.Editions().SaveCall(ctx, &bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("unknown invited province: %v", err)
		}
		bad = got
		bad.Quotas = []selection.Quota{{Attr: "province", Value: "401", Max: intp(3)}} // Ouarzazate: neither of the region nor invited
		if ae, _ := apperr.As(s.Editions().SaveCall(ctx, &bad)); ae == nil || len(ae.Fields) != 1 || ae.Fields[0].Key != "call.error.quota_value_province" {
			t.Fatalf("province quota outside the region: %v", ae)
		}
		again, _ := s.Editions().Call(ctx, id)
		if !again.ClosesAt.Equal(got.ClosesAt) || len(again.InvitedProvinces) != 1 || again.Quotas[0].Attr != "sector" {
			t.Fatal("a refused call changed the stored one")
		}
		if _, err := s.Editions().Call(ctx, id+99); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("no call: %v", err)
		}
	})
}

func TestApplyingFromDraftToSubmissionAndWithdrawal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		o := coop("تعاونية النحل", "451", "", "")
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		a, err := s.StartApplication(ctx, fairID, o.ID)
		if err != nil || a.Status != application.Draft || a.Reference != "" {
			t.Fatalf("start: %+v %v", a, err)
		}
		if again, err := s.StartApplication(ctx, fairID, o.ID); err != nil || again.ID != a.ID {
			t.Fatalf("a second application: %+v %v", again, err)
		}
		// Answers are checked against their questions.
		err = s.SaveAnswers(ctx, a.ID, map[string]string{"members": "douze", "first": "yes"})
		if ae, _ := apperr.As(err); ae == nil || ae.Fields[0].Field != "answer.members" {
			t.Fatalf("bad number: %v", err)
		}
		if err := s.SaveAnswers(ctx, a.ID, map[string]string{"members": "١٢", "first": "yes", "junk": "x"}); err != nil {
			t.Fatal(err)
		}
		// A picture named .pdf is refused; a real PDF is kept.
		png := []byte("\x89PNG\r\n\x1a\n0000")
		if _, err := s.AddDocument(ctx, a.ID, call.Statutes, "statuts.pdf", png); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("disguised document: %v", err)
		}
		if _, err := s.AddDocument(ctx, a.ID, call.Statutes, "statuts.pdf", pdf); err != nil {
			t.Fatal(err)
		}
		// Incomplete: the ICE certificate a cooperative owes is missing.
		err = s.SubmitApplication(ctx, a.ID, nil)
		if ae, _ := apperr.As(err); ae == nil || len(ae.Fields) != 1 || ae.Fields[0].Field != "document.ice_certificate" {
			t.Fatalf("incomplete submission: %v", err)
		}
		doc, err := s.AddDocument(ctx, a.ID, call.ICECertificate, "ice.PDF", pdf)
		if err != nil {
			t.Fatal(err)
		}
		receipt := func(a *application.Application) []outbox.Message {
			return []outbox.Message{{Channel: outbox.Email, Recipient: "coop@test.ma", Kind: "application_receipt", Lang: "fr",
				Subject: "Reçu " + a.Reference, Body: "Référence " + a.Reference}}
		}
		if err := s.SubmitApplication(ctx, a.ID, receipt); err != nil {
			t.Fatal(err)
		}
		a, _ = s.Application(ctx, a.ID)
		if a.Status != application.Submitted || !strings.HasPrefix(a.Reference, "2027-") || a.Answers["members"] != "12" || len(a.Documents) != 2 {
			t.Fatalf("submitted: %+v", a)
		}
		msgs, _ := s.Messages().OutboxMessages(ctx, outbox.Filter{})
		if len(msgs) != 1 || !strings.Contains(msgs[0].Body, a.Reference) {
			t.Fatalf("receipt: %+v", msgs)
		}
		// Submitting again after an edit keeps the reference.
		ref := a.Reference
		if err := s.SubmitApplication(ctx, a.ID, nil); err != nil {
			t.Fatal(err)
		}
		if a, _ = s.Application(ctx, a.ID); a.Reference != ref {
			t.Fatalf("reference changed: %s → %s", ref, a.Reference)
		}
		if d, data, err := s.Document(ctx, a.ID, doc.ID); err != nil || d.ContentType != "application/pdf" || string(data) != string(pdf) {
			t.Fatalf("document: %+v %v", d, err)
		}
		// After the deadline nothing changes, but withdrawal is always possible.
		if err := s.ExecForTest(ctx, "UPDATE calls SET opens_at = '2020-01-01 00:00:00', closes_at = '2020-02-01 00:00:00'"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnswers(ctx, a.ID, map[string]string{"members": "13"}); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("edit after the deadline: %v", err)
		}
		if _, err := s.AddDocument(ctx, a.ID, call.Statutes, "b.pdf", pdf); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("upload after the deadline: %v", err)
		}
		if err := s.WithdrawApplication(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if a, _ = s.Application(ctx, a.ID); a.Status != application.Withdrawn || a.WithdrawnAt.IsZero() {
			t.Fatalf("withdrawn: %+v", a)
		}
	})
}

func TestStartApplicationRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fairID, _ := openSefrouCall(t, s)
		cases := map[string]org.Organisation{
			"province outside the region": coop("تعاونية أكادير", "001", "", ""),
			"legal form not invited":      {LegalForm: org.Mutual, Name: mltext.Text{AR: "تعاضدية"}, ProvinceCode: "451", Sector: "handicraft"},
		}
		for name, o := range cases {
			if err := s.CreateOrganisation(ctx, &o); err != nil {
				t.Fatal(name, err)
			}
			if _, err := s.StartApplication(ctx, fairID, o.ID); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: %v", name, err)
			}
		}
		invited := coop("تعاونية خنيفرة", "301", "", "") // Khénifra is invited
		if err := s.CreateOrganisation(ctx, &invited); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StartApplication(ctx, fairID, invited.ID); err != nil {
			t.Fatalf("invited province: %v", err)
		}
		if err := s.ExecForTest(ctx, "UPDATE calls SET opens_at = '2099-01-01 00:00:00', closes_at = '2099-02-01 00:00:00'"); err != nil {
			t.Fatal(err)
		}
		late := coop("تعاونية صفرو", "451", "", "")
		if err := s.CreateOrganisation(ctx, &late); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StartApplication(ctx, fairID, late.ID); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("before the call opens: %v", err)
		}
	})
}
