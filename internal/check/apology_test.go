package check

import "testing"

func TestApology(t *testing.T) {
	cases := []checkCase{
		{
			name: "en apology with a refund passes",
			conv: conv("en",
				customer("I was charged twice for order 5531."),
				agent("I'm so sorry about that. I've issued a refund for the second charge.")),
			want: Pass, reason: "apologises",
			evidence: []span{{0, "was charged twice"}, {1, "so sorry"}, {1, "refund"}},
		},
		{
			name: "ru apology without action fails",
			conv: conv("ru",
				customer("Заказ не пришел, жду уже неделю."),
				agent("Приносим извинения за неудобства.")),
			want: Fail, reason: "offers no fix",
			evidence: []span{{0, "не пришел"}, {1, "Приносим извинения"}},
		},
		{
			name: "uk no apology fails",
			conv: conv("uk",
				customer("Списали двічі за підписку"),
				agent("Перевірте банківську виписку.")),
			want: Fail, reason: "gets no apology",
			evidence: []span{{0, "Списали двічі"}, {1, "Перевірте банківську виписку."}},
		},
		{
			name: "ro action in the next reply passes",
			conv: conv("ro",
				customer("Coletul nu a ajuns nici azi."),
				agent("Ne cerem scuze pentru neplăcere."),
				agent("Am trimis din nou coletul, va ajunge mâine.")),
			want:     Pass,
			evidence: []span{{0, "nu a ajuns"}, {1, "Ne cerem scuze"}, {2, "trimis din nou"}},
		},
		{
			name: "ru escalation promise is an action",
			conv: conv("ru",
				customer("Приложение не работает после обновления"),
				agent("Извините за неудобства! Передам специалистам, они свяжутся с вами.")),
			want:     Pass,
			evidence: []span{{0, "не работает"}, {1, "Извините за"}, {1, "Передам"}},
		},
		{
			name: "sorry to hear is sympathy, not an apology",
			conv: conv("en",
				customer("My package arrived damaged."),
				agent("I'm sorry to hear that! I've sent a replacement.")),
			want: Fail, reason: "gets no apology",
			evidence: []span{{0, "damaged"}, {1, "I'm sorry to hear that!"}},
		},
		{
			name: "action two replies later is too late",
			conv: conv("en",
				customer("The app is not working."),
				agent("We apologize for the trouble."),
				agent("Which version do you use?"),
				customer("5.1"),
				agent("We fixed it in 5.2.")),
			want: Fail, reason: "offers no fix",
			evidence: []span{{0, "is not working"}, {1, "apologize"}},
		},
		{
			name: "ro negated apology is none",
			conv: conv("ro",
				customer("Mi-ați taxat de două ori abonamentul."),
				agent("Nu ne pare rău, așa sunt regulile.")),
			want: Fail, reason: "gets no apology",
			evidence: []span{{0, "Mi-ați taxat de două ori"}, {1, "Nu ne pare rău, așa sunt regulile."}},
		},
		{
			name: "en negated apology is none",
			conv: conv("en",
				customer("You charged me twice!"),
				agent("I'm not sorry, you clicked twice.")),
			want: Fail, reason: "gets no apology",
			evidence: []span{{0, "charged me twice"}, {1, "I'm not sorry, you clicked twice."}},
		},
		{
			name: "uk agent's admission is the trigger when the customer's words are unknown",
			conv: conv("uk",
				customer("Переказ від учора досі в дорозі, чому так довго?"),
				agent("Він завис через технічний збій у нашій системі. Я повторно відправила переказ.")),
			want: Fail, reason: "gets no apology",
			evidence: []span{{1, "технічний збій"}, {1, "Він завис через технічний збій у нашій системі."}},
		},
		{
			name: "ru cause on the customer's side: na",
			conv: conv("ru",
				customer("Карту заблокировали, не могу оплатить!"),
				agent("Карта заблокирована после трёх неверно введённых PIN-кодов: ввели неверно трижды.")),
			want: NA, reason: "lies with the customer",
			evidence: []span{{0, "заблокировали"}, {1, "ввели неверно"}},
		},
		{
			name: "customer doubting their own doing is no trigger",
			conv: conv("en",
				customer("My gift card isn't working, what am I doing wrong?"),
				agent("Gift cards can't be used on sale items.")),
			want: NA, reason: "no failure",
		},
		{
			name: "negated failure is no trigger",
			conv: conv("en",
				customer("The app is not broken, I just need a receipt."),
				agent("Sure, here it is.")),
			want: NA, reason: "no failure",
		},
		{
			name: "failure with no agent reply after it",
			conv: conv("ru",
				customer("Здравствуйте"),
				agent("Здравствуйте!"),
				customer("Списали дважды")),
			want: NA, reason: "no agent reply follows",
			evidence: []span{{2, "Списали дважды"}},
		},
		{
			name: "language without a checklist: review",
			conv: conv("de",
				customer("Das Paket ist beschädigt."),
				agent("Entschuldigung.")),
			want: Review, reason: "no checklist",
		},
	}
	runCases(t, Apology, cases)
}

