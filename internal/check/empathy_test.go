package check

import "testing"

func TestEmpathy(t *testing.T) {
	cases := []checkCase{
		{
			name: "en acknowledgement in the next reply passes",
			conv: conv("en",
				customer("This is ridiculous, it's the third time I'm writing to you"),
				agent("I understand how frustrating this must be. Let me fix it now.")),
			want: Pass, reason: `after "ridiculous"`,
			evidence: []span{{0, "ridiculous"}, {1, "I understand"}},
		},
		{
			name: "ru acknowledgement in the reply after next passes",
			conv: conv("ru",
				customer("Безобразие! Уже третий раз пишу."),
				agent("Здравствуйте, проверяю заказ."),
				agent("Понимаю ваше недовольство, заказ уже в пути.")),
			want:     Pass,
			evidence: []span{{0, "Безобразие"}, {2, "Понимаю ваше"}},
		},
		{
			name: "uk no acknowledgement in two replies fails",
			conv: conv("uk",
				customer("Жахливо, кошти списали, а замовлення немає"),
				agent("Номер замовлення?"),
				customer("4411"),
				agent("Замовлення буде завтра."),
				agent("Гарного дня!")),
			want: Fail, reason: `shows "Жахливо"`,
			evidence: []span{{0, "Жахливо"}, {1, "Номер замовлення?"}},
		},
		{
			name: "ro acknowledgement passes",
			conv: conv("ro",
				customer("Sunt supărat, comanda nu a ajuns nici azi!"),
				agent("Înțeleg cât de neplăcut este. Verific imediat.")),
			want:     Pass,
			evidence: []span{{0, "Sunt supărat"}, {1, "Înțeleg cât de"}},
		},
		{
			name: "shouting in capitals is a trigger",
			conv: conv("en",
				customer("WHERE IS MY REFUND ALREADY"),
				agent("Hello, your refund was sent yesterday.")),
			want: Fail, reason: "shouting in capitals",
			evidence: []span{{0, "WHERE IS MY REFUND ALREADY"}, {1, "Hello, your refund was sent yesterday."}},
		},
		{
			name: "?! is a trigger",
			conv: conv("ru",
				customer("Где мой заказ?!"),
				agent("Понимаю, как это неприятно. Сейчас выясню.")),
			want:     Pass,
			evidence: []span{{0, "?!"}, {1, "Понимаю"}},
		},
		{
			name: "uk negative emoji is a trigger",
			conv: conv("uk",
				customer("карта не працює, стою під дощем 😡"),
				agent("Розумію, ситуація дуже неприємна.")),
			want: Pass, reason: "Розумію",
			evidence: []span{{0, "😡"}, {1, "Розумію"}},
		},
		{
			name: "ro double exclamation after a complaint is a trigger",
			conv: conv("ro",
				customer("buna seara, nu pot plati!! ce fac acum??"),
				agent("Verific contul.")),
			want: Fail, reason: "emphatic punctuation",
			evidence: []span{{0, "!!"}, {1, "Verific contul."}},
		},
		{
			name: "yes please!! is joy",
			conv: conv("en",
				customer("Yes please!! And a table for two."),
				agent("Booked.")),
			want: NA, reason: "no negative emotion",
		},
		{
			name: "thanks in capitals is no trigger",
			conv: conv("en",
				customer("THANK YOU SO MUCH!!!"),
				agent("You're welcome!")),
			want: NA, reason: "no negative emotion",
		},
		{
			name: "negated emotion is no trigger",
			conv: conv("en",
				customer("I'm not angry, just asking where my parcel is."),
				agent("It arrives on Monday.")),
			want: NA, reason: "no negative emotion",
		},
		{
			name: "emotion with no reply after it",
			conv: conv("en",
				customer("Hi, where is my order?"),
				agent("It ships today."),
				customer("This is unacceptable.")),
			want: NA, reason: "no agent reply follows",
			evidence: []span{{2, "unacceptable"}},
		},
		{
			name: "one acknowledgement covers the rest of the outburst",
			conv: conv("en",
				customer("I'm so frustrated with this order."),
				agent("I completely understand. I'm checking now."),
				customer("Still waiting, this is ridiculous."),
				agent("Your parcel was found."),
				agent("It will arrive tomorrow.")),
			want:     Pass,
			evidence: []span{{0, "frustrated"}, {1, "I completely understand"}},
		},
		{
			name: "language without a checklist: review",
			conv: conv("de",
				customer("Das ist eine Frechheit!"),
				agent("Ich verstehe Sie.")),
			want: Review, reason: "no checklist",
		},
	}
	runCases(t, Empathy, cases)
}

// TestEmpathyCuesAndFormalApologies covers the cue families (fear, counting contacts, having had
// enough) and formal apologies, which are no acknowledgement.
func TestEmpathyCuesAndFormalApologies(t *testing.T) {
	cases := []checkCase{
		{
			name: "en counted contact ignored fails",
			conv: conv("en",
				customer("4th time asking: where is my refund?"),
				agent("Hi Marco, could you send me your booking reference?"),
				customer("K7TQ2M."),
				agent("Thanks, the refund was sent yesterday.")),
			want: Fail, reason: `"4th time"`,
			evidence: []span{{0, "4th time"}, {1, "Hi Marco, could you send me your booking reference?"}},
		},
		{
			name: "en formal apology is no acknowledgement",
			conv: conv("en",
				customer("honestly so done with this app"),
				agent("We apologize for the inconvenience."),
				agent("Could you send me the order number?")),
			want:     Fail,
			evidence: []span{{0, "so done with"}, {1, "We apologize for the inconvenience."}},
		},
		{
			name: "ru fear acknowledged passes",
			conv: conv("ru",
				customer("Я в ужасе, перевела деньги не тому человеку."),
				agent("Понимаю, как вам сейчас тревожно, давайте разбираться.")),
			want:     Pass,
			evidence: []span{{0, "в ужасе"}, {1, "Понимаю"}},
		},
		{
			name: "uk fourth contact ignored fails",
			conv: conv("uk",
				customer("Вже вчетверте питаю: де моя посилка?"),
				agent("Підкажіть номер відділення.")),
			want:     Fail,
			evidence: []span{{0, "вчетверте"}, {1, "Підкажіть номер відділення."}},
		},
		{
			name: "ro fear acknowledged passes",
			conv: conv("ro",
				customer("Mi-e frică, mi-au luat toți banii de chirie."),
				agent("Înțeleg cât de speriată sunteți, blocăm cardul acum.")),
			want:     Pass,
			evidence: []span{{0, "Mi-e frică"}, {1, "Înțeleg cât de"}},
		},
		{
			name: "ro apology for the inconvenience is no acknowledgement",
			conv: conv("ro",
				customer("Mi-ați trimis alt sirop, sunt nervoasă rău."),
				agent("Bună seara! Numărul comenzii?"),
				agent("Ne cerem scuze pentru neplăcerea creată.")),
			want:     Fail,
			evidence: []span{{0, "nervoasă"}, {1, "Bună seara!"}},
		},
	}
	runCases(t, Empathy, cases)
}
