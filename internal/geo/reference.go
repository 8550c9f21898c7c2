package geo

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// referenceCSV is a copy of the national reference list (region and province codes with
// Arabic and French names). The reference-data migration is generated from it, and tests
// compare the migrated database with it.
//
//go:embed morocco-admin.csv
var referenceCSV string

// Reference returns the regions and provinces of the embedded reference list, in file order.
func Reference() ([]Region, []Prov) {
	regions, provinces, err := ParseCSV(strings.NewReader(referenceCSV))
	if err != nil {
		panic("geo: embedded reference list is invalid: " + err.Error())
	}
	return regions, provinces
}

// ParseCSV reads the reference list format:
// region_code,region_fr,region_ar,province_code,province_fr,province_ar,kind.
func ParseCSV(r io.Reader) ([]Region, []Prov, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 7
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("reading header: %w", err)
	}
	if header[0] != "region_code" || header[3] != "province_code" || header[6] != "kind" {
		return nil, nil, fmt.Errorf("unexpected header %q", header)
	}
	var regions []Region
	var provinces []Prov
	seenRegion := map[string]bool{}
	seenProvince := map[string]bool{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		kind := ProvinceKind(rec[6])
		if kind != Prefecture && kind != Province {
			return nil, nil, fmt.Errorf("province %s: unknown kind %q", rec[3], rec[6])
		}
		if !seenRegion[rec[0]] {
			seenRegion[rec[0]] = true
			regions = append(regions, Region{Code: rec[0], NameFR: rec[1], NameAR: rec[2]})
		}
		if seenProvince[rec[3]] {
			return nil, nil, fmt.Errorf("province %s listed twice", rec[3])
		}
		seenProvince[rec[3]] = true
		provinces = append(provinces, Prov{Code: rec[3], RegionCode: rec[0], NameFR: rec[4], NameAR: rec[5], Kind: kind})
	}
	return regions, provinces, nil
}
