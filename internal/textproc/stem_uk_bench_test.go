package textproc

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// BenchmarkUkrainianStemmer measures the Ukrainian stemmer's quality on dictionary inflection
// groups (testdata/ukstem/groups.py writes them), the way Paice's metrics do: UI, the share of
// pairs of forms of one word left with different stems (understemming), and OI, the share of
// pairs of forms of different words given one stem (overstemming). It needs the groups file
// named by QA_UK_STEM_GROUPS and is skipped without it.
func BenchmarkUkrainianStemmer(b *testing.B) {
	path := os.Getenv("QA_UK_STEM_GROUPS")
	if path == "" {
		b.Skip("QA_UK_STEM_GROUPS is not set; see testdata/ukstem/groups.py")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var groups [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		groups = append(groups, strings.Fields(sc.Text()))
	}
	s := newUkrainianStemmer()
	var ui, oi float64
	for b.Loop() {
		ui, oi = stemmerErrors(groups, s.stem)
	}
	b.ReportMetric(ui, "UI")
	b.ReportMetric(oi*1e6, "OI-ppm")
	noStem := func(w string) string { return w }
	ui0, oi0 := stemmerErrors(groups, noStem)
	b.Logf("%d groups: UI %.3f, OI %.2e (no stemming: UI %.3f, OI %.2e)", len(groups), ui, oi, ui0, oi0)
}

// stemmerErrors returns the understemming and overstemming indexes of stem on groups of forms.
func stemmerErrors(groups [][]string, stem func(string) string) (ui, oi float64) {
	var pairs, merged float64
	groupsOf := map[string]map[int]int{} // stem → group → forms
	forms := 0
	for gi, g := range groups {
		stems := make([]string, len(g))
		for i, w := range g {
			stems[i] = stem(Normalize("uk", w))
			if groupsOf[stems[i]] == nil {
				groupsOf[stems[i]] = map[int]int{}
			}
			groupsOf[stems[i]][gi]++
		}
		forms += len(g)
		for i := range stems {
			for j := i + 1; j < len(stems); j++ {
				pairs++
				if stems[i] == stems[j] {
					merged++
				}
			}
		}
	}
	var wrong float64
	for _, byGroup := range groupsOf {
		sum := 0
		for _, n := range byGroup {
			sum += n
		}
		for _, n := range byGroup {
			wrong += float64(n * (sum - n))
		}
	}
	return 1 - merged/pairs, wrong / (float64(forms) * float64(forms-1))
}
