package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestPersonalization(t *testing.T) {
	chat := transcript.ChannelChat
	named := func(name string, c *transcript.Conversation) *transcript.Conversation {
		c.Customer = &transcript.Customer{Name: name}
		return c
	}
	cases := []struct {
		name     string
		conv     *transcript.Conversation
		want     Outcome
		evidence []evCAWant
	}{
		{"pass: first name", named("John Smith", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Hi John, it arrives tomorrow."))),
			Pass, []evCAWant{{1, "John"}}},
		{"pass: by surname, any case", named("John Smith", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Good morning, mr smith! It arrives tomorrow."))),
			Pass, []evCAWant{{1, "smith"}}},
		{"fail: the name is never used", named("John Smith", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Hello! It arrives tomorrow."),
			agCA("Anything else?"))),
			Fail, []evCAWant{{1, "Hello!"}}},
		{"fail: a longer word is another word", named("Ana", convCA("ro", chat,
			cuCA("Unde este comanda?"),
			agCA("Anul acesta comenzile sunt livrate în 3 zile. Analizăm comanda."))),
			Fail, []evCAWant{{1, "Anul acesta comenzile sunt livrate în 3 zile."}}},
		{"na: name unknown", convCA("en", chat,
			cuCA("Where is my order?"),
			agCA("Hi John, it arrives tomorrow.")),
			NA, nil},
		{"na: no agent reply", named("John", convCA("en", chat,
			cuCA("Where is my order?"))),
			NA, nil},
		{"ru: case form", named("Иван Петров", convCA("ru", chat,
			cuCA("Где мой заказ?"),
			agCA("Ивану уже отправили письмо. Иван, заказ в пути."))),
			Pass, []evCAWant{{1, "Ивану"}}},
		{"ru: fleeting vowel", named("Павел", convCA("ru", chat,
			cuCA("Где мой заказ?"),
			agCA("Спасибо, Павлу передам."))),
			Pass, []evCAWant{{1, "Павлу"}}},
		{"uk: vocative", named("Олена", convCA("uk", chat,
			cuCA("Де моє замовлення?"),
			agCA("Вітаю, Олено! Замовлення в дорозі."))),
			Pass, []evCAWant{{1, "Олено"}}},
		{"uk: vocative with a changed consonant", named("Олег Бондар", convCA("uk", chat,
			cuCA("Де моє замовлення?"),
			agCA("Добрий день, Олеже! Замовлення в дорозі."))),
			Pass, []evCAWant{{1, "Олеже"}}},
		{"ro: genitive of a short name", named("Ana Popescu", convCA("ro", chat,
			cuCA("Unde este comanda?"),
			agCA("Comanda Anei a fost expediată."))),
			Pass, []evCAWant{{1, "Anei"}}},
		{"ro: hyphenated first name", named("Ana-Maria Dumitrescu", convCA("ro", chat,
			cuCA("Unde este comanda?"),
			agCA("Bună ziua, Ana-Maria!"))),
			Pass, []evCAWant{{1, "Ana"}}},
		{"ro: name without diacritics", named("Ștefan", convCA("ro", chat,
			cuCA("Unde este comanda?"),
			agCA("Buna ziua, Stefan!"))),
			Pass, []evCAWant{{1, "Stefan"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runCA(t, Personalization, tc.conv)
			checkResultCA(t, tc.conv, got, tc.want, tc.evidence)
		})
	}
}
