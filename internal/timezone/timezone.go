// Package timezone finds where a customer is in time: the IANA zones a customer may be in, from
// customer.timezone, else the phone number (libphonenumber's prefix data: multi-zone countries
// map by area code), else the country (spec/transcript.md). The time-of-day greeting check reads
// it; it never guesses from the language or the agent's zone.
package timezone

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Zones is what is known of the customer's time zone: one zone when it is certain, or
// every zone the customer may be in (a mobile number or a country that spans several zones).
type Zones struct {
	Names  []string // IANA names (or a fixed offset such as "UTC+03:00"), sorted, no duplicates
	Source string   // how they were found: "", "phone +7 914…", "country RU"
	// Phone and Country are the values Source names, apart: the phone number as shown
	// ("+7 914…") or the country code ("RU"); both empty when customer.timezone gave the zone.
	Phone, Country string
}

// unknownZone is what libphonenumber answers when it has no zone for a number.
const unknownZone = phonenumbers.UNKNOWN_TIMEZONE

// phoneZoneFixes corrects libphonenumber's zone data, keyed by calling code and the zone it
// gives: it maps Russian numbers of Kaliningrad (+7 4012) to Europe/Bucharest, which has the
// same winter offset but daylight saving time, while Kaliningrad stays at UTC+2 all year.
var phoneZoneFixes = map[string]string{
	"7 Europe/Bucharest": "Europe/Kaliningrad",
}

// Resolve finds the customer's zone candidates, in the order of
// spec/transcript.md: customer.timezone, then customer.phone, then customer.country. It returns
// no names when nothing is known; it never guesses from the language or the agent's zone.
//
//   - timezone: an IANA name ("Asia/Anadyr"), or a fixed offset ("UTC+3", "GMT-05:00", "+0300").
//     An unreadable value falls through to the phone.
//   - phone: parsed by libphonenumber, with the country as the default region for numbers
//     written without "+" ("8 914 …" with country RU). A landline maps to the zone of its area
//     code (+7 343 is Asia/Yekaterinburg, +1 212 America/New_York). A mobile number, or one
//     libphonenumber cannot classify, does not locate its owner inside a country (Russian +7 9…
//     numbers are sold nationwide and move with their owner): it maps to every zone of its
//     calling code.
//   - country: an ISO 3166 alpha-2 code; every zone of its calling code. For codes shared by
//     several countries (+1, +7, +44) this is a superset, which can only turn a decision into a
//     review, never into a wrong pass or fail.
func Resolve(c *transcript.Customer) Zones {
	if c == nil {
		return Zones{}
	}
	region := strings.ToUpper(strings.TrimSpace(c.Country))
	if tz := strings.TrimSpace(c.Timezone); tz != "" {
		if _, err := Load(tz); err == nil {
			return Zones{Names: []string{tz}}
		}
	}
	if phone := strings.TrimSpace(c.Phone); phone != "" {
		if names, shown := phoneZones(phone, region); len(names) > 0 {
			return Zones{Names: names, Source: "phone " + shown, Phone: shown}
		}
	}
	if len(region) == 2 {
		if cc := phonenumbers.GetCountryCodeForRegion(region); cc != 0 {
			if names := callingCodeZones(cc); len(names) > 0 {
				return Zones{Names: names, Source: "country " + region, Country: region}
			}
		}
	}
	return Zones{}
}

// phoneZones returns the zones of a phone number and how to show it in a reason line, or
// nothing when the number cannot be read.
func phoneZones(phone, region string) ([]string, string) {
	if strings.HasPrefix(phone, "00") {
		phone = "+" + phone[2:]
	}
	if region == "" && !strings.HasPrefix(phone, "+") {
		return nil, ""
	}
	num, err := phonenumbers.Parse(phone, region)
	if err != nil || !phonenumbers.IsPossibleNumber(num) {
		return nil, ""
	}
	cc := int(num.GetCountryCode())
	shown := shortPhone(cc, phonenumbers.GetNationalSignificantNumber(num))
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
		tzs, err := phonenumbers.GetTimezonesForNumber(num)
		if err == nil {
			if names := cleanZones(cc, tzs); len(names) > 0 {
				return names, shown
			}
		}
	}
	return callingCodeZones(cc), shown
}

// callingCodeZones returns every zone libphonenumber knows for a calling code.
func callingCodeZones(cc int) []string {
	tzs, err := phonenumbers.GetTimezonesForPrefix(strconv.Itoa(cc))
	if err != nil {
		return nil
	}
	return cleanZones(cc, tzs)
}

// cleanZones drops unknown zones, applies phoneZoneFixes and returns the names sorted and
// without duplicates.
func cleanZones(cc int, tzs []string) []string {
	out := make([]string, 0, len(tzs))
	prefix := strconv.Itoa(cc) + " "
	for _, tz := range tzs {
		if tz == "" || tz == unknownZone {
			continue
		}
		if fixed, ok := phoneZoneFixes[prefix+tz]; ok {
			tz = fixed
		}
		out = append(out, tz)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// shortPhone hides the subscriber digits of a phone number in a reason line: the calling code
// and the next three digits locate the number, the rest identifies a person.
func shortPhone(cc int, national string) string {
	if len(national) > 3 {
		national = national[:3] + "…"
	}
	return "+" + strconv.Itoa(cc) + " " + national
}

// Load reads an IANA zone name or a fixed UTC offset ("UTC+3", "GMT-05:30", "+0300").
func Load(name string) (*time.Location, error) {
	if loc, ok := fixedOffsetZone(name); ok {
		return loc, nil
	}
	if name == "Local" {
		return nil, errLocalZone // the machine's zone would make scores depend on the server
	}
	return time.LoadLocation(name)
}

// errLocalZone rejects the zone name "Local", which time.LoadLocation reads as the machine's.
var errLocalZone = errors.New(`time zone "Local" names no place`)

// fixedOffsetZone parses "UTC+3", "GMT-05:30", "+03:00" or "+0300".
func fixedOffsetZone(name string) (*time.Location, bool) {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "UTC"), "GMT")
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return nil, false
	}
	sign, s := s[0], strings.ReplaceAll(s[1:], ":", "")
	if len(s) > 4 {
		return nil, false
	}
	switch len(s) {
	case 1:
		s = "0" + s + "00"
	case 2:
		s += "00"
	case 3:
		s = "0" + s
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[2:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return nil, false
	}
	secs := h*3600 + m*60
	if sign == '-' {
		secs = -secs
	}
	return time.FixedZone(name, secs), true
}
