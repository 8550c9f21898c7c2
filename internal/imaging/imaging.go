// Package imaging turns an uploaded photo into the renditions the site serves: it checks the
// upload by its content and size, refuses what it cannot safely handle with a translated
// message, applies the EXIF orientation, strips every piece of metadata and re-encodes the
// photo in three sizes.
//
// It is pure: it reads bytes and returns bytes; storing them is the caller's job. It decodes
// one image at a time and resamples in a streaming way (see resize), so the memory for one
// photo is about the upload, its decoded pixels and the large rendition: 29–33 MB at peak
// for a 4.3 MB, 12-megapixel baseline JPEG, about 100 MB for a progressive one, whose
// decoder keeps every coefficient (TestPeakMemory). The header is checked before decoding so
// that no upload can make decoding take more than maxDecodeBytes (200 MB). Callers that
// accept uploads concurrently should still bound how many run at once.
package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// Limits on what Process accepts.
const (
	MaxUploadBytes = 5 << 20    // larger uploads are refused without being read further
	MaxPixels      = 40_000_000 // width × height; also bounds memory: see maxDecodedBytes
	MaxSide        = 12_000     // pixels on the longer side
	MinSide        = 200        // pixels on the shorter side: below, a photo is useless
)

// maxDecodeBytes bounds the memory decoding may take, as estimated from the header before
// decoding. 40 megapixels fit at up to 5 bytes a pixel: RGBA (PNG, WebP), and JPEG in YCbCr
// or grey (3 bytes a pixel at most). Fewer fit at more bytes a pixel: a 16-bit RGBA PNG
// (8 bytes) may have 26 megapixels; a progressive JPEG, whose decoder also keeps 4 bytes of
// coefficients per sample (7.5 bytes a pixel in 4:2:0), 27; a CMYK JPEG and a lossless WebP
// (8 bytes), 26.
const maxDecodeBytes = 200 << 20

// The renditions: their names, the longest side they fit in, and their JPEG quality.
const (
	Large  = "large"  // a product or organisation page, full width on a phone, zoomable
	Medium = "medium" // lists and cards; the large one on a slow connection
	Thumb  = "thumb"  // catalogue grids, 2–3 columns on a phone

	LargeSide  = 1600
	MediumSide = 800
	ThumbSide  = 320

	LargeQuality  = 82
	MediumQuality = 82
	ThumbQuality  = 80
)

var specs = [...]struct {
	name    string
	side    int
	quality int
}{
	{Large, LargeSide, LargeQuality},
	{Medium, MediumSide, MediumQuality},
	{Thumb, ThumbSide, ThumbQuality},
}

// The content types of the renditions.
const (
	JPEG = "image/jpeg"
	PNG  = "image/png"
)

// Rendition is one re-encoded size of a photo. Its bytes hold pixels only: no EXIF (so no GPS
// position, camera or date), no XMP, no ICC profile, no comment.
type Rendition struct {
	Name          string // Large, Medium or Thumb
	Width, Height int
	ContentType   string // JPEG, or PNG when the photo has transparent pixels
	// Data is the encoded image. Renditions of the same size share it: treat it as read-only.
	Data []byte
}

// Ext returns the file extension for the rendition's content type: ".jpg" or ".png".
func (r Rendition) Ext() string {
	if r.ContentType == PNG {
		return ".png"
	}
	return ".jpg"
}

// Result is a processed photo.
type Result struct {
	// Hash is the hex SHA-256 of the uploaded bytes: the same file uploaded twice has the same
	// hash, for de-duplication and for file names that change when the photo does.
	Hash string
	// Format is what the upload was, read from its content: "jpeg", "png" or "webp".
	Format string
	// Width and Height are the upload's size once upright (EXIF orientation applied).
	Width, Height int

	Large, Medium, Thumb Rendition
}

// Renditions returns the renditions, largest first.
func (r *Result) Renditions() []Rendition { return []Rendition{r.Large, r.Medium, r.Thumb} }

// FileName returns a file name for one rendition that changes whenever the photo does, so it
// can be served with a long cache lifetime: the first 16 hex digits of Hash, the rendition's
// name and its extension ("3f2a…9c-thumb.jpg").
func (r *Result) FileName(rd Rendition) string {
	return r.Hash[:16] + "-" + rd.Name + rd.Ext()
}

