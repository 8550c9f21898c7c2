package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aswaq/aswaq/internal/editions"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/application"
	"github.com/aswaq/aswaq/internal/audit"
	"github.com/aswaq/aswaq/internal/call"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/outbox"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// keyLiteral matches a string literal shaped like a catalog key ("area.name", whatever the
// area) in Go code or a template, with what comes just before it when that shows a form
// field's name; notAKey sorts out the few literals that are something else.
var keyLiteral = regexp.MustCompile(`(name=|Get[( ]|Values\[|set\()?"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`)

// fileName matches a literal that names a file ("layout.html", "content.xml", "aswaq.db").
var fileName = regexp.MustCompile(`\.(html|xml|json|csv|xlsx|xls|ods|db|png|jpe?g|gif|webp|svg|txt|pdf|ics|zip|go|sql)$`)

// notAKey says why a key-shaped literal is not a catalog key, or "" when it must be one.
// before is what keyLiteral saw just before it; actions are the audit actions' names, and
// known tells whether any catalog has a key.
func notAKey(lit, before string, actions map[string]bool, known func(string) bool) string {
	parts := strings.Split(lit, ".")
	switch {
	case fileName.MatchString(lit):
		return "a file name"
	case len(parts[0]) == 1:
		return "an SQL table alias (o.sector) or a dotted abbreviation (r.c): no catalog area is one letter"
	case before != "" || slices.ContainsFunc(parts, isDigits):
		return "a form field's name (partners.rows, partners.2.name_ar)"
	case strings.HasSuffix(lit, "_"):
		return "the stem of keys completed in code (mail.selection_ + a decision), listed in the test"
	case actions[lit] && !known(lit):
		return "an audit action, labelled as audit.action.<name> (listed in the test)"
	case lit == "vcs.revision" || lit == "vcs.modified":
		return "a Go build setting (runtime/debug)"
	}
	return ""
}

func isDigits(s string) bool { return strings.Trim(s, "0123456789") == "" }

