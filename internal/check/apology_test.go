package check

import "testing"

func TestApology(t *testing.T) {
	cases := []struct {
		name   string
		lang   string
		turns  []string
		want   Outcome
		reason string
		evs    []evSP
	}{
		{
			name: "en apology with a refund passes", lang: "en",
			turns: []string{
				"c: I was charged twice for order 5531.",
				"a: I'm so sorry about that. I've issued a refund for the second charge.",
			},
			want: Pass, reason: "apologises",
			evs: []evSP{{0, "was charged twice"}, {1, "so sorry"}, {1, "refund"}},
		},
		{
			name: "ru apology without action fails", lang: "ru",
			turns: []string{
				"c: Заказ не пришел, жду уже неделю.",
				"a: Приносим извинения за неудобства.",
			},
			want: Fail, reason: "offers no fix",
			evs: []evSP{{0, "не пришел"}, {1, "Приносим извинения"}},
		},
		{
			name: "uk no apology fails", lang: "uk",
			turns: []string{
				"c: Списали двічі за підписку",
				"a: Перевірте банківську виписку.",
			},
			want: Fail, reason: "gets no apology",
			evs: []evSP{{0, "Списали двічі"}, {1, "Перевірте банківську виписку."}},
		},
		{
			name: "ro action in the next reply passes", lang: "ro",
			turns: []string{
				"c: Coletul nu a ajuns nici azi.",
				"a: Ne cerem scuze pentru neplăcere.",
				"a: Am trimis din nou coletul, va ajunge mâine.",
			},
			want: Pass,
			evs:  []evSP{{0, "nu a ajuns"}, {1, "Ne cerem scuze"}, {2, "trimis din nou"}},
		},
		{
			name: "ru escalation promise is an action", lang: "ru",
			turns: []string{
				"c: Приложение не работает после обновления",
				"a: Извините за неудобства! Передам специалистам, они свяжутся с вами.",
			},
			want: Pass,
			evs:  []evSP{{0, "не работает"}, {1, "Извините за"}, {1, "Передам"}},
		},
		{
			name: "sorry to hear is sympathy, not an apology", lang: "en",
			turns: []string{
				"c: My package arrived damaged.",
				"a: I'm sorry to hear that! I've sent a replacement.",
			},
			want: Fail, reason: "gets no apology",
			evs: []evSP{{0, "damaged"}, {1, "I'm sorry to hear that!"}},
		},
		{
			name: "action two replies later is too late", lang: "en",
			turns: []string{
				"c: The app is not working.",
				"a: We apologize for the trouble.",
				"a: Which version do you use?",
				"c: 5.1",
				"a: We fixed it in 5.2.",
			},
			want: Fail, reason: "offers no fix",
			evs: []evSP{{0, "is not working"}, {1, "apologize"}},
		},
		{
			name: "ro negated apology is none", lang: "ro",
			turns: []string{
				"c: Mi-ați taxat de două ori abonamentul.",
				"a: Nu ne pare rău, așa sunt regulile.",
			},
			want: Fail, reason: "gets no apology",
			evs: []evSP{{0, "Mi-ați taxat de două ori"}, {1, "Nu ne pare rău, așa sunt regulile."}},
		},
		{
			name: "en negated apology is none", lang: "en",
			turns: []string{
				"c: You charged me twice!",
				"a: I'm not sorry, you clicked twice.",
			},
			want: Fail, reason: "gets no apology",
			evs: []evSP{{0, "charged me twice"}, {1, "I'm not sorry, you clicked twice."}},
		},
		{
			name: "uk agent's admission is the trigger when the customer's words are unknown", lang: "uk",
			turns: []string{
				"c: Переказ від учора досі в дорозі, чому так довго?",
				"a: Він завис через технічний збій у нашій системі. Я повторно відправила переказ.",
			},
			want: Fail, reason: "gets no apology",
			evs: []evSP{{1, "технічний збій"}, {1, "Він завис через технічний збій у нашій системі."}},
		},
		{
			name: "ru cause on the customer's side: na", lang: "ru",
			turns: []string{
				"c: Карту заблокировали, не могу оплатить!",
				"a: Карта заблокирована после трёх неверно введённых PIN-кодов: ввели неверно трижды.",
			},
			want: NA, reason: "lies with the customer",
			evs: []evSP{{0, "заблокировали"}, {1, "ввели неверно"}},
		},
		{
			name: "customer doubting their own doing is no trigger", lang: "en",
			turns: []string{"c: My gift card isn't working, what am I doing wrong?", "a: Gift cards can't be used on sale items."},
			want:  NA, reason: "no failure",
		},
		{
			name: "negated failure is no trigger", lang: "en",
			turns: []string{"c: The app is not broken, I just need a receipt.", "a: Sure, here it is."},
			want:  NA, reason: "no failure",
		},
		{
			name: "failure with no agent reply after it", lang: "ru",
			turns: []string{"c: Здравствуйте", "a: Здравствуйте!", "c: Списали дважды"},
			want:  NA, reason: "no agent reply follows",
			evs: []evSP{{2, "Списали дважды"}},
		},
		{
			name: "language without a checklist: review", lang: "de",
			turns: []string{"c: Das Paket ist beschädigt.", "a: Entschuldigung."},
			want:  Review, reason: "no checklist",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := inputSP(t, convSP(t, tc.lang, tc.turns...))
			checkResultSP(t, in, Apology(in), tc.want, tc.reason, tc.evs...)
		})
	}
}
