package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/qa-scorer/qa-scorer/internal/report"
)

func runReport(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var sf scoreFlags
	sf.register(fs, "table, json, csv")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch sf.format {
	case "table", "json", "csv":
	default:
		return fmt.Errorf("%w: --format %q: one of table, json, csv", errUsage, sf.format)
	}
	b := report.NewBuilder()
	err := scoreBatch(ctx, e, &sf, fs.Args(), func(s scored) error {
		teams := map[string]string{}
		for _, a := range s.conv.Agents {
			teams[a.ID] = a.Team
		}
		b.Add(s.card, teams)
		return nil
	})
	if err != nil && !errors.Is(err, errRejected) {
		return err
	}
	sum := b.Summary()
	var werr error
	switch sf.format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		werr = enc.Encode(sum)
	case "csv":
		werr = writeReportCSV(e.stdout, sum)
	default:
		writeReportTable(e.stdout, sum)
	}
	if werr != nil {
		return werr
	}
	return err
}

func writeReportTable(w io.Writer, s report.Summary) {
	fmt.Fprintf(w, "conversations %d  mean score %s  passed %d  critical fails %d  needs review %d\n\n",
		s.Conversations, fmtNum(s.MeanScore), s.Passed, s.CriticalFailed, s.NeedsReview)
	fmt.Fprintf(w, "%-22s %6s %6s %6s %6s %9s\n", "item", "pass", "fail", "na", "review", "pass rate")
	for _, it := range s.Items {
		fmt.Fprintf(w, "%-22s %6d %6d %6d %6d %8.1f%%\n", it.ID, it.Pass, it.Fail, it.NA, it.Review, 100*it.PassRate)
	}
	fmt.Fprintf(w, "\n%-16s %-12s %6s %6s %9s  %s\n", "agent", "team", "convs", "mean", "critical", "weakest items (pass rate)")
	for _, a := range s.Agents {
		fmt.Fprintf(w, "%-16s %-12s %6d %6s %9d  %s\n", a.AgentID, a.Team, a.Conversations, fmtNum(a.MeanScore), a.CriticalFailed, weakest(a.PassRate, 3))
	}
}

// weakest lists the n items with the lowest pass rate.
func weakest(rates map[string]float64, n int) string {
	ids := make([]string, 0, len(rates))
	for id := range rates {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if rates[ids[i]] != rates[ids[j]] {
			return rates[ids[i]] < rates[ids[j]]
		}
		return ids[i] < ids[j]
	})
	out := ""
	for i, id := range ids {
		if i == n || rates[id] == 1 {
			break
		}
		if out != "" {
			out += ", "
		}
		out += fmt.Sprintf("%s %.0f%%", id, 100*rates[id])
	}
	return out
}

func writeReportCSV(w io.Writer, s report.Summary) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"agent_id", "team", "conversations", "mean_score", "critical_failed", "item_id", "pass_rate"})
	for _, a := range s.Agents {
		items := make([]string, 0, len(a.PassRate))
		for id := range a.PassRate {
			items = append(items, id)
		}
		sort.Strings(items)
		for _, id := range items {
			_ = cw.Write([]string{a.AgentID, a.Team, strconv.Itoa(a.Conversations), fmtNum(a.MeanScore),
				strconv.Itoa(a.CriticalFailed), id, fmtNum(a.PassRate[id])})
		}
	}
	cw.Flush()
	return cw.Error()
}
