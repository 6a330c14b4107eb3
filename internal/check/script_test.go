package check

import "testing"

func TestScript(t *testing.T) {
	cases := []checkCase{
		{name: "en pass", id: "script.introduce_self", conv: conv("en", customer("Hi"), agent("Hello, my name is Anna.")), want: Pass, evidence: []span{{1, "my name is"}}},
		{name: "ru pass", id: "script.introduce_self", conv: conv("ru", customer("Добрый день"), agent("Здравствуйте, меня зовут Ольга.")), want: Pass, evidence: []span{{1, "меня зовут"}}},
		{name: "uk fail", id: "script.introduce_self", conv: conv("uk", customer("Добрий день"), agent("Вітаю! Чим допомогти?")), want: Fail, evidence: []span{{1, "Вітаю!"}}},
		{name: "ro pass", id: "script.introduce_self", conv: conv("ro", customer("Bună"), agent("Bună ziua, mă numesc Ioana.")), want: Pass, evidence: []span{{1, "mă numesc"}}},
		{name: "na without agent", id: "script.introduce_self", conv: conv("en", customer("Hi")), want: NA},
		{name: "review: no phrases for this script", id: "script.disclosure", conv: conv("en", customer("Hi"), agent("Hello")), want: Review},
	}
	runCases(t, Script, cases)
}
