// Package authz decides who may do what in the QA server. Decisions are made by casbin from a
// model (model.conf, embedded) and a policy stored in the database through casbin's gorm adapter,
// in the same database as everything else, so that an administrator can change it without a
// release. The server asks one question per request, Enforcer.Can(ctx, subject, object, action),
// where the subject is the caller's role (or Anonymous) and object/action name the route.
//
// Row-level scoping (an agent sees only their own scorecards, a team lead only their teams) is
// not a policy question: the HTTP layer restricts the query from the caller's identity.
package authz

import (
	"context"
	_ "embed" // model.conf
	"fmt"

	"github.com/casbin/casbin/v3"
	"github.com/casbin/casbin/v3/model"
	gormadapter "github.com/casbin/gorm-adapter/v3"
	"gorm.io/gorm"
)

// PolicyTable is the table that holds the policy lines.
const PolicyTable = "casbin_rules"

//go:embed model.conf
var modelText string

// Enforcer answers authorisation questions from the stored policy. It is safe for concurrent use.
type Enforcer struct {
	e *casbin.SyncedEnforcer
}

// New loads the policy from db (creating its table when missing), adds the default policy lines
// for every object/action pair the stored policy does not mention yet (see Seed), and returns
// an enforcer. The database is the store's own: authz only reads and writes PolicyTable.
func New(ctx context.Context, db *gorm.DB) (*Enforcer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("authz: model: %w", err)
	}
	adapter, err := gormadapter.NewAdapterByDBUseTableName(db.WithContext(ctx), "", PolicyTable)
	if err != nil {
		return nil, fmt.Errorf("authz: policy table: %w", err)
	}
	e, err := casbin.NewSyncedEnforcer(m, adapter)
	if err != nil {
		return nil, fmt.Errorf("authz: load policy: %w", err)
	}
	en := &Enforcer{e: e}
	if err := en.seed(); err != nil {
		return nil, err
	}
	return en, nil
}

// Can reports whether subject (a role, or Anonymous) may perform action on object. An error
// means the policy could not be evaluated; callers deny in that case.
func (en *Enforcer) Can(ctx context.Context, subject, object, action string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	ok, err := en.e.Enforce(subject, object, action)
	if err != nil {
		return false, fmt.Errorf("authz: %s %s.%s: %w", subject, object, action, err)
	}
	return ok, nil
}

// Reload re-reads the policy from the database, after an administrator changed it.
func (en *Enforcer) Reload(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := en.e.LoadPolicy(); err != nil {
		return fmt.Errorf("authz: reload policy: %w", err)
	}
	return nil
}

// Policy returns the policy lines in force ([subject, object, action]), for inspection.
func (en *Enforcer) Policy() ([][]string, error) {
	return en.e.GetPolicy()
}
