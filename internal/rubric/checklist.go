package rubric

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
	"gopkg.in/yaml.v3"
)

// SettingsFile is the checklist file of language-independent limits.
const SettingsFile = "settings.yaml"

// Knowledge is everything the checks know: a lexicon per language and the limits. It is loaded
// once and shared read-only.
type Knowledge struct {
	Lexicons map[string]*check.Lexicon
	Settings *check.Settings
	// Sources lists, per language, the files its phrases came from (for `qa rubric show`).
	Sources map[string][]string
}

// Languages returns the languages with a lexicon, sorted.
func (k *Knowledge) Languages() []string {
	out := make([]string, 0, len(k.Lexicons))
	for l := range k.Lexicons {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// checklistFile is the YAML shape of one language's checklist file.
type checklistFile struct {
	Language  string               `yaml:"language"`
	Negations []string             `yaml:"negations"`
	Sets      map[string]yaml.Node `yaml:"sets"`
}

// settingsFile is the YAML shape of settings.yaml.
type settingsFile struct {
	ResponseTime  map[string]string `yaml:"response_time"`
	HoldLimit     map[string]string `yaml:"hold_limit"`
	GreetingBands map[string]string `yaml:"greeting_bands"`
}

// LoadChecklists reads a checklist folder: settings.yaml for limits, and one folder per language
// (en/, ru/, ...) whose *.yaml files hold that language's phrase sets (a set named in two files
// is merged). Errors name the file, the line and the set or field.
func LoadChecklists(fsys fs.FS, an *textproc.Analyzer) (*Knowledge, error) {
	k := &Knowledge{Lexicons: map[string]*check.Lexicon{}, Settings: check.DefaultSettings(), Sources: map[string][]string{}}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("checklists: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == SettingsFile:
			data, err := fs.ReadFile(fsys, name)
			if err == nil {
				err = parseSettings(data, k.Settings)
			}
			if err != nil {
				return nil, fmt.Errorf("checklist %s: %w", name, err)
			}
		case e.IsDir():
			lex, files, err := loadLanguage(fsys, name, an)
			if err != nil {
				return nil, err
			}
			if len(files) > 0 {
				k.Lexicons[name] = lex
				k.Sources[name] = files
			}
		}
	}
	return k, nil
}

// loadLanguage reads the phrase files of one language folder.
func loadLanguage(fsys fs.FS, lang string, an *textproc.Analyzer) (*check.Lexicon, []string, error) {
	entries, err := fs.ReadDir(fsys, lang)
	if err != nil {
		return nil, nil, fmt.Errorf("checklists %s: %w", lang, err)
	}
	sets := map[string][]check.Phrase{}
	var negations, files []string
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		name := path.Join(lang, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("checklist %s: %w", name, err)
		}
		neg, err := parseChecklist(data, lang, an, sets)
		if err != nil {
			return nil, nil, fmt.Errorf("checklist %s: %w", name, err)
		}
		negations = append(negations, neg...)
		files = append(files, name)
	}
	compiled := make(map[string]*check.PhraseSet, len(sets))
	for name, phrases := range sets {
		s := check.NewPhraseSet(name, phrases)
		compiled[name] = &s
	}
	return check.NewLexicon(lang, compiled, negations), files, nil
}

func parseChecklist(data []byte, lang string, an *textproc.Analyzer, sets map[string][]check.Phrase) ([]string, error) {
	var f checklistFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if f.Language != "" && f.Language != lang {
		return nil, fmt.Errorf("language: %w: %q in the folder of %q", ErrInvalid, f.Language, lang)
	}
	var negations []string
	for _, n := range f.Negations {
		negations = append(negations, textproc.Normalize(lang, n))
	}
	names := make([]string, 0, len(f.Sets))
	for name := range f.Sets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		node := f.Sets[name]
		if node.Kind != yaml.SequenceNode {
			return nil, fmt.Errorf("line %d: set %q: %w: want a list of phrases", node.Line, name, ErrInvalid)
		}
		for _, item := range node.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: set %q: %w: want a phrase (a string)", item.Line, name, ErrInvalid)
			}
			p, err := check.CompilePhrase(an, lang, item.Value)
			if err != nil {
				return nil, fmt.Errorf("line %d: set %q: %w", item.Line, name, err)
			}
			sets[name] = append(sets[name], p)
		}
	}
	return negations, nil
}

func parseSettings(data []byte, s *check.Settings) error {
	var f settingsFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return err
	}
	if err := parseLimits(f.ResponseTime, "response_time", s.ResponseLimits); err != nil {
		return err
	}
	if err := parseLimits(f.HoldLimit, "hold_limit", s.HoldLimits); err != nil {
		return err
	}
	for name, spec := range f.GreetingBands {
		b, err := parseBand(spec)
		if err != nil {
			return fmt.Errorf("greeting_bands.%s: %w", name, err)
		}
		s.Bands[name] = b
	}
	return nil
}

func parseLimits(in map[string]string, field string, out map[transcript.Channel]time.Duration) error {
	for ch, v := range in {
		if !validChannel(ch) {
			return fmt.Errorf("%s.%s: %w: not a channel", field, ch, ErrInvalid)
		}
		if v == "" || v == "none" {
			delete(out, transcript.Channel(ch))
			continue
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("%s.%s: %w: %q (a duration such as 60s, 2m, 24h, or none)", field, ch, ErrInvalid, v)
		}
		out[transcript.Channel(ch)] = d
	}
	return nil
}

func validChannel(ch string) bool {
	for _, c := range transcript.Channels {
		if string(c) == ch {
			return true
		}
	}
	return false
}

// parseBand reads "HH:MM-HH:MM".
func parseBand(spec string) (check.Band, error) {
	from, to, ok := strings.Cut(spec, "-")
	if !ok {
		return check.Band{}, fmt.Errorf("%w: %q (want HH:MM-HH:MM)", ErrInvalid, spec)
	}
	f, err1 := time.Parse("15:04", strings.TrimSpace(from))
	t, err2 := time.Parse("15:04", strings.TrimSpace(to))
	if err1 != nil || err2 != nil {
		return check.Band{}, fmt.Errorf("%w: %q (want HH:MM-HH:MM)", ErrInvalid, spec)
	}
	return check.Band{From: f.Hour()*60 + f.Minute(), To: t.Hour()*60 + t.Minute()}, nil
}
