package check

import (
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of hold_etiquette (checklists/<lang>/hold.yaml).
const (
	// SetHoldRequest are an agent's requests to wait: "one moment please", "bear with me",
	// "одну минуту, уточню", "хвилинку", "un moment, vă rog". A bare "let me check" followed by
	// the answer in the same message is no hold, so the set holds explicit requests to wait.
	SetHoldRequest = "hold.request"
	// SetHoldThanks are thanks (and apologies) for waiting: "thanks for waiting", "thank you
	// for your patience", "спасибо за ожидание", "дякую за очікування", "mulțumesc pentru răbdare".
	SetHoldThanks = "hold.thanks"
)

var holdSets = []string{SetHoldRequest, SetHoldThanks}

// Reasons of hold_etiquette. A fail on one hold names its number and what went wrong; a fail on
// several lists them in {problems}, in English ("hold 1: …; hold 2: …").
var (
	holdNone          = explanation{"hold_etiquette.na", NA, "the agent never put the customer on hold"}
	holdNeverBack     = explanation{"hold_etiquette.fail_never_back", Fail, "hold {hold}: the agent never came back"}
	holdLateUnthanked = explanation{"hold_etiquette.fail_late_unthanked", Fail, "hold {hold}: back after {took} (limit {limit}) and no thanks for waiting"}
	holdLate          = explanation{"hold_etiquette.fail_late", Fail, "hold {hold}: back after {took} (limit {limit})"}
	holdUnthanked     = explanation{"hold_etiquette.fail_unthanked", Fail, "hold {hold}: no thanks for waiting when the agent came back"}
	holdFailSeveral   = explanation{"hold_etiquette.fail_several", Fail, "{problems}"}
	holdPass          = explanation{"hold_etiquette.pass", Pass, "{holds} hold(s): the agent came back within {limit} and thanked the customer for waiting"}
	holdPassUntimed   = explanation{"hold_etiquette.pass_untimed", Pass, "{holds} hold(s): the agent thanked the customer for waiting; the return could not be timed (no timestamps or no hold limit for {channel})"}
)

var holdReasons = []explanation{holdNone, holdNeverBack, holdLateUnthanked, holdLate, holdUnthanked, holdFailSeveral, holdPass, holdPassUntimed}

// hold is one hold of a conversation: where it starts, when, and how the agent came back.
type hold struct {
	start    int        // turn of the hold event or of the agent's request to wait
	ask      *Evidence  // the request to wait, when the agent asked in words
	at       *time.Time // when the hold started
	back     int        // the agent's first message after the hold, or -1
	backAt   *time.Time // when the hold ended: the unhold event, else that message
	returned bool       // an unhold event or an agent message ended the hold
}

// HoldEtiquette checks every hold of the conversation (spec/checks.md §hold_etiquette). A hold
// is a system "hold" event or an agent message asking the customer to wait (hold.request);
// a request to wait followed by a hold event is one hold. It ends at the next "unhold" event or
// agent message. Each hold passes when the agent came back within Settings.HoldLimits of the
// channel and the first agent message after it thanks the customer for waiting (hold.thanks).
//
// A hold whose start or end has no timestamp, or a channel without a hold limit, is judged on
// the thanks alone, and the reason says the return was not timed: the thanks is what the
// transcript can show. It fails naming each hold that came back late, never came back or went
// unthanked, and is na when there was no hold.
func HoldEtiquette(in *Input) Result {
	if in.Set(SetHoldRequest) == nil || in.Set(SetHoldThanks) == nil {
		return in.NoLexicon()
	}
	holds := in.holds()
	if len(holds) == 0 {
		return holdNone.result(nil)
	}
	limit, hasLimit := in.Settings.HoldLimits[in.Conv.Channel]
	var problems []Result
	var evidence, good []Evidence
	untimed := false
	for n, h := range holds {
		if h.ask != nil {
			good = append(good, *h.ask)
		}
		problem, args, timed, thanks := in.judgeHold(h, limit, hasLimit)
		untimed = untimed || !timed
		if problem.code == "" {
			good = append(good, thanks)
			continue
		}
		args["hold"] = n + 1
		problems = append(problems, problem.result(args))
		evidence = append(evidence, holdStartEvidence(in, h))
		if h.back >= 0 {
			evidence = append(evidence, in.TurnEvidence(h.back))
		}
	}
	switch {
	case len(problems) == 1:
		res := problems[0]
		res.Evidence = evidence
		return res
	case len(problems) > 1:
		reasons := make([]string, len(problems))
		for k, p := range problems {
			reasons[k] = p.Reason
		}
		return holdFailSeveral.result(Args{"problems": strings.Join(reasons, "; ")}, evidence...)
	case untimed:
		return holdPassUntimed.result(Args{"holds": len(holds), "channel": string(in.Conv.Channel)}, good...)
	}
	return holdPass.result(Args{"holds": len(holds), "limit": limit.String()}, good...)
}

// judgeHold says what is wrong with one hold (a zero explanation when nothing) with the values
// it quotes, whether its return was timed, and the thanks for waiting when there was one.
func (in *Input) judgeHold(h hold, limit time.Duration, hasLimit bool) (problem explanation, args Args, timed bool, thanks Evidence) {
	if h.back < 0 {
		return holdNeverBack, Args{}, true, Evidence{}
	}
	var d time.Duration
	timed = hasLimit && h.at != nil && h.backAt != nil
	if timed {
		d = max(0, h.backAt.Sub(*h.at))
	}
	m, thanked := in.FindFirst(SetHoldThanks, h.back)
	late := timed && d > limit
	switch {
	case late && !thanked:
		return holdLateUnthanked, Args{"took": d.String(), "limit": limit.String()}, timed, Evidence{}
	case late:
		return holdLate, Args{"took": d.String(), "limit": limit.String()}, timed, Evidence{}
	case !thanked:
		return holdUnthanked, Args{}, timed, Evidence{}
	}
	return explanation{}, nil, timed, in.Evidence(h.back, m)
}

// holdStartEvidence points at the request to wait, or at the hold event.
func holdStartEvidence(in *Input, h hold) Evidence {
	if h.ask != nil {
		return *h.ask
	}
	return Evidence{Turn: h.start}
}

// holds lists the conversation's holds in order.
func (in *Input) holds() []hold {
	c := in.Conv
	var out []hold
	for i := 0; i < len(c.Turns); i++ {
		t := c.Turns[i]
		var h hold
		switch {
		case t.Speaker == transcript.SpeakerSystem && t.Event == transcript.EventHold:
			h = hold{start: i, at: t.At}
		case t.Speaker == transcript.SpeakerAgent && t.IsMessage():
			m, ok := in.holdRequest(i)
			if !ok {
				continue
			}
			ev := in.Evidence(i, m)
			h = hold{start: i, ask: &ev, at: t.At}
		default:
			continue
		}
		i = in.holdEnd(&h)
		out = append(out, h)
	}
	return out
}

// holdRequest returns the first request to wait in agent turn i that is not part of a thanks
// for waiting ("спасибо за ожидание" shares its stem with "ожидайте").
func (in *Input) holdRequest(i int) (Match, bool) {
	thanks := in.Find(SetHoldThanks, i)
	for _, m := range in.Find(SetHoldRequest, i) {
		if !overlapsAny(thanks, m.First, m.Last+1) {
			return m, true
		}
	}
	return Match{}, false
}

// holdEnd finds where hold h ends and returns the index of the last turn it covers. A hold
// event following the request to wait (before the agent writes again) belongs to the same hold.
func (in *Input) holdEnd(h *hold) int {
	c := in.Conv
	h.back = -1
	for j := h.start + 1; j < len(c.Turns); j++ {
		t := c.Turns[j]
		switch {
		case t.Speaker == transcript.SpeakerSystem && t.Event == transcript.EventHold && h.ask != nil && !h.returned:
			if h.at == nil {
				h.at = t.At
			}
		case t.Speaker == transcript.SpeakerSystem && t.Event == transcript.EventUnhold && !h.returned:
			h.backAt, h.returned = t.At, true
		case t.Speaker == transcript.SpeakerAgent && t.IsMessage():
			h.back = j
			if !h.returned {
				h.backAt = t.At
			}
			return j - 1
		}
	}
	return len(c.Turns) - 1
}
