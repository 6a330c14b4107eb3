package check

// SetGreeting is the phrase set of greetings, neutral and time-of-day alike.
const SetGreeting = "greeting"

// Reasons of greeting.
var (
	greetingPass = explanation{"greeting.pass", Pass, `the agent's first reply greets: "{phrase}"`}
	greetingFail = explanation{"greeting.fail", Fail, "the agent's first reply has no greeting"}
)

var greetingReasons = []explanation{greetingPass, greetingFail}

// Greeting passes when the agent's first reply greets the customer (spec/checks.md §greeting).
func Greeting(in *Input) Result {
	agents, res, ok := in.agentReplies(SetGreeting)
	if !ok {
		return res
	}
	first := agents[0]
	if m, ok := in.FindFirst(SetGreeting, first); ok {
		ev := in.Evidence(first, m)
		return greetingPass.result(Args{"phrase": clip(ev.Text)}, ev)
	}
	return greetingFail.result(nil, in.TurnEvidence(first))
}
