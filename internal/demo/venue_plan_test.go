package demo

import "testing"

// The demo plan matches the fair's figures: 4,000 m², 160 product and 15 institutional
// stands, and is a plan the store accepts.
func TestOuarzazatePlan(t *testing.T) {
	p, err := OuarzazatePlan()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, s := range p.Stands {
		n[s.Zone]++
	}
	if n["P"] != 160 || n["I"] != 15 || p.Outline.Area() != 4000*10000 {
		t.Fatalf("stands %v, area %d cm²", n, p.Outline.Area())
	}
}
