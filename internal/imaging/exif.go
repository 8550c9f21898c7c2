package imaging

import (
	"bytes"
	"encoding/binary"
	"image/color"
)

// jpegHeader is what Process needs from a JPEG's marker segments before decoding it.
type jpegHeader struct {
	// orientation is the EXIF orientation (1–8), 1 when there is none or it cannot be read.
	// Phones store a photo as the sensor saw it and record how to turn it in this tag, so a
	// portrait photo is often stored landscape with orientation 6.
	orientation int
	// progressive is set for a progressive JPEG (SOF2, SOF6, SOF10, SOF14): Go's decoder then
	// keeps every DCT coefficient as an int32 until the end, 4 bytes a sample.
	progressive bool
	// samples is the number of samples a pixel has over all components: 1.5 for 4:2:0, 3 for
	// 4:4:4, 1 for grey.
	samples float64
}

// decodeBytesPerPixel estimates what Go's decoder allocates per pixel for this JPEG, whose
// DecodeConfig gave model m: the sample planes, then an RGBA or CMYK copy for images that are
// not YCbCr or grey (Adobe RGB and CMYK JPEGs), and for a progressive JPEG the coefficients,
// 4 bytes a sample.
func (h jpegHeader) decodeBytesPerPixel(m color.Model) float64 {
	s := max(h.samples, 1)
	n := s
	if m != color.YCbCrModel && m != color.GrayModel {
		n += 4
	}
	if h.progressive {
		n += 4 * s
	}
	return n
}

// readJPEGHeader walks the marker segments of a JPEG file up to the image data (SOS): it reads
// the frame header and the first APP1 "Exif" segment (a TIFF header, then IFD0, whose entry
// 0x0112 holds the orientation). Every length and offset is checked, so any byte string is
// safe to pass; what cannot be read is left at its zero value (orientation 1).
func readJPEGHeader(b []byte) jpegHeader {
	h := jpegHeader{orientation: 1}
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return h
	}
	exifSeen := false
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return h // not a marker: the file is damaged, the decoder will say so
		}
		marker := b[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0x01 || marker >= 0xD0 && marker <= 0xD8: // no length
			i += 2
			continue
		case marker == 0xD9 || marker == 0xDA: // end of image, start of scan
			return h
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return h
		}
		seg := b[i+4 : i+2+n]
		switch {
		case marker == 0xE1 && !exifSeen && bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
			exifSeen = true
			h.orientation = tiffOrientation(seg[6:])
		case marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
			h.progressive = marker&0x03 == 0x02
			h.samples = frameSamples(seg)
		}
		i += 2 + n
	}
	return h
}

// frameSamples returns the samples per pixel of a frame header (SOFn segment body: precision,
// height, width, component count, then id, sampling factors and table for each component).
func frameSamples(f []byte) float64 {
	if len(f) < 6 {
		return 0
	}
	n := int(f[5])
	if n == 0 || len(f) < 6+3*n {
		return 0
	}
	var hmax, vmax, sum int
	for c := range n {
		hv := f[6+3*c+1]
		hmax, vmax = max(hmax, int(hv>>4)), max(vmax, int(hv&15))
		sum += int(hv>>4) * int(hv&15)
	}
	if hmax == 0 || vmax == 0 {
		return 0
	}
	return float64(sum) / float64(hmax*vmax)
}

// jpegOrientation returns the EXIF orientation of a JPEG file: see jpegHeader.
func jpegOrientation(b []byte) int { return readJPEGHeader(b).orientation }

// tiffOrientation reads the Orientation tag of IFD0 in a TIFF structure (the body of an EXIF
// segment), 1 when absent or invalid.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int64(order.Uint32(t[4:8]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	count := int64(order.Uint16(t[ifd:]))
	for k := range count {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 1
		}
		if order.Uint16(t[e:]) != 0x0112 {
			continue
		}
		// Type SHORT (3), count 1: the value sits in the first two bytes of the value field.
		if order.Uint16(t[e+2:]) != 3 || order.Uint32(t[e+4:]) != 1 {
			return 1
		}
		if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}
