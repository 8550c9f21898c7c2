package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/web"
)

// newFlagSet returns a flag set that reports errors instead of printing them and exiting,
// and whose help lists the environment variable of each flag.
func newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags reports errors itself, in one line
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: aswaq %s\n\n", synopsis)
		fs.VisitAll(func(f *flag.Flag) {
			def := ""
			if f.DefValue != "" && f.DefValue != "false" {
				def = fmt.Sprintf(" (default %q)", f.DefValue)
			}
			fmt.Fprintf(out, "  --%-8s %s%s [%s]\n", f.Name, f.Usage, def, envName(f.Name))
		})
	}
	return fs
}

// parseFlags applies ASWAQ_* variables first and the command line second, so a flag given
// on the command line wins over the environment. At most maxArgs arguments may follow the
// flags.
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int, getenv env, stdout io.Writer) error {
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		if v := getenv(envName(f.Name)); v != "" && envErr == nil {
			if err := fs.Set(f.Name, v); err != nil {
				envErr = usagef("%s=%q: %v", envName(f.Name), v, err)
			}
		}
	})
	if envErr != nil {
		return envErr
	}
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return errHelp
	case err != nil:
		return usagef("%s: %v", fs.Name(), err)
	case fs.NArg() > maxArgs:
		return usagef("%s: unexpected argument %q", fs.Name(), fs.Arg(maxArgs))
	}
	return nil
}

// dbFlags are the flags of every command that opens the database.
type dbFlags struct {
	data string
	db   string
}

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", "./aswaq-data", "folder for the SQLite database and uploaded files (created if missing)")
	fs.StringVar(&f.db, "db", "", "database: a SQLite file path or a postgres:// URL (default: aswaq.db in the data folder)")
}

// open prepares the data folder, opens the database and, when migrate is set, brings its
// schema up to date.
func (f *dbFlags) open(ctx context.Context, migrate bool) (*store.Store, error) {
	if err := prepareDataDir(f.data); err != nil {
		return nil, err
	}
	dsn := f.db
	if dsn == "" {
		dsn = filepath.Join(f.data, "aswaq.db")
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, oneLine(err)
	}
	if !migrate {
		return st, nil
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	// Every command that writes indexes records with the names of categories, sectors and
	// legal forms in every language; an index built otherwise is rebuilt here.
	bundle, err := i18n.Load()
	if err != nil {
		st.Close()
		return nil, err
	}
	st.Catalogue().SetSearchLabels(web.SearchLabels(bundle))
	if _, err := st.Catalogue().EnsureSearchIndex(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("building the search index: %w", err)
	}
	return st, nil
}

// prepareDataDir creates the data folder and proves it is writable now, rather than
// failing at the first upload.
func prepareDataDir(dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("data folder %s cannot be created: %v", dir, unwrapPathError(err))
	}
	probe, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("data folder %s is not writable: %v", dir, unwrapPathError(err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// oneLine keeps an error to one line for the terminal.
func oneLine(err error) error {
	return errors.New(strings.Join(strings.Fields(err.Error()), " "))
}
