package check

import "strings"

// Script serves the script.<name> items: mandatory phrases a rubric requires (introduces self by
// name, a disclosure). It passes when an agent says a phrase of the checklist set named like the
// item, fails with the first agent reply as evidence when none does, and is na with no agent reply.
func Script(in *Input) Result {
	name := strings.TrimPrefix(in.ID, ScriptPrefix)
	agents, res, ok := in.agentReplies(in.ID)
	if !ok {
		return res
	}
	for _, i := range agents {
		if m, ok := in.FindFirst(in.ID, i); ok {
			ev := in.Evidence(i, m)
			return Result{Outcome: Pass, Reason: "script phrase \"" + name + "\" said: " + quote(ev.Text), Evidence: []Evidence{ev}}
		}
	}
	return Result{Outcome: Fail, Reason: "no agent said the script phrase \"" + name + "\"", Evidence: []Evidence{in.TurnEvidence(agents[0])}}
}
