package textproc

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
)

// stemFunc returns the stem of one normalised word.
type stemFunc func(word string) string

// newStemmers returns the stemmer of each language: Snowball (Porter2) for English, Russian and
// Romanian, and our light suffix stripper for Ukrainian, which Snowball lacks (stem_uk.go).
func newStemmers() map[string]stemFunc {
	return map[string]stemFunc{
		"en": snowballStemmer(english.Stem),
		"ru": snowballStemmer(russian.Stem),
		"ro": stemRomanian,
		"uk": newUkrainianStemmer().stem,
	}
}

func snowballStemmer(stem func(*snowballstem.Env) bool) stemFunc {
	return func(word string) string {
		env := snowballstem.NewEnv(word)
		stem(env)
		return env.Current()
	}
}

// romanianEndings restores the diacritics of frequent Romanian endings in a diacritic-free word
// before Snowball sees it: its suffix tables are written with ţ and ş (cedilla), so "puteti"
// would keep its ending while "puteţi" loses it. Both spellings reach the stemmer identically,
// because Norm has already dropped every diacritic.
var romanianEndings = []struct{ plain, marked string }{
	{"tiilor", "ţiilor"}, {"tiile", "ţiile"}, {"tiei", "ţiei"}, {"tie", "ţie"}, {"tia", "ţia"},
	{"tii", "ţii"}, {"ati", "aţi"}, {"eti", "eţi"}, {"iti", "iţi"}, {"esti", "eşti"},
	{"este", "eşte"}, {"easca", "ească"},
}

// stemRomanian stems a diacritic-free Romanian word and returns a diacritic-free stem.
func stemRomanian(word string) string {
	for _, e := range romanianEndings {
		if strings.HasSuffix(word, e.plain) && runeLen(word) > runeLen(e.plain)+2 {
			word = word[:len(word)-len(e.plain)] + e.marked
			break
		}
	}
	env := snowballstem.NewEnv(word)
	romanian.Stem(env)
	return Normalize("ro", env.Current())
}

// stemmable reports whether a normalised word should go to a stemmer: it has letters and no
// digits (order codes such as "tr1840" stay as they are).
func stemmable(word string) bool {
	letter := false
	for _, r := range word {
		switch {
		case isDigit(r):
			return false
		case isLetter(r):
			letter = true
		}
	}
	return letter
}

// stemCache remembers stems: a support conversation repeats the same few hundred words, and a
// Snowball call costs about a microsecond. A sync.Map suits it (each word is written once and
// read many times, from many goroutines, without locks); it is bounded by emptying it when it
// holds more than its size.
type stemCache struct {
	stems sync.Map // normalised word → stem
	size  atomic.Int64
	limit int64
}

func newStemCache(limit int) *stemCache {
	return &stemCache{limit: int64(limit)}
}

func (c *stemCache) get(word string) (string, bool) {
	stem, ok := c.stems.Load(word)
	if !ok {
		return "", false
	}
	return stem.(string), true
}

func (c *stemCache) put(word, stem string) {
	// Clone: word is often a substring of a message, which the cache must not keep alive.
	word, stem = strings.Clone(word), strings.Clone(stem)
	if c.size.Add(1) > c.limit {
		// Full: start again. Concurrent puts may count a word twice; the bound is approximate.
		c.stems.Clear()
		c.size.Store(1)
	}
	c.stems.Store(word, stem)
}

// len returns the number of cached stems (for tests).
func (c *stemCache) len() int { return int(c.size.Load()) }
