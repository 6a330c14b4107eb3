package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// nameMaxEnding is how many letters an inflected name may add to its stem: "Іван" → "Іване",
// "Анна" → "Анной", "Ana" → "Anei", "Андрей" → "Андреем"; a longer tail is another word
// ("Иванович", "Ивановка").
const nameMaxEnding = 3

// Reasons of personalization.
var (
	personalizationNoName = explanation{"personalization.na_no_name", NA, "the customer's name is unknown"}
	personalizationPass   = explanation{"personalization.pass", Pass, `the agent addresses the customer by name: "{name}"`}
	personalizationFail   = explanation{"personalization.fail", Fail, `no agent message addresses the customer by name ("{name}")`}
)

var personalizationReasons = []explanation{personalizationNoName, personalizationPass, personalizationFail}

// Personalization passes when an agent addresses the customer by name at least once
// (spec/checks.md §personalization). The name is the transcript's customer.name; each of its
// words of two letters or more counts (the first name, or "Mr Smith" by the surname). A word of
// an agent message matches a name word in any inflection: the same normalised form (case- and,
// for Romanian, diacritic-insensitive), or the name's stem (a final vowel, ь or й dropped;
// Павел → Павл) followed by at most nameMaxEnding letters: "Иван/Ивана/Іване", "Ana/Anei".
// Stemmers are not used because they do not know names. A short name takes only a short
// vowel ending: "Anei" is Ana's, "anul" (the year) is not.
//
// Evidence is the span of the name in the first agent message that uses it; a fail points at
// the first agent message. It is na when the customer's name is unknown or no agent replied.
func Personalization(in *Input) Result {
	lang := in.Text.Language
	var names []personalName
	if in.Conv.Customer != nil {
		names = personalNames(lang, in.Conv.Customer.Name)
	}
	if len(names) == 0 {
		return personalizationNoName.result(nil)
	}
	agents := agentTurns(in.Conv)
	if len(agents) == 0 {
		return reasonNoAgentReply.result(nil)
	}
	for _, i := range agents {
		t := in.Turn(i)
		for _, tok := range t.Tokens {
			if tok.Kind == textproc.Word && nameMatches(tok, names) {
				ev := tokenEvidence(i, tok)
				return personalizationPass.result(Args{"name": clip(tok.Text)}, ev)
			}
		}
	}
	return personalizationFail.result(Args{"name": clip(in.Conv.Customer.Name)}, in.TurnEvidence(agents[0]))
}

// personalName is a word of a customer name that can address them: its normalised form and
// the forms its inflections start with (nameStems).
type personalName struct {
	norm  string
	stems []string
}

// personalNames returns the words of a customer name that can address them: words of two
// letters or more, normalised, split at dots and hyphens ("Ana-Maria" → ana, maria: either part
// addresses her), without e-mail domains ("ivan.petrov@x.ru" → ivan, petrov).
func personalNames(lang, name string) []personalName {
	if at := strings.IndexByte(name, '@'); at >= 0 {
		name = name[:at]
	}
	words := strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	var out []personalName
	for _, w := range words {
		w = strings.Trim(w, "'’")
		if utf8.RuneCountInString(w) >= 2 {
			n := textproc.Normalize(lang, w)
			out = append(out, personalName{norm: n, stems: nameStems(n)})
		}
	}
	return out
}

// nameShortStem is the stem length under which an inflected form may add only a short
// grammatical ending (nameShortEnding): "Anei" is the name Ana, "anul" (the year) is not.
const nameShortStem = 4

// nameShortEnding are the letters of the endings a short stem may take: vowels, й and м
// (Ана → Ане, Аной, Аном; Ana → Anei).
const nameShortEnding = "aeiouyăâîаеёиоуыэюяіїєйм"

// nameMatches reports whether a word token is one of the names in some inflection.
func nameMatches(tok textproc.Token, names []personalName) bool {
	word := tok.Norm
	for _, n := range names {
		if word == n.norm {
			return true
		}
		for _, stem := range n.stems {
			if !strings.HasPrefix(word, stem) {
				continue
			}
			ending := word[len(stem):]
			k := utf8.RuneCountInString(ending)
			if utf8.RuneCountInString(stem) >= nameShortStem && k <= nameMaxEnding ||
				k <= 2 && strings.Trim(ending, nameShortEnding) == "" {
				return true
			}
		}
	}
	return false
}

// nameStems returns the forms a name's inflections start with: the name without its final
// vowel, ь or й (Анна → Анн, Андрей → Андре, Maria → Mari), without a fleeting vowel before
// its last consonant (Павел → Павл), and with the vocative's alternating consonant (Олег → Олеж).
func nameStems(n string) []string {
	r := []rune(n)
	out := []string{n}
	if len(r) >= 3 && strings.ContainsRune("aeiouyăâîаеёиоуыэюяіїєьй", r[len(r)-1]) {
		out = append(out, string(r[:len(r)-1]))
	}
	if k := len(r); k >= 4 && strings.ContainsRune("ео", r[k-2]) && !strings.ContainsRune("aeiouаеиоуыэюяіїє", r[k-1]) {
		out = append(out, string(r[:k-2])+string(r[k-1]))
	}
	// The Ukrainian vocative alternates a final г, к, х: Олег → Олеже.
	if k := len(r); k >= 3 {
		if alt, ok := map[rune]rune{'г': 'ж', 'к': 'ч', 'х': 'ш'}[r[k-1]]; ok {
			out = append(out, string(r[:k-1])+string(alt))
		}
	}
	return out
}
