package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// jsonLayout is how JSON records are laid out in a file.
type jsonLayout int

const (
	jsonLines    jsonLayout = iota // one value per line (JSON Lines)
	jsonDocument                   // an array of values, or one or more values written any way
)

// eachJSON calls fn with every JSON record of the input and where it was found: each line of
// JSON Lines ("line 17"), or each element of a top-level array or each top-level value of a
// document ("record 3"). Both stream: one record at a time is held, up to MaxRecordBytes. A line
// over the limit is reported and skipped; a broken document ends the reading with an error,
// since the records after it cannot be told apart.
func eachJSON(in *input, layout jsonLayout, fn func(data []byte, where string) error) error {
	if layout == jsonLines {
		return eachJSONLine(in, fn)
	}
	return eachJSONValue(in, fn)
}

func eachJSONLine(in *input, fn func(data []byte, where string) error) error {
	lr := &lineReader{r: in.r, max: in.opts.MaxRecordBytes}
	for {
		line, tooLong, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.n+1, err)
		}
		where := "line " + strconv.Itoa(lr.n)
		if tooLong {
			if err := in.reject(where, tooLarge(where, in.opts.MaxRecordBytes)); err != nil {
				return err
			}
			continue
		}
		if isBlank(line) {
			continue
		}
		if err := fn(line, where); err != nil {
			return err
		}
	}
}

func eachJSONValue(in *input, fn func(data []byte, where string) error) error {
	lim := &limitedReader{r: in.r, limit: -1}
	dec := json.NewDecoder(lim)
	inArray := false
	if startsWith(in, '[') {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("record 1: %w", err)
		}
		inArray = true
	}
	for n := 1; ; n++ {
		if inArray && !dec.More() {
			break
		}
		where := "record " + strconv.Itoa(n)
		lim.limit = dec.InputOffset() + int64(in.opts.MaxRecordBytes) + sniffBytes
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) && !inArray {
			return nil
		}
		if err != nil {
			return documentError(where, err, in.opts.MaxRecordBytes)
		}
		if len(raw) > in.opts.MaxRecordBytes {
			return fmt.Errorf("%w; the rest of the document cannot be read", tooLarge(where, in.opts.MaxRecordBytes))
		}
		if err := fn(raw, where); err != nil {
			return err
		}
	}
	lim.limit = -1
	if _, err := dec.Token(); err != nil {
		return documentError("end of array", err, in.opts.MaxRecordBytes)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &transcript.FieldError{Record: "after the array", Err: transcript.ErrMalformedJSON, Detail: "trailing data"}
	}
	return nil
}

// startsWith reports whether the first byte that is not white space is c.
func startsWith(in *input, c byte) bool {
	head, _ := in.r.Peek(sniffBytes)
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == c
}

// documentError explains why a JSON document could not be read past where.
func documentError(where string, err error, max int) error {
	if errors.Is(err, errLimit) {
		return fmt.Errorf("%w; the rest of the document cannot be read", tooLarge(where, max))
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return &transcript.FieldError{Record: where, Err: transcript.ErrMalformedJSON,
			Detail: fmt.Sprintf("%s at byte %d of the input; the rest of the document cannot be read", syn.Error(), syn.Offset)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &transcript.FieldError{Record: where, Err: transcript.ErrMalformedJSON, Detail: "the input ends inside a value"}
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return &transcript.FieldError{Record: where, Err: transcript.ErrMalformedJSON, Detail: err.Error()}
	}
	return fmt.Errorf("%s: %w", where, err)
}

func tooLarge(where string, max int) *transcript.FieldError {
	return &transcript.FieldError{Record: where, Err: transcript.ErrTooLarge,
		Detail: fmt.Sprintf("over %d bytes; raise the record size limit to read it", max)}
}

// errLimit is what limitedReader returns past its limit.
var errLimit = errors.New("read past the record size limit")

// limitedReader fails once more than limit bytes have been read in all (limit < 0: no limit).
// It keeps json.Decoder from buffering an oversized value whole.
type limitedReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.limit >= 0 {
		if l.n >= l.limit {
			return 0, errLimit
		}
		if rest := l.limit - l.n; int64(len(p)) > rest {
			p = p[:rest]
		}
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

// unmarshalRecord decodes one vendor record leniently (unknown fields are ignored: vendors add
// fields all the time) and turns a failure into a FieldError naming the record and the field.
func unmarshalRecord(data []byte, v any, where string) error {
	if err := checkUTF8(data, where, ""); err != nil {
		return err
	}
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return &transcript.FieldError{Record: where, Field: typ.Field, Err: transcript.ErrInvalidValue,
			Detail: fmt.Sprintf("want %s, got JSON %s", typ.Type, typ.Value)}
	}
	var fe *transcript.FieldError
	if errors.As(err, &fe) {
		fe.Record = where
		return fe
	}
	return &transcript.FieldError{Record: where, Err: transcript.ErrMalformedJSON, Detail: err.Error()}
}

// flexID is an identifier that vendors write as a JSON string or a number (Zendesk's numeric
// ids, Intercom's string ids that older exports wrote as numbers). It holds the text.
type flexID string

// UnmarshalJSON accepts a string, a number or null.
func (f *flexID) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return &transcript.FieldError{Err: transcript.ErrInvalidValue, Detail: "an id must be a string or a number, got " + string(b)}
	}
	*f = flexID(n.String())
	return nil
}

// sniffLayout tells JSON Lines from a JSON document by the first line: JSON Lines when it is a
// complete object on its own (or when the file is named .jsonl or .ndjson and the first line is
// longer than the read buffer).
func sniffLayout(in *input) jsonLayout {
	head, _ := in.r.Peek(sniffBytes)
	if firstLineIsObject(head) {
		return jsonLines
	}
	if hasExtension(in.name, ".jsonl", ".ndjson") && bytes.IndexByte(head, '\n') < 0 {
		return jsonLines
	}
	return jsonDocument
}

func firstLineIsObject(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSpace(line) // a line cut off by the end of head is not valid JSON
	return len(line) > 1 && line[0] == '{' && json.Valid(line)
}
