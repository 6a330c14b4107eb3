package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// CSVMapping says which CSV column holds which field, by header name (compared without regard
// to case, spaces, hyphens or underscores). An empty name picks the first of the column's
// default headers found; docs/importers.md lists them. Conversation id, speaker and text are
// required; the rest are optional.
type CSVMapping struct {
	ConversationID   string // default: conversation_id, ticket_id, chat_id, ...
	Speaker          string // default: speaker, role, sender, author_type, ...
	Text             string // default: text, message, body, content, ...
	Time             string // default: at, timestamp, created_at, time, ...
	AgentID          string // default: agent_id, operator_id
	AgentName        string // default: agent_name, agent, operator, ...
	Channel          string // default: channel, medium
	Language         string // default: language, lang, locale
	CustomerName     string // default: customer_name, client_name, ...
	CustomerTimezone string // default: customer_timezone, timezone, tz
	CustomerPhone    string // default: customer_phone, phone, ...
	Event            string // default: event, event_type (system rows; the text is used otherwise)

	// Comma is the field separator; detected from the header line (',', ';' or tab) when zero.
	Comma rune
	// TimeLayout is a Go time layout tried before the built-in ones (RFC 3339, "2006-01-02
	// 15:04:05", "02.01.2006 15:04", Unix seconds or milliseconds).
	TimeLayout string
	// TimeZone is the IANA zone of times written without an offset; UTC when empty.
	TimeZone string
	// Speakers adds speaker values to the built-in ones, e.g. {"supervisor": "agent"}.
	Speakers map[string]transcript.Speaker
}

// csvField is one field a CSV column can hold.
type csvField int

const (
	colConversation csvField = iota
	colSpeaker
	colText
	colTime
	colAgentID
	colAgentName
	colChannel
	colLanguage
	colCustomerName
	colCustomerTimezone
	colCustomerPhone
	colEvent
	numCSVFields
)

// csvFields lists, for every field, whether it is required, the mapping option that names its
// column, and the default headers in order of preference.
var csvFields = [numCSVFields]struct {
	required bool
	option   func(CSVMapping) string
	aliases  []string
}{
	colConversation: {true, func(m CSVMapping) string { return m.ConversationID },
		[]string{"conversation_id", "conversation", "ticket_id", "chat_id", "thread_id", "dialog_id", "dialogue_id", "session_id", "case_id"}},
	colSpeaker: {true, func(m CSVMapping) string { return m.Speaker },
		[]string{"speaker", "role", "sender", "sender_type", "author_type", "author_role", "from"}},
	colText: {true, func(m CSVMapping) string { return m.Text },
		[]string{"text", "message", "body", "content", "message_text", "utterance"}},
	colTime: {false, func(m CSVMapping) string { return m.Time },
		[]string{"at", "timestamp", "created_at", "time", "sent_at", "datetime", "date"}},
	colAgentID: {false, func(m CSVMapping) string { return m.AgentID },
		[]string{"agent_id", "operator_id"}},
	colAgentName: {false, func(m CSVMapping) string { return m.AgentName },
		[]string{"agent_name", "agent", "operator_name", "operator"}},
	colChannel: {false, func(m CSVMapping) string { return m.Channel },
		[]string{"channel", "medium", "source_channel"}},
	colLanguage: {false, func(m CSVMapping) string { return m.Language },
		[]string{"language", "lang", "locale"}},
	colCustomerName: {false, func(m CSVMapping) string { return m.CustomerName },
		[]string{"customer_name", "client_name", "requester_name", "customer"}},
	colCustomerTimezone: {false, func(m CSVMapping) string { return m.CustomerTimezone },
		[]string{"customer_timezone", "customer_tz", "timezone", "tz"}},
	colCustomerPhone: {false, func(m CSVMapping) string { return m.CustomerPhone },
		[]string{"customer_phone", "phone", "phone_number"}},
	colEvent: {false, func(m CSVMapping) string { return m.Event },
		[]string{"event", "event_type"}},
}

