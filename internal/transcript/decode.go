package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"
	"unicode/utf8"
)

// Decode parses one conversation in the canonical JSON form, strictly: unknown fields, wrong
// types and malformed times are errors naming the field. It does not call Validate. record names
// the conversation in errors until its id is known (e.g. "line 17").
func Decode(data []byte, record string) (*Conversation, error) {
	if !utf8.Valid(data) {
		return nil, &FieldError{Record: record, Err: ErrNotUTF8, Detail: firstInvalidUTF8(data)}
	}
	var c Conversation
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&c)
	if err == nil && dec.More() {
		err = errors.New("trailing data after the conversation object")
	}
	if err == nil {
		return &c, nil
	}
	return nil, diagnose(data, record, err)
}

// diagnose turns a decoding failure into a FieldError that names the field. It runs only on
// the error path, so the common case decodes once.
func diagnose(data []byte, record string, decodeErr error) error {
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		var syn *json.SyntaxError
		detail := err.Error()
		if errors.As(err, &syn) {
			detail = fmt.Sprintf("%s at byte %d", syn.Error(), syn.Offset)
		}
		return &FieldError{Record: record, Err: ErrMalformedJSON, Detail: detail}
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return &FieldError{Record: record, Err: ErrInvalidValue, Detail: "a conversation must be a JSON object"}
	}
	if id, ok := obj["id"].(string); ok {
		record = RecordName(id, record)
	}
	if fe := walk(conversationSchema, obj, ""); fe != nil {
		fe.Record = record
		return fe
	}
	return &FieldError{Record: record, Err: ErrInvalidValue, Detail: decodeErr.Error()}
}

// kind is the JSON type a field must have.
type kind int

const (
	kString kind = iota
	kTime
	kNumber
	kBool
	kAny
	kStrings
	kObject
	kObjects
)

type field struct {
	kind   kind
	schema schema // for kObject and kObjects
}

type schema map[string]field

var customerSchema = schema{
	"id": {kind: kString}, "name": {kind: kString}, "timezone": {kind: kString}, "phone": {kind: kString},
	"country": {kind: kString}, "region": {kind: kString}, "email": {kind: kString},
}

var conversationSchema = schema{
	"id": {kind: kString}, "source": {kind: kString}, "channel": {kind: kString}, "language": {kind: kString},
	"started_at": {kind: kTime}, "meta": {kind: kAny},
	"customer": {kind: kObject, schema: customerSchema},
	"agents":   {kind: kObjects, schema: schema{"id": {kind: kString}, "name": {kind: kString}, "team": {kind: kString}}},
	"outcome":  {kind: kObject, schema: schema{"csat": {kind: kNumber}, "resolved": {kind: kBool}, "tags": {kind: kStrings}}},
	"turns": {kind: kObjects, schema: schema{
		"speaker": {kind: kString}, "agent_id": {kind: kString}, "text": {kind: kString}, "at": {kind: kTime},
		"event": {kind: kString}, "internal": {kind: kBool},
	}},
}

func walk(s schema, obj map[string]any, prefix string) *FieldError {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := prefix + k
		f, ok := s[k]
		if !ok {
			return &FieldError{Field: path, Err: ErrUnknownField}
		}
		if fe := checkValue(f, obj[k], path); fe != nil {
			return fe
		}
	}
	return nil
}

func checkValue(f field, v any, path string) *FieldError {
	if v == nil {
		return nil
	}
	wrong := func(want string) *FieldError {
		return &FieldError{Field: path, Err: ErrInvalidValue, Detail: fmt.Sprintf("want %s, got %s", want, jsonType(v))}
	}
	switch f.kind {
	case kString:
		if _, ok := v.(string); !ok {
			return wrong("a string")
		}
	case kTime:
		s, ok := v.(string)
		if !ok {
			return wrong("an RFC 3339 string")
		}
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return &FieldError{Field: path, Err: ErrInvalidTime, Detail: fmt.Sprintf("%q; want RFC 3339 with an offset, e.g. 2026-11-20T06:12:00Z", s)}
		}
	case kNumber:
		n, ok := v.(float64)
		if !ok {
			return wrong("a number")
		}
		if n != float64(int(n)) {
			return wrong("a whole number")
		}
	case kBool:
		if _, ok := v.(bool); !ok {
			return wrong("true or false")
		}
	case kStrings:
		arr, ok := v.([]any)
		if !ok {
			return wrong("an array of strings")
		}
		for i, e := range arr {
			if _, ok := e.(string); !ok {
				return &FieldError{Field: fmt.Sprintf("%s[%d]", path, i), Err: ErrInvalidValue, Detail: "want a string, got " + jsonType(e)}
			}
		}
	case kObject:
		o, ok := v.(map[string]any)
		if !ok {
			return wrong("an object")
		}
		return walk(f.schema, o, path+".")
	case kObjects:
		arr, ok := v.([]any)
		if !ok {
			return wrong("an array of objects")
		}
		for i, e := range arr {
			o, ok := e.(map[string]any)
			if !ok {
				return &FieldError{Field: fmt.Sprintf("%s[%d]", path, i), Err: ErrInvalidValue, Detail: "want an object, got " + jsonType(e)}
			}
			if fe := walk(f.schema, o, fmt.Sprintf("%s[%d].", path, i)); fe != nil {
				return fe
			}
		}
	}
	return nil
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

func firstInvalidUTF8(data []byte) string {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Sprintf("invalid byte 0x%02x at offset %d; convert the file to UTF-8 or pass --encoding", data[i], i)
		}
		i += size
	}
	return ""
}
