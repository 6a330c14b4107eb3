package check

import "testing"

func TestClarifyingQuestion(t *testing.T) {
	cases := []checkCase{
		{
			name: "en question before the solution passes",
			conv: conv("en",
				customer("My order hasn't arrived."),
				agent("Hello! Could you send me the order number?"),
				customer("It's 5531."),
				agent("Thanks! I've resent it today.")),
			want: Pass, reason: "asks about the issue",
			evidence: []span{{1, "Could you send me the order number?"}},
		},
		{
			name: "ru request without a question mark passes",
			conv: conv("ru",
				customer("Не могу оплатить заказ картой"),
				agent("Здравствуйте! Уточните, пожалуйста, какая ошибка появляется."),
				customer("Пишет «платёж отклонён»"),
				agent("Я оформила оплату по ссылке, вот ссылка.")),
			want:     Pass,
			evidence: []span{{1, "Уточните, пожалуйста, какая ошибка появляется."}},
		},
		{
			name: "uk clarifying question passes",
			conv: conv("uk",
				customer("Вітаю. Списали двічі за підписку"),
				agent("Добрий день! Чи правильно я розумію, що обидва списання за березень?"),
				customer("Так"),
				agent("Я оформила повернення другого платежу.")),
			want:     Pass,
			evidence: []span{{1, "Чи правильно я розумію, що обидва списання за березень?"}},
		},
		{
			name: "ro clarifying question passes",
			conv: conv("ro",
				customer("Bună ziua, comanda mea nu a ajuns"),
				agent("Bună ziua! Îmi puteți spune numărul comenzii?"),
				customer("7781"),
				agent("Am retrimis coletul.")),
			want:     Pass,
			evidence: []span{{1, "Îmi puteți spune numărul comenzii?"}},
		},
		{
			name: "customer corrects an answer that missed the point: fail",
			conv: conv("en",
				customer("How do I change my delivery address?"),
				agent("You can track your parcel in the app."),
				customer("That's not what I asked, I need a new address.")),
			want: Fail, reason: "had to correct",
			evidence: []span{{1, "You can track your parcel in the app."}, {2, "not what I asked"}},
		},
		{
			name: "ru agent guesses instead of asking: fail",
			conv: conv("ru",
				customer("Не могу разобраться с заказом."),
				agent("Если вы имеете в виду отмену, то я отменила заказ.")),
			want: Fail, reason: "guessed",
			evidence: []span{{1, "Если вы имеете в виду"}},
		},
		{
			name: "ro guess phrased as a request is still a guess: fail",
			conv: conv("ro",
				customer("Aplicația nu se deschide."),
				agent("Dacă vă referiți la aplicația de Android, reinstalați-o.")),
			want: Fail, reason: "guessed",
			evidence: []span{{1, "Dacă vă referiți la"}},
		},
		{
			name: "informing and then solving needs no question: na",
			conv: conv("ru",
				customer("Списали деньги дважды за заказ."),
				agent("Здравствуйте! Двойное списание бывает при повторной оплате."),
				agent("Я оформила возврат второго платежа.")),
			want: NA, reason: "without needing to ask",
			evidence: []span{{2, "Я оформила"}},
		},
		{
			name: "ro answer that did not help: fail",
			conv: conv("ro",
				customer("Aplicația nu se deschide."),
				agent("Reinstalați aplicația din magazin."),
				customer("Nu a ajutat, tot nu merge.")),
			want: Fail, reason: "had to correct",
			evidence: []span{{1, "Reinstalați aplicația din magazin."}, {2, "Nu a ajutat"}},
		},
		{
			name: "offer of more help is not a clarifying question",
			conv: conv("en",
				customer("What are your opening hours on Sunday?"),
				agent("We're open 10 to 4. Is there anything else I can help with?")),
			want: NA, reason: "answered without a question",
		},
		{
			name: "a question after the solution does not count",
			conv: conv("en",
				customer("I was charged twice for my order."),
				agent("I've refunded the second charge. Could you confirm you see it?")),
			want: NA, reason: "without needing to ask",
			evidence: []span{{1, "I've refunded"}},
		},
		{
			name: "the customer raised no issue",
			conv: conv("ru",
				customer("Здравствуйте"),
				agent("Здравствуйте! Чем могу помочь?")),
			want: NA, reason: "no issue",
		},
		{
			name: "no agent reply",
			conv: conv("en",
				customer("My order hasn't arrived.")),
			want: NA, reason: "no agent reply",
		},
		{
			name: "language without a checklist: review",
			conv: conv("de",
				customer("Meine Bestellung ist nicht angekommen."),
				agent("Wie lautet die Bestellnummer?")),
			want: Review, reason: "no checklist",
		},
	}
	runCases(t, ClarifyingQuestion, cases)
}

// TestClarifyingGenericFixesAndAsides covers a generic fix fired before asking, and sentences
// opened by an aside (the agent's own check, a step for the meantime), which ask nothing.
func TestClarifyingGenericFixesAndAsides(t *testing.T) {
	cases := []checkCase{
		{
			name: "en a question after a generic fix the customer corrects fails",
			conv: conv("en",
				customer("I can't submit my meter reading, it keeps throwing an error."),
				agent("Please clear your browser cache and try again."),
				customer("I already tried that, and I'm on the website."),
				agent("What does the error say exactly?")),
			want: Fail, reason: "had to correct",
			evidence: []span{{1, "Please clear your browser cache and try again."}, {2, "already tried"}},
		},
		{
			name: "en a request with the agent's check after it still asks",
			conv: conv("en",
				customer("My order is late."),
				agent("Please send me the order number and I'll check.")),
			want:     Pass,
			evidence: []span{{1, "Please send me the order number and I'll check."}},
		},
		{
			name: "ru the agent's own check is no question",
			conv: conv("ru",
				customer("Можно поменять адрес доставки?"),
				agent("Секунду, проверю, можно ли ещё поменять адрес."),
				agent("Адрес поменял: Профсоюзная 22.")),
			want: NA, reason: "without needing to ask",
			evidence: []span{{2, "поменял"}},
		},
		{
			name: "ru a generic fix corrected by the customer fails",
			conv: conv("ru",
				customer("Промокод не применяется, выдаёт ошибку."),
				agent("Очистите кэш и cookies в браузере."),
				customer("Я с телефона. И приложение я уже переустанавливала."),
				agent("Какой текст ошибки?")),
			want:     Fail,
			evidence: []span{{1, "Очистите кэш и cookies в браузере."}, {2, "уже переустанавливала"}},
		},
		{
			name: "uk a step for the meantime is no question",
			conv: conv("uk",
				customer("Коли буде рішення щодо страхового випадку?"),
				agent("На жаль, звіту комісара ще немає. Тим часом надішліть, будь ласка, фото пошкоджень.")),
			want: NA,
		},
		{
			name: "ro a step for the meantime is no question",
			conv: conv("ro",
				customer("În ce stadiu este cererea de credit?"),
				agent("Raportul de evaluare nu este gata. Până atunci, vă rog să ne trimiteți extrasul de cont.")),
			want: NA,
		},
	}
	runCases(t, ClarifyingQuestion, cases)
}
