package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestCompleteAnswer(t *testing.T) {
	cases := []checkCase{
		{
			name: "pass: shared content word",
			conv: conv("en",
				customer("Hi. What is the price of the delivery?"),
				agent("Delivery costs 5 euros.")),
			want:     Pass,
			evidence: []span{{1, "Delivery"}},
		},
		{
			name: "pass: answer in a later reply",
			conv: conv("en",
				customer("Can you send me the tracking number?"),
				agent("Let me check."),
				customer("Thanks."),
				agent("Hm, one more minute."),
				customer("ok"),
				agent("Here is the tracking number: 12345.")),
			want:     Pass,
			evidence: []span{{5, "tracking"}},
		},
		{
			name: "pass: yes/no answer",
			conv: conv("en",
				customer("Do you ship to Canada?"),
				agent("Yes, we do.")),
			want:     Pass,
			evidence: []span{{1, "Yes"}},
		},
		{
			name: "pass: refusal addresses it",
			conv: conv("en",
				customer("Can I pay with PayPal?"),
				agent("Unfortunately we only accept cards.")),
			want:     Pass,
			evidence: []span{{1, "Unfortunately"}},
		},
		{
			name: "pass: asks back",
			conv: conv("en",
				customer("Can you change my booking?"),
				agent("For which date?")),
			want:     Pass,
			evidence: []span{{1, "For which date?"}},
		},
		{
			name: "fail: second question of a message ignored",
			conv: conv("en",
				customer("When will my parcel arrive? And can I change the delivery address?"),
				agent("Your parcel arrives on Friday. Anything else?")),
			want:     Fail,
			evidence: []span{{0, "And can I change the delivery address?"}},
		},
		{
			name: "fail: no reply after the question",
			conv: conv("en",
				customer("Hello"),
				agent("Hello! How can I help?"),
				customer("Is the shop open on Sunday?")),
			want:     Fail,
			evidence: []span{{2, "Is the shop open on Sunday?"}},
		},
		{
			name: "fail: only an offer of more help",
			conv: conv("en",
				customer("Why was my card charged twice?"),
				agent("Is there anything else I can help you with?")),
			want:     Fail,
			evidence: []span{{0, "Why was my card charged twice?"}},
		},
		{
			name: "fail: a second question inside one sentence",
			conv: conv("en",
				customer("How much is the premium plan, and does it include phone support?"),
				agent("The premium plan is $20 a month.")),
			want:     Fail,
			evidence: []span{{0, "and does it include phone support?"}},
		},
		{
			name: "pass: a reason answers why",
			conv: conv("en",
				customer("Why was my card blocked? And when can I use it again?"),
				agent("The bank flagged a payment, that is why. You can use it again now.")),
			want:     Pass,
			evidence: []span{{1, "that is why"}, {1, "use"}},
		},
		{
			name: "pass: the rest of the reply answers the other question",
			conv: conv("en",
				customer("Can I keep my modem? And is there a fee for the move?"),
				agent("Yes, you can keep your modem. The relocation is free of charge.")),
			want:     Pass,
			evidence: []span{{1, "keep"}, {1, "The relocation is free of charge."}},
		},
		{
			name: "fail: a reply answering one question leaves the other",
			conv: conv("en",
				customer("Can I keep my modem? And is there a fee for the move?"),
				agent("Yes, you can keep your modem.")),
			want:     Fail,
			evidence: []span{{0, "And is there a fee for the move?"}},
		},
		{
			name: "na: no question",
			conv: conv("en",
				customer("My parcel arrived, thanks."),
				agent("Great, have a nice day!")),
			want: NA,
		},
		{
			name: "na: a pleasantry is no question",
			conv: conv("en",
				customer("How are you?"),
				agent("Fine, thanks!")),
			want: NA,
		},
		{
			name: "review: no checklist for the language",
			conv: conv("de",
				customer("Wo ist meine Bestellung?"),
				agent("Sie kommt morgen.")),
			want: Review,
		},
		{
			name: "ru: pass on shared stem",
			conv: conv("ru",
				customer("Здравствуйте! Сколько стоит доставка в Казань?"),
				agent("Доставка в Казань стоит 300 рублей.")),
			want:     Pass,
			evidence: []span{{1, "Доставка"}},
		},
		{
			name: "ru: fail on the ignored question",
			conv: conv("ru",
				customer("Где мой заказ? И можно ли оплатить картой?"),
				agent("Ваш заказ уже в пути. Чем ещё могу помочь?")),
			want:     Fail,
			evidence: []span{{0, "И можно ли оплатить картой?"}},
		},
		{
			name: "ru: fail on the second question of a sentence",
			conv: conv("ru",
				customer("Сколько стоит тариф «Смарт» и есть ли там роуминг?"),
				agent("Тариф «Смарт» стоит 500 рублей в месяц.")),
			want:     Fail,
			evidence: []span{{0, "и есть ли там роуминг?"}},
		},
		{
			name: "uk: pass on yes",
			conv: conv("uk",
				customer("Чи можна повернути товар?"),
				agent("Так, протягом 14 днів.")),
			want:     Pass,
			evidence: []span{{1, "Так"}},
		},
		{
			name: "ro: pass without diacritics",
			conv: conv("ro",
				customer("Cand ajunge comanda mea?"),
				agent("Comanda ajunge mâine.")),
			want:     Pass,
			evidence: []span{{1, "Comanda"}},
		},
	}
	runCases(t, CompleteAnswer, cases)
}

