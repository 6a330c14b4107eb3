package check

import (
	"testing"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestGreeting(t *testing.T) {
	chat := transcript.ChannelChat
	cases := []struct {
		name string
		conv *transcript.Conversation
		want Outcome
		ev   []evCAWant
	}{
		{"en pass", convCA("en", chat, cuCA("Where is my parcel?"), agCA("Hi Tom! Let me check.")), Pass, []evCAWant{{1, "Hi"}}},
		{"en fail: no greeting in first reply", convCA("en", chat, cuCA("Where is my parcel?"), agCA("Order number?"), agCA("Hello again")), Fail, []evCAWant{{1, "Order number?"}}},
		{"en his is not hi", convCA("en", chat, cuCA("My son lost his card."), agCA("His card is blocked now.")), Fail, nil},
		{"na: no agent reply", convCA("ru", chat, cuCA("Здравствуйте, где заказ?")), NA, nil},
		{"ru pass", convCA("ru", chat, cuCA("Где заказ?"), agCA("Здравствуйте, Иван! Сейчас посмотрю.")), Pass, []evCAWant{{1, "Здравствуйте"}}},
		{"uk pass", convCA("uk", chat, cuCA("Де замовлення?"), agCA("Доброго дня! Зараз перевірю.")), Pass, []evCAWant{{1, "Доброго дня"}}},
		{"ro pass without diacritics", convCA("ro", chat, cuCA("Unde e comanda?"), agCA("Buna ziua! Verific imediat.")), Pass, []evCAWant{{1, "Buna ziua"}}},
		{"ro fail", convCA("ro", chat, cuCA("Unde e comanda?"), agCA("Numărul comenzii?")), Fail, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkResultCA(t, tc.conv, runCA(t, Greeting, tc.conv), tc.want, tc.ev)
		})
	}
}

func TestResponded(t *testing.T) {
	chat := transcript.ChannelChat
	withAgent := func(c *transcript.Conversation, name string) *transcript.Conversation {
		c.Agents = []transcript.Agent{{ID: "a1", Name: name}}
		return c
	}
	cases := []struct {
		name string
		conv *transcript.Conversation
		want Outcome
		ev   []evCAWant
	}{
		{"en pass", convCA("en", chat, cuCA("Hi, is the shop open?"), agCA("Yes, until 8pm.")), Pass, nil},
		{"en fail: last question ignored", convCA("en", chat, cuCA("Is the shop open?"), agCA("Yes."), cuCA("And on Sunday?")), Fail, []evCAWant{{2, "And on Sunday?"}}},
		{"en thanks with the agent's name needs no reply", withAgent(convCA("en", chat, cuCA("Is it open?"), agCA("Yes, until 8pm."), cuCA("That's great, thank you James!")), "James Porter"), Pass, nil},
		{"en thanks with a complaint needs a reply", convCA("en", chat, cuCA("Is it open?"), agCA("Yes."), cuCA("Thanks, but the door is locked.")), Fail, nil},
		{"no agent at all", convCA("en", chat, cuCA("Hello?")), Fail, []evCAWant{{0, "Hello?"}}},
		{"ru thanks", withAgent(convCA("ru", chat, cuCA("Где заказ?"), agCA("Привезут завтра."), cuCA("Татьяна, спасибо большое!")), "Татьяна"), Pass, nil},
		{"ru unanswered", convCA("ru", chat, cuCA("Где заказ?"), agCA("Привезут завтра."), cuCA("А во сколько?")), Fail, nil},
		{"uk thanks with title", convCA("uk", chat, cuCA("Де довідка?"), agCA("Готова."), cuCA("Дякую вам велике, пані Тетяно!")), Pass, nil},
		{"ro unanswered", convCA("ro", chat, cuCA("Unde e comanda?"), agCA("Ajunge mâine."), cuCA("La ce oră?")), Fail, nil},
		{"ro thanks", convCA("ro", chat, cuCA("Unde e comanda?"), agCA("Ajunge mâine."), cuCA("Mulțumesc frumos!")), Pass, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkResultCA(t, tc.conv, runCA(t, Responded, tc.conv), tc.want, tc.ev)
		})
	}
}

