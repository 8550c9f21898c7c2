package web

import (
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/mltext"
	"github.com/aswaq/aswaq/internal/org"
	"github.com/aswaq/aswaq/internal/taxonomy"
)

// orgFromForm reads the organisation form. Values that cannot be read (a count that is not
// a number, a date that is not a date) become field errors on f, and the form keeps what
// was typed so nothing is lost.
func orgFromForm(r *http.Request, f *form, id int64) org.Organisation {
	r.ParseForm()
	v := r.PostForm
	o := org.Organisation{
		ID:        id,
		LegalForm: org.LegalForm(v.Get("legal_form")),
		Name:      mltext.Text{AR: v.Get("name_ar"), FR: v.Get("name_fr"), ZGH: v.Get("name_zgh")},
		Identifiers: org.Identifiers{ICE: v.Get("ice"), RegisterNumber: v.Get("register_number"),
			RegisterCourt: v.Get("register_court"), ReceiptNumber: v.Get("receipt_number")},
		ProvinceCode: v.Get("province"),
		Contact: org.Contact{Address: v.Get("address"), Phone: v.Get("phone"), WhatsApp: v.Get("whatsapp") == "1",
			Phone2: v.Get("phone2"), Email: v.Get("email"), Website: v.Get("website"), Facebook: v.Get("facebook"),
			Instagram: v.Get("instagram"), PhonePublic: v.Get("phone_public") == "1", EmailPublic: v.Get("email_public") == "1",
			AddressPublic: v.Get("address_public") == "1", LinksPublic: v.Get("links_public") == "1"},
		WomenLed:     v.Get("women_led") == "1",
		YouthLed:     v.Get("youth_led") == "1",
		Sector:       taxonomy.Sector(v.Get("sector")),
		Categories:   v["categories"],
		FoodSafetyNo: v.Get("food_safety_no"),
		Description:  mltext.Text{AR: v.Get("description_ar"), FR: v.Get("description_fr")},
		Status:       org.Status(v.Get("status")),
	}
	for _, p := range v["programmes"] {
		o.Programmes = append(o.Programmes, taxonomy.Programme(p))
	}
	o.Identifiers.ReceiptDate = formDate(f, "receipt_date", v.Get("receipt_date"))
	o.FoundedOn = formDate(f, "founded_on", v.Get("founded_on"))
	o.Members.Women = formCount(f, "members_women", v.Get("members_women"))
	o.Members.Men = formCount(f, "members_men", v.Get("members_men"))
	o.Members.Under35 = formCount(f, "members_under_35", v.Get("members_under_35"))
	return o
}

// orgValues fills a form from a stored organisation, for editing.
func orgValues(o org.Organisation) *form {
	f := newForm()
	set := func(k, v string) { f.Values[k] = v }
	flag := func(k string, b bool) {
		if b {
			f.Values[k] = "1"
		}
	}
	set("legal_form", string(o.LegalForm))
	set("name_ar", o.Name.AR)
	set("name_fr", o.Name.FR)
	set("name_zgh", o.Name.ZGH)
	set("ice", o.Identifiers.ICE)
	set("register_number", o.Identifiers.RegisterNumber)
	set("register_court", o.Identifiers.RegisterCourt)
	set("receipt_number", o.Identifiers.ReceiptNumber)
	if !o.Identifiers.ReceiptDate.IsZero() {
		set("receipt_date", o.Identifiers.ReceiptDate.String())
	}
	if !o.FoundedOn.IsZero() {
		set("founded_on", o.FoundedOn.String())
	}
	set("province", o.ProvinceCode)
	c := o.Contact
	set("address", c.Address)
	set("phone", c.Phone)
	set("phone2", c.Phone2)
	set("email", c.Email)
	set("website", c.Website)
	set("facebook", c.Facebook)
	set("instagram", c.Instagram)
	flag("whatsapp", c.WhatsApp)
	flag("phone_public", c.PhonePublic)
	flag("email_public", c.EmailPublic)
	flag("address_public", c.AddressPublic)
	flag("links_public", c.LinksPublic)
	flag("women_led", o.WomenLed)
	flag("youth_led", o.YouthLed)
	for k, n := range map[string]int{"members_women": o.Members.Women, "members_men": o.Members.Men, "members_under_35": o.Members.Under35} {
		if n != 0 {
			set(k, strconv.Itoa(n))
		}
	}
	set("sector", string(o.Sector))
	set("food_safety_no", o.FoodSafetyNo)
	set("description_ar", o.Description.AR)
	set("description_fr", o.Description.FR)
	set("status", string(o.Status))
	f.Multi = map[string][]string{"categories": o.Categories}
	for _, p := range o.Programmes {
		f.Multi["programmes"] = append(f.Multi["programmes"], string(p))
	}
	return f
}
