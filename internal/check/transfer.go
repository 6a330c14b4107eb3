package check

import (
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of transfer_repeat (checklists/<lang>/transfer.yaml).
const (
	// SetTransferAnnounce are an agent's words handing the customer over: "I'll transfer you
	// to", "перевожу вас на специалиста", "передаю ваше звернення", "vă transfer către".
	SetTransferAnnounce = "transfer.announce"
	// SetTransferAskRepeat are a new agent's requests to state the issue again: "could you
	// describe the issue again", "повторите, пожалуйста, ваш вопрос", "опишіть ще раз".
	SetTransferAskRepeat = "transfer.ask_repeat"
	// SetTransferComplaint are a customer's complaints about repeating: "I already explained",
	// "я уже писал", "я вже пояснював", "am mai explicat".
	SetTransferComplaint = "transfer.complaint"
	// SetTransferAskOpen are open offers of help ("How can I help you?", "Чем могу помочь?"):
	// as a new agent's first message, without a word of the issue, they ask for it again.
	SetTransferAskOpen = "transfer.ask_open"
)

var transferSets = []string{SetTransferAnnounce, SetTransferAskRepeat, SetTransferComplaint, SetTransferAskOpen, SetCAStopwords}

// Reasons of transfer_repeat.
var (
	transferNone      = explanation{"transfer_repeat.na", NA, "the customer was not transferred"}
	transferAskRepeat = explanation{"transfer_repeat.fail_ask_repeat", Fail, `after the transfer the agent asks the customer to repeat the issue: "{request}"`}
	transferAskOpen   = explanation{"transfer_repeat.fail_ask_open", Fail, `after the transfer the new agent asks "{question}" without a word of the issue`}
	transferComplaint = explanation{"transfer_repeat.fail_complaint", Fail, `after the transfer the customer complains about repeating: "{complaint}"`}
	transferRestated  = explanation{"transfer_repeat.fail_restated", Fail, `after the transfer the customer restates the issue ({shared} words repeated from turn {turn}): "{message}"`}
	transferPass      = explanation{"transfer_repeat.pass", Pass, "after {transfers} transfer(s) the customer did not have to state the issue again"}
)

var transferReasons = []explanation{transferNone, transferAskRepeat, transferAskOpen, transferComplaint, transferRestated, transferPass}

// Restating thresholds: the customer's first message after a transfer restates the issue when
// it shares at least trMinShared content words with an earlier customer message and those make
// up at least trMinShare of its own content words ("My order 5531 has not arrived" again).
const (
	trMinShared = 3
	trMinShare  = 0.5
	// trAskWindow is how many agent messages after a transfer may ask to repeat: later on, "could
	// you repeat the number?" is an ordinary clarification.
	trAskWindow = 2
)

// transferPoint is where the customer was handed over: a transfer event, or the agent's words.
type transferPoint struct {
	turn      int
	ev        Evidence
	announced bool // the agent announced it in words
}

// TransferRepeat passes when, after each transfer, the customer did not have to state the
// issue again (spec/checks.md §transfer_repeat). A transfer is a system "transfer" event or an
// agent announcing one (transfer.announce); an announcement followed by the event is one
// transfer, and one after which the same agent writes on is a case handed over behind the
// scenes, no transfer. Until the next transfer, it fails when
//   - one of the first trAskWindow agent messages asks the customer to repeat or describe the
//     issue again (transfer.ask_repeat), or the first one only asks how it can help
//     (transfer.ask_open) without a content word of the customer's earlier messages,
//   - the customer complains about repeating (transfer.complaint), or
//   - a customer message restates an earlier one, before the new agent has said more than one
//     message (later the customer talks with the new agent about the same thing, naturally):
//     trMinShared or more shared content words (complete_answer.stopwords dropped), making up
//     trMinShare of the new message.
//
// It is na when there was no transfer.
func TransferRepeat(in *Input) Result {
	if in.Set(SetTransferAnnounce) == nil || in.Set(SetTransferAskRepeat) == nil || in.Set(SetTransferComplaint) == nil {
		return in.NoLexicon()
	}
	points := in.transfers()
	if len(points) == 0 {
		return transferNone.result(nil)
	}
	cw := newContentWords(in)
	var evidence []Evidence
	for k, p := range points {
		end := len(in.Conv.Turns)
		if k+1 < len(points) {
			end = points[k+1].turn
		}
		if res, ok := in.transferRepeat(cw, p.turn, end); ok {
			res.Evidence = append(res.Evidence, p.ev)
			return res
		}
		evidence = append(evidence, p.ev)
	}
	return transferPass.result(Args{"transfers": len(points)}, evidence...)
}

// transferRepeat looks for a repetition in turns (from, end) after a transfer at turn from, and
// returns the fail it gives without the transfer's own evidence.
func (in *Input) transferRepeat(cw *contentWords, from, end int) (Result, bool) {
	asked := 0
	for i := from + 1; i < end; i++ {
		t := in.Conv.Turns[i]
		if !t.IsMessage() {
			continue
		}
		switch t.Speaker {
		case transcript.SpeakerAgent:
			asked++
			if asked > trAskWindow {
				continue
			}
			if m, ok := in.FindFirst(SetTransferAskRepeat, i); ok {
				ev := in.Evidence(i, m)
				return transferAskRepeat.result(Args{"request": clip(ev.Text)}, ev), true
			}
			if m, ok := in.FindFirst(SetTransferAskOpen, i); ok && asked == 1 && !in.trPicksUp(cw, i, from) {
				ev := in.Evidence(i, m)
				return transferAskOpen.result(Args{"question": clip(ev.Text)}, ev), true
			}
		case transcript.SpeakerCustomer:
			if m, ok := in.FindFirst(SetTransferComplaint, i); ok {
				ev := in.Evidence(i, m)
				return transferComplaint.result(Args{"complaint": clip(ev.Text)}, ev), true
			}
			if asked > 1 || len(cw.turnWords(i)) < trMinShared {
				continue // the customer answers the new agent now, or says only "hello?"
			}
			if earlier, shared, ok := in.transferRestates(cw, i, from); ok {
				ev := in.TurnEvidence(i)
				return transferRestated.result(Args{"shared": shared, "turn": earlier, "message": clip(in.Conv.Turns[i].Text)},
					in.TurnEvidence(earlier), ev), true
			}
		}
	}
	return Result{}, false
}

// trPicksUp reports whether agent turn i shares a content word with the customer's messages
// before turn before: the new agent shows they read the issue.
func (in *Input) trPicksUp(cw *contentWords, i, before int) bool {
	mine := cw.turnWords(i)
	for _, j := range customerTurns(in.Conv) {
		if j >= before {
			break
		}
		if sharedWords(mine, cw.turnWords(j)) > 0 {
			return true
		}
	}
	return false
}

// transferRestates compares customer turn i with the customer's messages before turn before and
// returns the one it repeats most, with the number of shared content words.
func (in *Input) transferRestates(cw *contentWords, i, before int) (int, int, bool) {
	now := cw.turnWords(i)
	if len(now) < trMinShared {
		return 0, 0, false
	}
	best, bestShared := -1, 0
	for _, j := range customerTurns(in.Conv) {
		if j >= before {
			break
		}
		shared := sharedWords(now, cw.turnWords(j))
		if shared > bestShared {
			best, bestShared = j, shared
		}
	}
	if best < 0 || bestShared < trMinShared || float64(bestShared) < trMinShare*float64(len(now)) {
		return 0, 0, false
	}
	return best, bestShared, true
}

// transfers lists the conversation's transfers in order.
func (in *Input) transfers() []transferPoint {
	var out []transferPoint
	for i, t := range in.Conv.Turns {
		switch {
		case t.Speaker == transcript.SpeakerSystem && t.Event == transcript.EventTransfer:
			if n := len(out); n > 0 && out[n-1].announced && !in.trAgentBetween(out[n-1].turn, i) {
				out[n-1].turn = i // the event carries out the announced transfer
				continue
			}
			out = append(out, transferPoint{turn: i, ev: Evidence{Turn: i}})
		case t.Speaker == transcript.SpeakerAgent && t.IsMessage():
			if m, ok := in.FindFirst(SetTransferAnnounce, i); ok && !in.sameAgentGoesOn(i) {
				out = append(out, transferPoint{turn: i, ev: in.Evidence(i, m), announced: true})
			}
		}
	}
	return out
}

// sameAgentGoesOn reports whether the agent of turn i, who announced a handover, is also known
// to write the next agent message with no transfer event between: "I've passed your request to
// the disputes team" then hands over a case behind the scenes, not the conversation.
func (in *Input) sameAgentGoesOn(i int) bool {
	c := in.Conv
	for _, t := range c.Turns[i+1:] {
		switch {
		case t.Speaker == transcript.SpeakerSystem && t.Event == transcript.EventTransfer:
			return false
		case t.Speaker == transcript.SpeakerAgent && t.IsMessage():
			who := c.AgentOf(t)
			return who != "" && who == c.AgentOf(c.Turns[i])
		}
	}
	return false
}

// trAgentBetween reports whether an agent message stands between turns a and b (the customer's
// "ok, thanks" between an announcement and the transfer event does not count).
func (in *Input) trAgentBetween(a, b int) bool {
	j := nextAgentTurn(in.Conv, a)
	return j >= 0 && j < b
}
