package check

import (
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestGreetingTime(t *testing.T) {
	started := time.Date(2026, 11, 20, 6, 12, 0, 0, time.UTC)
	startedAt := func(at time.Time, c *transcript.Conversation) *transcript.Conversation {
		c.StartedAt = &at
		return c
	}
	july := func(c *transcript.Conversation) *transcript.Conversation {
		for i := range c.Turns {
			if at := c.Turns[i].At; at != nil {
				moved := at.AddDate(0, -4, 11) // 2026-07-01, summer time in Europe
				c.Turns[i].At = &moved
			}
		}
		return c
	}
	cases := []checkCase{
		{
			name: "ru morning greeting in the afternoon of Anadyr fails",
			conv: withCustomer(&transcript.Customer{Timezone: "Asia/Anadyr"}, conv("ru",
				customer("Где мой заказ 5531?").clock("03:12"),
				agent("Доброе утро, Иван! Сейчас проверю.").clock("03:12"))),
			want: Fail, reason: `"Доброе утро" sent at 15:12 customer time (Asia/Anadyr)`,
			evidence: []span{{1, "Доброе утро"}},
		},
		{
			name: "en good morning at 9 in New York passes",
			conv: withCustomer(&transcript.Customer{Timezone: "America/New_York"}, conv("en",
				customer("hi, my parcel is late").clock("14:00"),
				agent("Good morning Sam, let me check that for you.").clock("14:01"))),
			want: Pass, reason: `"Good morning" sent at 09:01 customer time (America/New_York)`,
			evidence: []span{{1, "Good morning"}},
		},
		{
			name: "uk evening greeting located by a Ukrainian phone passes",
			conv: withCustomer(&transcript.Customer{Phone: "+380 67 123 4567"}, conv("uk",
				customer("Добрий вечір, не приходить смс").clock("17:20"),
				agent("Добрий вечір! Перевірю.").clock("17:30"))),
			want: Pass, reason: "19:30 customer time (Europe/Kyiv, from phone +380 671…)",
			evidence: []span{{1, "Добрий вечір"}},
		},
		{
			name: "ro evening greeting located by the country passes",
			conv: withCustomer(&transcript.Customer{Country: "ro"}, conv("ro",
				customer("Comanda nu a ajuns").clock("19:00"),
				agent("Bună seara! Verific imediat.").clock("19:02"))),
			want: Pass, reason: "21:02 customer time (Europe/Bucharest, from country RO)",
			evidence: []span{{1, "Bună seara"}},
		},
		{
			name: "Russian landline of Yekaterinburg locates the customer",
			conv: withCustomer(&transcript.Customer{Phone: "+7 343 123-45-67"}, conv("ru",
				customer("Здравствуйте").clock("03:00"),
				agent("Доброе утро!").clock("03:01"))),
			want: Pass, reason: "08:01 customer time (Asia/Yekaterinburg, from phone +7 343…)",
			evidence: []span{{1, "Доброе утро"}},
		},
		{
			name: "Kaliningrad has no summer time (libphonenumber says Bucharest)",
			conv: july(withCustomer(&transcript.Customer{Phone: "+7 4012 12-34-56"}, conv("ru",
				customer("Здравствуйте").clock("07:40"),
				agent("Добрый день!").clock("07:45")))),
			want: Fail, reason: "09:45 customer time (Europe/Kaliningrad",
			evidence: []span{{1, "Добрый день"}},
		},
		{
			name: "Russian mobile number spans every zone of +7: review",
			conv: withCustomer(&transcript.Customer{Phone: "+7 914 555 01 02"}, conv("ru",
				customer("Здравствуйте").clock("09:00"),
				agent("Добрый день!").clock("09:00"))),
			want: Review, reason: "sent at 14:00 in Asia/Almaty fits, at 21:00 in Asia/Anadyr does not: the customer's zone is uncertain (16 zones",
			evidence: []span{{1, "Добрый день"}},
		},
		{
			name: "Russian mobile number: a morning greeting fails in all 16 zones",
			conv: withCustomer(&transcript.Customer{Phone: "+7 914 555 01 02"}, conv("ru",
				customer("Здравствуйте").clock("14:00"),
				agent("Доброе утро!").clock("14:00"))),
			want: Fail, reason: `"Доброе утро" sent at 16:00-02:00 customer time (16 zones: Asia/Almaty, Asia/Anadyr, Asia/Aqtobe, …, from phone +7 914…)`,
			evidence: []span{{1, "Доброе утро"}},
		},
		{
			name: "en afternoon greeting fits both zones of Portugal",
			conv: withCustomer(&transcript.Customer{Country: "PT"}, conv("en",
				customer("hi, my parcel is late").clock("14:00"),
				agent("Good afternoon, let me check.").clock("14:00"))),
			want: Pass, reason: `"Good afternoon" sent at 13:00-14:00 customer time (2 zones: Atlantic/Azores, Europe/Lisbon, from country PT)`,
			evidence: []span{{1, "Good afternoon"}},
		},
		{
			name: "Russia by country spans 16 zones: review",
			conv: withCustomer(&transcript.Customer{Country: "RU"}, conv("ru",
				customer("Здравствуйте").clock("09:00"),
				agent("Добрый день!").clock("09:00"))),
			want: Review, reason: "does not: the customer's zone is uncertain (16 zones: Asia/Almaty, Asia/Anadyr, Asia/Aqtobe, …, from country RU)",
			evidence: []span{{1, "Добрый день"}},
		},
		{
			name: "domestic number read with the country as region",
			conv: withCustomer(&transcript.Customer{Phone: "8 (343) 123-45-67", Country: "RU"}, conv("ru",
				customer("Здравствуйте").clock("15:00"),
				agent("Добрый вечер!").clock("15:00"))),
			want: Pass, reason: "20:00 customer time (Asia/Yekaterinburg",
			evidence: []span{{1, "Добрый вечер"}},
		},
		{
			name: "fixed offset zone",
			conv: withCustomer(&transcript.Customer{Timezone: "UTC+3"}, conv("en",
				customer("hello").clock("19:00"),
				agent("Good afternoon!").clock("19:01"))),
			want: Fail, reason: "22:01 customer time (UTC+3)",
			evidence: []span{{1, "Good afternoon"}},
		},
		{
			name: "unknown customer zone: review",
			conv: conv("en",
				customer("hello").clock("19:00"),
				agent("Good evening, how can I help?").clock("19:01")),
			want: Review, reason: "the customer's local time is unknown",
			evidence: []span{{1, "Good evening"}},
		},
		{
			name: "no time at all: review",
			conv: withCustomer(&transcript.Customer{Timezone: "Europe/London"}, conv("en",
				customer("hello"),
				agent("Good evening!"))),
			want: Review, reason: "the reply has no time",
			evidence: []span{{1, "Good evening"}},
		},
		{
			name: "conversation start stands in for the reply's time",
			conv: startedAt(started, withCustomer(&transcript.Customer{Timezone: "Europe/London"}, conv("en",
				customer("hello"),
				agent("Good morning!")))),
			want: Pass, reason: "06:12 customer time (Europe/London)",
			evidence: []span{{1, "Good morning"}},
		},
		{
			name: "neutral greeting passes at any hour",
			conv: conv("ru",
				customer("Добрый вечер").clock("23:00"),
				agent("Здравствуйте! Чем могу помочь?").clock("23:01")),
			want: Pass, reason: "neutral greeting",
			evidence: []span{{1, "Здравствуйте"}},
		},
		{
			name: "добрый день is neutral in email",
			conv: withCustomer(&transcript.Customer{Timezone: "Europe/Moscow"}, convOn("ru", transcript.ChannelEmail,
				customer("Не пришёл заказ").clock("03:00"),
				agent("Добрый день, Анна! Заказ передан в доставку.").clock("04:00"))),
			want: Pass, reason: "neutral greeting in email",
			evidence: []span{{1, "Добрый день"}},
		},
		{
			name: "добрый день at 7 am in chat fails",
			conv: withCustomer(&transcript.Customer{Timezone: "Europe/Moscow"}, conv("ru",
				customer("Не пришёл заказ").clock("03:00"),
				agent("Добрый день, Анна! Заказ передан в доставку.").clock("04:00"))),
			want: Fail, reason: `"Добрый день" sent at 07:00`,
			evidence: []span{{1, "Добрый день"}},
		},
		{
			name: "a wish is no greeting",
			conv: withCustomer(&transcript.Customer{Timezone: "Europe/London"}, conv("en",
				customer("where is my order").clock("09:00"),
				agent("Hi! It ships today. Have a good evening later!").clock("09:01"))),
			want: Pass, reason: "neutral greeting",
			evidence: []span{{1, "Hi"}},
		},
		{
			name: "only the first agent reply counts",
			conv: withCustomer(&transcript.Customer{Timezone: "Europe/London"}, conv("en",
				customer("hello").clock("09:00"),
				agent("Your order ships today.").clock("09:01"),
				agent("Good evening!").clock("09:02"))),
			want: NA, reason: "no greeting",
		},
		{
			name: "no agent reply",
			conv: conv("en",
				customer("hello").clock("09:00")),
			want: NA, reason: "no agent reply",
		},
	}
	runCases(t, GreetingTime, cases)
}

// A checklist may list a band's phrase as neutral on every channel too (none of the shipped
// ones does): such a greeting passes at any hour, and the reason says so.
func TestGreetingTimeNeutralOnEveryChannel(t *testing.T) {
	an, _ := loadTestLexicons(t)
	sets := map[string]*PhraseSet{}
	for name, srcs := range map[string][]string{
		SetGreeting:                   {"hello", "good day"},
		SetGreetingTimeBand + "day":   {"good day"},
		SetGreetingTimeNeutral:        {"good day"},
		SetGreetingTimeBand + "night": {"good night"},
	} {
		var ps []Phrase
		for _, src := range srcs {
			p, err := CompilePhrase(an, "en", src)
			if err != nil {
				t.Fatal(err)
			}
			ps = append(ps, p)
		}
		s := NewPhraseSet(name, ps)
		sets[name] = &s
	}
	c := conv("en",
		customer("hi").clock("23:00"),
		agent("Good day! Let me check.").clock("23:00"))
	in := newInput(t, c)
	in.Lexicon = NewLexicon("en", sets, nil)
	assertResult(t, c, GreetingTime(in), Pass, `"Good day" is a neutral greeting on any channel`, []span{{1, "Good day"}})
}
