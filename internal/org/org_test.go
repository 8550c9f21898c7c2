package org

import (
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/mltext"
)

func TestValidate(t *testing.T) {
	ok := Organisation{LegalForm: Cooperative, Name: mltext.Text{AR: " تعاونية الأمل "}, ProvinceCode: "451", Sector: LocalProducts}
	if err := ok.Validate(); err != nil || ok.Name.AR != "تعاونية الأمل" {
		t.Fatalf("valid organisation refused: %v", err)
	}
	bad := Organisation{LegalForm: "club", Sector: "mining"}
	ae, _ := apperr.As(bad.Validate())
	if ae == nil || len(ae.Fields) != 4 {
		t.Fatalf("want 4 field errors, got %v", bad.Validate())
	}
}
