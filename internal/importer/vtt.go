package importer

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// The WebVTT wire format (W3C WebVTT): a "WEBVTT" line, then blocks separated by blank lines.
// A cue is an optional identifier, a timing line and text; NOTE, STYLE and REGION blocks carry
// no speech. The speaker is a voice span, <v Agent>, <v.loud Агент Ольга>, or else a label
// prefix on the line, "Client: ...".
//
//	WEBVTT
//
//	1
//	00:00:01.200 --> 00:00:04.000
//	<v Агент Ольга>Здравствуйте, Иван!

// voiceTag matches the start of a voice span and captures the speaker.
var voiceTag = regexp.MustCompile(`<v(?:\.[^\s>]*)?[ \t]+([^>]*)>`)

// parseVTT returns the speech segments of a WebVTT file, in file order.
func parseVTT(text string) ([]segment, error) {
	blocks := splitBlocks(text)
	if len(blocks) == 0 || !isVTTHeader(blocks[0].lines[0]) {
		return nil, cueError(1, transcript.ErrInvalidValue, "a WebVTT file starts with a WEBVTT line")
	}
	var segs []segment
	for _, b := range blocks[1:] {
		first := b.lines[0]
		if strings.HasPrefix(first, "NOTE") || strings.HasPrefix(first, "STYLE") || strings.HasPrefix(first, "REGION") {
			continue
		}
		timing := 0
		if !strings.Contains(first, "-->") {
			timing = 1 // the first line is the cue identifier
		}
		if timing >= len(b.lines) || !strings.Contains(b.lines[timing], "-->") {
			return nil, cueError(b.line, transcript.ErrInvalidValue, fmt.Sprintf("%q; want a cue timing line such as 00:00:01.000 --> 00:00:04.000", first))
		}
		start, err := parseTiming(b.lines[timing])
		if err != nil {
			return nil, cueError(b.line+timing, transcript.ErrInvalidTime, err.Error())
		}
		for i, line := range b.lines[timing+1:] {
			segs = append(segs, vttLine(line, b.line+timing+1+i, start)...)
		}
	}
	return segs, nil
}

func isVTTHeader(line string) bool {
	return line == "WEBVTT" || strings.HasPrefix(line, "WEBVTT ") || strings.HasPrefix(line, "WEBVTT\t")
}

// vttLine splits one line of cue text at its voice spans; a line without any may start with a
// label prefix instead.
func vttLine(line string, n int, start time.Duration) []segment {
	spans := voiceTag.FindAllStringSubmatchIndex(line, -1)
	if len(spans) == 0 {
		label, text := splitLabel(line)
		return nonEmpty(segment{line: n, start: start, label: label, text: vttText(text)})
	}
	segs := nonEmpty(segment{line: n, start: start, text: vttText(line[:spans[0][0]])})
	for i, s := range spans {
		end := len(line)
		if i+1 < len(spans) {
			end = spans[i+1][0]
		}
		label := strings.TrimSpace(line[s[2]:s[3]])
		segs = append(segs, segment{line: n, start: start, label: label, text: vttText(line[s[1]:end])})
	}
	return segs
}

// vttText drops markup and decodes the character references WebVTT allows (&amp;, &lt;, ...).
func vttText(s string) string {
	return strings.TrimSpace(html.UnescapeString(markup.ReplaceAllString(s, "")))
}

func nonEmpty(s segment) []segment {
	if s.text == "" && s.label == "" {
		return nil
	}
	return []segment{s}
}
