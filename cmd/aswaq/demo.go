package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aswaq/aswaq/internal/demo"
)

func runDemo(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "demo [--data DIR] [--db URL]")
	var dbf dbFlags
	dbf.register(fs)
	if err := parseFlags(fs, args, 0, getenv, stdout); err != nil {
		return err
	}
	st, err := dbf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := demo.Load(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Demo data loaded into the %s database: %d editions, %d organisations, %d products, %d photos.\n",
		st.Engine(), sum.Editions, sum.Organisations, sum.Products, sum.Photos)
	return nil
}
