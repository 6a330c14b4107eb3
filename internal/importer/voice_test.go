package importer

import (
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadVoice(t *testing.T) {
	start := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		file  string
		opts  Options
		want  want
		turns []transcript.Speaker
		at1   time.Time // when the second turn starts
	}{
		{name: "voice tags merge consecutive cues", file: "vtt/call_en.vtt", opts: Options{VoiceStart: start},
			want:  want{where: "vtt/call_en.vtt", id: "call_en"},
			turns: []transcript.Speaker{"agent", "customer", "agent", "customer", "agent", "customer"},
			at1:   start.Add(6900 * time.Millisecond)},
		{name: "prefix labels, epoch start", file: "vtt/dzvinok_uk.vtt",
			want:  want{where: "vtt/dzvinok_uk.vtt", id: "dzvinok_uk"},
			turns: []transcript.Speaker{"agent", "customer", "agent", "customer"},
			at1:   time.Unix(4, 500e6)},
		{name: "SRT continuation lines", file: "srt/apel_ro.srt", opts: Options{VoiceStart: start},
			want:  want{where: "srt/apel_ro.srt", id: "apel_ro"},
			turns: []transcript.Speaker{"agent", "customer", "agent", "customer"},
			at1:   start.Add(4500 * time.Millisecond)},
		{name: "SRT dialogue dashes", file: "srt/call_ru.srt",
			want:  want{where: "srt/call_ru.srt", id: "call_ru"},
			turns: []transcript.Speaker{"agent", "customer", "agent", "customer", "agent"},
			at1:   time.Unix(4, 300e6)},
		{name: "unknown speaker", file: "vtt/broken_speaker.vtt",
			want: want{where: "vtt/broken_speaker.vtt", err: transcript.ErrInvalidValue, record: `conversation "broken_speaker"`, field: "line 4"}},
		{name: "invalid timestamp", file: "srt/broken_time.srt",
			want: want{where: "srt/broken_time.srt", err: transcript.ErrInvalidTime, record: `conversation "broken_time"`, field: "line 6"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readTestdata(t, tc.file, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, []want{tc.want})
			if tc.want.err != nil {
				return
			}
			c := recs[0].Conversation
			if len(c.Turns) != len(tc.turns) {
				t.Fatalf("%d turns, want %d", len(c.Turns), len(tc.turns))
			}
			for i, s := range tc.turns {
				if c.Turns[i].Speaker != s {
					t.Errorf("turn %d speaker %q, want %q", i, c.Turns[i].Speaker, s)
				}
			}
			if !c.Turns[1].At.Equal(tc.at1) || c.Channel != transcript.ChannelVoice {
				t.Errorf("second turn at %v channel %q, want %v voice", c.Turns[1].At, c.Channel, tc.at1)
			}
		})
	}
}

func TestReadVoiceProblems(t *testing.T) {
	tests := []struct {
		name  string
		input string
		file  string
		want  want
	}{
		{name: "text before any label", input: "WEBVTT\n\n00:01.000 --> 00:02.000\nHello?\n", file: "x.vtt",
			want: want{where: "x.vtt", err: transcript.ErrMissing, record: `conversation "x"`, field: "line 4"}},
		{name: "no WEBVTT line", input: "00:01.000 --> 00:02.000\nAgent: Hi\n", file: "x.vtt",
			want: want{where: "x.vtt", err: transcript.ErrInvalidValue, record: `conversation "x"`, field: "line 1"}},
		{name: "cue ends before it starts", input: "1\n00:00:05,000 --> 00:00:02,000\nAgent: Hi\n", file: "y.srt",
			want: want{where: "y.srt", err: transcript.ErrInvalidTime, record: `conversation "y"`, field: "line 2"}},
		{name: "block without timing", input: "1\nAgent: Hi\n", file: "z.srt",
			want: want{where: "z.srt", err: transcript.ErrInvalidValue, record: `conversation "z"`, field: "line 1"}},
		{name: "only a header", input: "WEBVTT\n", file: "e.vtt",
			want: want{where: "e.vtt", err: transcript.ErrNoTurns, record: `conversation "e"`, field: "turns"}},
		{name: "stdin gets a content id", input: "WEBVTT\n\n00:01.000 --> 00:02.000\nClient: Alo?\n", file: "-",
			want: want{where: "input", id: "vtt-1eb3596d37e6"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readAll(t, []byte(tc.input), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, []want{tc.want})
		})
	}
}

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		line, label, text string
		speaker           transcript.Speaker
		name              string
	}{
		{line: "Agent: Hello", label: "Agent", text: "Hello", speaker: "agent"},
		{line: "- Клиент: Алло", label: "Клиент", text: "Алло", speaker: "customer"},
		{line: "Оператор Ольга: Добрий день", label: "Оператор Ольга", text: "Добрий день", speaker: "agent", name: "Ольга"},
		{line: "Client (Ion): Bună", label: "Client (Ion)", text: "Bună", speaker: "customer", name: "Ion"},
		{line: "Operator:", label: "Operator", text: "", speaker: "agent"},
		{line: "Note: 10:30 works for me", text: "Note: 10:30 works for me"},
		{line: "Call me at 10:30", text: "Call me at 10:30"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			label, text := splitLabel(tc.line)
			if label != tc.label || text != tc.text {
				t.Fatalf("splitLabel = %q, %q; want %q, %q", label, text, tc.label, tc.text)
			}
			if label == "" {
				return
			}
			speaker, name, ok := labelSpeaker(label)
			if !ok || speaker != tc.speaker || name != tc.name {
				t.Errorf("labelSpeaker(%q) = %q, %q, %v; want %q, %q", label, speaker, name, ok, tc.speaker, tc.name)
			}
		})
	}
}

func TestParseCueTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		bad  bool
	}{
		{in: "00:01:02.500", want: time.Minute + 2500*time.Millisecond},
		{in: "01:02,003", want: time.Minute + 2003*time.Millisecond},
		{in: "123:00:00.000", want: 123 * time.Hour},
		{in: "00:61:00.000", bad: true},
		{in: "00:00:01", bad: true},
		{in: "00:00:03,5OO", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseCueTime(tc.in)
			if tc.bad != (err != nil) || got != tc.want {
				t.Errorf("parseCueTime(%q) = %v, %v; want %v (error: %v)", tc.in, got, err, tc.want, tc.bad)
			}
		})
	}
}
