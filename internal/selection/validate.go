package selection

// Validate checks a problem built in Go (Decode calls it too). Every error
// wraps ErrInvalid and names the offending element by index (and id).
func (p *Problem) Validate() error {
	if p.Version != 0 && p.Version != FormatVersion {
		return invalidf("unsupported version %d (this implementation reads version %d)", p.Version, FormatVersion)
	}
	if p.Seats < 0 {
		return invalidf("seats must be >= 0, got %d", p.Seats)
	}
	ids := make(map[string]int, len(p.Candidates))
	for i, c := range p.Candidates {
		if c.ID == "" {
			return invalidf("candidate %d: empty id", i)
		}
		if j, ok := ids[c.ID]; ok {
			return invalidf("duplicate candidate id %q (candidates %d and %d)", c.ID, j, i)
		}
		ids[c.ID] = i
		if c.Score > MaxAbsScore || c.Score < -MaxAbsScore {
			return invalidf("candidate %d (id %q): score %s is out of range (at most %s in absolute value)", i, c.ID, c.Score, MaxAbsScore)
		}
		for k, v := range c.Attrs {
			if k == "" {
				return invalidf("candidate %d (id %q): empty attribute name", i, c.ID)
			}
			if v == "" || v == "*" {
				return invalidf("candidate %d (id %q): attribute %q has invalid value %q", i, c.ID, k, v)
			}
		}
		seen := map[string]bool{}
		for _, f := range c.Flags {
			if f == "" {
				return invalidf("candidate %d (id %q): empty flag", i, c.ID)
			}
			if seen[f] {
				return invalidf("candidate %d (id %q): duplicate flag %q", i, c.ID, f)
			}
			seen[f] = true
		}
	}
	for i, q := range p.Quotas {
		switch {
		case q.Flag != "" && (q.Attr != "" || q.Value != ""):
			return invalidf("quota %d: names both a flag and an attribute", i)
		case q.Flag == "" && q.Attr == "":
			return invalidf("quota %d: must name either an attribute and a value, or a flag", i)
		case q.Attr != "" && q.Value == "":
			return invalidf("quota %d: attribute %q without a value (use \"*\" for every value)", i, q.Attr)
		}
		if q.Min == nil && q.Max == nil {
			return invalidf("quota %d: needs a min, a max or both", i)
		}
		if q.Min != nil && *q.Min < 0 {
			return invalidf("quota %d: min must be >= 0, got %d", i, *q.Min)
		}
		if q.Max != nil && *q.Max < 0 {
			return invalidf("quota %d: max must be >= 0, got %d", i, *q.Max)
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			return invalidf("quota %d: min %d > max %d", i, *q.Min, *q.Max)
		}
	}
	pinned := map[string]int{}
	for i, pin := range p.Pins {
		if _, ok := ids[pin.ID]; !ok {
			return invalidf("pin %d: unknown candidate id %q", i, pin.ID)
		}
		if j, ok := pinned[pin.ID]; ok {
			return invalidf("pin %d: candidate %q already pinned by pin %d", i, pin.ID, j)
		}
		pinned[pin.ID] = i
		if pin.Side != PinIn && pin.Side != PinOut {
			return invalidf("pin %d (id %q): pin must be \"in\" or \"out\", got %q", i, pin.ID, pin.Side)
		}
		if pin.Justification == "" {
			return invalidf("pin %d (id %q): a written justification is required", i, pin.ID)
		}
	}
	return nil
}
