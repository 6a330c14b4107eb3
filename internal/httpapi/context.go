package httpapi

import (
	"context"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// caller is who made a request: a signed-in user (by session cookie or API token) or nobody.
type caller struct {
	user    *qa.User    // nil for an anonymous caller
	session *qa.Session // set when signed in by cookie
}

// subject is what the authoriser is asked about: the caller's role, or "anonymous".
func (c caller) subject() string {
	if c.user == nil {
		return subjectAnonymous
	}
	return string(c.user.Role)
}

// subjectAnonymous is the authorisation subject of a caller without credentials (authz.Anonymous).
const subjectAnonymous = "anonymous"

type callerKey struct{}

// withCaller returns ctx carrying the caller.
func withCaller(ctx context.Context, c caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// callerFrom returns the caller in ctx, anonymous when none was set.
func callerFrom(ctx context.Context) caller {
	c, _ := ctx.Value(callerKey{}).(caller)
	return c
}
