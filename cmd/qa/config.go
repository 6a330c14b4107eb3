package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/qa-scorer/qa-scorer/checklists"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/rubrics"
)

// knowledgeFlags choose where checklists and rubrics come from: the copies built into the
// binary by default, or folders given on the command line.
type knowledgeFlags struct {
	checklistDir string
	rubricDir    string
	rubric       string
	language     string
}

func (k *knowledgeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&k.checklistDir, "checklists", "", "checklist folder (default: the checklists built into qa)")
	fs.StringVar(&k.rubricDir, "rubrics", "", "rubric folder for --rubric ID (default: the rubrics built into qa)")
	fs.StringVar(&k.rubric, "rubric", "standard", "rubric id, or path to a rubric .yaml file")
	fs.StringVar(&k.language, "default-language", "en", "language when a conversation has none and detection is unsure")
}

func (k *knowledgeFlags) checklistFS() fs.FS {
	if k.checklistDir != "" {
		return os.DirFS(k.checklistDir)
	}
	return checklists.FS
}

func (k *knowledgeFlags) rubricFS() fs.FS {
	if k.rubricDir != "" {
		return os.DirFS(k.rubricDir)
	}
	return rubrics.FS
}

// loadScorer loads the analyzer and the checklists.
func (k *knowledgeFlags) loadScorer() (*rubric.Scorer, error) {
	an, err := textproc.NewAnalyzer(textproc.Options{DefaultLanguage: k.language})
	if err != nil {
		return nil, err
	}
	know, err := rubric.LoadChecklists(k.checklistFS(), an)
	if err != nil {
		return nil, err
	}
	return rubric.NewScorer(an, know), nil
}

// loadRubric loads --rubric: a file path when it names a .yaml file, else an id.
func (k *knowledgeFlags) loadRubric() (*rubric.Rubric, error) {
	return loadRubricRef(k.rubricFS(), k.rubric)
}

func loadRubricRef(fsys fs.FS, ref string) (*rubric.Rubric, error) {
	if strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") {
		abs, err := filepath.Abs(ref)
		if err != nil {
			return nil, err
		}
		return rubric.Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
	}
	r, err := rubric.Load(fsys, ref)
	if err != nil {
		ids, _ := rubric.List(fsys)
		return nil, fmt.Errorf("%w (available: %s)", err, strings.Join(ids, ", "))
	}
	return r, nil
}
