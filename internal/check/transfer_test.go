package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestTransferRepeat(t *testing.T) {
	chat := transcript.ChannelChat
	transfer := evCA(transcript.EventTransfer)
	cases := []struct {
		name     string
		conv     *transcript.Conversation
		want     Outcome
		evidence []evCAWant
	}{
		{"pass: the new agent picks up the issue", convCA("en", chat,
			cuCA("My order 5531 has not arrived and the tracking link is broken."),
			agCA("I'll transfer you to the delivery team."),
			transfer,
			agCA("Hi, I see order 5531 is delayed; I have resent it."),
			cuCA("Great, thanks!")),
			Pass, []evCAWant{{1, "I'll transfer"}}},
		{"fail: the new agent asks to describe the issue again", convCA("en", chat,
			cuCA("My order 5531 has not arrived."),
			transfer,
			agCA("Hello! Could you describe the issue again, please?")),
			Fail, []evCAWant{{2, "describe the issue again"}, {1, ""}}},
		{"fail: the customer complains about repeating", convCA("en", chat,
			cuCA("My order 5531 has not arrived."),
			transfer,
			agCA("Hello, what is the order number?"),
			cuCA("I already told your colleague, it is 5531!")),
			Fail, []evCAWant{{3, "already told"}, {1, ""}}},
		{"fail: the customer restates the issue", convCA("en", chat,
			cuCA("My order 5531 has not arrived, the courier never came."),
			agCA("Let me connect you with the delivery team."),
			agCA("Hello, this is Tom."),
			cuCA("Hi Tom, my order 5531 has not arrived and the courier never came.")),
			Fail, []evCAWant{{0, "My order 5531 has not arrived, the courier never came."}, {3, "Hi Tom, my order 5531 has not arrived and the courier never came."}, {1, "connect you with"}}},
		{"pass: later talk about the same order is no restating", convCA("en", chat,
			cuCA("My order 5531 has not arrived, the courier never came."),
			transfer,
			agCA("Hello, I see your order 5531 was delayed."),
			cuCA("Ok."),
			agCA("I have booked a new courier for tomorrow."),
			cuCA("So order 5531 arrives tomorrow with a new courier, right?")),
			Pass, []evCAWant{{1, ""}}},
		{"fail: the new agent only asks how they can help", convCA("en", chat,
			cuCA("My refund for order 5531 never arrived."),
			transfer,
			agCA("Hi, this is Kim. How can I help you today?")),
			Fail, []evCAWant{{2, "How can I help"}, {1, ""}}},
		{"pass: the new agent picks up the issue before offering help", convCA("en", chat,
			cuCA("My refund for order 5531 never arrived."),
			transfer,
			agCA("Hi, this is Kim. I see the refund for order 5531 is stuck; how can I help further?"),
			cuCA("Just send it, please.")),
			Pass, []evCAWant{{1, ""}}},
		{"na: no transfer", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow.")),
			NA, nil},
		{"review: no checklist for the language", convCA("de", chat,
			cuCA("Wo ist meine Bestellung?"),
			transfer,
			agCA("Worum geht es?")),
			Review, nil},
		{"ru: повторите вопрос", convCA("ru", chat,
			cuCA("Не приходит код подтверждения."),
			agCA("Перевожу вас на специалиста."),
			transfer,
			agCA("Здравствуйте! Повторите, пожалуйста, ваш вопрос.")),
			Fail, []evCAWant{{3, "Повторите, пожалуйста"}, {1, "Перевожу вас"}}},
		{"uk: я вже пояснював", convCA("uk", chat,
			cuCA("Не приходить код підтвердження."),
			transfer,
			agCA("Добрий день! Що сталося?"),
			cuCA("Я вже пояснював: не приходить код.")),
			Fail, []evCAWant{{2, "Що сталося"}, {1, ""}}},
		{"ro: am mai explicat", convCA("ro", chat,
			cuCA("Nu primesc codul de confirmare."),
			transfer,
			agCA("Bună ziua, ce cod nu primiți?"),
			cuCA("Am mai explicat, codul de confirmare!")),
			Fail, []evCAWant{{3, "Am mai explicat"}, {1, ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, TransferRepeat, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
		})
	}
}
