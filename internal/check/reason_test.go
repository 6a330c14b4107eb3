package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateReasons = flag.Bool("update", false, "rewrite "+reasonCodesFile+" from the reason tables")

// reasonCodesFile is where the web app's translation test reads the reason codes and their
// English templates: every code needs a translation in each language, and the English one must
// be this template.
const reasonCodesFile = "../../frontend/src/i18n/reason-codes.json"

// TestReasonCodesFile keeps the exported codes up to date: `go test ./internal/check -run
// ReasonCodes -update` rewrites the file after a reason is added or reworded.
func TestReasonCodesFile(t *testing.T) {
	want, err := json.MarshalIndent(ReasonTemplates(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if *updateReasons {
		if err := os.WriteFile(reasonCodesFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(reasonCodesFile)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/check -run ReasonCodes -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date: run go test ./internal/check -run ReasonCodes -update", filepath.Base(reasonCodesFile))
	}
}

// TestReasonTables checks every explanation: a code in one table only, named after its check
// and its outcome ("greeting_time.review_no_time"), and a template whose braces pair up.
func TestReasonTables(t *testing.T) {
	seen := map[string]bool{}
	for _, table := range reasonTables {
		for _, e := range table {
			if seen[e.code] {
				t.Errorf("code %q is in two tables", e.code)
			}
			seen[e.code] = true
			if strings.Count(e.english, "{") != strings.Count(e.english, "}") {
				t.Errorf("%s: unpaired braces in %q", e.code, e.english)
			}
			check, what, ok := strings.Cut(e.code, ".")
			if !ok {
				if e.code != reasonNoChecklist.code && e.code != reasonNoAgentReply.code {
					t.Errorf("code %q names no check", e.code)
				}
				continue
			}
			if _, known := Lookup(check); !known && check+"." != ScriptPrefix {
				t.Errorf("code %q: %q is no check", e.code, check)
			}
			if outcome, _, _ := strings.Cut(what, "_"); outcome != string(e.outcome) {
				t.Errorf("code %q goes with outcome %s", e.code, e.outcome)
			}
		}
	}
	if len(ReasonCodes()) != len(seen) {
		t.Fatalf("ReasonCodes lists %d codes, the tables hold %d", len(ReasonCodes()), len(seen))
	}
}

func TestRenderReason(t *testing.T) {
	cases := []struct {
		name, template string
		args           Args
		want           string
	}{
		{"strings and ints", `"{phrase}" sent at {time}, {n} zones`, Args{"phrase": "Hi", "time": "15:12", "n": 16}, `"Hi" sent at 15:12, 16 zones`},
		{"a number read back from JSON", "{n} of {m}", Args{"n": float64(2), "m": 3.0}, "2 of 3"},
		{"a value is not read again", "{a}", Args{"a": "{b}", "b": "no"}, "{b}"},
		{"a missing value stays as written", "{a} {b}", Args{"a": "x"}, "x {b}"},
		{"no placeholder", "no agent reply", nil, "no agent reply"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := RenderReason(tc.template, tc.args); got != tc.want {
				t.Fatalf("RenderReason = %q, want %q", got, tc.want)
			}
		})
	}
	if got := ReasonPlaceholders(`"{phrase}" at {time} in {zone}, {time}`); !slices.Equal(got, []string{"phrase", "time", "zone"}) {
		t.Fatalf("ReasonPlaceholders = %v", got)
	}
}

// assertReasonCode checks that a result's reason is its code's English template filled with
// its args: the code is known, the args are exactly the template's placeholders, each a string
// or an int. Every check test case runs it (assertResult), and rubric runs it over the corpus.
func assertReasonCode(t testing.TB, got Result) {
	t.Helper()
	if err := MatchReason(got.Reason, got.Code, got.Args); err != nil {
		t.Error(err)
	}
}
