package importer

import (
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// The SRT (SubRip) wire format: blocks separated by blank lines, each a sequence number, a
// timing line and text. SRT has no voice spans, so the speaker is a label prefix on the line
// ("Оператор: ...", "- Client: ..."); a line without one goes on from the previous speaker.
// Formatting tags (<i>, <b>, <font ...>) are dropped.
//
//	1
//	00:00:01,200 --> 00:00:04,000
//	Operator: Bună ziua, mă numesc Ana.

// parseSRT returns the speech segments of an SRT file, in file order.
func parseSRT(text string) ([]segment, error) {
	var segs []segment
	for _, b := range splitBlocks(text) {
		timing := 0
		if !strings.Contains(b.lines[0], "-->") {
			timing = 1 // the first line is the sequence number
		}
		if timing >= len(b.lines) || !strings.Contains(b.lines[timing], "-->") {
			return nil, cueError(b.line, transcript.ErrInvalidValue, "want a sequence number and a timing line such as 00:00:01,000 --> 00:00:04,000")
		}
		start, err := parseTiming(b.lines[timing])
		if err != nil {
			return nil, cueError(b.line+timing, transcript.ErrInvalidTime, err.Error())
		}
		for i, line := range b.lines[timing+1:] {
			label, text := splitLabel(markup.ReplaceAllString(line, ""))
			segs = append(segs, nonEmpty(segment{line: b.line + timing + 1 + i, start: start, label: label, text: strings.TrimSpace(text)})...)
		}
	}
	return segs, nil
}
