package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestHoldEtiquette(t *testing.T) {
	email := transcript.ChannelEmail
	cases := []checkCase{
		{
			name: "pass: back in time with thanks",
			conv: conv("en",
				customer("Where is my order 5531?").at(0),
				agent("One moment please, let me check.").at(20),
				agent("Thank you for waiting! It arrives tomorrow.").at(80)),
			want:     Pass,
			evidence: []span{{1, "One moment"}, {2, "Thank you for waiting"}},
		},
		{
			name: "pass: system hold ended by unhold",
			conv: conv("en",
				customer("Can you check my refund?").at(0),
				event(transcript.EventHold).at(10),
				event(transcript.EventUnhold).at(100),
				agent("Thanks for your patience, the refund is done.").at(110)),
			want:     Pass,
			evidence: []span{{3, "Thanks for your patience"}},
		},
		{
			name: "fail: back too late",
			conv: conv("en",
				customer("Where is my order?").at(0),
				agent("Please bear with me while I check.").at(10),
				agent("Thanks for waiting. It is on its way.").at(400)),
			want:     Fail,
			evidence: []span{{1, "bear with me"}, {2, "Thanks for waiting."}},
		},
		{
			name: "fail: no thanks for waiting",
			conv: conv("en",
				customer("Where is my order?").at(0),
				agent("Just a moment.").at(10),
				agent("It is on its way.").at(40)),
			want:     Fail,
			evidence: []span{{1, "Just a moment"}, {2, "It is on its way."}},
		},
		{
			name: "fail: the agent never came back",
			conv: conv("en",
				customer("Where is my order?"),
				agent("Give me a minute please."),
				customer("Hello?")),
			want:     Fail,
			evidence: []span{{1, "Give me a minute"}},
		},
		{
			name: "fail: every hold that went wrong is listed",
			conv: conv("en",
				customer("Where is my order?").at(0),
				agent("Just a moment.").at(10),
				agent("It is on its way.").at(40),
				customer("And my refund?").at(50),
				agent("Please bear with me while I check.").at(60),
				agent("Thanks for waiting. It is done.").at(500)),
			want: Fail, reason: "hold 1: no thanks for waiting when the agent came back; hold 2: back after 7m20s (limit 2m0s)",
			evidence: []span{{1, "Just a moment"}, {2, "It is on its way."}, {4, "bear with me"}, {5, "Thanks for waiting."}},
		},
		{
			name: "pass: untimed, judged on the thanks",
			conv: conv("en",
				customer("Where is my order?"),
				agent("One moment please."),
				agent("Thank you for your patience. It is on its way.")),
			want:     Pass,
			evidence: []span{{1, "One moment"}, {2, "Thank you for your patience"}},
		},
		{
			name: "pass: a channel without a hold limit is judged on the thanks",
			conv: convOn("en", email,
				customer("Where is my order?").at(0),
				agent("Please wait while I check.").at(60),
				agent("Thanks for waiting. It is on its way.").at(90000)),
			want:     Pass,
			evidence: []span{{1, "Please wait"}, {2, "Thanks for waiting"}},
		},
		{
			name: "na: no hold",
			conv: conv("en",
				customer("Where is my order?"),
				agent("Let me check: it arrives tomorrow.")),
			want: NA,
		},
		{
			name: "review: no checklist for the language",
			conv: conv("de",
				customer("Wo ist meine Bestellung?"),
				agent("Einen Moment bitte.")),
			want: Review,
		},
		{
			name: "ru: минутку and спасибо за ожидание",
			conv: conv("ru",
				customer("Где мой заказ?").at(0),
				agent("Одну минуту, уточню.").at(15),
				agent("Спасибо за ожидание! Заказ в пути.").at(75)),
			want:     Pass,
			evidence: []span{{1, "Одну минуту"}, {2, "Спасибо за ожидание"}},
		},
		{
			name: "uk: no thanks",
			conv: conv("uk",
				customer("Де моє замовлення?").at(0),
				agent("Хвилинку, перевірю.").at(15),
				agent("Замовлення в дорозі.").at(45)),
			want:     Fail,
			evidence: []span{{1, "Хвилинку"}, {2, "Замовлення в дорозі."}},
		},
		{
			name: "ro: with and without diacritics",
			conv: conv("ro",
				customer("Unde este comanda mea?").at(0),
				agent("Un moment, va rog, verific.").at(15),
				agent("Mulțumesc pentru răbdare, comanda e pe drum.").at(60)),
			want:     Pass,
			evidence: []span{{1, "Un moment"}, {2, "Mulțumesc pentru răbdare"}},
		},
	}
	runCases(t, HoldEtiquette, cases)
}
