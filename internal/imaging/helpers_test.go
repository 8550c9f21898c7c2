package imaging

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aswaq/aswaq/internal/apperr"
)

// The quadrant colours of the generated pictures and of the fixtures.
var (
	red    = color.RGBA{220, 30, 30, 255}
	green  = color.RGBA{30, 180, 30, 255}
	blue   = color.RGBA{30, 30, 220, 255}
	yellow = color.RGBA{240, 220, 20, 255}
)

// quadrants returns a w×h picture: red, green on top; blue, yellow below.
func quadrants(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetRGBA(x, y, quadrantAt(w, h, x, y))
		}
	}
	return m
}

func quadrantAt(w, h, x, y int) color.RGBA {
	top, left := y < h/2, x < w/2
	switch {
	case top && left:
		return red
	case top:
		return green
	case left:
		return blue
	}
	return yellow
}

func encodeJPEG(t testing.TB, m image.Image, quality int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func process(t testing.TB, b []byte) *Result {
	t.Helper()
	res, err := Process(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("Process: %v", err)
	}
	return res
}

// wantRefusal checks that err is the Invalid error of this package with key on the photo field.
func wantRefusal(t *testing.T, err error, key string) *apperr.Error {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("error %v (%T), want an *apperr.Error %s", err, err, key)
	}
	if e.Code != apperr.Invalid || e.Key != key {
		t.Fatalf("error %v, want code %s key %s", e, apperr.Invalid, key)
	}
	if len(e.Fields) != 1 || e.Fields[0].Field != "photo" || e.Fields[0].Key != key {
		t.Fatalf("fields %+v, want one error on photo with key %s", e.Fields, key)
	}
	return e
}

// decodeRendition decodes a rendition and checks that its size and type are what it says.
func decodeRendition(t *testing.T, rd Rendition) image.Image {
	t.Helper()
	var m image.Image
	var err error
	switch rd.ContentType {
	case JPEG:
		m, err = jpeg.Decode(bytes.NewReader(rd.Data))
	case PNG:
		m, err = png.Decode(bytes.NewReader(rd.Data))
	default:
		t.Fatalf("%s: content type %q", rd.Name, rd.ContentType)
	}
	if err != nil {
		t.Fatalf("%s: decoding the %s rendition: %v", rd.Name, rd.ContentType, err)
	}
	if b := m.Bounds(); b.Dx() != rd.Width || b.Dy() != rd.Height {
		t.Fatalf("%s: decoded %dx%d, rendition says %dx%d", rd.Name, b.Dx(), b.Dy(), rd.Width, rd.Height)
	}
	return m
}

// near reports whether the colour at (x, y) is within tol of c on every channel.
func near(m image.Image, x, y int, c color.RGBA, tol int) bool {
	r, g, b, _ := m.At(x, y).RGBA()
	d := func(a uint32, b uint8) int { return abs(int(a>>8) - int(b)) }
	return d(r, c.R) <= tol && d(g, c.G) <= tol && d(b, c.B) <= tol
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// checkQuadrants checks the colour at the middle of each quadrant of m.
func checkQuadrants(t *testing.T, name string, m image.Image) {
	t.Helper()
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	for _, q := range []struct {
		x, y int
		c    color.RGBA
		name string
	}{
		{w / 4, h / 4, red, "top left red"},
		{3 * w / 4, h / 4, green, "top right green"},
		{w / 4, 3 * h / 4, blue, "bottom left blue"},
		{3 * w / 4, 3 * h / 4, yellow, "bottom right yellow"},
	} {
		if !near(m, b.Min.X+q.x, b.Min.Y+q.y, q.c, 40) {
			t.Errorf("%s: want %s at (%d,%d), got %v", name, q.name, q.x, q.y, m.At(b.Min.X+q.x, b.Min.Y+q.y))
		}
	}
}

// jpegMarkers returns the markers of the segments before the image data (SOS included).
func jpegMarkers(t *testing.T, b []byte) []byte {
	t.Helper()
	var ms []byte
	for i := 2; i+4 <= len(b); {
		m := b[i+1]
		ms = append(ms, m)
		if m == 0xDA {
			return ms
		}
		i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
	}
	t.Fatal("no start of scan")
	return nil
}

// pngChunks returns the chunk types of a PNG file.
func pngChunks(t *testing.T, b []byte) []string {
	t.Helper()
	var cs []string
	for i := 8; i+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		cs = append(cs, string(b[i+4:i+8]))
		i += 12 + n
	}
	return cs
}

