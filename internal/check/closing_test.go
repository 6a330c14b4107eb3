package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestClosing(t *testing.T) {
	chat := transcript.ChannelChat
	cases := []struct {
		name     string
		conv     *transcript.Conversation
		want     Outcome
		evidence []evCAWant
	}{
		{"pass: offer then goodbye in the last two replies", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow. Is there anything else I can help you with?"),
			cuCA("No, thanks."),
			agCA("You're welcome. Have a great day!")),
			Pass, []evCAWant{{1, "anything else I can help"}, {3, "Have a great day"}}},
		{"pass: both in one reply", convCA("en", chat,
			cuCA("Thanks, that's all."),
			agCA("Thank you for contacting us! Let me know if you need anything else.")),
			Pass, []evCAWant{{1, "Thank"}, {1, "Let me know if you need anything"}}},
		{"pass: a question about the need counts as the check", convCA("en", chat,
			cuCA("I need a taxi to the station."),
			agCA("Sure, where should the driver pick you up?"),
			cuCA("Actually I changed my mind, bye."),
			agCA("Okay, goodbye.")),
			Pass, []evCAWant{{1, "Sure, where should the driver pick you up?"}, {3, "goodbye"}}},
		{"fail: goodbye without an offer", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow."),
			cuCA("Ok"),
			agCA("Goodbye.")),
			Fail, []evCAWant{{3, "Goodbye"}}},
		{"fail: offer without a goodbye", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow. Anything else I can do for you?")),
			Fail, []evCAWant{{1, "Anything else"}}},
		{"fail: neither", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("It arrives tomorrow.")),
			Fail, []evCAWant{{1, "It arrives tomorrow."}}},
		{"fail: an earlier offer does not count", convCA("en", chat,
			agCA("Hi! How can I help?"),
			cuCA("Where is my order?"),
			agCA("It is on its way."),
			cuCA("When does it arrive?"),
			agCA("Tomorrow. Bye!")),
			Fail, []evCAWant{{4, "Bye"}}},
		{"na: no agent reply", convCA("en", chat,
			cuCA("Hello?")),
			NA, nil},
		{"review: no checklist for the language", convCA("de", chat,
			cuCA("Danke."),
			agCA("Kann ich noch etwas für Sie tun? Tschüss!")),
			Review, nil},
		{"ru: пожалуйста after thanks answers them", convCA("ru", chat,
			cuCA("Спасибо за помощь!"),
			agCA("Могу ли я ещё чем-то помочь?"),
			cuCA("Нет, спасибо."),
			agCA("Пожалуйста, ваш заказ уже в пути.")),
			Pass, []evCAWant{{1, "Могу ли я ещё чем-то"}, {3, "Пожалуйста"}}},
		{"ru: пожалуйста asking for something is no thanks", convCA("ru", chat,
			cuCA("Где мой заказ?"),
			agCA("Пожалуйста, уточните номер заказа. Чем ещё могу помочь?")),
			Fail, []evCAWant{{1, "Чем ещё могу помочь"}}},
		{"uk: offer and goodbye", convCA("uk", chat,
			cuCA("Дякую!"),
			agCA("Чи можу я ще чимось допомогти? Гарного дня!")),
			Pass, []evCAWant{{1, "можу я ще чимось допомогти"}, {1, "Гарного"}}},
		{"ro: without diacritics", convCA("ro", chat,
			cuCA("Multumesc!"),
			agCA("Va mai pot ajuta cu ceva? O zi buna!")),
			Pass, []evCAWant{{1, "Va mai pot ajuta cu ceva"}, {1, "O zi buna"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, Closing, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
		})
	}
}
