package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/transcript"
)

// The Kaggle "Customer Support on Twitter" corpus (twcs.csv): one tweet per row,
//
//	tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
//	1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 I understand...,2,3.0
//
// author_id is a company handle for outbound tweets and an anonymised number for customers;
// inbound is True for tweets to the company; response_tweet_id lists replies ("9,6,10");
// in_response_to_tweet_id names the parent, written as a float ("3.0") by pandas.

// twcsTimeLayout is how the corpus writes created_at.
const twcsTimeLayout = "Mon Jan 02 15:04:05 -0700 2006"

// twcsColumns are the corpus's headers, all required.
var twcsColumns = [...]string{"tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"}

// tweet is one row of twcs.csv.
type tweet struct {
	row       int
	ID        string
	AuthorID  string
	Inbound   string
	CreatedAt string
	Text      string
	Responses []string // response_tweet_id, split
	InReplyTo string   // in_response_to_tweet_id
	err       error    // a cell that is not UTF-8 or a row of the wrong width
}

// readTweets reads every row of a twcs.csv file.
func readTweets(in *input) ([]tweet, error) {
	cr := newCSVReader(in, ',')
	header, err := readCSVHeader(cr)
	if err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(h)] = i
	}
	for _, c := range twcsColumns {
		if _, ok := idx[c]; !ok {
			return nil, fmt.Errorf("%w %q; the header has %q", ErrBadHeader, c, header)
		}
	}
	var tweets []tweet
	for n := 2; ; n++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return tweets, nil
		}
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		get := func(col string) string {
			if i := idx[col]; i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		t := tweet{row: n, ID: tweetID(get("tweet_id")), AuthorID: get("author_id"), Inbound: get("inbound"),
			CreatedAt: get("created_at"), Text: get("text"), InReplyTo: tweetID(get("in_response_to_tweet_id"))}
		for _, id := range strings.Split(get("response_tweet_id"), ",") {
			if id = tweetID(id); id != "" {
				t.Responses = append(t.Responses, id)
			}
		}
		t.err = checkCells(n, cells, header)
		tweets = append(tweets, t)
	}
}

// tweetID normalises a tweet id: pandas wrote parents as floats ("3.0").
func tweetID(s string) string {
	return strings.TrimSuffix(strings.TrimSpace(s), ".0")
}

// tweetError names a tweet's row and column.
func tweetError(t tweet, column string, err error, detail string) error {
	return &transcript.FieldError{Record: fmt.Sprintf("row %d", t.row), Field: column, Err: err, Detail: detail}
}
