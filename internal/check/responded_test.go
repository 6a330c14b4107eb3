package check

import "testing"

func TestResponded(t *testing.T) {
	cases := []checkCase{
		{name: "en pass", conv: conv("en", customer("Hi, is the shop open?"), agent("Yes, until 8pm.")), want: Pass},
		{name: "en fail: last question ignored", conv: conv("en", customer("Is the shop open?"), agent("Yes."), customer("And on Sunday?")), want: Fail, evidence: []span{{2, "And on Sunday?"}}},
		{name: "en thanks with the agent's name needs no reply", conv: withAgent("James Porter", conv("en", customer("Is it open?"), agent("Yes, until 8pm."), customer("That's great, thank you James!"))), want: Pass},
		{name: "en thanks with a complaint needs a reply", conv: conv("en", customer("Is it open?"), agent("Yes."), customer("Thanks, but the door is locked.")), want: Fail, evidence: []span{{2, "Thanks, but the door is locked."}}},
		{name: "no agent at all", conv: conv("en", customer("Hello?")), want: Fail, evidence: []span{{0, "Hello?"}}},
		{name: "ru thanks", conv: withAgent("Татьяна", conv("ru", customer("Где заказ?"), agent("Привезут завтра."), customer("Татьяна, спасибо большое!"))), want: Pass},
		{name: "ru unanswered", conv: conv("ru", customer("Где заказ?"), agent("Привезут завтра."), customer("А во сколько?")), want: Fail, evidence: []span{{2, "А во сколько?"}}},
		{name: "uk thanks with title", conv: conv("uk", customer("Де довідка?"), agent("Готова."), customer("Дякую вам велике, пані Тетяно!")), want: Pass},
		{name: "ro unanswered", conv: conv("ro", customer("Unde e comanda?"), agent("Ajunge mâine."), customer("La ce oră?")), want: Fail, evidence: []span{{2, "La ce oră?"}}},
		{name: "ro thanks", conv: conv("ro", customer("Unde e comanda?"), agent("Ajunge mâine."), customer("Mulțumesc frumos!")), want: Pass},
	}
	runCases(t, Responded, cases)
}
