package check

import (
	"fmt"
	"strings"
)

// Phrase sets of the bad-news-first check.
const (
	// SetBadNewsBad holds bad news: refusals, delays, regrets ("unfortunately", "we can't",
	// "к сожалению", "не можем", "на жаль", "din păcate").
	SetBadNewsBad = "bad_news.bad"
	// SetBadNewsGood holds good news or an alternative ("but we can", "however, I can",
	// "зато", "но мы можем", "але ми можемо", "dar putem", "instead").
	SetBadNewsGood = "bad_news.good"
)

var badNewsSets = []string{SetBadNewsBad, SetBadNewsGood}

// BadNewsFirst checks that an agent reply carrying both bad news and good news or an
// alternative starts with the bad news (spec/checks.md §bad_news_first).
//
// In each agent reply the first bad-news phrase and the first good-news phrase are compared by
// position. A good-news phrase followed by a negation ("but we can't" is "but we can" + "n't"),
// holding one in a gap ("але ... можна" in "але не можна") or overlapping a bad-news phrase is
// no good news. Negated bad news ("it's not impossible")
// is none either.
//
//   - pass: every reply with both has the bad news first.
//   - fail: a reply has the good news first; each such reply is cited with both phrases.
//   - na: no reply carries both.
func BadNewsFirst(in *Input) Result {
	if in.Set(SetBadNewsBad) == nil {
		return in.NoLexicon()
	}
	var both int
	var first []Evidence
	var failed []Evidence
	var quotes []string
	for _, a := range agentTurns(in.Conv) {
		bads := in.Find(SetBadNewsBad, a)
		if len(bads) == 0 {
			continue
		}
		good, ok := in.firstGoodNews(a, bads)
		if !ok {
			continue
		}
		both++
		bad := in.Evidence(a, bads[0])
		gev := in.Evidence(a, good)
		if good.Start < bads[0].Start {
			failed = append(failed, gev, bad)
			quotes = append(quotes, fmt.Sprintf("turn %d: %s before %s", a, quote(gev.Text), quote(bad.Text)))
			continue
		}
		if first == nil {
			first = []Evidence{bad, gev}
		}
	}
	switch {
	case both == 0:
		return Result{Outcome: NA, Reason: "no agent reply carries both bad news and good news or an alternative"}
	case len(failed) > 0:
		return Result{Outcome: Fail, Reason: "good news or an alternative comes before the bad news: " + strings.Join(quotes, "; "), Evidence: failed}
	}
	return Result{
		Outcome:  Pass,
		Reason:   fmt.Sprintf("the bad news comes first (%s, then %s)", quote(first[0].Text), quote(first[1].Text)),
		Evidence: first,
	}
}

// firstGoodNews returns the first good-news phrase of agent turn i that is not negated after
// it and does not overlap bad news.
func (in *Input) firstGoodNews(i int, bads []Match) (Match, bool) {
	for _, m := range in.Find(SetBadNewsGood, i) {
		if !overlapsAny(bads, m.First, m.Last+1) && !in.negatedAfter(i, m) && !in.negationInside(i, m) {
			return m, true
		}
	}
	return Match{}, false
}
