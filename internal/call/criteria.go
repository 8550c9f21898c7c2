package call

import "github.com/aswaq/aswaq/internal/mltext"

// Source tells who scores a criterion.
type Source string

// Reviewers score a criterion on its scale; a computed one is read from the data.
const (
	ByReviewers Source = "reviewers"
	Computed    Source = "computed"
)

// Rule is what a computed criterion reads. Each gives full marks or none.
type Rule string

// The computed rules.
const (
	FirstParticipation   Rule = "first_participation" // never exhibited at an edition before
	WomenLed             Rule = "women_led"
	YouthLed             Rule = "youth_led"
	NeverBenefited       Rule = "never_benefited" // never selected for any fair
	FoodSafetyAuthorised Rule = "food_safety_authorised"
)

// Rules lists the computed rules in the order forms offer them.
var Rules = []Rule{FirstParticipation, WomenLed, YouthLed, NeverBenefited, FoodSafetyAuthorised}

// Criterion is one selection criterion with its weight. A reviewers' criterion is scored
// from 0 to Max; a computed one gives full marks when its rule holds.
type Criterion struct {
	Code   string
	Label  mltext.Text
	Weight int // relative weight, 1–100
	Source Source
	Max    int  // the top of the reviewers' scale
	Rule   Rule // for computed criteria
}
