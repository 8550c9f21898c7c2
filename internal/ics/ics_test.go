package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWriteAllDayEventFoldsArabicSafely(t *testing.T) {
	var buf bytes.Buffer
	summary := "السوق المتنقل للاقتصاد الاجتماعي والتضامني بإقليم صفرو، النسخة الأولى; \"شعار\""
	err := Write(&buf, "-//Aswaq//Fairs//AR", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), []Event{{
		UID: "edition-1@aswaq", AllDay: true,
		Start: time.Date(2022, 7, 12, 0, 0, 0, 0, time.UTC), End: time.Date(2022, 7, 17, 0, 0, 0, 0, time.UTC),
		Summary: summary, Location: "ساحة مساي, صفرو", Description: "line one\nline two",
	}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:20220712\r\n", "DTEND;VALUE=DATE:20220717\r\n",
		"DTSTAMP:20260102T030405Z\r\n", `LOCATION:ساحة مساي\, صفرو`, `DESCRIPTION:line one\nline two`, "END:VCALENDAR\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold split a letter: %q", l)
		}
	}
	// Unfolding gives back the summary, escaped.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "SUMMARY:"+Escape(summary)+"\r\n") {
		t.Errorf("summary lost in folding:\n%s", unfolded)
	}
}

func TestWriteTimedEventInUTC(t *testing.T) {
	loc := time.FixedZone("+01", 3600)
	var buf bytes.Buffer
	Write(&buf, "x", time.Now(), []Event{{UID: "u", Summary: "s",
		Start: time.Date(2025, 9, 17, 10, 0, 0, 0, loc), End: time.Date(2025, 9, 17, 22, 0, 0, 0, loc)}})
	if !strings.Contains(buf.String(), "DTSTART:20250917T090000Z\r\n") || !strings.Contains(buf.String(), "DTEND:20250917T210000Z\r\n") {
		t.Fatal(buf.String())
	}
}

func TestEscapeAndFilename(t *testing.T) {
	if got := Escape(`a\b;c,d` + "\ne"); got != `a\\b\;c\,d\ne` {
		t.Errorf("Escape = %q", got)
	}
	if got := Filename("aswaq-fair-3 Fès"); got != "aswaq-fair-3-F-s.ics" {
		t.Errorf("Filename = %q", got)
	}
}
