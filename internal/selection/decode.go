package selection

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrInvalid is wrapped by every error reporting a malformed problem
// (Decode, Validate, Solve). The command maps it to exit code 2.
var ErrInvalid = errors.New("invalid problem")

// MaxInputBytes bounds the size of a problem read by Decode.
const MaxInputBytes = 256 << 20

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

type jsonProblem struct {
	Version    *int            `json:"version"`
	Seats      *int            `json:"seats"`
	Candidates []jsonCandidate `json:"candidates"`
	Quotas     []jsonQuota     `json:"quotas"`
	Pins       []jsonPin       `json:"pins"`
}

type jsonCandidate struct {
	ID    string            `json:"id"`
	Score json.RawMessage   `json:"score"`
	Attrs map[string]string `json:"attrs"`
	Flags []string          `json:"flags"`
}

type jsonQuota struct {
	Attr  string `json:"attr,omitempty"`
	Value string `json:"value,omitempty"`
	Flag  string `json:"flag,omitempty"`
	Min   *int   `json:"min,omitempty"`
	Max   *int   `json:"max,omitempty"`
}

type jsonPin struct {
	ID            string `json:"id"`
	Pin           string `json:"pin"`
	Justification string `json:"justification"`
}

// Decode reads one problem in the JSON contract from r, strictly: unknown
// fields, duplicate object keys, trailing data, numbers that are not
// integers where integers are expected and scores with more than two
// decimals are errors. The problem is also validated (see Validate). Every
// error wraps ErrInvalid (or is an I/O error from r) and no partial problem
// is returned.
func Decode(r io.Reader) (*Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading problem: %w", err)
	}
	if len(data) > MaxInputBytes {
		return nil, invalidf("input larger than %d bytes", MaxInputBytes)
	}
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var jp jsonProblem
	if err := dec.Decode(&jp); err != nil {
		return nil, jsonErr(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, invalidf("unexpected data after the problem object")
	}
	if jp.Seats == nil {
		return nil, invalidf("missing \"seats\"")
	}
	p := &Problem{Seats: *jp.Seats}
	if jp.Version != nil {
		p.Version = *jp.Version
		if p.Version != FormatVersion {
			return nil, invalidf("unsupported version %d (this implementation reads version %d)", p.Version, FormatVersion)
		}
	}
	p.Candidates = make([]Candidate, len(jp.Candidates))
	for i, jc := range jp.Candidates {
		if jc.Score == nil {
			return nil, invalidf("candidate %d (id %q): missing \"score\"", i, jc.ID)
		}
		s, err := ParseScore(string(jc.Score))
		if err != nil {
			return nil, invalidf("candidate %d (id %q): %v", i, jc.ID, err)
		}
		p.Candidates[i] = Candidate{ID: jc.ID, Score: s, Attrs: jc.Attrs, Flags: jc.Flags}
	}
	for _, jq := range jp.Quotas {
		p.Quotas = append(p.Quotas, Quota(jq))
	}
	for _, pin := range jp.Pins {
		p.Pins = append(p.Pins, Pin{ID: pin.ID, Side: PinSide(pin.Pin), Justification: pin.Justification})
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// jsonErr turns an encoding/json error into an ErrInvalid with a position.
func jsonErr(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return invalidf("malformed JSON at line %d, column %d: %v", line, col, se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := position(data, te.Offset)
		field := te.Field
		if field == "" {
			field = "the problem"
		}
		return invalidf("line %d, column %d: %s must not be a JSON %s", line, col, field, te.Value)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return invalidf("malformed JSON: unexpected end of input")
	}
	return invalidf("%s", strings.TrimPrefix(err.Error(), "json: "))
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// checkJSON rejects syntax errors and duplicate object keys (which
// encoding/json would silently resolve by keeping the last one).
func checkJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		obj    bool
		keys   map[string]bool
		expKey bool
	}
	var stack []frame
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return invalidf("malformed JSON: unexpected end of input")
			}
			return nil
		}
		if err != nil {
			return jsonErr(data, err)
		}
		if len(stack) == 0 && off > 0 && len(bytes.TrimSpace(data[:off])) > 0 {
			return invalidf("unexpected data after the problem object")
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if top != nil && top.obj && top.expKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				continue
			}
			k := tok.(string)
			if top.keys[k] {
				line, col := position(data, off)
				return invalidf("duplicate key %q at line %d, column %d", k, line, col)
			}
			top.keys[k] = true
			top.expKey = false
			continue
		}
		if top != nil && top.obj {
			top.expKey = true
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{obj: true, keys: map[string]bool{}, expKey: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
}

// ParseScore parses the text of a JSON number as an exact score in
// hundredths. Exponents are allowed ("7125e-2"), trailing zeros too
// ("71.250"), but a value that is not a whole number of hundredths
// ("71.255") or whose magnitude exceeds MaxAbsScore is an error.
func ParseScore(text string) (Score, error) {
	s := text
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intPart := s[:i]
	if intPart == "" || (len(intPart) > 1 && intPart[0] == '0') {
		return 0, fmt.Errorf("score %s is not a JSON number", text)
	}
	s = s[i:]
	frac := ""
	if strings.HasPrefix(s, ".") {
		j := 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		frac = s[1:j]
		if frac == "" {
			return 0, fmt.Errorf("score %s is not a JSON number", text)
		}
		s = s[j:]
	}
	exp := 0
	if strings.HasPrefix(s, "e") || strings.HasPrefix(s, "E") {
		s = s[1:]
		eneg := false
		if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
			eneg = s[0] == '-'
			s = s[1:]
		}
		if s == "" {
			return 0, fmt.Errorf("score %s is not a JSON number", text)
		}
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				return 0, fmt.Errorf("score %s is not a JSON number", text)
			}
			if exp < 1_000_000 {
				exp = exp*10 + int(c-'0')
			}
		}
		if eneg {
			exp = -exp
		}
		s = ""
	}
	if s != "" {
		return 0, fmt.Errorf("score %s is not a JSON number", text)
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	// value = digits * 10^(exp - len(frac)); in hundredths: shift by +2.
	shift := exp - len(frac) + 2
	if digits == "" {
		return 0, nil
	}
	if shift < 0 {
		n := -shift
		if n > len(digits) || strings.TrimRight(digits[len(digits)-n:], "0") != "" {
			return 0, fmt.Errorf("score %s has more than two decimals", text)
		}
		digits = digits[:len(digits)-n]
		shift = 0
	}
	if len(digits)+shift > 12 {
		return 0, fmt.Errorf("score %s is out of range (at most %s in absolute value)", text, MaxAbsScore)
	}
	var v int64
	for _, c := range []byte(digits) {
		v = v*10 + int64(c-'0')
	}
	for ; shift > 0; shift-- {
		v *= 10
	}
	if v > int64(MaxAbsScore) {
		return 0, fmt.Errorf("score %s is out of range (at most %s in absolute value)", text, MaxAbsScore)
	}
	if neg {
		v = -v
	}
	return Score(v), nil
}

