package textproc

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// detectCases are short, realistic support messages; the accuracy over them is reported in
// docs/textproc.md.
var detectCases = []struct {
	text, want string
}{
	{"Where is my order?", "en"},
	{"Hi, I was charged twice", "en"},
	{"thanks", "en"},
	{"Can I change the delivery address?", "en"},
	{"The app keeps crashing when I log in", "en"},
	{"ok thank you so much", "en"},
	{"I need a refund please", "en"},
	{"Hello, my package never arrived", "en"},
	{"Где мой заказ?", "ru"},
	{"Спасибо", "ru"},
	{"Добрый день", "ru"},
	{"Здравствуйте, списали деньги два раза", "ru"},
	{"Когда привезут?", "ru"},
	{"Не могу войти в личный кабинет", "ru"},
	{"ок, жду", "ru"},
	{"Подскажите статус заказа 5531", "ru"},
	{"Привет", "ru"},
	{"Дякую", "uk"},
	{"Добрий день", "uk"},
	{"Де моє замовлення?", "uk"},
	{"Коли привезуть?", "uk"},
	{"Не можу увійти в особистий кабінет", "uk"},
	{"Гроші списали двічі", "uk"},
	{"Підкажіть статус замовлення 5531", "uk"},
	{"Привіт", "uk"},
	{"м'який знак", "uk"},
	{"Buna ziua", "ro"},
	{"Bună ziua", "ro"},
	{"multumesc", "ro"},
	{"Unde este comanda mea?", "ro"},
	{"am platit de doua ori", "ro"},
	{"Nu pot sa intru in cont", "ro"},
	{"Va rog sa verificati comanda", "ro"},
	{"Mulțumesc frumos!", "ro"},
	{"Cand ajunge coletul?", "ro"},
	{"Coletul nu a ajuns inca", "ro"},
	{"Ні", "uk"},
	{"Так, дякую", "uk"},
	{"Нет", "ru"},
	{"Да, спасибо", "ru"},
	{"Добре", "uk"},
	{"Хорошо", "ru"},
	{"Da", "ro"},
	{"Nu", "ro"},
	{"Yes", "en"},
	{"No, thanks", "en"},
	{"Чекаю", "uk"},
	{"Жду", "ru"},
	{"Як справи?", "uk"},
	{"Как дела?", "ru"},
	{"Все добре", "uk"},
	{"Всё хорошо", "ru"},
	{"Nu a ajuns", "ro"},
	{"It hasn't arrived", "en"},
	{"Salut", "ro"},
	{"Am o problema cu comanda", "ro"},
	{"Vreau banii inapoi", "ro"},
	{"I want my money back", "en"},
	{"Хочу повернути гроші", "uk"},
	{"Хочу вернуть деньги", "ru"},
	{"Скільки чекати?", "uk"},
	{"Сколько ждать?", "ru"},
	{"Будь ласка", "uk"},
	{"Пожалуйста", "ru"},
	{"Cu placere", "ro"},
	{"До побачення", "uk"},
	{"До свидания", "ru"},
	{"Я ищу University Arms Hotel на Regent Street, подскажите адрес", "ru"},
	{"Хочу замовити iPhone 15 Pro, чи є в наявності?", "uk"},
	{"Comanda mea de pe eMAG nu a ajuns", "ro"},
}

func TestDetectLanguage(t *testing.T) {
	a := testAnalyzer(t)
	for _, tc := range detectCases {
		t.Run(tc.text, func(t *testing.T) {
			if got := a.DetectLanguage(tc.text); got != tc.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestDetectLanguageFallsBack(t *testing.T) {
	for _, def := range []string{"ru", "ro"} {
		a, err := NewAnalyzer(Options{DefaultLanguage: def})
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{"", "5531", "👍", "!!!", "16:15"} {
			if got := a.DetectLanguage(text); got != def {
				t.Errorf("default %s: DetectLanguage(%q) = %q, want the default", def, text, got)
			}
		}
	}
	// "ок" is Cyrillic but neither Russian nor Ukrainian in particular: the default decides.
	uk, err := NewAnalyzer(Options{DefaultLanguage: "uk"})
	if err != nil {
		t.Fatal(err)
	}
	if got := uk.DetectLanguage("ок"); got != "uk" {
		t.Errorf(`DetectLanguage("ок") with default uk = %q, want "uk"`, got)
	}
}

// TestDetectLanguageOnEvalTurns measures detection on every customer and agent turn of the
// shared MultiWOZ dev sets (English and its Russian translation), one turn at a time.
func TestDetectLanguageOnEvalTurns(t *testing.T) {
	a := testAnalyzer(t)
	for _, lang := range []string{"en", "ru"} {
		path := "../../../shared/eval/external/multiwoz-" + lang + "-dev.dialogs.jsonl"
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("shared evaluation data not present: %v", err)
		}
		defer f.Close()
		total, right := 0, 0
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			var c struct {
				Turns []struct{ Text string } `json:"turns"`
			}
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatal(err)
			}
			for _, turn := range c.Turns {
				total++
				if a.DetectLanguage(turn.Text) == lang {
					right++
				}
			}
		}
		acc := float64(right) / float64(total)
		t.Logf("%s: %d/%d turns detected correctly (%.2f%%)", lang, right, total, 100*acc)
		if acc < 0.99 {
			t.Errorf("%s: turn accuracy %.4f, want at least 0.99", lang, acc)
		}
	}
}
