package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// Every sample sits in a folder named after its format, and must be detected as such.
func TestDetectTestdata(t *testing.T) {
	samples, err := filepath.Glob("testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range samples {
		dir := filepath.Base(filepath.Dir(path))
		if dir == "golden" {
			continue
		}
		t.Run(path, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Detect(data[:min(len(data), sniffBytes)], path)
			if err != nil || got != Format(dir) {
				t.Errorf("Detect = %q, %v; want %q", got, err, dir)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("WEBVTT\n\n00:01.000 --> 00:02.000\nAgent: Hi\n")
	if err != nil {
		t.Fatal(err)
	}
	long := `{"id":"x","channel":"chat","meta":{"pad":"` + strings.Repeat("x", sniffBytes) + `"}}`
	tests := []struct {
		name string
		head string
		file string
		want Format
		err  error
	}{
		{name: "WebVTT in UTF-16", head: utf16, file: "call.txt", want: FormatVTT},
		{name: "SRT without extension", head: "1\n00:00:01,000 --> 00:00:02,000\nAgent: Hi\n", file: "-", want: FormatSRT},
		{name: "SRT with CRLF and a BOM", head: "\xEF\xBB\xBF1\r\n00:00:01,000 --> 00:00:02,000\r\nAgent: Hi\r\n", file: "", want: FormatSRT},
		{name: "JSON Lines named .json", head: `{"id":"a"}` + "\n" + `{"id":"b"}` + "\n", file: "export.json", want: FormatJSONL},
		{name: "pretty object named .jsonl", head: "{\n  \"id\": \"a\"\n}\n", file: "x.jsonl", want: FormatJSONL},
		{name: "pretty object", head: "{\n  \"id\": \"a\"\n}\n", file: "x", want: FormatJSON},
		{name: "first line longer than the head, named .jsonl", head: long[:sniffBytes], file: "big.jsonl", want: FormatJSONL},
		{name: "first line longer than the head", head: long[:sniffBytes], file: "big", want: FormatJSON},
		{name: "array of canonical conversations", head: `[{"id":"a","turns":[]}]`, want: FormatJSON},
		{name: "Zendesk export line", head: `{"url":"u","id":1,"via":{"channel":"web"},"comments":[]}` + "\n", want: FormatZendesk},
		{name: "Zendesk ticket with requester", head: `{"id":1,"requester_id":2}`, want: FormatZendesk},
		{name: "Zendesk show ticket", head: `{"ticket":{"id":1},"users":[]}`, want: FormatZendesk},
		{name: "Intercom list", head: `{"type":"conversation.list","conversations":[]}`, want: FormatIntercom},
		{name: "Intercom conversation cut off", head: `{"type":"conversation","id":"1","source":{"body":"<p>Hi`, want: FormatIntercom},
		{name: "array of Intercom conversations", head: `[{"type":"conversation","id":"1"}]`, want: FormatIntercom},
		{name: "TWCS header", head: "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n", file: "data.csv", want: FormatTWCS},
		{name: "semicolon CSV without extension", head: "chat_id;role;text\n1;agent;Bună\n", file: "export", want: FormatCSV},
		{name: "extension decides plain text", head: "Agent: hello\n", file: "call.SRT", want: FormatSRT},
		{name: "plain text", head: "hello\n", file: "notes.txt", err: ErrUnknownFormat},
		{name: "blank", head: " \n ", file: "x.json", err: ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect([]byte(tc.head), tc.file)
			if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("Detect error %v, want %v", err, tc.err)
			}
			if got != tc.want {
				t.Errorf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}
