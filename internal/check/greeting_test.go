package check

import "testing"

func TestGreeting(t *testing.T) {
	cases := []checkCase{
		{name: "en pass", conv: conv("en", customer("Where is my parcel?"), agent("Hi Tom! Let me check.")), want: Pass, evidence: []span{{1, "Hi"}}},
		{name: "en fail: no greeting in first reply", conv: conv("en", customer("Where is my parcel?"), agent("Order number?"), agent("Hello again")), want: Fail, evidence: []span{{1, "Order number?"}}},
		{name: "en his is not hi", conv: conv("en", customer("My son lost his card."), agent("His card is blocked now.")), want: Fail, evidence: []span{{1, "His card is blocked now."}}},
		{name: "na: no agent reply", conv: conv("ru", customer("Здравствуйте, где заказ?")), want: NA},
		{name: "ru pass", conv: conv("ru", customer("Где заказ?"), agent("Здравствуйте, Иван! Сейчас посмотрю.")), want: Pass, evidence: []span{{1, "Здравствуйте"}}},
		{name: "uk pass", conv: conv("uk", customer("Де замовлення?"), agent("Доброго дня! Зараз перевірю.")), want: Pass, evidence: []span{{1, "Доброго дня"}}},
		{name: "ro pass without diacritics", conv: conv("ro", customer("Unde e comanda?"), agent("Buna ziua! Verific imediat.")), want: Pass, evidence: []span{{1, "Buna ziua"}}},
		{name: "ro fail", conv: conv("ro", customer("Unde e comanda?"), agent("Numărul comenzii?")), want: Fail, evidence: []span{{1, "Numărul comenzii?"}}},
	}
	runCases(t, Greeting, cases)
}
