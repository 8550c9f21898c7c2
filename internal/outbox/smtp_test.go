package outbox_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/outbox/smtptest"
)

const (
	arabicSubject = "دعوة للمشاركة في المعرض الجهوي للاقتصاد الاجتماعي والتضامني بفاس"
	arabicBody    = "السلام عليكم،\n\nيسعدنا دعوة تعاونيتكم «الأمل» للمشاركة في المعرض.\nللتسجيل: https://aswaq.example/invite/x1y2،\n\nمع التحية"
)

func arabicMessage() outbox.Message {
	return outbox.Message{
		ID: 42, Channel: outbox.Email, Recipient: "amal@coop.ma", RecipientName: "تعاونية الأمل", Lang: "ar",
		Kind: "invitation", Subject: arabicSubject, Body: arabicBody, CreatedAt: time.Unix(1767225600, 0),
	}
}

func plainConfig(srv *smtptest.Server) outbox.SMTPConfig {
	return outbox.SMTPConfig{Host: srv.Host(), Port: srv.Port(), From: "noreply@aswaq.example", TLS: outbox.NoTLS, Timeout: 5 * time.Second}
}

func newSender(t *testing.T, c outbox.SMTPConfig) *outbox.SMTPSender {
	t.Helper()
	s, err := outbox.NewSMTPSender(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSMTPArabicArrivesIntact(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	if err := newSender(t, plainConfig(srv)).Send(context.Background(), arabicMessage()); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	got := msgs[0]
	if got.From != "noreply@aswaq.example" || fmt.Sprint(got.To) != "[amal@coop.ma]" {
		t.Fatalf("envelope %q → %v", got.From, got.To)
	}
	p, err := got.Parse()
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != arabicSubject {
		t.Errorf("subject\n%q\nwant\n%q", p.Subject, arabicSubject)
	}
	if strings.TrimSpace(p.Text) != arabicBody || p.Charset != "utf-8" {
		t.Errorf("body (%s)\n%q\nwant\n%q", p.Charset, p.Text, arabicBody)
	}
	from, err1 := mail.ParseAddress(p.From)
	to, err2 := mail.ParseAddress(p.To)
	if err1 != nil || err2 != nil || from.Name != "Aswaq" || from.Address != "noreply@aswaq.example" ||
		to.Name != "تعاونية الأمل" || to.Address != "amal@coop.ma" {
		t.Errorf("From %q To %q (%v, %v)", p.From, p.To, err1, err2)
	}
	for h, want := range map[string]string{
		"Content-Language": "ar", "Auto-Submitted": "auto-generated", "Message-Id": "<outbox.42.1767225600@aswaq.example>",
	} {
		if v := p.Header.Get(h); v != want {
			t.Errorf("%s: %q, want %q", h, v, want)
		}
	}
	// The raw message is 7-bit: no mail relay can mangle it.
	for i, b := range got.Data {
		if b >= 0x80 {
			t.Fatalf("8-bit byte at %d: the message is not transfer-encoded", i)
		}
	}
	// The HTML alternative reads right to left and links without the Arabic comma.
	for _, want := range []string{`dir="rtl"`, `lang="ar"`, `<a href="https://aswaq.example/invite/x1y2">`, "«الأمل»", "<br>"} {
		if !strings.Contains(p.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, p.HTML)
		}
	}
}

func TestSMTPStartTLSWithAuthAndImplicitTLS(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{StartTLS: true, Username: "aswaq", Password: "s3cret"})
	c := plainConfig(srv)
	c.TLS, c.Username, c.Password = outbox.StartTLSRequired, "aswaq", "s3cret"
	c.TLSConfig = &tls.Config{RootCAs: srv.RootCAs()}
	if err := newSender(t, c).Send(context.Background(), arabicMessage()); err != nil {
		t.Fatal(err)
	}
	if m := srv.Messages(); len(m) != 1 || !m[0].TLS || m[0].AuthUser != "aswaq" {
		t.Fatalf("messages %+v", m)
	}

	c.Password = "wrong"
	err := newSender(t, c).Send(context.Background(), arabicMessage())
	if err == nil || outbox.IsPermanent(err) || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("bad password: %v (want a retryable error that does not show the password)", err)
	}

	tlsSrv := smtptest.Start(t, smtptest.Options{ImplicitTLS: true})
	c = plainConfig(tlsSrv)
	c.TLS, c.TLSConfig = outbox.ImplicitTLS, &tls.Config{RootCAs: tlsSrv.RootCAs()}
	if err := newSender(t, c).Send(context.Background(), arabicMessage()); err != nil {
		t.Fatal(err)
	}
	if m := tlsSrv.Messages(); len(m) != 1 || !m[0].TLS {
		t.Fatalf("implicit TLS: %+v", m)
	}

	// A server without STARTTLS: required refuses to send, opportunistic sends in clear.
	plain := smtptest.Start(t, smtptest.Options{})
	c = plainConfig(plain)
	c.TLS = outbox.StartTLSRequired
	if err := newSender(t, c).Send(context.Background(), arabicMessage()); err == nil || outbox.IsPermanent(err) {
		t.Fatalf("STARTTLS required without STARTTLS: %v", err)
	}
	c.TLS = outbox.StartTLSOpportunistic
	if err := newSender(t, c).Send(context.Background(), arabicMessage()); err != nil || len(plain.Messages()) != 1 {
		t.Fatalf("opportunistic: %v, %d messages", err, len(plain.Messages()))
	}
}

