package check

import "testing"

func TestEmpathy(t *testing.T) {
	cases := []struct {
		name   string
		lang   string
		turns  []string
		want   Outcome
		reason string
		evs    []evSP
	}{
		{
			name: "en acknowledgement in the next reply passes", lang: "en",
			turns: []string{
				"c: This is ridiculous, it's the third time I'm writing to you",
				"a: I understand how frustrating this must be. Let me fix it now.",
			},
			want: Pass, reason: `after "ridiculous"`,
			evs: []evSP{{0, "ridiculous"}, {1, "I understand"}},
		},
		{
			name: "ru acknowledgement in the reply after next passes", lang: "ru",
			turns: []string{
				"c: Безобразие! Уже третий раз пишу.",
				"a: Здравствуйте, проверяю заказ.",
				"a: Понимаю ваше недовольство, заказ уже в пути.",
			},
			want: Pass,
			evs:  []evSP{{0, "Безобразие"}, {2, "Понимаю ваше"}},
		},
		{
			name: "uk no acknowledgement in two replies fails", lang: "uk",
			turns: []string{
				"c: Жахливо, кошти списали, а замовлення немає",
				"a: Номер замовлення?",
				"c: 4411",
				"a: Замовлення буде завтра.",
				"a: Гарного дня!",
			},
			want: Fail, reason: `shows "Жахливо"`,
			evs: []evSP{{0, "Жахливо"}, {1, "Номер замовлення?"}},
		},
		{
			name: "ro acknowledgement passes", lang: "ro",
			turns: []string{
				"c: Sunt supărat, comanda nu a ajuns nici azi!",
				"a: Înțeleg cât de neplăcut este. Verific imediat.",
			},
			want: Pass,
			evs:  []evSP{{0, "Sunt supărat"}, {1, "Înțeleg cât de"}},
		},
		{
			name: "shouting in capitals is a trigger", lang: "en",
			turns: []string{
				"c: WHERE IS MY REFUND ALREADY",
				"a: Hello, your refund was sent yesterday.",
			},
			want: Fail, reason: "shouting in capitals",
			evs: []evSP{{0, "WHERE IS MY REFUND ALREADY"}, {1, "Hello, your refund was sent yesterday."}},
		},
		{
			name: "?! is a trigger", lang: "ru",
			turns: []string{
				"c: Где мой заказ?!",
				"a: Понимаю, как это неприятно. Сейчас выясню.",
			},
			want: Pass,
			evs:  []evSP{{0, "?!"}, {1, "Понимаю"}},
		},
		{
			name: "uk negative emoji is a trigger", lang: "uk",
			turns: []string{"c: карта не працює, стою під дощем 😡", "a: Розумію, ситуація дуже неприємна."},
			want:  Pass, reason: "Розумію",
			evs: []evSP{{0, "😡"}, {1, "Розумію"}},
		},
		{
			name: "ro double exclamation after a complaint is a trigger", lang: "ro",
			turns: []string{"c: buna seara, nu pot plati!! ce fac acum??", "a: Verific contul."},
			want:  Fail, reason: "emphatic punctuation",
			evs: []evSP{{0, "!!"}, {1, "Verific contul."}},
		},
		{
			name: "yes please!! is joy", lang: "en",
			turns: []string{"c: Yes please!! And a table for two.", "a: Booked."},
			want:  NA, reason: "no negative emotion",
		},
		{
			name: "thanks in capitals is no trigger", lang: "en",
			turns: []string{"c: THANK YOU SO MUCH!!!", "a: You're welcome!"},
			want:  NA, reason: "no negative emotion",
		},
		{
			name: "negated emotion is no trigger", lang: "en",
			turns: []string{"c: I'm not angry, just asking where my parcel is.", "a: It arrives on Monday."},
			want:  NA, reason: "no negative emotion",
		},
		{
			name: "emotion with no reply after it", lang: "en",
			turns: []string{"c: Hi, where is my order?", "a: It ships today.", "c: This is unacceptable."},
			want:  NA, reason: "no agent reply follows",
			evs: []evSP{{2, "unacceptable"}},
		},
		{
			name: "one acknowledgement covers the rest of the outburst", lang: "en",
			turns: []string{
				"c: I'm so frustrated with this order.",
				"a: I completely understand. I'm checking now.",
				"c: Still waiting, this is ridiculous.",
				"a: Your parcel was found.",
				"a: It will arrive tomorrow.",
			},
			want: Pass,
			evs:  []evSP{{0, "frustrated"}, {1, "I completely understand"}},
		},
		{
			name: "language without a checklist: review", lang: "de",
			turns: []string{"c: Das ist eine Frechheit!", "a: Ich verstehe Sie."},
			want:  Review, reason: "no checklist",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := inputSP(t, convSP(t, tc.lang, tc.turns...))
			checkResultSP(t, in, Empathy(in), tc.want, tc.reason, tc.evs...)
		})
	}
}
