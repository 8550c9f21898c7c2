package imaging

import (
	"image"
	"math"
	"testing"

	"golang.org/x/image/draw"
)

// zonePlate returns a w×h image whose brightness is cos(πkr²) around the centre: its local
// frequency k·r grows from 0 at the centre to 0.5 cycle per pixel (the limit a grid of pixels
// can hold) in the corners. Scaled down by s, every ring beyond frequency 0.5/s must fade to
// grey; a resampler that lets them through shows them as false rings (aliasing, moiré on
// fabrics and basketry). It is a YCbCr 4:2:0 image with neutral chroma, like a decoded JPEG.
func zonePlate(w, h int) (*image.YCbCr, func(x, y float64) float64, float64) {
	m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	cx, cy := float64(w)/2, float64(h)/2
	k := 0.5 / math.Hypot(cx, cy)
	f := func(x, y float64) float64 {
		return 127.5 + 127.5*math.Cos(math.Pi*k*((x-cx)*(x-cx)+(y-cy)*(y-cy)))
	}
	for y := range h {
		for x := range w {
			m.Y[y*m.YStride+x] = uint8(f(float64(x)+0.5, float64(y)+0.5) + 0.5)
		}
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 128, 128
	}
	return m, f, k
}

// resampleQuality scales a zone plate down to w×h with fn and measures two things on the
// result: the RMS deviation from grey where the rings are beyond 1.5× the output's limit
// (aliasing: 0 is perfect) and the PSNR against the true pattern where the rings are below
// 0.4× that limit (sharpness: higher is better).
func resampleQuality(src *image.YCbCr, f func(x, y float64) float64, k float64, fn func(image.Image, int, int) *image.RGBA, w, h int) (alias, psnr float64) {
	W, H := src.Bounds().Dx(), src.Bounds().Dy()
	d := fn(src, w, h)
	scale := float64(W) / float64(w)
	cut := (0.5 / scale) / k // the radius where the rings reach the output's limit
	var aliasSum, errSum float64
	var aliasN, errN int
	for y := range h {
		for x := range w {
			sx, sy := (float64(x)+0.5)*scale, (float64(y)+0.5)*scale
			r := math.Hypot(sx-float64(W)/2, sy-float64(H)/2)
			v := float64(d.Pix[y*d.Stride+4*x])
			switch {
			case r > 1.5*cut:
				aliasSum += (v - 127.5) * (v - 127.5)
				aliasN++
			case r < 0.4*cut:
				e := v - f(sx, sy)
				errSum += e * e
				errN++
			}
		}
	}
	return math.Sqrt(aliasSum / float64(aliasN)), 10 * math.Log10(255*255/(errSum/float64(errN)))
}

// resize must match x/image/draw's Catmull-Rom (whose memory it avoids) and alias far less
// than ApproxBiLinear (which is fast and allocates little, but samples too few pixels).
func TestResizeQuality(t *testing.T) {
	src, f, k := zonePlate(1200, 900)
	with := func(s draw.Scaler) func(image.Image, int, int) *image.RGBA {
		return func(m image.Image, w, h int) *image.RGBA {
			d := image.NewRGBA(image.Rect(0, 0, w, h))
			s.Scale(d, d.Bounds(), m, m.Bounds(), draw.Src, nil)
			return d
		}
	}
	for _, w := range []int{600, 480, 300, 96} {
		h := w * 3 / 4
		alias, psnr := resampleQuality(src, f, k, resize, w, h)
		crAlias, crPSNR := resampleQuality(src, f, k, with(draw.CatmullRom), w, h)
		ablAlias, _ := resampleQuality(src, f, k, with(draw.ApproxBiLinear), w, h)
		t.Logf("1200×900 → %d×%d: alias RMS %.1f (draw.CatmullRom %.1f, ApproxBiLinear %.1f), passband PSNR %.1f dB (draw.CatmullRom %.1f)",
			w, h, alias, crAlias, ablAlias, psnr, crPSNR)
		if alias > crAlias+1 || psnr < crPSNR-3 || alias > ablAlias/2 {
			t.Errorf("1200×900 → %d×%d: alias RMS %.1f, passband PSNR %.1f dB", w, h, alias, psnr)
		}
	}
}

