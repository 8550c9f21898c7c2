package imaging

import "image"

// swapsSides reports whether EXIF orientation o turns the image a quarter turn, so the
// displayed width is the stored height.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }

// orient returns m as it must be displayed under EXIF orientation o (1–8). m is returned
// unchanged for 1; otherwise a new image is made, the size of m.
//
// With (w, h) the stored size, the display pixel (x, y) is the stored pixel:
//
//	1 (x, y)          2 (w-1-x, y)      3 (w-1-x, h-1-y)   4 (x, h-1-y)
//	5 (y, x)          6 (y, h-1-x)      7 (w-1-y, h-1-x)   8 (w-1-y, x)
//
// (2 mirrors, 3 turns half a turn, 4 flips, 5 transposes, 6 turns a quarter turn clockwise,
// 7 transverses, 8 turns a quarter turn anticlockwise).
func orient(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if swapsSides(o) {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		row := out.Pix[y*out.Stride : y*out.Stride+4*dw]
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			i := sy*m.Stride + 4*sx
			copy(row[4*x:4*x+4], m.Pix[i:i+4])
		}
	}
	return out
}
