package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// client calls the QA server's API with an API token. It only talks to loopback addresses:
// load traffic never leaves the machine.
type client struct {
	base  string // http://127.0.0.1:PORT, no trailing slash
	token string
	http  *http.Client
}

// newClient checks that base is an http URL on a loopback address and returns a client whose
// transport keeps up to conns connections open.
func newClient(base, token string, conns int) (*client, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("--url: %w", err)
	}
	if u.Scheme != "http" {
		return nil, fmt.Errorf("--url %s: want http://127.0.0.1:PORT", base)
	}
	if !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("--url %s: load traffic goes to loopback addresses only (127.0.0.0/8, ::1, localhost)", base)
	}
	if token == "" {
		return nil, fmt.Errorf("--token (or $QA_TOKEN) is required")
	}
	tr := &http.Transport{
		Proxy:               nil, // never through a proxy: the target is this machine
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
	return &client{base: strings.TrimRight(base, "/"), token: token, http: &http.Client{Transport: tr}}, nil
}

// isLoopback reports whether host (a name or an address) is a loopback address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// do sends a request and returns the status and body. A request that cannot be sent is an
// error; a non-2xx status is not (the caller decides).
func (c *client) do(ctx context.Context, method, path, contentType string, body []byte) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// getJSON GETs path and decodes a 200 answer into v.
func (c *client) getJSON(ctx context.Context, path string, v any) error {
	status, data, err := c.do(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	if status != http.StatusOK {
		return fmt.Errorf("GET %s: status %d: %s", path, status, truncate(data, 300))
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return nil
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// activeRubric is what the load needs of GET /rubrics.
type activeRubric struct {
	RubricID string `json:"rubric_id"`
	Version  int    `json:"version"`
}

// progress is GET /rubrics/:id/versions/:v/progress.
type progress struct {
	Total  int `json:"total"`
	Done   int `json:"done"`
	Failed int `json:"failed"`
}

// scoringProgress adds up the scoring jobs of every active rubric version.
func (c *client) scoringProgress(ctx context.Context) (progress, error) {
	var rubrics struct {
		Items []activeRubric `json:"items"`
	}
	if err := c.getJSON(ctx, "/api/v1/rubrics", &rubrics); err != nil {
		return progress{}, err
	}
	var sum progress
	for _, r := range rubrics.Items {
		var p progress
		path := fmt.Sprintf("/api/v1/rubrics/%s/versions/%d/progress", url.PathEscape(r.RubricID), r.Version)
		if err := c.getJSON(ctx, path, &p); err != nil {
			return progress{}, err
		}
		sum.Total += p.Total
		sum.Done += p.Done
		sum.Failed += p.Failed
	}
	return sum, nil
}

// routeTiming is the server's own record of one route (qa_http_request_duration_seconds from
// /metrics): how many requests and their total seconds.
type routeTiming struct {
	Count float64
	Sum   float64
}

// routeTimings reads the server's duration histogram for a route from /metrics.
func (c *client) routeTimings(ctx context.Context, route string) (routeTiming, error) {
	status, data, err := c.do(ctx, http.MethodGet, "/metrics", "", nil)
	if err != nil {
		return routeTiming{}, err
	}
	if status != http.StatusOK {
		return routeTiming{}, fmt.Errorf("GET /metrics: status %d", status)
	}
	var rt routeTiming
	label := `route="` + route + `"`
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, label) {
			continue
		}
		name, value, ok := metricLine(line)
		if !ok {
			continue
		}
		switch name {
		case "qa_http_request_duration_seconds_count":
			rt.Count += value
		case "qa_http_request_duration_seconds_sum":
			rt.Sum += value
		}
	}
	return rt, sc.Err()
}

// metricLine splits a Prometheus text line into its metric name and value.
func metricLine(line string) (string, float64, bool) {
	i := strings.IndexAny(line, "{ ")
	j := strings.LastIndexByte(line, ' ')
	if i <= 0 || j <= i {
		return "", 0, false
	}
	v, err := strconv.ParseFloat(line[j+1:], 64)
	return line[:i], v, err == nil
}
