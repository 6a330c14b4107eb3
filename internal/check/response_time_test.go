package check

import (
	"strings"
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestResponseTime(t *testing.T) {
	chat, voice, email := transcript.ChannelChat, transcript.ChannelVoice, transcript.ChannelEmail
	bot := func(text string) turnCA { return turnCA{speaker: transcript.SpeakerBot, text: text, sec: -1} }
	cases := []struct {
		name       string
		conv       *transcript.Conversation
		want       Outcome
		evidence   []evCAWant
		wantReason string
	}{
		{"pass: every reply within the limit", convCA("en", chat,
			cuCA("Hi, where is my order?").at(0),
			agCA("Hello! Let me see.").at(30),
			cuCA("It is 5531.").at(40),
			agCA("It arrives tomorrow.").at(95)),
			Pass, []evCAWant{{3, "It arrives tomorrow."}}, "the slowest took 55s"},
		{"fail: measured from the first unanswered message", convCA("en", chat,
			cuCA("Hello?").at(0),
			cuCA("Anyone there?").at(50),
			agCA("Sorry, how can I help?").at(90)),
			Fail, []evCAWant{{2, "Sorry, how can I help?"}}, "took 1m30s"},
		{"fail: every late reply is evidence, the slowest first", convCA("en", chat,
			cuCA("Where is my order?").at(0),
			agCA("Checking.").at(70),
			cuCA("And?").at(80),
			agCA("It arrives tomorrow.").at(300)),
			Fail, []evCAWant{{3, "It arrives tomorrow."}, {1, "Checking."}}, "2 of 2 measured replies"},
		{"pass: the time on hold does not count", convCA("en", chat,
			cuCA("Where is my order?").at(0),
			agCA("One moment please.").at(20),
			cuCA("ok").at(25),
			agCA("Thanks for waiting, it arrives tomorrow.").at(200)),
			Pass, []evCAWant{{1, "One moment please."}}, "all 1 measured replies"},
		{"pass: queue time before the agent joined does not count", convCA("en", chat,
			cuCA("I want to talk to a person.").at(0),
			bot("Connecting you to an agent."),
			cuCA("Hello?").at(10),
			evCA(transcript.EventJoin).at(300),
			agCA("Hi, I'm Anna. How can I help?").at(320)),
			Pass, []evCAWant{{4, "Hi, I'm Anna."}}, "the slowest took 20s"},
		{"fail: nobody answers the customer's follow-ups", convCA("en", chat,
			cuCA("Where is my order?").at(0),
			cuCA("Hello??").at(200),
			cuCA("Anyone?").at(400)),
			Fail, []evCAWant{{2, "Anyone?"}}, "waited at least 6m40s with no reply"},
		{"na: no timestamps", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow.")),
			NA, nil, "no timestamps"},
		{"na: a channel without a limit", convCA("en", voice,
			cuCA("Where is my order?").at(0),
			agCA("It arrives tomorrow.").at(500)),
			NA, nil, "voice"},
		{"email: a day is within the limit", convCA("en", email,
			cuCA("Where is my order?").at(0),
			agCA("It arrives tomorrow.").at(20*3600)),
			Pass, []evCAWant{{1, "It arrives tomorrow."}}, "20h0m0s"},
		{"ru: slow reply", convCA("ru", chat,
			cuCA("Где мой заказ?").at(0),
			agCA("Заказ в пути.").at(120)),
			Fail, []evCAWant{{1, "Заказ в пути."}}, "2m0s"},
		{"uk: in time", convCA("uk", chat,
			cuCA("Де моє замовлення?").at(0),
			agCA("Замовлення в дорозі.").at(10)),
			Pass, []evCAWant{{1, "Замовлення в дорозі."}}, "10s"},
		{"ro: a hold request stops the clock", convCA("ro", chat,
			cuCA("Unde este comanda mea?").at(0),
			agCA("Un moment, vă rog.").at(10),
			cuCA("Bine.").at(12),
			agCA("Comanda e pe drum.").at(150)),
			Pass, []evCAWant{{1, "Un moment, vă rog."}}, "10s"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, ResponseTime, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
			if !strings.Contains(got.Reason, tc.wantReason) {
				t.Errorf("reason = %q, want it to mention %q", got.Reason, tc.wantReason)
			}
		})
	}
}
