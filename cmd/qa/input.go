package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/schollz/progressbar/v3"
)

// input is one file (or stdin) to read conversations from.
type input struct {
	path string // "-" for stdin
	size int64
}

// expandInputs turns the command-line arguments into files: a folder contributes every regular
// file below it, sorted, skipping hidden files.
func expandInputs(args []string) ([]input, error) {
	var out []input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, input{path: "-"})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if !st.IsDir() {
			out = append(out, input{path: arg, size: st.Size()})
			continue
		}
		var files []input
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Name() != "." && len(d.Name()) > 0 && d.Name()[0] == '.' && p != arg {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				info, err := d.Info()
				if err != nil {
					return err
				}
				files = append(files, input{path: p, size: info.Size()})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
		out = append(out, files...)
	}
	return out, nil
}

// readFlags are the importer options on the command line.
type readFlags struct {
	format     string
	encoding   string
	source     string
	csvColumns string
	csvTime    string
	csvZone    string
}

func (r *readFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.format, "input-format", "", "input format (default: detected); see 'qa formats'")
	fs.StringVar(&r.encoding, "encoding", "", "input text encoding when not UTF-8, e.g. windows-1251")
	fs.StringVar(&r.source, "source", "", "source name recorded on the conversations (default: the format)")
	fs.StringVar(&r.csvColumns, "csv-columns", "", "CSV header mapping, e.g. conversation_id=Діалог,time=Час,speaker=Хто,agent_name=Оператор,text=Повідомлення")
	fs.StringVar(&r.csvTime, "csv-time-layout", "", "Go time layout of the CSV time column, e.g. \"02.01.2006 15:04:05\"")
	fs.StringVar(&r.csvZone, "csv-timezone", "", "IANA zone of CSV times written without an offset (default UTC)")
}

// options turns the flags into importer options; a malformed --csv-columns is a usage error.
func (r *readFlags) options() (importer.Options, error) {
	opts := importer.Options{Format: importer.Format(r.format), Encoding: r.encoding, Source: r.source}
	opts.CSV.TimeLayout = r.csvTime
	opts.CSV.TimeZone = r.csvZone
	if r.csvColumns == "" {
		return opts, nil
	}
	fields := map[string]*string{
		"conversation_id": &opts.CSV.ConversationID, "speaker": &opts.CSV.Speaker, "text": &opts.CSV.Text,
		"time": &opts.CSV.Time, "agent_id": &opts.CSV.AgentID, "agent_name": &opts.CSV.AgentName,
		"channel": &opts.CSV.Channel, "language": &opts.CSV.Language, "customer_name": &opts.CSV.CustomerName,
		"customer_timezone": &opts.CSV.CustomerTimezone, "customer_phone": &opts.CSV.CustomerPhone, "event": &opts.CSV.Event,
	}
	for _, pair := range strings.Split(r.csvColumns, ",") {
		key, column, ok := strings.Cut(pair, "=")
		dst, known := fields[strings.TrimSpace(key)]
		if !ok || !known || strings.TrimSpace(column) == "" {
			names := make([]string, 0, len(fields))
			for k := range fields {
				names = append(names, k)
			}
			sort.Strings(names)
			return opts, fmt.Errorf("%w: --csv-columns %q: want FIELD=Header pairs; fields: %s", errUsage, pair, strings.Join(names, ", "))
		}
		*dst = strings.TrimSpace(column)
	}
	return opts, nil
}

// readAll reads every input in order and calls emit for each record with the file it came from.
// A file that cannot be opened or read is reported as a rejected record, and reading goes on.
func readAll(ctx context.Context, e env, inputs []input, opts importer.Options, progress *progressbar.ProgressBar, emit func(file string, rec importer.Record) error) error {
	for _, in := range inputs {
		name := in.path
		if name == "-" {
			name = "stdin"
		}
		err := readOne(ctx, e, in, opts, progress, func(rec importer.Record) error { return emit(name, rec) })
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := emit(name, importer.Record{Where: name, Err: err}); err != nil {
				return err
			}
		}
	}
	return nil
}

func readOne(ctx context.Context, e env, in input, opts importer.Options, progress *progressbar.ProgressBar, emit func(importer.Record) error) error {
	var r io.Reader = e.stdin
	name := "stdin"
	if in.path != "-" {
		f, err := os.Open(in.path)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, in.path
	}
	if progress != nil {
		r = io.TeeReader(r, progress)
	}
	return importer.Read(ctx, r, name, opts, emit)
}

// newProgress returns a byte progress bar on stderr for large batches read from files when
// stderr is a terminal, else nil.
func newProgress(e env, inputs []input, mode string) *progressbar.ProgressBar {
	var total int64
	for _, in := range inputs {
		total += in.size
	}
	const large = 4 << 20
	show := mode == "on" || (mode == "auto" && e.stderrIsTerminal && total >= large)
	if !show || total == 0 {
		return nil
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription("scoring"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)
}
