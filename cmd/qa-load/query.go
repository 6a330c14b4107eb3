package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// The per-agent summary endpoint the query phase loads.
const statsRoute = "/api/v1/stats/agents"

// queryKind is one shape of GET /stats/agents request.
type queryKind int

const (
	agentQuarter queryKind = iota // ?agent=agent-NNN&from=&to= over three months
	teamMonth                     // ?team=team-NN&from=&to= over one month
	kinds
)

func (k queryKind) String() string {
	switch k {
	case agentQuarter:
		return "one agent, one quarter"
	case teamMonth:
		return "one team, one month"
	}
	return "?"
}

// queryPath builds a request of kind k for a random agent or team and period of year. The periods
// end by October: cmd/qa-seed spreads its conversations over the year by key, so 800,000 seeded
// conversations reach into October and the ingested ones cover the whole year.
func queryPath(k queryKind, rnd *rand.Rand, year int) string {
	q := url.Values{}
	var from, to time.Time
	switch k {
	case agentQuarter:
		q.Set("agent", agentName(rnd.IntN(population)))
		from = time.Date(year, time.Month(1+rnd.IntN(8)), 1, 0, 0, 0, 0, time.UTC) // starts Jan..Aug
		to = from.AddDate(0, 3, 0)
	case teamMonth:
		q.Set("team", teamName(rnd.IntN(population)))
		from = time.Date(year, time.Month(1+rnd.IntN(10)), 1, 0, 0, 0, 0, time.UTC) // Jan..Oct
		to = from.AddDate(0, 1, 0)
	}
	q.Set("from", from.Format(time.RFC3339))
	q.Set("to", to.Format(time.RFC3339))
	return statsRoute + "?" + q.Encode()
}

