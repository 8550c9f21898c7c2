package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/aswaq/aswaq/internal/demo"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/web"
)

func runServe(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--addr HOST:PORT] [--data DIR] [--db URL] [--demo] [--base-url URL] [--smtp-host HOST …]")
	var dbf dbFlags
	dbf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	withDemo := fs.Bool("demo", false, "load the demonstration data when the database is empty")
	baseURL := fs.String("base-url", "", "the site's public address, used in the links messages carry (default: http:// and --addr)")
	trustProxy := fs.Bool("trust-proxy", false, "take client addresses from X-Forwarded-For (only behind a reverse proxy)")
	var mailf mailFlags
	mailf.register(fs)
	if err := parseFlags(fs, args, 0, getenv, stdout); err != nil {
		return err
	}
	sender, err := mailf.sender()
	if err != nil {
		return err
	}
	if *baseURL == "" {
		*baseURL = "http://" + *addr
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	st, err := dbf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()

	// The outbox worker sends queued messages; without a mail server it stays idle and
	// messages wait in the outbox, shown on the admin page.
	mailer := outbox.NewWorker(st.Messages(), sender, log)
	background, stopBackground := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); mailer.Run(background) }()
	go func() { defer wg.Done(); maintain(background, st, log) }()
	defer func() { stopBackground(); wg.Wait() }() // let the send in flight be recorded before the store closes
	if sender != nil {
		log.Info("email enabled", "smtp", sender)
	} else {
		log.Info("no SMTP server configured: messages wait in the outbox")
	}

	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	if *withDemo {
		switch sum, err := demo.Load(ctx, st); {
		case errors.Is(err, demo.ErrNotEmpty):
			log.Info("database not empty: demo data not loaded")
		case err != nil:
			return fmt.Errorf("loading demo data: %w", err)
		default:
			log.Info("demo data loaded", "editions", sum.Editions, "organisations", sum.Organisations, "products", sum.Products, "photos", sum.Photos)
		}
	}
	srv, err := web.New(ctx, web.Config{Store: st, Bundle: bundle, Logger: log, Version: version(),
		BaseURL: *baseURL, TrustProxy: *trustProxy, OutboxNotify: mailer.Notify})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return oneLine(fmt.Errorf("cannot listen on %s: %w", *addr, err))
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "Aswaq %s listening on http://%s/ (database: %s)\n", version(), ln.Addr(), st.Engine())

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Finish the requests in flight, then stop: a deploy must not cut a cooperative's
	// upload in half.
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}
