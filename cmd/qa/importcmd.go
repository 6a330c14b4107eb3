package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// envToken is the API token `qa import` sends when --token is not given.
const envToken = "QA_TOKEN"

// uploader sends conversations to a server in chunks of JSON Lines and adds up the answers.
type uploader struct {
	endpoint string // .../api/v1/conversations
	token    string
	chunk    int
	client   *http.Client
	stderr   io.Writer

	lines  bytes.Buffer
	wheres []string // where each buffered record came from ("calls.csv row 4")
	total  qa.IngestResult
}

// runImport is `qa import FILE... --server URL [--token T]`: read files in any importer format
// locally, and send their conversations to a server in chunks of --chunk records. Bad records
// are reported with their file and place, as the server's rejections are; exit 1 when any.
func runImport(ctx context.Context, e env, args []string) error {
	fset := flag.NewFlagSet("import", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	server := fset.String("server", "", "server URL, e.g. http://127.0.0.1:8080 (required)")
	token := fset.String("token", os.Getenv(envToken), "API token (default $"+envToken+")")
	chunk := fset.Int("chunk", 500, "conversations per request")
	format := fset.String("format", "", "input format (detected when empty): "+fmt.Sprint(importer.Formats()))
	source := fset.String("source", "", "source stored with the conversations (default: the format)")
	encoding := fset.String("encoding", "", "input encoding, e.g. windows-1251 (default UTF-8)")
	if err := fset.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *server == "" || fset.NArg() == 0 || *chunk < 1 {
		return fmt.Errorf("%w: want qa import FILE... --server URL [--token T] [--chunk N]", errUsage)
	}
	endpoint, err := url.JoinPath(*server, "/api/v1/conversations")
	if err != nil {
		return fmt.Errorf("%w: --server: %v", errUsage, err)
	}
	up := &uploader{endpoint: endpoint, token: *token, chunk: *chunk, stderr: e.stderr,
		client: &http.Client{Timeout: 10 * time.Minute}}
	opts := importer.Options{Format: importer.Format(*format), Source: *source, Encoding: *encoding}
	for _, name := range fset.Args() {
		if err := up.file(ctx, e, name, opts); err != nil {
			return err
		}
	}
	if err := up.flush(ctx); err != nil {
		return err
	}
	t := up.total
	fmt.Fprintf(e.stdout, "accepted %d, updated %d, rejected %d\n", t.Accepted, t.Updated, len(t.Rejected))
	if len(t.Rejected) > 0 {
		return errRejected
	}
	return nil
}

// file reads one input (or stdin for "-") and queues its records.
func (up *uploader) file(ctx context.Context, e env, name string, opts importer.Options) error {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	return importer.Read(ctx, r, name, opts, func(rec importer.Record) error {
		where := name + " " + rec.Where
		if rec.Err != nil {
			up.reject(qa.Rejection{Where: where, Reason: rec.Err.Error()})
			return nil
		}
		line, err := json.Marshal(rec.Conversation)
		if err != nil {
			up.reject(qa.Rejection{Where: where, Reason: err.Error()})
			return nil
		}
		up.lines.Write(line)
		up.lines.WriteByte('\n')
		up.wheres = append(up.wheres, where)
		if len(up.wheres) >= up.chunk {
			return up.flush(ctx)
		}
		return nil
	})
}

func (up *uploader) reject(r qa.Rejection) {
	up.total.Rejected = append(up.total.Rejected, r)
	fmt.Fprintf(up.stderr, "%s: %s\n", r.Where, r.Reason)
}

// flush sends the buffered records and maps the server's rejections ("line 3" of the chunk)
// back to the files they came from.
func (up *uploader) flush(ctx context.Context) error {
	if len(up.wheres) == 0 {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, up.endpoint+"?format=jsonl", bytes.NewReader(up.lines.Bytes()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	if up.token != "" {
		req.Header.Set("Authorization", "Bearer "+up.token)
	}
	resp, err := up.client.Do(req)
	if err != nil {
		return fmt.Errorf("send %d conversations: %w", len(up.wheres), err)
	}
	defer resp.Body.Close()
	var ans struct {
		qa.IngestResult
		Error string `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&ans); err != nil {
		return fmt.Errorf("server answered %s: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("server answered %s: %s", resp.Status, ans.Error)
	}
	up.total.Accepted += ans.Accepted
	up.total.Updated += ans.Updated
	for _, r := range ans.Rejected {
		up.reject(qa.Rejection{Where: up.origin(r.Where), Reason: r.Reason})
	}
	up.lines.Reset()
	up.wheres = up.wheres[:0]
	return nil
}

// origin maps "line N" of the sent chunk to the record's place in its file.
func (up *uploader) origin(where string) string {
	n, err := strconv.Atoi(strings.TrimPrefix(where, "line "))
	if err != nil || n < 1 || n > len(up.wheres) {
		return where
	}
	return up.wheres[n-1]
}
