package check

import "fmt"

// SetGreeting is the phrase set of greetings, neutral and time-of-day alike.
const SetGreeting = "greeting"

// Greeting passes when the agent's first reply greets the customer (spec/checks.md §greeting).
func Greeting(in *Input) Result {
	agents, res, ok := in.agentReplies(SetGreeting)
	if !ok {
		return res
	}
	first := agents[0]
	if m, ok := in.FindFirst(SetGreeting, first); ok {
		ev := in.Evidence(first, m)
		return Result{Outcome: Pass, Reason: fmt.Sprintf("the agent's first reply greets: %s", quote(ev.Text)), Evidence: []Evidence{ev}}
	}
	return Result{
		Outcome:  Fail,
		Reason:   "the agent's first reply has no greeting",
		Evidence: []Evidence{in.TurnEvidence(first)},
	}
}
