package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

func TestAcceptedFormats(t *testing.T) {
	opaqueNRGBA := image.NewNRGBA(image.Rect(0, 0, 900, 600)) // has an alpha channel, all opaque
	for i := range opaqueNRGBA.Pix {
		opaqueNRGBA.Pix[i] = 255
	}
	tests := []struct {
		name          string
		data          []byte
		format        string
		width, height int
		ctype         string
		quadrants     bool
	}{
		{"jpeg", encodeJPEG(t, quadrants(1200, 900), 90), "jpeg", 1200, 900, JPEG, true},
		{"png", encodePNG(t, quadrants(1000, 800)), "png", 1000, 800, JPEG, true},
		{"png rgba without transparent pixels", encodePNG(t, opaqueNRGBA), "png", 900, 600, JPEG, false},
		{"progressive jpeg", fixture(t, "progressive.jpg"), "jpeg", 480, 320, JPEG, false},
		{"webp lossy", fixture(t, "photo.webp"), "webp", 640, 480, JPEG, true},
		{"webp lossless with alpha", fixture(t, "logo.webp"), "webp", 400, 300, PNG, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := process(t, tt.data)
			if res.Format != tt.format || res.Width != tt.width || res.Height != tt.height {
				t.Fatalf("got %s %dx%d, want %s %dx%d", res.Format, res.Width, res.Height, tt.format, tt.width, tt.height)
			}
			for _, rd := range res.Renditions() {
				if rd.ContentType != tt.ctype {
					t.Errorf("%s: content type %s, want %s", rd.Name, rd.ContentType, tt.ctype)
				}
				m := decodeRendition(t, rd)
				if tt.quadrants {
					checkQuadrants(t, rd.Name, m)
				}
			}
		})
	}
}

func TestRenditionSizes(t *testing.T) {
	type size struct{ w, h int }
	tests := []struct {
		src                  size
		large, medium, thumb size
	}{
		{size{4000, 3000}, size{1600, 1200}, size{800, 600}, size{320, 240}},
		{size{3000, 4000}, size{1200, 1600}, size{600, 800}, size{240, 320}},
		{size{1600, 1600}, size{1600, 1600}, size{800, 800}, size{320, 320}},
		{size{2048, 1536}, size{1600, 1200}, size{800, 600}, size{320, 240}},
		{size{1999, 1001}, size{1600, 801}, size{800, 401}, size{320, 160}},
		{size{4000, 200}, size{1600, 80}, size{800, 40}, size{320, 16}}, // a banner
		// Never upscaled: a small photo keeps its size, and renditions of the same size share bytes.
		{size{1000, 750}, size{1000, 750}, size{800, 600}, size{320, 240}},
		{size{640, 480}, size{640, 480}, size{640, 480}, size{320, 240}},
		{size{300, 200}, size{300, 200}, size{300, 200}, size{300, 200}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.src.w, tt.src.h), func(t *testing.T) {
			res := process(t, encodeJPEG(t, quadrants(tt.src.w, tt.src.h), 85))
			want := []size{tt.large, tt.medium, tt.thumb}
			for i, rd := range res.Renditions() {
				if got := (size{rd.Width, rd.Height}); got != want[i] {
					t.Errorf("%s: %v, want %v", rd.Name, got, want[i])
				}
				if rd.Width > tt.src.w || rd.Height > tt.src.h {
					t.Errorf("%s: %dx%d is larger than the photo", rd.Name, rd.Width, rd.Height)
				}
				decodeRendition(t, rd)
				if i > 0 {
					prev := res.Renditions()[i-1]
					same := prev.Width == rd.Width && prev.Height == rd.Height
					if shared := &prev.Data[0] == &rd.Data[0]; shared != same {
						t.Errorf("%s: shares bytes with %s: %v, same size: %v", rd.Name, prev.Name, shared, same)
					}
				}
			}
		})
	}
}

// The EXIF specification says, for each orientation, which side of the displayed picture the
// first stored row and the first stored column are.
var exifSides = map[int][2]string{
	1: {"top", "left"}, 2: {"top", "right"}, 3: {"bottom", "right"}, 4: {"bottom", "left"},
	5: {"left", "top"}, 6: {"right", "top"}, 7: {"right", "bottom"}, 8: {"left", "bottom"},
}

