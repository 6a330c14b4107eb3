package check

import (
	"fmt"
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
				return Result{Outcome: Pass, Reason: fmt.Sprintf("neutral greeting %s fits any time of day", quote(ev.Text)), Evidence: []Evidence{ev}}
			}
		}
		return Result{Outcome: NA, Reason: "the agent's first reply has no greeting"}
	}
	ev := in.Evidence(first, m)
	if neutralIn != "" {
		return Result{Outcome: Pass, Reason: fmt.Sprintf("%s is a neutral greeting %s", quote(ev.Text), neutralIn), Evidence: []Evidence{ev}}
	}
	at, ok := replyTime(in.Conv, first)
	if !ok {
		return Result{Outcome: Review, Reason: fmt.Sprintf("%s is a time-of-day greeting but the reply has no time", quote(ev.Text)), Evidence: []Evidence{ev}}
	}
	zones := timezone.Resolve(in.Conv.Customer)
	if len(zones.Names) == 0 {
		return Result{Outcome: Review, Reason: fmt.Sprintf("a time-of-day greeting (%s) is used but the customer's local time is unknown", quote(ev.Text)), Evidence: []Evidence{ev}}
	}
	return judgeGreetingTime(in.Settings, ev, at, bands, zones)
}

// timeOfDayGreeting finds the first time-of-day greeting of turn i. bands lists the bands whose
// sets matched it (a phrase may sit in two). neutralIn is "" unless a neutral set covers the
// phrase, and then says where it is neutral ("on any channel", "in email").
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
		return m, bands, "on any channel", true
	}
	if ch := string(in.Conv.Channel); ch != "" && overlapsAny(in.Find(SetGreetingTimeNeutral+"."+ch, i), m.First, m.Last+1) {
		return m, bands, "in " + ch, true
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
			return Result{Outcome: Review, Reason: fmt.Sprintf("%s sent at %s in %s fits, at %s in %s does not: the customer's zone is uncertain (%s)",
				quote(ev.Text), fit.local.Format("15:04"), fit.zone, miss.local.Format("15:04"), miss.zone, zoneSource(zones)), Evidence: []Evidence{ev}}
		}
	}
	switch {
	case len(clocks) == 0:
		return Result{Outcome: Review, Reason: fmt.Sprintf("a time-of-day greeting (%s) is used but the customer's local time is unknown", quote(ev.Text)), Evidence: []Evidence{ev}}
	case fit != nil:
		return Result{Outcome: Pass, Reason: fmt.Sprintf("%s sent at %s customer time (%s)", quote(ev.Text), describeClocks(clocks), zoneSource(zones)), Evidence: []Evidence{ev}}
	}
	return Result{Outcome: Fail, Reason: fmt.Sprintf("%s sent at %s customer time (%s)", quote(ev.Text), describeClocks(clocks), zoneSource(zones)), Evidence: []Evidence{ev}}
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

// zoneSource names the zone and, when it was derived, how: "Asia/Anadyr",
// "Europe/Kyiv, from phone +380 671…", "16 zones: Asia/Almaty, …, from phone +7 914…".
func zoneSource(z timezone.Zones) string {
	what := z.Names[0]
	if len(z.Names) > 1 {
		what = fmt.Sprintf("%d zones: %s", len(z.Names), strings.Join(z.Names, ", "))
		if len(z.Names) > 4 {
			what = fmt.Sprintf("%d zones: %s, …", len(z.Names), strings.Join(z.Names[:3], ", "))
		}
	}
	if z.Source == "" {
		return what
	}
	return what + ", from " + z.Source
}