// TestApologyOwnedAndCustomerSide covers an agent's apology for something as the sign of a
// reported failure, and the customer's own loss or a third party's fraud, which call for none.
func TestApologyOwnedAndCustomerSide(t *testing.T) {
	cases := []checkCase{
		{
			name: "en apology for the delay shows the failure and passes with the timeline",
			conv: conv("en",
				customer("4th time asking: where is my refund for flight AV318?"),
				agent("We apologise for the delay. The money will be in your account by tomorrow morning.")),
			want: Pass, reason: "apologises",
			evidence: []span{{1, "apologise for the delay"}, {1, "apologise"}, {1, "will be in your account"}},
		},
		{
			name: "ru apology for the inconvenience and nothing else fails",
			conv: conv("ru",
				customer("Привезли чужой суп вместо роллов."),
				agent("Подскажите номер заказа."),
				customer("4471-209"),
				agent("Приносим извинения за доставленные неудобства."),
				customer("И? Деньги вернёте?"),
				agent("Ещё раз приносим свои извинения.")),
			want: Fail, reason: "offers no fix",
			evidence: []span{{0, "Привезли чужой суп вместо"}, {3, "Приносим извинения"}},
		},
		{
			name: "uk the customer's own loss calls for no apology",
			conv: conv("uk",
				customer("Я загубив телефон, а там eSIM з моїм номером."),
				agent("Шкода це чути. Я вже заблокувала номер.")),
			want: NA, reason: "no failure",
		},
		{
			name: "ru a third party's fraud calls for no apology",
			conv: conv("ru",
				customer("С карты списали 5000 рублей, я ничего не покупала."),
				agent("Это мошенническая операция. Карту я уже заблокировала.")),
			want: NA, reason: "lies with the customer",
			evidence: []span{{0, "списали"}, {1, "мошенническая"}},
		},
		{
			name: "ro apology with the cause of a defect passes",
			conv: conv("ro",
				customer("Laptopul a venit ieri și azi nu mai pornește."),
				agent("Ne cerem scuze pentru asta, pare un defect de fabricație.")),
			want:     Pass,
			evidence: []span{{0, "nu mai pornește"}, {1, "Ne cerem scuze"}, {1, "pare un defect"}},
		},
		{
			name: "en sorry about the agent's own slip shows no failure",
			conv: conv("en",
				customer("What is the postcode of the hotel?"),
				agent("Sorry about that, I mistyped it earlier. The postcode is cb41da.")),
			want: NA, reason: "no failure",
		},
		{
			name: "en stuck in traffic is the customer's side",
			conv: conv("en",
				customer("I got stuck in traffic and missed my flight."),
				agent("I'm sorry to hear that. I can rebook you on the 4:45 flight.")),
			want: NA, reason: "no failure",
		},
	}
	runCases(t, Apology, cases)
}
