package check

import "testing"

func TestBadNewsFirst(t *testing.T) {
	cases := []struct {
		name   string
		lang   string
		turns  []string
		want   Outcome
		reason string
		evs    []evSP
	}{
		{
			name: "en bad news then an alternative passes", lang: "en",
			turns: []string{
				"c: Do you have the X200 in black?",
				"a: Unfortunately, that model is out of stock, but we can offer the X210 at the same price.",
			},
			want: Pass, reason: "bad news comes first",
			evs: []evSP{{1, "Unfortunately"}, {1, "but we can"}},
		},
		{
			name: "ru alternative before the refusal fails", lang: "ru",
			turns: []string{
				"c: Верните деньги за подписку",
				"a: Можем предложить скидку 10% на следующий месяц, но, к сожалению, вернуть деньги не получится.",
			},
			want: Fail, reason: "turn 1:",
			evs: []evSP{{1, "Можем предложить"}, {1, "к сожалению"}},
		},
		{
			name: "uk bad news first passes", lang: "uk",
			turns: []string{
				"c: Коли буде доставка?",
				"a: На жаль, доставка затримується, але ми можемо повернути кошти.",
			},
			want: Pass,
			evs:  []evSP{{1, "На жаль"}, {1, "але ми можемо"}},
		},
		{
			name: "ro good news first fails", lang: "ro",
			turns: []string{
				"c: Mai aveți produsul?",
				"a: Vă putem oferi un voucher. Din păcate, produsul nu mai este disponibil.",
			},
			want: Fail,
			evs:  []evSP{{1, "Vă putem oferi"}, {1, "Din păcate"}},
		},
		{
			name: "only the failing reply is cited", lang: "en",
			turns: []string{
				"c: Can I return it?",
				"a: Unfortunately returns are closed, but we can repair it.",
				"c: And the other one?",
				"a: We can offer a voucher instead; sadly it cannot be returned.",
			},
			want: Fail, reason: "turn 3:",
			evs: []evSP{{3, "We can offer"}, {3, "sadly"}},
		},
		{
			name: "good news followed by a negation is no good news", lang: "en",
			turns: []string{
				"c: Can you deliver today?",
				"a: I'm afraid the courier is full, and we can not deliver today.",
			},
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "ru good news followed by не is no good news", lang: "ru",
			turns: []string{
				"c: Привезёте сегодня?",
				"a: К сожалению, курьер перегружен, но мы можем не успеть сегодня.",
			},
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "negation inside a gap is no good news", lang: "en",
			turns: []string{
				"c: Can you open the store for me?",
				"a: Unfortunately the store is closed, but nobody there can open it before Monday.",
			},
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "ru apology for a delay then compensation passes", lang: "ru",
			turns: []string{
				"c: Где заказ?",
				"a: Извини за задержку, курьер будет через 5 минут, мы начислили тебе 300 бонусов.",
			},
			want: Pass,
			evs:  []evSP{{1, "задержку"}, {1, "начислили"}},
		},
		{
			name: "no reply carries both", lang: "en",
			turns: []string{"c: Is it in stock?", "a: Yes, we can ship it today."},
			want:  NA, reason: "no agent reply carries both",
		},
		{
			name: "language without a checklist: review", lang: "de",
			turns: []string{"c: Haben Sie das?", "a: Leider nicht."},
			want:  Review, reason: "no checklist",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := inputSP(t, convSP(t, tc.lang, tc.turns...))
			checkResultSP(t, in, BadNewsFirst(in), tc.want, tc.reason, tc.evs...)
		})
	}
}
