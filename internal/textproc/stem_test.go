package textproc

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestStem(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		lang, word, want string
	}{
		{"en", "sorry", "sorri"},
		{"en", "sorrow", "sorrow"},
		{"en", "apologies", "apolog"},
		{"en", "apologize", "apolog"},
		{"en", "frustrating", "frustrat"},
		{"en", "frustrated", "frustrat"},
		{"ru", "извините", "извин"},
		{"ru", "извиняемся", "извиня"},
		{"ru", "заказа", "заказ"},
		{"ru", "заказом", "заказ"},
		{"ru", "понимаю", "понима"},
		{"ru", "понимаем", "понима"},
		{"ru", "еще", "ещ"},
		{"ro", "multumesc", "multum"},
		{"ro", "multumim", "multum"},
		{"ro", "comenzii", "comenz"},
		{"ro", "comenzi", "comenz"},
		{"ro", "puteti", "put"},
		{"ro", "putem", "put"},
		{"ro", "informatii", "inform"},
		{"ro", "informatia", "inform"},
		{"ro", "scuzati", "scuz"},
		{"ro", "scuze", "scuz"},
		{"uk", "вибачте", "вибат"},
		{"uk", "вибачаємо", "вибат"},
		{"uk", "вибачення", "вибат"},
		{"uk", "розумію", "розум"},
		{"uk", "розуміємо", "розум"},
		{"uk", "замовлення", "замов"},
		{"uk", "замовленням", "замов"},
		{"uk", "допомогти", "допомож"},
		{"uk", "допоможу", "допомож"},
		{"en", "tr1840", "tr1840"}, // codes with digits are not stemmed
		{"de", "bestellungen", "bestellungen"},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.word, func(t *testing.T) {
			if got := a.Stem(tc.lang, tc.word); got != tc.want {
				t.Errorf("Stem(%q, %q) = %q, want %q", tc.lang, tc.word, got, tc.want)
			}
		})
	}
}

// TestUkrainianStemGroups checks that the forms of one word meet in one stem and that
// different words stay apart.
func TestUkrainianStemGroups(t *testing.T) {
	s := newUkrainianStemmer()
	groups := []struct {
		name, forms, stem string
	}{
		{"apologise", "вибачте вибачаємо вибачення вибачаюсь вибачитися", "вибат"},
		{"beg pardon", "перепрошуємо перепрошую", "перепрос"},
		{"understand", "розумію розуміємо розуміти розуміння розумієте", "розум"},
		{"order", "замовлення замовленням замовленні замовлень замовити замовив замовила замовлю", "замов"},
		{"help", "допомогти допоможу допоможемо допомога допомогою допомоги", "допомож"},
		{"thank", "дякую дякуємо дякувати", "дяк"},
		{"deliver", "доставити доставимо доставлено доставлю", "достав"},
		{"delivery", "доставка доставки доставку доставкою", "доставк"},
		{"payment", "оплата оплати оплатити оплачено оплачу оплатив", "оплат"},
		{"money", "гроші грошей грошима", "грос"},
		{"return", "повернення повернути повернемо повернуто", "поверн"},
		{"wait", "зачекайте зачекати", "зачек"},
		{"expect", "очікування очікуйте", "очік"},
		{"unpleasant", "неприємно неприємний неприємна неприємності", "неприємн"},
		{"indicate", "вкажіть вказати вкажете", "вкаж"},
		{"specify", "уточніть уточнити уточню уточнення", "уточн"},
		{"card", "картка картки карткою карток картці", "картк"},
		{"receive", "отримали отримати отримаєте отримання", "отрим"},
		{"possible", "можливо можливість можливості", "можлив"},
		{"apply", "зверніться звернутися звернення", "зверн"},
		{"problem", "проблема проблеми проблемою проблем", "проблем"},
		{"information", "інформація інформацію інформації", "інформак"},
		{"family (apostrophe)", "сім'я сім'ї", "сім"},
		{"want", "хочу хотіти", "хот"},
		{"write", "напишіть написати", "напис"},
		{"ask", "прошу просимо", "прос"},
		{"work", "робота роботи роботою", "робот"},
	}
	seen := map[string]string{}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, w := range strings.Fields(g.forms) {
				if got := s.stem(w); got != g.stem {
					t.Errorf("stem(%q) = %q, want %q", w, got, g.stem)
				}
			}
		})
		if other, ok := seen[g.stem]; ok {
			t.Errorf("groups %q and %q share the stem %q", other, g.name, g.stem)
		}
		seen[g.stem] = g.name
	}
}

func TestUkrainianStemLeavesShortAndFunctionWords(t *testing.T) {
	s := newUkrainianStemmer()
	for _, w := range strings.Fields("що як де хто вже ще так ні і та мій") {
		if got := s.stem(w); got != w {
			t.Errorf("stem(%q) = %q, want it unchanged", w, got)
		}
	}
	if got := s.stem("коли"); got != "кол" {
		t.Errorf(`stem("коли") = %q, want "кол" (a stem keeps three runes)`, got)
	}
}

func TestStemCache(t *testing.T) {
	cached := testAnalyzer(t)
	uncached, err := NewAnalyzer(Options{StemCacheSize: -1})
	if err != nil {
		t.Fatal(err)
	}
	words := map[string][]string{
		"en": strings.Fields("sorry apologies understanding frustrated delivery refunded"),
		"ru": strings.Fields("извините извиняемся заказа доставкой понимаю неприятно"),
		"uk": strings.Fields("вибачте замовлення допоможу розуміємо оплати картці"),
		"ro": strings.Fields("multumesc comenzii scuzati informatii livrarea rambursare"),
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lang, ws := range words {
				for _, w := range ws {
					if got, want := cached.Stem(lang, w), uncached.Stem(lang, w); got != want {
						errs <- fmt.Sprintf("%s %q: cached %q, uncached %q", lang, w, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestStemCacheIsBounded(t *testing.T) {
	c := newStemCache(64)
	for i := 0; i < 10000; i++ {
		w := fmt.Sprintf("word%d", i)
		c.put(w, w)
		if stem, ok := c.get(w); !ok || stem != w {
			t.Fatalf("get(%q) = %q, %v right after put", w, stem, ok)
		}
	}
	if n := c.len(); n > 64 {
		t.Errorf("cache holds %d stems, limit 64", n)
	}
	if stem, ok := c.get("word9999"); !ok || stem != "word9999" {
		t.Errorf(`get("word9999") = %q, %v; the latest entry must be there`, stem, ok)
	}
}
