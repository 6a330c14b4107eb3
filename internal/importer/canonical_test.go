package importer

import (
	"bufio"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadJSONLBrokenLines(t *testing.T) {
	recs, err := readTestdata(t, "jsonl/broken.jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, []want{
		{where: "line 1", id: "ok-en-1"},
		{where: "line 2", err: transcript.ErrMalformedJSON, record: "line 2"},
		{where: "line 4", err: transcript.ErrUnknownField, record: `conversation "unknown-field-3"`, field: "priority"},
		{where: "line 5", err: transcript.ErrInvalidTime, record: `conversation "bad-time-4"`, field: "turns[0].at"},
		{where: "line 6", err: transcript.ErrInvalidValue, record: `conversation "bad-speaker-5"`, field: "turns[0].speaker"},
		{where: "line 7", err: transcript.ErrMissing, record: `conversation "no-text-6"`, field: "turns[1].text"},
		{where: "line 8", id: "ok-ru-7"},
	})
}

func TestReadJSONDocuments(t *testing.T) {
	const conv = `{"id":"%s","channel":"chat","turns":[{"speaker":"customer","text":"Привіт"}]}`
	one := func(id string) string { return strings.Replace(conv, "%s", id, 1) }
	tests := []struct {
		name    string
		input   string
		wants   []want
		readErr error // what Read returns after the records
	}{
		{name: "array", input: "[" + one("a") + ",\n" + one("b") + "]",
			wants: []want{{where: "record 1", id: "a"}, {where: "record 2", id: "b"}}},
		{name: "empty array", input: "[ ]"},
		{name: "objects one after another", input: one("a") + "\n\n" + one("b"),
			wants: []want{{where: "record 1", id: "a"}, {where: "record 2", id: "b"}}},
		{name: "element that is not an object", input: "[" + one("a") + `, "b"]`,
			wants: []want{{where: "record 1", id: "a"}, {where: "record 2", err: transcript.ErrInvalidValue, record: "record 2"}}},
		{name: "syntax error ends the array", input: "[" + one("a") + `, {"id": "b",, }, ` + one("c") + "]",
			wants: []want{{where: "record 1", id: "a"}}, readErr: transcript.ErrMalformedJSON},
		{name: "unterminated array", input: "[" + one("a") + ",",
			wants: []want{{where: "record 1", id: "a"}}, readErr: transcript.ErrMalformedJSON},
		{name: "trailing data after the array", input: "[" + one("a") + "] []",
			wants: []want{{where: "record 1", id: "a"}}, readErr: transcript.ErrMalformedJSON},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readAll(t, []byte(tc.input), "in.json", Options{Format: FormatJSON})
			if !errors.Is(err, tc.readErr) || (tc.readErr == nil) != (err == nil) {
				t.Fatalf("Read error %v, want %v", err, tc.readErr)
			}
			checkRecords(t, recs, tc.wants)
		})
	}
}

// repeatReader yields n bytes of b without holding them.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return k, nil
}

// hugeLine is a JSON Lines record whose text is size bytes, streamed rather than held.
func hugeLine(id string, size int) io.Reader {
	return io.MultiReader(
		strings.NewReader(`{"id":"`+id+`","channel":"chat","turns":[{"speaker":"customer","text":"`),
		&repeatReader{b: 'a', n: size},
		strings.NewReader(`"}]}`+"\n"))
}

func TestReadJSONLTooLarge(t *testing.T) {
	good := func(id string) io.Reader {
		return strings.NewReader(`{"id":"` + id + `","channel":"chat","turns":[{"speaker":"customer","text":"Bună"}]}` + "\n")
	}
	tests := []struct {
		name     string
		input    func() io.Reader
		max      int
		maxAlloc uint64 // bytes allocated while reading, at most; 0: not checked
		wants    []want
	}{
		{name: "50 MB line with the default limit", maxAlloc: 40 << 20, // skipped, not held whole
			input: func() io.Reader { return io.MultiReader(good("a"), hugeLine("big", 50<<20), good("c")) },
			wants: []want{{where: "line 1", id: "a"}, {where: "line 2", err: transcript.ErrTooLarge, record: "line 2"}, {where: "line 3", id: "c"}}},
		{name: "line just under a small limit",
			input: func() io.Reader { return io.MultiReader(hugeLine("fits", 900), good("b")) }, max: 1000,
			wants: []want{{where: "line 1", id: "fits"}, {where: "line 2", id: "b"}}},
		{name: "last line over the limit without a newline",
			input: func() io.Reader { return io.MultiReader(good("a"), &repeatReader{b: ' ', n: 200 << 10}) }, max: 100 << 10,
			wants: []want{{where: "line 1", id: "a"}, {where: "line 2", err: transcript.ErrTooLarge, record: "line 2"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var recs []Record
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := Read(t.Context(), tc.input(), "big.jsonl", Options{MaxRecordBytes: tc.max}, func(r Record) error {
				recs = append(recs, r)
				return nil
			})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, tc.wants)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %.1f MiB", float64(alloc)/(1<<20))
			if tc.maxAlloc > 0 && alloc > tc.maxAlloc {
				t.Errorf("allocated %d MiB reading it, want at most %d MiB", alloc>>20, tc.maxAlloc>>20)
			}
		})
	}
}

func TestReadJSONArrayTooLarge(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`[{"id":"a","channel":"chat","turns":[{"speaker":"agent","text":"Hi"}]},`),
		hugeLine("big", 3<<20), strings.NewReader("]"))
	var recs []Record
	err := Read(t.Context(), in, "big.json", Options{MaxRecordBytes: 1 << 20}, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	var fe *transcript.FieldError
	if !errors.Is(err, transcript.ErrTooLarge) || !errors.As(err, &fe) || fe.Record != "record 2" {
		t.Fatalf("Read error %v, want ErrTooLarge on record 2", err)
	}
	checkRecords(t, recs, []want{{where: "record 1", id: "a"}})
}

func TestLineReader(t *testing.T) {
	input := "first\r\n\nthird is long\nthe fourth line is longer than the read buffer\nfifth"
	lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(input), 16), max: 8}
	type line struct {
		text    string
		tooLong bool
	}
	var got []line
	for {
		b, tooLong, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, line{string(b), tooLong})
	}
	want := []line{{"first", false}, {"", false}, {"", true}, {"", true}, {"fifth", false}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if lr.n != 5 {
		t.Errorf("counted %d lines, want 5", lr.n)
	}
}
