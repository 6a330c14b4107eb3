package check

import "github.com/qa-scorer/qa-scorer/internal/transcript"

// agentTurns returns the indices of the agents' message turns, in order.
func agentTurns(c *transcript.Conversation) []int {
	return turnsBy(c, transcript.SpeakerAgent)
}

// customerTurns returns the indices of the customer's message turns, in order.
func customerTurns(c *transcript.Conversation) []int {
	return turnsBy(c, transcript.SpeakerCustomer)
}

func turnsBy(c *transcript.Conversation, s transcript.Speaker) []int {
	var out []int
	for i, t := range c.Turns {
		if t.Speaker == s && t.IsMessage() {
			out = append(out, i)
		}
	}
	return out
}

// nextAgentTurn returns the first agent message after turn i, or -1.
func nextAgentTurn(c *transcript.Conversation, i int) int {
	for j := i + 1; j < len(c.Turns); j++ {
		if c.Turns[j].Speaker == transcript.SpeakerAgent && c.Turns[j].IsMessage() {
			return j
		}
	}
	return -1
}

// quote shortens a text for a reason line.
func quote(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) > max {
		return "\"" + string(r[:max-1]) + "…\""
	}
	return "\"" + s + "\""
}
