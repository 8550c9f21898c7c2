package demo

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"runtime"
	"sync"

	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// The demo's photos are drawn here rather than shipped: flat-colour patterns in the
// colours of each category (a carpet's stripes, zellige, jars on a shelf, a landscape),
// run through imaging.Process like an upload, so the catalogue shows real renditions
// without a megabyte of third-party pictures in the repository. Drawing and encoding one
// takes a few milliseconds; each is made once per process, when first needed.

// photoVariants is how many different pictures each category has.
const photoVariants = 2

// The size of a drawn picture: enough for the thumbnail and medium renditions of a card
// and a product page, small enough to draw and encode quickly.
const photoW, photoH = 320, 240

type photoKey struct {
	category string
	variant  int
}

// photoCache holds each picture once it is made: tests load the demo many times in one
// process, and the pictures never change. The map is made on first use, so that commands
// other than demo do not build it at start-up.
var photoCache = sync.OnceValue(func() map[photoKey]func() (*imaging.Result, error) {
	m := map[photoKey]func() (*imaging.Result, error){}
	for _, c := range taxonomy.Categories {
		for v := range photoVariants {
			k := photoKey{c.Code, v}
			m[k] = sync.OnceValues(func() (*imaging.Result, error) { return drawPhoto(k) })
		}
	}
	return m
})

// photo returns the processed picture of a category.
func photo(category string, variant int) (*imaging.Result, error) {
	draw, ok := photoCache()[photoKey{category, variant % photoVariants}]
	if !ok {
		return nil, fmt.Errorf("demo: no picture for category %q", category)
	}
	return draw()
}

// warmPhotos makes the pictures of keys in the background, on the cores the database
// load leaves idle, so that attaching them later does not wait.
func warmPhotos(keys []photoKey) {
	work := make(chan photoKey, len(keys))
	for _, k := range keys {
		work <- k
	}
	close(work)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for k := range work {
				photo(k.category, k.variant)
			}
		}()
	}
}

// palettes are sets of colours seen on Moroccan stands: indigo and saffron, henna and
// cream, olive and terracotta…
var palettes = [][3]color.RGBA{
	{{0x8a, 0x3b, 0x12, 255}, {0xe9, 0xc4, 0x6a, 255}, {0xf6, 0xee, 0xdc, 255}},
	{{0x1f, 0x3a, 0x6b, 255}, {0xe0, 0xa1, 0x2b, 255}, {0xf3, 0xe9, 0xd2, 255}},
	{{0x1f, 0x5f, 0x4a, 255}, {0xc8, 0x6b, 0x3c, 255}, {0xf1, 0xe4, 0xc8, 255}},
	{{0x6b, 0x2d, 0x5c, 255}, {0xd9, 0x8c, 0x5f, 255}, {0xf7, 0xe8, 0xde, 255}},
	{{0x55, 0x6b, 0x2f, 255}, {0xb8, 0x86, 0x0b, 255}, {0xee, 0xe8, 0xcd, 255}},
	{{0x9c, 0x27, 0x27, 255}, {0x2e, 0x4a, 0x62, 255}, {0xf4, 0xe1, 0xc1, 255}},
	{{0x3d, 0x2b, 0x1f, 255}, {0xc9, 0x9e, 0x67, 255}, {0xfa, 0xf3, 0xe3, 255}},
	{{0x0f, 0x6e, 0x7a, 255}, {0xf2, 0xb1, 0x34, 255}, {0xfd, 0xf6, 0xe3, 255}},
}

// drawPhoto draws a category's picture and processes it as an upload.
func drawPhoto(k photoKey) (*imaging.Result, error) {
	c, _ := taxonomy.Lookup(k.category)
	h := fnv.New32a()
	h.Write([]byte(k.category))
	pal := palettes[(int(h.Sum32())+k.variant)%len(palettes)]
	img := image.NewRGBA(image.Rect(0, 0, photoW, photoH))
	scale := 28 + 14*k.variant + int(h.Sum32()%11)
	var at func(x, y int) color.RGBA
	switch c.Sector {
	case taxonomy.Handicraft:
		if k.variant == 0 {
			at = stripes(pal, scale)
		} else {
			at = zellige(pal, scale)
		}
	case taxonomy.Services:
		at = landscape(pal, scale)
	default:
		at = jars(pal, scale+20)
	}
	for y := range photoH {
		row := img.Pix[y*img.Stride:]
		for x := range photoW {
			p := at(x, y)
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = p.R, p.G, p.B, 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		return nil, err
	}
	return imaging.Process(&buf)
}

// stripes are a woven carpet's bands, with a thin line between them.
func stripes(pal [3]color.RGBA, s int) func(x, y int) color.RGBA {
	return func(x, y int) color.RGBA {
		band := y / s
		switch {
		case y%s < 4:
			return pal[2]
		case band%3 == 1 && (x/(s/2)+band)%2 == 0:
			return pal[1]
		}
		return pal[band%2]
	}
}

// zellige is a grid of diamonds in two colours on a light ground.
func zellige(pal [3]color.RGBA, s int) func(x, y int) color.RGBA {
	return func(x, y int) color.RGBA {
		cx, cy := x%s-s/2, y%s-s/2
		d := abs(cx) + abs(cy)
		switch {
		case d < s/4:
			return pal[1]
		case d < s/2-2:
			return pal[0]
		}
		return pal[2]
	}
}

// jars are rows of round jars or fruits on shelves.
func jars(pal [3]color.RGBA, s int) func(x, y int) color.RGBA {
	return func(x, y int) color.RGBA {
		if y%s > s-6 {
			return pal[0] // the shelf
		}
		cx, cy := x%s-s/2, y%s-s/2
		r := s/2 - 6
		if cx*cx+cy*cy < r*r {
			if cy < -r/2 {
				return pal[0] // the lid
			}
			return pal[1]
		}
		return pal[2]
	}
}

// landscape is hills under a sky with the sun: rural tourism, services.
func landscape(pal [3]color.RGBA, s int) func(x, y int) color.RGBA {
	hills := make([]int, photoW)
	for x := range hills {
		hills[x] = photoH*3/5 + int(20*math.Sin(float64(x)/float64(s)))
	}
	return func(x, y int) color.RGBA {
		hill := hills[x]
		sx, sy := x-photoW*3/4, y-photoH/4
		switch {
		case y > hill:
			return pal[0]
		case sx*sx+sy*sy < 40*40:
			return pal[1]
		}
		return pal[2]
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
