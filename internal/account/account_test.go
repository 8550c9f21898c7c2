package account

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

func TestNormalizePhoneReadsMoroccanHabits(t *testing.T) {
	for in, want := range map[string]string{
		"0612-345678":        "+212612345678",
		"06 12 34 56 78":     "+212612345678",
		"+212 6 12 34 56 78": "+212612345678",
		"00212612345678":     "+212612345678",
		"٠٦١٢٣٤٥٦٧٨":         "+212612345678",
		"0712345678":         "+212712345678",
		"0535652020":         "+212535652020",
	} {
		got, err := NormalizePhone(in)
		if err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "123", "06123", "phone", "+33"} {
		if _, err := NormalizePhone(bad); err == nil {
			t.Errorf("NormalizePhone(%q) accepted", bad)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got, err := NormalizeEmail(" Fatima.Zahra@Region-FM.ma "); err != nil || got != "fatima.zahra@region-fm.ma" {
		t.Fatalf("got %q, %v", got, err)
	}
	for _, bad := range []string{"fatima", "fatima@", "Fatima <f@x.ma>", "f@localhost", "a b@x.ma"} {
		if _, err := NormalizeEmail(bad); err == nil {
			t.Errorf("NormalizeEmail(%q) accepted", bad)
		}
	}
}

func TestUserNormalize(t *testing.T) {
	u := User{Name: "  خديجة   العلوي ", Phone: "0612-345678", Lang: "xx"}
	if err := u.Normalize(); err != nil {
		t.Fatal(err)
	}
	if u.Name != "خديجة العلوي" || u.Phone != "+212612345678" || u.Lang != "ar" || u.Contact() != "+212612345678" {
		t.Fatalf("got %+v", u)
	}
	bad := User{Email: "nope", Phone: "12"}
	ae, _ := apperr.As(bad.Normalize())
	fields := map[string]bool{}
	for _, f := range ae.Fields {
		fields[f.Field] = true
	}
	if !fields["name"] || !fields["email"] || !fields["phone"] {
		t.Fatalf("got %v", ae)
	}
	none := User{Name: "x"}
	if ae, _ := apperr.As(none.Normalize()); ae == nil || ae.Fields[0].Key != "account.error.contact_required" {
		t.Fatalf("no contact: %v", none.Normalize())
	}
}

func TestCheckPassword(t *testing.T) {
	for pw, ok := range map[string]bool{"short": false, "azertyuiop": false, "AZERTYUIOP": false, "تعاونية الأمل للعسل": true, "a long enough one": true} {
		if err := CheckPassword(pw); (err == nil) != ok {
			t.Errorf("CheckPassword(%q) = %v", pw, err)
		}
	}
}

func TestGrantValidate(t *testing.T) {
	for _, c := range []struct {
		g  Grant
		ok bool
	}{
		{Grant{Role: Admin, RegionCode: "03"}, true},
		{Grant{Role: Organiser, RegionCode: "03"}, true},
		{Grant{Role: Organiser}, false},
		{Grant{Role: Reviewer, EditionID: 4}, true},
		{Grant{Role: FieldAgent}, false},
		{Grant{Role: Exhibitor, OrganisationID: 7}, true},
		{Grant{Role: Exhibitor, RegionCode: "03"}, false},
		{Grant{Role: "mayor"}, false},
	} {
		g := c.g
		if err := g.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c.g, err)
		}
		if c.g.Role == Admin && g.RegionCode != "" {
			t.Error("an admin grant keeps no scope")
		}
	}
}