// storedAs returns how a camera stores the displayed picture d under orientation o, following
// exifSides (and not the code under test).
func storedAs(d *image.RGBA, o int) *image.RGBA {
	W, H := d.Bounds().Dx(), d.Bounds().Dy()
	row0, col0 := exifSides[o][0], exifSides[o][1]
	sw, sh := W, H
	if row0 == "left" || row0 == "right" {
		sw, sh = H, W
	}
	s := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for sy := range sh {
		for sx := range sw {
			var dx, dy int
			switch row0 {
			case "top":
				dy = sy
			case "bottom":
				dy = H - 1 - sy
			case "left":
				dx = sy
			case "right":
				dx = W - 1 - sy
			}
			switch col0 {
			case "left":
				dx = sx
			case "right":
				dx = W - 1 - sx
			case "top":
				dy = sx
			case "bottom":
				dy = H - 1 - sx
			}
			s.SetRGBA(sx, sy, d.RGBAAt(dx, dy))
		}
	}
	return s
}

func TestOrientation(t *testing.T) {
	t.Run("phone fixture, orientation 6", func(t *testing.T) {
		// A tall 320×480 photo stored sideways (480×320), big-endian EXIF written by exiftool.
		res := process(t, fixture(t, "orientation6-gps.jpg"))
		if res.Width != 320 || res.Height != 480 {
			t.Fatalf("upright size %dx%d, want 320x480", res.Width, res.Height)
		}
		for _, rd := range res.Renditions() {
			if rd.Height <= rd.Width {
				t.Errorf("%s: %dx%d, want a tall picture", rd.Name, rd.Width, rd.Height)
			}
			checkQuadrants(t, rd.Name, decodeRendition(t, rd))
		}
	})
	display := quadrants(300, 450)
	for o := 1; o <= 8; o++ {
		for _, order := range []byteOrder{binary.LittleEndian, binary.BigEndian} {
			t.Run(fmt.Sprintf("%d %v", o, order), func(t *testing.T) {
				j := insertAfterSOI(encodeJPEG(t, storedAs(display, o), 90), exifSegment(order, uint16(o)))
				if got := jpegOrientation(j); got != o {
					t.Fatalf("jpegOrientation = %d, want %d", got, o)
				}
				res := process(t, j)
				if res.Width != 300 || res.Height != 450 {
					t.Fatalf("upright size %dx%d, want 300x450", res.Width, res.Height)
				}
				for _, rd := range res.Renditions() {
					checkQuadrants(t, rd.Name, decodeRendition(t, rd))
				}
			})
		}
	}
}

func TestMetadataStripped(t *testing.T) {
	icc := jpegSegment(0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), bytes.Repeat([]byte{7}, 128)...))
	xmp := jpegSegment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>fixture</x:xmpmeta>"))
	com := jpegSegment(0xFE, []byte("fixture comment"))
	built := insertAfterSOI(encodeJPEG(t, quadrants(800, 600), 90),
		exifSegment(binary.LittleEndian, 1), icc, xmp, com)

	exif := func(order byteOrder) []byte {
		s := exifSegment(order, 1)
		return s[4+6:] // the TIFF structure, as PNG's eXIf chunk holds it
	}
	pngMeta := insertAfterIHDR(encodePNG(t, quadrants(600, 400)),
		pngChunk("eXIf", exif(binary.BigEndian)),
		pngChunk("iCCP", append([]byte("fixture\x00\x00"), 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01)),
		pngChunk("tEXt", []byte("Comment\x00fixture comment")),
		pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>fixture</x:xmpmeta>")))
	transparent := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	transparent.Pix[3] = 255 // one opaque black pixel, the rest transparent
	pngMetaAlpha := insertAfterIHDR(encodePNG(t, transparent), pngChunk("tEXt", []byte("Comment\x00fixture comment")))

	markers := [][]byte{
		[]byte("Exif\x00\x00"), []byte("ICC_PROFILE"), []byte("http://ns.adobe.com"),
		[]byte("xmpmeta"), []byte("fixture"), []byte("TestPhone"),
	}
	markers = append(markers, gpsPointer()...)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"phone fixture: exif, gps, xmp, comment", fixture(t, "orientation6-gps.jpg")},
		{"jpeg: exif, gps, icc, xmp, comment", built},
		{"png: exif, gps, icc, text, xmp", pngMeta},
		{"transparent png: text", pngMetaAlpha},
		{"webp: exif, gps, xmp chunks", fixture(t, "exif-gps.webp")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			found := 0
			for _, m := range markers {
				if bytes.Contains(tt.data, m) {
					found++
				}
			}
			if found == 0 {
				t.Fatalf("the input carries %d of the metadata markers: the test proves nothing", found)
			}
			for _, rd := range process(t, tt.data).Renditions() {
				for _, m := range markers {
					if bytes.Contains(rd.Data, m) {
						t.Errorf("%s: output contains %q", rd.Name, m)
					}
				}
				switch rd.ContentType {
				case JPEG:
					for _, m := range jpegMarkers(t, rd.Data) {
						// Only tables, frame header and scan header: no APPn, no COM.
						if !slices.Contains([]byte{0xDB, 0xC0, 0xC4, 0xDA}, m) {
							t.Errorf("%s: output has a segment with marker %#x", rd.Name, m)
						}
					}
					if jpegOrientation(rd.Data) != 1 {
						t.Errorf("%s: output has an orientation", rd.Name)
					}
				case PNG:
					for _, c := range pngChunks(t, rd.Data) {
						if !slices.Contains([]string{"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, c) {
							t.Errorf("%s: output has a %s chunk", rd.Name, c)
						}
					}
				}
			}
		})
	}
}

