package check

import (
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Reasons of response_time. Durations and limits are written as Go writes them ("1m30s");
// turns are indexes into the conversation's turns.
var (
	rtNoLimit    = explanation{"response_time.na_no_limit", NA, "no response time limit for the {channel} channel"}
	rtUnmeasured = explanation{"response_time.na_unmeasured", NA, "no timestamps on a customer message and the agent reply to it"}
	rtPass       = explanation{"response_time.pass", Pass, "all {replies} measured replies within {limit}; the slowest took {slowest}"}
	rtFail       = explanation{"response_time.fail", Fail, "{late} of {replies} measured replies over the {limit} limit; the slowest took {slowest} to answer the customer's message at turn {turn}"}
	rtUnanswered = explanation{"response_time.fail_unanswered", Fail, "{late} of {replies} measured replies over the {limit} limit; the customer's message at turn {turn} waited at least {slowest} with no reply (still waiting at turn {last_turn})"}
)

var responseTimeReasons = []explanation{rtNoLimit, rtUnmeasured, rtPass, rtFail, rtUnanswered}

// ResponseTime passes when every agent reply to the customer comes within the channel's limit,
// Settings.ResponseLimits (spec/checks.md §response_time). The clock of a reply starts at the
// first customer message not yet answered and stops at the next agent message. What does not
// count against the agent:
//   - bot replies: they are no agent reply, but a customer message a bot answered is not
//     waiting for an agent either, so the clock restarts with the customer's next message;
//   - time before the agent joined: the clock starts no earlier than the last join or transfer
//     event (queue time is not the agent's);
//   - holds: while an announced hold runs (a system hold until unhold, or an agent's request to
//     wait, hold.request, until their next message) customer messages start no clock; the
//     agent's return is judged by hold_etiquette against the hold limit.
//
// When no agent answers at all, the customer's own later messages show how long they waited at
// least ("Hello?" five minutes on): that wait is measured too, with evidence on the last of them.
// So is a hold the agent never comes back from: the customer's messages during it wait too.
// A reply with a timestamp missing on either side is not measured. The check is na when the
// channel has no limit (voice by default) or nothing could be measured. A fail names the slowest
// reply and its delay, with evidence on that agent turn and on every other late reply.
func ResponseTime(in *Input) Result {
	limit, ok := in.Settings.ResponseLimits[in.Conv.Channel]
	if !ok {
		return rtNoLimit.result(Args{"channel": string(in.Conv.Channel)})
	}
	replies := in.responseDelays()
	if len(replies) == 0 {
		return rtUnmeasured.result(nil)
	}
	slowest := replies[0]
	var late []rtReply
	for _, r := range replies {
		if r.delay > slowest.delay {
			slowest = r
		}
		if r.delay > limit {
			late = append(late, r)
		}
	}
	ev := in.TurnEvidence(slowest.reply)
	if len(late) == 0 {
		return rtPass.result(Args{"replies": len(replies), "limit": limit.String(), "slowest": slowest.delay.String()}, ev)
	}
	evidence := []Evidence{ev}
	for _, r := range late {
		if r.reply != slowest.reply {
			evidence = append(evidence, in.TurnEvidence(r.reply))
		}
	}
	args := Args{"late": len(late), "replies": len(replies), "limit": limit.String(), "slowest": slowest.delay.String(), "turn": slowest.from}
	if slowest.unanswered {
		args["last_turn"] = slowest.reply
		return rtUnanswered.result(args, evidence...)
	}
	return rtFail.result(args, evidence...)
}

// rtReply is one measured agent reply: the customer message that started the clock, the
// agent message that stopped it, and the time that counts.
type rtReply struct {
	from, reply int
	delay       time.Duration
	unanswered  bool // reply is the customer's last follow-up: no agent answered
}

// responseDelays measures every agent reply to a waiting customer.
func (in *Input) responseDelays() []rtReply {
	var out []rtReply
	waiting := -1                // the first unanswered customer message, or -1
	var joined *time.Time        // the last join or transfer event
	onHold := false              // an announced hold is running: the customer waits for its end
	followUp := -1               // the customer's last timestamped message while waiting
	heldFrom, heldLast := -1, -1 // the customer's first and last timestamped messages during a hold
	for i, t := range in.Conv.Turns {
		switch {
		case t.Speaker == transcript.SpeakerSystem:
			switch t.Event {
			case transcript.EventJoin, transcript.EventTransfer:
				if t.At != nil {
					joined = t.At
				}
			case transcript.EventHold:
				onHold, waiting = true, -1 // putting the customer on hold acknowledges them
			case transcript.EventUnhold:
				onHold = false
				heldFrom, heldLast = -1, -1
			}
		case !t.IsMessage():
		case t.Speaker == transcript.SpeakerCustomer:
			if waiting < 0 && !onHold {
				waiting = i
			}
			if onHold && t.At != nil {
				if heldFrom < 0 {
					heldFrom = i
				}
				heldLast = i
			}
			if waiting >= 0 && t.At != nil {
				followUp = i
			}
		case t.Speaker == transcript.SpeakerBot:
			waiting = -1
		case t.Speaker == transcript.SpeakerAgent:
			if waiting >= 0 {
				if d, ok := rtDelay(in.Conv.Turns[waiting].At, joined, t.At); ok {
					out = append(out, rtReply{from: waiting, reply: i, delay: d})
				}
			}
			waiting = -1
			_, onHold = in.holdRequest(i)
			heldFrom, heldLast = -1, -1
		}
		if waiting < 0 {
			followUp = -1
		}
	}
	// Nobody answered, but the customer's own follow-ups show how long they waited at least.
	if waiting >= 0 && followUp > waiting {
		if d, ok := rtDelay(in.Conv.Turns[waiting].At, joined, in.Conv.Turns[followUp].At); ok {
			out = append(out, rtReply{from: waiting, reply: followUp, delay: d, unanswered: true})
		}
	}
	// A hold the agent never came back from: the customer's messages during it ("Hello?",
	// "Still there?") waited, and their own follow-ups show for how long at least.
	if onHold && heldLast > heldFrom && heldFrom >= 0 {
		if d, ok := rtDelay(in.Conv.Turns[heldFrom].At, joined, in.Conv.Turns[heldLast].At); ok {
			out = append(out, rtReply{from: heldFrom, reply: heldLast, delay: d, unanswered: true})
		}
	}
	return out
}

// rtDelay is the time from the customer's message, or from the agent's joining when that came
// later, to the reply.
func rtDelay(asked, joined, replied *time.Time) (time.Duration, bool) {
	if asked == nil || replied == nil {
		return 0, false
	}
	from := *asked
	if joined != nil && joined.After(from) && !joined.After(*replied) {
		from = *joined
	}
	return max(0, replied.Sub(from)), true
}
