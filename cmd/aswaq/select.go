package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/aswaq/aswaq/internal/selection"
)

// runSelect solves a selection problem given as JSON (the contract is documented in
// package selection) and writes the result as JSON. Malformed input is a usage error:
// a message on standard error, exit code 2, nothing on standard output.
func runSelect(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	return runSelectFrom(os.Stdin, args, getenv, stdout, stderr)
}

func runSelectFrom(stdin io.Reader, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := newFlagSet("select", "select [FILE]   (the problem as JSON; standard input when FILE is absent or -)")
	if err := parseFlags(fs, args, 1, getenv, stdout); err != nil {
		return err
	}
	in := stdin
	if name := fs.Arg(0); name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("select: %w", err)
		}
		defer f.Close()
		in = f
	}
	problem, err := selection.Decode(in)
	if err != nil {
		if errors.Is(err, selection.ErrInvalid) {
			return usagef("select: %v", err)
		}
		return fmt.Errorf("select: %w", err)
	}
	result, err := selection.Solve(problem, nil)
	if err != nil {
		return fmt.Errorf("select: %w", err)
	}
	return selection.Encode(stdout, result)
}
