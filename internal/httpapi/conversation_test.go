package httpapi

import (
	"fmt"
	"slices"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// TestConversationCustomerZones checks that a conversation comes with the customer's possible
// time zones, found from the phone or the country when the transcript names no zone.
func TestConversationCustomerZones(t *testing.T) {
	h := newHarness(t)
	admin := h.tokenFor(h.addUser(qa.RoleAdmin, "admin@example.com", ""))
	tests := []struct {
		name     string
		customer *transcript.Customer
		want     []string
		source   string
	}{
		{"zone given", &transcript.Customer{Timezone: "Asia/Anadyr", Phone: "+1 212 555 0100"}, []string{"Asia/Anadyr"}, ""},
		{"landline", &transcript.Customer{Phone: "+7 343 123-45-67"}, []string{"Asia/Yekaterinburg"}, "phone"},
		{"country", &transcript.Customer{Country: "RO"}, []string{"Europe/Bucharest"}, "country RO"},
		{"nothing known", &transcript.Customer{Name: "Anna"}, []string{}, ""},
		{"no customer", nil, []string{}, ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &transcript.Conversation{ID: fmt.Sprint("z-", i), Channel: transcript.ChannelChat, Customer: tc.customer,
				Turns: []transcript.Turn{{Speaker: transcript.SpeakerCustomer, Text: "hi"}}}
			_, _, keys, err := h.store.UpsertConversations(t.Context(), []*transcript.Conversation{c})
			if err != nil {
				t.Fatal(err)
			}
			rec := admin.get(fmt.Sprint("/api/v1/conversations/", keys[0]))
			wantStatus(t, rec, 200)
			var got conversationResponse
			decode(t, rec, &got)
			z := got.CustomerZones
			if !slices.Equal(z.Names, tc.want) || len(z.Source) < len(tc.source) || z.Source[:len(tc.source)] != tc.source {
				t.Errorf("customer zones %+v, want %v from %q…", z, tc.want, tc.source)
			}
		})
	}
}
