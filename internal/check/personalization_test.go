package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestPersonalization(t *testing.T) {
	named := func(name string, c *transcript.Conversation) *transcript.Conversation {
		return withCustomer(&transcript.Customer{Name: name}, c)
	}
	cases := []checkCase{
		{
			name: "pass: first name",
			conv: named("John Smith", conv("en",
				customer("Where is my order?"),
				agent("Hi John, it arrives tomorrow."))),
			want:     Pass,
			evidence: []span{{1, "John"}},
		},
		{
			name: "pass: by surname, any case",
			conv: named("John Smith", conv("en",
				customer("Where is my order?"),
				agent("Good morning, mr smith! It arrives tomorrow."))),
			want:     Pass,
			evidence: []span{{1, "smith"}},
		},
		{
			name: "fail: the name is never used",
			conv: named("John Smith", conv("en",
				customer("Where is my order?"),
				agent("Hello! It arrives tomorrow."),
				agent("Anything else?"))),
			want:     Fail,
			evidence: []span{{1, "Hello!"}},
		},
		{
			name: "fail: a longer word is another word",
			conv: named("Ana", conv("ro",
				customer("Unde este comanda?"),
				agent("Anul acesta comenzile sunt livrate în 3 zile. Analizăm comanda."))),
			want:     Fail,
			evidence: []span{{1, "Anul acesta comenzile sunt livrate în 3 zile."}},
		},
		{
			name: "na: name unknown",
			conv: conv("en",
				customer("Where is my order?"),
				agent("Hi John, it arrives tomorrow.")),
			want: NA,
		},
		{
			name: "na: no agent reply",
			conv: named("John", conv("en",
				customer("Where is my order?"))),
			want: NA,
		},
		{
			name: "ru: case form",
			conv: named("Иван Петров", conv("ru",
				customer("Где мой заказ?"),
				agent("Ивану уже отправили письмо. Иван, заказ в пути."))),
			want:     Pass,
			evidence: []span{{1, "Ивану"}},
		},
		{
			name: "ru: fleeting vowel",
			conv: named("Павел", conv("ru",
				customer("Где мой заказ?"),
				agent("Спасибо, Павлу передам."))),
			want:     Pass,
			evidence: []span{{1, "Павлу"}},
		},
		{
			name: "uk: vocative",
			conv: named("Олена", conv("uk",
				customer("Де моє замовлення?"),
				agent("Вітаю, Олено! Замовлення в дорозі."))),
			want:     Pass,
			evidence: []span{{1, "Олено"}},
		},
		{
			name: "uk: vocative with a changed consonant",
			conv: named("Олег Бондар", conv("uk",
				customer("Де моє замовлення?"),
				agent("Добрий день, Олеже! Замовлення в дорозі."))),
			want:     Pass,
			evidence: []span{{1, "Олеже"}},
		},
		{
			name: "ro: genitive of a short name",
			conv: named("Ana Popescu", conv("ro",
				customer("Unde este comanda?"),
				agent("Comanda Anei a fost expediată."))),
			want:     Pass,
			evidence: []span{{1, "Anei"}},
		},
		{
			name: "ro: hyphenated first name",
			conv: named("Ana-Maria Dumitrescu", conv("ro",
				customer("Unde este comanda?"),
				agent("Bună ziua, Ana-Maria!"))),
			want:     Pass,
			evidence: []span{{1, "Ana"}},
		},
		{
			name: "ro: name without diacritics",
			conv: named("Ștefan", conv("ro",
				customer("Unde este comanda?"),
				agent("Buna ziua, Stefan!"))),
			want:     Pass,
			evidence: []span{{1, "Stefan"}},
		},
	}
	runCases(t, Personalization, cases)
}
