package webkit

import (
	"net/url"
	"strconv"
)

// Forms with repeated groups of fields (partners, spaces, quotas…) work without
// JavaScript: the form carries GROUP.rows, the number of rows shown, and an "add rows"
// button posts the form back with SpareRows more.

// SpareRows is how many empty rows a group shows beyond those filled.
const SpareRows = 2

// maxRows bounds a group, so a crafted request cannot make the server loop long.
const maxRows = 50

// RowCount is how many rows of a repeated group the form sent.
func RowCount(v url.Values, group string) int {
	n, _ := strconv.Atoi(v.Get(group + ".rows"))
	return min(max(n, 0), maxRows)
}

// GrowRows adds spare rows to every group, when the user asks for more.
func GrowRows(f *Form, groups []string) {
	for _, g := range groups {
		n, _ := strconv.Atoi(f.Get(g + ".rows"))
		f.Values[g+".rows"] = strconv.Itoa(min(max(n, 0)+SpareRows, maxRows))
	}
}

// Rows numbers the rows of a group for the template: 1…n.
func (f *Form) Rows(group string) []int {
	out := make([]int, RowCount(url.Values{group + ".rows": {f.Get(group + ".rows")}}, group))
	for i := range out {
		out[i] = i + 1
	}
	return out
}
