package check

import (
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of the apology check.
const (
	// SetApologyFailure holds a customer's report of a failure on the company's side ("didn't
	// arrive", "списали дважды", "не працює", "nu a ajuns").
	SetApologyFailure = "apology.company_failure"
	// SetApologyApology holds apologies on the company's behalf ("I'm sorry", "приносим
	// извинения", "вибачте за", "ne cerem scuze").
	SetApologyApology = "apology.apology"
	// SetApologyExclude holds what looks like a failure report or an apology and is none: a
	// condition or a preference ("if that doesn't work", "doesn't work for me"), sympathy
	// ("sorry to hear", "жаль это слышать") and apologies for a wait ("sorry for the wait").
	SetApologyExclude = "apology.exclude"
	// SetApologyAdmission holds an agent's admission that the company is at fault ("by
	// mistake", "a bug in our system", "технический сбой на нашей стороне", "din cauza unei
	// erori"): the failure was reported, in whatever words the customer used.
	SetApologyAdmission = "apology.admission"
	// SetApologyCustomerSide holds what places the cause with the customer: their own doubt
	// ("what am I doing wrong?", "что я делаю не так") or the agent's factual explanation
	// ("after three incorrect PIN entries", "introdus greșit"). Such a situation calls for no
	// apology.
	SetApologyCustomerSide = "apology.customer_side"
	// SetApologyAction holds what the agent does about the failure: a fix, compensation,
	// escalation, an explanation or a timeline ("I've issued a refund", "передал специалистам",
	// "ми повернемо кошти", "am trimis din nou"). Promises of expectations.promise count too.
	SetApologyAction = "apology.action"
	// SetApologyOwned holds apologies that name what went wrong ("sorry for the delay",
	// "apologise that you've had to", "приносим извинения за задержку", "перепрошуємо за
	// затримку", "ne cerem scuze pentru factura greșită"), as opposed to "I'm sorry, but ...":
	// an agent who apologises for something has heard a failure on the company's side, in
	// whatever words the customer reported it. Matches covered by apology.exclude (sympathy,
	// "sorry for the wait") are none.
	SetApologyOwned = "apology.owned"
)

var apologySets = []string{SetApologyFailure, SetApologyAdmission, SetApologyCustomerSide, SetApologyApology, SetApologyExclude, SetApologyAction, SetApologyOwned, SetExpectationsPromise}

// Reasons of apology: {failure} is the customer's words reporting the failure.
var (
	apologyNoFailure    = explanation{"apology.na_no_failure", NA, "the customer reports no failure on the company's side"}
	apologyNoReply      = explanation{"apology.na_no_reply", NA, `the customer reports a failure ("{failure}") but no agent reply follows`}
	apologyCustomerSide = explanation{"apology.na_customer_side", NA, `the agent explains that the cause of "{failure}" lies with the customer: "{cause}"`}
	apologyPass         = explanation{"apology.pass", Pass, `the agent apologises for "{failure}" ("{apology}") and acts: "{action}"`}
	apologyNoAction     = explanation{"apology.fail_no_action", Fail, `the agent apologises ("{apology}") for "{failure}" but offers no fix, compensation, escalation, explanation or timeline with it`}
	apologyNone         = explanation{"apology.fail_no_apology", Fail, `the failure ("{failure}") gets no apology on the company's behalf`}
)

var apologyReasons = []explanation{apologyNoFailure, apologyNoReply, apologyCustomerSide, apologyPass, apologyNoAction, apologyNone}

// Apology checks that the agent apologises for a failure the customer reports and pairs the
// apology with an action (spec/checks.md §apology).
//
// The trigger is the first customer message with a failure phrase that is not negated ("it
// isn't broken" is none) nor part of a condition or a preference ("if it doesn't work", "that
// time doesn't work for me"), or, when it comes first, an agent reply admitting a fault on the
// company's side ("by mistake", "технический сбой на нашей стороне") or apologising for one
// (apology.owned: "we apologise for the delay with your refund", "приносим извинения за
// доставленные неудобства"): customers describe failures in more ways than a list can hold,
// and the admission or the apology shows one was reported. Only agent replies after the report
// (from the admitting or apologising reply on) count. An apology is a phrase of
// apology.apology not covered by apology.exclude: "I'm sorry to hear that" is sympathy (the
// empathy check's business) and "sorry for the wait" apologises for something else, while
// "I'm sorry, we don't have it in stock" is an apology form and counts. A bare English "Sorry,"
// is left out of the lists (often a softener: "Sorry, could you repeat?"). The action (an
// apology.action phrase, an admission, which explains the cause, or an expectations.promise)
// must be in the same agent reply as the apology or in the next one.
//
//   - pass: an apology paired with an action.
//   - fail: apologies with no action, or no apology at all (evidence: the failure and the
//     agent's first reply after it).
//   - na: no failure reported, or no agent reply after it, or the customer's side is the cause:
//     the customer suspects their own mistake ("what am I doing wrong?") in the message, or an
//     agent explains it ("after three incorrect PIN entries") and no agent admits a fault.
func Apology(in *Input) Result {
	if in.Set(SetApologyFailure) == nil {
		return in.NoLexicon()
	}
	trig, from, ok := in.companyFailure()
	if !ok {
		return apologyNoFailure.result(nil)
	}
	var replies []int
	for a := from; a >= 0; a = nextAgentTurn(in.Conv, a) {
		replies = append(replies, a)
	}
	if len(replies) == 0 {
		return apologyNoReply.result(Args{"failure": clip(trig.Text)}, trig)
	}
	if cause, ok := in.customerSideCause(replies); ok {
		return apologyCustomerSide.result(Args{"failure": clip(trig.Text), "cause": clip(cause.Text)}, trig, cause)
	}
	var bare *Evidence
	for k, a := range replies {
		aps := in.findUnless(SetApologyApology, a, SetApologyExclude)
		if len(aps) == 0 {
			continue
		}
		ap := in.Evidence(a, aps[0])
		for _, b := range replies[k:min(k+2, len(replies))] {
			if act, ok := in.apologyAction(b); ok {
				return apologyPass.result(Args{"failure": clip(trig.Text), "apology": clip(ap.Text), "action": clip(act.Text)}, trig, ap, act)
			}
		}
		if bare == nil {
			bare = &ap
		}
	}
	if bare != nil {
		return apologyNoAction.result(Args{"apology": clip(bare.Text), "failure": clip(trig.Text)}, trig, *bare)
	}
	return apologyNone.result(Args{"failure": clip(trig.Text)}, trig, in.TurnEvidence(replies[0]))
}

// companyFailure finds the failure that calls for an apology: the first customer report of one,
// or an agent's admission of or apology for one if that comes first. It returns the evidence and the first
// agent reply that may apologise (the one after the report, or the admitting reply itself).
func (in *Input) companyFailure() (Evidence, int, bool) {
	for i, t := range in.Conv.Turns {
		if !t.IsMessage() {
			continue
		}
		switch t.Speaker {
		case transcript.SpeakerCustomer:
			ms := in.findUnless(SetApologyFailure, i, SetApologyExclude)
			if len(ms) > 0 && len(in.Find(SetApologyCustomerSide, i)) == 0 {
				return in.Evidence(i, ms[0]), nextAgentTurn(in.Conv, i), true
			}
		case transcript.SpeakerAgent:
			if m, ok := in.FindFirst(SetApologyAdmission, i); ok {
				return in.Evidence(i, m), i, true
			}
			if m, ok := in.firstUnless(SetApologyOwned, i, SetApologyExclude); ok {
				return in.Evidence(i, m), i, true
			}
		}
	}
	return Evidence{}, -1, false
}

// customerSideCause returns the agent's explanation placing the cause with the customer, unless
// an agent reply also admits a fault of the company's.
func (in *Input) customerSideCause(replies []int) (Evidence, bool) {
	var cause Evidence
	found := false
	for _, a := range replies {
		if _, ok := in.FindFirst(SetApologyAdmission, a); ok {
			return Evidence{}, false
		}
		if m, ok := in.FindFirst(SetApologyCustomerSide, a); ok && !found {
			cause, found = in.Evidence(a, m), true
		}
	}
	return cause, found
}

// apologyAction returns the first action, explanation of the fault or promise in agent turn i.
func (in *Input) apologyAction(i int) (Evidence, bool) {
	var best Match
	found := false
	for _, set := range []string{SetApologyAction, SetApologyAdmission, SetExpectationsPromise} {
		if m, ok := in.FindFirst(set, i); ok && (!found || m.Start < best.Start) {
			best, found = m, true
		}
	}
	if !found {
		return Evidence{}, false
	}
	return in.Evidence(i, best), true
}
