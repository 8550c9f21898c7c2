package outbox

import (
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/apperr"
)

func validEmail() Message {
	return Message{Channel: Email, Recipient: "amal@coop.ma", RecipientName: "تعاونية الأمل", Lang: "AR",
		Kind: "invitation", Subject: "دعوة", Body: "مرحبا"}
}

func TestValidateAcceptsAndNormalises(t *testing.T) {
	m := validEmail()
	m.Recipient = "  amal@coop.ma "
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.Recipient != "amal@coop.ma" || m.Lang != "ar" {
		t.Fatalf("not normalised: %+v", m)
	}
	sms := Message{Channel: SMS, Recipient: "+212612345678", Lang: "fr", Kind: "reminder", Body: "Rappel"}
	if err := sms.Validate(); err != nil {
		t.Fatalf("SMS without subject: %v", err)
	}
}

func TestValidateRefuses(t *testing.T) {
	cases := map[string]struct {
		spoil func(m *Message)
		field string
	}{
		"no channel":          {func(m *Message) { m.Channel = "" }, "channel"},
		"address with name":   {func(m *Message) { m.Recipient = "Amal <amal@coop.ma>" }, "recipient"},
		"no domain dot":       {func(m *Message) { m.Recipient = "amal@localhost" }, "recipient"},
		"two addresses":       {func(m *Message) { m.Recipient = "a@coop.ma,b@coop.ma" }, "recipient"},
		"phone for email":     {func(m *Message) { m.Recipient = "+212612345678" }, "recipient"},
		"email for SMS":       {func(m *Message) { m.Channel = SMS }, "recipient"},
		"local phone for SMS": {func(m *Message) { m.Channel, m.Recipient = SMS, "0612345678" }, "recipient"},
		"no subject":          {func(m *Message) { m.Subject = "  " }, "subject"},
		"header injection":    {func(m *Message) { m.Subject = "Hi\r\nBcc: all@x.ma" }, "subject"},
		"name injection":      {func(m *Message) { m.RecipientName = "A\nBcc: all@x.ma" }, "recipient_name"},
		"empty body":          {func(m *Message) { m.Body = "\n" }, "body"},
		"unknown language":    {func(m *Message) { m.Lang = "de" }, "lang"},
		"no kind":             {func(m *Message) { m.Kind = "" }, "kind"},
		"kind with spaces":    {func(m *Message) { m.Kind = "password reset" }, "kind"},
	}
	for name, c := range cases {
		m := validEmail()
		c.spoil(&m)
		e, ok := apperr.As(m.Validate())
		if !ok || e.Code != apperr.Invalid {
			t.Errorf("%s: got %v, want an invalid-input error", name, m.Validate())
			continue
		}
		found := false
		for _, f := range e.Fields {
			found = found || f.Field == c.field
		}
		if !found {
			t.Errorf("%s: fields %+v, want %s", name, e.Fields, c.field)
		}
	}
}

func TestStatusIsDerived(t *testing.T) {
	var m Message
	if m.Status() != Pending {
		t.Fatal(m.Status())
	}
	m.FailedAt = time.Now()
	if m.Status() != Failed {
		t.Fatal(m.Status())
	}
	m.FailedAt, m.SentAt = time.Time{}, time.Now()
	if m.Status() != Sent {
		t.Fatal(m.Status())
	}
}
