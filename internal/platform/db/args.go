package db

import (
	"strconv"
	"strings"
)

// Args collects a query's arguments and numbers their placeholders ($1, $2…), the one
// syntax both engines bind, so that conditions built piece by piece never miscount.
type Args []any

// Add appends v and returns its placeholder.
func (a *Args) Add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// List appends every value and returns their placeholders separated by commas, for IN (…).
func List[T any](a *Args, vs []T) string {
	ph := make([]string, len(vs))
	for i, v := range vs {
		ph[i] = a.Add(v)
	}
	return strings.Join(ph, ", ")
}

// ProvinceInRegions is the condition that keeps rows whose province column col lies in one
// of regions: how an organiser's view is limited to the regions they organise. With no
// region it keeps nothing, so a forgotten scope fails closed. col is a constant of the
// calling code.
func ProvinceInRegions(a *Args, col string, regions []string) string {
	if len(regions) == 0 {
		return "1 = 0"
	}
	return col + " IN (SELECT code FROM provinces WHERE region_code IN (" + List(a, regions) + "))"
}

// RegionIn is the condition for a column that holds a region code directly.
func RegionIn(a *Args, col string, regions []string) string {
	if len(regions) == 0 {
		return "1 = 0"
	}
	return col + " IN (" + List(a, regions) + ")"
}

// Placeholders writes "$from, $from+1, …, $to", for an INSERT of many columns.
func Placeholders(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if i > from {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(i))
	}
	return b.String()
}