// TestEveryKeyUsedExists reads the source of the whole program (internal and cmd) for
// catalog keys, whatever their area, and fails when one is missing from a catalog, so a
// typo never shows a raw key to a user.
func TestEveryKeyUsedExists(t *testing.T) {
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	known := func(key string) bool {
		return slices.ContainsFunc(i18n.All, func(l i18n.Lang) bool { return bundle.For(l).Has(key) })
	}
	actions := map[string]bool{store.AuditOrganisationImport: true}
	for _, a := range audit.Actions {
		actions[a] = true
	}
	used := map[string]string{}
	walk := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "i18n" { // its doc comments show made-up keys
			return filepath.SkipDir
		}
		if filepath.Base(p) == "audit.go" { // action names, labelled through audit.Actions below
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if strings.HasSuffix(p, "_test.go") || !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".html")) {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyLiteral.FindAllStringSubmatch(string(src), -1) {
			if notAKey(m[2], m[1], actions, known) == "" {
				used[m[2]] = p
			}
		}
		return nil
	}
	for _, root := range []string{"..", filepath.Join("..", "..", "cmd")} { // internal and cmd
		if err := filepath.WalkDir(root, walk); err != nil {
			t.Fatal(err)
		}
	}
	// Keys built from values: one per value.
	for _, k := range fair.Kinds {
		used["fairs.kind."+string(k)] = "fair.Kinds"
	}
	for _, st := range fair.Statuses {
		used["edition.status."+string(st)] = "fair.Statuses"
	}
	for _, st := range editions.Steps {
		for _, prefix := range []string{"edition.step.", "edition.effect.", "edition.flash.step."} {
			used[prefix+string(st)] = "editions.Steps"
		}
	}
	for _, r := range fair.PartnerRoles {
		used["fairs.role."+string(r)] = "fair.PartnerRoles"
		used["fairs.role_heading."+string(r)] = "fair.PartnerRoles"
	}
	for _, k := range fair.SpaceKinds {
		used["fairs.space."+string(k)] = "fair.SpaceKinds"
	}
	for _, k := range fair.GuestKinds {
		used["fairs.guest."+string(k)] = "fair.GuestKinds"
	}
	for _, ph := range []fair.Phase{fair.Upcoming, fair.Current, fair.Past} {
		used["fairs.phase."+string(ph)] = "fair.Phase"
	}
	for _, g := range []string{"partners", "spaces", "guests"} {
		used["edition.row."+g] = "edition_form.html"
	}
	for _, k := range []string{"partners_role", "spaces_kind", "guests_kind"} {
		used["edition.col."+k] = "edition_form.html"
	}
	for _, l := range []string{"ar", "fr", "zgh"} {
		used["edition.in_"+l] = "layout.html text-fields"
	}
	for _, st := range []string{"open", "not_yet", "closed"} {
		used["apply.state."+st] = "apply.html"
	}
	for _, st := range application.Statuses {
		used["application.status."+string(st)] = "application.Statuses"
	}
	for _, code := range []string{"selected", "selected_quota_min", "selected_pinned", "attr_max", "flag_max", "score_below_cutoff",
		"tie_break", "held_by_quota_min", "pinned_out", "infeasible", "limit", "ineligible", "refill",
		"displaced_by_pin", "attr_max_no_last", "flag_max_no_last"} {
		used["selection.reason."+code] = "selection reason codes"
	}
	for _, g := range application.Genders {
		used["people.gender."+string(g)] = "application.Genders"
	}
	for _, r := range application.PersonRoles {
		used["people.role."+string(r)] = "application.PersonRoles"
	}
	for _, d := range []string{"selected", "waitlisted", "excluded", "undecided"} {
		used["selection.decision."+d] = "selection decisions"
	}
	for _, st := range []string{"optimal", "infeasible", "limit"} {
		used["selection.state."+st] = "selection statuses"
	}
	for _, k := range []string{"seats", "quota_min", "quota_max", "pin_in", "pin_out"} {
		used["selection.constraint."+k] = "selection constraint kinds"
	}
	for _, side := range []string{"in", "out"} {
		used["selection.side."+side] = "selection pin sides"
		used["selection.pinned."+side] = "selection pin sides"
	}
	for _, k := range call.DocKinds {
		used["call.document."+string(k)] = "call.DocKinds"
	}
	for _, k := range call.QuestionKinds {
		used["call.question_kind."+string(k)] = "call.QuestionKinds"
	}
	for _, r := range call.Rules {
		used["call.rule."+string(r)] = "call.Rules"
	}
	for _, src := range []call.Source{call.ByReviewers, call.Computed} {
		used["call.source."+string(src)] = "call.Source"
	}
	for _, a := range call.QuotaAttrs {
		used["call.quota_attr."+a] = "call.QuotaAttrs"
	}
	for _, fl := range call.Flags {
		used["call.quota_flag."+fl] = "call.Flags"
	}
	for _, s := range taxonomy.Sectors {
		used["taxonomy.sector."+string(s)] = "taxonomy.Sectors"
	}
	for _, c := range taxonomy.Categories {
		used["taxonomy.category."+c.Code] = "taxonomy.Categories"
	}
	for _, p := range taxonomy.Programmes {
		used["taxonomy.programme."+string(p)] = "taxonomy.Programmes"
	}
	for _, u := range org.Units {
		used["org.unit."+string(u)] = "org.Units"
	}
	for _, f := range org.LegalForms {
		used["org.legal_form."+string(f)] = "org.LegalForms"
	}
	for _, r := range account.Roles {
		used["role."+string(r)] = "account.Roles"
	}
	for _, st := range []outbox.Status{outbox.Pending, outbox.Sent, outbox.Failed} {
		used["outbox."+string(st)] = "outbox page"
	}
	for _, st := range application.Statuses {
		used["review.status."+string(st)] = "application.Statuses"
	}
	for _, el := range application.Eligibilities {
		used["review.eligibility."+string(el)] = "application.Eligibilities"
	}
	for _, k := range call.DocKinds {
		used["review.document."+string(k)] = "call.DocKinds"
	}
	for _, r := range call.Rules {
		used["review.rule."+string(r)] = "call.Rules"
	}
	for _, f := range []string{"province", "sector", "legal_form", "status", "eligibility"} {
		used["review.filter."+f] = "review_admin.go appFilterNames"
	}
	for a := range actions {
		used["audit.action."+strings.ReplaceAll(a, ".", "_")] = "audit.Actions, store.AuditOrganisationImport"
	}
	for _, base := range []string{"mail.invitation", "mail.password_reset", "mail.application_receipt",
		"mail.selection_selected", "mail.selection_waitlisted", "mail.selection_not_selected",
		"mail.stand_new", "mail.stand_moved", "mail.stand_lost",
		"mail.eligibility_ineligible", "mail.eligibility_restored"} { // web.message
		delete(used, base) // a stem, not a key
		for _, part := range []string{".subject", ".body", ".sms"} {
			used[base+part] = "web.message"
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for key, where := range used {
		for _, l := range []i18n.Lang{i18n.AR, i18n.FR, i18n.EN} {
			if !bundle.For(l).Has(key) {
				t.Errorf("%s: key %q missing from the %s catalog", where, key, l)
			}
		}
	}
}
