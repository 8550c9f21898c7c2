package org

// Photo is one photo of an organisation or a product, by the names of its renditions.
type Photo struct {
	ID            int64
	OwnerType     string // "organisation" or "product"
	OwnerID       int64
	Width, Height int // of the upright original
	Thumb         string
	Medium        string
	Large         string
}

// The kinds of owner a photo can have.
const (
	PhotoOfOrganisation = "organisation"
	PhotoOfProduct      = "product"
)
