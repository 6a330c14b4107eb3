package importer

import (
	"bytes"
	"os"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

func TestReadEncodings(t *testing.T) {
	const jsonl = `{"id":"enc-1","channel":"chat","language":"ru","turns":[{"speaker":"customer","text":"Здравствуйте, где мой заказ?"}]}` + "\n"
	cp1251, err := charmap.Windows1251.NewEncoder().String(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		input string
		opts  Options
		want  want
	}{
		{name: "UTF-8", input: jsonl, want: want{where: "line 1", id: "enc-1"}},
		{name: "UTF-8 with BOM", input: "\xEF\xBB\xBF" + jsonl, want: want{where: "line 1", id: "enc-1"}},
		{name: "UTF-16LE with BOM", input: utf16le, want: want{where: "line 1", id: "enc-1"}},
		{name: "UTF-16BE with BOM", input: utf16be, want: want{where: "line 1", id: "enc-1"}},
		{name: "BOM wins over the encoding option", input: "\xEF\xBB\xBF" + jsonl, opts: Options{Encoding: "windows-1251"}, want: want{where: "line 1", id: "enc-1"}},
		{name: "cp1251 without an encoding", input: cp1251,
			want: want{where: "line 1", err: transcript.ErrNotUTF8, record: "line 1"}},
		{name: "cp1251 with windows-1251", input: cp1251, opts: Options{Encoding: "windows-1251"}, want: want{where: "line 1", id: "enc-1"}},
		{name: "cp1251 under its WHATWG alias cp1251", input: cp1251, opts: Options{Encoding: "cp1251"}, want: want{where: "line 1", id: "enc-1"}},
		{name: "explicit utf-8 keeps the check", input: cp1251, opts: Options{Encoding: "utf-8"},
			want: want{where: "line 1", err: transcript.ErrNotUTF8, record: "line 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Format = FormatJSONL
			recs, err := readAll(t, []byte(tc.input), "enc.jsonl", opts)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, []want{tc.want})
			if tc.want.err == nil && recs[0].Conversation.Turns[0].Text != "Здравствуйте, где мой заказ?" {
				t.Errorf("text %q", recs[0].Conversation.Turns[0].Text)
			}
		})
	}
}

func TestReadCSVInWindows1251(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want want
	}{
		{name: "without an encoding", want: want{where: "row 2", err: transcript.ErrNotUTF8, record: "row 2", field: "role"}},
		{name: "with windows-1251", opts: Options{Encoding: "windows-1251"}, want: want{where: "row 2", id: "RU-5531"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readTestdata(t, "csv/chats_ru_cp1251.csv", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, []want{tc.want})
		})
	}
}

func TestReadSRTInLatin2(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want want
	}{
		{name: "without an encoding", want: want{where: "srt/apel_ro_latin2.srt", err: transcript.ErrNotUTF8, record: `conversation "apel_ro_latin2"`}},
		{name: "with iso-8859-2", opts: Options{Encoding: "iso-8859-2"}, want: want{where: "srt/apel_ro_latin2.srt", id: "apel_ro_latin2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readTestdata(t, "srt/apel_ro_latin2.srt", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, recs, []want{tc.want})
		})
	}
}

func TestCheckUTF8NamesThePlace(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		detail string
	}{
		{name: "one line", data: "ab\xffc", detail: "invalid byte 0xff at byte 2; " + encodingHint},
		{name: "several lines", data: "ok\nstill ok\nbad \xe0 here", detail: "invalid byte 0xe0 at line 3, column 5; " + encodingHint},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := checkUTF8([]byte(tc.data), "row 3", "text")
			fieldErr(t, err, transcript.ErrNotUTF8, "row 3", "text")
			if fe := err.(*transcript.FieldError); fe.Detail != tc.detail {
				t.Errorf("detail %q, want %q", fe.Detail, tc.detail)
			}
		})
	}
	if err := checkUTF8([]byte("Привіт, Bună ziua"), "r", "f"); err != nil {
		t.Errorf("valid UTF-8 reported: %v", err)
	}
}

// The committed cp1251 sample must really be cp1251, or the tests above prove nothing.
func TestWindows1251SampleIsNotUTF8(t *testing.T) {
	data, err := os.ReadFile("testdata/csv/chats_ru_cp1251.csv")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(data, bytes.ToValidUTF8(data, nil)) {
		t.Fatal("testdata/csv/chats_ru_cp1251.csv is valid UTF-8")
	}
}
