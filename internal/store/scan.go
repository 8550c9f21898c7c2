package store

import (
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/platform/db"
)

// Short names for the shared scans, kept while the queries that use them still live here.
type (
	querier = db.Querier
	scanner = db.Scanner
)

var (
	dateCol      = db.ScanDate
	optDateCol   = db.ScanOptDate
	intCol       = db.ScanInt
	timeCol      = db.ScanTime
	dateArg      = db.DateArg
	optInt       = db.OptInt
	optDate      = db.OptDateArg
	dbTime       = db.TimeArg
	queryStrings = db.Strings
	eachRow      = db.Each
)

// casablanca is the zone in which "today" is reckoned.
var casablanca = civil.Casablanca
