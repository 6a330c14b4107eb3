package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// readVTT reads a WebVTT call transcript: the whole file is one conversation.
func readVTT(in *input) error { return readVoice(in, parseVTT) }

// readSRT reads an SRT call transcript: the whole file is one conversation.
func readSRT(in *input) error { return readVoice(in, parseSRT) }

// readVoice reads a whole transcript file (up to MaxRecordBytes) and builds its conversation.
// The conversation id is the file name without its extension ("call-0612.vtt" → "call-0612"),
// or a digest of the content when the input has no name.
func readVoice(in *input, parse func(string) ([]segment, error)) error {
	where := in.name
	if where == "" || where == "-" {
		where = "input"
	}
	data, err := io.ReadAll(io.LimitReader(in.r, int64(in.opts.MaxRecordBytes)+1))
	if err != nil {
		return err
	}
	if len(data) > in.opts.MaxRecordBytes {
		return in.reject(where, tooLarge(where, in.opts.MaxRecordBytes))
	}
	id := strings.TrimSuffix(filepath.Base(in.name), filepath.Ext(in.name))
	if where == "input" {
		sum := sha256.Sum256(data)
		id = string(in.format) + "-" + hex.EncodeToString(sum[:6])
	}
	record := transcript.RecordName(id, where)
	if err := checkUTF8(data, record, ""); err != nil {
		return in.reject(where, err)
	}
	segs, err := parse(string(data))
	var conv *transcript.Conversation
	if err == nil {
		conv, err = buildVoice(segs, id, in.voiceStart())
	}
	if err != nil {
		var fe *transcript.FieldError
		if errors.As(err, &fe) {
			fe.Record = record
		}
		return in.reject(where, err)
	}
	return in.accept(conv, where)
}

func (in *input) voiceStart() time.Time {
	if in.opts.VoiceStart.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return in.opts.VoiceStart
}

// buildVoice turns speech segments into turns: consecutive segments of one speaker (same role
// and name) merge into one turn, whose time is the start of its first cue. An agent's name
// serves as the agent id, since transcripts carry no other.
func buildVoice(segs []segment, id string, start time.Time) (*transcript.Conversation, error) {
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].start < segs[j].start })
	conv := &transcript.Conversation{ID: id, Channel: transcript.ChannelVoice, StartedAt: &start}
	var speaker transcript.Speaker
	var name string
	joinable := false // whether the next text may join the last turn
	for _, s := range segs {
		if s.label != "" {
			sp, who, ok := labelSpeaker(s.label)
			if !ok {
				return nil, cueError(s.line, transcript.ErrInvalidValue,
					fmt.Sprintf("speaker %q; start the label with Agent, Customer, Operator, Client, Оператор, Клиент, Клієнт, ...", s.label))
			}
			joinable = joinable && sp == speaker && who == name
			speaker, name = sp, who
		}
		if speaker == "" {
			return nil, cueError(s.line, transcript.ErrMissing, "no speaker label before this text")
		}
		if s.text == "" {
			continue
		}
		if joinable {
			last := &conv.Turns[len(conv.Turns)-1]
			last.Text += " " + s.text
			continue
		}
		at := start.Add(s.start)
		conv.Turns = append(conv.Turns, voiceTurn(conv, speaker, name, s.text, &at))
		joinable = true
	}
	return conv, nil
}

// voiceTurn makes a turn and records the named customer or agent.
func voiceTurn(conv *transcript.Conversation, speaker transcript.Speaker, name, text string, at *time.Time) transcript.Turn {
	turn := transcript.Turn{Speaker: speaker, Text: text, At: at}
	switch {
	case speaker == transcript.SpeakerCustomer && name != "" && conv.Customer == nil:
		conv.Customer = &transcript.Customer{Name: name}
	case speaker == transcript.SpeakerAgent && name != "":
		turn.AgentID = name
		if _, ok := conv.AgentByID(name); !ok {
			conv.Agents = append(conv.Agents, transcript.Agent{ID: name, Name: name})
		}
	}
	return turn
}
