package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// readAll runs Read over data and returns every record it emitted and its error.
func readAll(t testing.TB, data []byte, name string, opts Options) ([]Record, error) {
	t.Helper()
	var recs []Record
	err := Read(context.Background(), bytes.NewReader(data), name, opts, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

// readTestdata reads a file under testdata/.
func readTestdata(t testing.TB, path string, opts Options) ([]Record, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, data, path, opts)
}

// goldenOptions are the options a sample is read with; detection otherwise.
var goldenOptions = map[string]Options{
	"csv/chats_ru_cp1251.csv": {Encoding: "windows-1251", CSV: CSVMapping{TimeZone: "Europe/Moscow"}},
	"csv/dialogi_uk.csv": {CSV: CSVMapping{ConversationID: "Діалог", Speaker: "Хто", Text: "Повідомлення",
		Time: "Час", AgentName: "Оператор", TimeLayout: "02.01.2006 15:04:05", TimeZone: "Europe/Kyiv"}},
	"srt/apel_ro_latin2.srt": {Encoding: "iso-8859-2", VoiceStart: time.Date(2026, 11, 25, 9, 30, 0, 0, time.FixedZone("EET", 2*3600))},
	"vtt/call_ru.vtt":        {VoiceStart: time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("MSK", 3*3600))},
}

// TestGolden reads every sample in testdata/ and compares what comes out, record by record,
// with testdata/golden/. Run `go test ./internal/importer -update` to rewrite them, then review
// the diff.
func TestGolden(t *testing.T) {
	samples, err := filepath.Glob("testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range samples {
		rel, _ := filepath.Rel("testdata", path)
		if strings.HasPrefix(rel, "golden") {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			recs, err := readTestdata(t, rel, goldenOptions[filepath.ToSlash(rel)])
			got := goldenText(t, recs, err)
			golden := filepath.Join("testdata", "golden", rel+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v; run go test -update to create it", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; run go test -update and review the diff\ngot:\n%s", golden, got)
			}
		})
	}
}

// goldenText renders records one per line: the conversation as canonical JSON, or the error.
func goldenText(t *testing.T, recs []Record, readErr error) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, r := range recs {
		line := struct {
			Where        string                   `json:"where"`
			Error        string                   `json:"error,omitempty"`
			Conversation *transcript.Conversation `json:"conversation,omitempty"`
		}{Where: r.Where, Conversation: r.Conversation}
		if r.Err != nil {
			line.Error = r.Err.Error()
		}
		out, err := json.Marshal(line)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(out)
		b.WriteByte('\n')
	}
	if readErr != nil {
		b.WriteString("read error: " + readErr.Error() + "\n")
	}
	return b.Bytes()
}

// fieldErr asserts that err is a *transcript.FieldError wrapping sentinel, for record and field.
func fieldErr(t *testing.T, err error, sentinel error, record, field string) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("error %v, want %v", err, sentinel)
	}
	var fe *transcript.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not a *transcript.FieldError", err)
	}
	if fe.Record != record || fe.Field != field {
		t.Errorf("error names record %q field %q, want %q %q (%v)", fe.Record, fe.Field, record, field, err)
	}
}

// want is what one emitted record should be: accepted with an id, or rejected with a sentinel
// error naming record and field.
type want struct {
	where  string
	id     string // the accepted conversation's id
	err    error  // the sentinel of a rejection
	record string
	field  string
}

// checkRecords compares records with wants, in order.
func checkRecords(t *testing.T, recs []Record, wants []want) {
	t.Helper()
	if len(recs) != len(wants) {
		for _, r := range recs {
			t.Logf("%s: %v %v", r.Where, r.Conversation != nil, r.Err)
		}
		t.Fatalf("got %d records, want %d", len(recs), len(wants))
	}
	for i, w := range wants {
		r := recs[i]
		if r.Where != w.where {
			t.Errorf("record %d: where %q, want %q", i, r.Where, w.where)
		}
		if w.err == nil {
			if r.Err != nil || r.Conversation == nil {
				t.Errorf("record %d (%s): rejected: %v", i, r.Where, r.Err)
				continue
			}
			if r.Conversation.ID != w.id {
				t.Errorf("record %d: id %q, want %q", i, r.Conversation.ID, w.id)
			}
			continue
		}
		if r.Conversation != nil {
			t.Errorf("record %d (%s): accepted, want %v", i, r.Where, w.err)
			continue
		}
		fieldErr(t, r.Err, w.err, w.record, w.field)
	}
}

