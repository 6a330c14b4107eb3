package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"

	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/rubric"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// ingestion reads one POST /conversations body record by record (importer.Read streams), stores
// the good records in batches and schedules their scoring, and collects a rejection for every
// bad record. A bad record never costs the good ones: when a batch is refused as a whole for
// a reason that belongs to a record (qa.ErrInvalid, qa.ErrConflict), its records are stored
// one at a time and only the offending ones are rejected.
type ingestion struct {
	s       *Server
	active  []activeRubric // rubric versions new conversations are scored with
	batch   []*transcript.Conversation
	where   []string // where each batched record was found
	result  qa.IngestResult
	stopped error // why reading stopped before the end, when it did
}

// ingest reads r (whose name hints at the format) and answers what happened to each record.
// The returned error is set only when storage failed; an input that stopped being readable
// (a broken JSON document, a body over the size limit) ends the reading, keeps what was read
// before, and is reported in ingestion.stopped.
func (s *Server) ingest(ctx context.Context, r io.Reader, name string, opts importer.Options) (*ingestion, error) {
	active, err := s.activeRubrics(ctx)
	if err != nil {
		return nil, err
	}
	in := &ingestion{s: s, active: active, result: qa.IngestResult{Rejected: []qa.Rejection{}}}
	var storeErr error
	readErr := importer.Read(ctx, r, name, opts, func(rec importer.Record) error {
		if rec.Err != nil {
			in.reject(rec.Where, rec.Err)
			return nil
		}
		in.batch = append(in.batch, rec.Conversation)
		in.where = append(in.where, rec.Where)
		if len(in.batch) >= s.cfg.IngestBatch {
			storeErr = in.flush(ctx)
		}
		return storeErr
	})
	if storeErr != nil {
		return in, storeErr
	}
	if err := in.flush(ctx); err != nil {
		return in, err
	}
	if readErr != nil {
		in.stopped = readErr
	}
	return in, nil
}

func (in *ingestion) reject(where string, err error) {
	in.result.Rejected = append(in.result.Rejected, qa.Rejection{Where: where, Reason: err.Error()})
	in.s.metrics.Ingested.WithLabelValues("rejected").Inc()
}

// flush stores the batch and schedules its scoring.
func (in *ingestion) flush(ctx context.Context) error {
	if len(in.batch) == 0 {
		return nil
	}
	batch, where := in.batch, in.where
	in.batch, in.where = nil, nil
	accepted, updated, keys, err := in.s.cfg.Stores.Conversations.UpsertConversations(ctx, batch)
	if isRecordError(err) && len(batch) > 1 {
		return in.flushOneByOne(ctx, batch, where)
	}
	if isRecordError(err) {
		in.reject(where[0], err)
		return nil
	}
	if err != nil {
		return fmt.Errorf("ingest: store %d conversations: %w", len(batch), err)
	}
	in.count(accepted, updated)
	return in.schedule(ctx, keys, batch)
}

func (in *ingestion) flushOneByOne(ctx context.Context, batch []*transcript.Conversation, where []string) error {
	for i, conv := range batch {
		accepted, updated, keys, err := in.s.cfg.Stores.Conversations.UpsertConversations(ctx, batch[i:i+1])
		if isRecordError(err) {
			in.reject(where[i], fmt.Errorf("%s: %w", transcript.RecordName(conv.ID, where[i]), err))
			continue
		}
		if err != nil {
			return fmt.Errorf("ingest: store %s: %w", where[i], err)
		}
		in.count(accepted, updated)
		if err := in.schedule(ctx, keys, batch[i:i+1]); err != nil {
			return err
		}
	}
	return nil
}

func (in *ingestion) count(accepted, updated int) {
	in.result.Accepted += accepted
	in.result.Updated += updated
	in.s.metrics.Ingested.WithLabelValues("accepted").Add(float64(accepted))
	in.s.metrics.Ingested.WithLabelValues("updated").Add(float64(updated))
}

// schedule enqueues the scoring of the stored conversations (keys[i] is the key of convs[i])
// with each active rubric version that applies to them (qa.ApplicableKeys, the filter
// jobs.EnqueueNew uses too), so no job is spent on a conversation its rubric leaves alone.
func (in *ingestion) schedule(ctx context.Context, keys []int64, convs []*transcript.Conversation) error {
	if in.s.cfg.Queue == nil || len(keys) == 0 {
		return nil
	}
	for _, a := range in.active {
		mine := keys
		if a.appliesTo != nil {
			var err error
			if mine, err = qa.ApplicableKeys(*a.appliesTo, keys, convs); err != nil {
				return fmt.Errorf("ingest: schedule scoring with %s@%d: %w", a.RubricID, a.Version, err)
			}
		}
		if len(mine) == 0 {
			continue
		}
		if err := in.s.cfg.Queue.Enqueue(ctx, mine, a.RubricID, a.Version); err != nil {
			return fmt.Errorf("ingest: schedule scoring with %s@%d: %w", a.RubricID, a.Version, err)
		}
	}
	return nil
}

// activeRubric is a rubric version new conversations are scored with, and what it applies to.
type activeRubric struct {
	qa.RubricVersion
	// appliesTo is nil when the stored YAML no longer parses: every conversation is then
	// scheduled, as its jobs fail and record why (visible in the version's progress).
	appliesTo *rubric.AppliesTo
}

// activeRubrics returns the active rubric versions with what each applies to.
func (s *Server) activeRubrics(ctx context.Context) ([]activeRubric, error) {
	versions, err := s.cfg.Stores.Rubrics.ActiveRubrics(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: active rubrics: %w", err)
	}
	out := make([]activeRubric, len(versions))
	for i, rv := range versions {
		out[i].RubricVersion = rv
		r, err := parseVersion(rv)
		if err != nil {
			s.log.WarnContext(ctx, "active rubric does not parse: scheduling every conversation for it",
				slog.String("rubric", rv.RubricID), slog.Int("version", rv.Version), slog.Any("err", err))
			continue
		}
		out[i].appliesTo = &r.AppliesTo
	}
	return out, nil
}

// isRecordError reports whether a storage error is the fault of a record rather than of the
// database.
func isRecordError(err error) bool {
	return errors.Is(err, qa.ErrInvalid) || errors.Is(err, qa.ErrConflict)
}

// ingestName is the name the importer sees for a request body, for format detection: the
// ?name= parameter, else one derived from the Content-Type.
func ingestName(r *http.Request, name string) string {
	if name != "" {
		return name
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return "body.jsonl"
	case "text/csv":
		return "body.csv"
	case "text/vtt":
		return "body.vtt"
	case "application/x-subrip":
		return "body.srt"
	}
	return "body"
}
