package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Each parser has a fuzz target seeded from its testdata folder. Run one at a time, e.g.
//
//	go test -run='^$' -fuzz=FuzzJSONL -fuzztime=30s ./internal/importer

func FuzzJSON(f *testing.F)     { fuzzFormat(f, FormatJSON, "json") }
func FuzzJSONL(f *testing.F)    { fuzzFormat(f, FormatJSONL, "jsonl") }
func FuzzCSV(f *testing.F)      { fuzzFormat(f, FormatCSV, "csv") }
func FuzzTWCS(f *testing.F)     { fuzzFormat(f, FormatTWCS, "twcs") }
func FuzzZendesk(f *testing.F)  { fuzzFormat(f, FormatZendesk, "zendesk") }
func FuzzIntercom(f *testing.F) { fuzzFormat(f, FormatIntercom, "intercom") }
func FuzzVTT(f *testing.F)      { fuzzFormat(f, FormatVTT, "vtt") }
func FuzzSRT(f *testing.F)      { fuzzFormat(f, FormatSRT, "srt") }

// FuzzDetect feeds every sample to detection and reading with the format left open.
func FuzzDetect(f *testing.F) {
	addSeeds(f, "*")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, "fuzz.dat", "")
	})
}

func fuzzFormat(f *testing.F, format Format, dir string) {
	addSeeds(f, dir)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, "fuzz."+string(format), format)
	})
}

func addSeeds(f *testing.F, dir string) {
	paths, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		if strings.Contains(p, "golden") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkRead reads data and checks what must hold for any input: no panic; every record is
// either a conversation that passes Validate and survives a round trip through the canonical
// format, or a *transcript.FieldError; and an error for the whole input names the input.
func checkRead(t *testing.T, data []byte, name string, format Format) {
	opts := Options{Format: format, MaxRecordBytes: 1 << 20}
	err := Read(context.Background(), bytes.NewReader(data), name, opts, func(r Record) error {
		if r.Where == "" {
			t.Fatalf("record without a place: %+v", r)
		}
		if (r.Conversation == nil) == (r.Err == nil) {
			t.Fatalf("%s: want a conversation or an error: %+v", r.Where, r)
		}
		if r.Err != nil {
			var fe *transcript.FieldError
			if !errors.As(r.Err, &fe) || fe.Record == "" {
				t.Fatalf("%s: error %v is not a FieldError naming the record", r.Where, r.Err)
			}
			return nil
		}
		if err := r.Conversation.Validate(r.Where); err != nil {
			t.Fatalf("%s: emitted conversation fails validation: %v", r.Where, err)
		}
		out, err := json.Marshal(r.Conversation)
		if err != nil {
			t.Fatalf("%s: conversation does not marshal: %v", r.Where, err)
		}
		back, err := transcript.Decode(out, r.Where)
		if err != nil {
			t.Fatalf("%s: canonical JSON does not decode: %v\n%s", r.Where, err, out)
		}
		if err := back.Validate(r.Where); err != nil {
			t.Fatalf("%s: round trip fails validation: %v\n%s", r.Where, err, out)
		}
		return nil
	})
	if err != nil && !strings.HasPrefix(err.Error(), name) {
		t.Fatalf("Read error %q does not name the input %q", err, name)
	}
}
