package check

// SetForbidden is the phrase set of forbidden phrases on every channel; SetForbidden+"."+channel
// adds those forbidden on one channel only ("write to us by email" in a chat).
const SetForbidden = "forbidden"

// Reasons of forbidden_phrases.
var (
	forbiddenFail = explanation{"forbidden_phrases.fail", Fail, "forbidden phrase used: {phrases}"}
	forbiddenPass = explanation{"forbidden_phrases.pass", Pass, "no forbidden phrase in {messages} agent messages"}
)

var forbiddenReasons = []explanation{forbiddenFail, forbiddenPass}

// ForbiddenPhrases fails when an agent uses a forbidden phrase: rudeness, blame, dismissal,
// arguing with a cancellation, sending the customer to another channel. It is never na.
func ForbiddenPhrases(in *Input) Result {
	if in.Set(SetForbidden) == nil {
		return in.NoLexicon()
	}
	sets := []string{SetForbidden, SetForbidden + "." + string(in.Conv.Channel)}
	var evidence []Evidence
	agents := agentTurns(in.Conv)
	for _, i := range agents {
		for _, set := range sets {
			for _, m := range in.Find(set, i) {
				ev := in.Evidence(i, m)
				evidence = append(evidence, ev)
			}
		}
	}
	if len(evidence) > 0 {
		return forbiddenFail.result(Args{"phrases": quoteList(evidence, ", ")}, evidence...)
	}
	return forbiddenPass.result(Args{"messages": len(agents)})
}
