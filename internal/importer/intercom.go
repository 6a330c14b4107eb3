package importer

import "encoding/json"

// The Intercom wire format, as the Conversations API returns a conversation
// (GET /conversations/{id}) and as exports built on it write them. Accepted layouts: one
// conversation object, an array of them, a list {"type": "conversation.list",
// "conversations": [...]}, or one conversation per line. Only the fields below are read.

// icRecord is one top-level JSON value of an Intercom file.
type icRecord struct {
	Type          string            `json:"type"` // "conversation" or "conversation.list"
	Conversations []json.RawMessage `json:"conversations"`
}

// icConversation is an Intercom conversation. Its first message is the source; replies, notes
// and state changes follow as conversation parts.
type icConversation struct {
	Type              string          `json:"type"`
	ID                flexID          `json:"id"`
	CreatedAt         json.RawMessage `json:"created_at"` // Unix seconds
	State             string          `json:"state"`      // open, closed, snoozed
	Source            icSource        `json:"source"`
	Rating            *icRating       `json:"conversation_rating"`
	Tags              icTags          `json:"tags"`
	ConversationParts icPartList      `json:"conversation_parts"`
}

// icSource is the message that started the conversation.
type icSource struct {
	Type        string         `json:"type"` // conversation (Messenger), email, facebook, twitter, whatsapp, sms, phone_call, ...
	DeliveredAs string         `json:"delivered_as"`
	Subject     string         `json:"subject"`
	Body        string         `json:"body"` // HTML
	Author      icAuthor       `json:"author"`
	Attachments []icAttachment `json:"attachments"`
}

// icAuthor is who wrote a message or made a change.
type icAuthor struct {
	Type  string `json:"type"` // user, lead, contact, admin, team, bot
	ID    flexID `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// icPartList wraps the parts as the API does.
type icPartList struct {
	Parts []icPart `json:"conversation_parts"`
}

// icPart is one reply, note or state change.
type icPart struct {
	ID          flexID          `json:"id"`
	PartType    string          `json:"part_type"` // comment, note, assignment, close, open, snoozed, ...
	Body        string          `json:"body"`      // HTML; null for most state changes
	CreatedAt   json.RawMessage `json:"created_at"`
	Author      icAuthor        `json:"author"`
	AssignedTo  *icAuthor       `json:"assigned_to"`
	Attachments []icAttachment  `json:"attachments"`
}

// icAttachment is a file attached to a message.
type icAttachment struct {
	Name string `json:"name"`
}

// icRating is the customer's rating of the conversation.
type icRating struct {
	Rating *int   `json:"rating"` // 1 to 5
	Remark string `json:"remark"`
}

// icTags wraps the tags as the API does.
type icTags struct {
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
}
