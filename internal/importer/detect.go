package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Detect names the format of an input from its first bytes (up to 64 KiB) and its file name.
// The content decides where it is clear: "WEBVTT"; JSON whose first object has Intercom's or
// Zendesk's keys, or is canonical (an array, several lines of objects, or one document); SRT's
// numbered timing lines; the TWCS header. Then the file extension decides (.json, .jsonl,
// .ndjson, .csv, .tsv, .vtt, .srt), and last a first line with separators is taken as a CSV
// header. docs/importers.md gives the rules in full.
func Detect(head []byte, name string) (Format, error) {
	head = utf8Head(head)
	text := bytes.TrimLeft(head, " \t\r\n")
	if len(text) == 0 {
		return "", fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	switch {
	case bytes.HasPrefix(text, []byte("WEBVTT")):
		return FormatVTT, nil
	case text[0] == '{' || text[0] == '[':
		return detectJSON(text, name), nil
	case srtStart.Match(text):
		return FormatSRT, nil
	}
	header, _, _ := bytes.Cut(text, []byte("\n"))
	if isTWCSHeader(string(header)) {
		return FormatTWCS, nil
	}
	for _, spec := range formats {
		if hasExtension(name, spec.extensions...) {
			return spec.format, nil
		}
	}
	if bytes.ContainsAny(header, ",;\t") {
		return FormatCSV, nil
	}
	return "", fmt.Errorf("%s: %w; pass --format, one of %v", name, ErrUnknownFormat, Formats())
}

// utf8Head drops a UTF-8 byte order mark and converts UTF-16 with a byte order mark, so that
// Detect sees the same text whether or not Read has decoded it already.
func utf8Head(head []byte) []byte {
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, _, err := transform.Bytes(dec, head); err == nil {
			return out
		}
	}
	return bytes.TrimPrefix(head, bomUTF8)
}

// srtStart matches an SRT file's first cue: a sequence number, then a timing line.
var srtStart = regexp.MustCompile(`^\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{3}[ \t]*-->`)

func isTWCSHeader(header string) bool {
	cols := map[string]bool{}
	for _, c := range strings.Split(header, ",") {
		cols[strings.TrimSpace(c)] = true
	}
	return cols["tweet_id"] && cols["author_id"] && cols["inbound"] && cols["in_response_to_tweet_id"]
}

func hasExtension(name string, exts ...string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// detectJSON tells the JSON formats apart by the keys of the first object (the document
// itself, or the first element of an array).
func detectJSON(text []byte, name string) Format {
	keys, typ := firstObjectKeys(text)
	switch {
	case keys["conversation_parts"] || typ == "conversation" || typ == "conversation.list":
		return FormatIntercom
	case keys["tickets"] || keys["ticket"] || keys["requester_id"] || keys["comments"] && keys["via"]:
		return FormatZendesk
	case text[0] == '[':
		return FormatJSON
	case firstLineIsObject(text), hasExtension(name, ".jsonl", ".ndjson"):
		return FormatJSONL
	}
	return FormatJSON
}

// firstObjectKeys returns the keys of the first JSON object in text, as far as text goes, and
// its "type" when that is a string.
func firstObjectKeys(text []byte) (keys map[string]bool, typ string) {
	keys = map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(text))
	tok, err := dec.Token()
	if err == nil && tok == json.Delim('[') {
		tok, err = dec.Token()
	}
	if err != nil || tok != json.Delim('{') {
		return keys, ""
	}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return keys, typ
		}
		keys[key] = true
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return keys, typ
		}
		if key == "type" {
			if json.Unmarshal(value, &typ) != nil {
				typ = ""
			}
		}
	}
	return keys, typ
}
