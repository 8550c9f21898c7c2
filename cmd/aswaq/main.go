// Command aswaq runs the Aswaq platform and its maintenance tasks. See `aswaq help`.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in how the command was called: exit code 2, as is customary.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errHelp means help was printed on request: exit code 0.
var errHelp = errors.New("help requested")

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "aswaq: %s\nRun 'aswaq help' for usage.\n", ue.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "aswaq: %s\n", err)
		return 1
	}
}
