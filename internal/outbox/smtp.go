package outbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/wneessen/go-mail"
)

// TLSMode says how the connection to the mail server is protected.
type TLSMode string

// The TLS modes.
const (
	StartTLSRequired      TLSMode = "starttls-required"      // plain connection upgraded by STARTTLS, or no delivery (port 587)
	StartTLSOpportunistic TLSMode = "starttls-opportunistic" // STARTTLS when the server offers it, plain text otherwise
	ImplicitTLS           TLSMode = "tls"                    // TLS from the first byte (port 465)
	NoTLS                 TLSMode = "none"                   // plain text: a relay on the same machine or network
)

// TLSModes lists the modes, for help texts.
var TLSModes = []TLSMode{StartTLSRequired, StartTLSOpportunistic, ImplicitTLS, NoTLS}

// ParseTLSMode accepts the name of a TLS mode.
func ParseTLSMode(s string) (TLSMode, error) {
	for _, m := range TLSModes {
		if strings.EqualFold(s, string(m)) {
			return m, nil
		}
	}
	return "", fmt.Errorf("unknown TLS mode %q (want one of %s, %s, %s, %s)", s, TLSModes[0], TLSModes[1], TLSModes[2], TLSModes[3])
}

// SMTPConfig is how to reach the mail server that sends Aswaq's email.
type SMTPConfig struct {
	Host     string
	Port     int // default 587
	Username string
	Password string // never logged: String and LogValue hide it
	From     string // the sender's address, e.g. noreply@aswaq.example
	FromName string // the sender's display name; default "Aswaq"
	TLS      TLSMode
	Timeout  time.Duration // bound on one whole SMTP session; default 30 s

	// TLSConfig, when set, is used for the TLS connection (e.g. to trust a private
	// certificate authority); its ServerName defaults to Host.
	TLSConfig *tls.Config
}

// String describes the configuration without the password.
func (c SMTPConfig) String() string {
	auth := "no auth"
	if c.Username != "" {
		auth = "user " + c.Username
	}
	return fmt.Sprintf("smtp://%s:%d (%s, %s, from %s)", c.Host, c.Port, c.TLS, auth, c.From)
}

// LogValue logs the configuration without the password.
func (c SMTPConfig) LogValue() slog.Value {
	return slog.GroupValue(slog.String("host", c.Host), slog.Int("port", c.Port), slog.String("tls", string(c.TLS)),
		slog.String("user", c.Username), slog.String("from", c.From))
}

