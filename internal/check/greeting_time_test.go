package check

import (
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestGreetingTime(t *testing.T) {
	started := time.Date(2026, 11, 20, 6, 12, 0, 0, time.UTC)
	july := func(c *transcript.Conversation) {
		for i := range c.Turns {
			if at := c.Turns[i].At; at != nil {
				moved := at.AddDate(0, -4, 11) // 2026-07-01, summer time in Europe
				c.Turns[i].At = &moved
			}
		}
	}
	cases := []struct {
		name     string
		lang     string
		channel  transcript.Channel
		customer *transcript.Customer
		turns    []string
		started  *time.Time
		edit     func(*transcript.Conversation)
		want     Outcome
		reason   string
		evs      []evSP
	}{
		{
			name: "ru morning greeting in the afternoon of Anadyr fails", lang: "ru",
			customer: &transcript.Customer{Timezone: "Asia/Anadyr"},
			turns:    []string{"c@03:12: Где мой заказ 5531?", "a@03:12: Доброе утро, Иван! Сейчас проверю."},
			want:     Fail, reason: `"Доброе утро" sent at 15:12 customer time (Asia/Anadyr)`,
			evs: []evSP{{1, "Доброе утро"}},
		},
		{
			name: "en good morning at 9 in New York passes", lang: "en",
			customer: &transcript.Customer{Timezone: "America/New_York"},
			turns:    []string{"c@14:00: hi, my parcel is late", "a@14:01: Good morning Sam, let me check that for you."},
			want:     Pass, reason: `"Good morning" sent at 09:01 customer time (America/New_York)`,
			evs: []evSP{{1, "Good morning"}},
		},
		{
			name: "uk evening greeting located by a Ukrainian phone passes", lang: "uk",
			customer: &transcript.Customer{Phone: "+380 67 123 4567"},
			turns:    []string{"c@17:20: Добрий вечір, не приходить смс", "a@17:30: Добрий вечір! Перевірю."},
			want:     Pass, reason: "19:30 customer time (Europe/Kyiv, from phone +380 671…)",
			evs: []evSP{{1, "Добрий вечір"}},
		},
		{
			name: "ro evening greeting located by the country passes", lang: "ro",
			customer: &transcript.Customer{Country: "ro"},
			turns:    []string{"c@19:00: Comanda nu a ajuns", "a@19:02: Bună seara! Verific imediat."},
			want:     Pass, reason: "21:02 customer time (Europe/Bucharest, from country RO)",
			evs: []evSP{{1, "Bună seara"}},
		},
		{
			name: "Russian landline of Yekaterinburg locates the customer", lang: "ru",
			customer: &transcript.Customer{Phone: "+7 343 123-45-67"},
			turns:    []string{"c@03:00: Здравствуйте", "a@03:01: Доброе утро!"},
			want:     Pass, reason: "08:01 customer time (Asia/Yekaterinburg, from phone +7 343…)",
			evs: []evSP{{1, "Доброе утро"}},
		},
		{
			name: "Kaliningrad has no summer time (libphonenumber says Bucharest)", lang: "ru",
			customer: &transcript.Customer{Phone: "+7 4012 12-34-56"},
			turns:    []string{"c@07:40: Здравствуйте", "a@07:45: Добрый день!"},
			edit:     july,
			want:     Fail, reason: "09:45 customer time (Europe/Kaliningrad",
			evs: []evSP{{1, "Добрый день"}},
		},
		{
			name: "Russian mobile number spans every zone of +7: review", lang: "ru",
			customer: &transcript.Customer{Phone: "+7 914 555 01 02"},
			turns:    []string{"c@09:00: Здравствуйте", "a@09:00: Добрый день!"},
			want:     Review, reason: "sent at 14:00 in Asia/Almaty fits, at 21:00 in Asia/Anadyr does not: the customer's zone is uncertain (16 zones",
			evs: []evSP{{1, "Добрый день"}},
		},
		{
			name: "domestic number read with the country as region", lang: "ru",
			customer: &transcript.Customer{Phone: "8 (343) 123-45-67", Country: "RU"},
			turns:    []string{"c@15:00: Здравствуйте", "a@15:00: Добрый вечер!"},
			want:     Pass, reason: "20:00 customer time (Asia/Yekaterinburg",
			evs: []evSP{{1, "Добрый вечер"}},
		},
		{
			name: "fixed offset zone", lang: "en",
			customer: &transcript.Customer{Timezone: "UTC+3"},
			turns:    []string{"c@19:00: hello", "a@19:01: Good afternoon!"},
			want:     Fail, reason: "22:01 customer time (UTC+3)",
			evs: []evSP{{1, "Good afternoon"}},
		},
		{
			name: "unknown customer zone: review", lang: "en",
			turns: []string{"c@19:00: hello", "a@19:01: Good evening, how can I help?"},
			want:  Review, reason: "the customer's local time is unknown",
			evs: []evSP{{1, "Good evening"}},
		},
		{
			name: "no time at all: review", lang: "en",
			customer: &transcript.Customer{Timezone: "Europe/London"},
			turns:    []string{"c: hello", "a: Good evening!"},
			want:     Review, reason: "the reply has no time",
			evs: []evSP{{1, "Good evening"}},
		},
		{
			name: "conversation start stands in for the reply's time", lang: "en",
			customer: &transcript.Customer{Timezone: "Europe/London"},
			turns:    []string{"c: hello", "a: Good morning!"}, started: &started,
			want: Pass, reason: "06:12 customer time (Europe/London)",
			evs: []evSP{{1, "Good morning"}},
		},
		{
			name: "neutral greeting passes at any hour", lang: "ru",
			turns: []string{"c@23:00: Добрый вечер", "a@23:01: Здравствуйте! Чем могу помочь?"},
			want:  Pass, reason: "neutral greeting",
			evs: []evSP{{1, "Здравствуйте"}},
		},
		{
			name: "добрый день is neutral in email", lang: "ru", channel: transcript.ChannelEmail,
			customer: &transcript.Customer{Timezone: "Europe/Moscow"},
			turns:    []string{"c@03:00: Не пришёл заказ", "a@04:00: Добрый день, Анна! Заказ передан в доставку."},
			want:     Pass, reason: "neutral greeting in email",
			evs: []evSP{{1, "Добрый день"}},
		},
		{
			name: "добрый день at 7 am in chat fails", lang: "ru",
			customer: &transcript.Customer{Timezone: "Europe/Moscow"},
			turns:    []string{"c@03:00: Не пришёл заказ", "a@04:00: Добрый день, Анна! Заказ передан в доставку."},
			want:     Fail, reason: `"Добрый день" sent at 07:00`,
			evs: []evSP{{1, "Добрый день"}},
		},
		{
			name: "a wish is no greeting", lang: "en",
			customer: &transcript.Customer{Timezone: "Europe/London"},
			turns:    []string{"c@09:00: where is my order", "a@09:01: Hi! It ships today. Have a good evening later!"},
			want:     Pass, reason: "neutral greeting",
			evs: []evSP{{1, "Hi"}},
		},
		{
			name: "only the first agent reply counts", lang: "en",
			customer: &transcript.Customer{Timezone: "Europe/London"},
			turns:    []string{"c@09:00: hello", "a@09:01: Your order ships today.", "a@09:02: Good evening!"},
			want:     NA, reason: "no greeting",
		},
		{
			name: "no agent reply", lang: "en",
			turns: []string{"c@09:00: hello"},
			want:  NA, reason: "no agent reply",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			conv := convSP(t, tc.lang, tc.turns...)
			conv.Customer = tc.customer
			conv.StartedAt = tc.started
			if tc.channel != "" {
				conv.Channel = tc.channel
			}
			if tc.edit != nil {
				tc.edit(conv)
			}
			in := inputSP(t, conv)
			checkResultSP(t, in, GreetingTime(in), tc.want, tc.reason, tc.evs...)
		})
	}
}
