package imaging

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Every refusal Process can give renders in Arabic, French and English with each of its
// placeholders filled by the arguments Process passes.
func TestMessagesTranslated(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{
		KeyEmpty:             nil,
		KeyTooLarge:          make([]byte, MaxUploadBytes+1),
		KeyNotAnImage:        []byte("%PDF-1.4"),
		KeyUnsupportedFormat: []byte("GIF89a"),
		KeyAnimated:          fixture(t, "animated.webp"),
		KeyCorrupt:           encodePNG(t, quadrants(300, 300))[:100],
		KeyTooManyPixels:     pngHeader(50000, 50000),
		KeyTooSmall:          encodePNG(t, quadrants(100, 100)),
	}
	errs := map[string]*apperr.Error{}
	for key, in := range inputs {
		_, err := Process(bytes.NewReader(in))
		errs[key] = wantRefusal(t, err, key)
	}
	errs[KeyIncomplete] = invalid(nil, KeyIncomplete) // a broken reader: see TestReaders
	for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
		z := b.For(l)
		for key, e := range errs {
			if !z.Has(key) {
				t.Errorf("%s: no text for %s", l, key)
				continue
			}
			if s := z.T(key, e.Args...); strings.ContainsAny(s, "{}") {
				t.Errorf("%s %s renders as %q", l, key, s)
			} else {
				t.Logf("%s: %s", l, s)
			}
		}
	}
}