// Process reads one uploaded photo from r and returns its renditions.
//
// It reads at most MaxUploadBytes+1 bytes. The format is read from the content alone (magic
// bytes, then the format's own header); only JPEG, PNG and WebP are accepted. The size in
// pixels is checked from the header before anything is decoded, so a small file that claims
// a huge image is refused without allocating it. A JPEG's EXIF orientation is applied.
//
// Renditions fit in squares of LargeSide, MediumSide and ThumbSide pixels and are never larger
// than the photo. They are JPEG, except for a photo with at least one transparent pixel, whose
// renditions are PNG.
//
// A photo that is refused gives an *apperr.Error with Code apperr.Invalid, whose key (one of
// the Key* constants) is also set on the field Field; a read error of r gives KeyIncomplete
// with the cause kept for the logs.
func Process(r io.Reader) (*Result, error) {
	data, err := readUpload(r)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	res := &Result{Hash: hex.EncodeToString(sum[:])}

	f := sniff(data)
	switch {
	case f.supported:
	case f.image:
		return nil, invalid(nil, KeyUnsupportedFormat, "format", f.name)
	default:
		return nil, invalid(nil, KeyNotAnImage)
	}
	res.Format = f.name

	cfg, err := decodeConfig(f, data)
	if err != nil {
		return nil, invalid(err, KeyCorrupt)
	}
	perPixel := float64(bytesPerPixel(cfg.ColorModel))
	o, short := 1, false
	switch f {
	case fmtJPEG:
		h := readJPEGHeader(data)
		o = h.orientation
		perPixel = h.decodeBytesPerPixel(cfg.ColorModel)
		if !h.progressive {
			short = jpegTooShort(len(data), cfg.Width, cfg.Height, h.samples)
		}
	case fmtPNG:
		short = pngTooShort(data, cfg.Width, cfg.Height)
	case fmtWebP:
		if webpAnimated(data) {
			return nil, invalid(nil, KeyAnimated)
		}
		if webpLossless(data) {
			perPixel = 8
		}
	}
	if err := checkSize(cfg.Width, cfg.Height, perPixel); err != nil {
		return nil, err
	}
	if short {
		// A truncated file: the decoder would allocate the whole image before finding out.
		return nil, invalid(errors.New("too short for the pixels its header announces"), KeyCorrupt)
	}
	img, err := decode(f, data)
	if err != nil {
		return nil, invalid(err, KeyCorrupt)
	}
	data = nil // the upload is no longer needed: let it go before the renditions are made

	b := img.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, invalid(fmt.Errorf("decoded %v, header said %dx%d", b, cfg.Width, cfg.Height), KeyCorrupt)
	}
	res.Width, res.Height = b.Dx(), b.Dy()
	if swapsSides(o) {
		res.Width, res.Height = res.Height, res.Width
	}
	if err := res.render(img, o, !opaque(img)); err != nil {
		return nil, err
	}
	return res, nil
}

// render makes the renditions, each from the one before (the first from img), so that img can
// be released after the first.
func (res *Result) render(img image.Image, o int, transparent bool) error {
	var prev *image.RGBA // the previous rendition as stored (before orientation)
	var out [len(specs)]Rendition
	for i, s := range specs {
		w, h := fit(res.Width, res.Height, s.side)
		if i > 0 && w == out[i-1].Width && h == out[i-1].Height {
			out[i] = out[i-1]
			out[i].Name = s.name
			continue
		}
		sw, sh := w, h // the size before orientation
		if swapsSides(o) {
			sw, sh = h, w
		}
		var src image.Image = img
		if prev != nil {
			src = prev
		}
		prev = resize(src, sw, sh)
		img = nil
		data, ctype, err := encode(orient(prev, o), s.quality, transparent)
		if err != nil {
			return err
		}
		out[i] = Rendition{Name: s.name, Width: w, Height: h, ContentType: ctype, Data: data}
	}
	res.Large, res.Medium, res.Thumb = out[0], out[1], out[2]
	return nil
}

// encode writes m as PNG when transparent, otherwise as JPEG of the quality given. Neither
// encoder of the standard library writes metadata.
func encode(m *image.RGBA, quality int, transparent bool) ([]byte, string, error) {
	var buf bytes.Buffer
	if transparent {
		if err := png.Encode(&buf, m); err != nil {
			return nil, "", apperrInternal(err)
		}
		return buf.Bytes(), PNG, nil
	}
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: quality}); err != nil {
		return nil, "", apperrInternal(err)
	}
	return buf.Bytes(), JPEG, nil
}

// readUpload reads all of r, refusing more than MaxUploadBytes and an empty upload.
func readUpload(r io.Reader) ([]byte, error) {
	size := 256 << 10
	switch s := r.(type) {
	case interface{ Len() int }: // bytes.Reader, bytes.Buffer, strings.Reader
		size = s.Len() + 1
	case interface{ Size() int64 }: // io.SectionReader
		size = int(min(s.Size(), MaxUploadBytes)) + 1
	}
	buf := make([]byte, 0, min(max(size, 512), MaxUploadBytes+1))
	for empty := 0; ; {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), MaxUploadBytes+1)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxUploadBytes {
			return nil, invalid(nil, KeyTooLarge, "max", MaxUploadBytes>>20)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if n == 0 && err == nil {
			if empty++; empty >= 100 { // as bufio does with a reader that returns nothing
				err = io.ErrNoProgress
			}
		} else {
			empty = 0
		}
		if err != nil {
			return nil, invalid(err, KeyIncomplete)
		}
	}
	if len(buf) == 0 {
		return nil, invalid(nil, KeyEmpty)
	}
	return buf, nil
}

