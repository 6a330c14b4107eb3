package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestHoldEtiquette(t *testing.T) {
	chat, email := transcript.ChannelChat, transcript.ChannelEmail
	cases := []struct {
		name     string
		conv     *transcript.Conversation
		want     Outcome
		evidence []evCAWant
	}{
		{"pass: back in time with thanks", convCA("en", chat,
			cuCA("Where is my order 5531?").at(0),
			agCA("One moment please, let me check.").at(20),
			agCA("Thank you for waiting! It arrives tomorrow.").at(80)),
			Pass, []evCAWant{{1, "One moment"}, {2, "Thank you for waiting"}}},
		{"pass: system hold ended by unhold", convCA("en", chat,
			cuCA("Can you check my refund?").at(0),
			evCA(transcript.EventHold).at(10),
			evCA(transcript.EventUnhold).at(100),
			agCA("Thanks for your patience, the refund is done.").at(110)),
			Pass, []evCAWant{{3, "Thanks for your patience"}}},
		{"fail: back too late", convCA("en", chat,
			cuCA("Where is my order?").at(0),
			agCA("Please bear with me while I check.").at(10),
			agCA("Thanks for waiting. It is on its way.").at(400)),
			Fail, []evCAWant{{1, "bear with me"}, {2, "Thanks for waiting."}}},
		{"fail: no thanks for waiting", convCA("en", chat,
			cuCA("Where is my order?").at(0),
			agCA("Just a moment.").at(10),
			agCA("It is on its way.").at(40)),
			Fail, []evCAWant{{1, "Just a moment"}, {2, "It is on its way."}}},
		{"fail: the agent never came back", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Give me a minute please."),
			cuCA("Hello?")),
			Fail, []evCAWant{{1, "Give me a minute"}}},
		{"pass: untimed, judged on the thanks", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("One moment please."),
			agCA("Thank you for your patience. It is on its way.")),
			Pass, []evCAWant{{1, "One moment"}, {2, "Thank you for your patience"}}},
		{"pass: a channel without a hold limit is judged on the thanks", convCA("en", email,
			cuCA("Where is my order?").at(0),
			agCA("Please wait while I check.").at(60),
			agCA("Thanks for waiting. It is on its way.").at(90000)),
			Pass, []evCAWant{{1, "Please wait"}, {2, "Thanks for waiting"}}},
		{"na: no hold", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Let me check: it arrives tomorrow.")),
			NA, nil},
		{"review: no checklist for the language", convCA("de", chat,
			cuCA("Wo ist meine Bestellung?"),
			agCA("Einen Moment bitte.")),
			Review, nil},
		{"ru: минутку and спасибо за ожидание", convCA("ru", chat,
			cuCA("Где мой заказ?").at(0),
			agCA("Одну минуту, уточню.").at(15),
			agCA("Спасибо за ожидание! Заказ в пути.").at(75)),
			Pass, []evCAWant{{1, "Одну минуту"}, {2, "Спасибо за ожидание"}}},
		{"uk: no thanks", convCA("uk", chat,
			cuCA("Де моє замовлення?").at(0),
			agCA("Хвилинку, перевірю.").at(15),
			agCA("Замовлення в дорозі.").at(45)),
			Fail, []evCAWant{{1, "Хвилинку"}, {2, "Замовлення в дорозі."}}},
		{"ro: with and without diacritics", convCA("ro", chat,
			cuCA("Unde este comanda mea?").at(0),
			agCA("Un moment, va rog, verific.").at(15),
			agCA("Mulțumesc pentru răbdare, comanda e pe drum.").at(60)),
			Pass, []evCAWant{{1, "Un moment"}, {2, "Mulțumesc pentru răbdare"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, HoldEtiquette, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
		})
	}
}
