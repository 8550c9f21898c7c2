package imaging

import (
	"fmt"

	"github.com/aswaq/aswaq/internal/apperr"
)

// Field is the form field every error of this package is reported on.
const Field = "photo"

// The catalog keys of the errors Process returns (internal/i18n/locales/*/imaging.json).
const (
	KeyEmpty             = "imaging.error.empty"              // nothing was sent
	KeyIncomplete        = "imaging.error.incomplete"         // the upload broke off before the end
	KeyTooLarge          = "imaging.error.too_large"          // {max}: more than MaxUploadBytes
	KeyNotAnImage        = "imaging.error.not_an_image"       // a PDF, a text file, a zip…
	KeyUnsupportedFormat = "imaging.error.unsupported_format" // {format}: an image, but not JPEG, PNG or WebP
	KeyAnimated          = "imaging.error.animated"           // an animated WebP
	KeyCorrupt           = "imaging.error.corrupt"            // damaged, truncated or an exotic variant
	KeyTooManyPixels     = "imaging.error.too_many_pixels"    // {width} {height} {max_side} {max_mp}
	KeyTooSmall          = "imaging.error.too_small"          // {width} {height} {min}
)

// invalid returns the error for a refused photo: an Invalid *apperr.Error whose overall key and
// whose one field error (on Field) are key with args. cause, if any, is kept for the logs.
func invalid(cause error, key string, args ...any) *apperr.Error {
	return &apperr.Error{
		Code:   apperr.Invalid,
		Key:    key,
		Args:   args,
		Fields: []apperr.FieldError{{Field: Field, Key: key, Args: args}},
		Err:    cause,
	}
}

// apperrInternal wraps a failure that is not the photo's fault (an encoder error) for the logs.
func apperrInternal(err error) *apperr.Error {
	return apperr.Wrap(fmt.Errorf("imaging: encode: %w", err), "error.server_body")
}
