// Package audit describes the append-only record of who did what to which record: the
// entries, and the actor that the web layer puts in a request's context so the store can
// write the entry in the same transaction as the change.
package audit

import (
	"context"
	"time"
)

// Actor is who makes a change and from where.
type Actor struct {
	UserID int64 // 0 for the system or the command line
	Name   string
	IP     string
}

// System is the actor of changes made by Aswaq itself or from the command line.
var System = Actor{Name: "aswaq"}

type actorKey struct{}

// WithActor returns a context that carries the actor of the changes made with it.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx, or System when none was set.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return System
}

// Entry is one line of the audit log. Before and After are JSON documents of the values a
// decision changed (empty when there is nothing to show).
type Entry struct {
	ID         int64
	At         time.Time
	Actor      Actor
	Action     string // e.g. "user.invite", "grant.add", "user.deactivate"
	RecordType string // e.g. "user", "edition"
	RecordID   string
	RegionCode string // the region the record belongs to, when it belongs to one
	Before     string
	After      string
}

// Filter narrows a listing of the log.
type Filter struct {
	RecordType string
	RecordID   string
	ActorID    int64
	From, To   time.Time // inclusive bounds on At; zero means unbounded
	// Scope: AllRegions, or the entries of these regions plus those the viewer made.
	AllRegions bool
	Regions    []string
	ViewerID   int64
	Limit      int
	Offset     int
}

// The actions recorded in the log. Each has a label in the catalogs under
// "audit.action." with the dot replaced by an underscore.
const (
	UserCreate           = "user.create"
	UserInvite           = "user.invite"
	UserActivate         = "user.activate"
	UserDeactivate       = "user.deactivate"
	UserPasswordChange   = "user.password_change"
	UserPasswordReset    = "user.password_reset"
	UserInvitationAccept = "user.invitation_accept"
	GrantAdd             = "grant.add"
	GrantRemove          = "grant.remove"
	OrganisationCreate   = "organisation.create"
	OrganisationUpdate   = "organisation.update"
	OrganisationMerge    = "organisation.merge"
	ProductCreate        = "product.create"
	ProductUpdate        = "product.update"
	ProductDelete        = "product.delete"
	PhotoAdd             = "photo.add"
	PhotoRemove          = "photo.remove"
	EditionCreate        = "edition.create"
	EditionUpdate        = "edition.update"
	EditionStatus        = "edition.status"
	EditionDelete        = "edition.delete"
	TourCreate           = "tour.create"
	CallSave             = "call.save"
	ApplicationStart     = "application.start"
	ApplicationSubmit    = "application.submit"
	ApplicationWithdraw  = "application.withdraw"
	DocumentAdd          = "document.add"
	DocumentRemove       = "document.remove"
	SelectionPin         = "selection.pin"
	SelectionUnpin       = "selection.unpin"
	SelectionPublish     = "selection.publish"
	SelectionRefill      = "selection.refill"
	PersonAdd            = "person.add"
	PersonRemove         = "person.remove"
	EligibilitySet       = "application.eligibility"
	ReviewAssign         = "review.assign"
	ReviewSubmit         = "review.submit"
	ReviewConflict       = "review.conflict"
	PlanSave             = "plan.save"
	PlanPractical        = "plan.practical"
	PlanAssign           = "plan.assign"
	PlanPin              = "plan.pin"
	PlanUnpin            = "plan.unpin"
)

// Actions lists every action, so tests can check each has a label.
var Actions = []string{UserCreate, UserInvite, UserActivate, UserDeactivate, UserPasswordChange,
	UserPasswordReset, UserInvitationAccept, GrantAdd, GrantRemove, OrganisationCreate, OrganisationUpdate,
	OrganisationMerge, ProductCreate, ProductUpdate, ProductDelete, PhotoAdd, PhotoRemove,
	EditionCreate, EditionUpdate, EditionStatus, EditionDelete, TourCreate, CallSave, ApplicationStart, ApplicationSubmit,
	ApplicationWithdraw, DocumentAdd, DocumentRemove, SelectionPin, SelectionUnpin, SelectionPublish, SelectionRefill,
	PersonAdd, PersonRemove,
	EligibilitySet, ReviewAssign, ReviewSubmit, ReviewConflict,
	PlanSave, PlanPractical, PlanAssign, PlanPin, PlanUnpin}
