package transcript

import (
	"errors"
	"fmt"
)

// Sentinel errors that callers branch on with errors.Is. A FieldError wraps one of them.
var (
	ErrMissing       = errors.New("is required")
	ErrInvalidValue  = errors.New("has an invalid value")
	ErrUnknownField  = errors.New("is not a known field")
	ErrInvalidTime   = errors.New("is not a valid time")
	ErrNoTurns       = errors.New("has no turns")
	ErrOutOfOrder    = errors.New("is earlier than the turn before it")
	ErrNotUTF8       = errors.New("is not valid UTF-8")
	ErrMalformedJSON = errors.New("is not valid JSON")
	ErrTooLarge      = errors.New("is larger than the size limit")
)

// FieldError names the record (a conversation id, or a line or row when the id is unknown) and
// the field that is wrong, e.g. `conversation "zd-1": turns[3].at: is not an RFC 3339 time`.
type FieldError struct {
	Record string // `conversation "zd-1"`, `line 17`, `row 4`
	Field  string // a path such as `turns[3].speaker`; empty when the whole record is wrong
	Err    error  // one of the sentinel errors above, possibly wrapped with detail
	Detail string // what was found, e.g. `"speeker"`
}

func (e *FieldError) Error() string {
	msg := e.Record
	if e.Field != "" {
		msg += ": " + e.Field
	}
	msg += ": " + e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

func (e *FieldError) Unwrap() error { return e.Err }

// RecordName returns how errors refer to a conversation: by id when it has one.
func RecordName(id string, fallback string) string {
	if id != "" {
		return fmt.Sprintf("conversation %q", id)
	}
	return fallback
}
