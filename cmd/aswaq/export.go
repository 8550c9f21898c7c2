package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
)

const exportSynopsis = "export organisations [--region CODE] [--format csv|xlsx] [--lang ar|fr|en] [--output FILE]"

// runExport writes the registry of organisations as CSV (UTF-8 with a byte-order mark)
// or XLSX (right to left in Arabic), with headers in the chosen language, to a file or to
// standard output. The file imports back as it is.
func runExport(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if err := checkKind("export", exportSynopsis, args, stdout); err != nil {
		return err
	}
	fs := newFlagSet("export organisations", exportSynopsis)
	var dbf dbFlags
	dbf.register(fs)
	region := fs.String("region", "", "export only the organisations of this region (code, e.g. 03)")
	format := fs.String("format", "", "csv or xlsx (default: from the --output file name, else csv)")
	lang := fs.String("lang", "ar", "language of the headers and values: ar, fr or en")
	output := fs.String("output", "", "file to write (default: standard output)")
	if err := parseFlags(fs, args[1:], 0, getenv, stdout); err != nil {
		return err
	}
	f := importer.Format(strings.ToLower(*format))
	if f == "" {
		f = importer.CSV
		if strings.EqualFold(filepath.Ext(*output), ".xlsx") {
			f = importer.XLSX
		}
	}
	if f != importer.CSV && f != importer.XLSX {
		return usagef("export organisations: --format must be csv or xlsx")
	}
	l, ok := reportLang(*lang)
	if !ok {
		return usagef("export organisations: --lang must be ar, fr or en")
	}
	st, err := dbf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkRegion(ctx, st, *region, "export organisations"); err != nil {
		return err
	}
	var regions []string
	if *region != "" {
		regions = []string{*region}
	}
	export := func(w io.Writer) (int, error) { return st.ExportRegistry(ctx, w, f, l, *region == "", regions) }
	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	z := bundle.For(l)
	if *output == "" || *output == "-" {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		n, err := export(bw)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			return oneLine(err)
		}
		fmt.Fprintln(stderr, z.T("importer.export.done", "count", z.Number(int64(n)), "file", "-"))
		return nil
	}
	n, err := writeFileAtomically(*output, func(w io.Writer) (int, error) {
		bw := bufio.NewWriterSize(w, 64<<10)
		n, err := export(bw)
		if err == nil {
			err = bw.Flush()
		}
		return n, err
	})
	if err != nil {
		return fmt.Errorf("writing %s: %v", *output, oneLine(err))
	}
	fmt.Fprintln(stdout, z.T("importer.export.done", "count", z.Number(int64(n)), "file", *output))
	return nil
}
