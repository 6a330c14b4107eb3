package importer

import "encoding/json"

// The Zendesk wire format, as the Support API returns it and as the JSON export writes it.
// Accepted layouts:
//   - a page of the Tickets API with users side-loaded and each ticket's comments added:
//     {"tickets": [{..., "comments": [...]}], "users": [...]}
//   - a single ticket from the Show Ticket API: {"ticket": {...}, "users": [...]}
//   - the JSON export: one ticket object per line (or an array of tickets), comments embedded.
// Only the fields below are read; the rest are ignored.

// zdRecord is one top-level JSON value of a Zendesk file.
type zdRecord struct {
	Tickets []json.RawMessage `json:"tickets"`
	Ticket  json.RawMessage   `json:"ticket"`
	Users   []zdUser          `json:"users"`
}

// zdTicket is a Zendesk ticket.
type zdTicket struct {
	ID          flexID      `json:"id"`
	Subject     string      `json:"subject"`
	Status      string      `json:"status"` // new, open, pending, hold, solved, closed
	Priority    string      `json:"priority"`
	Via         zdVia       `json:"via"`
	RequesterID flexID      `json:"requester_id"`
	CreatedAt   string      `json:"created_at"` // ISO 8601, "2026-11-20T06:12:00Z"
	Tags        []string    `json:"tags"`
	Comments    []zdComment `json:"comments"`
}

// zdVia says how a ticket or comment was created.
type zdVia struct {
	Channel flexID `json:"channel"` // web, email, chat, native_messaging, voice, twitter, api, ...
}

// zdComment is one comment on a ticket: a public reply or an internal note.
type zdComment struct {
	ID          flexID         `json:"id"`
	AuthorID    flexID         `json:"author_id"`
	Body        string         `json:"body"`
	HTMLBody    string         `json:"html_body"`
	PlainBody   string         `json:"plain_body"`
	Public      *bool          `json:"public"` // false for an internal note; true when absent
	CreatedAt   string         `json:"created_at"`
	Attachments []zdAttachment `json:"attachments"`
}

// zdAttachment is a file attached to a comment.
type zdAttachment struct {
	FileName string `json:"file_name"`
}

// zdUser is a side-loaded user.
type zdUser struct {
	ID           flexID `json:"id"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Phone        string `json:"phone"`
	Role         string `json:"role"`           // end-user, agent, admin
	IANATimeZone string `json:"iana_time_zone"` // "Europe/Kyiv"; time_zone holds a Rails name
}
