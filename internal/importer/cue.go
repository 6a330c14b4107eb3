package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// Shared by the WebVTT and SRT wire formats: blocks of lines, cue timings and speaker labels.

// cueBlock is a run of non-blank lines; line is the number of its first line, from 1.
type cueBlock struct {
	line  int
	lines []string
}

// splitBlocks splits a subtitle file into blocks separated by blank lines.
func splitBlocks(text string) []cueBlock {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var blocks []cueBlock
	var cur *cueBlock
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			cur = nil
			continue
		}
		if cur == nil {
			blocks = append(blocks, cueBlock{line: i + 1})
			cur = &blocks[len(blocks)-1]
		}
		cur.lines = append(cur.lines, strings.TrimRight(line, " \t"))
	}
	return blocks
}

// segment is a stretch of speech by one speaker within a cue. label is the speaker label as
// written ("Агент Ольга"); empty when the text goes on from the previous speaker.
type segment struct {
	line  int           // the line the text is on
	start time.Duration // the cue's start, from the start of the recording
	label string
	text  string
}

// parseTiming reads a cue timing line, "00:01:02.500 --> 00:01:05.000 align:start" (WebVTT)
// or "00:01:02,500 --> 00:01:05,000" (SRT), and returns the start.
func parseTiming(line string) (time.Duration, error) {
	from, rest, ok := strings.Cut(line, "-->")
	if !ok {
		return 0, fmt.Errorf("no -->")
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return 0, fmt.Errorf("no end time")
	}
	start, err := parseCueTime(strings.TrimSpace(from))
	if err != nil {
		return 0, err
	}
	end, err := parseCueTime(fields[0])
	if err != nil {
		return 0, err
	}
	if end < start {
		return 0, fmt.Errorf("ends before it starts")
	}
	return start, nil
}

// cueTime is [hh:]mm:ss followed by . or , and milliseconds.
var cueTime = regexp.MustCompile(`^(?:(\d{1,4}):)?(\d{1,2}):(\d{2})[.,](\d{3})$`)

func parseCueTime(s string) (time.Duration, error) {
	m := cueTime.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is not a time like 00:01:02.500", s)
	}
	var n [4]int
	for i, part := range m[1:] {
		if part == "" {
			continue
		}
		v, err := strconv.Atoi(part)
		if err != nil {
			return 0, err
		}
		n[i] = v
	}
	if n[1] > 59 || n[2] > 59 {
		return 0, fmt.Errorf("%q has minutes or seconds over 59", s)
	}
	return time.Duration(n[0])*time.Hour + time.Duration(n[1])*time.Minute +
		time.Duration(n[2])*time.Second + time.Duration(n[3])*time.Millisecond, nil
}

// labelPrefix matches "Agent: text", "- Клиент: text", "Оператор Ольга: text", or a label
// alone on its line ("Client:") with the text on the lines after it.
var labelPrefix = regexp.MustCompile(`^\s*(?:-\s*)?([^:<>]{1,40}?)\s*:(?:\s+(.*))?$`)

// splitLabel takes a speaker label off the front of a line when its first word names a role,
// so that "Note: 10:30 works" stays text and "Клиент: Алло" is the customer speaking.
func splitLabel(line string) (label, text string) {
	m := labelPrefix.FindStringSubmatch(line)
	if m == nil {
		return "", line
	}
	if _, _, ok := labelSpeaker(m[1]); !ok {
		return "", line
	}
	return m[1], m[2]
}

// labelSpeaker reads a speaker label: its first word is the role, the rest a name, as in
// "Agent", "Агент Ольга", "Client (Ion)".
func labelSpeaker(label string) (speaker transcript.Speaker, name string, ok bool) {
	words := strings.Fields(label)
	if len(words) == 0 {
		return "", "", false
	}
	if speaker, ok = speakerOf(strings.Trim(words[0], "()[],.-")); !ok {
		return "", "", false
	}
	return speaker, strings.Trim(strings.Join(words[1:], " "), "()[],.- "), true
}

// markup matches the tags that subtitle text may carry: <i>, <b>, <font color="...">, <c.loud>.
var markup = regexp.MustCompile(`<[^>]*>`)

// cueError names the line of a subtitle file where a problem is.
func cueError(line int, err error, detail string) error {
	return &transcript.FieldError{Field: fmt.Sprintf("line %d", line), Err: err, Detail: detail}
}
