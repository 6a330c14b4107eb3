package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// The synthetic population, the same as cmd/qa-seed's so that the query phase sees ingested and
// seeded scorecards under the same agent and team names.
const (
	population   = 500 // agents agent-000 ... agent-499
	teamSize     = 10  // agents per team: team-00 ... team-49
	minTurns     = 8
	maxTurns     = 15
	corpusSource = "load" // ?source= of the ingested conversations
)

// agentName and teamName name agent a of the population and its team, as cmd/qa-seed does.
func agentName(a int) string { return fmt.Sprintf("agent-%03d", a) }
func teamName(a int) string  { return fmt.Sprintf("team-%02d", a/teamSize) }

// template is one hand-written conversation of the corpus, decoded generically so that every
// field (customer, outcome, meta, turn events) survives the rewrite.
type template struct {
	fields  map[string]any
	started time.Time
	agents  []string // agent ids in the order of the agents list
}

// loadCorpus reads the canonical JSON Lines files matching pattern and keeps the conversations
// with minTurns to maxTurns turns, a start time and at least one agent.
func loadCorpus(pattern string) ([]template, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("--corpus %s: no file (run from the repository root)", pattern)
	}
	slices.Sort(files)
	var out []template
	for _, name := range files {
		ts, err := readTemplates(name)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--corpus %s: no conversation with %d-%d turns, a start and an agent", pattern, minTurns, maxTurns)
	}
	return out, nil
}

func readTemplates(name string) ([]template, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []template
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.UseNumber() // numbers in meta or outcome come out as they went in
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		t, ok := asTemplate(m)
		if ok {
			out = append(out, t)
		}
	}
	return out, sc.Err()
}

// asTemplate reports whether a decoded conversation is usable and returns it as a template.
func asTemplate(m map[string]any) (template, bool) {
	turns, _ := m["turns"].([]any)
	if len(turns) < minTurns || len(turns) > maxTurns {
		return template{}, false
	}
	s, _ := m["started_at"].(string)
	started, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return template{}, false
	}
	t := template{fields: m, started: started}
	agents, _ := m["agents"].([]any)
	for _, a := range agents {
		am, _ := a.(map[string]any)
		id, _ := am["id"].(string)
		if id == "" {
			return template{}, false
		}
		t.agents = append(t.agents, id)
	}
	return t, len(t.agents) > 0
}

// synth makes conversation n from the templates: a template chosen by n, a new id, customer id,
// agents drawn from the population (distinct within a conversation), and a start moved to a day of
// the given year at the template's local time of day, jittered by up to 20 minutes (so that
// time-of-day greetings keep their meaning). It is deterministic in (seed, n).
func synth(templates []template, seed uint64, n int, year int) ([]byte, error) {
	rnd := rand.New(rand.NewPCG(seed, uint64(n)))
	tpl := templates[rnd.IntN(len(templates))]

	yearStart := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	days := 365
	if time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() == 366 {
		days = 366
	}
	// Whole days keep the local time of day; the jitter moves it a little.
	local := tpl.started
	target := time.Date(year, 1, 1, local.Hour(), local.Minute(), local.Second(), 0, local.Location()).
		AddDate(0, 0, rnd.IntN(days))
	if target.Before(yearStart) {
		target = target.AddDate(0, 0, 1)
	}
	shift := target.Sub(local) + time.Duration(rnd.IntN(20*60))*time.Second

	ids := map[string]string{}
	used := map[int]bool{}
	var agents []any
	tplAgents, _ := tpl.fields["agents"].([]any)
	for i, old := range tpl.agents {
		a := rnd.IntN(population)
		for used[a] {
			a = (a + 1) % population
		}
		used[a] = true
		ids[old] = agentName(a)
		am := maps.Clone(tplAgents[i].(map[string]any))
		am["id"], am["team"] = agentName(a), teamName(a)
		agents = append(agents, am)
	}

	c := maps.Clone(tpl.fields)
	c["id"] = fmt.Sprintf("load-%07d", n)
	c["agents"] = agents
	c["started_at"] = moveTime(tpl.started, shift)
	if cust, ok := c["customer"].(map[string]any); ok {
		cust = maps.Clone(cust)
		cust["id"] = fmt.Sprintf("cust-%06d", rnd.IntN(200_000))
		c["customer"] = cust
	}
	var turns []any
	for _, t := range tpl.fields["turns"].([]any) {
		tm := maps.Clone(t.(map[string]any))
		if id, ok := tm["agent_id"].(string); ok {
			if nid, ok := ids[id]; ok {
				tm["agent_id"] = nid
			}
		}
		if s, ok := tm["at"].(string); ok {
			if at, err := time.Parse(time.RFC3339, s); err == nil {
				tm["at"] = moveTime(at, shift)
			}
		}
		turns = append(turns, tm)
	}
	c["turns"] = turns
	return json.Marshal(c)
}

// moveTime formats t+d in RFC 3339 with t's own UTC offset.
func moveTime(t time.Time, d time.Duration) string {
	return t.Add(d).Format(time.RFC3339)
}

// buildBodies makes the JSON Lines bodies of the ingest phase: n conversations in bodies of at
// most batch lines each, generated before the clock starts so that generating costs nothing in
// the measured time.
func buildBodies(templates []template, seed uint64, n, batch, year int) ([][]byte, int64, error) {
	var bodies [][]byte
	var total int64
	var buf bytes.Buffer
	for i := range n {
		line, err := synth(templates, seed, i, year)
		if err != nil {
			return nil, 0, err
		}
		buf.Write(line)
		buf.WriteByte('\n')
		if (i+1)%batch == 0 || i == n-1 {
			body := bytes.Clone(buf.Bytes())
			bodies = append(bodies, body)
			total += int64(len(body))
			buf.Reset()
		}
	}
	return bodies, total, nil
}