// csvColumns is where each field sits in a row (-1: absent) and what its header says.
type csvColumns struct {
	index  [numCSVFields]int
	header []string
}

// resolveHeader finds the column of every field in the header row.
func resolveHeader(header []string, m CSVMapping) (csvColumns, error) {
	cols := csvColumns{header: header}
	find := func(name string) int {
		for i, h := range header {
			if normalizeHeader(h) == normalizeHeader(name) {
				return i
			}
		}
		return -1
	}
	for f, spec := range csvFields {
		cols.index[f] = -1
		if name := spec.option(m); name != "" {
			if cols.index[f] = find(name); cols.index[f] < 0 {
				return cols, fmt.Errorf("%w %q named in the CSV mapping; the header has %q", ErrBadHeader, name, header)
			}
			continue
		}
		for _, alias := range spec.aliases {
			if cols.index[f] = find(alias); cols.index[f] >= 0 {
				break
			}
		}
		if spec.required && cols.index[f] < 0 {
			return cols, fmt.Errorf("%w: none of %q; the header has %q; map it with the CSV options", ErrBadHeader, spec.aliases, header)
		}
	}
	return cols, nil
}

func normalizeHeader(h string) string {
	return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(strings.TrimSpace(h)))
}

// csvRow is one data row: its number as a spreadsheet shows it (the header is row 1) and cells.
type csvRow struct {
	n     int
	cells []string
	cols  *csvColumns
}

// get returns the trimmed cell of a field, or "" when the column is absent or the row short.
func (r csvRow) get(f csvField) string {
	i := r.cols.index[f]
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// fieldError names this row and the column of a field.
func (r csvRow) fieldError(f csvField, err error, detail string) error {
	name := ""
	if i := r.cols.index[f]; i >= 0 {
		name = r.cols.header[i]
	}
	return &transcript.FieldError{Record: fmt.Sprintf("row %d", r.n), Field: name, Err: err, Detail: detail}
}

// checkCells reports a row of the wrong width or with bytes that are not UTF-8.
func checkCells(n int, cells, header []string) error {
	if len(cells) != len(header) {
		return &transcript.FieldError{Record: fmt.Sprintf("row %d", n), Err: transcript.ErrInvalidValue,
			Detail: fmt.Sprintf("has %d fields, the header has %d; check the quoting", len(cells), len(header))}
	}
	for i, c := range cells {
		if err := checkUTF8([]byte(c), fmt.Sprintf("row %d", n), header[i]); err != nil {
			return err
		}
	}
	return nil
}

// newCSVReader reads records split by comma, or by the separator the header line uses most.
func newCSVReader(in *input, comma rune) *csv.Reader {
	if comma == 0 {
		head, _ := in.r.Peek(sniffBytes)
		comma = guessComma(head)
	}
	cr := csv.NewReader(in.r)
	cr.Comma = comma
	cr.LazyQuotes = true // exports carry bare quotes in unquoted text: 27" monitor
	cr.FieldsPerRecord = -1
	return cr
}

// guessComma picks ',', ';' (spreadsheets in Russian, Ukrainian and Romanian locales) or tab,
// whichever appears most in the first line.
func guessComma(head []byte) rune {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	best, bestN := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(c))); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// readCSVHeader reads the header row and checks that it is UTF-8.
func readCSVHeader(cr *csv.Reader) ([]string, error) {
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	for i, h := range header {
		if err := checkUTF8([]byte(h), "row 1", fmt.Sprintf("column %d", i+1)); err != nil {
			return nil, err
		}
	}
	return header, nil
}

// eachCSVRow calls fn for every data row. A malformed row ends the reading: after a quoting
// error the rows that follow cannot be told apart.
func eachCSVRow(cr *csv.Reader, cols *csvColumns, fn func(csvRow) error) error {
	for n := 2; ; n++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		if len(cells) == 1 && strings.TrimSpace(cells[0]) == "" {
			continue // a blank line
		}
		if err := fn(csvRow{n: n, cells: cells, cols: cols}); err != nil {
			return err
		}
	}
}
