// Package importer turns what support teams export (canonical JSON and JSON Lines, CSV with one
// row per message, the Twitter customer-support corpus, Zendesk tickets, Intercom conversations,
// WebVTT and SRT call transcripts) into transcript.Conversation values (spec/transcript.md).
//
// Each format has a wire file that mirrors the vendor's layout and an adapter that builds the
// canonical conversation from it, like miniflux's reader/atom. Formats are listed in one table
// below; adding a format means adding a row and its files. docs/importers.md describes every
// format, its field mapping, detection, limits and encodings.
package importer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Format names an input format. It is what `--format` takes on the command line.
type Format string

// The formats this package reads.
const (
	FormatJSON     Format = "json"     // canonical conversations: one object, several objects or an array
	FormatJSONL    Format = "jsonl"    // canonical conversations, one per line
	FormatCSV      Format = "csv"      // one row per message, columns mapped by header (CSVMapping)
	FormatTWCS     Format = "twcs"     // Kaggle "Customer Support on Twitter" (twcs.csv)
	FormatZendesk  Format = "zendesk"  // Zendesk tickets with comments (API page or JSON export)
	FormatIntercom Format = "intercom" // Intercom conversations with conversation_parts
	FormatVTT      Format = "vtt"      // WebVTT call transcript with speaker labels
	FormatSRT      Format = "srt"      // SRT call transcript with speaker labels
)

// DefaultMaxRecordBytes is the size limit of one record (a JSON line, an array element, a
// document or a transcript file) when Options.MaxRecordBytes is zero.
const DefaultMaxRecordBytes = 16 << 20

// Errors Read and Detect return for the input as a whole. Problems with one record are reported
// in Record.Err as a *transcript.FieldError instead.
var (
	ErrUnknownFormat   = errors.New("unknown input format")
	ErrEmpty           = errors.New("input is empty")
	ErrUnknownEncoding = errors.New("unknown encoding")
	ErrBadHeader       = errors.New("header lacks a required column")
)

// Options tune how Read interprets its input. The zero value detects the format and expects
// UTF-8 (or UTF-16 with a byte order mark).
type Options struct {
	// Format skips detection when set.
	Format Format
	// Encoding names the input's character encoding as the WHATWG Encoding Standard does
	// ("windows-1251", "iso-8859-2", "utf-16le"). Empty means UTF-8; a byte order mark always wins.
	Encoding string
	// MaxRecordBytes limits one record; DefaultMaxRecordBytes when zero.
	MaxRecordBytes int
	// Source is stored in Conversation.Source; the format name when empty.
	Source string
	// CSV maps column headers to fields for FormatCSV.
	CSV CSVMapping
	// VoiceStart is the wall-clock time at which a WebVTT or SRT recording starts; cue times are
	// offsets from it. When zero they are offsets from the Unix epoch (1970-01-01T00:00:00Z), so
	// that `at` reads as the position in the recording.
	VoiceStart time.Time
	// DefaultChannel is used when a record does not say which channel it came from.
	DefaultChannel transcript.Channel
}

// Record is one conversation read from the input, or the reason one could not be.
type Record struct {
	// Conversation has passed Validate; nil when Err is set.
	Conversation *transcript.Conversation
	// Where locates the record in the input: "line 17", "record 3", "row 4", "ticket 123".
	Where string
	// Err is why the record was rejected, normally a *transcript.FieldError naming record and field.
	Err error
}

// readFunc reads every record of one format from in and hands each to in.emit.
type readFunc func(in *input) error

// formatSpec is one row of the format table.
type formatSpec struct {
	format     Format
	extensions []string // file name endings that hint at the format
	read       readFunc
}

// formats is the table of supported formats, in the order Formats lists them. It is never
// modified; add a row to support a new format.
var formats = [...]formatSpec{
	{FormatJSON, []string{".json"}, readJSON},
	{FormatJSONL, []string{".jsonl", ".ndjson"}, readJSONL},
	{FormatCSV, []string{".csv", ".tsv"}, readCSV},
	{FormatTWCS, nil, readTWCS},
	{FormatZendesk, nil, readZendesk},
	{FormatIntercom, nil, readIntercom},
	{FormatVTT, []string{".vtt"}, readVTT},
	{FormatSRT, []string{".srt"}, readSRT},
}

// Formats lists every format Read accepts.
func Formats() []Format {
	out := make([]Format, len(formats))
	for i, f := range formats {
		out[i] = f.format
	}
	return out
}

func lookup(f Format) (formatSpec, bool) {
	for _, spec := range formats {
		if spec.format == f {
			return spec, true
		}
	}
	return formatSpec{}, false
}

// Read parses r (named name, for detection and messages) and calls emit for every record in
// input order. It stops early only when ctx is done, emit returns an error, or the input cannot
// be read at all (unreadable, empty, of unknown format or encoding, or broken beyond the point
// where records can be told apart); a bad record is reported through emit and reading goes on.
func Read(ctx context.Context, r io.Reader, name string, opts Options, emit func(Record) error) error {
	if opts.MaxRecordBytes <= 0 {
		opts.MaxRecordBytes = DefaultMaxRecordBytes
	}
	br, err := decodeInput(r, opts.Encoding)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("%s: %w", name, err)
	}
	if isBlank(head) && len(head) < sniffBytes {
		return fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	format := opts.Format
	if format == "" {
		if format, err = Detect(head, name); err != nil {
			return err
		}
	}
	spec, ok := lookup(format)
	if !ok {
		return fmt.Errorf("%s: %w %q; one of %v", name, ErrUnknownFormat, format, Formats())
	}
	in := &input{r: br, name: name, format: format, opts: opts, emitFn: emit, ctx: ctx}
	if err := spec.read(in); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// input is what a format reader works from: the decoded byte stream, the options, and the
// caller's context and emit function (consulted before every record).
type input struct {
	r      *bufio.Reader
	name   string
	format Format
	opts   Options
	emitFn func(Record) error
	ctx    context.Context
}

// emit hands one record to the caller, stopping when the context is done.
func (in *input) emit(rec Record) error {
	if err := in.ctx.Err(); err != nil {
		return err
	}
	return in.emitFn(rec)
}

// reject emits a record that could not be read.
func (in *input) reject(where string, err error) error {
	return in.emit(Record{Where: where, Err: err})
}

// accept fills the fields every format shares (source, default channel), validates the
// conversation and emits it, or emits the validation error instead.
func (in *input) accept(conv *transcript.Conversation, where string) error {
	switch {
	case in.opts.Source != "":
		conv.Source = in.opts.Source
	case conv.Source == "":
		conv.Source = string(in.format)
	}
	if conv.Channel == "" {
		conv.Channel = in.opts.DefaultChannel
	}
	if err := conv.Validate(where); err != nil {
		return in.reject(where, err)
	}
	return in.emit(Record{Conversation: conv, Where: where})
}

// failFunc builds the error for one field of the record at hand.
type failFunc func(field string, err error, detail string) error

// sortTurnsIfTimed puts turns in time order when every turn has a time; otherwise the file's
// order stands and Validate reports any turn that goes back in time.
func sortTurnsIfTimed(turns []transcript.Turn) {
	for _, t := range turns {
		if t.At == nil {
			return
		}
	}
	sort.SliceStable(turns, func(i, j int) bool { return turns[i].At.Before(*turns[j].At) })
}
