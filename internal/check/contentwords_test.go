package check

import (
	"strings"
	"testing"
)

func TestSameWord(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"book", "booking", true},
		{"поезд", "поездка", true},
		{"restaurant", "restaurants", true},
		{"phone", "photo", false},
		{"12", "120", false},
	}
	for _, tc := range cases {
		t.Run(tc.a+"~"+tc.b, func(t *testing.T) {
			a := contentWord{norm: tc.a, stem: tc.a, number: strings.Trim(tc.a, "0123456789") == ""}
			b := contentWord{norm: tc.b, stem: tc.b, number: strings.Trim(tc.b, "0123456789") == ""}
			if got := sameWord(a, b); got != tc.want {
				t.Errorf("sameWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