// latencySummary is one set of request latencies.
type latencySummary struct {
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	P50      time.Duration `json:"p50_ns"`
	P95      time.Duration `json:"p95_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
	Mean     time.Duration `json:"mean_ns"`
	PerSec   float64       `json:"requests_per_second"`
}

// queryResult is what one query run measured.
type queryResult struct {
	Clients int                       `json:"clients"`
	Took    time.Duration             `json:"took_ns"` // the measured window, after the warm-up
	All     latencySummary            `json:"all"`
	ByKind  map[string]latencySummary `json:"by_kind"`
	// ServerMean is the server's own mean time in the handler chain for the route
	// (qa_http_request_duration_seconds from /metrics) over the run, warm-up included.
	ServerMean time.Duration `json:"server_mean_ns"`
	// SharesPerAnswer is the mean number of scorecard shares (conversations) in the answers that
	// were checked, by kind: proof that the queries read real data.
	SharesPerAnswer map[string]float64 `json:"shares_per_answer"`
}

// sample is one measured request.
type sample struct {
	kind    queryKind
	latency time.Duration
	ok      bool
}

// queryConfig bounds one query run.
type queryConfig struct {
	clients     int
	duration    time.Duration // measured time, after warmup
	warmup      time.Duration
	maxRequests int // across all clients, warm-up included
	teamShare   float64
	year        int
	seed        uint64
}

// runQueries runs cfg.clients clients, each sending one GET /stats/agents after another (closed
// loop), until the duration has passed or maxRequests were sent, and summarises the latencies
// of the requests that started after the warm-up.
func runQueries(ctx context.Context, c *client, cfg queryConfig, log *slog.Logger) (queryResult, error) {
	res := queryResult{Clients: cfg.clients, ByKind: map[string]latencySummary{}, SharesPerAnswer: map[string]float64{}}
	before, err := c.routeTimings(ctx, statsRoute)
	if err != nil {
		return res, err
	}
	start := time.Now()
	measureFrom := start.Add(cfg.warmup)
	deadline := measureFrom.Add(cfg.duration)
	ctx, cancel := context.WithDeadline(ctx, deadline.Add(30*time.Second)) // a request stuck past the end is cut off
	defer cancel()

	var (
		sent    atomic.Int64
		mu      sync.Mutex
		samples []sample
		checked [kinds]int
		shares  [kinds]int
		firstEr error
		wg      sync.WaitGroup
	)
	for i := range cfg.clients {
		wg.Go(func() {
			rnd := rand.New(rand.NewPCG(cfg.seed, uint64(i)+1))
			var mine []sample
			for time.Now().Before(deadline) && ctx.Err() == nil && sent.Add(1) <= int64(cfg.maxRequests) {
				k := agentQuarter
				if rnd.Float64() < cfg.teamShare {
					k = teamMonth
				}
				path := queryPath(k, rnd, cfg.year)
				t0 := time.Now()
				status, data, err := c.do(ctx, http.MethodGet, path, "", nil)
				lat := time.Since(t0)
				ok := err == nil && status == http.StatusOK
				if !ok {
					mu.Lock()
					if firstEr == nil {
						firstEr = fmt.Errorf("GET %s: status %d: %v %s", path, status, err, truncate(data, 200))
					}
					mu.Unlock()
				} else if n, counted := countShares(&mu, &checked[k], data); counted {
					mu.Lock()
					shares[k] += n
					mu.Unlock()
				}
				if !t0.Before(measureFrom) && t0.Before(deadline) {
					mine = append(mine, sample{kind: k, latency: lat, ok: ok})
				}
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.Took = min(time.Since(measureFrom), cfg.duration)
	if res.Took <= 0 {
		return res, fmt.Errorf("no measured request: the warm-up %s took the whole run", cfg.warmup)
	}
	res.All = summarise(samples, res.Took)
	for k := range kinds {
		var mine []sample
		for _, s := range samples {
			if s.kind == k {
				mine = append(mine, s)
			}
		}
		if len(mine) > 0 {
			res.ByKind[k.String()] = summarise(mine, res.Took)
		}
		if checked[k] > 0 {
			res.SharesPerAnswer[k.String()] = float64(shares[k]) / float64(checked[k])
		}
	}
	if after, err := c.routeTimings(context.WithoutCancel(ctx), statsRoute); err == nil && after.Count > before.Count {
		res.ServerMean = time.Duration((after.Sum - before.Sum) / (after.Count - before.Count) * float64(time.Second))
	}
	if firstEr != nil {
		log.Warn("failed requests", slog.Int("errors", res.All.Errors), slog.Any("first", firstEr))
	}
	if res.All.Requests == 0 {
		return res, fmt.Errorf("no successful measured request (first error: %v)", firstEr)
	}
	return res, nil
}

// checkedAnswers is how many answers of each kind are decoded to count their shares; decoding
// every answer would spend the machine's CPU on the client.
const checkedAnswers = 50

// countShares decodes one answer while fewer than checkedAnswers of its kind were, and returns
// the conversations it sums up.
func countShares(mu *sync.Mutex, checked *int, data []byte) (int, bool) {
	mu.Lock()
	if *checked >= checkedAnswers {
		mu.Unlock()
		return 0, false
	}
	*checked++
	mu.Unlock()
	var ans struct {
		Items []struct {
			Conversations int `json:"conversations"`
		} `json:"items"`
	}
	if json.Unmarshal(data, &ans) != nil {
		return 0, true
	}
	n := 0
	for _, it := range ans.Items {
		n += it.Conversations
	}
	return n, true
}

// summarise computes the latency figures of samples measured over took; failed requests count
// as errors and are left out of the latencies.
func summarise(samples []sample, took time.Duration) latencySummary {
	var lat []time.Duration
	var sum time.Duration
	s := latencySummary{}
	for _, x := range samples {
		if !x.ok {
			s.Errors++
			continue
		}
		lat = append(lat, x.latency)
		sum += x.latency
	}
	s.Requests = len(lat)
	if len(lat) == 0 {
		return s
	}
	sortDurations(lat)
	s.P50, s.P95, s.P99, s.Max = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99), percentile(lat, 100)
	s.Mean = sum / time.Duration(len(lat))
	s.PerSec = float64(len(lat)) / took.Seconds()
	return s
}

func sortDurations(d []time.Duration) { slices.Sort(d) }

// percentile returns the p-th percentile (nearest rank) of sorted durations; 0 when empty.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}
