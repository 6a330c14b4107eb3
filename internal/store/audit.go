package store

import (
	"context"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/qa"
)

// auditEntryRow records who changed what.
type auditEntryRow struct {
	ID     int64 `gorm:"primaryKey"`
	At     time.Time
	UserID int64
	Action string
	Object string
	Detail string
}

func (auditEntryRow) TableName() string { return "audit_entries" }

// Audit appends an entry to the audit trail; a zero At is now.
func (s *Store) Audit(ctx context.Context, e qa.AuditEntry) error {
	if e.Action == "" || e.Object == "" {
		return qa.Errorf(qa.ErrInvalid, "audit entry: action and object are required")
	}
	at := e.At.UTC().Truncate(time.Microsecond)
	if e.At.IsZero() {
		at = s.now()
	}
	row := auditEntryRow{At: at, UserID: e.UserID, Action: e.Action, Object: e.Object, Detail: e.Detail}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return dbError(err, "audit %s %s", e.Action, e.Object)
	}
	return nil
}

// AuditTrail returns the entries about an object ("review:12"), oldest first.
func (s *Store) AuditTrail(ctx context.Context, object string) ([]qa.AuditEntry, error) {
	var rows []auditEntryRow
	if err := s.conn(ctx).Where("object = ?", object).Order("at, id").Find(&rows).Error; err != nil {
		return nil, dbError(err, "audit trail of %q", object)
	}
	out := make([]qa.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = qa.AuditEntry{ID: r.ID, At: utc(r.At), UserID: r.UserID, Action: r.Action, Object: r.Object, Detail: r.Detail}
	}
	return out, nil
}
