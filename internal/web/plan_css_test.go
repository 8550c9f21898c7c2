package web

import (
	"os"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/venue/svg"
)

// The drawing's rules are copied, scoped to .plan-map, into css/plan.css because the
// Content-Security-Policy forbids the <style> element a standalone drawing carries: this
// keeps the copy equal to svg.CSS.
func TestPlanCSSMatchesDrawing(t *testing.T) {
	data, err := os.ReadFile("../platform/webkit/static/css/plan.css")
	if err != nil {
		t.Fatal(err)
	}
	css := strings.ReplaceAll(string(data), ".plan-map ", "")
	for _, line := range strings.Split(strings.TrimSpace(svg.CSS), "\n") {
		if !strings.Contains(css, line) {
			t.Errorf("css/plan.css lacks the drawing's rule %s", line)
		}
	}
}