// Encode writes r as indented JSON (the result contract) followed by a
// newline. The output is a deterministic function of r.
func Encode(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// MarshalJSON writes the problem in the JSON contract (used to write test
// data and instances for external solvers).
func (p *Problem) MarshalJSON() ([]byte, error) {
	type jc struct {
		ID    string            `json:"id"`
		Score Score             `json:"score"`
		Attrs map[string]string `json:"attrs,omitempty"`
		Flags []string          `json:"flags,omitempty"`
	}
	type jpin struct {
		ID            string `json:"id"`
		Pin           string `json:"pin"`
		Justification string `json:"justification"`
	}
	out := struct {
		Version    int         `json:"version,omitempty"`
		Seats      int         `json:"seats"`
		Candidates []jc        `json:"candidates"`
		Quotas     []jsonQuota `json:"quotas,omitempty"`
		Pins       []jpin      `json:"pins,omitempty"`
	}{Version: p.Version, Seats: p.Seats, Candidates: []jc{}}
	for _, c := range p.Candidates {
		out.Candidates = append(out.Candidates, jc(c))
	}
	for _, q := range p.Quotas {
		out.Quotas = append(out.Quotas, jsonQuota(q))
	}
	for _, pin := range p.Pins {
		out.Pins = append(out.Pins, jpin{pin.ID, string(pin.Side), pin.Justification})
	}
	return json.Marshal(out)
}
