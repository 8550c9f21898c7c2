package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

func runMigrate(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", "migrate [--data DIR] [--db URL] [up|status]")
	var dbf dbFlags
	dbf.register(fs)
	if err := parseFlags(fs, args, 1, getenv, stdout); err != nil {
		return err
	}
	action := fs.Arg(0)
	if action == "" {
		action = "up"
	}
	if action != "up" && action != "status" {
		return usagef("migrate: unknown action %q (use up or status)", action)
	}
	st, err := dbf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if action == "up" {
		n, err := st.Migrate(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d migration(s) applied; the %s database is up to date.\n", n, st.Engine())
		return nil
	}
	status, err := st.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tMIGRATION\tAPPLIED")
	for _, m := range status {
		applied := "pending"
		if m.Applied {
			applied = m.AppliedAt.UTC().Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\n", m.Version, m.Name, applied)
	}
	return tw.Flush()
}
