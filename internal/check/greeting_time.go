package check

import (
	"slices"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/timezone"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Phrase sets of the time-of-day greeting check. The phrases of a band live in
// SetGreetingTimeBand+name, name being a band of Settings.Bands ("greeting_time.morning"), so a
// band added in settings.yaml is checked as soon as a checklist gives it phrases.
const (
	SetGreetingTimeBand = "greeting_time."
	// SetGreetingTimeNeutral holds phrases that look like a time-of-day greeting but fit any
	// hour; SetGreetingTimeNeutral+"."+channel those that do so on one channel only
	// ("добрый день" in email).
	SetGreetingTimeNeutral = "greeting_time.neutral"
	// SetGreetingTimeWish holds wishes that contain a time-of-day greeting's words but are no
	// greeting ("have a good evening", "хорошего вечера", "o seară bună").
	SetGreetingTimeWish = "greeting_time.wish"
)

var greetingTimeSets = []string{
	SetGreeting,
	SetGreetingTimeBand + "morning", SetGreetingTimeBand + "day",
	SetGreetingTimeBand + "evening", SetGreetingTimeBand + "night",
	SetGreetingTimeNeutral, SetGreetingTimeWish,
}

// Reasons of greeting_time that do not read the clock.
var (
	gtPassNeutral        = explanation{"greeting_time.pass_neutral", Pass, `neutral greeting "{phrase}" fits any time of day`}
	gtNoGreeting         = explanation{"greeting_time.na_no_greeting", NA, "the agent's first reply has no greeting"}
	gtPassNeutralAny     = explanation{"greeting_time.pass_neutral_any", Pass, `"{phrase}" is a neutral greeting on any channel`}
	gtPassNeutralChannel = explanation{"greeting_time.pass_neutral_channel", Pass, `"{phrase}" is a neutral greeting in {channel}`}
	gtNoTime             = explanation{"greeting_time.review_no_time", Review, `"{phrase}" is a time-of-day greeting but the reply has no time`}
	gtUnknownZone        = explanation{"greeting_time.review_unknown_zone", Review, `a time-of-day greeting ("{phrase}") is used but the customer's local time is unknown`}
)

// Reasons of greeting_time that read the clock: each ends with the customer's zone in
// parentheses, in one of gtZoneForms, whose suffix completes the code
// ("greeting_time.fail_phone").
var (
	gtPass      = explanation{"greeting_time.pass", Pass, `"{phrase}" sent at {time} customer time `}
	gtFail      = explanation{"greeting_time.fail", Fail, `"{phrase}" sent at {time} customer time `}
	gtUncertain = explanation{"greeting_time.review_uncertain", Review, `"{phrase}" sent at {fit_time} in {fit_zone} fits, at {miss_time} in {miss_zone} does not: the customer's zone is uncertain `}
)

// gtZoneForms are the ways a clock reason names the customer's zone: one zone or several
// ({zones} lists the first three and "…" past four), given by customer.timezone or found from
// the phone number or the country (timezone.Resolve). zoneReason indexes them in this order:
// one zone from 0, several from 3; then +1 by phone, +2 by country. A single zone cannot make
// review_uncertain, nor can customer.timezone give several; those forms keep zoneReason total.
var gtZoneForms = [...]struct{ suffix, english string }{
	{"", "{zone}"},
	{"_phone", "{zone}, from phone {phone}"},
	{"_country", "{zone}, from country {country}"},
	{"_zones", "{zone_count} zones: {zones}"},
	{"_zones_phone", "{zone_count} zones: {zones}, from phone {phone}"},
	{"_zones_country", "{zone_count} zones: {zones}, from country {country}"},
}

// greetingTimeReasons lists every explanation of greeting_time.
func greetingTimeReasons() []explanation {
	out := []explanation{gtPassNeutral, gtNoGreeting, gtPassNeutralAny, gtPassNeutralChannel, gtNoTime, gtUnknownZone}
	for _, clock := range []explanation{gtPass, gtFail, gtUncertain} {
		for k := range gtZoneForms {
			out = append(out, clock.inZone(k))
		}
	}
	return out
}

// inZone completes a clock reason with zone form k.
func (e explanation) inZone(k int) explanation {
	f := gtZoneForms[k]
	return explanation{e.code + f.suffix, e.outcome, e.english + "(" + f.english + ")"}
}

// zoneReason completes a clock reason with the form that names z, and adds z's values to args.
func zoneReason(e explanation, z timezone.Zones, args Args, ev Evidence) Result {
	k := 0
	if len(z.Names) > 1 {
		k = 3
		args["zone_count"] = len(z.Names)
		shown := z.Names
		if len(z.Names) > 4 {
			shown = append(z.Names[:3:3], "…")
		}
		args["zones"] = strings.Join(shown, ", ")
	} else {
		args["zone"] = z.Names[0]
	}
	switch {
	case z.Phone != "":
		k++
		args["phone"] = z.Phone
	case z.Country != "":
		k += 2
		args["country"] = z.Country
	}
	return e.inZone(k).result(args, ev)
}

// GreetingTime checks a time-of-day greeting in the agent's first reply against the customer's
// local clock at that reply (spec/checks.md §greeting_time).
//
//   - na: no agent reply, or the first reply has no greeting at all.
//   - pass: the greeting is neutral (a phrase of the greeting set with no band, or a band
//     phrase declared neutral for every channel or for this one), or the customer's local time
//     falls in the greeting's band in every zone the customer may be in.
//   - fail: the local time falls outside the band in every such zone.
//   - review: the reply has no time (turn.at, else the conversation's start), the customer's
//     zone is unknown (see timezone.Resolve), or the candidate zones disagree.
//
// Only the first time-of-day greeting of the reply is judged; wishes ("have a good evening")
// are not greetings.
func GreetingTime(in *Input) Result {
	agents, res, ok := in.agentReplies(SetGreeting)
	if !ok {
		return res
	}
	first := agents[0]
	m, bands, neutralIn, found := in.timeOfDayGreeting(first)
	if !found {
		for _, set := range []string{SetGreeting, SetGreetingTimeNeutral} {
			if g, ok := in.FindFirst(set, first); ok {
				ev := in.Evidence(first, g)
				return gtPassNeutral.result(Args{"phrase": clip(ev.Text)}, ev)
			}
		}
		return gtNoGreeting.result(nil)
	}
	ev := in.Evidence(first, m)
	switch {
	case neutralIn == neutralAnyChannel:
		return gtPassNeutralAny.result(Args{"phrase": clip(ev.Text)}, ev)
	case neutralIn != "":
		return gtPassNeutralChannel.result(Args{"phrase": clip(ev.Text), "channel": neutralIn}, ev)
	}
	at, ok := replyTime(in.Conv, first)
	if !ok {
		return gtNoTime.result(Args{"phrase": clip(ev.Text)}, ev)
	}
	zones := timezone.Resolve(in.Conv.Customer)
	if len(zones.Names) == 0 {
		return gtUnknownZone.result(Args{"phrase": clip(ev.Text)}, ev)
	}
	return judgeGreetingTime(in.Settings, ev, at, bands, zones)
}

// neutralAnyChannel is what timeOfDayGreeting says of a greeting neutral on every channel.
const neutralAnyChannel = "*"

// timeOfDayGreeting finds the first time-of-day greeting of turn i. bands lists the bands whose
// sets matched it (a phrase may sit in two). neutralIn is "" unless a neutral set covers the
// phrase, and then says where it is neutral: neutralAnyChannel, or the channel ("email").
func (in *Input) timeOfDayGreeting(i int) (m Match, bands []string, neutralIn string, found bool) {
	var names []string
	if in.Settings != nil {
		for name := range in.Settings.Bands {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		ms := in.findUnless(SetGreetingTimeBand+name, i, SetGreetingTimeWish)
		if len(ms) == 0 {
			continue
		}
		switch bm := ms[0]; {
		case !found || bm.Start < m.Start:
			m, bands, found = bm, []string{name}, true
		case bm.Start == m.Start:
			bands = append(bands, name)
		}
	}
	if !found {
		return m, nil, "", false
	}
	if overlapsAny(in.Find(SetGreetingTimeNeutral, i), m.First, m.Last+1) {
		return m, bands, neutralAnyChannel, true
	}
	if ch := string(in.Conv.Channel); ch != "" && overlapsAny(in.Find(SetGreetingTimeNeutral+"."+ch, i), m.First, m.Last+1) {
		return m, bands, ch, true
	}
	return m, bands, "", true
}

// replyTime is when turn i was sent: its own time, else the conversation's start.
func replyTime(c *transcript.Conversation, i int) (time.Time, bool) {
	if at := c.Turns[i].At; at != nil {
		return *at, true
	}
	return c.Start()
}

// zoneClock is the customer's clock in one candidate zone.
type zoneClock struct {
	zone  string
	local time.Time
}

// judgeGreetingTime compares the reply's local time in each candidate zone with the bands. It
// stops at the first pair of zones that disagree: loading a zone costs microseconds, and a
// Russian mobile number has sixteen.
func judgeGreetingTime(s *Settings, ev Evidence, at time.Time, bands []string, zones timezone.Zones) Result {
	var clocks []zoneClock
	var fit, miss *zoneClock
	for _, name := range zones.Names {
		loc, err := timezone.Load(name)
		if err != nil {
			continue
		}
		c := zoneClock{zone: name, local: at.In(loc)}
		clocks = append(clocks, c)
		ok := false
		for _, b := range bands {
			if band, has := s.Bands[b]; has && band.Contains(c.local) {
				ok = true
			}
		}
		switch {
		case ok && fit == nil:
			fit = &c
		case !ok && miss == nil:
			miss = &c
		}
		if fit != nil && miss != nil {
			return zoneReason(gtUncertain, zones, Args{"phrase": clip(ev.Text), "fit_time": fit.local.Format("15:04"), "fit_zone": fit.zone,
				"miss_time": miss.local.Format("15:04"), "miss_zone": miss.zone}, ev)
		}
	}
	switch {
	case len(clocks) == 0:
		return gtUnknownZone.result(Args{"phrase": clip(ev.Text)}, ev)
	case fit != nil:
		return zoneReason(gtPass, zones, Args{"phrase": clip(ev.Text), "time": describeClocks(clocks)}, ev)
	}
	return zoneReason(gtFail, zones, Args{"phrase": clip(ev.Text), "time": describeClocks(clocks)}, ev)
}

// describeClocks renders the local times: "15:12", or "15:12-16:12" over zones that agree.
func describeClocks(clocks []zoneClock) string {
	lo, hi := clocks[0].local, clocks[0].local
	for _, c := range clocks[1:] {
		if offsetOf(c.local) < offsetOf(lo) {
			lo = c.local
		}
		if offsetOf(c.local) > offsetOf(hi) {
			hi = c.local
		}
	}
	if lo.Format("15:04") == hi.Format("15:04") {
		return lo.Format("15:04")
	}
	return lo.Format("15:04") + "-" + hi.Format("15:04")
}

func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}
