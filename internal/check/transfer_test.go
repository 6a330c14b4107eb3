package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestTransferRepeat(t *testing.T) {
	transfer := event(transcript.EventTransfer)
	cases := []checkCase{
		{
			name: "pass: the new agent picks up the issue",
			conv: conv("en",
				customer("My order 5531 has not arrived and the tracking link is broken."),
				agent("I'll transfer you to the delivery team."),
				transfer,
				agent("Hi, I see order 5531 is delayed; I have resent it."),
				customer("Great, thanks!")),
			want:     Pass,
			evidence: []span{{1, "I'll transfer"}},
		},
		{
			name: "fail: the new agent asks to describe the issue again",
			conv: conv("en",
				customer("My order 5531 has not arrived."),
				transfer,
				agent("Hello! Could you describe the issue again, please?")),
			want:     Fail,
			evidence: []span{{2, "describe the issue again"}, {1, ""}},
		},
		{
			name: "fail: the customer complains about repeating",
			conv: conv("en",
				customer("My order 5531 has not arrived."),
				transfer,
				agent("Hello, what is the order number?"),
				customer("I already told your colleague, it is 5531!")),
			want:     Fail,
			evidence: []span{{3, "already told"}, {1, ""}},
		},
		{
			name: "fail: the customer restates the issue",
			conv: conv("en",
				customer("My order 5531 has not arrived, the courier never came."),
				agent("Let me connect you with the delivery team."),
				agent("Hello, this is Tom."),
				customer("Hi Tom, my order 5531 has not arrived and the courier never came.")),
			want:     Fail,
			evidence: []span{{0, "My order 5531 has not arrived, the courier never came."}, {3, "Hi Tom, my order 5531 has not arrived and the courier never came."}, {1, "connect you with"}},
		},
		{
			name: "pass: later talk about the same order is no restating",
			conv: conv("en",
				customer("My order 5531 has not arrived, the courier never came."),
				transfer,
				agent("Hello, I see your order 5531 was delayed."),
				customer("Ok."),
				agent("I have booked a new courier for tomorrow."),
				customer("So order 5531 arrives tomorrow with a new courier, right?")),
			want:     Pass,
			evidence: []span{{1, ""}},
		},
		{
			name: "fail: the new agent only asks how they can help",
			conv: conv("en",
				customer("My refund for order 5531 never arrived."),
				transfer,
				agent("Hi, this is Kim. How can I help you today?")),
			want:     Fail,
			evidence: []span{{2, "How can I help"}, {1, ""}},
		},
		{
			name: "pass: the new agent picks up the issue before offering help",
			conv: conv("en",
				customer("My refund for order 5531 never arrived."),
				transfer,
				agent("Hi, this is Kim. I see the refund for order 5531 is stuck; how can I help further?"),
				customer("Just send it, please.")),
			want:     Pass,
			evidence: []span{{1, ""}},
		},
		{
			name: "na: no transfer",
			conv: conv("en",
				customer("Where is my order?"),
				agent("It arrives tomorrow.")),
			want: NA,
		},
		{
			name: "review: no checklist for the language",
			conv: conv("de",
				customer("Wo ist meine Bestellung?"),
				transfer,
				agent("Worum geht es?")),
			want: Review,
		},
		{
			name: "ru: повторите вопрос",
			conv: conv("ru",
				customer("Не приходит код подтверждения."),
				agent("Перевожу вас на специалиста."),
				transfer,
				agent("Здравствуйте! Повторите, пожалуйста, ваш вопрос.")),
			want:     Fail,
			evidence: []span{{3, "Повторите, пожалуйста"}, {1, "Перевожу вас"}},
		},
		{
			name: "uk: я вже пояснював",
			conv: conv("uk",
				customer("Не приходить код підтвердження."),
				transfer,
				agent("Добрий день! Що сталося?"),
				customer("Я вже пояснював: не приходить код.")),
			want:     Fail,
			evidence: []span{{2, "Що сталося"}, {1, ""}},
		},
		{
			name: "ro: am mai explicat",
			conv: conv("ro",
				customer("Nu primesc codul de confirmare."),
				transfer,
				agent("Bună ziua, ce cod nu primiți?"),
				customer("Am mai explicat, codul de confirmare!")),
			want:     Fail,
			evidence: []span{{3, "Am mai explicat"}, {1, ""}},
		},
	}
	runCases(t, TransferRepeat, cases)
}
