package main

import (
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
)

func quad(w, h, x, y int) color.RGBA {
	top, left := y < h/2, x < w/2
	switch {
	case top && left:
		return color.RGBA{220, 30, 30, 255} // red
	case top:
		return color.RGBA{30, 180, 30, 255} // green
	case left:
		return color.RGBA{30, 30, 220, 255} // blue
	}
	return color.RGBA{240, 220, 20, 255} // yellow
}

func main() {
	// A "photo": quadrants with a soft gradient and a little texture.
	const W, H = 640, 480
	p := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			c := quad(W, H, x, y)
			t := 20 * math.Sin(float64(x)/9) * math.Cos(float64(y)/7)
			f := func(v uint8) uint8 { return uint8(math.Max(0, math.Min(255, float64(v)+t))) }
			p.Set(x, y, color.RGBA{f(c.R), f(c.G), f(c.B), 255})
		}
	}
	save("photo.png", p)

	// A logo: an opaque disc on a transparent background.
	l := image.NewNRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			if d := math.Hypot(float64(x)-200, float64(y)-150); d < 120 {
				l.Set(x, y, color.NRGBA{0, 110, 60, 255})
			}
		}
	}
	save("logo.png", l)

	// Animation frames.
	for i, c := range []color.RGBA{{200, 0, 0, 255}, {0, 0, 200, 255}} {
		f := image.NewRGBA(image.Rect(0, 0, 240, 240))
		for j := range f.Pix {
			f.Pix[j] = []uint8{c.R, c.G, c.B, c.A}[j%4]
		}
		save([]string{"f1.png", "f2.png"}[i], f)
	}

	// A tall photo (display 320×480, quadrants) stored sideways for EXIF orientation 6:
	// display(dx, dy) = stored(dy, h-1-dx), so stored(sx, sy) = display(h-1-sy, sx).
	const DW, DH = 320, 480
	sw, sh := DH, DW
	s := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for sy := 0; sy < sh; sy++ {
		for sx := 0; sx < sw; sx++ {
			s.Set(sx, sy, quad(DW, DH, sh-1-sy, sx))
		}
	}
	out, _ := os.Create("sideways.jpg")
	jpeg.Encode(out, s, &jpeg.Options{Quality: 85})
	out.Close()
}

func save(name string, m image.Image) {
	f, _ := os.Create(name)
	png.Encode(f, m)
	f.Close()
}
