// Package qa holds the domain types and service interfaces of the QA server: people and roles,
// stored conversations and scorecards, rubric versions, human reviews, disputes, coaching notes,
// calibration and the statistics team leads read. Like the root package of a "standard package
// layout", it depends on nothing but the other domain packages; internal/store implements its
// services on a database, and internal/httpapi consumes them.
package qa

import (
	"errors"
	"fmt"
)

// Error codes callers branch on (mapped to HTTP statuses in one table in httpapi).
var (
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrInvalid      = errors.New("invalid")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
)

// Errorf wraps a sentinel with a message: qa.Errorf(qa.ErrNotFound, "conversation %q", id).
func Errorf(code error, format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), code)
}
