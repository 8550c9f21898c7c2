package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/token"
)

// invitationLifetime matches the web's: the printed link works for two weeks.
const cliInvitationLifetime = 14 * 24 * time.Hour

func runUser(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(stdout, "Usage: aswaq user add --email ADDRESS|--phone NUMBER --name NAME --role ROLE [--region CODE|--edition ID|--organisation ID] [--lang ar|fr|en|zgh] [--base-url URL]")
			return errHelp
		}
		return usagef("user: use 'aswaq user add …'")
	}
	fs := newFlagSet("user add", "user add --email ADDRESS|--phone NUMBER --name NAME --role ROLE [scope flags]")
	var dbf dbFlags
	dbf.register(fs)
	email := fs.String("email", "", "the person's email address")
	phone := fs.String("phone", "", "the person's Moroccan mobile number")
	name := fs.String("name", "", "the person's full name (default: the part of the email before @)")
	role := fs.String("role", "", "admin, organiser, partner, reviewer, field_agent or exhibitor")
	region := fs.String("region", "", "region code, for organisers and partners (e.g. 03)")
	edition := fs.Int64("edition", 0, "edition id, for reviewers and field agents")
	organisation := fs.Int64("organisation", 0, "organisation id, for exhibitor representatives")
	lang := fs.String("lang", "ar", "the language the person reads: ar, fr, en or zgh")
	baseURL := fs.String("base-url", "http://127.0.0.1:8080", "the site's public address, for the link")
	if err := parseFlags(fs, args[1:], 0, getenv, stdout); err != nil {
		return err
	}
	r := account.Role(*role)
	if !r.Valid() {
		return usagef("user add: --role must be one of admin, organiser, partner, reviewer, field_agent, exhibitor")
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usagef("user add: --lang must be ar, fr, en or zgh")
	}
	if *name == "" && *email != "" {
		*name = strings.SplitN(*email, "@", 2)[0]
	}
	st, err := dbf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	u := account.User{Name: *name, Email: *email, Phone: *phone, Lang: l}
	g := account.Grant{Role: r, RegionCode: *region, EditionID: *edition, OrganisationID: *organisation}
	tok, hash := token.New()
	if err := st.Accounts().Invite(ctx, &u, g, hash, time.Now().Add(cliInvitationLifetime), nil); err != nil {
		return fmt.Errorf("user add: %s", describe(err, i18n.EN))
	}
	fmt.Fprintf(stdout, "User %d (%s) created as %s.\nThis one-time link lets them choose a password (valid 14 days):\n%s/%s/invitation/%s\n",
		u.ID, u.Contact(), r, strings.TrimRight(*baseURL, "/"), l, tok)
	return nil
}
