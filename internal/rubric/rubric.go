// Package rubric loads checklists (phrase knowledge per language, limits) and rubrics (which
// checks count, in which sections, with which points, which are critical) from YAML, and scores
// conversations into scorecards (spec/scorecard.md).
package rubric

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/check"
	"gopkg.in/yaml.v3"
)

// Sentinel errors of rubric loading.
var (
	ErrUnknownCheck   = errors.New("unknown check id")
	ErrInvalid        = errors.New("invalid value")
	ErrMissing        = errors.New("is required")
	ErrDuplicate      = errors.New("appears twice")
	ErrRubricNotFound = errors.New("rubric not found")
	ErrUnknownField   = errors.New("is not a known field")
)

// DefaultPassScore is the score a conversation needs to pass when a rubric sets none.
const DefaultPassScore = 80

// Rubric says which checks a scorecard contains, grouped in sections, with their points. A rubric
// is versioned: a scorecard records the id and version that made it. Trainers edit rubrics; a
// published version never changes.
type Rubric struct {
	ID          string    `yaml:"id" json:"id"`
	Version     int       `yaml:"version" json:"version"`
	Name        string    `yaml:"name" json:"name"`
	Description string    `yaml:"description" json:"description,omitempty"`
	PassScore   float64   `yaml:"pass_score" json:"pass_score"`
	AppliesTo   AppliesTo `yaml:"applies_to" json:"applies_to"`
	Sections    []Section `yaml:"sections" json:"sections"`
}

// AppliesTo selects the conversations a rubric scores automatically in the server; empty lists
// match everything.
type AppliesTo struct {
	Channels  []string `yaml:"channels" json:"channels,omitempty"`
	Languages []string `yaml:"languages" json:"languages,omitempty"`
	Queues    []string `yaml:"queues" json:"queues,omitempty"`
	Teams     []string `yaml:"teams" json:"teams,omitempty"`
}

// Section groups items under a heading of the scorecard ("Opening", "Resolution").
type Section struct {
	Name  string `yaml:"name" json:"name"`
	Items []Item `yaml:"items" json:"items"`
}

// Item is one scored check. A failed critical item zeroes the score. An optional item counts
// only when it passes: failing it costs nothing (it is still reported).
type Item struct {
	Check       string  `yaml:"check" json:"check"`
	Points      float64 `yaml:"points" json:"points"`
	Critical    bool    `yaml:"critical" json:"critical,omitempty"`
	Optional    bool    `yaml:"optional" json:"optional,omitempty"`
	Description string  `yaml:"description" json:"description,omitempty"`
	line        int
}

// UnmarshalYAML records the item's line for error messages.
func (it *Item) UnmarshalYAML(n *yaml.Node) error {
	type plain Item
	var p plain
	if err := decodeStrict(n, &p, "check", "points", "critical", "optional", "description"); err != nil {
		return err
	}
	*it = Item(p)
	it.line = n.Line
	return nil
}

// Parse reads a rubric from YAML; name is used in errors (a file path). Errors name the file,
// the line and the field.
func Parse(data []byte, name string) (*Rubric, error) {
	var r Rubric
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("rubric %s: %w", name, err)
	}
	if err := r.validate(); err != nil {
		return nil, fmt.Errorf("rubric %s: %w", name, err)
	}
	return &r, nil
}

func (r *Rubric) validate() error {
	if strings.TrimSpace(r.ID) == "" {
		return fmt.Errorf("id: %w", ErrMissing)
	}
	if r.Version < 1 {
		return fmt.Errorf("version: %w: %d (must be 1 or more)", ErrInvalid, r.Version)
	}
	if r.PassScore == 0 {
		r.PassScore = DefaultPassScore
	}
	if r.PassScore < 0 || r.PassScore > 100 {
		return fmt.Errorf("pass_score: %w: %g (0 to 100)", ErrInvalid, r.PassScore)
	}
	if len(r.Sections) == 0 {
		return fmt.Errorf("sections: %w", ErrMissing)
	}
	seen := map[string]int{}
	for si, s := range r.Sections {
		if strings.TrimSpace(s.Name) == "" {
			return fmt.Errorf("sections[%d].name: %w", si, ErrMissing)
		}
		if len(s.Items) == 0 {
			return fmt.Errorf("section %q: items: %w", s.Name, ErrMissing)
		}
		for _, it := range s.Items {
			where := fmt.Sprintf("line %d: section %q: check %q", it.line, s.Name, it.Check)
			if _, ok := check.Lookup(it.Check); !ok {
				return fmt.Errorf("%s: %w", where, ErrUnknownCheck)
			}
			if prev, dup := seen[it.Check]; dup {
				return fmt.Errorf("%s: %w (first at line %d)", where, ErrDuplicate, prev)
			}
			seen[it.Check] = it.line
			if it.Points <= 0 {
				return fmt.Errorf("%s: points: %w: %g (must be more than 0)", where, ErrInvalid, it.Points)
			}
		}
	}
	return nil
}

// Items returns the rubric's items in order with their section names.
func (r *Rubric) Items() []SectionItem {
	var out []SectionItem
	for _, s := range r.Sections {
		for _, it := range s.Items {
			out = append(out, SectionItem{Section: s.Name, Item: it})
		}
	}
	return out
}

// SectionItem is an item with the name of its section.
type SectionItem struct {
	Section string
	Item
}

// Load reads a rubric by id from a folder of rubrics (id.yaml), or from a path to a file when
// ref ends in .yaml or .yml.
func Load(fsys fs.FS, ref string) (*Rubric, error) {
	name := ref
	if !strings.HasSuffix(ref, ".yaml") && !strings.HasSuffix(ref, ".yml") {
		name = ref + ".yaml"
	}
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("rubric %q: %w", ref, ErrRubricNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("rubric %q: %w", ref, err)
	}
	return Parse(data, name)
}

// List returns the ids of the rubrics in a folder, sorted.
func List(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".yaml" {
			ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	return ids, nil
}

// decodeStrict decodes a mapping node, rejecting keys that are not in the struct's yaml tags
// with the key's own line (yaml.Node.Decode ignores the decoder's KnownFields setting).
func decodeStrict(n *yaml.Node, v any, known ...string) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if !slices.Contains(known, key.Value) {
				return fmt.Errorf("line %d: field %q: %w (known: %s)", key.Line, key.Value, ErrUnknownField, strings.Join(known, ", "))
			}
		}
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	return nil
}