// withDefaults fills the optional fields and checks the rest, with errors meant for the
// person who configures the server.
func (c SMTPConfig) withDefaults() (SMTPConfig, error) {
	if c.Port == 0 {
		c.Port = 587
	}
	if c.TLS == "" {
		c.TLS = StartTLSRequired
	}
	if c.FromName == "" {
		c.FromName = "Aswaq"
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	var errs []error
	if c.Host == "" {
		errs = append(errs, errors.New("no SMTP host"))
	}
	if c.Port < 1 || c.Port > 65535 {
		errs = append(errs, fmt.Errorf("SMTP port %d out of range", c.Port))
	}
	if !ValidEmail(c.From) {
		errs = append(errs, fmt.Errorf("sender address %q is not an email address", c.From))
	}
	if strings.ContainsAny(c.FromName, "\r\n") {
		errs = append(errs, errors.New("sender name has a line break"))
	}
	if _, err := ParseTLSMode(string(c.TLS)); err != nil {
		errs = append(errs, err)
	}
	if c.Password != "" && c.Username == "" {
		errs = append(errs, errors.New("SMTP password given without a user name"))
	}
	return c, errors.Join(errs...)
}

// SMTPSender sends email through an SMTP server. It opens one connection per message: the
// outbox sends little mail, and a fresh connection never inherits a broken one's state.
type SMTPSender struct {
	cfg  SMTPConfig
	opts []mail.Option
}

// NewSMTPSender checks c and returns a sender for it. It does not connect: a mail server
// that is down at start must not stop Aswaq, and messages wait in the outbox meanwhile.
func NewSMTPSender(c SMTPConfig) (*SMTPSender, error) {
	c, err := c.withDefaults()
	if err != nil {
		return nil, err
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.TLSConfig != nil {
		tc = c.TLSConfig.Clone()
	}
	if tc.ServerName == "" {
		tc.ServerName = c.Host
	}
	opts := []mail.Option{mail.WithPort(c.Port), mail.WithTimeout(c.Timeout), mail.WithTLSConfig(tc)}
	switch c.TLS {
	case StartTLSRequired:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	case StartTLSOpportunistic:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	case ImplicitTLS:
		opts = append(opts, mail.WithSSL())
	case NoTLS:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	}
	if c.Username != "" {
		// Auto-discovery picks the strongest mechanism the server offers, and never sends
		// the password in clear over an unencrypted connection.
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(c.Username), mail.WithPassword(c.Password))
	}
	if _, err := mail.NewClient(c.Host, opts...); err != nil {
		return nil, fmt.Errorf("SMTP settings: %w", err)
	}
	return &SMTPSender{cfg: c, opts: opts}, nil
}

// String describes the sender without its password.
func (s *SMTPSender) String() string { return s.cfg.String() }

// Send delivers one email. A refusal of the recipient or of the content (a 5xx reply to
// RCPT or DATA) is permanent; everything else — connection refused, timeouts, 4xx replies,
// and also a refused login or sender, which an administrator can fix — is worth retrying.
func (s *SMTPSender) Send(ctx context.Context, m Message) error {
	if m.Channel != Email {
		return Permanent(fmt.Errorf("the SMTP sender cannot send %s messages", m.Channel))
	}
	msg, err := s.compose(m)
	if err != nil {
		return Permanent(err)
	}
	client, err := mail.NewClient(s.cfg.Host, s.opts...)
	if err != nil {
		return err
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		var se *mail.SendError
		if errors.As(err, &se) && se.ErrorCode() >= 500 && se.ErrorCode() < 600 {
			switch se.Reason {
			case mail.ErrSMTPRcptTo, mail.ErrSMTPData, mail.ErrSMTPDataClose:
				return Permanent(err)
			}
		}
		return err
	}
	return nil
}

// compose builds the MIME message: UTF-8 text, quoted-printable (readable in any mail
// client, Arabic included), with an HTML alternative that only sets the text's direction
// and makes links clickable.
func (s *SMTPSender) compose(m Message) (*mail.Msg, error) {
	msg := mail.NewMsg(mail.WithCharset(mail.CharsetUTF8), mail.WithEncoding(mail.EncodingQP), mail.WithNoDefaultUserAgent())
	if err := msg.FromFormat(s.cfg.FromName, s.cfg.From); err != nil {
		return nil, fmt.Errorf("sender: %w", err)
	}
	if err := msg.AddToFormat(m.RecipientName, m.Recipient); err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	// The same message gets the same Message-ID on every attempt, so that a copy delivered
	// twice (a lease that ran out mid-send) can be recognised as one.
	domain := s.cfg.From[strings.LastIndexByte(s.cfg.From, '@')+1:]
	msg.SetMessageIDWithValue(fmt.Sprintf("outbox.%d.%d@%s", m.ID, m.CreatedAt.Unix(), domain))
	msg.SetGenHeader(mail.HeaderContentLang, m.Lang)
	// RFC 3834: no out-of-office replies to an automatic message.
	msg.SetGenHeader(mail.Header("Auto-Submitted"), "auto-generated")
	msg.SetGenHeader(mail.HeaderXAutoResponseSuppress, "All")
	msg.SetBodyString(mail.TypeTextPlain, m.Body)
	msg.AddAlternativeString(mail.TypeTextHTML, htmlBody(m))
	return msg, nil
}

// urlPattern finds the links in a plain-text body.
var urlPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`https?://[^\s<>"]+`) })

// htmlBody is the plain body as minimal HTML: the language and direction set on the
// document (so an Arabic message reads right to left in every client), paragraphs, line
// breaks and clickable links. Everything else is escaped text.
func htmlBody(m Message) string {
	dir := "ltr"
	if m.Lang == "ar" {
		dir = "rtl"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head><meta charset=\"utf-8\"><title>%s</title></head>\n<body dir=\"%s\">\n",
		html.EscapeString(m.Lang), dir, html.EscapeString(m.Subject), dir)
	body := strings.ReplaceAll(strings.TrimSpace(m.Body), "\r\n", "\n")
	for para := range strings.SplitSeq(body, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			b.WriteString(linkify(line))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// linkify escapes line and turns its URLs into links, leaving out punctuation that ends a
// sentence after a URL.
func linkify(line string) string {
	var b strings.Builder
	last := 0
	for _, loc := range urlPattern().FindAllStringIndex(line, -1) {
		start, end := loc[0], loc[1]
		for end > start {
			r, size := utf8.DecodeLastRuneInString(line[start:end])
			if !strings.ContainsRune(".,;:!?)»،؛؟", r) {
				break
			}
			end -= size
		}
		b.WriteString(html.EscapeString(line[last:start]))
		u := html.EscapeString(line[start:end])
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, u, u)
		last = end
	}
	b.WriteString(html.EscapeString(line[last:]))
	return b.String()
}
