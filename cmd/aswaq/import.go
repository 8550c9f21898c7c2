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
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
)

// maxListedErrors is how many row errors the summary lists before giving a count.
const maxListedErrors = 20

const importSynopsis = "import organisations FILE [--region CODE] [--dry-run] [--lang ar|fr|en] [--rejected FILE.xlsx]"

// runImport reads a registry of organisations from a CSV or XLSX file and stores its valid
// rows in one transaction. Rejected rows are reported (and written to --rejected), not
// fatal: the exit code is 1 only when the file itself is refused or the database fails.
func runImport(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if err := checkKind("import", importSynopsis, args, stdout); err != nil {
		return err
	}
	fs := newFlagSet("import organisations", importSynopsis)
	var dbf dbFlags
	dbf.register(fs)
	region := fs.String("region", "", "import only the rows of this region (code, e.g. 03); records of other regions are left alone")
	dryRun := fs.Bool("dry-run", false, "check everything and print the summary, but store nothing")
	lang := fs.String("lang", "ar", "language of the summary and of the rejected rows: ar, fr or en")
	rejectedPath := fs.String("rejected", "", "write the rejected rows and their errors to this .xlsx file, to correct and import again")
	pos, err := parseInterspersed(fs, args[1:], getenv, stdout)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("import organisations: give the file to import")
	case len(pos) > 1:
		return usagef("import organisations: unexpected argument %q", pos[1])
	}
	path := pos[0]
	l, ok := reportLang(*lang)
	if !ok {
		return usagef("import organisations: --lang must be ar, fr or en")
	}
	if *rejectedPath != "" && !strings.EqualFold(filepath.Ext(*rejectedPath), ".xlsx") {
		return usagef("import organisations: --rejected must name an .xlsx file")
	}
	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	z := bundle.For(l)

	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot open %s: %v", path, unwrapPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a folder, not a file", path)
	}
	t, err := importer.Open(f, info.Size())
	if err != nil {
		return fmt.Errorf("%s: %s", path, importer.Describe(err, z))
	}
	defer t.Close()

	st, err := dbf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkRegion(ctx, st, *region, "import organisations"); err != nil {
		return err
	}
	m := t.Propose()
	if err := m.Check(t.Headers()); err != nil {
		return fmt.Errorf("%s: %s", path, importer.Describe(err, z))
	}
	printFileInfo(stdout, z, filepath.Base(path), t, m)

	p := newProgress(stderr, z)
	rep, err := st.ImportFile(ctx, t, m, store.FileImport{
		ImportOptions: store.ImportOptions{Region: *region, DryRun: *dryRun, Source: filepath.Base(path)},
		Cells:         *rejectedPath != "",
		Progress:      p.update,
	})
	p.finish()
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return fmt.Errorf("%s: %s", path, importer.Describe(err, z))
		}
		return oneLine(err)
	}
	rejected := rep.Rejected
	printSummary(stdout, z, rep.Counts, rep.Summary, rep.Errors())

	if *rejectedPath != "" && len(rejected) > 0 {
		n, err := writeFileAtomically(*rejectedPath, func(w io.Writer) (int, error) { return t.WriteRejected(w, m, rejected, z) })
		if err != nil {
			return fmt.Errorf("writing %s: %v", *rejectedPath, err)
		}
		fmt.Fprintln(stdout, z.T("importer.summary.rejected_file", "count", z.Number(int64(n)), "file", *rejectedPath))
	}
	return nil
}

// checkKind checks the word after import or export.
func checkKind(cmd, synopsis string, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usagef("%s: say what to %s: aswaq %s", cmd, cmd, synopsis)
	}
	switch args[0] {
	case "organisations", "organizations":
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(stdout, "Usage: aswaq %s\nRun 'aswaq %s organisations --help' for the flags.\n", synopsis, cmd)
		return errHelp
	}
	return usagef("%s: unknown kind %q: only organisations can be %sed", cmd, args[0], cmd)
}

// reportLang accepts the languages the summary and files can be written in.
func reportLang(s string) (i18n.Lang, bool) {
	l, ok := i18n.Parse(s)
	return l, ok && l != i18n.ZGH
}

// checkRegion refuses an unknown region code as a usage error.
func checkRegion(ctx context.Context, st *store.Store, region, cmd string) error {
	if region == "" {
		return nil
	}
	regions, err := st.Reference().Regions(ctx)
	if err != nil {
		return err
	}
	for _, r := range regions {
		if r.Code == region {
			return nil
		}
	}
	return usagef("%s: --region %q is not a region code (01 to 12)", cmd, region)
}

