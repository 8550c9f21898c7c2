package application

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

func TestStandPersonValidate(t *testing.T) {
	p := StandPerson{Name: "  فاطمة   الزهراء ", NationalID: "c ٤٥٦٧٨٩", Phone: "0661-234567", Gender: Female, Role: President}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Name != "فاطمة الزهراء" || p.NationalID != "C456789" || p.Phone != "+212661234567" {
		t.Fatalf("normalized: %+v", p)
	}
	bad := StandPerson{NationalID: "12", Phone: "12", Gender: "x", Role: "boss"}
	ae, _ := apperr.As(bad.Validate())
	if ae == nil || len(ae.Fields) != 5 {
		t.Fatalf("bad person: %v", bad.Validate())
	}
	passport := StandPerson{Name: "Aminata Diallo", NationalID: "A01234567", Phone: "+221771234567", Gender: Female, Role: Member}
	if err := passport.Validate(); err != nil {
		t.Fatalf("a Senegalese guest's passport: %v", err)
	}
}
