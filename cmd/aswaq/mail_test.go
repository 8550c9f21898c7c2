package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/outbox/smtptest"
)

// mailSender parses args and environ as a command registering mailFlags would.
func mailSender(t *testing.T, environ map[string]string, args ...string) (outbox.Sender, error) {
	t.Helper()
	fs := newFlagSet("serve", "serve")
	var m mailFlags
	m.register(fs)
	if err := parseFlags(fs, args, 0, func(k string) string { return environ[k] }, io.Discard); err != nil {
		return nil, err
	}
	return m.sender()
}

func TestNoMailServerMeansNoSender(t *testing.T) {
	s, err := mailSender(t, nil)
	if s != nil || err != nil {
		t.Fatalf("got %v, %v; want no sender and no error", s, err)
	}
}

func TestMailSettingsFromEnvironmentAndFlags(t *testing.T) {
	s, err := mailSender(t, map[string]string{
		"ASWAQ_SMTP_HOST": "smtp.example.ma", "ASWAQ_SMTP_FROM": "أسواق <noreply@example.ma>",
		"ASWAQ_SMTP_USER": "aswaq", "ASWAQ_SMTP_PASSWORD": "hunter2",
	}, "--smtp-port", "2525")
	if err != nil {
		t.Fatal(err)
	}
	desc := s.(*outbox.SMTPSender).String()
	for _, want := range []string{"smtp.example.ma:2525", "starttls-required", "user aswaq", "noreply@example.ma"} {
		if !strings.Contains(desc, want) {
			t.Errorf("%q lacks %q", desc, want)
		}
	}
	if strings.Contains(desc, "hunter2") {
		t.Errorf("password shown: %s", desc)
	}
	if _, err := mailSender(t, nil, "--smtp-host", "smtp.example.ma", "--smtp-from", "noreply@example.ma",
		"--smtp-tls", "tls", "--smtp-port", "465"); err != nil {
		t.Errorf("implicit TLS on 465: %v", err)
	}
}

func TestInconsistentMailSettingsAreUsageErrors(t *testing.T) {
	host := []string{"--smtp-host", "smtp.example.ma"}
	from := []string{"--smtp-from", "noreply@example.ma"}
	with := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"from without host", map[string]string{"ASWAQ_SMTP_FROM": "noreply@example.ma"}, nil, "--smtp-from set without --smtp-host"},
		{"password without host", nil, []string{"--smtp-password", "hunter2", "--smtp-tls", "none"}, "--smtp-password, --smtp-tls set without --smtp-host"},
		{"host without from", nil, host, "--smtp-from (ASWAQ_SMTP_FROM) is not"},
		{"bad from", nil, with(host, []string{"--smtp-from", "noreply"}), `"noreply" is not an email address`},
		{"bad tls", nil, with(host, from, []string{"--smtp-tls", "ssl"}), "unknown TLS mode"},
		{"tls on 587", nil, with(host, from, []string{"--smtp-tls", "tls"}), "port 465"},
		{"bad port", nil, with(host, from, []string{"--smtp-port", "0"}), "not a port"},
		{"user without password", nil, with(host, from, []string{"--smtp-user", "aswaq"}), "--smtp-password (ASWAQ_SMTP_PASSWORD) is not"},
		{"password without user", map[string]string{"ASWAQ_SMTP_PASSWORD": "hunter2"}, with(host, from), "--smtp-user (ASWAQ_SMTP_USER) is not"},
		{"password in clear", map[string]string{"ASWAQ_SMTP_PASSWORD": "hunter2", "ASWAQ_SMTP_USER": "aswaq"},
			with(host, from, []string{"--smtp-tls", "none"}), "in clear"},
		{"port not a number", map[string]string{"ASWAQ_SMTP_PORT": "smtp"}, nil, "ASWAQ_SMTP_PORT"},
	} {
		s, err := mailSender(t, c.env, c.args...)
		var ue usageError
		if s != nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, %v; want a usage error mentioning %q", c.name, s, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: the password is in the error: %v", c.name, err)
		}
	}
}

func TestMailFlagsSendArabicThroughARealServer(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	s, err := mailSender(t, map[string]string{"ASWAQ_SMTP_HOST": srv.Host(), "ASWAQ_SMTP_PORT": strconv.Itoa(srv.Port()),
		"ASWAQ_SMTP_TLS": "none", "ASWAQ_SMTP_FROM": "Aswaq <noreply@example.ma>"})
	if err != nil {
		t.Fatal(err)
	}
	m := outbox.Message{ID: 1, Channel: outbox.Email, Recipient: "amal@coop.ma", Lang: "ar", Kind: "test",
		Subject: "رسالة تجريبية من أسواق", Body: "السلام عليكم"}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	p, err := msgs[0].Parse()
	if err != nil || p.Subject != m.Subject || strings.TrimSpace(p.Text) != m.Body {
		t.Fatalf("got %q / %q (%v)", p.Subject, p.Text, err)
	}
}

func TestMailFlagsHelpNamesTheirVariables(t *testing.T) {
	fs := newFlagSet("serve", "serve")
	var m mailFlags
	m.register(fs)
	var out bytes.Buffer
	fs.SetOutput(&out)
	fs.Usage()
	for _, want := range []string{"--smtp-host", "ASWAQ_SMTP_HOST", "ASWAQ_SMTP_PASSWORD", `(default "587")`, `(default "starttls-required")`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
}
