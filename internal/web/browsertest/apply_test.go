package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/web"
)

// startSiteWithCall serves the demo site with a call open on an upcoming Sefrou edition and returns
// the site's address and the edition's public page.
func startSiteWithCall(t *testing.T) (base, fairPath string) {
	t.Helper()
	ctx := context.Background()
	st := demoStore(t)
	c := call.Call{OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(72 * time.Hour),
		Documents: []call.DocumentRule{{Kind: call.Statutes}},
		Questions: []call.Question{{Key: "products", Label: mltext.Text{AR: "ما المنتوجات التي ستعرضونها؟", FR: "Vos produits ?"}, Kind: call.LongText, Required: true}},
		Criteria:  []call.Criterion{{Code: "quality", Label: mltext.Text{AR: "جودة المنتوجات", FR: "Qualité"}, Weight: 100, Source: call.ByReviewers, Max: 20}}}
	id := openCall(t, st, nil, c)
	bundle, _ := i18n.Load()
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL, "/ar/fairs/" + itoa(id)
}

// traffic counts what the browser loads: pages (documents, including the answers to form
// posts) and bytes on the wire.
type traffic struct {
	mu    sync.Mutex
	pages int
	bytes float64
}

func (tr *traffic) listen(t *testing.T, ctx context.Context) {
	err := chromedp.Listen(ctx, func(ev any) {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if e.Type == network.ResourceTypeDocument {
				tr.pages++
			}
		case *network.EventLoadingFinished:
			tr.bytes += e.EncodedDataLength
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestApplyOnAPhone: a cooperative that is not yet in the registry finds the fair, registers
// on the way and submits a complete application from a 360 px phone, in Arabic; every step
// is right to left, fits the screen and has no serious accessibility finding. The test logs
// the pages and bytes it took.
func TestApplyOnAPhone(t *testing.T) {
	base, fairPath := startSiteWithCall(t)
	ctx := Browser(t)
	var tr traffic
	tr.listen(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	statutes := filepath.Join(t.TempDir(), "النظام الأساسي.pdf")
	if err := os.WriteFile(statutes, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	navigate(t, ctx, base+fairPath)
	step(t, ctx, "fair page")
	click(t, ctx, `a[href$="/apply"]`, `a[href$="/apply/register"]`)
	step(t, ctx, "call page")
	click(t, ctx, `a[href$="/apply/register"]`, `#f-name`)
	step(t, ctx, "registration")
	fill(t, ctx, map[string]string{`#f-name`: "خديجة أيت علي", `#f-phone`: "0612-345678",
		`#f-password`: "زيت زيتون بكر ممتاز", `#f-confirm`: "زيت زيتون بكر ممتاز", `#f-name_ar`: "تعاونية أيت علي للزيتون"})
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`#f-legal_form`), "cooperative"),
		chromedp.SetValue(chromedp.CSS(`#f-province`), "451"), chromedp.SetValue(chromedp.CSS(`#f-sector`), "local_products")); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, "main form", ".flash")
	step(t, ctx, "new application")
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`#f-file`), []string{statutes})); err != nil {
		t.Fatal(err)
	}
	// Wait for what only the next page has: the previous one showed a message too.
	submit(t, ctx, `form[enctype="multipart/form-data"]`, `form[action$="/delete"]`)
	fill(t, ctx, map[string]string{`#f-answer\.products`: "زيت الزيتون البكر وزيتون مصبر"})
	click(t, ctx, `button[formaction$="/submit"]`, ".state.submitted")
	step(t, ctx, "submitted application")
	body := eval[string](t, ctx, `document.querySelector("main").innerText`)
	if !strings.Contains(body, "أودع ترشيحكم") || !strings.Contains(body, "المرجع 2027-") {
		t.Fatalf("after submitting:\n%s", body)
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	t.Logf("submitting an application from a 360 px phone: %d pages, %.0f bytes transferred", tr.pages, tr.bytes)
}

func click(t *testing.T, ctx context.Context, sel, waitFor string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS(waitFor))); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
