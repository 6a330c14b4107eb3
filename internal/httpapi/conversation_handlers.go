package httpapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/importer"
	"github.com/qa-scorer/qa-scorer/internal/qa"
	"github.com/qa-scorer/qa-scorer/internal/timezone"
	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// ingestQuery is the query of POST /conversations.
type ingestQuery struct {
	Format   string `form:"format"`   // an importer format; detected when empty
	Source   string `form:"source"`   // stored as the conversations' source
	Name     string `form:"name"`     // the original file name, for detection
	Encoding string `form:"encoding"` // a WHATWG encoding label; UTF-8 when empty
	Channel  string `form:"channel"`  // the channel of records that do not say
}

// ingestConversations is POST /conversations: one conversation, a JSON array, JSON Lines or
// any other importer format, streamed. It answers 200 with accepted/updated/rejected even when
// some records were rejected; 413 when the body is over the limit and 400 when the input
// stopped being readable, both with what was stored before that point.
func (s *Server) ingestConversations(c *gin.Context) {
	var q ingestQuery
	if err := decodeQuery(c, &q); err != nil {
		writeError(c, s.log, err)
		return
	}
	opts := importer.Options{
		Format: importer.Format(q.Format), Source: q.Source, Encoding: q.Encoding,
		DefaultChannel: transcript.Channel(q.Channel),
	}
	body := http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxIngestBytes)
	in, err := s.ingest(c.Request.Context(), body, ingestName(c.Request, q.Name), opts)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	resp := ingestResponse{IngestResult: in.result}
	status := http.StatusOK
	if in.stopped != nil {
		status = errorStatus(in.stopped)
		if status == http.StatusInternalServerError && !errors.Is(in.stopped, c.Request.Context().Err()) {
			status = http.StatusBadRequest // the importer's errors are about the input
		}
		resp.Error = errorMessage(in.stopped, status)
	}
	c.JSON(status, resp)
}

// listConversations is GET /conversations: filtered, paginated, scoped to the caller.
func (s *Server) listConversations(c *gin.Context) {
	f, err := s.filter(c, true)
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	items, total, err := s.cfg.Stores.Conversations.Conversations(c.Request.Context(), f)
	s.respond(c, http.StatusOK, pageOf(items, total), err)
}

// getConversation is GET /conversations/:key, with its scorecards and the customer's possible
// time zones.
func (s *Server) getConversation(c *gin.Context) {
	key, err := idParam(c, "key")
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	resp, err := s.conversation(c, key)
	s.respond(c, http.StatusOK, resp, err)
}

func (s *Server) conversation(c *gin.Context, key int64) (*conversationResponse, error) {
	ctx := c.Request.Context()
	conv, err := s.cfg.Stores.Conversations.Conversation(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("conversation %d: %w", key, err)
	}
	who := callerFrom(ctx)
	if !seesConversation(who, conv) {
		// Not yours: answered like a missing one, so that keys cannot be probed.
		return nil, qa.Errorf(qa.ErrNotFound, "conversation %d", key)
	}
	cards, err := s.cfg.Stores.Scorecards.ScorecardsByConversation(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("conversation %d: scorecards: %w", key, err)
	}
	if cards == nil {
		cards = []qa.StoredScorecard{}
	}
	zones := timezone.Resolve(conv.Conv.Customer)
	if zones.Names == nil {
		zones.Names = []string{}
	}
	return &conversationResponse{StoredConversation: *conv, Scorecards: cards,
		CustomerZones: customerZones{Names: zones.Names, Source: zones.Source}}, nil
}

// filter decodes the listing filters of the query and restricts them to what the caller may
// see. A paged listing gets a default and a maximum page size.
func (s *Server) filter(c *gin.Context, paged bool) (qa.Filter, error) {
	var f qa.Filter
	if err := decodeQuery(c, &f); err != nil {
		return f, err
	}
	if f.Limit < 0 || f.Offset < 0 {
		return f, qa.Errorf(qa.ErrInvalid, "limit and offset must not be negative")
	}
	if paged && (f.Limit == 0 || f.Limit > maxPage) {
		f.Limit = min(max(f.Limit, defaultPage), maxPage)
	}
	return f, scopeFilter(callerFrom(c.Request.Context()), &f)
}

// Page sizes of listings.
const (
	defaultPage = 50
	maxPage     = 500
)
