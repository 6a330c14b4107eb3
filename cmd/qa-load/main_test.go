package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/store"
)

// The synthesised conversations are valid for the importer and the store, have 8-15 turns,
// start in the year, use the population's agents, and differ from one another.
func TestSynthesisedConversationsAreValid(t *testing.T) {
	templates, err := loadCorpus("../../testdata/labelled/*.dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(templates) < 20 {
		t.Fatalf("%d templates, want at least 20", len(templates))
	}
	const n = 500
	bodies, _, err := buildBodies(templates, 7, n, 200, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 3 {
		t.Fatalf("%d bodies, want 3", len(bodies))
	}
	ids := map[string]bool{}
	langs := map[string]int{}
	for _, body := range bodies {
		err := importer.Read(context.Background(), bytes.NewReader(body), "body.jsonl", importer.Options{Source: corpusSource}, func(rec importer.Record) error {
			if rec.Err != nil {
				t.Fatalf("%s: %v", rec.Where, rec.Err)
			}
			c := rec.Conversation
			if err := store.CheckConversation(c); err != nil {
				t.Fatal(err)
			}
			if ids[c.ID] {
				t.Fatalf("duplicate id %s", c.ID)
			}
			ids[c.ID] = true
			langs[c.Language]++
			if len(c.Turns) < minTurns || len(c.Turns) > maxTurns {
				t.Errorf("%s: %d turns", c.ID, len(c.Turns))
			}
			if c.StartedAt == nil || c.StartedAt.UTC().Year() != 2026 && c.StartedAt.Year() != 2026 {
				t.Errorf("%s: start %v not in 2026", c.ID, c.StartedAt)
			}
			for _, a := range c.Agents {
				if !strings.HasPrefix(a.ID, "agent-") || !strings.HasPrefix(a.Team, "team-") {
					t.Errorf("%s: agent %+v not of the population", c.ID, a)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(ids) != n {
		t.Fatalf("%d conversations, want %d", len(ids), n)
	}
	for _, l := range []string{"en", "ru", "uk", "ro"} {
		if langs[l] < n/10 {
			t.Errorf("language %s: %d of %d conversations", l, langs[l], n)
		}
	}
	again, _, _ := buildBodies(templates, 7, n, 200, 2026)
	if !bytes.Equal(again[0], bodies[0]) {
		t.Error("the synthesis is not deterministic for a seed")
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	sortDurations(d)
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%.0f = %v, want %v", p, got, want)
		}
	}
	if percentile(nil, 50) != 0 {
		t.Error("percentile of nothing")
	}
}

// Load traffic goes to loopback addresses only.
func TestClientRefusesOtherAddresses(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080", "http://127.3.2.1:80"} {
		if _, err := newClient(u, "qa_x", 1); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"http://10.0.0.1:8080", "http://192.168.1.2", "http://example.com", "https://127.0.0.1:8080", "http://0.0.0.0:8080"} {
		if _, err := newClient(u, "qa_x", 1); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
}

func TestQueryPath(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		for k := range kinds {
			p := queryPath(k, rnd, 2026)
			u, err := url.Parse(p)
			if err != nil || u.Path != statsRoute {
				t.Fatalf("%s: %v", p, err)
			}
			q := u.Query()
			from, err1 := time.Parse(time.RFC3339, q.Get("from"))
			to, err2 := time.Parse(time.RFC3339, q.Get("to"))
			if err1 != nil || err2 != nil || !from.Before(to) || from.Year() != 2026 {
				t.Fatalf("%s: bad period", p)
			}
			if (k == agentQuarter) != (q.Get("agent") != "") || (k == teamMonth) != (q.Get("team") != "") {
				t.Fatalf("%s: kind %v", p, k)
			}
		}
	}
}

func TestParseBounds(t *testing.T) {
	var sink bytes.Buffer
	if _, err := parse([]string{"--clients", "1,10,50"}, &sink); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--clients", "0"}, {"--clients", "100000"}, {"--duration", "2h"}, {"--conversations", "0"},
		{"--phase", "soak"}, {"--poll", "1ms"}, {"--score-timeout", "100h"},
	} {
		if _, err := parse(args, &sink); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
