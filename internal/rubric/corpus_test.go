package rubric

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// corpusFile is one JSON Lines file of canonical conversations with its raw lines.
type corpusFile struct {
	name  string
	lines [][]byte
	convs []*transcript.Conversation
}

// readCorpus reads canonical JSON Lines files matching a glob under testdata/, failing the test
// on any invalid record: test corpora must be clean.
func readCorpus(tb testing.TB, glob string) []corpusFile {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", glob))
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	var out []corpusFile
	for _, p := range paths {
		if strings.HasSuffix(p, ".gold.jsonl") {
			continue // labels, not conversations
		}
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		f := corpusFile{name: filepath.Base(p)}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			where := fmt.Sprintf("%s line %d", f.name, n)
			c, err := transcript.Decode(line, where)
			if err == nil {
				err = c.Validate(where)
			}
			if err != nil {
				tb.Fatalf("%v", err)
			}
			f.lines = append(f.lines, append([]byte(nil), line...))
			f.convs = append(f.convs, c)
		}
		out = append(out, f)
	}
	return out
}