func TestForbiddenPhrases(t *testing.T) {
	chat, email := transcript.ChannelChat, transcript.ChannelEmail
	cases := []struct {
		name string
		conv *transcript.Conversation
		want Outcome
		ev   []evCAWant
	}{
		{"en pass", convCA("en", chat, cuCA("Refund?"), agCA("Done, refunded.")), Pass, nil},
		{"en dismissal", convCA("en", chat, cuCA("Refund?"), agCA("Sorry, that's not my job.")), Fail, []evCAWant{{1, "that's not my job"}}},
		{"en channel redirect only in chat", convCA("en", chat, cuCA("Refund?"), agCA("Please send us an email.")), Fail, []evCAWant{{1, "send us an email"}}},
		{"en email may say email", convCA("en", email, cuCA("Refund?"), agCA("Please send us an email with the receipt.")), Pass, nil},
		{"ru blame with a gap", convCA("ru", chat, cuCA("Почему списали?"), agCA("Вы сами в приложении подписались.")), Fail, []evCAWant{{1, "Вы сами в приложении подписались"}}},
		{"ru negated is still forbidden wording", convCA("ru", chat, cuCA("Помогите"), agCA("Это не моя проблема.")), Fail, []evCAWant{{1, "Это не моя проблема"}}},
		{"uk arguing with cancellation", convCA("uk", chat, cuCA("Скасуйте підписку."), agCA("Навіщо скасовувати? Потім пошкодуєте.")), Fail, []evCAWant{{1, "Навіщо скасовувати"}, {1, "пошкодуєте"}}},
		{"uk damaged is not regret", convCA("uk", chat, cuCA("Валіза пошкоджена."), agCA("Перепрошуємо за пошкодження.")), Pass, nil},
		{"ro blame", convCA("ro", chat, cuCA("De ce?"), agCA("Este vina dumneavoastră.")), Fail, []evCAWant{{1, "Este vina dumneavoastră"}}},
		{"customer words do not count", convCA("en", chat, cuCA("That's not my job to check!"), agCA("Understood, I'll check it.")), Pass, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkResultCA(t, tc.conv, runCA(t, ForbiddenPhrases, tc.conv), tc.want, tc.ev)
		})
	}
}

func TestScript(t *testing.T) {
	chat := transcript.ChannelChat
	run := func(id string, c *transcript.Conversation) Result {
		an, lexicons := loadTestLexiconsCA(t)
		text := an.AnalyzeConversation(c)
		return Script(&Input{Conv: c, Text: text, Lexicon: lexicons[text.Language], Settings: DefaultSettings(), ID: id})
	}
	cases := []struct {
		name string
		id   string
		conv *transcript.Conversation
		want Outcome
		ev   []evCAWant
	}{
		{"en pass", "script.introduce_self", convCA("en", chat, cuCA("Hi"), agCA("Hello, my name is Anna.")), Pass, []evCAWant{{1, "my name is"}}},
		{"ru pass", "script.introduce_self", convCA("ru", chat, cuCA("Добрый день"), agCA("Здравствуйте, меня зовут Ольга.")), Pass, []evCAWant{{1, "меня зовут"}}},
		{"uk fail", "script.introduce_self", convCA("uk", chat, cuCA("Добрий день"), agCA("Вітаю! Чим допомогти?")), Fail, []evCAWant{{1, "Вітаю!"}}},
		{"ro pass", "script.introduce_self", convCA("ro", chat, cuCA("Bună"), agCA("Bună ziua, mă numesc Ioana.")), Pass, []evCAWant{{1, "mă numesc"}}},
		{"na without agent", "script.introduce_self", convCA("en", chat, cuCA("Hi")), NA, nil},
		{"review: no phrases for this script", "script.disclosure", convCA("en", chat, cuCA("Hi"), agCA("Hello")), Review, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkResultCA(t, tc.conv, run(tc.id, tc.conv), tc.want, tc.ev)
		})
	}
}

func TestPhraseMatching(t *testing.T) {
	an, lexicons := loadTestLexiconsCA(t)
	compile := func(lang string, srcs ...string) *PhraseSet {
		var ps []Phrase
		for _, src := range srcs {
			p, err := CompilePhrase(an, lang, src)
			if err != nil {
				t.Fatal(err)
			}
			ps = append(ps, p)
		}
		s := NewPhraseSet("t", ps)
		return &s
	}
	cases := []struct {
		name, lang, phrase, text string
		want                     []string // matched texts, "!" prefix when negated
	}{
		{"stem match", "en", "sorry", "I'm so sorry about this.", []string{"sorry"}},
		{"sorrow is not sorry", "en", "sorry", "To my sorrow.", nil},
		{"negated", "en", "sorry", "I'm not sorry.", []string{"!sorry"}},
		{"punctuation ends negation", "en", "sorry", "No, sorry.", []string{"sorry"}},
		{"exact", "en", "=hi", "Hi, his order.", []string{"Hi"}},
		{"prefix", "ru", "извин*", "Извиняемся за задержку.", []string{"Извиняемся"}},
		{"gap", "en", "understand ... frustrating", "I understand how frustrating this is.", []string{"understand how frustrating"}},
		{"gap too long", "en", "understand ... frustrating", "I understand that this whole thing is frustrating.", nil},
		{"no match across sentences", "en", "thank you", "Thank. You.", nil},
		{"ru negation", "ru", "извин*", "Не извиняйтесь, всё хорошо.", []string{"!извиняйтесь"}},
		{"ro negation", "ro", "ne pare rău", "Nu ne pare rău.", []string{"!ne pare rău"}},
		{"ro without diacritics", "ro", "ne pare rău", "Ne pare rau pentru intarziere.", []string{"Ne pare rau"}},
		{"uk apostrophes", "uk", "обов'язково", "Ми обовʼязково перевіримо.", []string{"обовʼязково"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set := compile(tc.lang, tc.phrase)
			text := an.Analyze(tc.lang, tc.text)
			var got []string
			for _, m := range set.Find(text, lexicons[tc.lang]) {
				s := text.Snippet(m.Start, m.End)
				if m.Negated {
					s = "!" + s
				}
				got = append(got, s)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("matches %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("matches %q, want %q", got, tc.want)
				}
			}
		})
	}
}
