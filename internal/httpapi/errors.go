package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// errMethodNotAllowed answers a known path with a method it does not have.
var errMethodNotAllowed = errors.New("method not allowed")

// errNotConfigured answers a feature the server was started without (no scorer for previews).
var errNotConfigured = errors.New("not available on this server")

// statuses maps the errors handlers return to HTTP statuses: the one table of the API.
// Anything not listed is an internal error: logged, and reported as "internal error".
var statuses = [...]struct {
	err    error
	status int
}{
	{qa.ErrInvalid, http.StatusBadRequest},
	{qa.ErrUnauthorized, http.StatusUnauthorized},
	{qa.ErrForbidden, http.StatusForbidden},
	{qa.ErrNotFound, http.StatusNotFound},
	{qa.ErrConflict, http.StatusConflict},
	{errMethodNotAllowed, http.StatusMethodNotAllowed},
	{errNotConfigured, http.StatusServiceUnavailable},
}

// errorStatus returns the status for err.
func errorStatus(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	for _, s := range statuses {
		if errors.Is(err, s.err) {
			return s.status
		}
	}
	return http.StatusInternalServerError
}

// errorBody is every error response: {"error": "...", "status": 404}.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// errorMessage is what the client is told: the error's text, except for internal errors,
// whose details stay in the log.
func errorMessage(err error, status int) string {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return "request body is larger than " + strconv.FormatInt(tooLarge.Limit, 10) + " bytes"
	case status == http.StatusInternalServerError:
		return "internal error"
	}
	return err.Error()
}

// writeError answers with err's status and message and stops the handler chain. Internal
// errors are logged here, once, at the edge.
func writeError(c *gin.Context, log *slog.Logger, err error) {
	status := errorStatus(err)
	if status == http.StatusInternalServerError {
		log.ErrorContext(c.Request.Context(), "request failed",
			slog.String("method", c.Request.Method), slog.String("path", c.Request.URL.Path),
			slog.Any("err", err))
	}
	c.AbortWithStatusJSON(status, errorBody{Error: errorMessage(err, status), Status: status})
}

// decodeJSON decodes the request body into v: one JSON value, no unknown fields, at most
// DefaultMaxJSONBytes. Problems are qa.ErrInvalid (or a 413 for a body too large).
func decodeJSON(c *gin.Context, v any) error {
	body := http.MaxBytesReader(c.Writer, c.Request.Body, DefaultMaxJSONBytes)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return qa.Errorf(qa.ErrInvalid, "request body: empty, want a JSON object")
		}
		return qa.Errorf(qa.ErrInvalid, "request body: %v", err)
	}
	if dec.More() {
		return qa.Errorf(qa.ErrInvalid, "request body: more than one JSON value")
	}
	return nil
}

// decodeQuery binds the query string into v (a struct with form tags).
func decodeQuery(c *gin.Context, v any) error {
	if err := c.ShouldBindQuery(v); err != nil {
		return qa.Errorf(qa.ErrInvalid, "query: %v", err)
	}
	return nil
}

// idParam parses the path parameter name as a positive integer id.
func idParam(c *gin.Context, name string) (int64, error) {
	raw := c.Param(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, qa.Errorf(qa.ErrInvalid, "path parameter %s: %q is not a positive integer", name, raw)
	}
	return id, nil
}

// respond writes v as JSON with status, or the error when err is set: the last line of
// every handler.
func (s *Server) respond(c *gin.Context, status int, v any, err error) {
	if err != nil {
		writeError(c, s.log, err)
		return
	}
	if v == nil {
		c.Status(status)
		return
	}
	c.JSON(status, v)
}

// invalid marks err as a client mistake.
func invalid(err error) error {
	return fmt.Errorf("%w: %w", err, qa.ErrInvalid)
}
