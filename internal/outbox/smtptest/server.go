// Package smtptest runs a small real SMTP server on the loopback interface for tests: it
// speaks EHLO, STARTTLS (optional), AUTH PLAIN (optional), MAIL, RCPT, DATA, RSET, NOOP and
// QUIT, keeps every message it accepts, and can refuse the next deliveries with a chosen
// reply, to test retries (4xx) and permanent failures (5xx). It is not a mail server: it
// delivers nothing and trusts its clients.
package smtptest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"fmt"
	"math/big"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// Options configure a Server. The zero value is a plain server without TLS or AUTH.
type Options struct {
	StartTLS    bool   // offer STARTTLS with a self-signed certificate (see RootCAs)
	ImplicitTLS bool   // speak TLS from the first byte, as on port 465
	Username    string // when set, AUTH PLAIN with Username and Password is required before MAIL
	Password    string
}

// Server is a running test SMTP server.
type Server struct {
	opts  Options
	ln    net.Listener
	tls   *tls.Config
	roots *x509.CertPool
	wg    sync.WaitGroup

	mu       sync.Mutex
	messages []Message
	failN    int
	failCode int
	failText string
	conns    map[net.Conn]struct{}
	closed   bool
}

// Message is one accepted message, as the server received it.
type Message struct {
	From     string   // MAIL FROM address
	To       []string // RCPT TO addresses
	Data     []byte   // the message as sent after DATA, dot-unstuffed, lines ending in \n
	AuthUser string   // the user the client authenticated as, if any
	TLS      bool     // whether the session was encrypted
}

// Start starts a server on 127.0.0.1 and stops it when the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{opts: opts, conns: map[net.Conn]struct{}{}}
	if opts.StartTLS || opts.ImplicitTLS {
		cert, roots, err := selfSigned()
		if err != nil {
			t.Fatal(err)
		}
		s.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		s.roots = roots
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if opts.ImplicitTLS {
		ln = tls.NewListener(ln, s.tls)
	}
	s.ln = ln
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Host is the address to connect to: 127.0.0.1.
func (s *Server) Host() string { return "127.0.0.1" }

// Port is the port the server listens on.
func (s *Server) Port() int { return s.ln.Addr().(*net.TCPAddr).Port }

// Addr is host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// RootCAs holds the server's self-signed certificate, for the client's tls.Config. It is nil
// for a server without TLS.
func (s *Server) RootCAs() *x509.CertPool { return s.roots }

// FailNext makes the server refuse the next n recipients (RCPT TO) with code and text, e.g.
// FailNext(2, 451, "4.7.1 greylisted, try later") or FailNext(1, 550, "5.1.1 no such user").
func (s *Server) FailNext(n, code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failN, s.failCode, s.failText = n, code, text
}

// Messages returns the messages accepted so far, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Close stops the server and ends open sessions.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.ln.Close()
	s.wg.Wait()
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			c.Close()
			return
		}
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() {
				s.mu.Lock()
				delete(s.conns, c)
				s.mu.Unlock()
				c.Close()
			}()
			c.SetDeadline(time.Now().Add(time.Minute))
			(&session{srv: s, conn: c, tls: s.opts.ImplicitTLS}).run()
		}()
	}
}

// refusal returns the reply to give a recipient, if FailNext asked for one.
func (s *Server) refusal() (code int, text string, refuse bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failN <= 0 {
		return 0, "", false
	}
	s.failN--
	return s.failCode, s.failText, true
}

func (s *Server) accept(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, m)
}

// session is one client connection.
type session struct {
	srv      *Server
	conn     net.Conn
	r        *textproto.Reader
	tls      bool
	authUser string
	greeted  bool
	from     string
	to       []string
	inTx     bool
}

func (ss *session) reply(format string, args ...any) {
	fmt.Fprintf(ss.conn, format+"\r\n", args...)
}

func (ss *session) run() {
	ss.r = textproto.NewReader(bufio.NewReader(ss.conn))
	ss.reply("220 smtptest ESMTP ready")
	for {
		line, err := ss.r.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			ss.ehlo(strings.ToUpper(verb) == "EHLO")
		case "STARTTLS":
			if ss.srv.tls == nil || ss.tls {
				ss.reply("502 5.5.1 STARTTLS not available")
				continue
			}
			ss.reply("220 2.0.0 go ahead")
			tc := tls.Server(ss.conn, ss.srv.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			ss.conn, ss.tls = tc, true
			ss.r = textproto.NewReader(bufio.NewReader(tc))
			ss.greeted, ss.authUser = false, ""
			ss.reset()
		case "AUTH":
			ss.auth(arg)
		case "MAIL":
			ss.mail(arg)
		case "RCPT":
			ss.rcpt(arg)
		case "DATA":
			if !ss.data() {
				return
			}
		case "RSET":
			ss.reset()
			ss.reply("250 2.0.0 reset")
		case "NOOP":
			ss.reply("250 2.0.0 ok")
		case "QUIT":
			ss.reply("221 2.0.0 bye")
			return
		default:
			ss.reply("502 5.5.2 command not implemented")
		}
	}
}