func TestTransparency(t *testing.T) {
	// A logo: a disc on a transparent background.
	logo := image.NewNRGBA(image.Rect(0, 0, 1000, 800))
	for y := range 800 {
		for x := range 1000 {
			if (x-500)*(x-500)+(y-400)*(y-400) < 300*300 {
				logo.SetNRGBA(x, y, color.NRGBA{0, 110, 60, 255})
			}
		}
	}
	// A palette image whose palette has a transparent colour that no pixel uses.
	pal := image.NewPaletted(image.Rect(0, 0, 400, 400), color.Palette{color.RGBA{200, 0, 0, 255}, color.RGBA{}})
	// The same palette with the transparent colour used in the bottom left corner.
	palUsed := image.NewPaletted(pal.Rect, pal.Palette)
	for y := 350; y < 400; y++ {
		for x := range 50 {
			palUsed.SetColorIndex(x, y, 1)
		}
	}
	tests := []struct {
		name  string
		data  []byte
		ctype string
	}{
		{"png with transparent pixels", encodePNG(t, logo), PNG},
		{"palette png, transparent colour used", encodePNG(t, palUsed), PNG},
		{"palette png, transparent colour unused", encodePNG(t, pal), JPEG},
		{"webp with transparent pixels", fixture(t, "logo.webp"), PNG},
		{"jpeg", encodeJPEG(t, quadrants(400, 400), 80), JPEG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, rd := range process(t, tt.data).Renditions() {
				if rd.ContentType != tt.ctype {
					t.Fatalf("%s: %s, want %s", rd.Name, rd.ContentType, tt.ctype)
				}
				m := decodeRendition(t, rd)
				if rd.ContentType != PNG {
					continue
				}
				b := m.Bounds()
				if _, _, _, a := m.At(b.Min.X, b.Max.Y-1).RGBA(); a != 0 {
					t.Errorf("%s: bottom left corner has alpha %#x, want transparent", rd.Name, a)
				}
			}
		})
	}
	t.Run("logo colours kept", func(t *testing.T) {
		m := decodeRendition(t, process(t, encodePNG(t, logo)).Thumb)
		b := m.Bounds()
		c := color.NRGBAModel.Convert(m.At(b.Dx()/2, b.Dy()/2)).(color.NRGBA)
		if c != (color.NRGBA{0, 110, 60, 255}) {
			t.Errorf("centre of the disc is %v", c)
		}
		// Edges are resampled in premultiplied colour: no dark fringe around the disc.
		for x := range b.Dx() {
			c := color.NRGBAModel.Convert(m.At(x, b.Dy()/2)).(color.NRGBA)
			if c.A > 16 && (abs(int(c.G)-110) > 12 || abs(int(c.B)-60) > 12) {
				t.Errorf("edge pixel %d has colour %v", x, c)
			}
		}
	})
}