func TestResizeEdges(t *testing.T) {
	// Flat colour stays flat, to the edges (the taps are renormalised at the borders).
	src := image.NewNRGBA(image.Rect(10, 20, 1010, 720)) // not at the origin
	for i := 0; i < len(src.Pix); i += 4 {
		copy(src.Pix[i:], []uint8{200, 100, 50, 255})
	}
	for _, sz := range [][2]int{{1000, 700}, {999, 699}, {500, 350}, {7, 5}, {1, 1}} {
		d := resize(src, sz[0], sz[1])
		if d.Bounds() != image.Rect(0, 0, sz[0], sz[1]) {
			t.Fatalf("bounds %v", d.Bounds())
		}
		for i := 0; i < len(d.Pix); i += 4 {
			if got := d.Pix[i : i+4]; got[0] != 200 || got[1] != 100 || got[2] != 50 || got[3] != 255 {
				t.Fatalf("%v: pixel %d is %v", sz, i/4, got)
			}
		}
	}
	for _, tt := range []struct{ w, h, max, ww, wh int }{
		{4000, 3000, 1600, 1600, 1200}, {3000, 4000, 1600, 1200, 1600}, {100, 50, 1600, 100, 50},
		{10000, 1, 320, 320, 1}, {1, 10000, 320, 1, 320}, {333, 333, 320, 320, 320},
	} {
		if w, h := fit(tt.w, tt.h, tt.max); w != tt.ww || h != tt.wh {
			t.Errorf("fit(%d, %d, %d) = %d, %d; want %d, %d", tt.w, tt.h, tt.max, w, h, tt.ww, tt.wh)
		}
	}
}

// BenchmarkResamplers compares ways to scale a 12-megapixel decoded JPEG (4000×3000 YCbCr
// 4:2:0, the zone plate) to each rendition's size: time, memory (B/op) and the two quality
// figures of resampleQuality as custom metrics.
//
//	go test ./internal/imaging -run '^$' -bench Resamplers -benchmem -benchtime 3x
func BenchmarkResamplers(b *testing.B) {
	src, f, k := zonePlate(4000, 3000)
	scaler := func(s draw.Scaler) func(image.Image, int, int) *image.RGBA {
		return func(m image.Image, w, h int) *image.RGBA {
			d := image.NewRGBA(image.Rect(0, 0, w, h))
			s.Scale(d, d.Bounds(), m, m.Bounds(), draw.Src, nil)
			return d
		}
	}
	// halving repeats 2×2 box averages (ApproxBiLinear at exactly ½) while the image is at
	// least twice the target, then finishes with s: the classic cheap mipmap approach.
	halving := func(s draw.Scaler) func(image.Image, int, int) *image.RGBA {
		return func(m image.Image, w, h int) *image.RGBA {
			for m.Bounds().Dx() >= 2*w && m.Bounds().Dy() >= 2*h {
				half := image.NewRGBA(image.Rect(0, 0, m.Bounds().Dx()/2, m.Bounds().Dy()/2))
				draw.ApproxBiLinear.Scale(half, half.Bounds(), m, m.Bounds(), draw.Src, nil)
				m = half
			}
			return scaler(s)(m, w, h)
		}
	}
	methods := []struct {
		name string
		fn   func(image.Image, int, int) *image.RGBA
	}{
		{"resize", resize}, // ours: streaming separable Catmull-Rom
		{"draw.CatmullRom", scaler(draw.CatmullRom)},
		{"draw.BiLinear", scaler(draw.BiLinear)},
		{"draw.ApproxBiLinear", scaler(draw.ApproxBiLinear)},
		{"halving+ApproxBiLinear", halving(draw.ApproxBiLinear)},
		{"halving+CatmullRom", halving(draw.CatmullRom)},
	}
	for _, w := range []int{LargeSide, MediumSide, ThumbSide} {
		h := w * 3 / 4
		for _, m := range methods {
			b.Run(m.name+"/"+image.Pt(w, h).String(), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					m.fn(src, w, h)
				}
				b.StopTimer()
				alias, psnr := resampleQuality(src, f, k, m.fn, w, h)
				b.ReportMetric(alias, "aliasRMS")
				b.ReportMetric(psnr, "passband-dB")
			})
		}
	}
}
