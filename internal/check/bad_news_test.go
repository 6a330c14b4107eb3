package check

import "testing"

func TestBadNewsFirst(t *testing.T) {
	cases := []checkCase{
		{
			name: "en bad news then an alternative passes",
			conv: conv("en",
				customer("Do you have the X200 in black?"),
				agent("Unfortunately, that model is out of stock, but we can offer the X210 at the same price.")),
			want: Pass, reason: "bad news comes first",
			evidence: []span{{1, "Unfortunately"}, {1, "but we can"}},
		},
		{
			name: "ru alternative before the refusal fails",
			conv: conv("ru",
				customer("Верните деньги за подписку"),
				agent("Можем предложить скидку 10% на следующий месяц, но, к сожалению, вернуть деньги не получится.")),
			want: Fail, reason: "turn 1:",
			evidence: []span{{1, "Можем предложить"}, {1, "к сожалению"}},
		},
		{
			name: "uk bad news first passes",
			conv: conv("uk",
				customer("Коли буде доставка?"),
				agent("На жаль, доставка затримується, але ми можемо повернути кошти.")),
			want:     Pass,
			evidence: []span{{1, "На жаль"}, {1, "але ми можемо"}},
		},
		{
			name: "ro good news first fails",
			conv: conv("ro",
				customer("Mai aveți produsul?"),
				agent("Vă putem oferi un voucher. Din păcate, produsul nu mai este disponibil.")),
			want:     Fail,
			evidence: []span{{1, "Vă putem oferi"}, {1, "Din păcate"}},
		},
		{
			name: "only the failing reply is cited",
			conv: conv("en",
				customer("Can I return it?"),
				agent("Unfortunately returns are closed, but we can repair it."),
				customer("And the other one?"),
				agent("We can offer a voucher instead; sadly it cannot be returned.")),
			want: Fail, reason: "turn 3:",
			evidence: []span{{3, "We can offer"}, {3, "sadly"}},
		},
		{
			name: "every reply with the good news first is listed",
			conv: conv("en",
				customer("Can I return it?"),
				agent("We can offer a voucher instead; sadly it cannot be returned."),
				customer("And the other one?"),
				agent("We can offer a repair; sadly it cannot be returned either.")),
			want: Fail, reason: `good news or an alternative comes before the bad news: turn 1: "We can offer" before "sadly"; turn 3: "We can offer" before "sadly"`,
			evidence: []span{{1, "We can offer"}, {1, "sadly"}, {3, "We can offer"}, {3, "sadly"}},
		},
		{
			name: "good news followed by a negation is no good news",
			conv: conv("en",
				customer("Can you deliver today?"),
				agent("I'm afraid the courier is full, and we can not deliver today.")),
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "ru good news followed by не is no good news",
			conv: conv("ru",
				customer("Привезёте сегодня?"),
				agent("К сожалению, курьер перегружен, но мы можем не успеть сегодня.")),
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "negation inside a gap is no good news",
			conv: conv("en",
				customer("Can you open the store for me?"),
				agent("Unfortunately the store is closed, but nobody there can open it before Monday.")),
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "ru apology for a delay then compensation passes",
			conv: conv("ru",
				customer("Где заказ?"),
				agent("Извини за задержку, курьер будет через 5 минут, мы начислили тебе 300 бонусов.")),
			want:     Pass,
			evidence: []span{{1, "задержку"}, {1, "начислили"}},
		},
		{
			name: "no reply carries both",
			conv: conv("en",
				customer("Is it in stock?"),
				agent("Yes, we can ship it today.")),
			want: NA, reason: "no agent reply carries both",
		},
		{
			name: "language without a checklist: review",
			conv: conv("de",
				customer("Haben Sie das?"),
				agent("Leider nicht.")),
			want: Review, reason: "no checklist",
		},
	}
	runCases(t, BadNewsFirst, cases)
}

// TestBadNewsOffersAndTurns covers an offer wherever it stands, the agent's own step after a
// refusal, and what only looks like good news.
func TestBadNewsOffersAndTurns(t *testing.T) {
	cases := []checkCase{
		{
			name: "en an offer before unfortunately fails",
			conv: conv("en",
				customer("The blender doesn't turn on."),
				agent("We can send you a replacement, but unfortunately the white one is out of stock until December 12.")),
			want:     Fail,
			evidence: []span{{1, "We can"}, {1, "unfortunately"}},
		},
		{
			name: "en I can see and so we can are no good news",
			conv: conv("en",
				customer("Where is my refund?"),
				agent("Sorry for the delay. I can see the refund. Could you send the reference so we can check?")),
			want: NA,
		},
		{
			name: "ru the agent's own step after a refusal passes",
			conv: conv("ru",
				customer("Можно отменить перевод?"),
				agent("К сожалению, отменить перевод мы не можем. Но я прямо сейчас оформлю запрос в банк получателя.")),
			want:     Pass,
			evidence: []span{{1, "К сожалению"}, {1, "Но я прямо сейчас"}},
		},
		{
			name: "ru an offer of more help is no alternative",
			conv: conv("ru",
				customer("А компенсация будет?"),
				agent("Компенсация, к сожалению, не предусмотрена. Мы можем ещё чем-то помочь?")),
			want: NA,
		},
		{
			name: "uk an offer before however fails",
			conv: conv("uk",
				customer("Поверніть кошти за абонемент."),
				agent("Ми можемо заморозити абонемент; однак повернути кошти не можемо.")),
			want:     Fail,
			evidence: []span{{1, "Ми можемо"}, {1, "не можемо"}},
		},
		{
			name: "ro informal but you can after the refusal passes",
			conv: conv("ro",
				customer("Pot plăti cu cardul la livrare?"),
				agent("Din păcate, nu poți plăti cu cardul la livrare, dar poți plăti online.")),
			want:     Pass,
			evidence: []span{{1, "Din păcate"}, {1, "dar poți"}},
		},
	}
	runCases(t, BadNewsFirst, cases)
}
