package check

import "strings"

// Reasons of script.<name>: {script} is the name.
var (
	scriptPass = explanation{"script.pass", Pass, `script phrase "{script}" said: "{phrase}"`}
	scriptFail = explanation{"script.fail", Fail, `no agent said the script phrase "{script}"`}
)

var scriptReasons = []explanation{scriptPass, scriptFail}

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
			return scriptPass.result(Args{"script": name, "phrase": clip(ev.Text)}, ev)
		}
	}
	return scriptFail.result(Args{"script": name}, in.TurnEvidence(agents[0]))
}
