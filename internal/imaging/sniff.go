package imaging

import (
	"bytes"
	"encoding/binary"
)

// format is what the first bytes of a file say it is. Only the content counts: the file name
// and the content type the client sent are never looked at, since both are the client's word.
type format struct {
	name      string // "jpeg", "png" or "webp" when supported; a display name otherwise
	supported bool
	image     bool // an image, if not one we take (GIF, HEIC…): told apart for a better message
}

var (
	fmtJPEG = format{name: "jpeg", supported: true, image: true}
	fmtPNG  = format{name: "png", supported: true, image: true}
	fmtWebP = format{name: "webp", supported: true, image: true}
	fmtNone = format{}
)

// sniff identifies the format of b from its magic bytes.
func sniff(b []byte) format {
	other := func(name string) format { return format{name: name, image: true} }
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return fmtJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return fmtPNG
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return fmtWebP
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return other("GIF")
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return other("TIFF") // also most camera RAW files
	case isBMP(b):
		return other("BMP")
	case bytes.HasPrefix(b, []byte("8BPS")):
		return other("PSD")
	case bytes.HasPrefix(b, []byte{0xFF, 0x0A}),
		bytes.HasPrefix(b, []byte("\x00\x00\x00\x0cJXL \r\n\x87\n")):
		return other("JPEG XL")
	case bytes.HasPrefix(b, []byte("\x00\x00\x00\x0cjP  \r\n\x87\n")),
		bytes.HasPrefix(b, []byte{0xFF, 0x4F, 0xFF, 0x51}):
		return other("JPEG 2000")
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		switch string(b[8:12]) {
		case "avif", "avis":
			return other("AVIF")
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1":
			return other("HEIC")
		}
	case isSVG(b):
		return other("SVG")
	}
	return fmtNone
}

// isBMP reports a BMP file header followed by a known DIB header size, so that a text file
// starting with "BM" is not taken for a bitmap.
func isBMP(b []byte) bool {
	if len(b) < 18 || b[0] != 'B' || b[1] != 'M' {
		return false
	}
	switch binary.LittleEndian.Uint32(b[14:18]) {
	case 12, 40, 52, 56, 64, 108, 124:
		return true
	}
	return false
}

// isSVG reports an XML or SVG document whose first kilobyte has an <svg element.
func isSVG(b []byte) bool {
	head := b[:min(len(b), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<svg"))
}
