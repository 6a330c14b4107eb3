package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestResponseTime(t *testing.T) {
	voice, email := transcript.ChannelVoice, transcript.ChannelEmail
	cases := []checkCase{
		{
			name: "pass: every reply within the limit",
			conv: conv("en",
				customer("Hi, where is my order?").at(0),
				agent("Hello! Let me see.").at(30),
				customer("It is 5531.").at(40),
				agent("It arrives tomorrow.").at(95)),
			want: Pass, reason: "the slowest took 55s",
			evidence: []span{{3, "It arrives tomorrow."}},
		},
		{
			name: "fail: measured from the first unanswered message",
			conv: conv("en",
				customer("Hello?").at(0),
				customer("Anyone there?").at(50),
				agent("Sorry, how can I help?").at(90)),
			want: Fail, reason: "took 1m30s",
			evidence: []span{{2, "Sorry, how can I help?"}},
		},
		{
			name: "fail: every late reply is evidence, the slowest first",
			conv: conv("en",
				customer("Where is my order?").at(0),
				agent("Checking.").at(70),
				customer("And?").at(80),
				agent("It arrives tomorrow.").at(300)),
			want: Fail, reason: "2 of 2 measured replies",
			evidence: []span{{3, "It arrives tomorrow."}, {1, "Checking."}},
		},
		{
			name: "pass: the time on hold does not count",
			conv: conv("en",
				customer("Where is my order?").at(0),
				agent("One moment please.").at(20),
				customer("ok").at(25),
				agent("Thanks for waiting, it arrives tomorrow.").at(200)),
			want: Pass, reason: "all 1 measured replies",
			evidence: []span{{1, "One moment please."}},
		},
		{
			name: "pass: queue time before the agent joined does not count",
			conv: conv("en",
				customer("I want to talk to a person.").at(0),
				bot("Connecting you to an agent."),
				customer("Hello?").at(10),
				event(transcript.EventJoin).at(300),
				agent("Hi, I'm Anna. How can I help?").at(320)),
			want: Pass, reason: "the slowest took 20s",
			evidence: []span{{4, "Hi, I'm Anna."}},
		},
		{
			name: "fail: nobody answers the customer's follow-ups",
			conv: conv("en",
				customer("Where is my order?").at(0),
				customer("Hello??").at(200),
				customer("Anyone?").at(400)),
			want: Fail, reason: "waited at least 6m40s with no reply",
			evidence: []span{{2, "Anyone?"}},
		},
		{
			name: "na: no timestamps",
			conv: conv("en",
				customer("Where is my order?"),
				agent("It arrives tomorrow.")),
			want: NA, reason: "no timestamps",
		},
		{
			name: "na: a channel without a limit",
			conv: convOn("en", voice,
				customer("Where is my order?").at(0),
				agent("It arrives tomorrow.").at(500)),
			want: NA, reason: "voice",
		},
		{
			name: "email: a day is within the limit",
			conv: convOn("en", email,
				customer("Where is my order?").at(0),
				agent("It arrives tomorrow.").at(20*3600)),
			want: Pass, reason: "20h0m0s",
			evidence: []span{{1, "It arrives tomorrow."}},
		},
		{
			name: "ru: slow reply",
			conv: conv("ru",
				customer("Где мой заказ?").at(0),
				agent("Заказ в пути.").at(120)),
			want: Fail, reason: "2m0s",
			evidence: []span{{1, "Заказ в пути."}},
		},
		{
			name: "uk: in time",
			conv: conv("uk",
				customer("Де моє замовлення?").at(0),
				agent("Замовлення в дорозі.").at(10)),
			want: Pass, reason: "10s",
			evidence: []span{{1, "Замовлення в дорозі."}},
		},
		{
			name: "ro: a hold request stops the clock",
			conv: conv("ro",
				customer("Unde este comanda mea?").at(0),
				agent("Un moment, vă rog.").at(10),
				customer("Bine.").at(12),
				agent("Comanda e pe drum.").at(150)),
			want: Pass, reason: "10s",
			evidence: []span{{1, "Un moment, vă rog."}},
		},
	}
	runCases(t, ResponseTime, cases)
}