// parseInterspersed parses flags that may come before or after the positional arguments
// ("import organisations FILE --dry-run"), and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string, getenv env, stdout io.Writer) ([]string, error) {
	if err := parseFlags(fs, args, len(args), getenv, stdout); err != nil {
		return nil, err
	}
	var pos []string
	for fs.NArg() > 0 {
		pos = append(pos, fs.Arg(0))
		err := fs.Parse(fs.Args()[1:])
		switch {
		case errors.Is(err, flag.ErrHelp):
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, errHelp
		case err != nil:
			return nil, usagef("%s: %v", fs.Name(), err)
		}
	}
	return pos, nil
}

func printFileInfo(w io.Writer, z *i18n.Localizer, name string, t *importer.Table, m importer.Mapping) {
	fmt.Fprintln(w, t.Describe(z, name))
	var cols []string
	for i, f := range m.Columns {
		if f == importer.Ignore {
			continue
		}
		cols = append(cols, fmt.Sprintf("%s %s → %s", importer.ColumnName(i), strings.TrimSpace(t.Headers()[i]), z.T(f.LabelKey())))
	}
	sep := "; "
	if z.Lang() == i18n.AR {
		sep = "؛ "
	}
	fmt.Fprintln(w, z.T("importer.summary.columns", "columns", strings.Join(cols, sep)))
}

func printSummary(w io.Writer, z *i18n.Localizer, c importer.Counts, sum store.ImportSummary, errs []importer.RowError) {
	num := func(n int) string { return z.Number(int64(n)) }
	fmt.Fprintln(w, z.T("importer.summary.counts", "read", num(c.Read), "empty", num(c.Empty)))
	fmt.Fprintln(w, z.T("importer.summary.result", "created", num(sum.Created), "updated", num(sum.Updated),
		"unchanged", num(sum.Unchanged), "rejected", num(c.Rejected+sum.RejectedRows())))
	if sum.Ambiguous > 0 {
		fmt.Fprintln(w, z.T("importer.summary.ambiguous", "count", num(sum.Ambiguous)))
	}
	if len(sum.Flagged) > 0 {
		fmt.Fprintln(w, z.T("importer.summary.flagged", "count", num(len(sum.Flagged))))
		for _, f := range sum.Flagged[:min(len(sum.Flagged), maxListedErrors)] {
			others := make([]string, len(f.Others))
			for i, o := range f.Others {
				others[i] = fmt.Sprint(o)
			}
			fmt.Fprintln(w, "  "+z.T("importer.summary.flag_line", "line", f.Line, "id", f.ID, "others", strings.Join(others, ", ")))
		}
	}
	if len(errs) > 0 {
		fmt.Fprintln(w, z.T("importer.summary.errors"))
		for _, e := range errs[:min(len(errs), maxListedErrors)] {
			fmt.Fprintln(w, "  "+e.Message(z))
		}
		if len(errs) > maxListedErrors {
			fmt.Fprintln(w, "  "+z.T("importer.summary.more_errors", "count", num(len(errs)-maxListedErrors)))
		}
	}
	if sum.DryRun {
		fmt.Fprintln(w, z.T("importer.summary.dry_run"))
	}
}

// writeFileAtomically writes path through a temporary file in the same folder, so that a
// failure never leaves half a file behind.
func writeFileAtomically(path string, write func(io.Writer) (int, error)) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, unwrapPathError(err)
	}
	n, err := write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, err
	}
	return n, nil
}

// progress shows how far an import has read: a bar redrawn in place on a terminal, a
// line every tenth (or every 10,000 rows when the size is not known) otherwise.
type progress struct {
	w         io.Writer
	z         *i18n.Localizer
	tty       bool
	last      time.Time
	lastTenth int
	lastRows  int
	drawn     bool
}

func newProgress(w io.Writer, z *i18n.Localizer) *progress {
	return &progress{w: w, z: z, tty: isTerminal(w), lastTenth: -1}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(rows int, done float64) {
	text := p.z.T("importer.progress", "rows", p.z.Number(int64(rows)))
	if p.tty {
		if time.Since(p.last) < 100*time.Millisecond && done < 1 {
			return
		}
		p.last = time.Now()
		p.drawn = true
		if done < 0 {
			fmt.Fprintf(p.w, "\r%s", text)
			return
		}
		const width = 30
		filled := int(done * width)
		fmt.Fprintf(p.w, "\r[%s%s] %3d%% %s", strings.Repeat("#", filled), strings.Repeat("-", width-filled), int(done*100), text)
		return
	}
	switch {
	case done >= 0:
		tenth := int(done * 10)
		if tenth == p.lastTenth {
			return
		}
		p.lastTenth = tenth
		fmt.Fprintf(p.w, "aswaq import: %d%% (%s)\n", tenth*10, text)
	case rows-p.lastRows >= 10000:
		p.lastRows = rows
		fmt.Fprintf(p.w, "aswaq import: %s\n", text)
	}
}

func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}