// TestCompleteAnswerHollowRepliesAndReports covers replies that only apologise, statements that
// answer the customer's report rather than a question, indirect questions, and greetings.
func TestCompleteAnswerHollowRepliesAndReports(t *testing.T) {
	cases := []checkCase{
		{
			name: "en an apology and a stock phrase answer nothing",
			conv: conv("en",
				customer("are you sending the other pizza or refunding me"),
				agent("We are very sorry that your order did not meet your expectations. Your satisfaction is very important to us.")),
			want:     Fail,
			evidence: []span{{0, "are you sending the other pizza or refunding me"}},
		},
		{
			name: "en a refusal with an apology answers",
			conv: conv("en",
				customer("What else arrives around 20:45?"),
				agent("No, I am sorry there is not.")),
			want:     Pass,
			evidence: []span{{1, "No"}},
		},
		{
			name: "en the explanation of the report does not answer the other question",
			conv: convOn("en", transcript.ChannelEmail,
				customer("Our card was charged twice on 1 February for the subscription. Could you refund the duplicate? Also, will this happen again next month?"),
				agent("Hello Margaret,\n\nI'm sorry to hear about the double charge. On 1 February a timeout made the subscription renewal run twice. I've refunded the duplicate today.\n\nIf you need anything else, just reply to this email.\n\nKind regards,\nTom Hughes\nBilling Support")),
			want: Fail, reason: "1 of 2",
			evidence: []span{{0, "Also, will this happen again next month?"}},
		},
		{
			name: "ru a repeated apology answers nothing",
			conv: conv("ru",
				customer("Деньги за второй сет вернёте или нет??"),
				agent("Ещё раз приносим свои извинения. Могу ли я ещё чем-то помочь?")),
			want:     Fail,
			evidence: []span{{0, "Деньги за второй сет вернёте или нет??"}},
		},
		{
			name: "ru a shared greeting is no answer",
			conv: convOn("ru", transcript.ChannelEmail,
				customer("Добрый день!\n\nВ следующем месяце это повторится?"),
				agent("Добрый день, Наталья!\n\nСпасибо за обращение.")),
			want:     Fail,
			evidence: []span{{0, "В следующем месяце это повторится?"}},
		},
		{
			name: "uk a shared greeting is no answer",
			conv: convOn("uk", transcript.ChannelEmail,
				customer("Добрий вечір!\n\nЧи треба мені зараз сплачувати всю суму?"),
				agent("Добрий вечір, пане Андрію!\n\nДякуємо за звернення.")),
			want:     Fail,
			evidence: []span{{0, "Чи треба мені зараз сплачувати всю суму?"}},
		},
		{
			name: "ro an indirect question is a question of its own",
			conv: conv("ro",
				customer("Mi s-a perceput comisionul de două ori pe 31 ianuarie. Îmi returnați suma? Aș vrea să știu și dacă se va întâmpla la fel în februarie."),
				agent("Pe 31 ianuarie comisionul a fost încasat de două ori din cauza unei erori. V-am returnat suma astăzi.")),
			want: Fail, reason: "1 of 2",
			evidence: []span{{0, "și dacă se va întâmpla la fel în februarie."}},
		},
	}
	runCases(t, CompleteAnswer, cases)
}
