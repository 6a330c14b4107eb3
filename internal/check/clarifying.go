package check

import (
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of the clarifying-question check.
const (
	// SetClarifyingRequest holds requests for information that need no question mark
	// ("please send me the order number", "уточните, пожалуйста", "вкажіть номер").
	SetClarifyingRequest = "clarifying.request"
	// SetClarifyingExclude holds questions that are not about the issue: offers of help
	// ("how can I help?", "anything else?"), hold requests, checks that a fix worked.
	SetClarifyingExclude = "clarifying.exclude"
	// SetClarifyingSolution marks a reply that gives the solution: a completed action ("I've
	// refunded", "я оформил возврат", "am trimis") or an instruction ("go to Settings").
	SetClarifyingSolution = "clarifying.solution"
	// SetClarifyingGuess holds an agent's guess at what the customer meant, made instead of
	// asking ("if you mean", "если вы имеете в виду", "dacă vă referiți la").
	SetClarifyingGuess = "clarifying.guess"
	// SetClarifyingMisunderstood holds a customer's correction of an answer that missed the
	// point ("that's not what I asked", "вы меня не поняли", "не допомогло").
	SetClarifyingMisunderstood = "clarifying.misunderstood"
	// SetClarifyingAside holds sentence openers after which a question or a request asks
	// nothing about the issue: a step for the customer while they wait ("In the meantime,
	// please send us photos", "Пока пришлите…", "Тим часом надішліть…", "Până atunci,
	// trimiteți…") or the agent's own check ("Give me a sec, I'll check if…", "Секунду,
	// проверю, можно ли…", "Stai o secundă, verific dacă…"). Unlike clarifying.exclude they
	// count only where they open the sentence: "Send me the order number and I'll check" asks.
	SetClarifyingAside = "clarifying.aside"
)

// Reasons of clarifying_question.
var (
	clarifyingNoIssue   = explanation{"clarifying_question.na_no_issue", NA, "the customer raised no issue"}
	clarifyingPass      = explanation{"clarifying_question.pass", Pass, `the agent asks about the issue before answering: "{question}"`}
	clarifyingGuessed   = explanation{"clarifying_question.fail_guessed", Fail, `the agent guessed what the customer meant instead of asking: "{guess}"`}
	clarifyingCorrected = explanation{"clarifying_question.fail_corrected", Fail, `the agent answered without asking about the issue and the customer had to correct them: "{correction}"`}
	clarifyingSolved    = explanation{"clarifying_question.na_solved", NA, "the agent solved the request without needing to ask and nothing shows a misunderstanding"}
	clarifyingNotNeeded = explanation{"clarifying_question.na_not_needed", NA, "the agent answered without a question and nothing shows a misunderstanding: no clarification was needed"}
)

var clarifyingReasons = []explanation{clarifyingNoIssue, clarifyingPass, clarifyingGuessed, clarifyingCorrected, clarifyingSolved, clarifyingNotNeeded}

var clarifyingSets = []string{
	SetGreeting, SetCustomerSignoff,
	SetClarifyingRequest, SetClarifyingExclude, SetClarifyingSolution, SetClarifyingGuess, SetClarifyingMisunderstood,
	SetClarifyingAside, SetForbidden,
}

// asideLead is how many words may stand before a clarifying.aside opener ("And in the
// meantime", "Stai o secundă").
const asideLead = 1

// ClarifyingQuestion checks that the agent asks about the customer's issue before giving the
// solution (spec/checks.md §clarifying_question).
//
// The issue is the first customer message that is more than a greeting or a thank-you. The
// solution is the first later agent reply with a solution marker in a sentence that is not a
// question; without one, the whole conversation counts as "before the solution". A clarifying
// question is a sentence of an agent reply after the issue and before the solution that is a
// question (textproc's question detection) or a request for information, and is not an offer of
// help, a hold request, a check that a fix worked, a guess ("if you mean X, do Y"), and does not
// open with an aside: a step for the meantime ("In the meantime, please send us photos") or the
// agent's own check ("Give me a sec, I'll check if the address can still be changed").
// Instructions that try a generic fix ("clear your cache", "переустановите приложение") are
// solutions: a question after one comes too late.
//
//   - pass: there is such a question.
//   - fail: there is none, and the agent guessed instead of asking ("if you mean…", "если вы
//     имеете в виду…") before the solution, or the customer had to correct an answer ("that's
//     not what I meant", "не помогло"): the request needed clarification and did not get it.
//   - na: no agent reply; the customer raised no issue; or the agent answered without asking
//     and nothing shows a misunderstanding, so the request needed no clarification.
//
// Nothing else tells that a request was unclear: an agent who informs, then books, after the
// customer gave every detail, needed no question, and is na rather than fail.
func ClarifyingQuestion(in *Input) Result {
	agents, res, ok := in.agentReplies(SetClarifyingExclude)
	if !ok {
		return res
	}
	issue := in.firstIssueTurn()
	if issue < 0 {
		return clarifyingNoIssue.result(nil)
	}
	solution, sm := in.firstSolution(issue)
	for _, a := range agents {
		if a < issue {
			continue
		}
		if solution >= 0 && a >= solution {
			break
		}
		if ev, ok := in.clarifyingQuestionIn(a); ok {
			return clarifyingPass.result(Args{"question": clip(ev.Text)}, ev)
		}
	}
	if ev, ok := in.agentGuess(issue, solution); ok {
		return clarifyingGuessed.result(Args{"guess": clip(ev.Text)}, ev)
	}
	if agent, cue, ok := in.customerCorrection(issue); ok {
		ev := in.Evidence(cue.turn, cue.m)
		return clarifyingCorrected.result(Args{"correction": clip(ev.Text)}, in.TurnEvidence(agent), ev)
	}
	if solution >= 0 {
		return clarifyingSolved.result(nil, in.Evidence(solution, sm))
	}
	return clarifyingNotNeeded.result(nil)
}

// firstIssueTurn returns the first customer message with a sentence that is not only a greeting
// or a thank-you, or -1.
func (in *Input) firstIssueTurn() int {
	for _, i := range customerTurns(in.Conv) {
		t := in.Turn(i)
		if t == nil {
			continue
		}
		polite := append(in.Find(SetGreeting, i), in.Find(SetCustomerSignoff, i)...)
		for _, s := range t.Sentences {
			if !sentenceCovered(t, s.First, s.Last, polite) {
				return i
			}
		}
	}
	return -1
}

// firstSolution returns the first agent reply after turn issue with a solution marker outside
// a question, and the marker; -1 when there is none.
func (in *Input) firstSolution(issue int) (int, Match) {
	for j := nextAgentTurn(in.Conv, issue); j >= 0; j = nextAgentTurn(in.Conv, j) {
		t := in.Turn(j)
		for _, m := range in.Find(SetClarifyingSolution, j) {
			if s := sentenceOfToken(t, m.First); s >= 0 && !t.Sentences[s].Question {
				return j, m
			}
		}
	}
	return -1, Match{}
}

// clarifyingQuestionIn returns the first sentence of agent turn i that asks about the issue.
func (in *Input) clarifyingQuestionIn(i int) (Evidence, bool) {
	t := in.Turn(i)
	if t == nil {
		return Evidence{}, false
	}
	requests := in.Find(SetClarifyingRequest, i)
	excluded := append(in.Find(SetClarifyingExclude, i), in.Find(SetClarifyingGuess, i)...)
	// A question that argues or blames ("Возможно, стоит ещё раз всё взвесить?") asks nothing
	// about the issue: forbidden phrases exclude their sentence too.
	excluded = append(excluded, in.Find(SetForbidden, i)...)
	excluded = append(excluded, in.Find(SetForbidden+"."+string(in.Conv.Channel), i)...)
	var aside []Match
	for si, s := range t.Sentences {
		asks := s.Question || anyMatchIn(requests, s.First, s.Last)
		if !asks || anyMatchIn(excluded, s.First, s.Last) || s.Last <= s.First {
			continue
		}
		if aside == nil {
			aside = in.Find(SetClarifyingAside, i)
		}
		if _, ok := caMatchIn(t, aside, s.First, s.Last, asideLead); ok {
			continue
		}
		return sentenceWordsEvidence(i, t, si), true
	}
	return Evidence{}, false
}

// turnMatch is a match in a given turn.
type turnMatch struct {
	turn int
	m    Match
}

// customerCorrection finds the first customer correction after an agent reply that follows
// the issue; it returns that agent reply and the correction.
func (in *Input) customerCorrection(issue int) (int, turnMatch, bool) {
	agent := -1
	for i := issue + 1; i < len(in.Conv.Turns); i++ {
		switch t := in.Conv.Turns[i]; {
		case !t.IsMessage():
		case t.Speaker == transcript.SpeakerAgent:
			agent = i
		case t.Speaker == transcript.SpeakerCustomer && agent >= 0:
			if m, ok := in.FindFirst(SetClarifyingMisunderstood, i); ok {
				return agent, turnMatch{turn: i, m: m}, true
			}
		}
	}
	return -1, turnMatch{}, false
}

// agentGuess returns the first guess at the customer's meaning in an agent reply after the
// issue and before the solution (or anywhere after the issue when there is none).
func (in *Input) agentGuess(issue, solution int) (Evidence, bool) {
	for j := nextAgentTurn(in.Conv, issue); j >= 0 && (solution < 0 || j <= solution); j = nextAgentTurn(in.Conv, j) {
		if m, ok := in.FindFirst(SetClarifyingGuess, j); ok {
			return in.Evidence(j, m), true
		}
	}
	return Evidence{}, false
}
