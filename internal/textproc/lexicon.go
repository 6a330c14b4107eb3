package textproc

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// lexiconFS holds the per-language word lists: data/<lang>/<list>.txt. They are data, not code,
// so that a linguist can extend them without reading Go (see the header of each file).
//
//go:embed data
var lexiconFS embed.FS

// languages are the languages with a lexicon, tokenizer and stemmer.
var languages = []string{"en", "ru", "uk", "ro"}

// lexicon is what sentence segmentation, question detection and language detection know about
// one language.
type lexicon struct {
	// abbreviations maps an abbreviation (normalised, without its final period) to whether it
	// never ends a sentence (a title before a name, "e.g."): "dr" → true, "etc" → false.
	abbreviations map[string]bool
	// questions are forms that make a clause a question wherever a clause starts: inverted
	// order, "ли", polite requests for information ("подскажите", "could you").
	questions ruleSet
	// interrogatives are question words that make a sentence a question at its start, unless the
	// sentence reads as a subordinate clause ("Когда заказ придёт, мы сообщим.").
	interrogatives ruleSet
	// openers are words skipped before a question word: conjunctions, greetings, "please".
	openers map[string]bool
	// markers are frequent words of the language, for language detection.
	markers map[string]bool
	// thanks are words of thanks after which a question word is a conjunction: "Спасибо, что
	// написали.", "Дякую, що зачекали.", "Mulțumesc că ați așteptat."
	thanks map[string]bool
}

// loadLexicons reads every language's lists from the embedded files.
func loadLexicons() (map[string]*lexicon, error) {
	out := make(map[string]*lexicon, len(languages))
	for _, lang := range languages {
		lex, err := loadLexicon(lexiconFS, lang)
		if err != nil {
			return nil, err
		}
		out[lang] = lex
	}
	return out, nil
}

func loadLexicon(fsys fs.FS, lang string) (*lexicon, error) {
	lex := &lexicon{}
	lines := func(name string) ([]string, error) {
		return readList(fsys, "data/"+lang+"/"+name+".txt")
	}
	abbrev, err := lines("abbreviations")
	if err != nil {
		return nil, err
	}
	lex.abbreviations = make(map[string]bool, len(abbrev))
	for _, a := range abbrev {
		title := strings.HasSuffix(a, "+")
		lex.abbreviations[Normalize(lang, strings.TrimSuffix(strings.TrimSuffix(a, "+"), "."))] = title
	}
	for name, dst := range map[string]*ruleSet{"questions": &lex.questions, "interrogatives": &lex.interrogatives} {
		entries, err := lines(name)
		if err != nil {
			return nil, err
		}
		if *dst, err = compileRules(lang, entries); err != nil {
			return nil, fmt.Errorf("data/%s/%s.txt: %w", lang, name, err)
		}
	}
	for name, dst := range map[string]*map[string]bool{"openers": &lex.openers, "markers": &lex.markers, "thanks": &lex.thanks} {
		entries, err := lines(name)
		if err != nil {
			return nil, err
		}
		*dst = make(map[string]bool, len(entries))
		for _, e := range entries {
			for _, w := range strings.Fields(e) {
				(*dst)[Normalize(lang, w)] = true
			}
		}
	}
	return lex, nil
}

// readList returns the entries of a list file: one per line, trimmed, without blank lines and
// "#" comments.
func readList(fsys fs.FS, path string) ([]string, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("word list %s: %w", path, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("word list %s: %w", path, err)
	}
	return out, nil
}
