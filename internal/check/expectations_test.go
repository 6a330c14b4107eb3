package check

import "testing"

func TestExpectations(t *testing.T) {
	cases := []struct {
		name   string
		lang   string
		turns  []string
		want   Outcome
		reason string
		evs    []evSP
	}{
		{
			name: "en promise with a time frame in the next sentence passes", lang: "en",
			turns: []string{
				"c: My invoice is wrong.",
				"a: I've escalated this to our billing team. They will get back to you within 24 hours.",
			},
			want: Pass, reason: "every promise",
			evs: []evSP{{1, "escalated"}, {1, "get back to you"}},
		},
		{
			name: "ru vague promise fails", lang: "ru",
			turns: []string{
				"c: Когда вернут деньги?",
				"a: Мы свяжемся с вами в ближайшее время.",
			},
			want: Fail, reason: `"свяжемся"`,
			evs: []evSP{{1, "свяжемся"}},
		},
		{
			name: "uk number and unit pass", lang: "uk",
			turns: []string{
				"c: Коли буде відповідь?",
				"a: Ми повідомимо вас протягом 2 годин.",
			},
			want: Pass,
			evs:  []evSP{{1, "повідомимо"}},
		},
		{
			name: "ro weekday passes", lang: "ro",
			turns: []string{
				"c: Când primesc răspuns?",
				"a: Vă vom contacta până vineri. Banii vor fi returnați în 3 zile lucrătoare.",
			},
			want: Pass,
			evs:  []evSP{{1, "Vă vom contacta"}, {1, "vor fi returnați"}},
		},
		{
			name: "ru clock time passes", lang: "ru",
			turns: []string{"c: Жду звонка", "a: Перезвоню вам до 18:00."},
			want:  Pass,
			evs:   []evSP{{1, "Перезвоню"}},
		},
		{
			name: "en one vague promise among kept ones fails", lang: "en",
			turns: []string{
				"c: Where is my refund?",
				"a: We will refund you tomorrow. I'll keep you posted.",
			},
			want: Fail, reason: `"keep you posted"`,
			evs: []evSP{{1, "keep you posted"}},
		},
		{
			name: "a few days is not concrete", lang: "en",
			turns: []string{"c: When?", "a: Your order will be shipped in a few days."},
			want:  Fail,
			evs:   []evSP{{1, "will be shipped"}},
		},
		{
			name: "an offer in a question is no promise", lang: "en",
			turns: []string{"c: Can someone call me?", "a: Would you like us to call you back?"},
			want:  NA, reason: "promises no follow-up",
		},
		{
			name: "imperative is no promise", lang: "ru",
			turns: []string{"c: Как с вами связаться?", "a: Свяжитесь с нами по телефону."},
			want:  NA,
		},
		{
			name: "language without a checklist: review", lang: "de",
			turns: []string{"c: Wann?", "a: Wir melden uns."},
			want:  Review, reason: "no checklist",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := inputSP(t, convSP(t, tc.lang, tc.turns...))
			checkResultSP(t, in, Expectations(in), tc.want, tc.reason, tc.evs...)
		})
	}
}

func TestLooksLikeClockOrDate(t *testing.T) {
	cases := map[string]bool{
		"16:30": true, "9:05": true, "5pm": true, "10:30am": true, "12.05": true, "12/05/2026": true,
		"3.50": false, "5531": false, "5531:": false, "18:00.": true, "99.99": false, "2026": false, "am": false,
	}
	for s, want := range cases {
		if got := looksLikeClockOrDate(s); got != want {
			t.Errorf("looksLikeClockOrDate(%q) = %v, want %v", s, got, want)
		}
	}
}