// pngChunk returns a PNG chunk with its length and CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// insertAfterIHDR returns the PNG file p with chunks inserted right after its header chunk.
func insertAfterIHDR(p []byte, chunks ...[]byte) []byte {
	const end = 8 + 8 + 13 + 4 // signature, IHDR length and type, IHDR data, CRC
	out := append([]byte{}, p[:end]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[end:]...)
}

// pngHeader returns a PNG file whose header claims a w×h RGBA image, followed by a tiny
// compressed data chunk and the end chunk: what a decompression bomb looks like.
func pngHeader(w, h uint32) []byte { return pngHeaderDepth(w, h, 8) }

func pngHeaderDepth(w, h uint32, depth byte) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, depth, 6, 0, 0, 0) // RGBA, deflate, no filter, no interlace
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, pngChunk("IHDR", ihdr)...)
	b = append(b, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(b, pngChunk("IEND", nil)...)
}

// jpegSegment returns a JPEG marker segment.
func jpegSegment(marker byte, body []byte) []byte {
	b := []byte{0xFF, marker}
	b = binary.BigEndian.AppendUint16(b, uint16(len(body)+2))
	return append(b, body...)
}

// insertAfterSOI returns the JPEG file j with segments inserted right after its first marker.
func insertAfterSOI(j []byte, segs ...[]byte) []byte {
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifSegment builds, byte by byte, an APP1 EXIF segment in the given byte order whose IFD0
// holds an orientation and a pointer to a GPS IFD with a latitude reference.
func exifSegment(order byteOrder, orientation uint16) []byte {
	t := []byte("II*\x00")
	if order == binary.BigEndian {
		t = []byte("MM\x00*")
	}
	t = order.AppendUint32(t, 8) // IFD0 right after the header
	entry := func(b []byte, tag, typ uint16, count, value uint32) []byte {
		b = order.AppendUint16(b, tag)
		b = order.AppendUint16(b, typ)
		b = order.AppendUint32(b, count)
		if typ == 3 && count == 1 { // a SHORT sits left-justified in the value field
			b = order.AppendUint16(b, uint16(value))
			return append(b, 0, 0)
		}
		return order.AppendUint32(b, value)
	}
	// IFD0: 2 entries, then the offset of the next IFD (none).
	t = order.AppendUint16(t, 2)
	t = entry(t, 0x0112, 3, 1, uint32(orientation))
	gpsAt := uint32(8 + 2 + 2*12 + 4)
	t = entry(t, 0x8825, 4, 1, gpsAt)
	t = order.AppendUint32(t, 0)
	// GPS IFD: GPSLatitudeRef "N".
	t = order.AppendUint16(t, 1)
	t = entry(t, 0x0001, 2, 2, binary.BigEndian.Uint32([]byte{'N', 0, 0, 0}))
	t = order.AppendUint32(t, 0)
	return jpegSegment(0xE1, append([]byte("Exif\x00\x00"), t...))
}

// gpsPointer returns the bytes of an IFD entry pointing to a GPS IFD (tag 0x8825, LONG, 1),
// in both byte orders: finding either in a file means it carries a GPS position.
func gpsPointer() [][]byte {
	return [][]byte{
		{0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01},
		{0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00},
	}
}

var (
	bigOnce sync.Once
	bigJPEG []byte
)

// photo12MP returns a 4000×3000 JPEG (quality 90) of 4–5 MB: smooth colour fields with sensor
// noise, about what a phone sends. It is made once per test binary.
func photo12MP(t testing.TB) []byte {
	bigOnce.Do(func() {
		const W, H, amp = 4000, 3000, 22
		m := image.NewRGBA(image.Rect(0, 0, W, H))
		r := rand.New(rand.NewPCG(1, 2))
		for y := range H {
			for x := range W {
				i := y*m.Stride + 4*x
				base := [3]float64{
					128 + 90*math.Sin(float64(x)/310+float64(y)/500),
					128 + 80*math.Cos(float64(y)/270),
					128 + 70*math.Sin(float64(x+y)/420),
				}
				for c, v := range base {
					m.Pix[i+c] = uint8(max(0, min(255, v+float64(r.IntN(2*amp+1)-amp))))
				}
				m.Pix[i+3] = 255
			}
		}
		bigJPEG = encodeJPEG(t, m, 90)
	})
	if len(bigJPEG) < 4<<20 || len(bigJPEG) > MaxUploadBytes {
		t.Fatalf("the 12 MP photo is %d bytes, want 4–5 MB", len(bigJPEG))
	}
	return bigJPEG
}
