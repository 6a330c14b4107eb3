package check

import (
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Settings are the language-independent limits of the checks, read from checklists/settings.yaml.
type Settings struct {
	// ResponseLimits is the longest an agent may take to answer a customer, per channel; a
	// channel without a limit is not checked.
	ResponseLimits map[transcript.Channel]time.Duration
	// HoldLimits is the longest a hold may last before the agent comes back, per channel.
	HoldLimits map[transcript.Channel]time.Duration
	// Bands are the local-time windows of the time-of-day greetings, by band name
	// (morning, day, evening, night). They may overlap.
	Bands map[string]Band
}

// Band is a window of local time in minutes after midnight, both ends included; a band whose
// From is after its To wraps past midnight (night: 22:00-04:59).
type Band struct {
	From, To int
}

// Contains reports whether a local clock time falls in the band.
func (b Band) Contains(t time.Time) bool {
	m := t.Hour()*60 + t.Minute()
	if b.From <= b.To {
		return m >= b.From && m <= b.To
	}
	return m >= b.From || m <= b.To
}

// DefaultSettings returns the defaults of spec/checks.md.
func DefaultSettings() *Settings {
	return &Settings{
		ResponseLimits: map[transcript.Channel]time.Duration{
			transcript.ChannelChat:      60 * time.Second,
			transcript.ChannelMessenger: 60 * time.Second,
			transcript.ChannelSocial:    30 * time.Minute,
			transcript.ChannelEmail:     24 * time.Hour,
		},
		HoldLimits: map[transcript.Channel]time.Duration{
			transcript.ChannelChat:      2 * time.Minute,
			transcript.ChannelMessenger: 2 * time.Minute,
			transcript.ChannelVoice:     2 * time.Minute,
		},
		Bands: map[string]Band{
			"morning": {From: 4 * 60, To: 11*60 + 59},
			"day":     {From: 10 * 60, To: 17*60 + 59},
			"evening": {From: 16 * 60, To: 23*60 + 59},
			"night":   {From: 22 * 60, To: 4*60 + 59},
		},
	}
}
