package accounts_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/accounts"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/auditlog"
	"github.com/aswaq/aswaq/internal/platform/db"
	"github.com/aswaq/aswaq/internal/platform/db/dbtest"
	"github.com/aswaq/aswaq/internal/token"
)

func TestAuditLogIsAppendOnly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := accounts.New(d)
		ctx := audit.WithActor(context.Background(), audit.Actor{Name: "tester", IP: "192.0.2.1"})
		u := account.User{Name: "Amina", Email: "amina@test.ma"}
		if err := s.CreateUser(ctx, &u, "", []account.Grant{{Role: account.Organiser, RegionCode: "03"}}); err != nil {
			t.Fatal(err)
		}
		entries, total, err := auditlog.New(d).Entries(ctx, audit.Filter{AllRegions: true})
		if err != nil || total != 1 || entries[0].Action != audit.UserCreate || entries[0].Actor.IP != "192.0.2.1" || entries[0].RegionCode != "03" {
			t.Fatalf("entries %+v, %d, %v", entries, total, err)
		}
		for _, q := range []string{`UPDATE audit_log SET actor_name = 'someone else'`, `DELETE FROM audit_log`} {
			if _, err := d.Pool().ExecContext(ctx, q); err == nil {
				t.Errorf("%s succeeded on the audit log", q)
			}
		}
		if _, total, _ := auditlog.New(d).Entries(ctx, audit.Filter{AllRegions: true}); total != 1 {
			t.Fatal("the audit log changed")
		}
	})
}

func TestAuditScopeAndFilters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := accounts.New(d)
		ctx := context.Background()
		mk := func(name, region string) int64 {
			u := account.User{Name: name, Email: name + "@test.ma"}
			if err := s.CreateUser(ctx, &u, "", []account.Grant{{Role: account.Partner, RegionCode: region}}); err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		fes, souss := mk("fes", "03"), mk("souss", "09")
		viewer := mk("viewer", "05")
		own := audit.WithActor(ctx, audit.Actor{UserID: viewer, Name: "viewer"})
		if err := s.SetUserActive(own, souss, false); err != nil { // the viewer's own action, in region 09
			t.Fatal(err)
		}
		_, n03, _ := auditlog.New(d).Entries(ctx, audit.Filter{Regions: []string{"03"}})
		if n03 != 1 {
			t.Fatalf("region 03 sees %d entries", n03)
		}
		got, n, _ := auditlog.New(d).Entries(ctx, audit.Filter{Regions: []string{"05"}, ViewerID: viewer})
		if n != 2 { // the creation of the viewer (05) and the viewer's own action (09)
			t.Fatalf("viewer sees %d entries: %+v", n, got)
		}
		if _, n, _ := auditlog.New(d).Entries(ctx, audit.Filter{AllRegions: true, RecordType: "user", RecordID: itoa(fes)}); n != 1 {
			t.Fatalf("by record: %d", n)
		}
		if _, n, _ := auditlog.New(d).Entries(ctx, audit.Filter{AllRegions: true, ActorID: viewer}); n != 1 {
			t.Fatalf("by actor: %d", n)
		}
		if _, n, _ := auditlog.New(d).Entries(ctx, audit.Filter{AllRegions: true, From: time.Now().Add(time.Hour)}); n != 0 {
			t.Fatalf("from the future: %d", n)
		}
	})
}

func TestTokensAreSingleUseAndExpire(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := accounts.New(d)
		ctx := context.Background()
		u := account.User{Name: "Said", Phone: "0661234567"}
		_, hash := token.New()
		if err := s.Invite(ctx, &u, account.Grant{Role: account.Partner, RegionCode: "08"}, hash, time.Now().Add(time.Hour), nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, hash, accounts.PurposePasswordReset); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatal("an invitation token works as a reset token")
		}
		if got, err := s.TokenUser(ctx, hash, accounts.PurposeInvitation); err != nil || got.ID != u.ID || got.HasPassword {
			t.Fatalf("TokenUser = %+v, %v", got, err)
		}
		if _, err := s.RedeemToken(ctx, hash, accounts.PurposeInvitation, "$argon2id$stub"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RedeemToken(ctx, hash, accounts.PurposeInvitation, "$argon2id$other"); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("second use: %v", err)
		}
		_, expired := token.New()
		if err := s.CreateToken(ctx, u.ID, accounts.PurposePasswordReset, expired, time.Now().Add(-time.Minute), nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, expired, accounts.PurposePasswordReset); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("expired token: %v", err)
		}
		// The same phone cannot be invited twice; nothing of the second attempt is kept.
		dup := account.User{Name: "Said 2", Phone: "+212661234567"}
		_, h2 := token.New()
		err := s.Invite(ctx, &dup, account.Grant{Role: account.Partner, RegionCode: "08"}, h2, time.Now().Add(time.Hour), nil)
		if e, ok := apperr.As(err); !ok || e.Code != apperr.Conflict || e.Fields[0].Key != "account.error.phone_taken" {
			t.Fatalf("duplicate phone: %v", err)
		}
		if _, err := s.TokenUser(ctx, h2, accounts.PurposeInvitation); err == nil {
			t.Fatal("a refused invitation left its token")
		}
	})
}

func TestSessionsExpire(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := accounts.New(d)
		ctx := context.Background()
		ss := s.Sessions()
		ss.CommitCtx(ctx, "live", []byte("a"), time.Now().Add(time.Hour))
		ss.CommitCtx(ctx, "live", []byte("b"), time.Now().Add(time.Hour)) // replaced, not duplicated
		ss.CommitCtx(ctx, "dead", []byte("c"), time.Now().Add(-time.Second))
		if b, ok, err := ss.FindCtx(ctx, "live"); !ok || err != nil || string(b) != "b" {
			t.Fatalf("live session: %q %v %v", b, ok, err)
		}
		if _, ok, _ := ss.FindCtx(ctx, "dead"); ok {
			t.Fatal("an expired session was found")
		}
		if n, err := s.DeleteExpiredSessions(ctx); err != nil || n != 1 {
			t.Fatalf("DeleteExpiredSessions = %d, %v", n, err)
		}
		ss.DeleteCtx(ctx, "live")
		if _, ok, _ := ss.FindCtx(ctx, "live"); ok {
			t.Fatal("a deleted session was found")
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
