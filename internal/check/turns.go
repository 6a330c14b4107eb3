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

// agentTurnsAfter returns up to n agent messages after turn i, in order.
func agentTurnsAfter(c *transcript.Conversation, i, n int) []int {
	var out []int
	for j := nextAgentTurn(c, i); j >= 0 && len(out) < n; j = nextAgentTurn(c, j) {
		out = append(out, j)
	}
	return out
}

// repliesAfter returns up to n agent or bot messages after turn i, in order: a bot's answer
// reaches the customer too.
func repliesAfter(c *transcript.Conversation, i, n int) []int {
	var out []int
	for j := i + 1; j < len(c.Turns) && len(out) < n; j++ {
		t := c.Turns[j]
		if (t.Speaker == transcript.SpeakerAgent || t.Speaker == transcript.SpeakerBot) && t.IsMessage() {
			out = append(out, j)
		}
	}
	return out
}
