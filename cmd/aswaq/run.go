package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// env reads an environment variable; tests pass their own.
type env func(string) string

// command is one subcommand of aswaq.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":   {"run the web server", runServe},
		"migrate": {"apply database migrations (up) or list them (status)", runMigrate},
		"demo":    {"load the demonstration data into an empty database", runDemo},
		"version": {"print the version", runVersion},
		"user":    {"add a user (the first admin, say) and print their one-time link", runUser},
		"import":  {"import a registry of organisations from a CSV or XLSX file", runImport},
		"export":  {"export the registry of organisations as CSV or XLSX", runExport},
		"select":  {"choose exhibitors under quotas: a JSON problem in, the proven best selection out", runSelect},
	}
}

// run is the whole program behind main, without globals, so tests call it directly.
func run(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printUsage(stderr)
		return usagef("no command given")
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			if _, ok := commands()[rest[0]]; ok {
				return run(ctx, []string{rest[0], "-h"}, getenv, stdout, stderr)
			}
		}
		printUsage(stdout)
		return nil
	}
	cmd, ok := commands()[name]
	if !ok {
		return usagef("unknown command %q", name)
	}
	return cmd.run(ctx, rest, getenv, stdout, stderr)
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Aswaq runs social and solidarity economy fairs and mobile markets.")
	fmt.Fprintln(w, "\nUsage: aswaq <command> [flags]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'aswaq help <command>' for a command's flags. Every flag can also be set by")
	fmt.Fprintln(w, "an environment variable: ASWAQ_ and the flag name in capitals (ASWAQ_ADDR, ASWAQ_DB…).")
}

// envName is the variable that sets a flag: --data → ASWAQ_DATA.
func envName(flag string) string {
	return "ASWAQ_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}