// checkSize refuses an image too large to decode safely, given the bytes per pixel its decoding
// takes, or too small to be of use.
func checkSize(w, h int, perPixel float64) error {
	if w <= 0 || h <= 0 {
		return invalid(fmt.Errorf("size %dx%d", w, h), KeyCorrupt)
	}
	// Each side is below 2^31 (the decoders read them as int32 or less), so w*h fits an int.
	if w > MaxSide || h > MaxSide || w*h > MaxPixels || float64(w*h)*perPixel > maxDecodeBytes {
		return invalid(nil, KeyTooManyPixels,
			"width", w, "height", h, "max_side", MaxSide, "max_mp", MaxPixels/1_000_000)
	}
	if min(w, h) < MinSide {
		return invalid(nil, KeyTooSmall, "width", w, "height", h, "min", MinSide)
	}
	return nil
}

// bytesPerPixel is what the decoder allocates per pixel for the image it returns, of model m
// (at most: a YCbCr image with chroma subsampling takes less than 3).
func bytesPerPixel(m color.Model) int {
	switch m {
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.Gray16Model:
		return 2
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.YCbCrModel:
		return 3
	case color.CMYKModel: // JPEG only: see jpegHeader.decodeBytesPerPixel
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4
}

// webpAnimated reports an extended WebP file (VP8X) with its animation flag set: the decoder
// reads still images only.
func webpAnimated(b []byte) bool {
	return len(b) >= 21 && string(b[12:16]) == "VP8X" && b[20]&0x02 != 0
}

// jpegTooShort reports a baseline JPEG file of n bytes too short to hold the w×h pixels its
// header announces with the given samples per pixel: Huffman coding spends at least 2 bits on
// each 8×8 block (a DC code and an end-of-block code); 1 is allowed here.
func jpegTooShort(n, w, h int, samples float64) bool {
	return float64(n)*8 < samples*float64(w)*float64(h)/64
}

// pngTooShort reports a PNG file too short to hold the pixels its header announces, even
// compressed as well as deflate can (at most about 1:1032; 1:2048 is allowed here).
func pngTooShort(b []byte, w, h int) bool {
	if len(b) < 26 {
		return true
	}
	depth, channels := int(b[24]), 0
	switch b[25] { // colour type
	case 0, 3:
		channels = 1
	case 4:
		channels = 2
	case 2:
		channels = 3
	case 6:
		channels = 4
	}
	raw := int64(h) * (1 + (int64(w)*int64(depth*channels)+7)/8) // a filter byte a row
	return int64(len(b))*2048 < raw
}

// webpLossless reports a WebP file with lossless data (VP8L), either the image or its alpha
// channel (VP8X with the alpha flag): the lossless decoder holds 4 bytes a pixel, and its
// colour-indexing transform a second copy, before the image it returns.
func webpLossless(b []byte) bool {
	return len(b) >= 21 && (string(b[12:16]) == "VP8L" || string(b[12:16]) == "VP8X" && b[20]&0x10 != 0)
}

// opaque reports whether every pixel of m is fully opaque. The images the decoders return all
// know how to tell (a palette image checks the colours it uses, an NRGBA image its pixels).
func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := m.At(x, y).RGBA(); a != 0xFFFF {
				return false
			}
		}
	}
	return true
}

// decodeConfig reads the header of an image of format f.
func decodeConfig(f format, b []byte) (cfg image.Config, err error) {
	defer recoverDecoder(&err)
	r := bytes.NewReader(b)
	switch f {
	case fmtJPEG:
		return jpeg.DecodeConfig(r)
	case fmtPNG:
		return png.DecodeConfig(r)
	case fmtWebP:
		return webp.DecodeConfig(r)
	}
	return cfg, fmt.Errorf("imaging: no decoder for %q", f.name)
}

// decode decodes an image of format f.
func decode(f format, b []byte) (m image.Image, err error) {
	defer recoverDecoder(&err)
	r := bytes.NewReader(b)
	switch f {
	case fmtJPEG:
		return jpeg.Decode(r)
	case fmtPNG:
		return png.Decode(r)
	case fmtWebP:
		return webp.Decode(r)
	}
	return nil, fmt.Errorf("imaging: no decoder for %q", f.name)
}

// recoverDecoder turns a panic of a decoder on hostile input into an error: a bad upload must
// give "corrupt", never take the request down.
func recoverDecoder(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("imaging: decoder panic: %v", p)
	}
}
