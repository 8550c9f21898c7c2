package importer

import (
	"strings"

	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
)

// Message renders the error for the organiser: "Line 12, column E (Téléphone): «0612» is
// not a Moroccan phone number…".
func (e RowError) Message(z *i18n.Localizer) string {
	msg := e.Problem(z)
	switch {
	case e.Column >= 0 && e.Header != "":
		return z.T("importer.error.at", "line", e.Line, "column", e.ColumnName(), "header", e.Header, "message", msg)
	case e.Column >= 0:
		return z.T("importer.error.at_column", "line", e.Line, "column", e.ColumnName(), "message", msg)
	default:
		return z.T("importer.error.at_line", "line", e.Line, "message", msg)
	}
}

// Detail renders the error without its line, for the error column of the rejected rows'
// file, where the row is right there: "Column E (Téléphone): …".
func (e RowError) Detail(z *i18n.Localizer) string {
	msg := e.Problem(z)
	switch {
	case e.Column >= 0 && e.Header != "":
		return z.T("importer.error.in_column", "column", e.ColumnName(), "header", e.Header, "message", msg)
	case e.Column >= 0:
		return z.T("importer.error.in_column_only", "column", e.ColumnName(), "message", msg)
	default:
		return msg
	}
}

// Problem renders what is wrong alone, without the line or the column, for a table that
// shows them in columns of their own.
func (e RowError) Problem(z *i18n.Localizer) string {
	return z.T(e.Key, localArgs(z, e.Args)...)
}

// Describe renders an error of Open, Mapping.Check or the store in the organiser's
// language; errors that are not ours are shown as they are.
func Describe(err error, z *i18n.Localizer) string {
	e, ok := apperr.As(err)
	if !ok {
		return err.Error()
	}
	if len(e.Fields) > 0 {
		parts := make([]string, len(e.Fields))
		for i, f := range e.Fields {
			parts[i] = z.T(f.Key, localArgs(z, f.Args)...)
		}
		return strings.Join(parts, " ")
	}
	return z.T(e.Key, localArgs(z, e.Args)...)
}

// localArgs translates argument values that are catalog keys of fields
// ("importer.field.phone", or several joined by commas).
func localArgs(z *i18n.Localizer, args []any) []any {
	out := make([]any, len(args))
	copy(out, args)
	for i := 1; i < len(out); i += 2 {
		s, ok := out[i].(string)
		if !ok || !strings.HasPrefix(s, "importer.field.") {
			continue
		}
		keys := strings.Split(s, ",")
		for j, k := range keys {
			keys[j] = "«" + z.T(k) + "»"
		}
		sep := ", "
		if z.Lang() == i18n.AR {
			sep = "، "
		}
		out[i] = strings.Join(keys, sep)
	}
	return out
}

// Describe says how the file named name was read, in z's language: its format, its sheet
// (XLSX) or its encoding and separator (CSV), and the line of its header row.
func (t *Table) Describe(z *i18n.Localizer, name string) string {
	if t.Format() == XLSX {
		return z.T("importer.summary.read_xlsx", "file", name, "sheet", t.Sheet(), "line", t.HeaderLine())
	}
	sep := string(t.Delimiter())
	if sep == "\t" {
		sep = "TAB"
	}
	return z.T("importer.summary.read_csv", "file", name, "encoding", t.Encoding(), "separator", sep, "line", t.HeaderLine())
}
