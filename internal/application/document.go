package application

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/call"
)

// The document formats accepted, known by their first bytes, and the names they go by.
var formats = []struct {
	contentType string
	magic       []byte
	extensions  []string
}{
	{"application/pdf", []byte("%PDF-"), []string{".pdf"}},
	{"image/jpeg", []byte{0xFF, 0xD8, 0xFF}, []string{".jpg", ".jpeg", ".jpe"}},
	{"image/png", []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, []string{".png"}},
}

// CheckDocument tells an uploaded document's type from its content and refuses what is not
// a PDF, JPEG or PNG, what is empty or too large, and what its name disguises (a picture
// named .pdf, a program named .jpg): a council must be able to open every file it gets.
func CheckDocument(name string, data []byte) (contentType string, err error) {
	if len(data) == 0 {
		return "", apperr.New(apperr.Invalid, "application.error.document_empty")
	}
	if len(data) > call.MaxDocumentBytes {
		return "", apperr.New(apperr.Invalid, "application.error.document_too_large", "max", call.MaxDocumentBytes>>20)
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range formats {
		if !bytes.HasPrefix(data, f.magic) {
			continue
		}
		if ext != "" && !slices.Contains(f.extensions, ext) {
			return "", apperr.New(apperr.Invalid, "application.error.document_disguised", "name", name)
		}
		return f.contentType, nil
	}
	return "", apperr.New(apperr.Invalid, "application.error.document_type", "name", name)
}
