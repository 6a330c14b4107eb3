package textproc

import "testing"

func TestTokenize(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, lang, text string
		want             string // tokenList
	}{
		{"ru order number, time, decimal, ellipsis", "ru", "Где мой заказ №5531? Жду с 16:15, т. е. 3,5 часа...",
			"Где/Word мой/Word заказ/Word №/Symbol 5531/Number ?/Punct Жду/Word с/Word 16:15/Number ,/Punct т/Word ./Punct е/Word ./Punct 3,5/Number часа/Word .../Punct"},
		{"ru hyphenated words stay whole", "ru", "что-то кое-как по-русски",
			"что-то/Word кое-как/Word по-русски/Word"},
		{"uk apostrophe words stay whole", "uk", "м'який об’єкт обʼєкт сім`я",
			"м'який/Word об’єкт/Word обʼєкт/Word сім`я/Word"},
		{"uk hyphenated", "uk", "будь-який, що-небудь",
			"будь-який/Word ,/Punct що-небудь/Word"},
		{"ro clitic hyphens split", "ro", "S-a rezolvat într-o zi, dintr-un motiv.",
			"S/Word a/Word rezolvat/Word într/Word o/Word zi/Word ,/Punct dintr/Word un/Word motiv/Word ./Punct"},
		{"ro ordinal with digit keeps hyphen", "ro", "al 4-lea",
			"al/Word 4-lea/Word"},
		{"numbers", "ru", "3.5 16:15 1,000 12.05.2024 10-12 COVID-19 4-й TR1840",
			"3.5/Number 16:15/Number 1,000/Number 12.05.2024/Number 10/Number -/Punct 12/Number COVID-19/Word 4-й/Word TR1840/Word"},
		{"number then period", "ru", "заказ 5531.",
			"заказ/Word 5531/Number ./Punct"},
		{"addresses", "ru", "Пишите на support@shop.ru или https://shop.ru/help?id=1.",
			"Пишите/Word на/Word support@shop.ru/Email или/Word https://shop.ru/help?id=1/URL ./Punct"},
		{"www address", "ro", "Vezi www.emag.ro, apoi",
			"Vezi/Word www.emag.ro/URL ,/Punct apoi/Word"},
		{"emoji graphemes", "ru", "Спасибо!😊👍🏽 🇷🇴 👨‍👩‍👧",
			"Спасибо/Word !/Punct 😊/Symbol 👍🏽/Symbol 🇷🇴/Symbol 👨‍👩‍👧/Symbol"},
		{"smileys", "ru", "спасибо))) ок :) (см. выше) ага)",
			"спасибо/Word )))/Symbol ок/Word :)/Symbol (/Punct см/Word ./Punct выше/Word )/Punct ага/Word )/Symbol"},
		{"dotted abbreviations", "ru", "т.е. всё, т.д.",
			"т.е./Word всё/Word ,/Punct т.д./Word"},
		{"no space after period", "ru", "Привет.Как дела",
			"Привет/Word ./Punct Как/Word дела/Word"},
		{"quotes and dashes", "uk", "статус «в обробці» — зачекайте",
			"статус/Word «/Punct в/Word обробці/Word »/Punct —/Punct зачекайте/Word"},
		{"stress mark and soft hyphen inside a word", "ru", "за́мок ин\u00adформация",
			"за́мок/Word ин\u00adформация/Word"},
		{"unknown language uses the same tokenizer", "de", "Wo ist meine Bestellung?",
			"Wo/Word ist/Word meine/Word Bestellung/Word ?/Punct"},
		{"empty", "ru", "", ""},
		{"only spaces", "ru", " \n\t ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := a.Analyze(tc.lang, tc.text)
			if got := tokenList(x.Tokens); got != tc.want {
				t.Errorf("tokens\n got %s\nwant %s", got, tc.want)
			}
			checkInvariants(t, x)
		})
	}
}

func TestTokenOffsetsAreRunes(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, lang, text, want string
	}{
		{"cyrillic", "ru", "Привет, мир", "0:6 6:7 8:11"},
		{"romanian split hyphen", "ro", "s-a dus", "0:1 2:3 4:7"},
		{"emoji counts as runes", "ru", "ок👍🏽да", "0:2 2:4 4:6"},
		{"english contraction", "en", "I don’t", "0:1 2:4 4:7"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := a.Analyze(tc.lang, tc.text)
			if got := spans(x.Tokens); got != tc.want {
				t.Errorf("spans of %q = %s, want %s (%s)", tc.text, got, tc.want, tokenList(x.Tokens))
			}
			checkInvariants(t, x)
		})
	}
}
