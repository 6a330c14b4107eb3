package textproc

import (
	"strings"
	"unicode/utf8"
)

// Ukrainian has no Snowball stemmer in snowballstem, so this is a light suffix stripper of our
// own, in the tradition of the published ones (vgrichina's ending list, Kobzar's Snowball-style
// rules, the Drupal/Porter-derived ukr_stemmer): no dictionary, a few hundred nanoseconds a word.
//
//  1. Words of three letters or fewer, and words without a vowel, are left alone.
//  2. A reflexive postfix (-ся, -сь, -си) is removed.
//  3. The longest inflectional ending in ukEndings is removed, provided the stem left has three
//     runes or more and a vowel; otherwise the next shorter ending is tried ("знаю": not "зн|аю"
//     but "зна|ю"). See ukStemOK for the two endings that need more care.
//     Endings include the thematic vowel (-аємо, -ити, -ення), so verb, verbal noun and
//     participle forms of one verb usually meet: вибачте, вибачаємо, вибачення → вибат.
//  4. Tidy-up: a final soft sign or apostrophe goes; the epenthetic л after a labial goes
//     (замовлю, замовлення → замов, like замовити); and the final consonant of the stem is
//     folded over the commonest alternations, so that допомогти/допоможу, вказати/вкажіть
//     (г, з, ж → ж), хотіти/хочу (ч → т), писати/пишу, просити/прошу (ш → с), ходити/ходжу
//     (дж → д) share a stem.
//
// Stems are match keys, not linguistic roots: "вибат" is not a word. Known limits are in
// docs/textproc.md (vowel alternations such as рік/року, suppletive forms, prefixes).

// ukEndings lists Ukrainian inflectional endings, nouns, adjectives, participles and verbs
// together; order does not matter (the longest applicable one wins).
const ukEndings = `
а я о е є у ю і ї и й ь
ам ям ом єм ім їм им ах ях ою ею єю ів їв ей ий ій ої ую юю ії ія ію
ого ього ому ьому их іх ими іми има ами ями ьми ові еві єві
ість ості істю остей остям остями остях
ння нням нні нню ннями ннях
ання анням анні анню аннями аннях ань
ення енням енні енню еннями еннях ень
іння інням інні інню іннями іннях
ування уванням уванні уванню уваннями уваннях увань
ювання юванням юванні юванню юваннями юваннях ювань
ений ена ене ені ено еного еному еним ених еними еною еній ену
аний ана ане ані ано аного аному аним аних аними аною аній ану
ти ати яти ити іти їти ути увати ювати
ть ать ять ить іть їть уть ють єть аєть уєть ієть
еш єш иш їш емо ємо имо імо їмо ете єте ите іте їте
аю аєш ає аємо аєте ають
яю яєш яє яємо яєте яють
уєш ує уємо уєте ують
юєш ює юємо юєте юють
ієш іє іємо ієте іють
в ла ло ли ав ала ало али ив ила ило или іла іло іли
ував увала ували увало ював ювала ювало ювали
те йте ймо ай айте аймо яй яйте ьте уй уйте уймо юй юйте
ито уто
ючи учи ачи ячи вши ши авши ивши івши явши увавши ювавши ьмо увано ювано
атиму атимеш атиме атимемо атимете атимуть ятиму ятимеш ятиме ятимемо ятимете ятимуть
итиму итимеш итиме итимемо итимете итимуть ітиму ітимеш ітиме ітимемо ітимете ітимуть
уватиму уватимеш уватиме уватимемо уватимете уватимуть
`

// ukrainianStemmer holds the ending table, indexed by length in runes.
type ukrainianStemmer struct {
	endings [10]map[string]bool // endings[n]: endings of n runes
}

func newUkrainianStemmer() *ukrainianStemmer {
	s := &ukrainianStemmer{}
	for i := range s.endings {
		s.endings[i] = make(map[string]bool)
	}
	for _, e := range strings.Fields(ukEndings) {
		s.endings[runeLen(e)][e] = true
	}
	return s
}

// stem returns the stem of a normalised Ukrainian word.
func (s *ukrainianStemmer) stem(word string) string {
	if runeLen(word) <= 3 || !strings.ContainsAny(word, ukVowels) {
		return word
	}
	w := word
	for _, r := range [...]string{"ся", "сь", "си"} { // reflexive postfixes
		if rest, ok := strings.CutSuffix(w, r); ok && runeLen(rest) >= 3 {
			w = rest
			break
		}
	}
	w = s.stripEnding(w)
	return ukTidy(w)
}

const ukVowels = "аеиоуюяіїє"

// stripEnding removes the longest ending that leaves an acceptable stem.
func (s *ukrainianStemmer) stripEnding(w string) string {
	n := runeLen(w)
	for size := min(len(s.endings)-1, n-1); size > 0; size-- {
		cut := byteIndexFromEnd(w, size)
		if s.endings[size][w[cut:]] && ukStemOK(w[:cut], w[cut:]) {
			return w[:cut]
		}
	}
	return w
}

// ukStemOK reports whether stem is acceptable once ending is removed: three runes or more with
// a vowel ("коли" keeps "кол", not "ко"). Two infinitive endings are ambiguous with nouns:
// a bare "-ти" is only an ending after a consonant (допомог|ти, but робот|и, not робо|ти), and
// "-ати" is not one after labial + л, where it is the genitive of -плата nouns (оплат|и, not
// опл|ати; the verbs of that family end in -ити).
func ukStemOK(stem, ending string) bool {
	if runeLen(stem) < 3 || !strings.ContainsAny(stem, ukVowels) {
		return false
	}
	switch ending {
	case "ти":
		return !endsInVowel(stem)
	case "ати", "яти":
		return !hasLabialL(stem)
	}
	return true
}

func endsInVowel(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(ukVowels, last)
}

// hasLabialL reports whether a stem ends in a labial followed by л (the epenthetic л of
// замовлю, or the root of оплата).
func hasLabialL(stem string) bool {
	for _, cluster := range [...]string{"бл", "пл", "вл", "мл", "фл"} {
		if strings.HasSuffix(stem, cluster) {
			return true
		}
	}
	return false
}

// byteIndexFromEnd returns the byte index where the last n runes of w start.
func byteIndexFromEnd(w string, n int) int {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return i
}

// ukTidy applies the clean-up of step 4 to a stem.
func ukTidy(w string) string {
	w = strings.TrimRight(w, "ь'")
	if runeLen(w) < 3 {
		return w
	}
	if hasLabialL(w) && runeLen(w) >= 4 {
		return w[:len(w)-len("л")]
	}
	// The fleeting vowel of -ок and -ець: карток/картка, кінець/кінця.
	for _, fleeting := range [...]string{"ок", "ец"} {
		if rest, ok := strings.CutSuffix(w, fleeting); ok && runeLen(rest) >= 3 && !endsInVowel(rest) {
			w = rest + fleeting[len("о"):]
			break
		}
	}
	if rest, ok := strings.CutSuffix(w, "дж"); ok {
		return rest + "д"
	}
	last, size := utf8.DecodeLastRuneInString(w)
	switch last {
	case 'г', 'з':
		return w[:len(w)-size] + "ж"
	case 'ч':
		return w[:len(w)-size] + "т"
	case 'ш':
		return w[:len(w)-size] + "с"
	case 'ц':
		return w[:len(w)-size] + "к" // картці/картка
	}
	return w
}
