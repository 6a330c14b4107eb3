package rubric

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current scorer")

// TestGolden scores every hand-written conversation under testdata/labelled with the standard
// rubric and compares the scorecards, result and evidence span included, with
// testdata/golden/<file>. Any change of behaviour shows as a diff; `go test ./internal/rubric
// -run Golden -update` rewrites the files after a reviewed change.
func TestGolden(t *testing.T) {
	an, k := mustKnowledge(t)
	s := NewScorer(an, k)
	r, err := Load(os.DirFS("../../rubrics"), "standard")
	if err != nil {
		t.Fatal(err)
	}
	files := readCorpus(t, "labelled/*.jsonl")
	n := 0
	for _, f := range files {
		n += len(f.convs)
		t.Run(f.name, func(t *testing.T) {
			var got bytes.Buffer
			for _, c := range f.convs {
				data, err := json.Marshal(s.Score(r, c))
				if err != nil {
					t.Fatal(err)
				}
				got.Write(data)
				got.WriteByte('\n')
			}
			path := filepath.Join("..", "..", "testdata", "golden", f.name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			compareGolden(t, want, got.Bytes())
		})
	}
	if n < 60 {
		t.Fatalf("only %d hand-written conversations under testdata/labelled; the suite needs at least 60", n)
	}
}

// compareGolden reports each scorecard line that differs, by conversation id.
func compareGolden(t *testing.T, want, got []byte) {
	t.Helper()
	wl := strings.Split(strings.TrimSpace(string(want)), "\n")
	gl := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(wl) != len(gl) {
		t.Fatalf("golden has %d scorecards, scorer produced %d", len(wl), len(gl))
	}
	for i := range wl {
		if wl[i] != gl[i] {
			var card struct {
				ConversationID string `json:"conversation_id"`
			}
			_ = json.Unmarshal([]byte(gl[i]), &card)
			t.Errorf("conversation %s changed:\nwant %s\ngot  %s", card.ConversationID, wl[i], gl[i])
		}
	}
}
