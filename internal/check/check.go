// Package check holds the standard checks of spec/checks.md: pure functions from an analysed
// conversation and the phrase knowledge of its language to a result with evidence. A check
// never reads files, clocks or databases; rubric loads the knowledge and calls it.
package check

import (
	"sort"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Outcome is a check's answer for one conversation (spec/checks.md).
type Outcome string

// The four outcomes.
const (
	Pass   Outcome = "pass"
	Fail   Outcome = "fail"
	NA     Outcome = "na"
	Review Outcome = "review"
)

// Evidence points at the words that decided a result: the turn index into the conversation's
// turns and the rune span within that turn's text. For a fail on absence it points at the turn
// where the behaviour was expected.
type Evidence struct {
	Turn  int    `json:"turn"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Result is what a check found.
type Result struct {
	Outcome Outcome
	Reason  string // one line a reviewer can read, in English
	// Code names which explanation Reason is ("greeting.pass"), and Args are the values it
	// quotes: the web app shows the reason in the reviewer's language from these two
	// (reason.go). Reason is always the code's English template filled with Args.
	Code     string
	Args     Args
	Evidence []Evidence
}

// Input is everything a check may read about one conversation.
type Input struct {
	Conv     *transcript.Conversation
	Text     *textproc.Conversation // Text.Turns[i] analyses Conv.Turns[i]; nil for system turns
	Lexicon  *Lexicon               // phrase knowledge of the conversation's language; nil when there is none
	Settings *Settings              // limits and bands, language-independent
	// ID is the rubric item's check id; it differs from the definition's for script.* items.
	ID string

	// found memoises Find per turn and phrase set: found[turn*nsets+set.index] is 1 + the
	// index in spans of the turn's matches of the set, 0 until searched. Several checks read
	// the same sets of the same turns (greetings, farewells, offers), and complete_answer reads
	// them per question. A span is a range of matches, which holds the memoised matches and is
	// only ever appended to past the last span. forms holds each turn's words as the lexicon
	// numbers them, looked up once for every set (vocabulary.go); content the turn's content
	// words (contentwords.go). Both are empty until read.
	found   []int32
	spans   []matchSpan
	matches []Match
	forms   []textForms
	content [][]contentWord
}

// Func is the body of one check.
type Func func(in *Input) Result

// Definition describes a check: its id, what it runs and which phrase sets of the checklist it
// reads (the checklist loader verifies that each language provides them).
type Definition struct {
	ID   string
	Run  Func
	Sets []string
}

// Standard check ids (spec/checks.md). They never change meaning.
const (
	IDGreeting           = "greeting"
	IDGreetingTime       = "greeting_time"
	IDClarifyingQuestion = "clarifying_question"
	IDEmpathy            = "empathy"
	IDApology            = "apology"
	IDBadNewsFirst       = "bad_news_first"
	IDCompleteAnswer     = "complete_answer"
	IDResponded          = "responded"
	IDResponseTime       = "response_time"
	IDClosing            = "closing"
	IDPersonalization    = "personalization"
	IDHoldEtiquette      = "hold_etiquette"
	IDTransferRepeat     = "transfer_repeat"
	IDExpectations       = "expectations"
	IDForbiddenPhrases   = "forbidden_phrases"
	// ScriptPrefix starts the ids of mandatory script phrases: script.<name> passes when an
	// agent says a phrase of the checklist set of the same name.
	ScriptPrefix = "script."
)

// standard is the registry of standard checks, keyed by id. It is a read-only literal: a check
// is added by writing its file and one line here.
var standard = map[string]Definition{
	IDGreeting:           {ID: IDGreeting, Run: Greeting, Sets: []string{SetGreeting}},
	IDGreetingTime:       {ID: IDGreetingTime, Run: GreetingTime, Sets: greetingTimeSets},
	IDClarifyingQuestion: {ID: IDClarifyingQuestion, Run: ClarifyingQuestion, Sets: clarifyingSets},
	IDEmpathy:            {ID: IDEmpathy, Run: Empathy, Sets: empathySets},
	IDApology:            {ID: IDApology, Run: Apology, Sets: apologySets},
	IDBadNewsFirst:       {ID: IDBadNewsFirst, Run: BadNewsFirst, Sets: badNewsSets},
	IDCompleteAnswer:     {ID: IDCompleteAnswer, Run: CompleteAnswer, Sets: completeAnswerSets},
	IDResponded:          {ID: IDResponded, Run: Responded, Sets: []string{SetCustomerSignoff}},
	IDResponseTime:       {ID: IDResponseTime, Run: ResponseTime},
	IDClosing:            {ID: IDClosing, Run: Closing, Sets: closingSets},
	IDPersonalization:    {ID: IDPersonalization, Run: Personalization},
	IDHoldEtiquette:      {ID: IDHoldEtiquette, Run: HoldEtiquette, Sets: holdSets},
	IDTransferRepeat:     {ID: IDTransferRepeat, Run: TransferRepeat, Sets: transferSets},
	IDExpectations:       {ID: IDExpectations, Run: Expectations, Sets: expectationsSets},
	IDForbiddenPhrases:   {ID: IDForbiddenPhrases, Run: ForbiddenPhrases, Sets: []string{SetForbidden}},
}

// scriptDefinition serves every script.<name> id.
var scriptDefinition = Definition{ID: ScriptPrefix + "*", Run: Script}

// Lookup returns the definition of a check id: a standard check or a script.<name> item.
func Lookup(id string) (Definition, bool) {
	if d, ok := standard[id]; ok {
		return d, true
	}
	if strings.HasPrefix(id, ScriptPrefix) && len(id) > len(ScriptPrefix) {
		d := scriptDefinition
		d.ID = id
		d.Sets = []string{id}
		return d, true
	}
	return Definition{}, false
}

// StandardIDs lists the standard check ids in sorted order.
func StandardIDs() []string {
	ids := make([]string, 0, len(standard))
	for id := range standard {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