func (ss *session) reset() { ss.from, ss.to, ss.inTx = "", nil, false }

func (ss *session) ehlo(extended bool) {
	ss.greeted = true
	ss.reset()
	if !extended {
		ss.reply("250 smtptest")
		return
	}
	lines := []string{"smtptest", "8BITMIME", "ENHANCEDSTATUSCODES"}
	if ss.srv.tls != nil && !ss.tls {
		lines = append(lines, "STARTTLS")
	}
	// Like real servers, offer the password only over an encrypted session.
	if ss.srv.opts.Username != "" && ss.tls {
		lines = append(lines, "AUTH PLAIN")
	}
	for i, l := range lines {
		sep := "-"
		if i == len(lines)-1 {
			sep = " "
		}
		ss.reply("250%s%s", sep, l)
	}
}

func (ss *session) auth(arg string) {
	mech, initial, _ := strings.Cut(arg, " ")
	if ss.srv.opts.Username == "" || !ss.tls || !strings.EqualFold(mech, "PLAIN") {
		ss.reply("504 5.5.4 mechanism not available")
		return
	}
	if initial == "" {
		ss.reply("334 ")
		line, err := ss.r.ReadLine()
		if err != nil {
			return
		}
		initial = line
	}
	raw, err := base64.StdEncoding.DecodeString(initial)
	parts := strings.Split(string(raw), "\x00")
	if err != nil || len(parts) != 3 || parts[1] != ss.srv.opts.Username || parts[2] != ss.srv.opts.Password {
		ss.reply("535 5.7.8 authentication failed")
		return
	}
	ss.authUser = parts[1]
	ss.reply("235 2.7.0 authenticated")
}

// address takes the address out of "FROM:<a@b> PARAMS" or "TO:<a@b>".
func address(arg, prefix string) (string, bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", false
	}
	rest := strings.TrimSpace(arg[len(prefix):])
	if !strings.HasPrefix(rest, "<") {
		return "", false
	}
	addr, _, ok := strings.Cut(rest[1:], ">")
	return addr, ok
}

func (ss *session) mail(arg string) {
	switch {
	case !ss.greeted:
		ss.reply("503 5.5.1 say EHLO first")
		return
	case ss.srv.opts.Username != "" && ss.authUser == "":
		ss.reply("530 5.7.0 authentication required")
		return
	}
	from, ok := address(arg, "FROM:")
	if !ok {
		ss.reply("501 5.5.4 syntax: MAIL FROM:<address>")
		return
	}
	ss.reset()
	ss.from, ss.inTx = from, true
	ss.reply("250 2.1.0 sender ok")
}

func (ss *session) rcpt(arg string) {
	if !ss.inTx {
		ss.reply("503 5.5.1 need MAIL first")
		return
	}
	to, ok := address(arg, "TO:")
	if !ok {
		ss.reply("501 5.5.4 syntax: RCPT TO:<address>")
		return
	}
	if code, text, refuse := ss.srv.refusal(); refuse {
		ss.reply("%d %s", code, text)
		return
	}
	ss.to = append(ss.to, to)
	ss.reply("250 2.1.5 recipient ok")
}

// data reads a message; it returns false when the connection broke.
func (ss *session) data() bool {
	if !ss.inTx || len(ss.to) == 0 {
		ss.reply("503 5.5.1 need RCPT first")
		return true
	}
	ss.reply("354 end data with <CR><LF>.<CR><LF>")
	body, err := ss.r.ReadDotBytes()
	if err != nil {
		return false
	}
	ss.srv.accept(Message{From: ss.from, To: ss.to, Data: body, AuthUser: ss.authUser, TLS: ss.tls})
	ss.reset()
	ss.reply("250 2.0.0 queued")
	return true
}

// selfSigned makes a certificate for 127.0.0.1 and localhost, and a pool that trusts it.
func selfSigned() (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "smtptest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool, nil
}
