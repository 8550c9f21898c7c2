package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

// FuzzProcess feeds arbitrary bytes to Process: it must never panic, and it must either refuse
// the input with an Invalid error on the photo field or return renditions that fit their
// limits.
//
//	go test ./internal/imaging -run '^$' -fuzz FuzzProcess -fuzztime 30s
func FuzzProcess(f *testing.F) {
	j := encodeJPEG(f, quadrants(240, 200), 75)
	p := encodePNG(f, quadrants(200, 210))
	for _, seed := range [][]byte{
		j, p, j[:len(j)/2], p[:len(p)/2],
		insertAfterSOI(j, exifSegment(binary.LittleEndian, 6)),
		insertAfterSOI(j, exifSegment(binary.BigEndian, 8)),
		encodePNG(f, image.NewPaletted(image.Rect(0, 0, 200, 200), color.Palette{color.RGBA{}, red})),
		encodeJPEG(f, image.NewGray(image.Rect(0, 0, 200, 200)), 50),
		fixture(f, "photo.webp"), fixture(f, "logo.webp"), fixture(f, "animated.webp"),
		fixture(f, "orientation6-gps.jpg"), fixture(f, "progressive.jpg"),
		pngHeader(50000, 50000), pngHeader(300, 300), jpegFrame(0xC2, 6000, 5000, 0x11),
		[]byte("GIF89a"), []byte("%PDF-1.4"), []byte("<svg/>"), {}, {0xFF, 0xD8, 0xFF},
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Process(bytes.NewReader(b))
		if err != nil {
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.Invalid || len(e.Fields) != 1 || e.Fields[0].Field != Field {
				t.Fatalf("error %v is not a refusal of the photo", err)
			}
			if res != nil {
				t.Fatal("a result with an error")
			}
			return
		}
		if res.Width < MinSide && res.Height < MinSide || res.Width*res.Height > MaxPixels {
			t.Fatalf("accepted %dx%d", res.Width, res.Height)
		}
		for i, rd := range res.Renditions() {
			side := []int{LargeSide, MediumSide, ThumbSide}[i]
			if rd.Width < 1 || rd.Height < 1 || max(rd.Width, rd.Height) > side ||
				rd.Width > res.Width || rd.Height > res.Height || len(rd.Data) == 0 {
				t.Fatalf("%s: %dx%d, %d bytes from %dx%d", rd.Name, rd.Width, rd.Height, len(rd.Data), res.Width, res.Height)
			}
		}
	})
}

// FuzzJPEGHeader checks that the marker and EXIF walk never panics and keeps the orientation
// in range.
func FuzzJPEGHeader(f *testing.F) {
	j := encodeJPEG(f, quadrants(16, 16), 75)
	f.Add(insertAfterSOI(j, exifSegment(binary.LittleEndian, 6)))
	f.Add(insertAfterSOI(j, exifSegment(binary.BigEndian, 3)))
	f.Add(fixture(f, "orientation6-gps.jpg"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if h := readJPEGHeader(b); h.orientation < 1 || h.orientation > 8 || h.samples < 0 {
			t.Fatalf("%+v", h)
		}
	})
}
