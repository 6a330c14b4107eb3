package check

import "testing"

func TestExpectations(t *testing.T) {
	cases := []checkCase{
		{
			name: "en promise with a time frame in the next sentence passes",
			conv: conv("en",
				customer("My invoice is wrong."),
				agent("I've escalated this to our billing team. They will get back to you within 24 hours.")),
			want: Pass, reason: "every promise",
			evidence: []span{{1, "escalated"}, {1, "get back to you"}},
		},
		{
			name: "ru vague promise fails",
			conv: conv("ru",
				customer("Когда вернут деньги?"),
				agent("Мы свяжемся с вами в ближайшее время.")),
			want: Fail, reason: `"свяжемся"`,
			evidence: []span{{1, "свяжемся"}},
		},
		{
			name: "uk number and unit pass",
			conv: conv("uk",
				customer("Коли буде відповідь?"),
				agent("Ми повідомимо вас протягом 2 годин.")),
			want:     Pass,
			evidence: []span{{1, "повідомимо"}},
		},
		{
			name: "ro weekday passes",
			conv: conv("ro",
				customer("Când primesc răspuns?"),
				agent("Vă vom contacta până vineri. Banii vor fi returnați în 3 zile lucrătoare.")),
			want:     Pass,
			evidence: []span{{1, "Vă vom contacta"}, {1, "vor fi returnați"}},
		},
		{
			name: "ru clock time passes",
			conv: conv("ru",
				customer("Жду звонка"),
				agent("Перезвоню вам до 18:00.")),
			want:     Pass,
			evidence: []span{{1, "Перезвоню"}},
		},
		{
			name: "en one vague promise among kept ones fails",
			conv: conv("en",
				customer("Where is my refund?"),
				agent("We will refund you tomorrow. I'll keep you posted.")),
			want: Fail, reason: `"keep you posted"`,
			evidence: []span{{1, "keep you posted"}},
		},
		{
			name: "a few days is not concrete",
			conv: conv("en",
				customer("When?"),
				agent("Your order will be shipped in a few days.")),
			want:     Fail,
			evidence: []span{{1, "will be shipped"}},
		},
		{
			name: "an offer in a question is no promise",
			conv: conv("en",
				customer("Can someone call me?"),
				agent("Would you like us to call you back?")),
			want: NA, reason: "promises no follow-up",
		},
		{
			name: "imperative is no promise",
			conv: conv("ru",
				customer("Как с вами связаться?"),
				agent("Свяжитесь с нами по телефону.")),
			want: NA,
		},
		{
			name: "language without a checklist: review",
			conv: conv("de",
				customer("Wann?"),
				agent("Wir melden uns.")),
			want: Review, reason: "no checklist",
		},
	}
	runCases(t, Expectations, cases)
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

// TestExpectationsVagueWords covers the vague words of a promise's sentence and the promises of
// a result the customer waits for.
func TestExpectationsVagueWords(t *testing.T) {
	cases := []checkCase{
		{
			name: "en vague word after an unrelated date fails",
			conv: conv("en",
				customer("Will my December bill be corrected?"),
				agent("I've asked our metering team to double-check your December bill; they'll get back to you soon.")),
			want: Fail, reason: `"get back to you"`,
			evidence: []span{{1, "get back to you"}},
		},
		{
			name: "en the fix coming back by a time passes",
			conv: conv("en",
				customer("When will my internet work?"),
				agent("Our engineers are on site and your connection will be back by 8 PM tonight.")),
			want:     Pass,
			evidence: []span{{1, "will be back"}},
		},
		{
			name: "ru concrete time after an event anchor passes",
			conv: conv("ru",
				customer("Как я узнаю, что всё починили?"),
				agent("Как только связь восстановят, мы пришлём SMS, не позже 22:00.")),
			want:     Pass,
			evidence: []span{{1, "восстановят"}},
		},
		{
			name: "ru vague word after a concrete one fails",
			conv: conv("ru",
				customer("Когда вернут деньги?"),
				agent("Деньги поступят на карту в течение 3 дней, а бонусы начислим в ближайшее время.")),
			want:     Fail,
			evidence: []span{{1, "поступят"}},
		},
		{
			name: "uk waiting on our own next step fails",
			conv: conv("uk",
				customer("Коли буде рішення?"),
				agent("Ми зв'яжемося з вами, щойно отримаємо звіт.")),
			want:     Fail,
			evidence: []span{{1, "зв'яжемося"}},
		},
		{
			name: "uk an event the customer can follow passes",
			conv: conv("uk",
				customer("А SMS прийде?"),
				agent("Так, SMS прийде, щойно посилка буде у відділенні.")),
			want:     Pass,
			evidence: []span{{1, "прийде"}},
		},
		{
			name: "ro vague promise is not saved by a period in the next sentence",
			conv: conv("ro",
				customer("Când primesc un răspuns?"),
				agent("Vă vom contacta cât mai curând posibil. Până atunci, trimiteți-ne extrasul pe ultimele 6 luni.")),
			want:     Fail,
			evidence: []span{{1, "Vă vom contacta"}},
		},
		{
			name: "ro present tense promise with a time frame passes",
			conv: conv("ro",
				customer("Mutați livrarea pe sâmbătă?"),
				agent("Am mutat livrarea. Îți trimit confirmarea în cel mult 5 minute.")),
			want:     Pass,
			evidence: []span{{1, "Îți trimit"}},
		},
	}
	runCases(t, Expectations, cases)
}
