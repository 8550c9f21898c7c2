package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Parsed is a message decoded the way a mail reader would: headers with their RFC 2047
// encoded words decoded, bodies with their transfer encoding undone. Tests compare it with
// what was sent, so that an Arabic subject that arrives mangled fails the test.
type Parsed struct {
	Header  mail.Header
	Subject string // decoded
	From    string // decoded, e.g. "Aswaq <noreply@aswaq.example>"
	To      string // decoded
	Text    string // the text/plain part
	HTML    string // the text/html part, if any
	Charset string // the charset of the text/plain part
}

// Parse decodes m.
func (m Message) Parse() (*Parsed, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
	if err != nil {
		return nil, err
	}
	dec := new(mime.WordDecoder)
	p := &Parsed{Header: msg.Header}
	for _, h := range []struct {
		name string
		dst  *string
	}{{"Subject", &p.Subject}, {"From", &p.From}, {"To", &p.To}} {
		v, err := dec.DecodeHeader(msg.Header.Get(h.name))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", h.name, err)
		}
		*h.dst = v
	}
	if err := p.part(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Parsed) part(contentType, encoding string, body io.Reader) error {
	if contentType == "" {
		contentType = "text/plain; charset=us-ascii"
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return err
	}
	if strings.HasPrefix(mt, "multipart/") {
		r := multipart.NewReader(body, params["boundary"])
		for {
			part, err := r.NextRawPart() // NextPart would undo quoted-printable itself, hiding the header
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := p.part(part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"), part); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body) // it skips line breaks itself
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	switch mt {
	case "text/plain":
		p.Text, p.Charset = text, strings.ToLower(params["charset"])
	case "text/html":
		p.HTML = text
	}
	return nil
}
