package textproc

import "testing"

func TestSentences(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, lang, text, want string // want: sentences separated by " | "
	}{
		{"en basic marks", "en", "Hi. Where is it? It's late! Thanks", "Hi. | Where is it? | It's late! | Thanks"},
		{"en ?! and closing quote", "en", `He said "really?!" Then left.`, `He said "really?!" | Then left.`},
		{"en emoji stays with its sentence", "en", "Great!😊 See you", "Great!😊 | See you"},
		{"en abbreviations", "en", "Dr. Smith will call, e.g. tomorrow at 5 p.m. Then we ship.", "Dr. Smith will call, e.g. tomorrow at 5 p.m. | Then we ship."},
		{"en etc before a capital", "en", "Bring the receipt, box etc. Thanks!", "Bring the receipt, box etc. | Thanks!"},
		{"en decimals and times", "en", "It costs 3.5 dollars at 16:15 today.", "It costs 3.5 dollars at 16:15 today."},
		{"en dotted abbreviation ends a sentence before a capital", "en", "We ship to the U.S. Anything else?", "We ship to the U.S. | Anything else?"},
		{"en line breaks", "en", "Hello\nI have a problem\n\nThanks", "Hello | I have a problem | Thanks"},
		{"ru т. е. with spaces", "ru", "Доставка бесплатная, т. е. вы ничего не платите. Спасибо!", "Доставка бесплатная, т. е. вы ничего не платите. | Спасибо!"},
		{"ru т. д. ends before a capital", "ru", "Паспорт, чек и т. д. Потом приходите.", "Паспорт, чек и т. д. | Потом приходите."},
		{"ru address titles", "ru", "Адрес: ул. Ленина, д. 5. Курьер приедет.", "Адрес: ул. Ленина, д. 5. | Курьер приедет."},
		{"ru initials", "ru", "Звонил А. С. Пушкин. Ждём.", "Звонил А. С. Пушкин. | Ждём."},
		{"ru ellipsis then lower case continues", "ru", "Я думал... а потом забыл. Всё.", "Я думал... а потом забыл. | Всё."},
		{"ru ellipsis then capital ends", "ru", "Жду уже неделю… Где заказ?", "Жду уже неделю… | Где заказ?"},
		{"ru lower-case chat sentence after period", "ru", "спасибо. а когда доставка?", "спасибо. | а когда доставка?"},
		{"ru smileys stay", "ru", "Спасибо)) Всё получил", "Спасибо)) Всё получил"},
		{"ru smiley after a mark stays", "ru", "Спасибо! :) Всё получил", "Спасибо! :) | Всё получил"},
		{"uk abbreviations", "uk", "Сума 1 250 грн. Повернемо до середи, див. умови.", "Сума 1 250 грн. | Повернемо до середи, див. умови."},
		{"ro nr. before a number", "ro", "Comanda nr. 5531 a ajuns. Mulțumesc!", "Comanda nr. 5531 a ajuns. | Mulțumesc!"},
		{"ro str. title", "ro", "Livrăm pe Str. Memorandumului 21. Bine?", "Livrăm pe Str. Memorandumului 21. | Bine?"},
		{"no terminal mark", "ru", "ок", "ок"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := a.Analyze(tc.lang, tc.text)
			if got := sentenceTexts(x); got != tc.want {
				t.Errorf("sentences\n got %q\nwant %q", got, tc.want)
			}
			checkInvariants(t, x)
		})
	}
}