func TestRefusals(t *testing.T) {
	validJPEG := encodeJPEG(t, quadrants(600, 400), 90)
	validPNG := encodePNG(t, quadrants(600, 400))
	var g bytes.Buffer
	if err := gif.Encode(&g, quadrants(300, 300), nil); err != nil {
		t.Fatal(err)
	}
	tooLarge := append(append([]byte{}, validJPEG...), make([]byte, MaxUploadBytes+1-len(validJPEG))...)

	tests := []struct {
		name string
		data []byte
		key  string
		args []any
	}{
		{"empty", nil, KeyEmpty, nil},
		{"one byte over the limit", tooLarge, KeyTooLarge, []any{"max", 5}},
		{"text", []byte("Huile d'argan bio, 250 ml — زيت أركان\n"), KeyNotAnImage, nil},
		{"text file named photo.jpg", []byte("IMG_2024.jpg\nThis is not a photo.\n"), KeyNotAnImage, nil},
		{"pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"), KeyNotAnImage, nil},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), KeyNotAnImage, nil},
		{"html", []byte("<!doctype html><html><body>hi</body></html>"), KeyNotAnImage, nil},
		{"gif", g.Bytes(), KeyUnsupportedFormat, []any{"format", "GIF"}},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script></svg>`), KeyUnsupportedFormat, []any{"format", "SVG"}},
		{"heic", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...), KeyUnsupportedFormat, []any{"format", "HEIC"}},
		{"avif", append([]byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1"), make([]byte, 64)...), KeyUnsupportedFormat, []any{"format", "AVIF"}},
		{"tiff", append([]byte("II*\x00\x08\x00\x00\x00"), make([]byte, 64)...), KeyUnsupportedFormat, []any{"format", "TIFF"}},
		{"bmp", append([]byte("BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00"), make([]byte, 64)...), KeyUnsupportedFormat, []any{"format", "BMP"}},
		{"animated webp", fixture(t, "animated.webp"), KeyAnimated, nil},
		{"truncated jpeg", validJPEG[:len(validJPEG)/2], KeyCorrupt, nil},
		{"jpeg header only", validJPEG[:200], KeyCorrupt, nil},
		{"jpeg magic then garbage", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte("garbage"), 100)...), KeyCorrupt, nil},
		{"truncated png", validPNG[:len(validPNG)/2], KeyCorrupt, nil},
		{"truncated webp", fixture(t, "photo.webp")[:3000], KeyCorrupt, nil},
		{"png bomb 50000×50000", pngHeader(50000, 50000), KeyTooManyPixels, []any{"width", 50000, "height", 50000, "max_side", 12000, "max_mp", 40}},
		{"png 12001 wide", pngHeader(12001, 300), KeyTooManyPixels, nil},
		{"png 7000×7000 (49 MP)", pngHeader(7000, 7000), KeyTooManyPixels, nil},
		{"png 0×0", pngHeader(0, 0), KeyCorrupt, nil},
		{"png 6000×6000 in 60 bytes", pngHeader(6000, 6000), KeyCorrupt, nil},
		{"jpeg 6000×6000 in 40 bytes", jpegFrame(0xC0, 6000, 6000, 0x11), KeyCorrupt, nil},
		// 30 MP in CMYK: 4 planes, then a CMYK copy.
		{"cmyk jpeg 6000×5000", jpegFrameN(0xC0, 6000, 5000, 0x11, 4), KeyTooManyPixels, nil},
		{"lossless webp 6000×5000", webpVP8L(6000, 5000), KeyTooManyPixels, nil},
		{"cmyk jpeg 5000×4000", jpegFrameN(0xC0, 5000, 4000, 0x11, 4), KeyCorrupt, nil}, // fits; too short
		// 30 MP, but progressive 4:4:4: the decoder would keep 30M × 3 × 4 bytes of coefficients.
		{"progressive jpeg 6000×5000 4:4:4", jpegFrame(0xC2, 6000, 5000, 0x11), KeyTooManyPixels, nil},
		{"too small", encodePNG(t, quadrants(150, 400)), KeyTooSmall, []any{"width", 150, "height", 400, "min", 200}},
		{"icon", encodeJPEG(t, quadrants(64, 64), 90), KeyTooSmall, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Process(bytes.NewReader(tt.data))
			if res != nil {
				t.Errorf("got a result with the error")
			}
			e := wantRefusal(t, err, tt.key)
			if tt.args != nil && !slices.Equal(e.Args, tt.args) {
				t.Errorf("args %v, want %v", e.Args, tt.args)
			}
		})
	}
}

// A 16-bit RGBA PNG takes 8 bytes a pixel: at 30 MP it would need 240 MB, so it is refused
// although it has fewer than MaxPixels.
func TestDecodedMemoryBound(t *testing.T) {
	_, err := Process(bytes.NewReader(pngHeaderDepth(6000, 5000, 16)))
	wantRefusal(t, err, KeyTooManyPixels)
	res, err := Process(bytes.NewReader(encodePNG(t, image.NewRGBA64(image.Rect(0, 0, 300, 200)))))
	if err != nil || res.Format != "png" {
		t.Fatalf("a small 16-bit PNG: %v", err)
	}
}

// The limit is applied while reading: an endless upload is cut at MaxUploadBytes+1 bytes.
func TestReadsAtMostTheLimit(t *testing.T) {
	cr := &countingReader{r: io.MultiReader(bytes.NewReader([]byte{0xFF, 0xD8, 0xFF}), zeros{})}
	_, err := Process(cr)
	e := wantRefusal(t, err, KeyTooLarge)
	if cr.n > MaxUploadBytes+1 {
		t.Errorf("read %d bytes, want at most %d", cr.n, MaxUploadBytes+1)
	}
	if !slices.Equal(e.Args, []any{"max", 5}) {
		t.Errorf("args %v", e.Args)
	}
}

// webpVP8L returns the header of a lossless WebP file of w×h pixels, without image data.
func webpVP8L(w, h uint32) []byte {
	bits := (w - 1) | (h-1)<<14 | 1<<28 // 14 bits each, then the alpha hint
	chunk := append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...)
	chunk = append(chunk, make([]byte, 16)...)
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, uint32(4+8+len(chunk)))
	b = append(b, "WEBPVP8L"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(chunk)))
	return append(b, chunk...)
}

func TestReaders(t *testing.T) {
	j := encodeJPEG(t, quadrants(640, 480), 85)
	for name, r := range map[string]io.Reader{
		"one byte at a time": iotest.OneByteReader(bytes.NewReader(j)),
		"half reads":         iotest.HalfReader(bytes.NewReader(j)),
		"data with EOF":      iotest.DataErrReader(bytes.NewReader(j)),
		"section":            io.NewSectionReader(bytes.NewReader(j), 0, int64(len(j))),
		"no size hint":       io.MultiReader(bytes.NewReader(j[:100]), bytes.NewReader(j[100:])),
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Process(r)
			if err != nil {
				t.Fatal(err)
			}
			if res.Width != 640 || res.Height != 480 {
				t.Errorf("size %dx%d", res.Width, res.Height)
			}
		})
	}
	t.Run("reader that returns nothing", func(t *testing.T) {
		_, err := Process(stuck{})
		if e := wantRefusal(t, err, KeyIncomplete); !errors.Is(e, io.ErrNoProgress) {
			t.Errorf("cause %v", e.Err)
		}
	})
	t.Run("broken connection", func(t *testing.T) {
		cause := errors.New("connection reset by peer")
		_, err := Process(io.MultiReader(bytes.NewReader(j[:1000]), iotest.ErrReader(cause)))
		e := wantRefusal(t, err, KeyIncomplete)
		if !errors.Is(e, cause) {
			t.Errorf("the cause is lost: %v", e)
		}
	})
}

func TestHashAndFileName(t *testing.T) {
	j := encodeJPEG(t, quadrants(640, 480), 85)
	res := process(t, j)
	sum := sha256.Sum256(j)
	if res.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %s", res.Hash)
	}
	if again := process(t, j); again.Hash != res.Hash || !bytes.Equal(again.Thumb.Data, res.Thumb.Data) {
		t.Error("the same upload gives a different result")
	}
	if got, want := res.FileName(res.Thumb), res.Hash[:16]+"-thumb.jpg"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	logo := process(t, fixture(t, "logo.webp"))
	if got := logo.FileName(logo.Large); !strings.HasSuffix(got, "-large.png") {
		t.Errorf("FileName = %q", got)
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]string{
		"\xFF\xD8\xFF\xDB":               "jpeg",
		"\x89PNG\r\n\x1a\n":              "png",
		"RIFF\x00\x00\x00\x00WEBPVP8 ":   "webp",
		"RIFF\x00\x00\x00\x00WAVEfmt ":   "",
		"GIF89a":                         "GIF",
		"\xEF\xBB\xBF  \n<svg>":          "SVG",
		"<?xml version='1.0'?><note/>":   "",
		"BM is a text that starts so":    "",
		"\x00\x00\x00\x20ftypisom\x00":   "", // an MP4 video
		"\x00\x00\x00\x0cJXL \r\n\x87\n": "JPEG XL",
		"8BPS\x00\x01":                   "PSD",
		"":                               "",
	} {
		if got := sniff([]byte(in)).name; got != want {
			t.Errorf("sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJPEGHeader(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want jpegHeader
	}{
		{"baseline 4:2:0", encodeJPEG(t, quadrants(200, 200), 80), jpegHeader{1, false, 1.5}},
		{"grey", encodeJPEG(t, image.NewGray(image.Rect(0, 0, 200, 200)), 80), jpegHeader{1, false, 1}},
		{"progressive fixture", fixture(t, "progressive.jpg"), jpegHeader{1, true, 1.5}},
		{"phone fixture", fixture(t, "orientation6-gps.jpg"), jpegHeader{6, false, 1.5}},
		{"progressive 4:4:4", jpegFrame(0xC2, 6000, 5000, 0x11), jpegHeader{1, true, 3}},
		{"frame without components", insertAfterSOI([]byte{0xFF, 0xD8}, jpegSegment(0xC0, []byte{8, 0, 1, 0, 1, 0})), jpegHeader{1, false, 0}},
	} {
		if got := readJPEGHeader(tt.data); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// jpegFrame returns the headers of a JPEG file: a frame header (marker sof) of three
// components with the same sampling factors hv for all, and a scan header; no image data.
func jpegFrame(sof byte, w, h uint16, hv byte) []byte { return jpegFrameN(sof, w, h, hv, 3) }

// jpegFrameN is jpegFrame with n components (4 is CMYK).
func jpegFrameN(sof byte, w, h uint16, hv byte, n int) []byte {
	f := []byte{8}
	f = binary.BigEndian.AppendUint16(f, h)
	f = binary.BigEndian.AppendUint16(f, w)
	f = append(f, byte(n))
	for c := range n {
		f = append(f, byte(c+1), hv, 0)
	}
	sos := jpegSegment(0xDA, []byte{3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0})
	return append(insertAfterSOI([]byte{0xFF, 0xD8}, jpegSegment(sof, f), sos), 0xFF, 0xD9)
}

func TestJPEGOrientationParser(t *testing.T) {
	j := encodeJPEG(t, quadrants(200, 200), 80)
	seg := exifSegment(binary.BigEndian, 6)
	const tiff = 4 + 6 // offset of the TIFF header in the segment: marker, length, "Exif\0\0"
	corrupt := func(f func(s []byte)) []byte {
		s := append([]byte{}, seg...)
		f(s)
		return insertAfterSOI(j, s)
	}
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no exif", j, 1},
		{"orientation 6", insertAfterSOI(j, seg), 6},
		{"after a JFIF segment", insertAfterSOI(j, jpegSegment(0xE0, []byte("JFIF\x00\x01\x01")), seg), 6},
		{"fill bytes before the marker", insertAfterSOI(j, []byte{0xFF, 0xFF}, seg), 6},
		{"value 9", corrupt(func(s []byte) { s[tiff+8+2+8] = 0; s[tiff+8+2+9] = 9 }), 1},
		{"value 0", corrupt(func(s []byte) { s[tiff+8+2+8] = 0; s[tiff+8+2+9] = 0 }), 1},
		{"wrong type", corrupt(func(s []byte) { s[tiff+8+2+3] = 4 }), 1},
		{"IFD offset past the end", corrupt(func(s []byte) { copy(s[tiff+4:], []byte{0x7F, 0, 0, 0}) }), 1},
		{"IFD offset inside the header", corrupt(func(s []byte) { copy(s[tiff+4:], []byte{0, 0, 0, 2}) }), 1},
		{"more entries than the segment holds", corrupt(func(s []byte) { copy(s[tiff+8:], []byte{0xFF, 0xFF}) }), 6},
		{"more entries, no orientation", corrupt(func(s []byte) { copy(s[tiff+8:], []byte{0xFF, 0xFF, 0x01, 0x00}) }), 1},
		{"bad byte order", corrupt(func(s []byte) { copy(s[tiff:], "XX") }), 1},
		{"segment length past the end", insertAfterSOI([]byte{0xFF, 0xD8}, []byte{0xFF, 0xE1, 0xFF, 0xFF, 'E'}), 1},
		{"exif after the image data", append(append([]byte{}, j...), seg...), 1},
		{"not a jpeg", []byte("hello"), 1},
	}
	for _, tt := range tests {
		if got := jpegOrientation(tt.data); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

type stuck struct{}

func (stuck) Read([]byte) (int, error) { return 0, nil }

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
