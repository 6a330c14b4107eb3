package check

import (
	"fmt"
	"strings"

	"github.com/qa-scorer/qa-scorer/internal/textproc"
)

// Phrase sets of the bad-news-first check.
const (
	// SetBadNewsBad holds bad news: refusals, delays, regrets ("unfortunately", "we can't",
	// "к сожалению", "не можем", "на жаль", "din păcate").
	SetBadNewsBad = "bad_news.bad"
	// SetBadNewsGood holds good news or an alternative ("but we can", "however, I can",
	// "зато", "но мы можем", "але ми можемо", "dar putem", "instead").
	SetBadNewsGood = "bad_news.good"
	// SetBadNewsOffer holds what the agent offers to do, wherever it stands ("we can", "I
	// could", "мы можем", "ми можемо", "vă putem"): good news, unless it is an offer of more
	// help ("Is there anything else I can help with?").
	SetBadNewsOffer = "bad_news.offer"
	// SetBadNewsExclude holds what a good-news phrase or an offer may be part of without
	// offering anything: "I can see", "I can confirm", "so we can check", "я вижу", "можу
	// підтвердити", "văd că".
	SetBadNewsExclude = "bad_news.exclude"
	// SetBadNewsContrast holds the words that turn from bad news to what still works ("but",
	// "however", "но", "однако", "але", "проте", "dar", "însă"): after bad news, a clause they
	// open with neither a negation nor more bad news is the alternative ("Sadly the 19:48 is
	// cancelled as well, but the 20:12 is running").
	SetBadNewsContrast = "bad_news.contrast"
)

var badNewsSets = []string{SetBadNewsBad, SetBadNewsGood, SetBadNewsOffer, SetBadNewsExclude, SetBadNewsContrast, SetClosingOffer}

// Reasons of bad_news_first. A fail in one reply names its turn and both phrases; a fail in
// several replies lists them in {pairs}, in English ("turn 3: "we can" before "cannot"; …").
var (
	badNewsNA          = explanation{"bad_news_first.na", NA, "no agent reply carries both bad news and good news or an alternative"}
	badNewsFail        = explanation{"bad_news_first.fail", Fail, `good news or an alternative comes before the bad news: turn {turn}: "{good}" before "{bad}"`}
	badNewsFailSeveral = explanation{"bad_news_first.fail_several", Fail, "good news or an alternative comes before the bad news: {pairs}"}
	badNewsPass        = explanation{"bad_news_first.pass", Pass, `the bad news comes first ("{bad}", then "{good}")`}
)

var badNewsReasons = []explanation{badNewsNA, badNewsFail, badNewsFailSeveral, badNewsPass}

// BadNewsFirst checks that an agent reply carrying both bad news and good news or an
// alternative starts with the bad news (spec/checks.md §bad_news_first).
//
// In each agent reply the first bad-news phrase and the first good-news phrase are compared by
// position. Good news is an alternative, compensation or a turn to what the agent does after all
// (bad_news.good: "instead", "зато", "..., but I've already filed a dispute"), or an offer
// wherever it stands (bad_news.offer: "We can send a replacement, but unfortunately ..." offers
// first). A phrase of either followed by a negation or by bad news ("but we can't" is "but we
// can" + "n't"; "но мы, к сожалению, не можем"), holding a negation in a gap ("але ... можна" in
// "але не можна"), or overlapping a bad-news phrase or a bad_news.exclude phrase ("I can see")
// is no good news; nor is an offer in a sentence that offers more help ("Мы можем ещё чем-то
// помочь?"). Negated bad news ("it's not impossible") is none either.
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
	var pairs []string
	var fail Args
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
			pairs = append(pairs, fmt.Sprintf("turn %d: %s before %s", a, quote(gev.Text), quote(bad.Text)))
			if fail == nil {
				fail = Args{"turn": a, "good": clip(gev.Text), "bad": clip(bad.Text)}
			}
			continue
		}
		if first == nil {
			first = []Evidence{bad, gev}
		}
	}
	switch {
	case both == 0:
		return badNewsNA.result(nil)
	case len(pairs) == 1:
		return badNewsFail.result(fail, failed...)
	case len(pairs) > 1:
		return badNewsFailSeveral.result(Args{"pairs": strings.Join(pairs, "; ")}, failed...)
	}
	return badNewsPass.result(Args{"bad": clip(first[0].Text), "good": clip(first[1].Text)}, first...)
}

