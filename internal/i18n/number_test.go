package i18n

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	const nnbsp = "\u202f"
	tests := []struct {
		n              int64
		ar, fr, en, zg string
	}{
		{0, "0", "0", "0", "0"},
		{5, "5", "5", "5", "5"},
		{999, "999", "999", "999", "999"},
		{1000, "1.000", "1" + nnbsp + "000", "1,000", "1" + nnbsp + "000"},
		{10000, "10.000", "10" + nnbsp + "000", "10,000", "10" + nnbsp + "000"},
		{123456789, "123.456.789", "123" + nnbsp + "456" + nnbsp + "789", "123,456,789", "123" + nnbsp + "456" + nnbsp + "789"},
		{-1500, "\u200e-1.500", "-1" + nnbsp + "500", "-1,500", "-1" + nnbsp + "500"},
		{math.MaxInt64, "9.223.372.036.854.775.807", "9" + nnbsp + "223" + nnbsp + "372" + nnbsp + "036" + nnbsp + "854" + nnbsp + "775" + nnbsp + "807", "9,223,372,036,854,775,807", ""},
		{math.MinInt64, "\u200e-9.223.372.036.854.775.808", "", "-9,223,372,036,854,775,808", ""},
	}
	b := testBundle(t)
	for _, tt := range tests {
		for l, want := range map[Lang]string{AR: tt.ar, FR: tt.fr, EN: tt.en, ZGH: tt.zg} {
			if want == "" {
				continue
			}
			if got := b.For(l).Number(tt.n); got != want {
				t.Errorf("%s Number(%d) = %q, want %q", l, tt.n, got, want)
			}
		}
	}
}

func TestMoney(t *testing.T) {
	const (
		nb    = "\u00a0"
		nnbsp = "\u202f"
	)
	tests := []struct {
		centimes       int64
		ar, fr, en, zg string
	}{
		{0, "0,00" + nb + "درهم", "0,00" + nb + "MAD", "MAD" + nb + "0.00", "0,00" + nb + "MAD"},
		{5, "0,05" + nb + "درهم", "0,05" + nb + "MAD", "MAD" + nb + "0.05", "0,05" + nb + "MAD"},
		{100, "1,00" + nb + "درهم", "1,00" + nb + "MAD", "MAD" + nb + "1.00", "1,00" + nb + "MAD"},
		{123450, "1.234,50" + nb + "درهم", "1" + nnbsp + "234,50" + nb + "MAD", "MAD" + nb + "1,234.50", "1" + nnbsp + "234,50" + nb + "MAD"},
		{123456789, "1.234.567,89" + nb + "درهم", "1" + nnbsp + "234" + nnbsp + "567,89" + nb + "MAD", "MAD" + nb + "1,234,567.89", "1" + nnbsp + "234" + nnbsp + "567,89" + nb + "MAD"},
		{-5, "\u200e-0,05" + nb + "درهم", "-0,05" + nb + "MAD", "-MAD" + nb + "0.05", "-0,05" + nb + "MAD"},
		{-123450, "\u200e-1.234,50" + nb + "درهم", "-1" + nnbsp + "234,50" + nb + "MAD", "-MAD" + nb + "1,234.50", "-1" + nnbsp + "234,50" + nb + "MAD"},
		{math.MinInt64, "\u200e-92.233.720.368.547.758,08" + nb + "درهم", "", "-MAD" + nb + "92,233,720,368,547,758.08", ""},
	}
	b := testBundle(t)
	for _, tt := range tests {
		for l, want := range map[Lang]string{AR: tt.ar, FR: tt.fr, EN: tt.en, ZGH: tt.zg} {
			if want == "" {
				continue
			}
			if got := b.For(l).Money(tt.centimes); got != want {
				t.Errorf("%s Money(%d) = %q, want %q", l, tt.centimes, got, want)
			}
		}
	}
}

// The examples GLOSSARY.md gives, with ordinary spaces standing for the
// no-break ones.
func TestMoneyMatchesGlossary(t *testing.T) {
	b := testBundle(t)
	plain := func(s string) string {
		out := []rune{}
		for _, r := range s {
			if r == '\u00a0' || r == '\u202f' {
				r = ' '
			}
			out = append(out, r)
		}
		return string(out)
	}
	if got := plain(b.For(AR).Money(123450)); got != "1.234,50 درهم" {
		t.Errorf("ar Money(123450) = %q", got)
	}
	if got := plain(b.For(FR).Money(123450)); got != "1 234,50 MAD" {
		t.Errorf("fr Money(123450) = %q", got)
	}
}
