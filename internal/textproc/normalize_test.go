package textproc

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, lang, in, want string
	}{
		{"lower case", "en", "Hello WORLD", "hello world"},
		{"already normal is returned as is", "ru", "заказ", "заказ"},
		{"ё to е", "ru", "Ещё всё", "еще все"},
		{"decomposed й", "ru", "мои\u0306", "мой"},
		{"stress mark dropped", "ru", "за́мок", "замок"},
		{"soft hyphen and zero width dropped", "ru", "ин\u00adфор\u200bмация", "информация"},
		{"uk apostrophes unified: right quote", "uk", "об’єкт", "об'єкт"},
		{"uk apostrophes unified: modifier letter", "uk", "обʼєкт", "об'єкт"},
		{"uk apostrophes unified: backtick", "uk", "сім`я", "сім'я"},
		{"uk decomposed ї", "uk", "\u0456\u0308жак", "їжак"},
		{"ro comma below", "ro", "Mulțumesc, ș ț", "multumesc, s t"},
		{"ro cedilla", "ro", "Mulţumesc ş", "multumesc s"},
		{"ro all diacritics dropped", "ro", "Bună ziua, îmi pare rău, încântat", "buna ziua, imi pare rau, incantat"},
		{"ro decomposed breve", "ro", "bun\u0103 s\u0326", "buna s"},
		{"ro without diacritics unchanged", "ro", "multumesc", "multumesc"},
		{"ro diacritics kept for other languages", "en", "Ștefan", "ștefan"},
		{"typographic quotes", "ru", "«да» „так“ “yes”", `"да" "так" "yes"`},
		{"dashes", "uk", "так — ні – може‑бути", "так - ні - може-бути"},
		{"latin look-alikes in a cyrillic word", "ru", "зaкaз Cпacибo", "заказ спасибо"},
		{"latin words left alone", "ru", "заказ TR1840 ok", "заказ tr1840 ok"},
		{"uk latin i in a cyrillic word", "uk", "дякуємo, вiтаю", "дякуємо, вітаю"},
		{"ru latin i not mapped", "ru", "вiтаю", "вiтаю"},
		{"english apostrophe", "en", "Don’t", "don't"},
		{"empty", "en", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.lang, tc.in); got != tc.want {
				t.Errorf("Normalize(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
			}
		})
	}
}

func TestRomanianDiacriticFreeMatching(t *testing.T) {
	a := testAnalyzer(t)
	pairs := [][2]string{
		{"Mulțumesc frumos", "multumesc frumos"},
		{"Bună ziua", "buna ziua"},
		{"Îmi cer scuze pentru întârziere", "imi cer scuze pentru intarziere"},
		{"Vă mulţumim pentru răbdare", "va multumim pentru rabdare"},
		{"Puteți să verificați informațiile?", "puteti sa verificati informatiile?"},
	}
	for _, p := range pairs {
		t.Run(p[1], func(t *testing.T) {
			with, without := a.Analyze("ro", p[0]).Tokens, a.Analyze("ro", p[1]).Tokens
			if norms(with) != norms(without) || stems(with) != stems(without) {
				t.Errorf("%q vs %q:\nnorms %s | %s\nstems %s | %s", p[0], p[1],
					norms(with), norms(without), stems(with), stems(without))
			}
		})
	}
}
