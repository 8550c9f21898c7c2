package imaging

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// BenchmarkProcess processes a 4–5 MB, 12-megapixel JPEG (4000×3000, quality 90).
//
//	go test ./internal/imaging -run '^$' -bench Process -benchmem
func BenchmarkProcess(b *testing.B) {
	j := photo12MP(b)
	b.SetBytes(int64(len(j)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(bytes.NewReader(j)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPeakMemory measures the heap while Process works on the 12-megapixel JPEG, sampling
// runtime/metrics every 100 µs: the peak of heap objects (live or not yet collected) above
// what was there before, under the default GOGC and under GOGC=10 (close to the live peak),
// from a reader that tells its length (bytes.Reader, like a multipart file in memory) and
// from one that does not. IMAGING_MEMORY_FILE=path measures a file of your own as well (a
// real phone photo, a progressive JPEG).
//
//	go test ./internal/imaging -run PeakMemory -v
func TestPeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12-megapixel JPEG")
	}
	type input struct {
		name string
		data []byte
	}
	inputs := []input{{"12 MP JPEG", photo12MP(t)}}
	if path := os.Getenv("IMAGING_MEMORY_FILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{filepath.Base(path), b})
	}
	for _, in := range inputs {
		for _, c := range []struct {
			gogc   int
			hinted bool
		}{{100, true}, {10, true}, {100, false}} {
			old := debug.SetGCPercent(c.gogc)
			var r io.Reader = bytes.NewReader(in.data)
			if !c.hinted {
				r = io.MultiReader(r)
			}
			peak, total, res, elapsed := measure(t, r)
			debug.SetGCPercent(old)
			t.Logf("%s (%.1f MB, %d×%d), GOGC=%d, size hint %v: %v, peak heap +%.1f MB, allocated %.1f MB",
				in.name, mb(len(in.data)), res.Width, res.Height, c.gogc, c.hinted,
				elapsed.Round(time.Millisecond), mb(peak), mb(total))
			if c.gogc != 10 {
				continue
			}
			for _, rd := range res.Renditions() {
				t.Logf("  %-6s %4d×%-4d %s %6.1f KB", rd.Name, rd.Width, rd.Height, rd.ContentType, float64(len(rd.Data))/1024)
			}
			// Input (5 MB) + decoded YCbCr (18 MB) + the large rendition (7.7 MB) + slack.
			if in.name == "12 MP JPEG" && peak > 60<<20 {
				t.Errorf("peak heap %.1f MB, want under 60 MB", mb(peak))
			}
		}
	}
}

func measure(t *testing.T, r io.Reader) (peak, total uint64, res *Result, elapsed time.Duration) {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	runtime.GC()
	metrics.Read(samples)
	base, allocs0 := samples[0].Value.Uint64(), samples[1].Value.Uint64()

	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	res, err := Process(r)
	elapsed = time.Since(start)
	close(stop)
	top := <-done
	if err != nil {
		t.Fatal(err)
	}
	metrics.Read(samples)
	return top - min(top, base), samples[1].Value.Uint64() - allocs0, res, elapsed
}

func mb(n any) float64 {
	switch n := n.(type) {
	case int:
		return float64(n) / (1 << 20)
	case uint64:
		return float64(n) / (1 << 20)
	}
	return 0
}