func TestSMTPClassifiesFailures(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	s := newSender(t, plainConfig(srv))
	ctx := context.Background()

	srv.FailNext(1, 451, "4.7.1 greylisted, try again later")
	if err := s.Send(ctx, arabicMessage()); err == nil || outbox.IsPermanent(err) {
		t.Fatalf("451: %v, want a retryable error", err)
	}
	srv.FailNext(1, 550, "5.1.1 no such user")
	if err := s.Send(ctx, arabicMessage()); !outbox.IsPermanent(err) || !strings.Contains(err.Error(), "550") {
		t.Fatalf("550: %v, want a permanent error", err)
	}
	sms := arabicMessage()
	sms.Channel = outbox.SMS
	if err := s.Send(ctx, sms); !outbox.IsPermanent(err) {
		t.Fatalf("SMS through SMTP: %v", err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("%d messages accepted", n)
	}

	// Nobody listening: retry later.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	c := plainConfig(srv)
	c.Port = port
	if err := newSender(t, c).Send(ctx, arabicMessage()); err == nil || outbox.IsPermanent(err) {
		t.Fatalf("connection refused: %v", err)
	}
}

func TestSMTPConfigChecksAndHidesThePassword(t *testing.T) {
	for name, c := range map[string]outbox.SMTPConfig{
		"no host":          {From: "noreply@aswaq.example"},
		"no from":          {Host: "smtp.example"},
		"from with name":   {Host: "smtp.example", From: "Aswaq <noreply@aswaq.example>"},
		"bad port":         {Host: "smtp.example", From: "noreply@aswaq.example", Port: 70000},
		"bad tls":          {Host: "smtp.example", From: "noreply@aswaq.example", TLS: "ssl"},
		"password no user": {Host: "smtp.example", From: "noreply@aswaq.example", Password: "x"},
	} {
		if _, err := outbox.NewSMTPSender(c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	c := outbox.SMTPConfig{Host: "smtp.example", From: "noreply@aswaq.example", Username: "u", Password: "hunter2"}
	s, err := outbox.NewSMTPSender(c)
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("smtp", "config", c)
	for _, out := range []string{s.String(), c.String(), fmt.Sprint(c), logged.String()} {
		if strings.Contains(out, "hunter2") {
			t.Errorf("password shown: %s", out)
		}
	}
	if !strings.Contains(s.String(), "smtp.example:587") || !strings.Contains(s.String(), "starttls-required") {
		t.Errorf("defaults: %s", s)
	}
	if m, err := outbox.ParseTLSMode("TLS"); err != nil || m != outbox.ImplicitTLS {
		t.Errorf("ParseTLSMode: %v %v", m, err)
	}
}
