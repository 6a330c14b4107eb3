package check

import "testing"

func TestClarifyingQuestion(t *testing.T) {
	cases := []struct {
		name   string
		lang   string
		turns  []string
		want   Outcome
		reason string
		evs    []evSP
	}{
		{
			name: "en question before the solution passes", lang: "en",
			turns: []string{
				"c: My order hasn't arrived.",
				"a: Hello! Could you send me the order number?",
				"c: It's 5531.",
				"a: Thanks! I've resent it today.",
			},
			want: Pass, reason: "asks about the issue",
			evs: []evSP{{1, "Could you send me the order number?"}},
		},
		{
			name: "ru request without a question mark passes", lang: "ru",
			turns: []string{
				"c: Не могу оплатить заказ картой",
				"a: Здравствуйте! Уточните, пожалуйста, какая ошибка появляется.",
				"c: Пишет «платёж отклонён»",
				"a: Я оформила оплату по ссылке, вот ссылка.",
			},
			want: Pass,
			evs:  []evSP{{1, "Уточните, пожалуйста, какая ошибка появляется."}},
		},
		{
			name: "uk clarifying question passes", lang: "uk",
			turns: []string{
				"c: Вітаю. Списали двічі за підписку",
				"a: Добрий день! Чи правильно я розумію, що обидва списання за березень?",
				"c: Так",
				"a: Я оформила повернення другого платежу.",
			},
			want: Pass,
			evs:  []evSP{{1, "Чи правильно я розумію, що обидва списання за березень?"}},
		},
		{
			name: "ro clarifying question passes", lang: "ro",
			turns: []string{
				"c: Bună ziua, comanda mea nu a ajuns",
				"a: Bună ziua! Îmi puteți spune numărul comenzii?",
				"c: 7781",
				"a: Am retrimis coletul.",
			},
			want: Pass,
			evs:  []evSP{{1, "Îmi puteți spune numărul comenzii?"}},
		},
		{
			name: "customer corrects an answer that missed the point: fail", lang: "en",
			turns: []string{
				"c: How do I change my delivery address?",
				"a: You can track your parcel in the app.",
				"c: That's not what I asked, I need a new address.",
			},
			want: Fail, reason: "had to correct",
			evs: []evSP{{1, "You can track your parcel in the app."}, {2, "not what I asked"}},
		},
		{
			name: "ru agent guesses instead of asking: fail", lang: "ru",
			turns: []string{
				"c: Не могу разобраться с заказом.",
				"a: Если вы имеете в виду отмену, то я отменила заказ.",
			},
			want: Fail, reason: "guessed",
			evs: []evSP{{1, "Если вы имеете в виду"}},
		},
		{
			name: "ro guess phrased as a request is still a guess: fail", lang: "ro",
			turns: []string{
				"c: Aplicația nu se deschide.",
				"a: Dacă vă referiți la aplicația de Android, reinstalați-o.",
			},
			want: Fail, reason: "guessed",
			evs: []evSP{{1, "Dacă vă referiți la"}},
		},
		{
			name: "informing and then solving needs no question: na", lang: "ru",
			turns: []string{
				"c: Списали деньги дважды за заказ.",
				"a: Здравствуйте! Двойное списание бывает при повторной оплате.",
				"a: Я оформила возврат второго платежа.",
			},
			want: NA, reason: "without needing to ask",
			evs: []evSP{{2, "Я оформила"}},
		},
		{
			name: "ro answer that did not help: fail", lang: "ro",
			turns: []string{
				"c: Aplicația nu se deschide.",
				"a: Reinstalați aplicația din magazin.",
				"c: Nu a ajutat, tot nu merge.",
			},
			want: Fail, reason: "had to correct",
			evs: []evSP{{1, "Reinstalați aplicația din magazin."}, {2, "Nu a ajutat"}},
		},
		{
			name: "offer of more help is not a clarifying question", lang: "en",
			turns: []string{
				"c: What are your opening hours on Sunday?",
				"a: We're open 10 to 4. Is there anything else I can help with?",
			},
			want: NA, reason: "answered without a question",
		},
		{
			name: "a question after the solution does not count", lang: "en",
			turns: []string{
				"c: I was charged twice for my order.",
				"a: I've refunded the second charge. Could you confirm you see it?",
			},
			want: NA, reason: "without needing to ask",
			evs: []evSP{{1, "I've refunded"}},
		},
		{
			name: "the customer raised no issue", lang: "ru",
			turns: []string{"c: Здравствуйте", "a: Здравствуйте! Чем могу помочь?"},
			want:  NA, reason: "no issue",
		},
		{
			name: "no agent reply", lang: "en",
			turns: []string{"c: My order hasn't arrived."},
			want:  NA, reason: "no agent reply",
		},
		{
			name: "language without a checklist: review", lang: "de",
			turns: []string{"c: Meine Bestellung ist nicht angekommen.", "a: Wie lautet die Bestellnummer?"},
			want:  Review, reason: "no checklist",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := inputSP(t, convSP(t, tc.lang, tc.turns...))
			checkResultSP(t, in, ClarifyingQuestion(in), tc.want, tc.reason, tc.evs...)
		})
	}
}