func TestFormats(t *testing.T) {
	want := []Format{FormatJSON, FormatJSONL, FormatCSV, FormatTWCS, FormatZendesk, FormatIntercom, FormatVTT, FormatSRT}
	got := Formats()
	if len(got) != len(want) {
		t.Fatalf("Formats() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Formats()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestReadWholeInputErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		file  string
		opts  Options
		want  error
	}{
		{name: "empty file", input: "", file: "empty.jsonl", want: ErrEmpty},
		{name: "blank file with a format", input: " \n\r\n\t", file: "blank.csv", opts: Options{Format: FormatCSV}, want: ErrEmpty},
		{name: "only a BOM", input: "\xEF\xBB\xBF", file: "bom.json", want: ErrEmpty},
		{name: "unknown format option", input: `{"id":"x"}`, file: "x.json", opts: Options{Format: "xml"}, want: ErrUnknownFormat},
		{name: "undetectable content", input: "hello there\nhow are you\n", file: "notes.txt", want: ErrUnknownFormat},
		{name: "unknown encoding", input: "a,b\n", file: "x.csv", opts: Options{Encoding: "klingon"}, want: ErrUnknownEncoding},
		{name: "CSV without a text column", input: "conversation_id,role,when\n1,agent,now\n", file: "x.csv", want: ErrBadHeader},
		{name: "CSV mapping names a missing column", input: "conversation_id,role,text\n1,agent,hi\n", file: "x.csv",
			opts: Options{CSV: CSVMapping{Time: "sent"}}, want: ErrBadHeader},
		{name: "TWCS without reply links", input: "tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id\n", file: "twcs.csv",
			opts: Options{Format: FormatTWCS}, want: ErrBadHeader},
		{name: "CSV time zone that is not IANA", input: "conversation_id,role,text\n1,agent,hi\n", file: "x.csv",
			opts: Options{CSV: CSVMapping{TimeZone: "Moscow"}}, want: transcript.ErrInvalidValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readAll(t, []byte(tc.input), tc.file, tc.opts)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Read error %v, want %v", err, tc.want)
			}
			if len(recs) != 0 {
				t.Errorf("emitted %d records, want none", len(recs))
			}
		})
	}
}

func TestReadStopsWhenEmitFails(t *testing.T) {
	data, err := os.ReadFile("testdata/jsonl/conversations.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	calls := 0
	err = Read(context.Background(), bytes.NewReader(data), "c.jsonl", Options{}, func(Record) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Read = %v after %d calls, want %v after 1", err, calls, stop)
	}
}

func TestReadStopsWhenContextDone(t *testing.T) {
	data, err := os.ReadFile("testdata/jsonl/conversations.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err = Read(ctx, bytes.NewReader(data), "c.jsonl", Options{}, func(Record) error {
		calls++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Read = %v after %d calls, want %v after 1", err, calls, context.Canceled)
	}
}

func TestReadSourceAndDefaultChannel(t *testing.T) {
	line := `{"id":"n-1","turns":[{"speaker":"customer","text":"Salut!"}]}` + "\n"
	tests := []struct {
		name        string
		opts        Options
		wantSource  string
		wantChannel transcript.Channel
		wantErr     error
	}{
		{name: "no channel and no default", opts: Options{}, wantErr: transcript.ErrMissing},
		{name: "default channel", opts: Options{DefaultChannel: transcript.ChannelSMS}, wantSource: "jsonl", wantChannel: transcript.ChannelSMS},
		{name: "source option", opts: Options{DefaultChannel: transcript.ChannelChat, Source: "crm-2026"}, wantSource: "crm-2026", wantChannel: transcript.ChannelChat},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := readAll(t, []byte(line), "n.jsonl", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != nil {
				checkRecords(t, recs, []want{{where: "line 1", err: tc.wantErr, record: `conversation "n-1"`, field: "channel"}})
				return
			}
			checkRecords(t, recs, []want{{where: "line 1", id: "n-1"}})
			if c := recs[0].Conversation; c.Source != tc.wantSource || c.Channel != tc.wantChannel {
				t.Errorf("source %q channel %q, want %q %q", c.Source, c.Channel, tc.wantSource, tc.wantChannel)
			}
		})
	}
}
