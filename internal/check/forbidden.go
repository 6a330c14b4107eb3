package check

import (
	"fmt"
	"strings"
)

// SetForbidden is the phrase set of forbidden phrases on every channel; SetForbidden+"."+channel
// adds those forbidden on one channel only ("write to us by email" in a chat).
const SetForbidden = "forbidden"

// ForbiddenPhrases fails when an agent uses a forbidden phrase: rudeness, blame, dismissal,
// arguing with a cancellation, sending the customer to another channel. It is never na.
func ForbiddenPhrases(in *Input) Result {
	if in.Set(SetForbidden) == nil {
		return in.NoLexicon()
	}
	sets := []string{SetForbidden, SetForbidden + "." + string(in.Conv.Channel)}
	var evidence []Evidence
	var quotes []string
	agents := agentTurns(in.Conv)
	for _, i := range agents {
		for _, set := range sets {
			for _, m := range in.Find(set, i) {
				ev := in.Evidence(i, m)
				evidence = append(evidence, ev)
				quotes = append(quotes, quote(ev.Text))
			}
		}
	}
	if len(evidence) > 0 {
		return Result{Outcome: Fail, Reason: "forbidden phrase used: " + strings.Join(quotes, ", "), Evidence: evidence}
	}
	return Result{Outcome: Pass, Reason: fmt.Sprintf("no forbidden phrase in %d agent messages", len(agents))}
}
