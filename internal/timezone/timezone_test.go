package timezone

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestResolve(t *testing.T) {
	cases := []struct {
		name     string
		customer *transcript.Customer
		want     []string
		source   string
	}{
		{"timezone wins over phone", &transcript.Customer{Timezone: "Asia/Anadyr", Phone: "+380 67 123 4567"}, []string{"Asia/Anadyr"}, ""},
		{"bad timezone falls through to the phone", &transcript.Customer{Timezone: "Mars/Olympus", Phone: "+380 67 123 4567"}, []string{"Europe/Kyiv"}, "phone +380 671…"},
		{"US area code", &transcript.Customer{Phone: "+1 415 555 0100"}, []string{"America/Los_Angeles"}, "phone +1 415…"},
		{"Moldova by country", &transcript.Customer{Country: "MD"}, []string{"Europe/Chisinau"}, "country MD"},
		{"00 international prefix", &transcript.Customer{Phone: "0040 721 234 567"}, []string{"Europe/Bucharest"}, "phone +40 721…"},
		{"Local is no customer zone", &transcript.Customer{Timezone: "Local", Country: "RO"}, []string{"Europe/Bucharest"}, "country RO"},
		{"local number without country", &transcript.Customer{Phone: "0721 234 567"}, nil, ""},
		{"unknown country", &transcript.Customer{Country: "Narnia"}, nil, ""},
		{"nothing known", nil, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Resolve(tc.customer)
			if len(got.Names) != len(tc.want) || got.Source != tc.source {
				t.Fatalf("zones = %v from %q, want %v from %q", got.Names, got.Source, tc.want, tc.source)
			}
			from := ""
			switch {
			case got.Phone != "":
				from = "phone " + got.Phone
			case got.Country != "":
				from = "country " + got.Country
			}
			if from != got.Source {
				t.Fatalf("phone %q and country %q say %q, source is %q", got.Phone, got.Country, from, got.Source)
			}
			for i := range tc.want {
				if got.Names[i] != tc.want[i] {
					t.Fatalf("zones = %v, want %v", got.Names, tc.want)
				}
			}
		})
	}
}
