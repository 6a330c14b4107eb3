package importer

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// readTWCS rebuilds conversations from the reply links of the Twitter corpus: a conversation is
// a connected reply tree, flattened in time order. Trees are emitted in the order their first
// row appears. The whole file is held in memory, since replies may come before their parents.
func readTWCS(in *input) error {
	tweets, err := readTweets(in)
	if err != nil {
		return err
	}
	for _, thread := range groupThreads(tweets) {
		where := fmt.Sprintf("row %d", thread[0].row)
		conv, err := buildThread(thread)
		if err != nil {
			err = in.reject(where, err)
		} else {
			err = in.accept(conv, where)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// groupThreads splits tweets into reply trees, joining a tweet with its parent and its replies
// (also through tweets missing from the file), in the order of each tree's first row.
func groupThreads(tweets []tweet) [][]tweet {
	uf := unionFind{}
	key := func(t tweet) string {
		if t.ID == "" {
			return fmt.Sprintf("\x00row %d", t.row) // no id: a thread of its own
		}
		return t.ID
	}
	for _, t := range tweets {
		uf.find(key(t))
		if t.ID == "" {
			continue
		}
		if t.InReplyTo != "" {
			uf.union(t.ID, t.InReplyTo)
		}
		for _, r := range t.Responses {
			uf.union(t.ID, r)
		}
	}
	index := map[string]int{}
	var threads [][]tweet
	for _, t := range tweets {
		root := uf.find(key(t))
		i, ok := index[root]
		if !ok {
			i = len(threads)
			index[root] = i
			threads = append(threads, nil)
		}
		threads[i] = append(threads[i], t)
	}
	return threads
}

// buildThread turns one reply tree into a conversation: inbound tweets are the customer's, the
// company's are the agent's (the company handle is the agent id).
func buildThread(thread []tweet) (*transcript.Conversation, error) {
	turns := make([]transcript.Turn, 0, len(thread))
	for _, t := range thread {
		turn, err := tweetTurn(t)
		if err != nil {
			return nil, err
		}
		turns = append(turns, turn)
	}
	order := make([]int, len(thread))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return turns[order[a]].At.Before(*turns[order[b]].At) })
	conv := &transcript.Conversation{ID: "tw-" + thread[order[0]].ID, Channel: transcript.ChannelSocial}
	for _, i := range order {
		t, turn := thread[i], turns[i]
		if turn.Speaker == transcript.SpeakerCustomer && conv.Customer == nil {
			conv.Customer = &transcript.Customer{ID: t.AuthorID}
		}
		if turn.Speaker == transcript.SpeakerAgent {
			if _, ok := conv.AgentByID(t.AuthorID); !ok {
				conv.Agents = append(conv.Agents, transcript.Agent{ID: t.AuthorID, Name: t.AuthorID})
			}
		}
		conv.Turns = append(conv.Turns, turn)
	}
	return conv, nil
}

func tweetTurn(t tweet) (transcript.Turn, error) {
	if t.err != nil {
		return transcript.Turn{}, t.err
	}
	var speaker transcript.Speaker
	switch strings.ToLower(t.Inbound) {
	case "true":
		speaker = transcript.SpeakerCustomer
	case "false":
		speaker = transcript.SpeakerAgent
	default:
		return transcript.Turn{}, tweetError(t, "inbound", transcript.ErrInvalidValue, fmt.Sprintf("%q; True or False", t.Inbound))
	}
	switch {
	case t.ID == "":
		return transcript.Turn{}, tweetError(t, "tweet_id", transcript.ErrMissing, "")
	case t.AuthorID == "":
		return transcript.Turn{}, tweetError(t, "author_id", transcript.ErrMissing, "")
	case t.Text == "":
		return transcript.Turn{}, tweetError(t, "text", transcript.ErrMissing, "")
	}
	at, err := time.Parse(twcsTimeLayout, t.CreatedAt)
	if err != nil {
		return transcript.Turn{}, tweetError(t, "created_at", transcript.ErrInvalidTime, fmt.Sprintf("%q; like Tue Oct 31 22:10:47 +0000 2017", t.CreatedAt))
	}
	turn := transcript.Turn{Speaker: speaker, Text: t.Text, At: &at}
	if speaker == transcript.SpeakerAgent {
		turn.AgentID = t.AuthorID
	}
	return turn, nil
}

// unionFind joins tweet ids into reply trees.
type unionFind map[string]string

func (u unionFind) find(x string) string {
	if _, ok := u[x]; !ok {
		u[x] = x
	}
	for u[x] != x {
		u[x] = u[u[x]] // path halving
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u[rb] = ra
	}
}
