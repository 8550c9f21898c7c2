// Package ics writes iCalendar files (RFC 5545) so visitors can put a fair in their
// calendar. It writes only what Aswaq needs: events that last whole days, or that run
// at set hours each day, with a title, a place, a description and a link.
package ics

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one calendar entry. For an all-day event, set Start and End to midnight of the
// first day and of the day after the last, and AllDay; otherwise Start and End are
// instants, written in UTC so no time-zone table is needed.
type Event struct {
	UID         string
	Start, End  time.Time
	AllDay      bool
	Summary     string
	Location    string
	Description string
	URL         string
	Cancelled   bool // STATUS:CANCELLED, so calendars that hold the event mark it called off
}

// Write writes a calendar holding events. stamp is when the file is made (DTSTAMP).
func Write(w io.Writer, prodID string, stamp time.Time, events []Event) error {
	b := &builder{}
	b.line("BEGIN:VCALENDAR")
	b.line("VERSION:2.0")
	b.prop("PRODID", prodID)
	b.line("CALSCALE:GREGORIAN")
	b.line("METHOD:PUBLISH")
	for _, e := range events {
		b.line("BEGIN:VEVENT")
		b.prop("UID", e.UID)
		b.line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		if e.AllDay {
			b.line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
			b.line("DTEND;VALUE=DATE:" + e.End.Format("20060102"))
		} else {
			b.line("DTSTART:" + e.Start.UTC().Format("20060102T150405Z"))
			b.line("DTEND:" + e.End.UTC().Format("20060102T150405Z"))
		}
		b.prop("SUMMARY", e.Summary)
		if e.Location != "" {
			b.prop("LOCATION", e.Location)
		}
		if e.Description != "" {
			b.prop("DESCRIPTION", e.Description)
		}
		if e.URL != "" {
			b.line("URL:" + e.URL)
		}
		if e.Cancelled {
			b.line("STATUS:CANCELLED")
		}
		b.line("END:VEVENT")
	}
	b.line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

type builder struct{ strings.Builder }

// prop writes a text property, escaped.
func (b *builder) prop(name, value string) { b.line(name + ":" + Escape(value)) }

// line writes a content line folded at 75 octets, never inside a UTF-8 sequence (Arabic
// letters take two octets each), with CRLF endings as the RFC asks.
func (b *builder) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// Escape escapes a TEXT value: backslash, semicolon, comma and newlines.
func Escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// Filename is a safe download name for a calendar file.
func Filename(base string) string {
	return fmt.Sprintf("%s.ics", strings.Map(func(r rune) rune {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '-'
	}, base))
}
