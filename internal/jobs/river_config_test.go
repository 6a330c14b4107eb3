package jobs

import (
	"testing"
	"time"
)

// TestRiverConfigDefaults pins what a zero RiverConfig becomes: the worker count and fetch
// cooldown bound River's throughput (Workers per FetchCooldown), and River refuses a cooldown
// longer than the poll interval.
func TestRiverConfigDefaults(t *testing.T) {
	cases := []struct {
		name string
		in   RiverConfig
		want RiverConfig
	}{
		{"zero", RiverConfig{}, RiverConfig{Workers: 16, MaxAttempts: DefaultMaxAttempts, FetchCooldown: 20 * time.Millisecond}},
		{"set", RiverConfig{Workers: 4, MaxAttempts: 2, FetchCooldown: time.Second, FetchPollInterval: 2 * time.Second},
			RiverConfig{Workers: 4, MaxAttempts: 2, FetchCooldown: time.Second, FetchPollInterval: 2 * time.Second}},
		{"cooldown clipped to a short poll", RiverConfig{FetchPollInterval: 5 * time.Millisecond},
			RiverConfig{Workers: 16, MaxAttempts: DefaultMaxAttempts, FetchCooldown: 5 * time.Millisecond, FetchPollInterval: 5 * time.Millisecond}},
	}
	for _, c := range cases {
		if got := c.in.withDefaults(); got != c.want {
			t.Errorf("%s: %+v.withDefaults() = %+v, want %+v", c.name, c.in, got, c.want)
		}
	}
}
