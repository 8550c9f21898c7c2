package salon

import "testing"

// The generated fairs have the sizes their comments promise.
func TestSizes(t *testing.T) {
	for _, c := range []struct {
		sp                         Spec
		stands, inst, intl, places int
	}{
		{National, 350, 28, 28, 672},
		{Regional, 179, 21, 8, 179},
	} {
		p, err := c.sp.Problem(1)
		if err != nil {
			t.Fatal(err)
		}
		kinds, places := map[string]int{}, 0
		for _, s := range p.Stands {
			kinds[s.Kind]++
			places += max(s.Capacity, 1)
		}
		if len(p.Stands) != c.stands || kinds["institutional"] != c.inst || kinds["international"] != c.intl || places != c.places {
			t.Errorf("%s: %d stands %v, %d places", c.sp.Name, len(p.Stands), kinds, places)
		}
		if want := c.sp.InstOrgs + c.sp.IntlOrgs + c.sp.Prods; len(p.Orgs) != want {
			t.Errorf("%s: %d organisations, want %d", c.sp.Name, len(p.Orgs), want)
		}
	}
}
