package check

import "github.com/qa-scorer/qa-scorer/internal/textproc"

// Phrase matching compares word forms by number, not by string: the normalised forms and stems
// of a lexicon's phrases are numbered once, when the lexicon is built, and the words of a turn
// are looked up once per conversation (Input.forms), however many phrase sets then read the
// turn. The lookup also says which sets have a phrase starting at each word, so that a set
// skips the words, and the turns, where none of its phrases can start; where one can, the set
// finds its phrases by indexing a slice with the word's numbers (docs/performance.md).

// formID numbers a word form of a vocabulary; 0 is every form no phrase has.
type formID int32

// vocabulary numbers the normalised forms and stems of the words of a group of phrase sets
// (numbered by their order: PhraseSet.index). It is read-only once built.
type vocabulary struct {
	ids map[string]formID
	// The forms that start a phrase are numbered 1 to firsts. Which sets have a phrase whose
	// first word is the form (by its normalised form or its stem) is a bit set of width
	// stride words: starters[id*stride:(id+1)*stride], bit k for set k.
	firsts   formID
	stride   int
	starters []uint64
}

// newVocabulary numbers the word forms of the phrases of the sets: first the forms that start a
// phrase, set by set, so that the forms a set's phrases start with have numbers close
// together (PhraseSet.slot is a slice over them), then the others.
func newVocabulary(sets ...[]Phrase) *vocabulary {
	v := &vocabulary{ids: map[string]formID{}, stride: (len(sets) + 63) / 64}
	for _, phrases := range sets {
		for _, p := range phrases {
			for _, form := range firstForms(p) {
				v.add(form)
			}
		}
	}
	v.firsts = formID(len(v.ids))
	v.starters = make([]uint64, (int(v.firsts)+1)*v.stride)
	for k, phrases := range sets {
		for _, p := range phrases {
			for _, form := range firstForms(p) {
				v.starters[int(v.ids[form])*v.stride+k/64] |= 1 << (k % 64)
			}
		}
	}
	for _, phrases := range sets {
		for _, p := range phrases {
			for _, pt := range p.parts {
				if pt.kind == partWord || pt.kind == partExact {
					v.add(pt.norm)
				}
				if pt.byStem {
					v.add(pt.stem)
				}
			}
		}
	}
	return v
}

// firstForms returns the forms a word must have for the phrase to start at it: the normalised
// form of its first word, and its stem when that word may match by stem. It is empty for a
// phrase that starts with a pattern.
func firstForms(p Phrase) []string {
	switch first := p.parts[0]; {
	case first.byStem:
		return []string{first.norm, first.stem}
	case first.kind == partWord || first.kind == partExact:
		return []string{first.norm}
	}
	return nil
}

func (v *vocabulary) add(form string) {
	if _, ok := v.ids[form]; !ok {
		v.ids[form] = formID(len(v.ids) + 1)
	}
}

// wordForms is one word (or number) of a text as phrase matching reads it: its token index and
// the numbers of its normalised form and its stem.
type wordForms struct {
	tok        int
	norm, stem formID
}

// textForms is an analysed text as phrase matching reads it: its words and numbers in order
// (punctuation, symbols and addresses are skipped), where each sentence's words begin, and which
// sets have a phrase that may start at each word. The zero value is a text not yet read.
type textForms struct {
	words []wordForms
	// sentences[s] is the index in words of the first word of sentence s; sentences[s+1]
	// ends it.
	sentences []int
	// starters[w*stride:(w+1)*stride] are the sets with a phrase that may start at word w, a
	// bit set as in vocabulary.starters; inText are those of all the words.
	stride   int
	starters []uint64
	inText   []uint64
}

// forms looks up the words of t in the vocabulary.
func (v *vocabulary) forms(t *textproc.Text) textForms {
	f := textForms{words: make([]wordForms, 0, len(t.Tokens)), sentences: make([]int, 0, len(t.Sentences)+1), stride: v.stride}
	for _, sent := range t.Sentences {
		f.sentences = append(f.sentences, len(f.words))
		for k := sent.First; k < sent.Last; k++ {
			tok := &t.Tokens[k]
			if tok.Kind != textproc.Word && tok.Kind != textproc.Number {
				continue
			}
			w := wordForms{tok: k, norm: v.ids[tok.Norm]}
			w.stem = w.norm
			if tok.Stem != tok.Norm {
				w.stem = v.ids[tok.Stem]
			}
			f.words = append(f.words, w)
		}
	}
	f.sentences = append(f.sentences, len(f.words))
	bits := make([]uint64, (len(f.words)+1)*v.stride) // one allocation for both
	f.starters, f.inText = bits[:len(f.words)*v.stride], bits[len(f.words)*v.stride:]
	for i, w := range f.words {
		word := f.starters[i*v.stride : (i+1)*v.stride]
		for _, id := range [2]formID{w.norm, w.stem} {
			if id == 0 || id > v.firsts {
				continue
			}
			for k, b := range v.starters[int(id)*v.stride : (int(id)+1)*v.stride] {
				word[k] |= b
				f.inText[k] |= b
			}
		}
	}
	return f
}

// mayStartAt reports whether set number set has a phrase that may start at word w.
func (f *textForms) mayStartAt(w, set int) bool {
	return f.starters[w*f.stride+set/64]&(1<<(set%64)) != 0
}

// mayStartIn reports whether set number set has a phrase that may start at a word of the text.
func (f *textForms) mayStartIn(set int) bool {
	return f.inText[set/64]&(1<<(set%64)) != 0
}
