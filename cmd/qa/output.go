package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// cardWriter prints scorecards in one of the output formats of spec/scorecard.md.
type cardWriter struct {
	format string
	buf    *bufio.Writer
	csv    *csv.Writer
	count  int
}

func newCardWriter(format string, w io.Writer) (*cardWriter, error) {
	cw := &cardWriter{format: format, buf: bufio.NewWriterSize(w, 64<<10)}
	switch format {
	case "jsonl", "table":
	case "json":
		cw.buf.WriteString("[")
	case "csv":
		cw.csv = csv.NewWriter(cw.buf)
		_ = cw.csv.Write([]string{"conversation_id", "rubric_id", "rubric_version", "language", "channel",
			"score", "passed", "critical_failed", "needs_review", "item_id", "section", "result",
			"points", "max_points", "critical", "reason", "evidence"})
	default:
		return nil, fmt.Errorf("%w: --format %q: one of table, json, jsonl, csv", errUsage, format)
	}
	return cw, nil
}

func (w *cardWriter) write(conv *transcript.Conversation, card *rubric.Scorecard) error {
	w.count++
	switch w.format {
	case "jsonl":
		data, err := json.Marshal(card)
		if err != nil {
			return err
		}
		w.buf.Write(data)
		w.buf.WriteByte('\n')
	case "json":
		data, err := json.MarshalIndent(card, "  ", "  ")
		if err != nil {
			return err
		}
		if w.count > 1 {
			w.buf.WriteString(",")
		}
		w.buf.WriteString("\n  ")
		w.buf.Write(data)
	case "csv":
		w.writeCSV(card)
	case "table":
		writeTable(w.buf, conv, card)
	}
	if w.buf.Buffered() > 32<<10 {
		return w.buf.Flush()
	}
	return nil
}

func (w *cardWriter) writeCSV(card *rubric.Scorecard) {
	head := []string{card.ConversationID, card.Rubric.ID, strconv.Itoa(card.Rubric.Version), card.Language,
		card.Channel, fmtNum(card.Score), strconv.FormatBool(card.Passed),
		strconv.FormatBool(card.CriticalFailed), strconv.FormatBool(card.NeedsReview)}
	for _, it := range card.Items {
		row := append(append([]string{}, head...), it.ID, it.Section, string(it.Result),
			fmtNum(it.Points), fmtNum(it.MaxPoints), strconv.FormatBool(it.Critical), it.Reason, evidenceText(it.Evidence))
		_ = w.csv.Write(row)
	}
}

func (w *cardWriter) close() error {
	switch w.format {
	case "json":
		if w.count > 0 {
			w.buf.WriteString("\n")
		}
		w.buf.WriteString("]\n")
	case "csv":
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
	}
	return w.buf.Flush()
}

// writeTable prints one scorecard for people: a header line, then one line per item.
func writeTable(w io.Writer, conv *transcript.Conversation, card *rubric.Scorecard) {
	verdict := "PASS"
	switch {
	case card.CriticalFailed:
		verdict = "FAIL (critical)"
	case !card.Passed:
		verdict = "FAIL"
	}
	if card.NeedsReview {
		verdict += ", needs review"
	}
	fmt.Fprintf(w, "%s  %s v%d  %s/%s  score %s  %s\n", card.ConversationID, card.Rubric.ID, card.Rubric.Version,
		card.Language, card.Channel, fmtNum(card.Score), verdict)
	for _, a := range card.Agents {
		name := a.AgentID
		if ag, ok := conv.AgentByID(a.AgentID); ok && ag.Name != "" {
			name += " (" + ag.Name + ")"
		}
		fmt.Fprintf(w, "  agent %s: %s\n", name, fmtNum(a.Score))
	}
	for _, it := range card.Items {
		mark := strings.ToUpper(string(it.Result))
		if it.Critical {
			mark += "!"
		}
		fmt.Fprintf(w, "  %-7s %-20s %5s/%-3s %s", mark, it.ID, fmtNum(it.Points), fmtNum(it.MaxPoints), it.Reason)
		if ev := evidenceText(it.Evidence); ev != "" && it.Result != check.Pass {
			fmt.Fprintf(w, "  [%s]", ev)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// evidenceText renders evidence compactly: `turn 3 [0:11] "Доброе утро"; ...`.
func evidenceText(evs []check.Evidence) string {
	parts := make([]string, 0, len(evs))
	for _, ev := range evs {
		parts = append(parts, fmt.Sprintf("turn %d [%d:%d] %q", ev.Turn, ev.Start, ev.End, ev.Text))
	}
	return strings.Join(parts, "; ")
}

func fmtNum(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
