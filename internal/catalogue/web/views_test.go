package web

import (
	"testing"

	"github.com/aswaq/aswaq/internal/imaging"
	"github.com/aswaq/aswaq/internal/org"
)

func TestNationalPhone(t *testing.T) {
	for in, want := range map[string]string{
		"+212612345678": "06 12 34 56 78",
		"+33612345678":  "+33612345678", // not Moroccan: left as it is
		"+21261234567":  "+21261234567", // too short
	} {
		if got := NationalPhone(in); got != want {
			t.Errorf("NationalPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhotoViewsGiveMediaAddressesAndThumbnailSize(t *testing.T) {
	side := imaging.ThumbSide
	v := PhotoViews([]org.Photo{{ID: 7, Width: 4 * side, Height: 2 * side, Thumb: "a-thumb.jpg", Medium: "a-medium.jpg", Large: "a-large.jpg"}})
	if len(v) != 1 || v[0].Thumb != "/media/a-thumb.jpg" || v[0].Large != "/media/a-large.jpg" || v[0].Width != side || v[0].Height != side/2 {
		t.Errorf("PhotoViews: %+v", v)
	}
}
