package textproc

import "testing"

func TestQuestion(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		lang, sentence string
		want           bool
	}{
		// English
		{"en", "Where is my order?", true},
		{"en", "where is my order", true},
		{"en", "What time do you close.", true},
		{"en", "Why was I charged twice", true},
		{"en", "Could you send me the order number.", true},
		{"en", "Can you tell me when it ships", true},
		{"en", "Is it possible to change the address", true},
		{"en", "Isn't it shipped yet", true},
		{"en", "Do you know when it will arrive", true},
		{"en", "I was wondering if you ship to Canada.", true},
		{"en", "Please confirm your email address.", true},
		{"en", "Hi John, what time do you close.", true},
		{"en", "And how long does it take", true},
		{"en", "Is there anything else I can help you with.", true},
		{"en", "I've been waiting for a week, could you check", true},
		{"en", "What's the status", true},
		{"en", "The parcel is at the depot.", false},
		{"en", "What a mess.", false},
		{"en", "How nice!", false},
		{"en", "When I opened the box it was empty.", false},
		{"en", "When it arrives, we will email you.", false},
		{"en", "Let me know if you need anything.", false},
		{"en", "I don't know where it is.", false},
		{"en", "Have a great day!", false},
		{"en", "Will do.", false},
		// Russian
		{"ru", "Где мой заказ?", true},
		{"ru", "где мой заказ", true},
		{"ru", "Подскажите, где мой заказ.", true},
		{"ru", "Здравствуйте, подскажите, пожалуйста, статус заказа", true},
		{"ru", "Добрый день, когда будет доставка", true},
		{"ru", "А сколько стоит доставка", true},
		{"ru", "Во сколько вы закрываетесь.", true},
		{"ru", "Можно ли вернуть деньги", true},
		{"ru", "Правильно ли я понимаю, что вы хотите вернуть товар.", true},
		{"ru", "Не подскажете номер заказа", true},
		{"ru", "Не могли бы вы проверить статус", true},
		{"ru", "Уточните, пожалуйста, номер заказа.", true},
		{"ru", "Могу я уточнить адрес", true},
		{"ru", "Интересно, когда придёт посылка.", true},
		{"ru", "Заказ передан в доставку.", false},
		{"ru", "Когда заказ придёт, мы сообщим.", false},
		{"ru", "Спасибо, что написали.", false},
		{"uk", "Дякую, що зачекали.", false},
		{"ru", "Спасибо, а что с заказом", true},
		{"ru", "Понимаю, как это неприятно.", false},
		{"ru", "Как здорово!", false},
		{"ru", "Как здорово! 😊", false},
		{"ru", "Когда заказ придёт, мы сообщим :)", false},
		{"ru", "Когда заказ придёт, мы сообщим (по СМС).", false},
		{"ru", "Как только курьер заберёт посылку, придёт СМС.", false},
		{"ru", "Что-то пошло не так.", false},
		{"ru", "Я не знаю, где мой заказ.", false},
		{"ru", "Что касается оплаты, всё в порядке.", false},
		// Ukrainian
		{"uk", "Де моє замовлення?", true},
		{"uk", "де моє замовлення", true},
		{"uk", "Підкажіть, будь ласка, статус замовлення.", true},
		{"uk", "Доброго дня, коли буде доставка", true},
		{"uk", "Чи можете ви перевірити оплату.", true},
		{"uk", "Скільки коштує доставка", true},
		{"uk", "А навіщо потрібен номер картки", true},
		{"uk", "Уточніть, будь ласка, останні чотири цифри картки.", true},
		{"uk", "Як я можу вам допомогти сьогодні.", true},
		{"uk", "О котрій ви відкриваєтесь", true},
		{"uk", "Розумію, як це неприємно.", false},
		{"uk", "Коли замовлення прибуде, ми повідомимо.", false},
		{"uk", "Статус видно в особистому кабінеті.", false},
		{"uk", "Як і обіцяли, повертаємо кошти.", false},
		{"uk", "Будь-яке питання пишіть сюди.", false},
		// Romanian, with and without diacritics
		{"ro", "Unde este coletul?", true},
		{"ro", "Unde este coletul", true},
		{"ro", "Când ajunge comanda", true},
		{"ro", "Cand ajunge comanda", true},
		{"ro", "De ce nu a ajuns coletul", true},
		{"ro", "Îmi puteți spune numărul comenzii.", true},
		{"ro", "Imi puteti spune numarul comenzii", true},
		{"ro", "Puteți să verificați statusul.", true},
		{"ro", "Oare se poate livra mâine", true},
		{"ro", "Aveți numărul comenzii", true},
		{"ro", "Bună ziua, cât costă livrarea", true},
		{"ro", "Vă rog, unde este comanda", true},
		{"ro", "Spuneți-mi numărul comenzii.", true},
		{"ro", "Coletul a fost întârziat.", false},
		{"ro", "Cum v-am spus, livrarea durează trei zile.", false},
		{"ro", "Ce bine!", false},
		{"ro", "Când comanda ajunge, vă anunțăm.", false},
		{"ro", "Vă mulțumim pentru răbdare.", false},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.sentence, func(t *testing.T) {
			x := a.Analyze(tc.lang, tc.sentence)
			if len(x.Sentences) != 1 {
				t.Fatalf("%d sentences (%s), want 1", len(x.Sentences), sentenceTexts(x))
			}
			if got := x.Sentences[0].Question; got != tc.want {
				t.Errorf("Question = %v, want %v (tokens %s)", got, tc.want, norms(x.Tokens))
			}
		})
	}
}

func TestQuestionsCountedPerSentence(t *testing.T) {
	x := testAnalyzer(t).Analyze("ru", "Здравствуйте. Где мой заказ? И сколько стоит доставка. Спасибо.")
	var got []bool
	for _, s := range x.Sentences {
		got = append(got, s.Question)
	}
	if want := []bool{false, true, true, false}; len(got) != len(want) || got[0] || !got[1] || !got[2] || got[3] {
		t.Errorf("Question flags = %v, want %v", got, want)
	}
	if !x.HasQuestion() {
		t.Error("HasQuestion = false, want true")
	}
}

func TestCompileRulesRejectsEmptyRule(t *testing.T) {
	if _, err := compileRules("en", []string{"!"}); err == nil {
		t.Error("compileRules accepted an empty exclusion")
	}
}
