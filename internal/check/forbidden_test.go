package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestForbiddenPhrases(t *testing.T) {
	email := transcript.ChannelEmail
	cases := []checkCase{
		{name: "en pass", conv: conv("en", customer("Refund?"), agent("Done, refunded.")), want: Pass},
		{name: "en dismissal", conv: conv("en", customer("Refund?"), agent("Sorry, that's not my job.")), want: Fail, evidence: []span{{1, "that's not my job"}}},
		{name: "en channel redirect only in chat", conv: conv("en", customer("Refund?"), agent("Please send us an email.")), want: Fail, evidence: []span{{1, "send us an email"}}},
		{name: "en email may say email", conv: convOn("en", email, customer("Refund?"), agent("Please send us an email with the receipt.")), want: Pass},
		{name: "ru blame with a gap", conv: conv("ru", customer("Почему списали?"), agent("Вы сами в приложении подписались.")), want: Fail, evidence: []span{{1, "Вы сами в приложении подписались"}}},
		{name: "ru negated is still forbidden wording", conv: conv("ru", customer("Помогите"), agent("Это не моя проблема.")), want: Fail, evidence: []span{{1, "Это не моя проблема"}}},
		{name: "uk arguing with cancellation", conv: conv("uk", customer("Скасуйте підписку."), agent("Навіщо скасовувати? Потім пошкодуєте.")), want: Fail, evidence: []span{{1, "Навіщо скасовувати"}, {1, "пошкодуєте"}}},
		{name: "uk damaged is not regret", conv: conv("uk", customer("Валіза пошкоджена."), agent("Перепрошуємо за пошкодження.")), want: Pass},
		{name: "ro blame", conv: conv("ro", customer("De ce?"), agent("Este vina dumneavoastră.")), want: Fail, evidence: []span{{1, "Este vina dumneavoastră"}}},
		{name: "customer words do not count", conv: conv("en", customer("That's not my job to check!"), agent("Understood, I'll check it.")), want: Pass},
	}
	runCases(t, ForbiddenPhrases, cases)
}