// firstGoodNews returns the first good-news phrase or offer of agent turn i that is not negated
// after it or inside it, is not followed right away by bad news and overlaps neither bad news
// nor an excluded phrase; an offer must not stand in a sentence offering more help.
func (in *Input) firstGoodNews(i int, bads []Match) (Match, bool) {
	var first Match
	found := false
	for _, c := range []func() (Match, bool){
		func() (Match, bool) { return in.firstGood(i, SetBadNewsGood, bads, false) },
		func() (Match, bool) { return in.firstGood(i, SetBadNewsOffer, bads, true) },
		func() (Match, bool) { return in.contrastAfterBad(i, bads) },
	} {
		if m, ok := c(); ok && (!found || m.First < first.First) {
			first, found = m, true
		}
	}
	return first, found
}

// contrastAfterBad returns the first bad_news.contrast word of agent turn i that follows bad
// news and opens a clause of at least two words, to the end of its sentence, with no negation
// and no bad news in it: "..., but the 20:12 to York is running" turns to an alternative, "...,
// but we can't" and "..., but no" do not.
func (in *Input) contrastAfterBad(i int, bads []Match) (Match, bool) {
	t := in.Turn(i)
	for _, c := range in.Find(SetBadNewsContrast, i) {
		s := sentenceOfToken(t, c.First)
		if s < 0 || len(bads) == 0 || bads[0].First >= c.First || overlapsAny(bads, c.First, c.Last+1) {
			continue
		}
		words, clean, clause := 0, true, true
		m := c
		for k := c.Last + 1; k < t.Sentences[s].Last && clean; k++ {
			tok := &t.Tokens[k]
			if tok.Kind == textproc.Punct && words > 0 && strings.ContainsAny(tok.Text, ",;:—–") {
				clause = false // the evidence quotes the clause the word opens
			}
			if tok.Kind != textproc.Word && tok.Kind != textproc.Number {
				continue
			}
			words++
			clean = !in.Lexicon.IsNegation(tok.Norm) && !startsAny(bads, k)
			if clause {
				m.Last, m.End = k, tok.End
			}
		}
		if clean && words >= 2 {
			return m, true
		}
	}
	return Match{}, false
}

// startsAny reports whether a match starts at token k.
func startsAny(ms []Match, k int) bool {
	for _, m := range ms {
		if m.First == k {
			return true
		}
	}
	return false
}

// firstGood returns the first match of set in agent turn i that firstGoodNews accepts;
// offering says the set holds offers, which an offer of more help in their sentence voids.
func (in *Input) firstGood(i int, set string, bads []Match, offering bool) (Match, bool) {
	t := in.Turn(i)
	var excluded, offers []Match
	for k, m := range in.Find(set, i) {
		if k == 0 {
			excluded = in.Find(SetBadNewsExclude, i)
			if offering {
				offers = in.Find(SetClosingOffer, i)
			}
		}
		if overlapsAny(bads, m.First, m.Last+1) || overlapsAny(excluded, m.First, m.Last+1) ||
			in.negatedAfter(i, m) || in.negationInside(i, m) || badNewsNext(t, m, bads) {
			continue
		}
		if s := sentenceOfToken(t, m.First); offering && s >= 0 && offersMoreHelp(t.Sentences[s], offers, m) {
			continue
		}
		return m, true
	}
	return Match{}, false
}

// offersMoreHelp reports whether sentence s, which holds offer m, offers more help rather than
// the next step: a question with a closing offer in it ("Is there anything else I can help
// with?"), or a closing offer that starts before m ("If there's anything else I can do, ...").
// "I can book you on Friday" is itself a closing offer of the next step, and good news.
func offersMoreHelp(s textproc.Sentence, offers []Match, m Match) bool {
	for _, o := range offers {
		if o.First < s.First || o.First >= s.Last {
			continue
		}
		if s.Question || o.First < m.First {
			return true
		}
	}
	return false
}

// badNewsNext reports whether the first word after match m starts a bad-news phrase: "мы" in
// "но мы, к сожалению, не можем" turns to no alternative.
func badNewsNext(t *textproc.Text, m Match, bads []Match) bool {
	for k := m.Last + 1; k < len(t.Tokens); k++ {
		if kind := t.Tokens[k].Kind; kind == textproc.Word || kind == textproc.Number {
			for _, b := range bads {
				if b.First == k {
					return true
				}
			}
			return false
		}
	}
	return false
}
